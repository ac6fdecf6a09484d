import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DashboardView, TargetView } from '@yufang/contracts';
import { API_BASE, api, toQueryString } from '../../api/client';

/** The dashboard filters as they travel in the URL (shared by every chart of the page). */
export const FILTER_KEYS = ['yearFrom', 'yearTo', 'county', 'industry', 'keyIndustry'] as const;
export type DashboardFilters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

export function useDashboard(filters: DashboardFilters) {
  return useQuery({
    queryKey: ['analysis', 'dashboard', filters],
    queryFn: ({ signal }) => api.get<DashboardView>('/analysis/dashboard', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTargets(cycle: string | undefined) {
  return useQuery({
    queryKey: ['analysis', 'targets', cycle],
    queryFn: ({ signal }) => api.get<TargetView>('/analysis/targets', { cycle }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The .xlsx of one chart's table is a plain download: the browser sends the session cookie. */
export function chartExportUrl(chart: string, filters: DashboardFilters & { cycle?: string }): string {
  return `${API_BASE}/analysis/export${toQueryString({ ...filters, chart })}`;
}

/** The record list behind a chart item (engineer B's lists take these query parameters). */
export function drillHref(path: string, params: Record<string, string>): string {
  return `${path}${toQueryString(params)}`;
}
