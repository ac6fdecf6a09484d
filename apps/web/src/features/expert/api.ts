import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ExpertAction,
  ExpertCreateInput,
  ExpertDetail,
  ExpertImportResult,
  ExpertOptions,
  ExpertPage,
  ExpertProfileInput,
  ExpertUnmaskedView,
  ExpertView,
} from '@yufang/contracts';
import { API_BASE, api } from '../../api/client';
import { useKeysetQuery } from '../../api/keyset';
import { uploadFile } from '../../api/upload';

/** The list filters as they travel in the URL and the query string. */
export interface ExpertFilters {
  status?: string;
  domain?: string;
  countyCode?: string;
  group?: string;
  termEndBefore?: string;
  q?: string;
}
export const FILTER_KEYS = [
  'status',
  'domain',
  'countyCode',
  'group',
  'termEndBefore',
  'q',
] as const satisfies readonly (keyof ExpertFilters)[];

const KEY = ['experts'] as const;

export function useExperts(filters: ExpertFilters) {
  return useKeysetQuery<ExpertView, ExpertPage>([...KEY, 'list'], '/experts', { ...filters });
}

export function useExpertOptions() {
  return useQuery({
    queryKey: [...KEY, 'options'],
    queryFn: ({ signal }) => api.get<ExpertOptions>('/experts/options', undefined, signal),
    staleTime: 10 * 60_000,
  });
}

export function useExpert(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => api.get<ExpertDetail>(`/experts/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useCreateExpert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ExpertCreateInput) => api.post<ExpertDetail>('/experts', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useUpdateExpert(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ExpertProfileInput) => api.put<ExpertDetail>(`/experts/${id}`, input),
    // a 409 means what is on screen is stale too
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useExpertTransition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: { action: ExpertAction; version: number } & Record<string, unknown>) =>
      api.post<ExpertDetail>(`/experts/${id}/${action}`, body),
    // a 409 means what is on screen is stale too
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export type ExpertRecordKind = 'relations' | 'qualifications' | 'discipline' | 'unavailability';

export function useAddExpertRecord(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, ...body }: { kind: ExpertRecordKind } & Record<string, unknown>) =>
      api.post<ExpertDetail>(`/experts/${id}/${kind}`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useUnmaskExpert(id: string) {
  return useMutation({ mutationFn: () => api.post<ExpertUnmaskedView>(`/experts/${id}/unmask`) });
}

export function useUploadExpertDocument(id: string, csrfToken: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (p: number) => void }) =>
      uploadFile<ExpertDetail>(`/experts/${id}/documents`, file, csrfToken, onProgress),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...KEY, 'one', id] }),
  });
}

/** Sends the neighbouring city's .xlsx as the raw body; answers the count or the row errors. */
export async function importExperts(file: File, sourceCity: string, csrfToken: string): Promise<ExpertImportResult> {
  const response = await fetch(`${API_BASE}/experts/import?sourceCity=${encodeURIComponent(sourceCity)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'x-csrf-token': csrfToken,
      accept: 'application/json',
    },
    body: file,
  });
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    const fields = (payload?.fields ?? []) as { message: string }[];
    throw new Error(fields.length ? fields.map((f) => f.message).join('\n') : (payload?.message ?? '导入失败'));
  }
  return payload as ExpertImportResult;
}

export const exportUrl = `${API_BASE}/experts/export`;

export function documentUrl(expertId: string, documentId: string): string {
  return `${API_BASE}/experts/${expertId}/documents/${documentId}`;
}
