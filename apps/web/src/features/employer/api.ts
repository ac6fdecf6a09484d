import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EmployerHistoryPage,
  EmployerHistoryView,
  EmployerPage,
  EmployerUpdateInput,
  EmployerView,
  HeadcountView,
} from '@yufang/contracts';
import type { z } from 'zod';
import { API_BASE, api, toQueryString } from '../../api/client';
import { useKeysetQuery } from '../../api/keyset';

export type EmployerPageData = z.infer<typeof EmployerPage>;
export type EmployerHistoryPageData = z.infer<typeof EmployerHistoryPage>;

/** The list filters as they travel in the URL and the query string. */
export interface EmployerFilters {
  q?: string;
  countyCode?: string;
  industryCode?: string;
  riskClass?: string;
  keyIndustry?: string;
  dustHazard?: string;
  insuranceStatus?: string;
}
export const FILTER_KEYS = [
  'q',
  'countyCode',
  'industryCode',
  'riskClass',
  'keyIndustry',
  'dustHazard',
  'insuranceStatus',
] as const satisfies readonly (keyof EmployerFilters)[];

const KEY = ['employers'] as const;

export function useEmployers(filters: EmployerFilters) {
  return useKeysetQuery<EmployerView, EmployerPageData>([...KEY, 'list'], '/employers', { ...filters });
}

/** The .xlsx export is a plain download with the current filters: the browser sends the session cookie. */
export function employerExportUrl(filters: EmployerFilters): string {
  return `${API_BASE}/employers/export${toQueryString({ ...filters })}`;
}

export function useEmployer(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => api.get<EmployerView>(`/employers/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useEmployerHistory(id: string) {
  return useKeysetQuery<EmployerHistoryView, EmployerHistoryPageData>(
    [...KEY, 'history', id],
    `/employers/${id}/history`,
    {},
    { limit: 20 },
  );
}

export function useHeadcounts(id: string, from?: string, to?: string) {
  return useQuery({
    queryKey: [...KEY, 'headcounts', id, from, to],
    queryFn: ({ signal }) => api.get<HeadcountView[]>(`/employers/${id}/headcounts`, { from, to }, signal),
  });
}

export function useUpdateEmployer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: EmployerUpdateInput }) =>
      api.put<EmployerView>(`/employers/${id}`, input),
    // a 409 means what is on screen is stale too
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
