import { rm } from 'node:fs/promises';
import { CURRENT_COUNTIES, type ImportKind } from '@yufang/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import type { Core } from '../../core/context.js';
import { importError, importJob } from '../../core/db/schema.js';
import { classifyEmployer, type IndustryPolicy, loadIndustryPolicy } from '../employer/industry-policy.js';
import { KIND_SPECS } from './import.kinds.js';
import { type FileFormat, readRows } from './import.parse.js';
import { type HeaderMap, ROW_RULES, type RowContext, type RowProblem, readHeader } from './import.rules.js';
import { StageWriter } from './import.stage.js';

/** Problems kept per job for the report; beyond this only the count grows. */
export const ERROR_CAP = 10_000;
const BATCH = 5000;

type Rows<T> = { rows: T[] };

/** The job being validated: its id, kind and the format its file was detected as. */
export interface ValidateJob {
  id: string;
  kind: ImportKind;
  format: FileFormat;
}

/** What the service lends a validation run: the uploaded file, its stop signal and its clean-up. */
export interface JobControl {
  file: string;
  /** Cancel requested or the process stopping: checked between batches. */
  stopRequested(): boolean;
  /** Drops the job's staging rows (and its problems when asked) and the file. */
  cleanup(dropErrors: boolean): Promise<void>;
}

/** Thrown between batches when the run should stop; ends as status `cancelled`. */
class Cancelled extends Error {}

/**
 * Validates every row of an uploaded file into the job's staging table, in batches with progress, then the
 * checks that need the whole file or the database (set-based over the staging table), and leaves the job
 * `validated` with its counts — or `failed` / `cancelled` with nothing staged.
 */
export async function validateJob(core: Core, job: ValidateJob, actor: Actor, control: JobControl): Promise<void> {
  const { id, kind, format } = job;
  const spec = KIND_SPECS[kind];
  const stage = new StageWriter(core.database, spec.stage, BATCH);
  const counties = CURRENT_COUNTIES.map((c) => c.code).filter((c) => actor.scope.regions.has(c));
  const errors = new ErrorSink(core, id);
  const today = new Date();
  const ctx = await rowContext(core, new Set(counties), today);
  const [{ fileSize } = { fileSize: 1 }] = await core.db
    .select({ fileSize: importJob.fileSize })
    .from(importJob)
    .where(eq(importJob.id, id));
  let bytes = 0;
  let processed = 0;
  let header: HeaderMap | null = null;
  try {
    for await (const { rowNo, cells } of readRows(control.file, format, (b) => {
      bytes = b;
    })) {
      if (!header) {
        const h = readHeader(kind, cells);
        if ('missing' in h) {
          for (const column of h.missing)
            errors.add(rowNo, [{ column, value: null, rule: '表头缺少必填列（请使用模板）' }]);
          break;
        }
        header = h.map;
        continue;
      }
      const result = ROW_RULES[kind](cells, header, ctx as RowContext);
      if (result.ok) stage.add(spec.toStage(id, rowNo, result.value as never));
      else errors.add(rowNo, result.problems);
      processed++;
      if (stage.pending >= BATCH || processed % BATCH === 0) {
        await stage.flush();
        await errors.flush();
        if (control.stopRequested()) throw new Cancelled();
        await core.db
          .update(importJob)
          .set({ processedRows: processed, progress: Math.min(99, Math.floor((bytes * 100) / fileSize)) })
          .where(eq(importJob.id, id));
      }
    }
    if (!header && errors.total === 0) errors.add(1, [{ column: '—', value: null, rule: '文件中没有表头和数据行' }]);
    await stage.flush();
    await errors.flush();
    // Checks that need the whole file or the database, set-based over the staging table.
    const found = (await core.db.execute(sql`
      with found as (${spec.checks(id, counties)}),
      kept as (
        insert into import_error (job_id, row_no, "column", value, rule)
        select ${id}::uuid, row_no, "column", value, rule from found order by row_no
        limit ${Math.max(0, ERROR_CAP - errors.stored)}
        returning 1
      )
      select (select count(*)::int from found) as total, (select count(distinct row_no)::int from found) as rows,
             (select count(*)::int from kept) as kept`)) as unknown as Rows<{ total: number; rows: number }>;
    const extra = found.rows[0] ?? { total: 0, rows: 0 };
    const errorCount = errors.total + Number(extra.total);
    let counts = { new: 0, updated: 0, unchanged: 0 };
    if (errorCount === 0) {
      const res = (await core.db.execute(spec.counts(id))) as unknown as Rows<typeof counts>;
      counts = res.rows[0] ?? counts;
    } else {
      await core.db.execute(sql`delete from ${sql.raw(spec.stage.table)} where job_id = ${id}`);
    }
    await core.db
      .update(importJob)
      .set({
        status: 'validated',
        progress: 100,
        processedRows: processed,
        totalRows: processed,
        errorCount,
        errorRows: errors.rows + Number(extra.rows),
        newCount: Number(counts.new),
        updatedCount: Number(counts.updated),
        unchangedCount: Number(counts.unchanged),
        validatedAt: new Date(),
      })
      .where(and(eq(importJob.id, id), eq(importJob.status, 'validating')));
    await rm(control.file, { force: true });
  } catch (error) {
    const cancelled = error instanceof Cancelled;
    const message = cancelled
      ? '导入已取消，未写入任何数据'
      : `文件无法读取或校验失败：${error instanceof Error ? error.message : String(error)}`;
    await core.db
      .update(importJob)
      .set({ status: cancelled ? 'cancelled' : 'failed', message, finishedAt: new Date() })
      .where(eq(importJob.id, id))
      .catch(() => undefined);
    await control.cleanup(true).catch(() => undefined);
  }
}

/** Risk class and flags per distinct (county, industry), from the industry policy in force in that county. */
async function rowContext(core: Core, counties: ReadonlySet<string>, today: Date): Promise<RowContext> {
  const day = today.toISOString().slice(0, 10);
  const policies = new Map<string, IndustryPolicy>();
  for (const c of counties) policies.set(c, await loadIndustryPolicy(core.db, core.regions, c, day));
  const cache = new Map<string, ReturnType<typeof classifyEmployer>>();
  const pii = core.pii;
  return {
    counties,
    today,
    classify(county, division, group) {
      const key = `${county}|${division}|${group ?? ''}`;
      let hit = cache.get(key);
      if (!hit) {
        hit = classifyEmployer(division, group, policies.get(county) ?? { key: null, dust: null });
        cache.set(key, hit);
      }
      return hit;
    },
    encrypt: (plain) => pii.encrypt(plain),
    hash: (plain) => pii.hash(plain),
  };
}

/** Collects row problems and writes them in batches, keeping the first ERROR_CAP and counting the rest. */
class ErrorSink {
  total = 0;
  rows = 0;
  stored = 0;
  private buffer: (typeof importError.$inferInsert)[] = [];
  constructor(
    private readonly core: Core,
    private readonly jobId: string,
  ) {}
  add(rowNo: number, problems: RowProblem[]) {
    this.rows++;
    for (const p of problems) {
      this.total++;
      if (this.stored + this.buffer.length < ERROR_CAP) {
        this.buffer.push({ jobId: this.jobId, rowNo, column: p.column, value: p.value, rule: p.rule });
      }
    }
  }
  async flush() {
    while (this.buffer.length) {
      const batch = this.buffer.splice(0, 1000);
      await this.core.db.insert(importError).values(batch);
      this.stored += batch.length;
    }
  }
}
