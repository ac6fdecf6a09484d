import {
  industryDivision,
  type LedgerAddInput,
  type LedgerCountyStatus,
  type LedgerDecisionInput,
  type LedgerEntryView,
  type LedgerRevisionSummary,
  type LedgerView,
} from '@yufang/contracts';
import { and, asc, desc, eq, ilike, inArray, ne, or, sql } from 'drizzle-orm';
import { recordAudit, recordAuditEvent } from '../../core/audit/audit.js';
import { type Actor, can } from '../../core/auth/actor.js';
import { scopeFilter } from '../../core/authz/scope.js';
import type { Core } from '../../core/context.js';
import type { Tx } from '../../core/db/index.js';
import { employer, employerRisk, hazard, injuryCase } from '../../core/db/schema.js';
import { AppError } from '../../core/http/errors.js';
import { latestHeadcount } from '../employer/coverage.js';
import { loadIndustryPolicy } from '../employer/industry-policy.js';
import { beijingDate } from '../hazard/hazard.rules.js';
import { keyLedger, keyLedgerEntry } from './ledger.schema.js';

const NOT_FOUND = '该县（市、区）本年度清单不存在或不在您的管辖范围内';
type LedgerRow = typeof keyLedger.$inferSelect;

/**
 * County key-enterprise lists (重点企业清单) by year, revision by revision, and the ledger (台账) figures of their
 * entries read live. Every change checks the revision's version and is audited in the same transaction.
 */
