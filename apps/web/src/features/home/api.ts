import { useQuery } from '@tanstack/react-query';
import type { Workbench } from '@yufang/contracts';
import { api } from '../../api/client';

export function useWorkbench() {
  return useQuery({
    queryKey: ['home', 'workbench'],
    queryFn: ({ signal }) => api.get<Workbench>('/home/workbench', undefined, signal),
  });
}
