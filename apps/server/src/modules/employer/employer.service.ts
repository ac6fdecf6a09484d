import {
  type EmployerFilter,
  type EmployerListQuery,
  type EmployerUpdateInput,
  type EmployerView,
  type HeadcountQuery,
  type HeadcountView,
  maskPhone,
} from '@yufang/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import type { Core } from '../../core/context.js';
import { employer } from '../../core/db/schema.js';
import { AppError } from '../../core/http/errors.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';
import { presentEmployer, presentHistory } from './employer.presenter.js';
import {
  type EmployerRow,
  findEmployer,
  importThatCreated,
  listEmployers,
  listHeadcounts,
  listHistory,
} from './employer.repo.js';
import { changedFields, employerProblems } from './employer.rules.js';
import { employerHistory } from './employer.schema.js';
import { classifyEmployer, loadIndustryPolicy } from './industry-policy.js';

const NOT_FOUND = '用人单位不存在或不在您的管辖范围内';
const CONFLICT = '该用人单位已被他人修改，请刷新后重试';
const EXPORT_PAGE = 1000;

/** Today in Beijing time (policies take effect on calendar dates there). */
function today(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** The fields compared for the history: what a person edits plus what the classification derives. */
function snapshot(row: EmployerRow) {
  return {
    name: row.name,
    formerNames: row.formerNames,
    legalRepresentative: row.legalRepresentative,
    address: row.address,
    industryCode: row.industryCode,
    industryGroup: row.industryGroup,
    riskClass: row.riskClass,
    keyIndustry: row.keyIndustry,
    dustHazard: row.dustHazard,
    ownershipType: row.ownershipType,
    size: row.size,
    workforce: row.workforce,
    safetyContactName: row.safetyContactName,
    safetyContactPhoneMasked: row.safetyContactPhoneMasked,
    insuranceStatus: row.insuranceStatus,
  };
}

export class EmployerService {
  constructor(private readonly core: Core) {}

  async list(actor: Actor, query: EmployerListQuery) {
    const { limit, cursor, ...filter } = query;
    const after = decodeCursor(cursor, 2) as [string, string] | null;
    const rows = await listEmployers(this.core.db, actor, filter, after, limit + 1);
    return toPage(
      rows,
      limit,
      (r) => [r.name, r.id],
      (r) => presentEmployer(actor, this.core.regions, r),
    );
  }

  /** All employers matching the filter, page by page, for the export. */
  async *pages(actor: Actor, filter: EmployerFilter): AsyncGenerator<EmployerView[]> {
    let after: [string, string] | null = null;
    for (;;) {
      const rows = await listEmployers(this.core.db, actor, filter, after, EXPORT_PAGE);
      if (rows.length === 0) return;
      yield rows.map((r) => presentEmployer(actor, this.core.regions, r));
      const last = rows[rows.length - 1] as EmployerRow;
      after = [last.name, last.id];
    }
  }

  async get(actor: Actor, id: string): Promise<EmployerView> {
    return presentEmployer(actor, this.core.regions, await this.row(actor, id));
  }

  async history(actor: Actor, id: string, query: { limit: number; cursor?: string }) {
    await this.row(actor, id);
    const key = decodeCursor(query.cursor, 1);
    const rows = await listHistory(this.core.db, id, key ? Number(key[0]) : null, query.limit + 1);
    if (rows.length <= query.limit && (key === null || Number(key[0]) > 0)) {
      // The last page ends with the creation by an import: imports write no history row per new employer.
      const created = await importThatCreated(this.core.db, id);
      if (created) rows.push(created);
    }
    return toPage(rows, query.limit, (r) => [r.id], presentHistory);
  }

  async headcounts(actor: Actor, id: string, query: HeadcountQuery): Promise<HeadcountView[]> {
    await this.row(actor, id);
    if (query.from && query.to && query.from > query.to) throw AppError.validation('to', '结束月份不能早于开始月份');
    const rows = await listHeadcounts(
      this.core.db,
      id,
      query.from ? `${query.from}-01` : null,
      query.to ? `${query.to}-01` : null,
    );
    return rows.map((r) => ({ month: r.month.slice(0, 7), insuredCount: r.insuredCount, payrollFen: r.payrollFen }));
  }

  /**
   * Edits an employer profile: a stale `version` gets a conflict; the classification (risk class, key-industry and
   * dust flags) is recomputed from the industry and the policy in force today for the employer's county; a new name
   * pushes the old one into the former names; the history row and the audit row are written with the change.
   */
  async update(actor: Actor, id: string, input: EmployerUpdateInput): Promise<EmployerView> {
    const { db, regions, pii } = this.core;
    const before = await this.row(actor, id);
    if (before.version !== input.version) throw AppError.conflict(CONFLICT);
    const problems = employerProblems(input);
    AppError.assertNoProblems(problems);
    const policy = await loadIndustryPolicy(db, regions, before.countyCode, today());
    const classification = classifyEmployer(input.industryCode, input.industryGroup, policy);
    const renamed = input.name !== before.name;
    const phone =
      input.safetyContactPhone === undefined
        ? {
            safetyContactPhoneCipher: before.safetyContactPhoneCipher,
            safetyContactPhoneMasked: before.safetyContactPhoneMasked,
          }
        : input.safetyContactPhone === null
          ? { safetyContactPhoneCipher: null, safetyContactPhoneMasked: null }
          : {
              safetyContactPhoneCipher: pii.encrypt(input.safetyContactPhone),
              safetyContactPhoneMasked: maskPhone(input.safetyContactPhone),
            };
    const next = {
      name: input.name,
      formerNames: renamed
        ? [...before.formerNames.filter((n) => n !== before.name && n !== input.name), before.name]
        : before.formerNames,
      legalRepresentative: input.legalRepresentative,
      address: input.address,
      industryCode: input.industryCode,
      industryGroup: input.industryGroup,
      ...classification,
      ownershipType: input.ownershipType,
      size: input.size,
      workforce: input.workforce,
      safetyContactName: input.safetyContactName,
      insuranceStatus: input.insuranceStatus,
      ...phone,
    };
    const changes = changedFields(snapshot(before), snapshot({ ...before, ...next }));
    // a new number with the same mask is still a change (the masked values would not show it)
    const phoneReplaced = input.safetyContactPhone !== undefined && input.safetyContactPhone !== null;
    if (phoneReplaced && !('safetyContactPhoneMasked' in changes.after)) {
      changes.before.safetyContactPhoneMasked = before.safetyContactPhoneMasked;
      changes.after.safetyContactPhoneMasked = next.safetyContactPhoneMasked;
    }
    if (Object.keys(changes.after).length === 0) return presentEmployer(actor, regions, before);
    await db.transaction(async (tx) => {
      const updated = await tx
        .update(employer)
        .set({ ...next, version: sql`${employer.version} + 1`, updatedAt: new Date() })
        .where(and(eq(employer.id, id), eq(employer.version, input.version)))
        .returning({ id: employer.id });
      if (updated.length === 0) throw AppError.conflict(CONFLICT);
      await tx.insert(employerHistory).values({
        employerId: id,
        userId: actor.userId,
        username: actor.username,
        source: 'form',
        changes,
      });
      await recordAudit(tx, actor, { action: 'employer.update', objectType: 'employer', objectId: id, changes });
    });
    return this.get(actor, id);
  }

  private async row(actor: Actor, id: string): Promise<EmployerRow> {
    const row = await findEmployer(this.core.db, actor, id);
    if (!row) throw AppError.notFound(NOT_FOUND);
    return row;
  }
}
