import type { ImportJobView, ImportKind, ImportStatus } from '@yufang/contracts';
import { inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Actor, can } from '../../core/auth/actor.js';
import type { Db } from '../../core/db/index.js';
import { importJob } from '../../core/db/schema.js';

type JobRow = typeof importJob.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Jobs as the API shows them, with the earlier commit of the same file and what the caller may do next. */
export async function presentJobs(db: Db, actor: Actor, rows: JobRow[]): Promise<ImportJobView[]> {
  const sameIds = [...new Set(rows.map((r) => r.sameFileJobId).filter((x): x is string => !!x))];
  const same = alias(importJob, 'same');
  const earlier = sameIds.length
    ? await db
        .select({ id: same.id, finishedAt: same.finishedAt, username: same.username })
        .from(same)
        .where(inArray(same.id, sameIds))
    : [];
  const byId = new Map(earlier.map((e) => [e.id, e]));
  const mayRun = can(actor, 'import.run');
  return rows.map((r) => {
    const s = r.sameFileJobId ? byId.get(r.sameFileJobId) : undefined;
    return {
      id: r.id,
      kind: r.kind as ImportKind,
      status: r.status as ImportStatus,
      fileName: r.fileName,
      fileSize: r.fileSize,
      fileSha256: r.fileSha256,
      format: r.format,
      username: r.username,
      regionCode: r.regionCode,
      progress: r.progress,
      processedRows: r.processedRows,
      totalRows: r.totalRows,
      newCount: r.newCount,
      updatedCount: r.updatedCount,
      unchangedCount: r.unchangedCount,
      errorCount: r.errorCount,
      errorRows: r.errorRows,
      sameFile: s ? { id: s.id, committedAt: iso(s.finishedAt), username: s.username } : null,
      message: r.message,
      createdAt: r.createdAt.toISOString(),
      validatedAt: iso(r.validatedAt),
      finishedAt: iso(r.finishedAt),
      can: {
        commit: mayRun && r.status === 'validated' && r.errorCount === 0,
        cancel: mayRun && (r.status === 'validating' || r.status === 'validated'),
      },
    };
  });
}
