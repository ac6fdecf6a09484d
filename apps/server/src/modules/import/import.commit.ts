import type { ImportKind } from '@yufang/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import type { AuditActor } from '../../core/auth/actor.js';
import type { Core } from '../../core/context.js';
import { importJob } from '../../core/db/schema.js';
import { KIND_SPECS } from './import.kinds.js';

type JobRow = typeof importJob.$inferSelect;
type Rows<T> = { rows: T[] };

/**
 * Commits a claimed (`committing`) job all or nothing: the kind's set-based upsert from staging, the audit row,
 * the staging clean-up and the job's final counts in one transaction. On failure the job is `failed` and its
 * staging rows go (cleanup); nothing was written.
 */
export async function commitJob(
  core: Core,
  job: JobRow,
  actor: AuditActor & { userId: string; username: string },
  cleanup: () => Promise<void>,
): Promise<void> {
  const spec = KIND_SPECS[job.kind as ImportKind];
  try {
    await core.db.transaction(async (tx) => {
      const res = (await tx.execute(
        spec.commit(job.id, { id: actor.userId, username: actor.username }),
      )) as unknown as Rows<{
        inserted: number;
        updated: number;
      }>;
      const inserted = Number(res.rows[0]?.inserted ?? 0);
      const updated = Number(res.rows[0]?.updated ?? 0);
      const total = job.totalRows ?? 0;
      const counts = {
        newCount: inserted,
        updatedCount: updated,
        unchangedCount: Math.max(0, total - inserted - updated),
      };
      await recordAudit(tx, actor, {
        action: 'import.commit',
        objectType: 'import_job',
        objectId: job.id,
        changes: {
          kind: job.kind,
          fileName: job.fileName,
          fileSize: job.fileSize,
          fileSha256: job.fileSha256,
          rows: total,
          new: counts.newCount,
          updated: counts.updatedCount,
          unchanged: counts.unchangedCount,
        },
      });
      await tx.execute(sql`delete from ${sql.raw(spec.stage.table)} where job_id = ${job.id}`);
      await tx
        .update(importJob)
        .set({ status: 'committed', ...counts, finishedAt: sql`now()` })
        .where(and(eq(importJob.id, job.id), eq(importJob.status, 'committing')));
    });
  } catch (error) {
    await core.db
      .update(importJob)
      .set({
        status: 'failed',
        message: `提交失败，未写入任何数据：${error instanceof Error ? error.message : String(error)}`,
        finishedAt: new Date(),
      })
      .where(eq(importJob.id, job.id))
      .catch(() => undefined);
    await cleanup().catch(() => undefined);
  }
}
