import { z } from 'zod';
import { PageQuery, pageOf, Timestamp } from './common.js';

export const AuditView = z.object({
  id: z.string(),
  at: Timestamp,
  userId: z.string().nullable(),
  username: z.string().nullable(),
  roles: z.array(z.string()),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  changes: z.unknown(),
  result: z.enum(['success', 'failure']),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditView = z.infer<typeof AuditView>;

export const AuditFilter = z.object({
  from: z.iso.datetime({ offset: true, error: '开始时间格式不正确' }).optional(),
  to: z.iso.datetime({ offset: true, error: '结束时间格式不正确' }).optional(),
  username: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  objectType: z.string().trim().max(64).optional(),
  objectId: z.string().trim().max(64).optional(),
  result: z.enum(['success', 'failure']).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditQuery = PageQuery.extend(AuditFilter.shape);
export type AuditQuery = z.infer<typeof AuditQuery>;
export const AuditPage = pageOf(AuditView);

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.string().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;
