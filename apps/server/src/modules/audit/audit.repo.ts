import type { AuditFilter } from '@yufang/contracts';
import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../core/db/index.js';
import { auditLog } from '../../core/db/schema.js';

export type AuditRow = typeof auditLog.$inferSelect;

/** Audit rows matching the filter, newest first, before the keyset `beforeId`. */
export function listAudit(db: Db, filter: AuditFilter, beforeId: bigint | null, limit: number): Promise<AuditRow[]> {
  const c: SQL[] = [];
  if (filter.from) c.push(gte(auditLog.at, new Date(filter.from)));
  if (filter.to) c.push(lte(auditLog.at, new Date(filter.to)));
  if (filter.username) c.push(eq(auditLog.username, filter.username));
  if (filter.action) c.push(eq(auditLog.action, filter.action));
  if (filter.objectType) c.push(eq(auditLog.objectType, filter.objectType));
  if (filter.objectId) c.push(eq(auditLog.objectId, filter.objectId));
  if (filter.result) c.push(eq(auditLog.result, filter.result));
  if (beforeId !== null) c.push(lt(auditLog.id, beforeId));
  return db
    .select()
    .from(auditLog)
    .where(and(...c))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
