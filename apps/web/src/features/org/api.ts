import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { EmployerOption, RegionView, UnitView } from '@yufang/contracts';
import { api } from '../../api/client';

// Code tables change rarely: keep them for the session.
const LONG = 10 * 60_000;

/** Regions the caller may see (the server limits them to the caller's scope). */
export function useRegions(enabled = true) {
  return useQuery({
    queryKey: ['org', 'regions'],
    queryFn: ({ signal }) => api.get<RegionView[]>('/org/regions', undefined, signal),
    staleTime: LONG,
    enabled,
  });
}

export function useUnits(enabled = true) {
  return useQuery({
    queryKey: ['org', 'units'],
    queryFn: ({ signal }) => api.get<UnitView[]>('/org/units', undefined, signal),
    staleTime: LONG,
    enabled,
  });
}

/** Employers matching a keyword, for the scope picker (already limited to the caller's scope). */
/** Employers or service organisations matching a name or USCC, in the caller's scope (for scope pickers). */
export function useOrganisationOptions(registry: 'employers' | 'providers', q: string, enabled = true) {
  return useQuery({
    queryKey: ['org', registry, q],
    queryFn: ({ signal }) => api.get<EmployerOption[]>(`/org/${registry}`, { q }, signal),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Current (not retired) regions as select options, province → city → counties. */
export function regionOptions(regions: RegionView[] | undefined) {
  return (regions ?? []).filter((r) => !r.replacedBy).map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }));
}
