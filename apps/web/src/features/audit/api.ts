import { useMutation } from '@tanstack/react-query';
import type { AuditFilter, AuditPage, AuditVerifyResult, AuditView } from '@yufang/contracts';
import type { z } from 'zod';
import { API_BASE, api, toQueryString } from '../../api/client';
import { useKeysetQuery } from '../../api/keyset';

export type AuditPageData = z.infer<typeof AuditPage>;

export function useAuditLog(filter: AuditFilter) {
  return useKeysetQuery<AuditView, AuditPageData>(['audit', 'list'], '/audit', { ...filter });
}

/** The .xlsx export is a plain download: the browser sends the session cookie and saves the file. */
export function auditExportUrl(filter: AuditFilter): string {
  return `${API_BASE}/audit/export${toQueryString({ ...filter })}`;
}

export function useVerifyChain() {
  return useMutation({ mutationFn: () => api.get<AuditVerifyResult>('/audit/verify') });
}