export class LedgerService {
  constructor(
    private readonly core: Core,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  today(): string {
    return beijingDate(this.clock());
  }

  /** The counties of the caller's scope (a county officer: their own only). */
  counties(actor: Actor): string[] {
    return this.core.regions
      .all()
      .filter((r) => r.level === 'county' && !r.replacedBy && actor.scope.regions.has(r.code))
      .map((r) => r.code)
      .sort();
  }

  private assertCounty(actor: Actor, countyCode: string) {
    if (!this.counties(actor).includes(countyCode)) throw AppError.notFound(NOT_FOUND);
  }

  async overview(actor: Actor, year: number): Promise<LedgerCountyStatus[]> {
    const counties = this.counties(actor);
    if (!counties.length) return [];
    const rows = await this.core.db
      .select({
        countyCode: keyLedger.countyCode,
        revision: keyLedger.revision,
        status: keyLedger.status,
        entries: sql<number>`(select count(*)::int from key_ledger_entry e where e.ledger_id = ${keyLedger.id})`,
        included: sql<number>`(select count(*)::int from key_ledger_entry e where e.ledger_id = ${keyLedger.id} and e.decision = 'included')`,
      })
      .from(keyLedger)
      .where(and(eq(keyLedger.year, year), inArray(keyLedger.countyCode, counties)))
      .orderBy(asc(keyLedger.countyCode), desc(keyLedger.revision));
    return counties.map((code) => {
      const mine = rows.filter((r) => r.countyCode === code);
      const latest = mine[0];
      const confirmed = mine.find((r) => r.status === 'confirmed');
      return {
        countyCode: code,
        countyName: this.core.regions.name(code),
        status: latest ? (latest.status === 'draft' ? 'draft' : 'confirmed') : 'none',
        revision: latest?.revision ?? null,
        confirmedRevision: confirmed?.revision ?? null,
        entries: latest?.entries ?? 0,
        included: latest?.included ?? 0,
      };
    });
  }

  private async revisionRow(db: Core['db'] | Tx, countyCode: string, year: number, revision?: number) {
    const [row] = await db
      .select()
      .from(keyLedger)
      .where(
        and(
          eq(keyLedger.countyCode, countyCode),
          eq(keyLedger.year, year),
          revision === undefined ? undefined : eq(keyLedger.revision, revision),
        ),
      )
      .orderBy(desc(keyLedger.revision))
      .limit(1);
    return row;
  }

  async get(actor: Actor, countyCode: string, year: number, revision?: number): Promise<LedgerView> {
    this.assertCounty(actor, countyCode);
    const row = await this.revisionRow(this.core.db, countyCode, year, revision);
    if (!row) throw AppError.notFound(NOT_FOUND);
    return this.present(actor, row);
  }

  async history(actor: Actor, countyCode: string, year: number): Promise<LedgerRevisionSummary[]> {
    this.assertCounty(actor, countyCode);
    const rows = await this.core.db
      .select({
        revision: keyLedger.revision,
        status: keyLedger.status,
        amendReason: keyLedger.amendReason,
        createdByName: keyLedger.createdByName,
        createdAt: keyLedger.createdAt,
        confirmedAt: keyLedger.confirmedAt,
        confirmedByName: keyLedger.confirmedByName,
        entries: sql<number>`(select count(*)::int from key_ledger_entry e where e.ledger_id = ${keyLedger.id})`,
        included: sql<number>`(select count(*)::int from key_ledger_entry e where e.ledger_id = ${keyLedger.id} and e.decision = 'included')`,
      })
      .from(keyLedger)
      .where(and(eq(keyLedger.countyCode, countyCode), eq(keyLedger.year, year)))
      .orderBy(desc(keyLedger.revision));
    return rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      confirmedAt: r.confirmedAt?.toISOString() ?? null,
    }));
  }

  /** The entries of a revision with the ledger figures read live (the year of the ledger and the one before). */
  async entries(row: LedgerRow): Promise<LedgerEntryView[]> {
    const { db } = this.core;
    const today = this.today();
    const headcount = latestHeadcount(db);
    const entries = await db
      .select({
        employerId: keyLedgerEntry.employerId,
        category: keyLedgerEntry.category,
        basis: keyLedgerEntry.basis,
        proposedReason: keyLedgerEntry.proposedReason,
        decision: keyLedgerEntry.decision,
        decisionReason: keyLedgerEntry.decisionReason,
        employerName: employer.name,
        uscc: employer.uscc,
        industryCode: employer.industryCode,
        workforce: employer.workforce,
        insuranceStatus: employer.insuranceStatus,
        insured: headcount.insured,
      })
      .from(keyLedgerEntry)
      .innerJoin(employer, eq(employer.id, keyLedgerEntry.employerId))
      .leftJoin(headcount, eq(headcount.employerId, keyLedgerEntry.employerId))
      .where(eq(keyLedgerEntry.ledgerId, row.id))
      .orderBy(asc(keyLedgerEntry.decision), asc(employer.name));
    const ids = entries.map((e) => e.employerId);
    if (!ids.length) return [];
    const yearOf = sql<number>`extract(year from ${injuryCase.occurredAt} at time zone 'Asia/Shanghai')::int`;
    const [injuries, hazards, risks] = await Promise.all([
      db
        .select({ employerId: injuryCase.employerId, year: yearOf, n: sql<number>`count(*)::int` })
        .from(injuryCase)
        .where(and(inArray(injuryCase.employerId, ids), inArray(yearOf, [row.year, row.year - 1])))
        .groupBy(injuryCase.employerId, yearOf),
      db
        .select({
          employerId: hazard.employerId,
          open: sql<number>`count(*)::int`,
          overdue: sql<number>`count(*) filter (where ${hazard.deadline} < ${today})::int`,
        })
        .from(hazard)
        .where(and(inArray(hazard.employerId, ids), ne(hazard.status, 'closed')))
        .groupBy(hazard.employerId),
      db
        .selectDistinctOn([employerRisk.employerId], { employerId: employerRisk.employerId, score: employerRisk.score })
        .from(employerRisk)
        .where(inArray(employerRisk.employerId, ids))
        .orderBy(employerRisk.employerId, desc(employerRisk.year)),
    ]);
    // Training coverage and prevention projects join the ledger with the issues that bring those modules.
    return entries.map((e) => {
      const h = hazards.find((x) => x.employerId === e.employerId);
      const injuriesIn = (y: number) => injuries.find((x) => x.employerId === e.employerId && x.year === y)?.n ?? 0;
      return {
        ...e,
        industryName: industryDivision(e.industryCode)?.name ?? e.industryCode,
        insured: e.insured ?? null,
        injuriesThisYear: injuriesIn(row.year),
        injuriesLastYear: injuriesIn(row.year - 1),
        openHazards: h?.open ?? 0,
        overdueHazards: h?.overdue ?? 0,
        riskScore: risks.find((x) => x.employerId === e.employerId)?.score ?? null,
      };
    });
  }

  private async present(actor: Actor, row: LedgerRow): Promise<LedgerView> {
    return {
      id: row.id,
      countyCode: row.countyCode,
      countyName: this.core.regions.name(row.countyCode),
      year: row.year,
      revision: row.revision,
      status: row.status,
      amendReason: row.amendReason,
      createdByName: row.createdByName,
      createdAt: row.createdAt.toISOString(),
      confirmedAt: row.confirmedAt?.toISOString() ?? null,
      confirmedByName: row.confirmedByName,
      demo: row.demo,
      version: row.version,
      entries: await this.entries(row),
      canManage: can(actor, 'ledger.manage'),
    };
  }

  /**
   * Revision 1 of a county's list for a year: the county's employers in a key or dust industry (the registry) and
   * those the latest risk index suggests for key monitoring, all included until the county decides otherwise.
   */
  async propose(actor: Actor, countyCode: string, year: number, options: { demo?: boolean } = {}) {
    this.assertCounty(actor, countyCode);
    const { db, regions } = this.core;
    const policy = await loadIndustryPolicy(db, regions, countyCode, this.today());
    const categoryOf = (division: string, group: string | null) => {
      for (const set of [policy.key, policy.dust]) {
        const c = set?.categories.find((k) => k.codes.some((code) => code === division || code === group));
        if (c) return c.name;
      }
      return null;
    };
    const ledgerId = await db.transaction(async (tx) => {
      if (await this.revisionRow(tx, countyCode, year)) {
        throw AppError.conflict(`${regions.name(countyCode)} ${year} 年清单已生成，请刷新后查看`);
      }
      const registry = await tx
        .select({ id: employer.id, division: employer.industryCode, group: employer.industryGroup })
        .from(employer)
        .where(
          and(eq(employer.countyCode, countyCode), or(eq(employer.keyIndustry, true), eq(employer.dustHazard, true))),
        );
      const [latest] = await tx
        .select({ year: sql<number | null>`max(${employerRisk.year})` })
        .from(employerRisk)
        .where(eq(employerRisk.countyCode, countyCode));
      const risky = latest?.year
        ? await tx
            .select({ id: employerRisk.employerId, reason: employerRisk.monitorReason, score: employerRisk.score })
            .from(employerRisk)
            .where(
              and(
                eq(employerRisk.year, latest.year),
                eq(employerRisk.countyCode, countyCode),
                eq(employerRisk.monitorSuggested, true),
              ),
            )
        : [];
      const [row] = await tx
        .insert(keyLedger)
        .values({
          countyCode,
          year,
          revision: 1,
          status: 'draft',
          createdBy: actor.userId,
          createdByName: actor.displayName,
          demo: options.demo ?? false,
        })
        .returning();
      const ledger = row as LedgerRow;
      const values: (typeof keyLedgerEntry.$inferInsert)[] = registry.map((e) => {
        const category = categoryOf(e.division, e.group);
        return {
          ledgerId: ledger.id,
          employerId: e.id,
          category,
          basis: 'registry' as const,
          proposedReason: `行业登记属于${category ?? '重点行业'}`,
          decision: 'included' as const,
        };
      });
      const inRegistry = new Set(registry.map((e) => e.id));
      for (const r of risky) {
        if (inRegistry.has(r.id)) continue;
        values.push({
          ledgerId: ledger.id,
          employerId: r.id,
          category: null,
          basis: 'risk_index',
          proposedReason: r.reason ?? `风险指数 ${r.score} 建议重点监测`,
          decision: 'included',
        });
      }
      for (let i = 0; i < values.length; i += 500) await tx.insert(keyLedgerEntry).values(values.slice(i, i + 500));
      await recordAudit(tx, actor, {
        action: 'ledger.propose',
        objectType: 'key_ledger',
        objectId: ledger.id,
        changes: {
          countyCode,
          year,
          revision: 1,
          registry: registry.length,
          riskIndex: values.length - registry.length,
        },
      });
      return ledger.id;
    });
    const [row] = await db.select().from(keyLedger).where(eq(keyLedger.id, ledgerId));
    return this.present(actor, row as LedgerRow);
  }

  /** The latest revision for a change: it must be at `version` and (unless `confirmed`) a draft. */
  private async forChange(tx: Tx, actor: Actor, countyCode: string, year: number, version: number, want: string) {
    this.assertCounty(actor, countyCode);
    const [row] = await tx
      .select()
      .from(keyLedger)
      .where(and(eq(keyLedger.countyCode, countyCode), eq(keyLedger.year, year)))
      .orderBy(desc(keyLedger.revision))
      .limit(1)
      .for('update');
    if (!row) throw AppError.notFound(NOT_FOUND);
    if (row.version !== version) throw AppError.conflict('清单已被他人修改，请刷新后重试');
    if (row.status !== want) {
      throw AppError.conflict(
        want === 'draft' ? '清单已确认，如需调整请先发起调整（生成新版本）' : '清单尚未确认，请直接修改草稿',
      );
    }
    return row;
  }

  private async touch(tx: Tx, row: LedgerRow, set: Partial<typeof keyLedger.$inferInsert> = {}) {
    await tx
      .update(keyLedger)
      .set({ ...set, version: row.version + 1, updatedAt: new Date() })
      .where(eq(keyLedger.id, row.id));
  }

  private async after(actor: Actor, countyCode: string, year: number) {
    return this.get(actor, countyCode, year);
  }

  /** Excludes (reason required) or re-includes a proposed enterprise. */
  async decide(actor: Actor, countyCode: string, year: number, input: LedgerDecisionInput) {
    const reason = input.reason?.trim() || null;
    if (input.decision === 'excluded' && (!reason || reason.length < 2)) {
      throw AppError.validation('reason', '剔除企业须填写剔除理由（至少 2 个字）');
    }
    await this.core.db.transaction(async (tx) => {
      const row = await this.forChange(tx, actor, countyCode, year, input.version, 'draft');
      const [entry] = await tx
        .select()
        .from(keyLedgerEntry)
        .where(and(eq(keyLedgerEntry.ledgerId, row.id), eq(keyLedgerEntry.employerId, input.employerId)));
      if (!entry) throw AppError.validation('employerId', '该企业不在本清单中');
      await tx
        .update(keyLedgerEntry)
        .set({ decision: input.decision, decisionReason: reason })
        .where(and(eq(keyLedgerEntry.ledgerId, row.id), eq(keyLedgerEntry.employerId, input.employerId)));
      await this.touch(tx, row);
      await recordAudit(tx, actor, {
        action: input.decision === 'excluded' ? 'ledger.exclude' : 'ledger.include',
        objectType: 'key_ledger',
        objectId: row.id,
        changes: {
          employerId: input.employerId,
          before: { decision: entry.decision, decisionReason: entry.decisionReason },
          after: { decision: input.decision, decisionReason: reason },
        },
      });
    });
    return this.after(actor, countyCode, year);
  }

  /** Adds an enterprise of the county that was not proposed (reason required). */
  async add(actor: Actor, countyCode: string, year: number, input: LedgerAddInput) {
    await this.core.db.transaction(async (tx) => {
      const row = await this.forChange(tx, actor, countyCode, year, input.version, 'draft');
      const [emp] = await tx
        .select({ id: employer.id, name: employer.name })
        .from(employer)
        .where(
          and(
            eq(employer.id, input.employerId),
            eq(employer.countyCode, countyCode),
            scopeFilter(actor, { region: employer.countyCode }),
          ),
        );
      if (!emp) throw AppError.validation('employerId', '用人单位不存在或不属于本县（市、区）');
      const [existing] = await tx
        .select({ id: keyLedgerEntry.employerId })
        .from(keyLedgerEntry)
        .where(and(eq(keyLedgerEntry.ledgerId, row.id), eq(keyLedgerEntry.employerId, emp.id)));
      if (existing) throw AppError.validation('employerId', `${emp.name} 已在清单中`);
      await tx.insert(keyLedgerEntry).values({
        ledgerId: row.id,
        employerId: emp.id,
        category: null,
        basis: 'county',
        proposedReason: input.reason,
        decision: 'included',
        decisionReason: input.reason,
      });
      await this.touch(tx, row);
      await recordAudit(tx, actor, {
        action: 'ledger.add',
        objectType: 'key_ledger',
        objectId: row.id,
        changes: { employerId: emp.id, reason: input.reason },
      });
    });
    return this.after(actor, countyCode, year);
  }

  /** Confirms the draft; a confirmed earlier revision becomes superseded. */
  async confirm(actor: Actor, countyCode: string, year: number, version: number) {
    await this.core.db.transaction(async (tx) => {
      const row = await this.forChange(tx, actor, countyCode, year, version, 'draft');
      await this.touch(tx, row, {
        status: 'confirmed',
        confirmedAt: this.clock(),
        confirmedBy: actor.userId,
        confirmedByName: actor.displayName,
      });
      const superseded = await tx
        .update(keyLedger)
        .set({ status: 'superseded', version: sql`${keyLedger.version} + 1`, updatedAt: new Date() })
        .where(
          and(
            eq(keyLedger.countyCode, countyCode),
            eq(keyLedger.year, year),
            eq(keyLedger.status, 'confirmed'),
            ne(keyLedger.id, row.id),
          ),
        )
        .returning({ revision: keyLedger.revision });
      await recordAudit(tx, actor, {
        action: 'ledger.confirm',
        objectType: 'key_ledger',
        objectId: row.id,
        changes: { countyCode, year, revision: row.revision, superseded: superseded.map((s) => s.revision) },
      });
    });
    return this.after(actor, countyCode, year);
  }

  /** Amends a confirmed list: a new draft revision with a copy of the entries and the reason. */
  async amend(actor: Actor, countyCode: string, year: number, version: number, amendReason: string) {
    await this.core.db.transaction(async (tx) => {
      const row = await this.forChange(tx, actor, countyCode, year, version, 'confirmed');
      await this.touch(tx, row);
      const [next] = await tx
        .insert(keyLedger)
        .values({
          countyCode,
          year,
          revision: row.revision + 1,
          status: 'draft',
          amendReason,
          createdBy: actor.userId,
          createdByName: actor.displayName,
          demo: row.demo,
        })
        .returning({ id: keyLedger.id });
      await tx.execute(sql`
        insert into key_ledger_entry (ledger_id, employer_id, category, basis, proposed_reason, decision, decision_reason)
        select ${next?.id}, employer_id, category, basis, proposed_reason, decision, decision_reason
        from key_ledger_entry where ledger_id = ${row.id}`);
      await recordAudit(tx, actor, {
        action: 'ledger.amend',
        objectType: 'key_ledger',
        objectId: next?.id,
        changes: { countyCode, year, fromRevision: row.revision, revision: row.revision + 1, amendReason },
      });
    });
    return this.after(actor, countyCode, year);
  }

  /** Employers of the county (in scope) to add, by name or USCC. */
  async employerOptions(actor: Actor, countyCode: string, q: string | undefined) {
    this.assertCounty(actor, countyCode);
    return this.core.db
      .select({ id: employer.id, name: employer.name, uscc: employer.uscc })
      .from(employer)
      .where(
        and(
          eq(employer.countyCode, countyCode),
          scopeFilter(actor, { region: employer.countyCode }),
          q ? or(ilike(employer.name, `%${q}%`), ilike(employer.uscc, `${q}%`)) : undefined,
        ),
      )
      .orderBy(asc(employer.name))
      .limit(20);
  }

  /** The rows of the export (the latest revision), audited as an export. */
  async exportRows(actor: Actor, countyCode: string, year: number) {
    const view = await this.get(actor, countyCode, year);
    await recordAuditEvent(this.core.db, actor, {
      action: 'ledger.export',
      objectType: 'key_ledger',
      objectId: view.id,
      changes: { countyCode, year, revision: view.revision, rows: view.entries.length },
    });
    return view;
  }
}
