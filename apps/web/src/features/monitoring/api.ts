import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MonitoringCounts,
  MonitoringDetail,
  MonitoringEntryView,
  MonitoringOptions,
  MonitoringPage,
} from '@yufang/contracts';
import { API_BASE, api, toQueryString } from '../../api/client';
import { useKeysetQuery } from '../../api/keyset';

export interface MonitoringFilters {
  status: 'active' | 'exited';
  countyCode?: string;
  reason?: string;
  ownerId?: string;
}

const KEY = ['monitoring'] as const;

export function useMonitoring(filters: MonitoringFilters) {
  return useKeysetQuery<MonitoringEntryView, MonitoringPage>([...KEY, 'list'], '/monitoring', { ...filters });
}

export function useMonitoringCounts(filters: MonitoringFilters) {
  return useQuery({
    queryKey: [...KEY, 'counts', filters.status, filters.countyCode],
    queryFn: ({ signal }) =>
      api.get<MonitoringCounts>(
        '/monitoring/counts',
        { status: filters.status, countyCode: filters.countyCode },
        signal,
      ),
  });
}

export function useMonitoringOptions() {
  return useQuery({
    queryKey: [...KEY, 'options'],
    queryFn: ({ signal }) => api.get<MonitoringOptions>('/monitoring/options', undefined, signal),
  });
}

export function useMonitoringEntry(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => api.get<MonitoringDetail>(`/monitoring/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function exportUrl(filters: MonitoringFilters): string {
  return `${API_BASE}/monitoring/export${toQueryString({ ...filters })}`;
}

export function useMonitoringEdit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      action,
      ...body
    }: { action: 'owner' | 'actions' | 'exit'; version: number } & Record<string, unknown>) =>
      api.post<MonitoringDetail>(`/monitoring/${id}/${action}`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
