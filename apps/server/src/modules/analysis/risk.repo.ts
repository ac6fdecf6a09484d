import { LOST_WORKDAYS, type RiskFilter } from '@yufang/contracts';
import { and, asc, eq, gt, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { scopeFilter } from '../../core/authz/scope.js';
import type { Db, Tx } from '../../core/db/index.js';
import { employer } from '../../core/db/schema.js';
import { employerHeadcount } from '../employer/employer.schema.js';
import { hazard } from '../hazard/hazard.schema.js';
import { injuryCase } from '../injury/injury.schema.js';
import { EMPTY_TALLY, type EmployerTally, NO_HAZARDS } from './risk-index.js';
import { employerRisk } from './risk-index.schema.js';

export type RiskRow = typeof employerRisk.$inferSelect & { employerName: string; uscc: string };
export type RiskInsert = typeof employerRisk.$inferInsert;

const INSERT_CHUNK = 1000;

/** An employer's tallies with what its stored score copies for the filters. */
export type ScoredEmployer = EmployerTally & { countyCode: string; keyIndustry: boolean };

/** Midnight of 1 January in Beijing time, as an instant. */
const newYearInBeijing = (year: number) => new Date(`${year}-01-01T00:00:00+08:00`);

/**
 * The tallies of every employer for the window ending with `year`: worker-years from the monthly headcounts and the
 * cases by year of occurrence in Beijing time. Not-recognised cases are left out (they were not work injuries);
 * pending ones count, since recognition takes months and the last year would otherwise look better than it is.
 * Commuting accidents are left out too: they say nothing about the workplace. Hazards count when they were found by
 * the end of the year and not closed by then, overdue when their deadline had passed on the year's last day (or
 * today, in the current year) — the same "deadline before today" as the hazard work queue.
 */
export async function loadTallies(db: Db, year: number, windowYears: number): Promise<ScoredEmployer[]> {
  const first = year - windowYears + 1;
  const yearEnd = `${year}-12-31`;
  const [employers, exposure, cases, hazards] = await Promise.all([
    db
      .select({
        id: employer.id,
        industryCode: employer.industryCode,
        countyCode: employer.countyCode,
        keyIndustry: employer.keyIndustry,
      })
      .from(employer),
    db
      .select({
        employerId: employerHeadcount.employerId,
        year: sql<number>`extract(year from ${employerHeadcount.month})::int`,
        workerYears: sql<number>`sum(${employerHeadcount.insuredCount})::float8 / 12`,
      })
      .from(employerHeadcount)
      .where(
        and(
          sql`${employerHeadcount.month} >= ${`${first}-01-01`}::date`,
          sql`${employerHeadcount.month} < ${`${year + 1}-01-01`}::date`,
        ),
      )
      .groupBy(employerHeadcount.employerId, sql`2`),
    db
      .select({
        employerId: injuryCase.employerId,
        year: sql<number>`extract(year from ${injuryCase.occurredAt} at time zone 'Asia/Shanghai')::int`,
        cases: sql<number>`count(*)::int`,
        deaths: sql<number>`(count(*) filter (where ${injuryCase.severity} = 'death'))::int`,
        serious: sql<number>`(count(*) filter (where ${injuryCase.severity} = 'serious'))::int`,
        minor: sql<number>`(count(*) filter (where ${injuryCase.severity} = 'minor'))::int`,
        // GB 6441 lost workdays of the non-fatal cases (a serious injury counts at least 105; deaths score by points)
        lostDaysNonFatal: sql<number>`coalesce(sum(case ${injuryCase.severity}
          when 'serious' then greatest(${LOST_WORKDAYS.seriousMin}, ${injuryCase.lostWorkdays})
          when 'minor' then greatest(0, ${injuryCase.lostWorkdays}) else 0 end), 0)::float8`,
      })
      .from(injuryCase)
      .where(
        and(
          sql`${injuryCase.occurredAt} >= ${newYearInBeijing(first).toISOString()}::timestamptz`,
          sql`${injuryCase.occurredAt} < ${newYearInBeijing(year + 1).toISOString()}::timestamptz`,
          sql`${injuryCase.recognitionResult} <> 'not_recognised'`,
          eq(injuryCase.commuting, false),
        ),
      )
      .groupBy(injuryCase.employerId, sql`2`),
    db
      .select({
        employerId: hazard.employerId,
        general: sql<number>`(count(*) filter (where ${hazard.level} = 'general'))::int`,
        major: sql<number>`(count(*) filter (where ${hazard.level} = 'major'))::int`,
        overdue: sql<number>`(count(*) filter (where ${hazard.deadline} <
          least(${yearEnd}::date, (now() at time zone 'Asia/Shanghai')::date)))::int`,
      })
      .from(hazard)
      .where(
        and(
          sql`${hazard.foundOn} <= ${yearEnd}::date`,
          sql`(${hazard.closedAt} is null or ${hazard.closedAt} >= ${newYearInBeijing(year + 1).toISOString()}::timestamptz)`,
        ),
      )
      .groupBy(hazard.employerId),
  ]);
  const tallies = new Map<string, ScoredEmployer>(
    employers.map((e) => [
      e.id,
      { ...e, employerId: e.id, last: { ...EMPTY_TALLY }, before: { ...EMPTY_TALLY }, hazards: NO_HAZARDS },
    ]),
  );
  for (const { employerId, ...h } of hazards) {
    const t = tallies.get(employerId);
    if (t) t.hazards = h;
  }
  const periodOf = (y: number): 'last' | 'before' => (y === year ? 'last' : 'before');
  for (const x of exposure) {
    const t = tallies.get(x.employerId);
    if (!t) continue;
    const p = periodOf(x.year);
    t[p] = { ...t[p], workerYears: t[p].workerYears + x.workerYears };
  }
  for (const { employerId, year: y, ...c } of cases) {
    const t = tallies.get(employerId);
    if (!t) continue;
    const p = periodOf(y);
    t[p] = {
      workerYears: t[p].workerYears,
      cases: t[p].cases + c.cases,
      deaths: t[p].deaths + c.deaths,
      serious: t[p].serious + c.serious,
      minor: t[p].minor + c.minor,
      lostDaysNonFatal: t[p].lostDaysNonFatal + c.lostDaysNonFatal,
    };
  }
  return [...tallies.values()];
}

/** Replaces the stored scores of a year (inside the caller's transaction). */
export async function replaceYear(tx: Tx, year: number, rows: readonly RiskInsert[]): Promise<void> {
  await tx.delete(employerRisk).where(eq(employerRisk.year, year));
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await tx.insert(employerRisk).values(rows.slice(i, i + INSERT_CHUNK));
  }
}

