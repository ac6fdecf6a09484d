import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ProviderDetail,
  ProviderOptions,
  ProviderPage,
  ProviderSummary,
  PublicProviderLists,
  PublicProviderProfile,
  QualificationView,
} from '@yufang/contracts';
import { API_BASE, api } from '../../api/client';
import { useKeysetQuery } from '../../api/keyset';
import { uploadFile } from '../../api/upload';

export interface ProviderFilters {
  q?: string;
  serviceType?: string;
  status?: string;
  list?: string;
  grade?: string;
  sanctioned?: string;
}

const KEY = ['provider'] as const;

/** Where the organisation's routes are: the bureau's /providers or the organisation's own /my-providers. */
export type ProviderMode = 'manage' | 'self';
export const basePath = (mode: ProviderMode) => (mode === 'self' ? '/my-providers' : '/providers');

export function useProviders(filters: ProviderFilters) {
  return useKeysetQuery<ProviderSummary, ProviderPage>([...KEY, 'list'], '/providers', { ...filters });
}

export function useMyProviders() {
  return useQuery({
    queryKey: [...KEY, 'mine'],
    queryFn: ({ signal }) => api.get<ProviderPage>('/my-providers', undefined, signal),
  });
}

export function useProviderOptions() {
  return useQuery({
    queryKey: [...KEY, 'options'],
    queryFn: ({ signal }) => api.get<ProviderOptions>('/providers/options', undefined, signal),
    staleTime: 300_000,
  });
}

export function useProvider(mode: ProviderMode, id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'one', mode, id],
    queryFn: ({ signal }) => api.get<ProviderDetail>(`${basePath(mode)}/${id}`, undefined, signal),
    enabled: !!id,
  });
}

/** Any write on an organisation: `path` under /providers/:id (or /my-providers/:id); refreshes everything after. */
export function useProviderAction(mode: ProviderMode, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ method = 'post', path, body }: { method?: 'post' | 'put'; path: string; body: unknown }) =>
      api[method]<ProviderDetail | QualificationView>(`${basePath(mode)}/${id}${path}`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useCreateProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<ProviderDetail>('/providers', body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export const documentUrl = (mode: ProviderMode, id: string, qid: string) =>
  `${API_BASE}${basePath(mode)}/${id}/qualifications/${qid}/document`;
export const uploadPath = (mode: ProviderMode, id: string, qid: string) =>
  `${basePath(mode)}/${id}/qualifications/${qid}/document`;

export function useUploadDocument(mode: ProviderMode, id: string, csrfToken: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ qid, file }: { qid: string; file: File }) =>
      uploadFile<QualificationView>(uploadPath(mode, id, qid), file, csrfToken, () => undefined),
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function usePublicProviders() {
  return useQuery({
    queryKey: [...KEY, 'public'],
    queryFn: ({ signal }) => api.get<PublicProviderLists>('/public/providers', undefined, signal),
  });
}

export function usePublicProvider(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'public', id],
    queryFn: ({ signal }) => api.get<PublicProviderProfile>(`/public/providers/${id}`, undefined, signal),
    enabled: !!id,
    retry: false,
  });
}

export const publicExportUrl = (list: string) => `${API_BASE}/public/provider-lists/${list}/export`;
