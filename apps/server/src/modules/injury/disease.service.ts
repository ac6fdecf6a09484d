import type {
  DiseaseCaseInput,
  DiseaseCaseUpdate,
  DiseaseCaseView,
  DiseaseFilter,
  DiseaseListQuery,
} from '@yufang/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import type { Core } from '../../core/context.js';
import { AppError } from '../../core/http/errors.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';
import { changedFields } from '../employer/employer.rules.js';
import { presentDisease } from './injury.presenter.js';
import { type DiseaseCaseRow, findDisease, listDiseases } from './injury.repo.js';
import { diagnosisProblems, gradeProblems } from './injury.rules.js';
import { diseaseCase } from './injury.schema.js';
import {
  auditable,
  caseEmployer,
  classificationOf,
  idColumns,
  newRecordNo,
  rosterFacts,
  transactUnique,
} from './injury.worker.js';

const NOT_FOUND = '职业病病例不存在或不在您的管辖范围内';
const STALE = '该职业病病例已被他人修改，请刷新后重试';
const DUPLICATE = '病例编号已存在，请核对是否重复登记';
const EXPORT_PAGE = 1000;

export class DiseaseService {
  constructor(private readonly core: Core) {}

  async list(actor: Actor, query: DiseaseListQuery) {
    const { limit, cursor, ...filter } = query;
    const after = decodeCursor(cursor, 2) as [string, string] | null;
    const rows = await listDiseases(this.core.db, actor, filter, after, limit + 1);
    return toPage(
      rows,
      limit,
      (r) => [r.diagnosedOn, r.id],
      (r) => presentDisease(actor, this.core.regions, r),
    );
  }

  async *pages(actor: Actor, filter: DiseaseFilter): AsyncGenerator<DiseaseCaseView[]> {
    let after: [string, string] | null = null;
    for (;;) {
      const rows = await listDiseases(this.core.db, actor, filter, after, EXPORT_PAGE);
      if (rows.length === 0) return;
      yield rows.map((r) => presentDisease(actor, this.core.regions, r));
      const last = rows[rows.length - 1] as DiseaseCaseRow;
      after = [last.diagnosedOn, last.id];
    }
  }

  async get(actor: Actor, id: string): Promise<DiseaseCaseView> {
    return presentDisease(actor, this.core.regions, await this.row(actor, id));
  }

  /** Registers a diagnosis under the catalogue edition in force on its date, for an employer in scope. */
  async create(actor: Actor, input: DiseaseCaseInput): Promise<DiseaseCaseView> {
    const emp = await caseEmployer(this.core.db, actor, input.employerId);
    const ids = idColumns(this.core, input.idNumber);
    const fields = await this.checked(input, emp.id, ids.idHash);
    const id = await transactUnique(this.core.db, DUPLICATE, async (tx) => {
      const [row] = await tx
        .insert(diseaseCase)
        .values({
          ...fields,
          caseNo: input.caseNo || newRecordNo('ZYB', input.diagnosedOn),
          employerId: emp.id,
          ...classificationOf(emp),
          ...ids,
          source: 'form',
        })
        .returning();
      const created = row as typeof diseaseCase.$inferSelect;
      await recordAudit(tx, actor, {
        action: 'injury.disease.create',
        objectType: 'disease_case',
        objectId: created.id,
        changes: { after: auditable(created) },
      });
      return created.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, input: DiseaseCaseUpdate): Promise<DiseaseCaseView> {
    const before = await this.row(actor, id);
    if (before.version !== input.version) throw AppError.conflict(STALE);
    const ids = input.idNumber ? idColumns(this.core, input.idNumber) : null;
    const fields = await this.checked(input, before.employerId, ids?.idHash ?? before.idHash);
    const next = { ...fields, ...(ids ?? {}), ...(input.caseNo ? { caseNo: input.caseNo } : {}) };
    const changes = changedFields(auditable(before), auditable({ ...before, ...next }));
    if (Object.keys(changes.after).length === 0) return this.get(actor, id);
    await transactUnique(this.core.db, DUPLICATE, async (tx) => {
      const updated = await tx
        .update(diseaseCase)
        .set({ ...next, version: sql`${diseaseCase.version} + 1`, updatedAt: new Date() })
        .where(and(eq(diseaseCase.id, id), eq(diseaseCase.version, input.version)))
        .returning({ id: diseaseCase.id });
      if (updated.length === 0) throw AppError.conflict(STALE);
      await recordAudit(tx, actor, {
        action: 'injury.disease.update',
        objectType: 'disease_case',
        objectId: id,
        changes,
      });
    });
    return this.get(actor, id);
  }

  private async checked(
    input: Omit<DiseaseCaseInput, 'employerId' | 'idNumber'>,
    employerId: string,
    idHash: string | null,
  ) {
    const diagnosis = diagnosisProblems(input);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const future = input.diagnosedOn > today ? [{ field: 'diagnosedOn', message: '诊断日期不能晚于今天' }] : [];
    AppError.assertNoProblems([
      ...future,
      ...diagnosis.problems,
      ...gradeProblems(input.recognitionResult, input.disabilityGrade),
    ]);
    const roster = idHash
      ? await rosterFacts(this.core.db, employerId, idHash, input.diagnosedOn)
      : { personId: null, rosterJob: null, tenureMonths: null };
    return {
      workerName: input.workerName,
      job: input.job ?? roster.rosterJob,
      personId: roster.personId,
      tenureMonths: roster.tenureMonths,
      diagnosedOn: input.diagnosedOn,
      catalogueEdition: diagnosis.edition as string,
      categoryNo: input.categoryNo,
      diseaseName: input.diseaseName,
      pneumoconiosis: diagnosis.pneumoconiosis,
      stage: input.stage,
      exposureMonths: input.exposureMonths,
      hazardFactor: input.hazardFactor,
      recognitionResult: input.recognitionResult,
      disabilityGrade: input.disabilityGrade,
    };
  }

  private async row(actor: Actor, id: string): Promise<DiseaseCaseRow> {
    const row = await findDisease(this.core.db, actor, id);
    if (!row) throw AppError.notFound(NOT_FOUND);
    return row;
  }
}
