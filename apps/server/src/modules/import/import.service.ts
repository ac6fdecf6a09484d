import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  CURRENT_COUNTIES,
  type ImportErrorView,
  type ImportJobDetail,
  type ImportJobView,
  type ImportKind,
  type ImportListQuery,
  type ImportStatus,
} from '@yufang/contracts';
import { and, asc, desc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../core/audit/audit.js';
import type { Actor, AuditActor } from '../../core/auth/actor.js';
import { can } from '../../core/auth/actor.js';
import { scopeFilter } from '../../core/authz/scope.js';
import type { Core } from '../../core/context.js';
import { appUser, importError, importJob } from '../../core/db/schema.js';
import { AppError } from '../../core/http/errors.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';
import { classifyEmployer, type IndustryPolicy, loadIndustryPolicy } from '../employer/industry-policy.js';
import { KIND_SPECS } from './import.kinds.js';
import { detectFormat, readRows } from './import.parse.js';
import { type HeaderMap, ROW_RULES, type RowContext, type RowProblem, readHeader } from './import.rules.js';
import { StageWriter } from './import.stage.js';

/** Problems kept per job for the report; beyond this only the count grows. */
export const ERROR_CAP = 10_000;
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
const BATCH = 5000;
const RUNNING: ImportStatus[] = ['validating', 'committing'];

type JobRow = typeof importJob.$inferSelect;
type Rows<T> = { rows: T[] };

class Cancelled extends Error {}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The import pipeline: upload to a file, validate every row in the background into a staging table, preview,
 * then commit all or nothing in one transaction (set-based upsert, audit row in the same transaction).
 */
export class ImportService {
  private readonly running = new Map<string, Promise<void>>();
  private readonly cancelRequested = new Set<string>();
  private stopping = false;

  constructor(private readonly core: Core) {}

  private get db() {
    return this.core.db;
  }

  private file(id: string) {
    return path.join(this.core.config.dataDir, 'imports', id);
  }

  /** Jobs left validating or committing by a stopped process failed: their staging rows go, nothing was committed. */
  async recoverInterrupted(): Promise<number> {
    const stale = await this.db
      .update(importJob)
      .set({ status: 'failed', message: '服务重启导致导入中断，未写入任何数据，请重新上传', finishedAt: new Date() })
      .where(inArray(importJob.status, RUNNING))
      .returning({ id: importJob.id });
    for (const { id } of stale) await this.cleanup(id, true);
    return stale.length;
  }

  /** Waits for background work of a job (tests, benchmark, shutdown). */
  async settled(id?: string): Promise<void> {
    if (id) await this.running.get(id);
    else await Promise.all(this.running.values());
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.settled();
  }

  private track(id: string, work: Promise<void>) {
    const p = work.finally(() => this.running.delete(id));
    this.running.set(id, p);
  }

  /** Streams an upload to the data folder (hashing as it goes), records the job and starts validation. */
  async upload(actor: Actor, kind: ImportKind, fileName: string, body: Readable): Promise<ImportJobDetail> {
    const id = randomUUID();
    const file = this.file(id);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > MAX_UPLOAD_BYTES) return cb(AppError.validation('file', '文件超过 512 MB，请拆分后再导入'));
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    try {
      await pipeline(body, meter, createWriteStream(file, { mode: 0o600 }));
      if (size === 0) throw AppError.validation('file', '文件是空的');
      const format = await detectFormat(file, fileName);
      const sha = hash.digest('hex');
      const [user] = await this.db
        .select({ regionCode: appUser.regionCode })
        .from(appUser)
        .where(eq(appUser.id, actor.userId));
      const [same] = await this.db
        .select({ id: importJob.id })
        .from(importJob)
        .where(and(eq(importJob.fileSha256, sha), eq(importJob.kind, kind), eq(importJob.status, 'committed')))
        .orderBy(desc(importJob.finishedAt))
        .limit(1);
      await this.db.insert(importJob).values({
        id,
        kind,
        status: 'validating',
        fileName,
        fileSize: size,
        fileSha256: sha,
        format,
        userId: actor.userId,
        username: actor.username,
        regionCode: user?.regionCode ?? actor.scope.entries.find((e) => e.kind === 'region')?.code ?? '',
        sameFileJobId: same?.id ?? null,
      });
      this.track(id, this.validate(id, kind, format, actor));
      return this.get(actor, id);
    } catch (error) {
      await rm(file, { force: true });
      throw error;
    }
  }

  private async validate(id: string, kind: ImportKind, format: Awaited<ReturnType<typeof detectFormat>>, actor: Actor) {
    const spec = KIND_SPECS[kind];
    const stage = new StageWriter(this.core.database, spec.stage, BATCH);
    const counties = CURRENT_COUNTIES.map((c) => c.code).filter((c) => actor.scope.regions.has(c));
    const errors = new ErrorSink(this.core, id);
    const today = new Date();
    const ctx = await this.rowContext(new Set(counties), today);
    const [{ fileSize } = { fileSize: 1 }] = await this.db
      .select({ fileSize: importJob.fileSize })
      .from(importJob)
      .where(eq(importJob.id, id));
    let bytes = 0;
    let processed = 0;
    let header: HeaderMap | null = null;
    try {
      for await (const { rowNo, cells } of readRows(this.file(id), format, (b) => {
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
          if (this.cancelRequested.has(id) || this.stopping) throw new Cancelled();
          await this.db
            .update(importJob)
            .set({ processedRows: processed, progress: Math.min(99, Math.floor((bytes * 100) / fileSize)) })
            .where(eq(importJob.id, id));
        }
      }
      if (!header && errors.total === 0) errors.add(1, [{ column: '—', value: null, rule: '文件中没有表头和数据行' }]);
      await stage.flush();
      await errors.flush();
      // Checks that need the whole file or the database, set-based over the staging table.
      const found = (await this.db.execute(sql`
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
        const res = (await this.db.execute(spec.counts(id))) as unknown as Rows<typeof counts>;
        counts = res.rows[0] ?? counts;
      } else {
        await this.db.execute(sql`delete from ${sql.raw(spec.stage.table)} where job_id = ${id}`);
      }
      await this.db
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
      await rm(this.file(id), { force: true });
    } catch (error) {
      const cancelled = error instanceof Cancelled;
      const message = cancelled
        ? '导入已取消，未写入任何数据'
        : `文件无法读取或校验失败：${error instanceof Error ? error.message : String(error)}`;
      await this.db
        .update(importJob)
        .set({ status: cancelled ? 'cancelled' : 'failed', message, finishedAt: new Date() })
        .where(eq(importJob.id, id))
        .catch(() => undefined);
      await this.cleanup(id, true).catch(() => undefined);
    } finally {
      this.cancelRequested.delete(id);
    }
  }

  /** Risk class and flags per distinct (county, industry), from the industry policy in force in that county. */
  private async rowContext(counties: ReadonlySet<string>, today: Date): Promise<RowContext> {
    const day = today.toISOString().slice(0, 10);
    const policies = new Map<string, IndustryPolicy>();
    for (const c of counties) policies.set(c, await loadIndustryPolicy(this.db, this.core.regions, c, day));
    const cache = new Map<string, ReturnType<typeof classifyEmployer>>();
    const pii = this.core.pii;
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

  private async cleanup(id: string, dropErrors: boolean) {
    for (const spec of Object.values(KIND_SPECS)) {
      await this.db.execute(sql`delete from ${sql.raw(spec.stage.table)} where job_id = ${id}`);
    }
    if (dropErrors) await this.db.delete(importError).where(eq(importError.jobId, id));
    await rm(this.file(id), { force: true });
  }

  private async findInScope(actor: Actor, id: string): Promise<JobRow> {
    const [job] = await this.db
      .select()
      .from(importJob)
      .where(and(eq(importJob.id, id), scopeFilter(actor, { region: importJob.regionCode })));
    if (!job) throw AppError.notFound('导入记录不存在或不在您的管辖范围内');
    return job;
  }

  /** Starts the commit once: validated → committing is one conditional UPDATE; later requests see the same job. */
  async commit(actor: Actor, id: string): Promise<ImportJobView> {
    const job = await this.findInScope(actor, id);
    if (job.status === 'committing' || job.status === 'committed') return this.get(actor, id);
    if (job.status !== 'validated') throw AppError.conflict(`导入状态为“${job.status}”，不能提交`);
    if (job.errorCount > 0) throw AppError.conflict(`文件中有 ${job.errorCount} 处错误，请修正后重新上传`);
    const [claimed] = await this.db
      .update(importJob)
      .set({ status: 'committing' })
      .where(and(eq(importJob.id, id), eq(importJob.status, 'validated'), eq(importJob.errorCount, 0)))
      .returning();
    if (claimed) this.track(id, this.commitWork(claimed, actor));
    return this.get(actor, id);
  }

  private async commitWork(job: JobRow, actor: AuditActor & { userId: string; username: string }) {
    const spec = KIND_SPECS[job.kind as ImportKind];
    try {
      await this.db.transaction(async (tx) => {
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
      await this.db
        .update(importJob)
        .set({
          status: 'failed',
          message: `提交失败，未写入任何数据：${error instanceof Error ? error.message : String(error)}`,
          finishedAt: new Date(),
        })
        .where(eq(importJob.id, job.id))
        .catch(() => undefined);
      await this.cleanup(job.id, false).catch(() => undefined);
    }
  }

  /** Cancels a job that is validating or waiting for commit; nothing is written. */
  async cancel(actor: Actor, id: string): Promise<ImportJobView> {
    const job = await this.findInScope(actor, id);
    if (job.status === 'validating') {
      this.cancelRequested.add(id);
      await this.running.get(id);
    } else if (job.status === 'validated') {
      const [done] = await this.db
        .update(importJob)
        .set({ status: 'cancelled', message: '导入已取消，未写入任何数据', finishedAt: new Date() })
        .where(and(eq(importJob.id, id), eq(importJob.status, 'validated')))
        .returning({ id: importJob.id });
      if (done) await this.cleanup(id, false);
    } else if (job.status !== 'cancelled') {
      throw AppError.conflict('该导入已提交或已结束，不能取消');
    }
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<ImportJobDetail> {
    const job = await this.findInScope(actor, id);
    const errors = await this.db
      .select({
        rowNo: importError.rowNo,
        column: importError.column,
        value: importError.value,
        rule: importError.rule,
      })
      .from(importError)
      .where(eq(importError.jobId, id))
      .orderBy(asc(importError.rowNo), asc(importError.id))
      .limit(100);
    const [view] = await this.present(actor, [job]);
    return { ...(view as ImportJobView), errors };
  }

  async list(actor: Actor, query: ImportListQuery) {
    const cursor = decodeCursor(query.cursor, 2);
    const rows = await this.db
      .select()
      .from(importJob)
      .where(
        and(
          scopeFilter(actor, { region: importJob.regionCode }),
          query.kind ? eq(importJob.kind, query.kind) : undefined,
          cursor
            ? or(
                lt(importJob.createdAt, new Date(String(cursor[0]))),
                and(eq(importJob.createdAt, new Date(String(cursor[0]))), lt(importJob.id, String(cursor[1]))),
              )
            : undefined,
        ),
      )
      .orderBy(desc(importJob.createdAt), desc(importJob.id))
      .limit(query.limit + 1);
    const views = await this.present(actor, rows);
    const byId = new Map(views.map((v) => [v.id, v]));
    return toPage(
      rows,
      query.limit,
      (r) => [r.createdAt.toISOString(), r.id],
      (r) => byId.get(r.id) as ImportJobView,
    );
  }

  /** Pages of a job's problems in file order, for the .xlsx report. */
  async *errorPages(actor: Actor, id: string): AsyncGenerator<ImportErrorView[]> {
    const job = await this.findInScope(actor, id);
    let last = 0;
    for (;;) {
      const rows = await this.db
        .select()
        .from(importError)
        .where(and(eq(importError.jobId, id), gt(importError.id, last)))
        .orderBy(asc(importError.id))
        .limit(2000);
      if (!rows.length) break;
      yield rows;
      last = rows.at(-1)?.id ?? last;
    }
    if (job.errorCount > ERROR_CAP) {
      yield [{ rowNo: 0, column: '—', value: null, rule: `共 ${job.errorCount} 处错误，报告只列出前 ${ERROR_CAP} 处` }];
    }
  }

  async jobOf(actor: Actor, id: string) {
    return this.findInScope(actor, id);
  }

  private async present(actor: Actor, rows: JobRow[]): Promise<ImportJobView[]> {
    const sameIds = [...new Set(rows.map((r) => r.sameFileJobId).filter((x): x is string => !!x))];
    const same = alias(importJob, 'same');
    const earlier = sameIds.length
      ? await this.db
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
