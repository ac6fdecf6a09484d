import { CITY_CODE, type HazardFilter, type RoleCode } from '@yufang/contracts';
import { and, asc, eq, getTableColumns, gt, inArray, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { scopeFilter } from '../../core/authz/scope.js';
import type { Db, Tx } from '../../core/db/index.js';
import { appUser, employer, orgUnit, userRole, userScope } from '../../core/db/schema.js';
import { hazard, hazardEvent, hazardEvidence } from './hazard.schema.js';

export type HazardRow = typeof hazard.$inferSelect & { employerName: string };
export type HazardEventRow = typeof hazardEvent.$inferSelect;
export type HazardEvidenceRow = typeof hazardEvidence.$inferSelect;

/**
 * Hazards in the caller's scope: a county officer's county, a unit officer's hazards found by or assigned to their
 * unit, an employer's own once it has been notified (a shared record waits for the department's notice first).
 */
export function hazardScopeFilter(actor: Actor): SQL {
  return or(
    scopeFilter(actor, { region: hazard.countyCode, unit: hazard.foundByUnit }),
    scopeFilter(actor, { unit: hazard.responsibleUnit }),
    and(scopeFilter(actor, { employer: hazard.employerId }), ne(hazard.status, 'reported')),
  ) as SQL;
}

const columns = { ...getTableColumns(hazard), employerName: employer.name };

function filterConditions(actor: Actor, f: HazardFilter, today: string): SQL[] {
  const conditions: SQL[] = [hazardScopeFilter(actor)];
  if (f.status === 'open') conditions.push(ne(hazard.status, 'closed'));
  else if (f.status) conditions.push(eq(hazard.status, f.status));
  if (f.level) conditions.push(eq(hazard.level, f.level));
  if (f.countyCode) conditions.push(eq(hazard.countyCode, f.countyCode));
  if (f.unitCode) {
    conditions.push(or(eq(hazard.foundByUnit, f.unitCode), eq(hazard.responsibleUnit, f.unitCode)) as SQL);
  }
  if (f.overdue === true) conditions.push(and(ne(hazard.status, 'closed'), lt(hazard.deadline, today)) as SQL);
  if (f.overdue === false) conditions.push(or(eq(hazard.status, 'closed'), sql`${hazard.deadline} >= ${today}`) as SQL);
  return conditions;
}

/** One keyset page of the work queue, nearest deadline first. */
export async function listHazards(
  db: Db,
  actor: Actor,
  f: HazardFilter,
  today: string,
  after: [string, string] | null,
  take: number,
): Promise<HazardRow[]> {
  const conditions = filterConditions(actor, f, today);
  if (after) {
    const [deadline, id] = after;
    conditions.push(or(gt(hazard.deadline, deadline), and(eq(hazard.deadline, deadline), gt(hazard.id, id))) as SQL);
  }
  return db
    .select(columns)
    .from(hazard)
    .innerJoin(employer, eq(employer.id, hazard.employerId))
    .where(and(...conditions))
    .orderBy(asc(hazard.deadline), asc(hazard.id))
    .limit(take);
}

export async function findHazard(db: Db | Tx, actor: Actor | null, id: string): Promise<HazardRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(hazard)
    .innerJoin(employer, eq(employer.id, hazard.employerId))
    .where(actor ? and(eq(hazard.id, id), hazardScopeFilter(actor)) : eq(hazard.id, id));
  return row;
}

export async function hazardTimeline(db: Db, id: string) {
  const [events, evidence] = await Promise.all([
    db.select().from(hazardEvent).where(eq(hazardEvent.hazardId, id)).orderBy(asc(hazardEvent.id)),
    db.select().from(hazardEvidence).where(eq(hazardEvidence.hazardId, id)).orderBy(asc(hazardEvidence.at)),
  ]);
  return { events, evidence };
}

/** Open hazards per county in the caller's scope. */
export async function countyCounts(db: Db, actor: Actor, today: string) {
  return db
    .select({
      countyCode: hazard.countyCode,
      open: sql<number>`count(*)::int`,
      major: sql<number>`(count(*) filter (where ${hazard.level} = 'major'))::int`,
      overdue: sql<number>`(count(*) filter (where ${hazard.deadline} < ${today}))::int`,
    })
    .from(hazard)
    .where(and(hazardScopeFilter(actor), ne(hazard.status, 'closed')))
    .groupBy(hazard.countyCode)
    .orderBy(asc(hazard.countyCode));
}

export async function memberUnits(db: Db) {
  return db
    .select({ code: orgUnit.code, name: orgUnit.shortName })
    .from(orgUnit)
    .where(eq(orgUnit.kind, 'member'))
    .orderBy(asc(orgUnit.code));
}

/** Active users holding a scope entry, optionally only those with a role. */
export async function usersWithScope(
  tx: Tx,
  kind: 'region' | 'unit' | 'employer',
  codes: readonly string[],
  role?: RoleCode,
): Promise<string[]> {
  if (codes.length === 0) return [];
  const conditions: SQL[] = [
    eq(userScope.kind, kind),
    inArray(userScope.code, [...codes]),
    eq(appUser.disabled, false),
  ];
  if (role)
    conditions.push(
      sql`exists (select 1 from ${userRole} where ${userRole.userId} = ${appUser.id} and ${userRole.roleCode} = ${role})`,
    );
  const rows = await tx
    .select({ id: appUser.id })
    .from(userScope)
    .innerJoin(appUser, eq(appUser.id, userScope.userId))
    .where(and(...conditions));
  return rows.map((r) => r.id);
}

/** Who hears of a hazard at each level of the ladder. */
export const audience = {
  employer: (tx: Tx, h: HazardRow) => usersWithScope(tx, 'employer', [h.employerId]),
  departments: async (tx: Tx, h: HazardRow) => [
    ...(await usersWithScope(tx, 'unit', [h.responsibleUnit, ...(h.foundByUnit ? [h.foundByUnit] : [])])),
    ...(h.reportedBy ? [h.reportedBy] : []),
  ],
  county: (tx: Tx, h: HazardRow) => usersWithScope(tx, 'region', [h.countyCode], 'county_officer'),
  city: (tx: Tx) => usersWithScope(tx, 'region', [CITY_CODE], 'city_admin'),
};

/** The next platform number of the day: YH + yyyymmdd + 4-digit sequence. */
export async function nextHazardNo(tx: Tx, today: string): Promise<string> {
  const prefix = `YH${today.replaceAll('-', '')}`;
  // two reports of the same day in parallel (PostgreSQL) would count the same: serialise them on the day's prefix
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${prefix}))`);
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(hazard)
    .where(sql`${hazard.hazardNo} like ${`${prefix}%`}`);
  return `${prefix}${String((row?.n ?? 0) + 1).padStart(4, '0')}`;
}
