import { and, desc, eq, lte, type SQL } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { scopeFilter } from '../../core/authz/scope.js';
import type { Db, Tx } from '../../core/db/index.js';
import { employer } from '../../core/db/schema.js';
import { employerHeadcount } from '../employer/employer.schema.js';
import type { IndustrySet } from '../employer/industry-policy.js';
import { campaignCheck } from './campaign.schema.js';

export const OTHER_CATEGORY = '其他粉尘行业';

/** The dust category of an industry in a dust set: a 3-digit group match first, then the division. */
export function dustCategory(set: IndustrySet | null, division: string, group: string | null): string {
  const cats = set?.categories ?? [];
  const byGroup = group ? cats.find((c) => c.codes.includes(group)) : undefined;
  return (byGroup ?? cats.find((c) => c.codes.includes(division)))?.name ?? OTHER_CATEGORY;
}

/**
 * Aggregates follow the caller's region scope; a caller without one (a member-unit officer) sees city-wide
 * aggregates only (the employer list needs employer.read, which region-scoped roles hold).
 */
export function aggregateScope(actor: Actor): SQL | undefined {
  return actor.scope.regions.size ? scopeFilter(actor, { region: employer.countyCode }) : undefined;
}

export function employerScope(actor: Actor): SQL {
  return scopeFilter(actor, { region: employer.countyCode, employer: employer.id });
}

export interface DustEmployerRow {
  employerId: string;
  name: string;
  countyCode: string;
  industryCode: string;
  industryGroup: string | null;
  workforce: number;
  insured: number;
}

/** Each employer's insured headcount of the latest month on or before `month` (first day). */
export function headcountAsOf(db: Db | Tx, month: string) {
  return db
    .selectDistinctOn([employerHeadcount.employerId], {
      employerId: employerHeadcount.employerId,
      insured: employerHeadcount.insuredCount,
    })
    .from(employerHeadcount)
    .where(lte(employerHeadcount.month, month))
    .orderBy(employerHeadcount.employerId, desc(employerHeadcount.month))
    .as('hc');
}

/** Dust-hazard employers (with a workforce) and their insured headcount as of `month`. */
export async function dustEmployers(db: Db | Tx, month: string, where?: SQL): Promise<DustEmployerRow[]> {
  const hc = headcountAsOf(db, month);
  const rows = await db
    .select({
      employerId: employer.id,
      name: employer.name,
      countyCode: employer.countyCode,
      industryCode: employer.industryCode,
      industryGroup: employer.industryGroup,
      workforce: employer.workforce,
      insured: hc.insured,
    })
    .from(employer)
    .leftJoin(hc, eq(hc.employerId, employer.id))
    .where(and(eq(employer.dustHazard, true), where));
  return rows
    .filter((r) => (r.workforce ?? 0) > 0)
    .map((r) => ({ ...r, workforce: r.workforce ?? 0, insured: Math.min(r.insured ?? 0, r.workforce ?? 0) }));
}

/** The latest notice check of each employer. */
export async function latestChecks(db: Db | Tx) {
  const rows = await db
    .selectDistinctOn([campaignCheck.employerId], {
      employerId: campaignCheck.employerId,
      id: campaignCheck.id,
      checkedOn: campaignCheck.checkedOn,
      result: campaignCheck.result,
    })
    .from(campaignCheck)
    .orderBy(campaignCheck.employerId, desc(campaignCheck.checkedOn), desc(campaignCheck.createdAt));
  return new Map(rows.map((r) => [r.employerId, { id: r.id, checkedOn: r.checkedOn, result: r.result }]));
}
