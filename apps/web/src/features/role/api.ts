import { useQuery } from '@tanstack/react-query';
import type { RoleView } from '@yufang/contracts';
import { api } from '../../api/client';

export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: ({ signal }) => api.get<RoleView[]>('/roles', undefined, signal),
  });
}
