import type { ScopeEntry } from '@yufang/contracts';
import { type AnyColumn, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Actor, ScopeSet } from '../auth/actor.js';
import type { RegionIndex } from './regions.js';

/** Expands a user's scope entries: a region covers everything below it. */
export function buildScopeSet(entries: ScopeEntry[], regions: RegionIndex): ScopeSet {
  const regionCodes = new Set<string>();
  const units = new Set<string>();
  const employers = new Set<string>();
  const providers = new Set<string>();
  for (const e of entries) {
    if (e.kind === 'region') for (const c of regions.descendants(e.code)) regionCodes.add(c);
    else if (e.kind === 'unit') units.add(e.code);
    else if (e.kind === 'employer') employers.add(e.code);
    else providers.add(e.code);
  }
  return { entries, regions: regionCodes, units, employers, providers };
}

export interface ScopeColumns {
  region?: AnyColumn;
  unit?: AnyColumn;
  employer?: AnyColumn;
  provider?: AnyColumn;
}

/**
 * The one data-scope filter: a record is visible when one of its scope columns falls in the caller's scope.
 * Services add it to every query for scoped records, so an out-of-scope record is simply not found.
 */
export function scopeFilter(actor: Actor, columns: ScopeColumns): SQL {
  const parts: SQL[] = [];
  const { regions, units, employers, providers } = actor.scope;
  if (columns.region && regions.size) parts.push(inArray(columns.region, [...regions]));
  if (columns.unit && units.size) parts.push(inArray(columns.unit, [...units]));
  if (columns.employer && employers.size) parts.push(inArray(columns.employer, [...employers]));
  if (columns.provider && providers.size) parts.push(inArray(columns.provider, [...providers]));
  return parts.length ? (or(...parts) as SQL) : sql`false`;
}
