import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DataSetDetail,
  DataSetView,
  LoadPage,
  LoadView,
  RecordPage,
  RecordView,
  TokenCreateInput,
  TokenView,
} from '@yufang/contracts';
import type { z } from 'zod';
import { api, type QueryParams } from '../../api/client';
import { useKeysetQuery } from '../../api/keyset';

const KEY = ['exchange'] as const;

export function useDataSets() {
  return useQuery({
    queryKey: [...KEY, 'sets'],
    queryFn: ({ signal }) => api.get<DataSetView[]>('/exchange/data-sets', undefined, signal),
  });
}

export function useDataSet(code: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'set', code],
    queryFn: ({ signal }) => api.get<DataSetDetail>(`/exchange/data-sets/${code}`, undefined, signal),
    enabled: !!code,
  });
}

export function useLoads(code: string | undefined) {
  return useKeysetQuery<LoadView, z.infer<typeof LoadPage>>(
    [...KEY, 'loads', code],
    `/exchange/data-sets/${code}/loads`,
    {},
    {
      limit: 20,
      enabled: !!code,
    },
  );
}

export function useRecords(code: string | undefined, params: QueryParams, enabled: boolean) {
  return useKeysetQuery<RecordView, z.infer<typeof RecordPage>>(
    [...KEY, 'records', code],
    `/exchange/data-sets/${code}/records`,
    params,
    { limit: 50, enabled: !!code && enabled },
  );
}

export function useTokens() {
  return useQuery({
    queryKey: [...KEY, 'tokens'],
    queryFn: ({ signal }) => api.get<TokenView[]>('/exchange/tokens', undefined, signal),
  });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TokenCreateInput) => api.post<{ token: TokenView; secret: string }>('/exchange/tokens', input),
    onSettled: () => qc.invalidateQueries({ queryKey: [...KEY, 'tokens'] }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<TokenView>(`/exchange/tokens/${id}/revoke`),
    onSettled: () => qc.invalidateQueries({ queryKey: [...KEY, 'tokens'] }),
  });
}
