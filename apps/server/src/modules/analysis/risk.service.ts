import type { RiskListQuery, RiskPage, RiskRecomputeResult, RiskScoreView } from '@yufang/contracts';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import { type Actor, type AuditActor, can } from '../../core/auth/actor.js';
import type { Core } from '../../core/context.js';
import { AppError } from '../../core/http/errors.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';
import { presentRisk } from './risk.presenter.js';
import { computedAt, findRisk, listRisk, loadTallies, type RiskInsert, replaceYear } from './risk.repo.js';
import { monitorReason, scoreEmployers } from './risk-index.js';
import { loadRiskPolicy } from './risk-index.policy.js';

/** Recomputations by the platform itself (the nightly job, the first read of a year). */
export const SYSTEM_ACTOR: AuditActor = { userId: null, username: 'system', roles: [], ip: null, requestId: null };

/** The last complete calendar year in Beijing: the default year scored and reported. */
export function lastCompleteYear(now = new Date()): number {
  return Number(now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4)) - 1;
}

export class RiskService {
  constructor(private readonly core: Core) {}

  /** The ranking in the caller's scope, computing the year first if it never was. */
  async list(actor: Actor, query: RiskListQuery): Promise<RiskPage> {
    const { limit, cursor, year: asked, ...filter } = query;
    const year = asked ?? lastCompleteYear();
    const after = decodeCursor(cursor, 2) as [number, string] | null;
    const [at, policy] = await Promise.all([
      this.ensureComputed(year),
      loadRiskPolicy(this.core.db, this.core.regions, year),
    ]);
    const rows = await listRisk(this.core.db, actor, year, filter, after, limit + 1);
    const page = toPage(
      rows,
      limit,
      (r) => [r.score, r.employerId],
      (r) => presentRisk(actor, this.core.regions, r),
    );
    return {
      ...page,
      year,
      params: policy.params,
      paramsSource: policy.source,
      computedAt: at.toISOString(),
      can: { recompute: can(actor, 'analysis.report') },
    };
  }

  /** One employer's score and factors; 404 when the employer is outside the caller's scope. */
  async get(actor: Actor, employerId: string, year = lastCompleteYear()): Promise<RiskScoreView> {
    await this.ensureComputed(year);
    const row = await findRisk(this.core.db, actor, year, employerId);
    if (!row) throw AppError.notFound('用人单位不存在或不在您的管辖范围内');
    return presentRisk(actor, this.core.regions, row);
  }

  /** The highest scores of a year in the caller's scope (the annual report's table). */
  async top(actor: Actor, year: number, n: number): Promise<RiskScoreView[]> {
    await this.ensureComputed(year);
    const rows = await listRisk(this.core.db, actor, year, {}, null, n);
    return rows.map((r) => presentRisk(actor, this.core.regions, r));
  }

  /**
   * Scores every employer for the window ending with `year` and replaces that year's stored scores, with the audit
   * row, in one transaction. The whole population is scored whoever asks: industry rates and the prior come from
   * all employers, so a county's scores are the same as in the city's ranking.
   */
  async recompute(actor: AuditActor, year: number): Promise<RiskRecomputeResult> {
    const started = performance.now();
    const { db, regions } = this.core;
    const { params } = await loadRiskPolicy(db, regions, year);
    const population = await loadTallies(db, year, params.windowYears);
    const results = scoreEmployers(population, params);
    const now = new Date();
    const rows: RiskInsert[] = results.map((r, i) => {
      const e = population[i] as (typeof population)[number];
      return {
        year,
        employerId: r.employerId,
        countyCode: e.countyCode,
        industryCode: e.industryCode,
        keyIndustry: e.keyIndustry,
        score: r.score,
        workerYears: r.workerYears,
        cases: r.cases,
        deaths: r.deaths,
        serious: r.serious,
        factors: r.factors,
        monitorSuggested: r.monitorSuggested,
        monitorReason: monitorReason(r, params),
        computedAt: now,
      };
    });
    await db.transaction(async (tx) => {
      // two first reads of a year at once would both insert the year: the second waits and replaces
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('employer_risk'), ${year})`);
      await replaceYear(tx, year, rows);
      await recordAudit(tx, actor, {
        action: 'analysis.risk.recompute',
        objectType: 'employer_risk',
        objectId: String(year),
        changes: { year, employers: rows.length, suggested: rows.filter((r) => r.monitorSuggested).length },
      });
    });
    // a year replaced whole changes the table's statistics at once; stale ones make the planner sort the whole year
    // instead of walking the rank index (PGlite runs no autovacuum)
    await db.execute(sql`analyze employer_risk`);
    return { year, employers: rows.length, ms: Math.round(performance.now() - started) };
  }

  private async ensureComputed(year: number): Promise<Date> {
    const at = await computedAt(this.core.db, year);
    if (at) return at;
    await this.recompute(SYSTEM_ACTOR, year);
    return (await computedAt(this.core.db, year)) ?? new Date();
  }
}
