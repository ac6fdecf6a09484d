import type { MonitoringReason } from '@yufang/contracts';
import { and, eq, gt, inArray, isNotNull, lte, ne, sql } from 'drizzle-orm';
import type { RegionIndex } from '../../core/authz/regions.js';
import type { Db, Tx } from '../../core/db/index.js';
import { employer } from '../../core/db/schema.js';
import { employerRisk } from '../analysis/risk-index.schema.js';
import { dustBelowTarget } from '../campaign/campaign.coverage.js';
import { latestHeadcount } from '../employer/coverage.js';
import { addDays, daysBetween } from '../hazard/hazard.rules.js';
import { hazard } from '../hazard/hazard.schema.js';
import { injuryCase } from '../injury/injury.schema.js';
import { type CriteriaPolicy, criteriaPolicy } from './monitoring.policy.js';

/** An employer that meets one criterion on the day, with the figures in words. */
export interface CriterionMatch {
  employerId: string;
  countyCode: string;
  reason: Exclude<MonitoringReason, 'manual'>;
  detail: string;
}

/** The current workforce and insured figures of an employer, for the words of an automatic exit. */
export interface CoverageFacts {
  workforce: number | null;
  insured: number | null;
  insuranceStatus: string;
}

/** The date `months` calendar months before an ISO date (clamped to the month's end). */
export function monthsBefore(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whether insured falls more than `marginPct` percent short of workforce (exact arithmetic). */
export function underInsured(workforce: number, insured: number, marginPct: number): boolean {
  return workforce > 0 && insured * 100 < workforce * (100 - marginPct);
}

export function pct(insured: number, workforce: number): string {
  return workforce > 0 ? `${Math.round((insured / workforce) * 1000) / 10}%` : '—';
}

/** The words of an automatic exit: why the condition no longer holds, with today's figures where there are any. */
export function exitReasonFor(reason: MonitoringReason, facts: CoverageFacts | undefined, p: CriteriaPolicy): string {
  const w = facts?.workforce ?? 0;
  const i = facts?.insured ?? 0;
  const figures = facts ? `（职工 ${w} 人、参保 ${i} 人）` : '';
  switch (reason) {
    case 'uninsured':
      return facts && facts.insuranceStatus !== 'uninsured'
        ? `条件已消除：已办理参保${figures}`
        : `条件已消除：无在岗职工${figures}`;
    case 'under_insured':
      return w > 0 && i >= w
        ? `条件已消除：已全员参保${figures}`
        : `条件已消除：参保人数差额已在 ${p.underInsuredMarginPct}% 以内${figures}`;
    case 'risk_index':
      return '条件已消除：最新一年风险指数不再提示重点监控';
    case 'repeated_serious':
      return `条件已消除：近 ${p.seriousMonths} 个月重伤、死亡已少于 ${p.seriousMinCount} 起`;
    case 'overdue_major_hazard':
      return `条件已消除：无逾期 ${p.overdueDays} 日以上未销号的重大隐患`;
    case 'dust_coverage':
      return `条件已消除：尘肺病防治参保已达目标${figures}`;
    default:
      return '条件已消除';
  }
}

/** Everything that meets a criterion on `today`, city-wide (the sweep writes it; callers never show it unscoped). */
export async function evaluateCriteria(
  db: Db,
  regions: RegionIndex,
  today: string,
): Promise<{ matches: CriterionMatch[]; policy: CriteriaPolicy }> {
  const p = await criteriaPolicy(db, regions, today);
  const matches: CriterionMatch[] = [];
  const latest = latestHeadcount(db);

  // uninsured and under-insured: the registry against the latest monthly insured headcount
  const coverage = await db
    .select({
      employerId: employer.id,
      countyCode: employer.countyCode,
      workforce: employer.workforce,
      status: employer.insuranceStatus,
      insured: latest.insured,
      month: latest.month,
    })
    .from(employer)
    .leftJoin(latest, eq(latest.employerId, employer.id))
    .where(and(isNotNull(employer.workforce), gt(employer.workforce, 0)));
  for (const r of coverage) {
    const w = r.workforce ?? 0;
    if (r.status === 'uninsured') {
      matches.push({
        employerId: r.employerId,
        countyCode: r.countyCode,
        reason: 'uninsured',
        detail: `未参加工伤保险，职工 ${w} 人`,
      });
    } else if (r.insured !== null && underInsured(w, r.insured, p.underInsuredMarginPct)) {
      matches.push({
        employerId: r.employerId,
        countyCode: r.countyCode,
        reason: 'under_insured',
        detail: `职工 ${w} 人、参保 ${r.insured} 人（${r.month} 月），参保率 ${pct(r.insured, w)}，差额超过 ${p.underInsuredMarginPct}%`,
      });
    }
  }

  // the risk index of the latest scored year
  const [year] = await db.select({ y: sql<number | null>`max(${employerRisk.year})` }).from(employerRisk);
  if (year?.y) {
    const risky = await db
      .select({
        employerId: employerRisk.employerId,
        countyCode: employer.countyCode,
        score: employerRisk.score,
        why: employerRisk.monitorReason,
      })
      .from(employerRisk)
      .innerJoin(employer, eq(employer.id, employerRisk.employerId))
      .where(and(eq(employerRisk.year, year.y), eq(employerRisk.monitorSuggested, true)));
    for (const r of risky) {
      matches.push({
        employerId: r.employerId,
        countyCode: r.countyCode,
        reason: 'risk_index',
        detail: `${year.y} 年风险指数 ${r.score.toFixed(1)}${r.why ? `：${r.why}` : ''}`,
      });
    }
  }

  // repeated serious injuries and deaths in the last M months (not counting cases found not to be work injuries)
  const since = monthsBefore(today, p.seriousMonths);
  const injuries = await db
    .select({
      employerId: injuryCase.employerId,
      countyCode: employer.countyCode,
      serious: sql<number>`count(*) filter (where ${injuryCase.severity} = 'serious')::int`,
      deaths: sql<number>`count(*) filter (where ${injuryCase.severity} = 'death')::int`,
    })
    .from(injuryCase)
    .innerJoin(employer, eq(employer.id, injuryCase.employerId))
    .where(
      and(
        inArray(injuryCase.severity, ['serious', 'death']),
        ne(injuryCase.recognitionResult, 'not_recognised'),
        sql`${injuryCase.occurredAt} >= ${`${since}T00:00:00+08:00`}::timestamptz`,
        sql`${injuryCase.occurredAt} < ${`${addDays(today, 1)}T00:00:00+08:00`}::timestamptz`,
      ),
    )
    .groupBy(injuryCase.employerId, employer.countyCode)
    .having(sql`count(*) >= ${p.seriousMinCount}`);
  for (const r of injuries) {
    matches.push({
      employerId: r.employerId,
      countyCode: r.countyCode,
      reason: 'repeated_serious',
      detail: `近 ${p.seriousMonths} 个月（${since} 起）重伤 ${r.serious} 起、死亡 ${r.deaths} 起`,
    });
  }

  // major hazards not closed D days after their deadline
  const overdue = await db
    .select({
      employerId: hazard.employerId,
      countyCode: hazard.countyCode,
      hazardNo: hazard.hazardNo,
      deadline: hazard.deadline,
    })
    .from(hazard)
    .where(
      and(eq(hazard.level, 'major'), ne(hazard.status, 'closed'), lte(hazard.deadline, addDays(today, -p.overdueDays))),
    )
    .orderBy(hazard.employerId, hazard.deadline);
  const byEmployer = new Map<string, typeof overdue>();
  for (const h of overdue) byEmployer.set(h.employerId, [...(byEmployer.get(h.employerId) ?? []), h]);
  for (const [employerId, list] of byEmployer) {
    const first = list[0] as (typeof overdue)[number];
    matches.push({
      employerId,
      countyCode: first.countyCode,
      reason: 'overdue_major_hazard',
      detail: `重大隐患 ${list.length} 项逾期未整改（最早：${first.hazardNo}，整改期限 ${first.deadline}，已逾期 ${daysBetween(first.deadline, today)} 天）`,
    });
  }

  // dust-hazard employers below the pneumoconiosis campaign target
  for (const r of await dustBelowTarget(db, today)) {
    matches.push({
      employerId: r.employerId,
      countyCode: r.countyCode,
      reason: 'dust_coverage',
      detail: `粉尘危害单位职工 ${r.workforce} 人、参保 ${r.insured} 人，参保率 ${pct(r.insured, r.workforce)}，低于目标 ${r.targetPct}%`,
    });
  }
  return { matches, policy: p };
}

/** Today's workforce and insured figures of some employers (for the words of exits). */
export async function coverageFacts(tx: Tx | Db, employerIds: string[]): Promise<Map<string, CoverageFacts>> {
  if (employerIds.length === 0) return new Map();
  const latest = latestHeadcount(tx as Db);
  const rows = await tx
    .select({
      id: employer.id,
      workforce: employer.workforce,
      insured: latest.insured,
      status: employer.insuranceStatus,
    })
    .from(employer)
    .leftJoin(latest, eq(latest.employerId, employer.id))
    .where(inArray(employer.id, employerIds));
  return new Map(rows.map((r) => [r.id, { workforce: r.workforce, insured: r.insured, insuranceStatus: r.status }]));
}
