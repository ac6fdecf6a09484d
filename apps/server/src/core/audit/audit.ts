import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { AuditActor } from '../auth/actor.js';
import type { Db, Tx } from '../db/index.js';
import { auditLog } from '../db/schema.js';

export const GENESIS_HASH = '0'.repeat(64);
// Any constant will do: it serialises writers of the chain across connections (PostgreSQL) and processes.
const CHAIN_LOCK = 7_240_001;

export interface AuditEntry {
  action: string;
  objectType?: string;
  objectId?: string;
  /** Changed fields, typically { before, after } with only the fields that changed. */
  changes?: unknown;
  result?: 'success' | 'failure';
}

/** JSON with sorted keys, so the hash of a row read back from jsonb equals the hash written. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

interface HashedFields {
  at: Date;
  userId: string | null;
  username: string | null;
  roles: string[];
  action: string;
  objectType: string | null;
  objectId: string | null;
  changes: unknown;
  result: string;
  ip: string | null;
  requestId: string | null;
}

/** The row's hash: its own fields (only those listed in HashedFields) chained to the previous row's hash. */
export function auditHash(prevHash: string, row: HashedFields): string {
  const fields: Record<keyof HashedFields, unknown> = {
    at: row.at.toISOString(),
    userId: row.userId,
    username: row.username,
    roles: row.roles,
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    changes: row.changes ?? null,
    result: row.result,
    ip: row.ip,
    requestId: row.requestId,
  };
  const content = canonicalJson(fields);
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/** Appends one audit row inside the caller's transaction, chained to the previous row's hash. */
export async function recordAudit(tx: Tx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  // jsonb keeps JSON values only: normalise (dates to strings, drop undefined) before hashing.
  const changes = entry.changes === undefined ? null : JSON.parse(JSON.stringify(entry.changes));
  const row: HashedFields = {
    at: new Date(),
    userId: actor.userId,
    username: actor.username,
    roles: [...actor.roles],
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    changes,
    result: entry.result ?? 'success',
    ip: actor.ip,
    requestId: actor.requestId,
  };
  await tx.insert(auditLog).values({
    ...row,
    result: row.result as 'success' | 'failure',
    prevHash,
    hash: auditHash(prevHash, row),
  });
}

/** Records an event that has no business transaction of its own (login, logout, failures, exports). */
export function recordAuditEvent(db: Db, actor: AuditActor, entry: AuditEntry): Promise<void> {
  return db.transaction((tx) => recordAudit(tx, actor, entry));
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  firstBrokenId: string | null;
  reason: string | null;
}

/** Walks the whole chain in id order and reports the first row whose link or content does not match. */
export async function verifyAuditChain(db: Db, batchSize = 2000): Promise<ChainCheck> {
  let prevHash = GENESIS_HASH;
  let lastId = 0n;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, lastId))
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, checked, firstBrokenId: null, reason: null };
    for (const r of rows) {
      if (r.prevHash !== prevHash) {
        return {
          ok: false,
          checked,
          firstBrokenId: String(r.id),
          reason: '前序哈希与上一条记录不一致（记录被删除或插入）',
        };
      }
      const expected = auditHash(prevHash, r);
      if (expected !== r.hash) {
        return { ok: false, checked, firstBrokenId: String(r.id), reason: '记录内容与其哈希不一致（记录被篡改）' };
      }
      prevHash = r.hash;
      lastId = r.id;
      checked++;
    }
  }
}
