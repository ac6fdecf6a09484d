import type { ScopeEntry, ScopeEntryView } from '@yufang/contracts';
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { employer, orgUnit, provider } from '../db/schema.js';
import type { RegionIndex } from './regions.js';

/** Puts names on scope entries (region, unit, employer and organisation names) for display. */
export async function nameScopeEntries(db: Db, regions: RegionIndex, entries: ScopeEntry[]): Promise<ScopeEntryView[]> {
  const unitCodes = entries.filter((e) => e.kind === 'unit').map((e) => e.code);
  const employerIds = entries.filter((e) => e.kind === 'employer').map((e) => e.code);
  const providerIds = entries.filter((e) => e.kind === 'provider').map((e) => e.code);
  const [units, employers, providers] = await Promise.all([
    unitCodes.length
      ? db.select({ code: orgUnit.code, name: orgUnit.name }).from(orgUnit).where(inArray(orgUnit.code, unitCodes))
      : [],
    employerIds.length
      ? db.select({ code: employer.id, name: employer.name }).from(employer).where(inArray(employer.id, employerIds))
      : [],
    providerIds.length
      ? db.select({ code: provider.id, name: provider.name }).from(provider).where(inArray(provider.id, providerIds))
      : [],
  ]);
  const names = new Map<string, string>([...units, ...employers, ...providers].map((r) => [r.code, r.name]));
  return entries.map((e) => ({
    ...e,
    name: e.kind === 'region' ? regions.name(e.code) : (names.get(e.code) ?? e.code),
  }));
}
