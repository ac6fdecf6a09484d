import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SecurityPolicyInput, SecurityPolicyView } from '@yufang/contracts';
import type { z } from 'zod';
import { api } from '../../api/client';

export type PolicyView = z.infer<typeof SecurityPolicyView>;
export type PolicyInput = z.infer<typeof SecurityPolicyInput>;

const KEY = ['security', 'policy'] as const;

export function useSecurityPolicy() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<PolicyView>('/security/policy', undefined, signal),
    staleTime: 0,
  });
}

export function useSaveSecurityPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PolicyInput) => api.put<PolicyView>('/security/policy', input),
    onSuccess: (saved) => queryClient.setQueryData(KEY, saved),
  });
}
