import type {
  InjuryCaseDetail,
  InjuryCaseInput,
  InjuryCaseUpdate,
  InjuryCaseView,
  InjuryCostInput,
  InjuryFilter,
  InjuryListQuery,
} from '@yufang/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import type { Core } from '../../core/context.js';
import { AppError } from '../../core/http/errors.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';
import { changedFields } from '../employer/employer.rules.js';
import { presentCost, presentInjury, presentInjuryDetail } from './injury.presenter.js';
import { findAccident, findInjury, type InjuryCaseRow, listCosts, listInjuries } from './injury.repo.js';
import { beijingDate, lostWorkdayProblems, recognitionProblems } from './injury.rules.js';
import { injuryCase, injuryCost } from './injury.schema.js';
import {
  auditable,
  caseEmployer,
  classificationOf,
  idColumns,
  newRecordNo,
  rosterFacts,
  transactUnique,
} from './injury.worker.js';

const NOT_FOUND = '工伤案件不存在或不在您的管辖范围内';
const STALE = '该工伤案件已被他人修改，请刷新后重试';
const DUPLICATE = '认定书编号已存在，请核对是否重复登记';
const EXPORT_PAGE = 1000;

type CaseFields = Omit<InjuryCaseInput, 'employerId' | 'idNumber' | 'caseNo'>;

export class InjuryService {
  constructor(private readonly core: Core) {}

  async list(actor: Actor, query: InjuryListQuery) {
    const { limit, cursor, ...filter } = query;
    const after = decodeCursor(cursor, 2) as [string, string] | null;
    const rows = await listInjuries(this.core.db, actor, filter, after, limit + 1);
    return toPage(
      rows,
      limit,
      (r) => [r.occurredAt.toISOString(), r.id],
      (r) => presentInjury(actor, this.core.regions, r),
    );
  }

  /** Every case matching the filter, page by page, for the export. */
  async *pages(actor: Actor, filter: InjuryFilter): AsyncGenerator<InjuryCaseView[]> {
    let after: [string, string] | null = null;
    for (;;) {
      const rows = await listInjuries(this.core.db, actor, filter, after, EXPORT_PAGE);
      if (rows.length === 0) return;
      yield rows.map((r) => presentInjury(actor, this.core.regions, r));
      const last = rows[rows.length - 1] as InjuryCaseRow;
      after = [last.occurredAt.toISOString(), last.id];
    }
  }

  async get(actor: Actor, id: string): Promise<InjuryCaseDetail> {
    const row = await this.row(actor, id);
    return presentInjuryDetail(actor, this.core.regions, row, await listCosts(this.core.db, id));
  }

  /**
   * Registers a case for an employer in the caller's scope: the worker is looked up by ID number in that
   * employer's roster (tenure, job), sex and birth date come from the number, the employer's classification is
   * copied as it is today (the time of recording), severity and lost workdays must agree (GB 6441).
   */
  async create(actor: Actor, input: InjuryCaseInput): Promise<InjuryCaseDetail> {
    const { db } = this.core;
    const emp = await caseEmployer(db, actor, input.employerId);
    const ids = idColumns(this.core, input.idNumber);
    const fields = await this.checked(actor, input, emp.id, ids.idHash);
    const values = {
      ...fields,
      caseNo: input.caseNo || newRecordNo('GS', beijingDate(fields.occurredAt)),
      employerId: emp.id,
      ...classificationOf(emp),
      ...ids,
      source: 'form' as const,
    };
    const id = await transactUnique(db, DUPLICATE, async (tx) => {
      const [row] = await tx.insert(injuryCase).values(values).returning();
      const created = row as typeof injuryCase.$inferSelect;
      await recordAudit(tx, actor, {
        action: 'injury.case.create',
        objectType: 'injury_case',
        objectId: created.id,
        changes: { after: auditable(created) },
      });
      return created.id;
    });
    return this.get(actor, id);
  }