/** When the scores of a year were computed, or null if they never were (a year is written whole, at one time). */
export async function computedAt(db: Db, year: number): Promise<Date | null> {
  const [row] = await db
    .select({ at: employerRisk.computedAt })
    .from(employerRisk)
    .where(eq(employerRisk.year, year))
    .limit(1);
  return row?.at ?? null;
}

function conditions(actor: Actor, year: number, f: RiskFilter): SQL[] {
  const c: SQL[] = [
    eq(employerRisk.year, year),
    scopeFilter(actor, { region: employerRisk.countyCode, employer: employerRisk.employerId }),
  ];
  if (f.countyCode) c.push(eq(employerRisk.countyCode, f.countyCode));
  if (f.industryCode) c.push(eq(employerRisk.industryCode, f.industryCode));
  if (f.keyIndustry !== undefined) c.push(eq(employerRisk.keyIndustry, f.keyIndustry));
  if (f.monitorSuggested !== undefined) c.push(eq(employerRisk.monitorSuggested, f.monitorSuggested));
  return c;
}

/**
 * One keyset page of the ranking in the caller's scope: highest score first, then by employer id. The page is cut
 * from employer_risk alone, where the rank index serves order and limit, before the names are read: joined first,
 * the planner hashed every employer of the year and sorted them (0.24 s at 100,000 employers against 0.3 ms).
 */
export async function listRisk(
  db: Db,
  actor: Actor,
  year: number,
  f: RiskFilter,
  after: [number, string] | null,
  take: number,
): Promise<RiskRow[]> {
  const c = conditions(actor, year, f);
  if (after) {
    const [score, id] = after;
    c.push(
      or(lt(employerRisk.score, score), and(eq(employerRisk.score, score), gt(employerRisk.employerId, id))) as SQL,
    );
  }
  const rows = await db
    .select()
    .from(employerRisk)
    .where(and(...c))
    // NULLS LAST as in the index (drizzle's .desc()): with the default NULLS FIRST the index cannot give the order
    .orderBy(sql`${employerRisk.score} desc nulls last`, asc(employerRisk.employerId))
    .limit(take);
  if (rows.length === 0) return [];
  const names = await db
    .select({ id: employer.id, name: employer.name, uscc: employer.uscc })
    .from(employer)
    .where(
      inArray(
        employer.id,
        rows.map((r) => r.employerId),
      ),
    );
  const byId = new Map(names.map((n) => [n.id, n]));
  return rows.map((r) => ({
    ...r,
    employerName: byId.get(r.employerId)?.name ?? '',
    uscc: byId.get(r.employerId)?.uscc ?? '',
  }));
}

/** The stored score of one employer in the caller's scope. */
export async function findRisk(db: Db, actor: Actor, year: number, employerId: string): Promise<RiskRow | undefined> {
  const [row] = await db
    .select({ risk: employerRisk, employerName: employer.name, uscc: employer.uscc })
    .from(employerRisk)
    .innerJoin(employer, eq(employer.id, employerRisk.employerId))
    .where(and(...conditions(actor, year, {}), eq(employerRisk.employerId, employerId)));
  return row ? { ...row.risk, employerName: row.employerName, uscc: row.uscc } : undefined;
}
