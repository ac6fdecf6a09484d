import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportJobDetail, ImportJobPage, ImportJobView, ImportKind } from '@yufang/contracts';
import type { z } from 'zod';
import { API_BASE, api } from '../../api/client';
import { useKeysetQuery } from '../../api/keyset';
import { uploadFile } from '../../api/upload';

const KEY = ['imports'] as const;
const BUSY = new Set(['validating', 'committing']);

export function templateUrl(kind: ImportKind): string {
  return `${API_BASE}/imports/templates/${kind}`;
}

export function errorReportUrl(id: string): string {
  return `${API_BASE}/imports/${id}/errors.xlsx`;
}

export function useImports(kind?: ImportKind) {
  return useKeysetQuery<ImportJobView, z.infer<typeof ImportJobPage>>([...KEY, 'list'], '/imports', { kind });
}

/** One job, polled every second while it validates or commits. */
export function useImportJob(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => api.get<ImportJobDetail>(`/imports/${id}`, undefined, signal),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && BUSY.has(q.state.data.status) ? 1000 : false),
  });
}

export function useCommitImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ImportJobView>(`/imports/${id}/commit`),
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useCancelImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ImportJobView>(`/imports/${id}/cancel`),
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** Uploads the file (with progress) and starts its validation; the job is then polled with useImportJob. */
export function uploadImportFile(
  kind: ImportKind,
  file: File,
  csrfToken: string,
  onProgress: (percent: number) => void,
): Promise<ImportJobDetail> {
  return uploadFile<ImportJobDetail>(`/imports/${kind}`, file, csrfToken, onProgress);
}
