import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FindingPage, FindingTransition, FindingView } from '@yufang/contracts';
import type { z } from 'zod';
import { api, type QueryParams } from '../../api/client';
import { useKeysetQuery } from '../../api/keyset';

const KEY = ['reconcile'] as const;

export function useFindings(params: QueryParams) {
  return useKeysetQuery<FindingView, z.infer<typeof FindingPage>>([...KEY, 'list'], '/reconcile/findings', params);
}

export function useFinding(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => api.get<FindingView>(`/reconcile/findings/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useTransition(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<FindingTransition, 'note'> & { note?: string }) =>
      api.post<FindingView>(`/reconcile/findings/${id}/transition`, input),
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
