import type {
  AccidentDetail,
  AccidentFilter,
  AccidentInput,
  AccidentListQuery,
  AccidentUpdate,
  AccidentView,
} from '@yufang/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import type { Core } from '../../core/context.js';
import { AppError } from '../../core/http/errors.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';
import { changedFields } from '../employer/employer.rules.js';
import { accidentGradePolicy } from './injury.policy.js';
import { presentAccident, presentInjury } from './injury.presenter.js';
import { type AccidentRow, findAccident, listAccidents, listInjuries } from './injury.repo.js';
import { beijingDate, legalGrade } from './injury.rules.js';
import { safetyAccident } from './injury.schema.js';
import { auditable, caseEmployer, newRecordNo, transactUnique } from './injury.worker.js';

const NOT_FOUND = '生产安全事故不存在或不在您的管辖范围内';
const STALE = '该事故记录已被他人修改，请刷新后重试';
const DUPLICATE = '事故编号已存在，请核对是否重复登记';
const EXPORT_PAGE = 1000;
/** The linked injuries shown on an accident (a larger accident's full list is the filtered injury list). */
const LINKED_SHOWN = 200;

export class AccidentService {
  constructor(private readonly core: Core) {}

  async list(actor: Actor, query: AccidentListQuery) {
    const { limit, cursor, ...filter } = query;
    const after = decodeCursor(cursor, 2) as [string, string] | null;
    const rows = await listAccidents(this.core.db, actor, filter, after, limit + 1);
    return toPage(
      rows,
      limit,
      (r) => [r.occurredAt.toISOString(), r.id],
      (r) => presentAccident(actor, this.core.regions, r),
    );
  }

  async *pages(actor: Actor, filter: AccidentFilter): AsyncGenerator<AccidentView[]> {
    let after: [string, string] | null = null;
    for (;;) {
      const rows = await listAccidents(this.core.db, actor, filter, after, EXPORT_PAGE);
      if (rows.length === 0) return;
      yield rows.map((r) => presentAccident(actor, this.core.regions, r));
      const last = rows[rows.length - 1] as AccidentRow;
      after = [last.occurredAt.toISOString(), last.id];
    }
  }

  /** An accident with the injury cases linked to it (in the caller's scope). */
  async get(actor: Actor, id: string): Promise<AccidentDetail> {
    const row = await this.row(actor, id);
    const injuries = await listInjuries(this.core.db, actor, { accidentId: id }, null, LINKED_SHOWN);
    return {
      ...presentAccident(actor, this.core.regions, row),
      injuries: injuries.map((r) => presentInjury(actor, this.core.regions, r)),
    };
  }

  /** Registers an accident; its legal grade follows from the casualties and loss under the thresholds then in force. */
  async create(actor: Actor, input: AccidentInput): Promise<AccidentDetail> {
    const fields = await this.checked(actor, input);
    const id = await transactUnique(this.core.db, DUPLICATE, async (tx) => {
      const [row] = await tx
        .insert(safetyAccident)
        .values({
          ...fields,
          accidentNo: input.accidentNo || newRecordNo('SG', beijingDate(fields.occurredAt)),
          source: 'form',
        })
        .returning();
      const created = row as typeof safetyAccident.$inferSelect;
      await recordAudit(tx, actor, {
        action: 'injury.accident.create',
        objectType: 'safety_accident',
        objectId: created.id,
        changes: { after: auditable(created) },
      });
      return created.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, input: AccidentUpdate): Promise<AccidentDetail> {
    const before = await this.row(actor, id);
    if (before.version !== input.version) throw AppError.conflict(STALE);
    const fields = await this.checked(actor, input);
    const next = { ...fields, ...(input.accidentNo ? { accidentNo: input.accidentNo } : {}) };
    const changes = changedFields(auditable(before), auditable({ ...before, ...next }));
    if (Object.keys(changes.after).length === 0) return this.get(actor, id);
    await transactUnique(this.core.db, DUPLICATE, async (tx) => {
      const updated = await tx
        .update(safetyAccident)
        .set({ ...next, version: sql`${safetyAccident.version} + 1`, updatedAt: new Date() })
        .where(and(eq(safetyAccident.id, id), eq(safetyAccident.version, input.version)))
        .returning({ id: safetyAccident.id });
      if (updated.length === 0) throw AppError.conflict(STALE);
      await recordAudit(tx, actor, {
        action: 'injury.accident.update',
        objectType: 'safety_accident',
        objectId: id,
        changes,
      });
    });
    return this.get(actor, id);
  }

  /** The county is the employer's (when there is one) and must be in the caller's scope. */
  private async checked(actor: Actor, input: AccidentInput) {
    const { db, regions } = this.core;
    const emp = input.employerId ? await caseEmployer(db, actor, input.employerId) : null;
    const countyCode = emp?.countyCode ?? input.countyCode;
    if (!countyCode) throw AppError.validation('countyCode', '未选择用人单位时须填写事故发生的县（市、区）');
    if (!regions.get(countyCode)) throw AppError.validation('countyCode', `区划代码 ${countyCode} 不存在`);
    if (!actor.scope.regions.has(countyCode))
      throw AppError.validation('countyCode', '该县（市、区）不在您的管辖范围内');
    const occurredAt = new Date(input.occurredAt);
    if (occurredAt.getTime() > Date.now() + 60_000) throw AppError.validation('occurredAt', '发生时间不能晚于现在');
    const thresholds = await accidentGradePolicy(db, regions, countyCode, beijingDate(occurredAt));
    return {
      employerId: emp?.id ?? null,
      countyCode,
      occurredAt,
      category: input.category,
      deaths: input.deaths,
      seriousInjuries: input.seriousInjuries,
      minorInjuries: input.minorInjuries,
      directLossFen: input.directLossFen,
      legalGrade: legalGrade(input, thresholds),
      summary: input.summary,
      reportedByUnit: input.reportedByUnit,
    };
  }

  private async row(actor: Actor, id: string): Promise<AccidentRow> {
    const row = await findAccident(this.core.db, actor, id);
    if (!row) throw AppError.notFound(NOT_FOUND);
    return row;
  }
}
