import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  InspectionOptions,
  InspectionPlanDetail,
  InspectionPlanInput,
  InspectionPlanPage,
  InspectionPlanView,
  InspectionStatusInput,
  InspectionVisitInput,
} from '@yufang/contracts';
import type { z } from 'zod';
import { API_BASE, api } from '../../api/client';
import { useKeysetQuery } from '../../api/keyset';

export type InspectionPageData = z.infer<typeof InspectionPlanPage>;

export interface InspectionFilters {
  status?: string;
  regionCode?: string;
  year?: string;
  q?: string;
}
export const FILTER_KEYS = [
  'status',
  'regionCode',
  'year',
  'q',
] as const satisfies readonly (keyof InspectionFilters)[];

const KEY = ['inspections'] as const;

export function useInspections(filters: InspectionFilters) {
  return useKeysetQuery<InspectionPlanView, InspectionPageData>([...KEY, 'list'], '/inspections', { ...filters });
}

export function useInspectionOptions(q = '', regionCode?: string) {
  return useQuery({
    queryKey: [...KEY, 'options', q, regionCode],
    queryFn: ({ signal }) => api.get<InspectionOptions>('/inspections/options', { q, regionCode }, signal),
    placeholderData: (previous) => previous,
  });
}

export function useInspection(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => api.get<InspectionPlanDetail>(`/inspections/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useSavePlan(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InspectionPlanInput & { version?: number }) =>
      id
        ? api.put<InspectionPlanDetail>(`/inspections/${id}`, input)
        : api.post<InspectionPlanDetail>('/inspections', input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function usePlanStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InspectionStatusInput) => api.post<InspectionPlanDetail>(`/inspections/${id}/status`, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRecordVisit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ targetId, ...input }: InspectionVisitInput & { targetId: string }) =>
      api.post<InspectionPlanDetail>(`/inspections/${id}/targets/${targetId}/visit`, input),
    onSettled: () => {
      queryClient.invalidateQueries({ queryKey: KEY });
      queryClient.invalidateQueries({ queryKey: ['hazards'] });
    },
  });
}

export function exportUrl(id: string): string {
  return `${API_BASE}/inspections/${id}/export`;
}
