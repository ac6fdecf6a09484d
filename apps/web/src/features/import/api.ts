import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportJobDetail, ImportJobPage, ImportJobView, ImportKind } from '@yufang/contracts';
import type { z } from 'zod';
import { API_BASE, ApiError, api } from '../../api/client';
import { useKeysetQuery } from '../../api/keyset';

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

/**
 * Sends the raw file (no multipart) with its name in x-file-name and the CSRF token; XMLHttpRequest because
 * fetch reports no upload progress.
 */
export function uploadImportFile(
  kind: ImportKind,
  file: File,
  csrfToken: string,
  onProgress: (percent: number) => void,
): Promise<ImportJobDetail> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}/imports/${kind}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded * 100) / e.total));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as ImportJobDetail);
      else {
        const b = (body ?? {}) as { code?: string; message?: string };
        reject(
          new ApiError(xhr.status, {
            code: (b.code as never) ?? 'INTERNAL',
            message: b.message ?? `上传失败（HTTP ${xhr.status}）`,
          }),
        );
      }
    };
    xhr.onerror = () => reject(new ApiError(0, { code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' }));
    xhr.send(file);
  });
}
