import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type {
  ImportErrorView,
  ImportJobDetail,
  ImportJobView,
  ImportKind,
  ImportListQuery,
  ImportStatus,
} from '@yufang/contracts';
import { and, asc, desc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { scopeFilter } from '../../core/authz/scope.js';
import type { Core } from '../../core/context.js';
import { appUser, importError, importJob } from '../../core/db/schema.js';
import { AppError } from '../../core/http/errors.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';
import { commitJob } from './import.commit.js';
import { KIND_SPECS } from './import.kinds.js';
import { detectFormat } from './import.parse.js';
import { presentJobs } from './import.presenter.js';
import { ERROR_CAP, validateJob } from './import.validate.js';

export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
const RUNNING: ImportStatus[] = ['validating', 'committing'];

type JobRow = typeof importJob.$inferSelect;

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
      this.track(
        id,
        validateJob(this.core, { id, kind, format }, actor, {
          file,
          stopRequested: () => this.cancelRequested.has(id) || this.stopping,
          cleanup: (dropErrors) => this.cleanup(id, dropErrors),
        }).finally(() => this.cancelRequested.delete(id)),
      );
      return this.get(actor, id);
    } catch (error) {
      await rm(file, { force: true });
      throw error;
    }
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
    if (claimed)
      this.track(
        id,
        commitJob(this.core, claimed, actor, () => this.cleanup(id, false)),
      );
    return this.get(actor, id);
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
    const [view] = await presentJobs(this.db, actor, [job]);
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
    const views = await presentJobs(this.db, actor, rows);
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
}
