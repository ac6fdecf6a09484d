import {
  type EmployerHistoryView,
  type EmployerSize,
  type EmployerView,
  type InsuranceStatus,
  industryDivision,
  type OwnershipType,
  RISK_CLASSES,
} from '@yufang/contracts';
import { type Actor, can } from '../../core/auth/actor.js';
import type { RegionIndex } from '../../core/authz/regions.js';
import type { EmployerHistoryRow, EmployerRow } from './employer.repo.js';

const RISK_NAMES = new Map(RISK_CLASSES.map((r) => [r.riskClass, r.name]));

export function riskClassName(riskClass: number | null): string | null {
  return riskClass === null ? null : (RISK_NAMES.get(riskClass) ?? `${riskClass}类`);
}

export function industryName(code: string): string {
  return industryDivision(code)?.name ?? code;
}

/** An employer as the API shows it: names for the codes, the masked phone only, and what the caller may do. */
export function presentEmployer(actor: Actor, regions: RegionIndex, row: EmployerRow): EmployerView {
  return {
    id: row.id,
    uscc: row.uscc,
    name: row.name,
    formerNames: row.formerNames,
    legalRepresentative: row.legalRepresentative,
    address: row.address,
    countyCode: row.countyCode,
    countyName: regions.name(row.countyCode),
    industryCode: row.industryCode,
    industryName: industryName(row.industryCode),
    industryGroup: row.industryGroup,
    riskClass: row.riskClass,
    riskClassName: riskClassName(row.riskClass),
    ownershipType: row.ownershipType as OwnershipType | null,
    size: row.size as EmployerSize | null,
    workforce: row.workforce,
    safetyContactName: row.safetyContactName,
    safetyContactPhoneMasked: row.safetyContactPhoneMasked,
    keyIndustry: row.keyIndustry,
    dustHazard: row.dustHazard,
    insuranceStatus: row.insuranceStatus as InsuranceStatus,
    demo: row.demo,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can: { update: can(actor, 'employer.update'), export: can(actor, 'employer.export') },
  };
}

export function presentHistory(row: EmployerHistoryRow): EmployerHistoryView {
  const changes = (row.changes ?? {}) as { before?: Record<string, unknown>; after?: Record<string, unknown> };
  return {
    id: row.id,
    at: row.at.toISOString(),
    username: row.username,
    source: row.source,
    changes: { before: changes.before ?? {}, after: changes.after ?? {} },
  };
}
