import { CITY_CODE, type HazardOptions } from '@yufang/contracts';
import { and, asc, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import type { Core } from '../../core/context.js';
import { employer } from '../../core/db/schema.js';
import { likeFragment } from '../employer/employer.repo.js';
import { memberUnits } from './hazard.repo.js';

/**
 * Employers a caller may report a hazard at: a county or city officer within their regions; a member-unit
 * officer anywhere (the units are city departments); an employer only itself (self-report).
 */
export function reportableEmployers(actor: Actor): SQL {
  const { regions, units, employers } = actor.scope;
  if (regions.size) return inArray(employer.countyCode, [...regions]);
  if (employers.size) return inArray(employer.id, [...employers]);
  return units.size ? sql`true` : sql`false`;
}

/** The counties (in scope), member units and matching reportable employers for the forms and filters. */
export async function hazardOptions(
  core: Pick<Core, 'db' | 'regions'>,
  actor: Actor,
  q: string | undefined,
): Promise<HazardOptions> {
  const units = await memberUnits(core.db);
  const counties = core.regions
    .descendants(CITY_CODE)
    // current counties only: the replaced codes of the 2021 changes hold no new hazards
    .filter((code) => {
      const r = core.regions.get(code);
      return r?.level === 'county' && !r.replacedBy;
    })
    // a county officer's counties; a (city-wide) member unit all; an employer account none (it has one employer)
    .filter((code) => (actor.scope.regions.size ? actor.scope.regions.has(code) : actor.scope.units.size > 0))
    .map((code) => ({ code, name: core.regions.name(code) }));
  const conditions = [reportableEmployers(actor)];
  if (q) conditions.push(ilike(employer.name, likeFragment(q)));
  const employers = await core.db
    .select({ id: employer.id, name: employer.name, countyCode: employer.countyCode })
    .from(employer)
    .where(and(...conditions))
    .orderBy(asc(employer.name))
    .limit(30);
  return {
    counties,
    units,
    ownUnitCode: [...actor.scope.units][0] ?? null,
    employers: employers.map((e) => ({ id: e.id, name: e.name, countyName: core.regions.name(e.countyCode) })),
  };
}
