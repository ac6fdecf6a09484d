import type { Readable } from 'node:stream';
import {
  type ApplicationInput,
  type ApplicationUpdate,
  CALL_STATUSES,
  type CallInput,
  type CallView,
  CITY_CODE,
  type ProjectPage,
  type ProjectQuery,
  type ProjectView,
} from '@yufang/contracts';
import { and, desc, eq, lt, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import type { Core } from '../../core/context.js';
import type { Db, Tx } from '../../core/db/index.js';
import { employer, orgUnit } from '../../core/db/schema.js';
import { EvidenceStore } from '../../core/files/evidence.js';
import { AppError } from '../../core/http/errors.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';
import { provider } from '../provider/provider.schema.js';
import { applicationProblems, employerApplicantKind } from './project.rules.js';
import { type ProjectRow, project, projectCall, projectDocument } from './project.schema.js';
import { addProjectEvent, loadProject, moveProject, projectScope } from './project.store.js';
import {
  applicationCounts,
  listItems,
  type ProjectContext,
  projectContext,
  projectView,
  typeLabels,
} from './project.view.js';

type CallRow = typeof projectCall.$inferSelect;
const CALL_NOT_FOUND = '申报指南不存在';
const stale = () => AppError.conflict('记录已被他人更新，请刷新后重试');

/** Calls for proposals (申报指南) and applications: drafts, attachments, submission. */
export class ProjectService {
  readonly ctx: ProjectContext;
  readonly documents: EvidenceStore;

  constructor(core: Core, clock?: () => Date) {
    this.ctx = projectContext(core, clock);
    this.documents = new EvidenceStore(core.config.dataDir, 'project-documents');
  }

  private get db() {
    return this.ctx.core.db;
  }

  // ------------------------------------------------------------------------------------------------------------
  // Calls

  private callView(c: CallRow, applications: number): CallView {
    return {
      id: c.id,
      year: c.year,
      title: c.title,
      keyAreas: c.keyAreas,
      types: c.types,
      guide: c.guide,
      opensOn: c.opensOn,
      deadline: c.deadline,
      maxRequestFen: c.maxRequestFen,
      status: c.status,
      statusLabel: CALL_STATUSES[c.status],
      accepting: accepting(c, this.ctx.today()),
      applications,
      demo: c.demo,
      version: c.version,
    };
  }

  async listCalls(actor: Actor, query: { year?: number; status?: CallRow['status'] }): Promise<CallView[]> {
    const manage = actor.permissions.has('project.manage');
    const rows = await this.db
      .select()
      .from(projectCall)
      .where(
        and(
          query.year ? eq(projectCall.year, query.year) : undefined,
          query.status ? eq(projectCall.status, query.status) : undefined,
          manage ? undefined : sql`${projectCall.status} <> 'draft'`,
        ),
      )
      .orderBy(desc(projectCall.year), desc(projectCall.createdAt));
    const counts = await applicationCounts(
      this.db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => this.callView(r, counts.get(r.id) ?? 0));
  }

  private async loadCall(db: Db | Tx, actor: Actor, id: string, lock = false): Promise<CallRow> {
    const q = db.select().from(projectCall).where(eq(projectCall.id, id));
    const [row] = lock ? await q.for('update') : await q;
    if (!row || (row.status === 'draft' && !actor.permissions.has('project.manage'))) {
      throw AppError.notFound(CALL_NOT_FOUND);
    }
    return row;
  }

  async getCall(actor: Actor, id: string): Promise<CallView> {
    const c = await this.loadCall(this.db, actor, id);
    return this.callView(c, (await applicationCounts(this.db, [id])).get(id) ?? 0);
  }

  private async checkCallTypes(input: CallInput) {
    const types = await typeLabels(this.ctx);
    const unknown = input.types.filter((t) => !types.has(t));
    if (unknown.length) {
      throw AppError.validation(
        'types',
        `项目类型“${unknown.join('、')}”未配置（可选：${[...types.values()].join('、')}）`,
      );
    }
  }

  async createCall(actor: Actor, input: CallInput): Promise<CallView> {
    await this.checkCallTypes(input);
    const row = await this.db.transaction(async (tx) => {
      const [c] = await tx
        .insert(projectCall)
        .values({ ...input, regionCode: CITY_CODE, status: 'draft' })
        .returning();
      const created = c as CallRow;
      await recordAudit(tx, actor, {
        action: 'project.call.create',
        objectType: 'project_call',
        objectId: created.id,
        changes: { after: input },
      });
      return created;
    });
    return this.callView(row, 0);
  }

  async updateCall(actor: Actor, id: string, input: CallInput & { version: number }): Promise<CallView> {
    await this.checkCallTypes(input);
    const { version, ...values } = input;
    await this.db.transaction(async (tx) => {
      const c = await this.loadCall(tx, actor, id, true);
      if (c.version !== version) throw stale();
      if (c.status === 'closed') throw AppError.validation('status', '申报指南已截止，不能再修改');
      await tx
        .update(projectCall)
        .set({ ...values, version: c.version + 1 })
        .where(eq(projectCall.id, id));
      await recordAudit(tx, actor, {
        action: 'project.call.update',
        objectType: 'project_call',
        objectId: id,
        changes: { before: { title: c.title, deadline: c.deadline }, after: values },
      });
    });
    return this.getCall(actor, id);
  }

  /** Opens (publishes) a draft call or closes an open one. */
  async setCallStatus(actor: Actor, id: string, to: 'open' | 'closed', version: number): Promise<CallView> {
    await this.db.transaction(async (tx) => {
      const c = await this.loadCall(tx, actor, id, true);
      if (c.version !== version) throw stale();
      const from = to === 'open' ? 'draft' : 'open';
      if (c.status !== from) {
        throw AppError.validation(
          'status',
          `申报指南当前为“${CALL_STATUSES[c.status]}”，不能${to === 'open' ? '发布' : '截止'}（须为“${CALL_STATUSES[from]}”）`,
        );
      }
      await tx
        .update(projectCall)
        .set({ status: to, version: c.version + 1, publishedAt: to === 'open' ? this.ctx.clock() : c.publishedAt })
        .where(eq(projectCall.id, id));
      await recordAudit(tx, actor, {
        action: `project.call.${to === 'open' ? 'open' : 'close'}`,
        objectType: 'project_call',
        objectId: id,
        changes: { before: { status: c.status }, after: { status: to } },
      });
    });
    return this.getCall(actor, id);
  }

  // ------------------------------------------------------------------------------------------------------------
  // Applications

  /** Who applies, from the account: employer (association or enterprise), member unit or service organisation. */
  private async applicant(db: Db | Tx, actor: Actor) {
    const employerId = actor.roles.includes('employer') ? [...actor.scope.employers][0] : undefined;
    if (employerId) {
      const [e] = await db.select().from(employer).where(eq(employer.id, employerId));
      if (e) {
        return {
          applicantKind: employerApplicantKind(e.uscc),
          applicantEmployerId: e.id,
          applicantName: e.name,
          countyCode: e.countyCode,
        };
      }
    }
    const unitCode = actor.roles.includes('unit_officer') ? [...actor.scope.units][0] : undefined;
    if (unitCode) {
      const [u] = await db.select().from(orgUnit).where(eq(orgUnit.code, unitCode));
      if (u) {
        return {
          applicantKind: 'unit' as const,
          applicantUnitCode: u.code,
          applicantName: u.name,
          countyCode: u.regionCode,
        };
      }
    }
    const providerId = actor.roles.includes('provider') ? [...actor.scope.providers][0] : undefined;
    if (providerId) {
      const [p] = await db.select().from(provider).where(eq(provider.id, providerId));
      if (p) {
        return {
          applicantKind: 'provider' as const,
          applicantProviderId: p.id,
          applicantName: p.name,
          countyCode: p.countyCode,
        };
      }
    }
    throw AppError.forbidden('只有行业协会、大中型企业、成员单位或服务机构的账户可以申报项目');
  }

  private async formChecks(db: Db | Tx, call: CallRow, input: Omit<ApplicationUpdate, 'version'>) {
    AppError.assertNoProblems(applicationProblems(input, call, await typeLabels(this.ctx, db)));
  }

  async createApplication(actor: Actor, input: ApplicationInput): Promise<ProjectView> {
    const { callId, ...form } = input;
    const id = await this.db.transaction(async (tx) => {
      const call = await this.loadCall(tx, actor, callId);
      if (!accepting(call, this.ctx.today())) {
        throw AppError.validation('callId', `申报指南“${call.title}”不在申报期内（截止 ${call.deadline}）`);
      }
      await this.formChecks(tx, call, form);
      const who = await this.applicant(tx, actor);
      const [p] = await tx
        .insert(project)
        .values({ ...form, ...who, callId, year: call.year, status: 'draft' })
        .returning();
      const row = p as ProjectRow;
      await addProjectEvent(tx, actor, row, { kind: 'create', summary: `起草申报“${row.title}”` });
      await recordAudit(tx, actor, {
        action: 'project.create',
        objectType: 'project',
        objectId: row.id,
        changes: { after: { ...form, callId, applicantName: who.applicantName } },
      });
      return row.id;
    });
    return this.get(actor, id);
  }

  async updateApplication(actor: Actor, id: string, input: ApplicationUpdate): Promise<ProjectView> {
    const { version, ...form } = input;
    await this.db.transaction(async (tx) => {
      const p = await loadProject(tx, actor, id, true);
      if (p.status !== 'draft') throw AppError.validation('status', '申报已提交，不能再修改');
      if (p.version !== version) throw stale();
      await this.formChecks(tx, await this.loadCall(tx, actor, p.callId), form);
      await tx
        .update(project)
        .set({ ...form, version: p.version + 1, updatedAt: this.ctx.clock() })
        .where(eq(project.id, id));
      await recordAudit(tx, actor, {
        action: 'project.update',
        objectType: 'project',
        objectId: id,
        changes: { before: { title: p.title, requestedFen: p.requestedFen }, after: form },
      });
    });
    return this.get(actor, id);
  }

  async submit(actor: Actor, id: string, version: number): Promise<ProjectView> {
    await this.db.transaction(async (tx) => {
      const p = await loadProject(tx, actor, id, true);
      const call = await this.loadCall(tx, actor, p.callId);
      if (p.status === 'draft' && !accepting(call, this.ctx.today())) {
        throw AppError.validation('deadline', `申报指南“${call.title}”已于 ${call.deadline} 截止，不能再提交申报`);
      }
      // one sequence of codes per year: serialise the numbering of that year
      await tx.execute(sql`select pg_advisory_xact_lock(7001, ${p.year})`);
      const [last] = await tx
        .select({ n: sql<number>`coalesce(max(substring(${project.code} from 9)::int), 0)::int` })
        .from(project)
        .where(and(eq(project.year, p.year), sql`${project.code} ~ '^YF-[0-9]{4}-[0-9]{3,}$'`));
      const code = `YF-${p.year}-${String((last?.n ?? 0) + 1).padStart(3, '0')}`;
      await moveProject(tx, actor, p, 'submit', {
        version,
        set: { code, submittedAt: this.ctx.clock() },
        summary: `提交申报，项目编号 ${code}`,
      });
    });
    return this.get(actor, id);
  }

  /** An application attachment (kind 'application'): the same name again is its next version. */
  async attach(actor: Actor, id: string, fileName: string, body: Readable): Promise<ProjectView> {
    const seen = await loadProject(this.db, actor, id);
    if (seen.status !== 'draft' && seen.status !== 'submitted') {
      throw AppError.validation('status', '申报材料只能在起草或待资格审查时补充');
    }
    const stored = await this.documents.save(id, fileName, body);
    try {
      await this.db.transaction(async (tx) => {
        const p = await loadProject(tx, actor, id, true);
        const [last] = await tx
          .select({ v: sql<number>`coalesce(max(${projectDocument.version}), 0)::int` })
          .from(projectDocument)
          .where(
            and(
              eq(projectDocument.projectId, id),
              eq(projectDocument.kind, 'application'),
              eq(projectDocument.name, fileName),
            ),
          );
        const version = (last?.v ?? 0) + 1;
        await tx.insert(projectDocument).values({
          id: stored.id,
          projectId: id,
          kind: 'application',
          name: fileName,
          version,
          fileName,
          contentType: stored.contentType,
          size: stored.size,
          sha256: stored.sha256,
          uploadedBy: actor.userId,
          uploadedByName: actor.displayName,
          uploadedAt: this.ctx.clock(),
        });
        await addProjectEvent(tx, actor, p, {
          kind: 'document',
          summary: `上传申报材料“${fileName}”（第 ${version} 版）`,
          data: { documentId: stored.id, kind: 'application', version, sha256: stored.sha256 },
        });
        await recordAudit(tx, actor, {
          action: 'project.document.upload',
          objectType: 'project',
          objectId: id,
          changes: { after: { documentId: stored.id, kind: 'application', name: fileName, version } },
        });
      });
    } catch (error) {
      await this.documents.remove(id, stored.id);
      throw error;
    }
    return this.get(actor, id);
  }

  // ------------------------------------------------------------------------------------------------------------
  // Reading

  async get(actor: Actor, id: string): Promise<ProjectView> {
    return projectView(this.ctx, this.db, await loadProject(this.db, actor, id));
  }

  async list(actor: Actor, query: ProjectQuery): Promise<z.infer<typeof ProjectPage>> {
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const conditions: (SQL | undefined)[] = [
      projectScope(actor),
      query.year ? eq(project.year, query.year) : undefined,
      query.status ? eq(project.status, query.status) : undefined,
      query.countyCode ? eq(project.countyCode, query.countyCode) : undefined,
      query.type ? eq(project.type, query.type) : undefined,
      query.callId ? eq(project.callId, query.callId) : undefined,
      after
        ? or(
            lt(project.updatedAt, new Date(after[0])),
            and(eq(project.updatedAt, new Date(after[0])), lt(project.id, after[1])),
          )
        : undefined,
    ];
    const rows = await this.db
      .select()
      .from(project)
      .where(and(...conditions))
      .orderBy(desc(project.updatedAt), desc(project.id))
      .limit(query.limit + 1);
    const items = await listItems(this.ctx, rows);
    return toPage(
      rows,
      query.limit,
      (r) => [r.updatedAt.toISOString(), r.id],
      (r) => items.get(r.id) as NonNullable<ReturnType<typeof items.get>>,
    );
  }
}

/** A call takes submissions when open and its deadline (inclusive, Beijing date) has not passed. */
export function accepting(c: Pick<CallRow, 'status' | 'opensOn' | 'deadline'>, today: string): boolean {
  return c.status === 'open' && today >= c.opensOn && today <= c.deadline;
}
