import type { RiskFactorView, RiskScoreView } from '@yufang/contracts';
import { type Actor, can } from '../../core/auth/actor.js';
import type { RegionIndex } from '../../core/authz/regions.js';
import { industryName } from '../employer/employer.presenter.js';
import type { RiskRow } from './risk.repo.js';

/** A stored score as the API shows it: names for the codes and whether the caller may open the employer. */
export function presentRisk(actor: Actor, regions: RegionIndex, row: RiskRow): RiskScoreView {
  return {
    employerId: row.employerId,
    employerName: row.employerName,
    uscc: row.uscc,
    countyCode: row.countyCode,
    countyName: regions.name(row.countyCode),
    industryCode: row.industryCode,
    industryName: industryName(row.industryCode),
    keyIndustry: row.keyIndustry,
    year: row.year,
    score: row.score,
    workerYears: row.workerYears,
    cases: row.cases,
    deaths: row.deaths,
    serious: row.serious,
    factors: row.factors as RiskFactorView[],
    monitorSuggested: row.monitorSuggested,
    monitorReason: row.monitorReason,
    computedAt: row.computedAt.toISOString(),
    can: { viewEmployer: can(actor, 'employer.read') },
  };
}
