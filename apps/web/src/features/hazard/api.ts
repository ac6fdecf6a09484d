import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  HazardCountySummary,
  HazardDetail,
  HazardEvidenceView,
  HazardOptions,
  HazardPage,
  HazardReportInput,
  HazardView,
} from '@yufang/contracts';
import type { z } from 'zod';
import { API_BASE, api } from '../../api/client';
import { useKeysetQuery } from '../../api/keyset';
import { uploadFile } from '../../api/upload';

export type HazardPageData = z.infer<typeof HazardPage>;
export type HazardAction = 'notify' | 'respond' | 'submit' | 'verify' | 'reject';

/** The queue filters as they travel in the URL and the query string. */
export interface HazardFilters {
  status?: string;
  level?: string;
  countyCode?: string;
  unitCode?: string;
  overdue?: string;
}
export const FILTER_KEYS = [
  'status',
  'level',
  'countyCode',
  'unitCode',
  'overdue',
] as const satisfies readonly (keyof HazardFilters)[];

const KEY = ['hazards'] as const;

export function useHazards(filters: HazardFilters) {
  return useKeysetQuery<HazardView, HazardPageData>([...KEY, 'list'], '/hazards', { ...filters });
}

export function useHazardSummary(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'summary'],
    queryFn: ({ signal }) => api.get<HazardCountySummary[]>('/hazards/summary', undefined, signal),
    enabled,
  });
}

export function useHazardOptions(q = '') {
  return useQuery({
    queryKey: [...KEY, 'options', q],
    queryFn: ({ signal }) => api.get<HazardOptions>('/hazards/options', { q }, signal),
    placeholderData: (previous) => previous,
  });
}

export function useHazard(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => api.get<HazardDetail>(`/hazards/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useReportHazard(selfReport: boolean) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: HazardReportInput) =>
      api.post<HazardDetail>(selfReport ? '/hazards/self-reports' : '/hazards', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useHazardTransition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: { action: HazardAction; version: number } & Record<string, unknown>) =>
      api.post<HazardDetail>(`/hazards/${id}/${action}`, body),
    // a 409 means what is on screen is stale too
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useUploadEvidence(id: string, csrfToken: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (p: number) => void }) =>
      uploadFile<HazardEvidenceView>(`/hazards/${id}/evidence`, file, csrfToken, onProgress),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...KEY, 'one', id] }),
  });
}

export function evidenceUrl(hazardId: string, evidenceId: string): string {
  return `${API_BASE}/hazards/${hazardId}/evidence/${evidenceId}`;
}