  /** Corrects a case: a stale version is a conflict; the worker's roster facts are looked up again for the date. */
  async update(actor: Actor, id: string, input: InjuryCaseUpdate): Promise<InjuryCaseDetail> {
    const { db } = this.core;
    const before = await this.row(actor, id);
    if (before.version !== input.version) throw AppError.conflict(STALE);
    const ids = input.idNumber ? idColumns(this.core, input.idNumber) : null;
    const idHash = ids?.idHash ?? before.idHash;
    const fields = await this.checked(actor, input, before.employerId, idHash);
    const next = { ...fields, ...(ids ?? {}), ...(input.caseNo ? { caseNo: input.caseNo } : {}) };
    const changes = changedFields(auditable(before), auditable({ ...before, ...next }));
    if (Object.keys(changes.after).length === 0) return this.get(actor, id);
    await transactUnique(db, DUPLICATE, async (tx) => {
      const updated = await tx
        .update(injuryCase)
        .set({ ...next, version: sql`${injuryCase.version} + 1`, updatedAt: new Date() })
        .where(and(eq(injuryCase.id, id), eq(injuryCase.version, input.version)))
        .returning({ id: injuryCase.id });
      if (updated.length === 0) throw AppError.conflict(STALE);
      await recordAudit(tx, actor, { action: 'injury.case.update', objectType: 'injury_case', objectId: id, changes });
    });
    return this.get(actor, id);
  }

  /** Adds a fund spending item (fen) to a case; the payment date cannot precede the event. */
  async addCost(actor: Actor, id: string, input: InjuryCostInput) {
    const row = await this.row(actor, id);
    if (input.paidOn < beijingDate(row.occurredAt)) throw AppError.validation('paidOn', '支付日期不能早于事故日期');
    const cost = await this.core.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(injuryCost)
        .values({ caseId: id, ...input })
        .returning();
      const c = created as typeof injuryCost.$inferSelect;
      await recordAudit(tx, actor, {
        action: 'injury.cost.create',
        objectType: 'injury_case',
        objectId: id,
        changes: { after: { costId: c.id, item: c.item, amountFen: c.amountFen, paidOn: c.paidOn } },
      });
      return c;
    });
    return presentCost(cost);
  }

  async removeCost(actor: Actor, id: string, costId: number): Promise<void> {
    await this.row(actor, id);
    await this.core.db.transaction(async (tx) => {
      const [removed] = await tx
        .delete(injuryCost)
        .where(and(eq(injuryCost.id, costId), eq(injuryCost.caseId, id)))
        .returning();
      if (!removed) throw AppError.notFound('该支出项目不存在');
      await recordAudit(tx, actor, {
        action: 'injury.cost.delete',
        objectType: 'injury_case',
        objectId: id,
        changes: {
          before: { costId, item: removed.item, amountFen: removed.amountFen, paidOn: removed.paidOn },
        },
      });
    });
  }

  /** The stored form of the editable fields, after the rules that need more than the schema. */
  private async checked(
    actor: Actor,
    input: CaseFields & { job: string | null; workerName: string },
    employerId: string,
    idHash: string | null,
  ) {
    const occurredAt = new Date(input.occurredAt);
    if (occurredAt.getTime() > Date.now() + 60_000) throw AppError.validation('occurredAt', '发生时间不能晚于现在');
    const eventDate = beijingDate(occurredAt);
    AppError.assertNoProblems([
      ...lostWorkdayProblems(input.severity, input.lostWorkdays),
      ...recognitionProblems({ ...input, eventDate }),
    ]);
    if (input.accidentId && !(await findAccident(this.core.db, actor, input.accidentId)))
      throw AppError.validation('accidentId', '关联的生产安全事故不存在或不在您的管辖范围内');
    const roster = idHash
      ? await rosterFacts(this.core.db, employerId, idHash, eventDate)
      : { personId: null, rosterJob: null, tenureMonths: null };
    return {
      occurredAt,
      workerName: input.workerName,
      job: input.job ?? roster.rosterJob,
      personId: roster.personId,
      tenureMonths: roster.tenureMonths,
      place: input.place,
      accidentCategory: input.accidentCategory,
      injuryNature: input.injuryNature,
      bodyPart: input.bodyPart,
      cause: input.cause,
      harmingObject: input.harmingObject,
      activity: input.activity,
      severity: input.severity,
      lostWorkdays: input.lostWorkdays,
      commuting: input.commuting,
      recognitionResult: input.recognitionResult,
      recognitionDate: input.recognitionDate,
      disabilityGrade: input.disabilityGrade,
      disabilityAssessedOn: input.disabilityAssessedOn,
      accidentId: input.accidentId,
    };
  }

  private async row(actor: Actor, id: string): Promise<InjuryCaseRow> {
    const row = await findInjury(this.core.db, actor, id);
    if (!row) throw AppError.notFound(NOT_FOUND);
    return row;
  }
}
