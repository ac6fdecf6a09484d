import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DataSetDetail,
  DataSetView,
  LoadPage,
  LoadView,
  RecordPage,
  RecordView,
  TokenCreateInput,
  TokenView,
} from '@yufang/contracts';
import type { z } from 'zod';
import { API_BASE, api, type QueryParams, toQueryString } from '../../api/client';
import { useKeysetQuery } from '../../api/keyset';
import { UploadError, uploadFile } from '../../api/upload';

const KEY = ['exchange'] as const;

export function useDataSets() {
  return useQuery({
    queryKey: [...KEY, 'sets'],
    queryFn: ({ signal }) => api.get<DataSetView[]>('/exchange/data-sets', undefined, signal),
  });
}

export function useDataSet(code: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'set', code],
    queryFn: ({ signal }) => api.get<DataSetDetail>(`/exchange/data-sets/${code}`, undefined, signal),
    enabled: !!code,
  });
}

export function useLoads(code: string | undefined) {
  return useKeysetQuery<LoadView, z.infer<typeof LoadPage>>(
    [...KEY, 'loads', code],
    `/exchange/data-sets/${code}/loads`,
    {},
    {
      limit: 20,
      enabled: !!code,
    },
  );
}

export function useRecords(code: string | undefined, params: QueryParams, enabled: boolean) {
  return useKeysetQuery<RecordView, z.infer<typeof RecordPage>>(
    [...KEY, 'records', code],
    `/exchange/data-sets/${code}/records`,
    params,
    { limit: 50, enabled: !!code && enabled },
  );
}

/** The .xlsx upload template of a data set (current version's headers and field notes). */
export function templateUrl(code: string): string {
  return `${API_BASE}/exchange/data-sets/${code}/template`;
}

/** The records export: a plain download with the current filters (the browser sends the session cookie). */
export function recordExportUrl(code: string, params: QueryParams): string {
  return `${API_BASE}/exchange/data-sets/${code}/records/export${toQueryString(params)}`;
}

/**
 * Uploads a file into a data set. A refused load (400 with `load`) is an outcome, not an exception: the screen
 * shows its row errors. Loads and the catalogue's counts are refreshed either way.
 */
export function useUploadDataSet(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({
      file,
      csrfToken,
      onProgress,
    }: {
      file: File;
      csrfToken: string;
      onProgress: (p: number) => void;
    }) => {
      try {
        return { load: await uploadFile<LoadView>(`/exchange/data-sets/${code}/uploads`, file, csrfToken, onProgress) };
      } catch (error) {
        const load = error instanceof UploadError ? (error.payload as { load?: LoadView } | null)?.load : undefined;
        if (load) return { load };
        throw error;
      }
    },
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useTokens() {
  return useQuery({
    queryKey: [...KEY, 'tokens'],
    queryFn: ({ signal }) => api.get<TokenView[]>('/exchange/tokens', undefined, signal),
  });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TokenCreateInput) => api.post<{ token: TokenView; secret: string }>('/exchange/tokens', input),
    onSettled: () => qc.invalidateQueries({ queryKey: [...KEY, 'tokens'] }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<TokenView>(`/exchange/tokens/${id}/revoke`),
    onSettled: () => qc.invalidateQueries({ queryKey: [...KEY, 'tokens'] }),
  });
}
