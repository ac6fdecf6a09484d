import { and, eq, gt, isNotNull } from 'drizzle-orm';
import { RegionIndex } from '../../core/authz/regions.js';
import type { Db } from '../../core/db/index.js';
import { employer } from '../../core/db/schema.js';
import { latestHeadcount } from '../employer/coverage.js';
import { campaignPolicy } from './campaign.policy.js';

export interface DustCoverageRow {
  employerId: string;
  countyCode: string;
  workforce: number;
  insured: number;
  targetPct: number;
}

/** Coverage in percent, one decimal (a workforce of 0 counts as fully covered). */
export function coveragePct(insured: number, workforce: number): number {
  if (workforce <= 0) return 100;
  return Math.round((Math.min(insured, workforce) / workforce) * 1000) / 10;
}

/** Whether insured/workforce falls short of the target percent (exact arithmetic, no rounding). */
export function belowTarget(insured: number, workforce: number, targetPct: number): boolean {
  return workforce > 0 && insured * 100 < targetPct * workforce;
}

/**
 * The dust-hazard employers whose insured headcount (latest monthly headcount) is below the campaign target of
 * their county on `today` (the target stays in force after the campaign years: coverage is to be kept). City-wide,
 * unscoped: callers filter by their actor's scope.
 */
export async function dustBelowTarget(db: Db, today: string): Promise<DustCoverageRow[]> {
  const regions = await RegionIndex.load(db);
  const latest = latestHeadcount(db);
  const rows = await db
    .select({
      employerId: employer.id,
      countyCode: employer.countyCode,
      workforce: employer.workforce,
      insured: latest.insured,
    })
    .from(employer)
    .leftJoin(latest, eq(latest.employerId, employer.id))
    .where(and(eq(employer.dustHazard, true), isNotNull(employer.workforce), gt(employer.workforce, 0)));
  const targets = new Map<string, number>();
  const out: DustCoverageRow[] = [];
  for (const r of rows) {
    let target = targets.get(r.countyCode);
    if (target === undefined) {
      target = (await campaignPolicy(db, regions, r.countyCode, today)).targetPct;
      targets.set(r.countyCode, target);
    }
    const workforce = r.workforce ?? 0;
    const insured = r.insured ?? 0;
    if (belowTarget(insured, workforce, target)) {
      out.push({ employerId: r.employerId, countyCode: r.countyCode, workforce, insured, targetPct: target });
    }
  }
  return out.sort(
    (a, b) => b.workforce - b.insured - (a.workforce - a.insured) || a.employerId.localeCompare(b.employerId),
  );
}

export interface CoverageInput {
  workforce: number;
  insured: number;
  targetPct: number;
}

/** Sums of a group of employers: workforce, insured (capped at each workforce), coverage and employers below target. */
export function aggregateCoverage(rows: readonly CoverageInput[]) {
  let workforce = 0;
  let insured = 0;
  let below = 0;
  for (const r of rows) {
    workforce += r.workforce;
    insured += Math.min(r.insured, r.workforce);
    if (belowTarget(r.insured, r.workforce, r.targetPct)) below += 1;
  }
  return {
    workforce,
    insured,
    coveragePct: coveragePct(insured, workforce),
    employers: rows.length,
    belowTarget: below,
  };
}

/** Groups rows by a key and aggregates each group, in key order. */
export function coverageBy<R extends CoverageInput>(rows: readonly R[], key: (r: R) => string) {
  const groups = new Map<string, R[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, group]) => ({ key: k, ...aggregateCoverage(group) }));
}
