import type { HazardStatus } from '@yufang/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import type { AuditActor } from '../../core/auth/actor.js';
import type { Tx } from '../../core/db/index.js';
import { AppError } from '../../core/http/errors.js';
import { notify } from '../../core/notify/notify.js';
import type { HazardRow } from './hazard.repo.js';
import { hazard, hazardEvent } from './hazard.schema.js';

export const STALE = '该隐患已被他人处理，请刷新后重试';

export interface Step {
  /** Timeline and audit action, e.g. `verify` or `escalate.city`. */
  action: string;
  at: Date;
  /** Columns the step changes; the version is always bumped and checked. */
  set: Partial<typeof hazard.$inferInsert>;
  note?: string | null;
  recipients: readonly string[];
  message: { title: string; body: string };
}

/**
 * Writes one step of a hazard in the caller's transaction: the change (guarded by the version read, so two
 * concurrent steps cannot both apply), its timeline row, its audit row and its notices (in-app and e-mail).
 */
export async function writeStep(tx: Tx, actor: AuditActor, h: HazardRow, step: Step): Promise<void> {
  const updated = await tx
    .update(hazard)
    .set({ ...step.set, version: sql`${hazard.version} + 1`, updatedAt: step.at })
    .where(and(eq(hazard.id, h.id), eq(hazard.version, h.version)))
    .returning({ id: hazard.id });
  if (updated.length === 0) throw AppError.conflict(STALE);
  const toStatus = (step.set.status ?? null) as HazardStatus | null;
  await tx.insert(hazardEvent).values({
    hazardId: h.id,
    at: step.at,
    userId: actor.userId,
    username: actor.username,
    action: step.action,
    fromStatus: toStatus ? h.status : null,
    toStatus,
    note: step.note ?? null,
  });
  await recordAudit(tx, actor, {
    action: `hazard.${step.action}`,
    objectType: 'hazard',
    objectId: h.id,
    changes: {
      hazardNo: h.hazardNo,
      before: { status: h.status, escalation: h.escalation },
      after: step.set,
      ...(step.note ? { note: step.note } : {}),
    },
  });
  await notify(tx, step.recipients, { ...step.message, link: `/hazards/${h.id}`, email: true });
}
