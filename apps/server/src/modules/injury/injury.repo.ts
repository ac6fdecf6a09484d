import {
  type AccidentFilter,
  type DiseaseFilter,
  type InjuryFilter,
  REGIONS,
  type RecognitionFilterCode,
  recognitionResultsOf,
} from '@yufang/contracts';
import { type AnyColumn, and, asc, desc, eq, gte, ilike, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { scopeFilter } from '../../core/authz/scope.js';
import type { Db } from '../../core/db/index.js';
import { employer } from '../../core/db/schema.js';
import { likeFragment } from '../employer/employer.repo.js';
import { insuredPerson } from '../employer/employer.schema.js';
import { diseaseCase, injuryCase, injuryCost, safetyAccident } from './injury.schema.js';

export type InjuryCaseRow = typeof injuryCase.$inferSelect & {
  employerName: string;
  accidentNo: string | null;
  totalCostFen: number;
};
export type DiseaseCaseRow = typeof diseaseCase.$inferSelect & { employerName: string };
export type AccidentRow = typeof safetyAccident.$inferSelect & { employerName: string | null };
export type CostRow = typeof injuryCost.$inferSelect;

/** Keyset position: the sort value (ISO instant or date) and the id of the last row. */
export type After = [string, string] | null;

const BEIJING = '+08:00';
// records keep retired division codes (梅列区 → 三元区, 沙县 → 沙县区): a county's list includes them, as its aggregates do
const RETIRED = REGIONS.filter((r) => r.replacedBy);
const countyCodes = (county: string) => [county, ...RETIRED.filter((r) => r.replacedBy === county).map((r) => r.code)];
/** A recognition filter: one result, or the group of results the dashboards count (认定或视同, 除不予认定外). */
const recognitionIn = (column: AnyColumn, filter: RecognitionFilterCode) =>
  inArray(column, [...recognitionResultsOf(filter)]);
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

interface FilterColumns {
  county: AnyColumn;
  employerId: AnyColumn;
  /** The event column; instants are compared at Beijing midnight, dates as they are. */
  at: AnyColumn;
  instant: boolean;
  industry?: { code: AnyColumn; group: AnyColumn; key: AnyColumn };
  text: AnyColumn[];
}

type CommonFilter = Pick<
  InjuryFilter,
  'year' | 'from' | 'to' | 'county' | 'industry' | 'keyIndustry' | 'employerId' | 'q'
>;

/** The filters every record list shares (year or date range, county, industry, key industry, employer, text). */
function commonConditions(f: CommonFilter, c: FilterColumns): SQL[] {
  const bound = (date: string) => (c.instant ? new Date(`${date}T00:00:00${BEIJING}`) : date);
  const out: SQL[] = [];
  if (f.year !== undefined) {
    out.push(gte(c.at, bound(`${f.year}-01-01`)), lt(c.at, bound(`${f.year + 1}-01-01`)));
  }
  if (f.from) out.push(gte(c.at, bound(f.from)));
  if (f.to) out.push(c.instant ? lt(c.at, bound(nextDay(f.to))) : lte(c.at, f.to));
  if (f.county) out.push(inArray(c.county, countyCodes(f.county)));
  if (f.employerId) out.push(eq(c.employerId, f.employerId));
  if (f.industry || f.keyIndustry !== undefined) {
    // an accident has no classification of its own: it takes its employer's
    const cols = c.industry ?? {
      code: employer.industryCode,
      group: employer.industryGroup,
      key: employer.keyIndustry,
    };
    const parts: SQL[] = [];
    // several codes (a key-industry category) match any of them; a 3-digit code matches its group only
    if (f.industry) {
      const codes = f.industry.split(',');
      const divisions = codes.filter((x) => x.length === 2);
      const groups = codes.filter((x) => x.length === 3);
      const any: SQL[] = [];
      if (divisions.length) any.push(inArray(cols.code, divisions));
      if (groups.length) any.push(inArray(cols.group, groups));
      parts.push(or(...any) as SQL);
    }
    if (f.keyIndustry !== undefined) parts.push(eq(cols.key, f.keyIndustry));
    out.push(
      c.industry
        ? (and(...parts) as SQL)
        : inArray(c.employerId, sql`(select ${employer.id} from ${employer} where ${and(...parts)})`),
    );
  }
  if (f.q) {
    const like = likeFragment(f.q);
    out.push(or(...c.text.map((col) => ilike(col, like))) as SQL);
  }
  return out;
}

function keyset(at: AnyColumn, id: AnyColumn, after: After, instant: boolean): SQL[] {
  if (!after) return [];
  const value = instant ? new Date(after[0]) : after[0];
  return [or(lt(at, value), and(eq(at, value), lt(id, after[1]))) as SQL];
}

export const injuryScope = (actor: Actor) =>
  scopeFilter(actor, { region: injuryCase.countyCode, employer: injuryCase.employerId });
export const diseaseScope = (actor: Actor) =>
  scopeFilter(actor, { region: diseaseCase.countyCode, employer: diseaseCase.employerId });
export const accidentScope = (actor: Actor) =>
  scopeFilter(actor, { region: safetyAccident.countyCode, employer: safetyAccident.employerId });

const injuryColumns = {
  county: injuryCase.countyCode,
  employerId: injuryCase.employerId,
  at: injuryCase.occurredAt,
  instant: true,
  industry: { code: injuryCase.industryCode, group: injuryCase.industryGroup, key: injuryCase.keyIndustry },
  text: [injuryCase.caseNo, injuryCase.workerName],
};

function injuryConditions(actor: Actor, f: InjuryFilter): SQL[] {
  const out = [injuryScope(actor), ...commonConditions(f, injuryColumns)];
  if (f.category) out.push(eq(injuryCase.accidentCategory, f.category));
  if (f.severity) out.push(eq(injuryCase.severity, f.severity));
  if (f.recognition) out.push(recognitionIn(injuryCase.recognitionResult, f.recognition));
  if (f.commuting !== undefined) out.push(eq(injuryCase.commuting, f.commuting));
  if (f.accidentId) out.push(eq(injuryCase.accidentId, f.accidentId));
  return out;
}

function selectInjuries(db: Db) {
  return db
    .select({
      row: injuryCase,
      employerName: employer.name,
      accidentNo: safetyAccident.accidentNo,
      totalCostFen: sql<number>`coalesce((select sum(${injuryCost.amountFen}) from ${injuryCost}
        where ${injuryCost.caseId} = ${injuryCase.id}), 0)::bigint`.mapWith(Number),
    })
    .from(injuryCase)
    .innerJoin(employer, eq(employer.id, injuryCase.employerId))
    .leftJoin(safetyAccident, eq(safetyAccident.id, injuryCase.accidentId));
}

const flatInjury = (r: {
  row: typeof injuryCase.$inferSelect;
  employerName: string;
  accidentNo: string | null;
  totalCostFen: number;
}): InjuryCaseRow => ({
  ...r.row,
  employerName: r.employerName,
  accidentNo: r.accidentNo,
  totalCostFen: r.totalCostFen,
});

/** One keyset page of injury cases, newest event first. */
export async function listInjuries(db: Db, actor: Actor, f: InjuryFilter, after: After, take: number) {
  const rows = await selectInjuries(db)
    .where(and(...injuryConditions(actor, f), ...keyset(injuryCase.occurredAt, injuryCase.id, after, true)))
    .orderBy(desc(injuryCase.occurredAt), desc(injuryCase.id))
    .limit(take);
  return rows.map(flatInjury);
}

export async function findInjury(db: Db, actor: Actor, id: string): Promise<InjuryCaseRow | undefined> {
  const [row] = await selectInjuries(db).where(and(eq(injuryCase.id, id), injuryScope(actor)));
  return row ? flatInjury(row) : undefined;
}

export function listCosts(db: Db, caseId: string): Promise<CostRow[]> {
  return db
    .select()
    .from(injuryCost)
    .where(eq(injuryCost.caseId, caseId))
    .orderBy(asc(injuryCost.paidOn), asc(injuryCost.id));
}

function diseaseConditions(actor: Actor, f: DiseaseFilter): SQL[] {
  const out = [
    diseaseScope(actor),
    ...commonConditions(f, {
      county: diseaseCase.countyCode,
      employerId: diseaseCase.employerId,
      at: diseaseCase.diagnosedOn,
      instant: false,
      industry: { code: diseaseCase.industryCode, group: diseaseCase.industryGroup, key: diseaseCase.keyIndustry },
      text: [diseaseCase.caseNo, diseaseCase.workerName, diseaseCase.diseaseName],
    }),
  ];
  if (f.edition) out.push(eq(diseaseCase.catalogueEdition, f.edition));
  if (f.categoryNo !== undefined) out.push(eq(diseaseCase.categoryNo, f.categoryNo));
  if (f.pneumoconiosis !== undefined) out.push(eq(diseaseCase.pneumoconiosis, f.pneumoconiosis));
  if (f.recognition) out.push(recognitionIn(diseaseCase.recognitionResult, f.recognition));
  return out;
}

const selectDiseases = (db: Db) =>
  db
    .select({ row: diseaseCase, employerName: employer.name })
    .from(diseaseCase)
    .innerJoin(employer, eq(employer.id, diseaseCase.employerId));

/** One keyset page of disease cases, newest diagnosis first. */
export async function listDiseases(db: Db, actor: Actor, f: DiseaseFilter, after: After, take: number) {
  const rows = await selectDiseases(db)
    .where(and(...diseaseConditions(actor, f), ...keyset(diseaseCase.diagnosedOn, diseaseCase.id, after, false)))
    .orderBy(desc(diseaseCase.diagnosedOn), desc(diseaseCase.id))
    .limit(take);
  return rows.map((r): DiseaseCaseRow => ({ ...r.row, employerName: r.employerName }));
}

export async function findDisease(db: Db, actor: Actor, id: string): Promise<DiseaseCaseRow | undefined> {
  const [r] = await selectDiseases(db).where(and(eq(diseaseCase.id, id), diseaseScope(actor)));
  return r ? { ...r.row, employerName: r.employerName } : undefined;
}

function accidentConditions(actor: Actor, f: AccidentFilter): SQL[] {
  const out = [
    accidentScope(actor),
    ...commonConditions(f, {
      county: safetyAccident.countyCode,
      employerId: safetyAccident.employerId,
      at: safetyAccident.occurredAt,
      instant: true,
      text: [safetyAccident.accidentNo, safetyAccident.summary],
    }),
  ];
  if (f.category) out.push(eq(safetyAccident.category, f.category));
  if (f.grade) out.push(eq(safetyAccident.legalGrade, f.grade));
  return out;
}

const selectAccidents = (db: Db) =>
  db
    .select({ row: safetyAccident, employerName: employer.name })
    .from(safetyAccident)
    .leftJoin(employer, eq(employer.id, safetyAccident.employerId));

/** One keyset page of production-safety accidents, newest first. */
export async function listAccidents(db: Db, actor: Actor, f: AccidentFilter, after: After, take: number) {
  const rows = await selectAccidents(db)
    .where(and(...accidentConditions(actor, f), ...keyset(safetyAccident.occurredAt, safetyAccident.id, after, true)))
    .orderBy(desc(safetyAccident.occurredAt), desc(safetyAccident.id))
    .limit(take);
  return rows.map((r): AccidentRow => ({ ...r.row, employerName: r.employerName }));
}

export async function findAccident(db: Db, actor: Actor, id: string): Promise<AccidentRow | undefined> {
  const [r] = await selectAccidents(db).where(and(eq(safetyAccident.id, id), accidentScope(actor)));
  return r ? { ...r.row, employerName: r.employerName } : undefined;
}

/** An employer the caller may record cases for (same scope as the employer registry). */
export async function employerInScope(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(employer)
    .where(and(eq(employer.id, id), scopeFilter(actor, { region: employer.countyCode, employer: employer.id })));
  return row;
}

/**
 * The worker's insured spell at the employer on a date: the spell covering the date, else the latest one that
 * started before it (a case may be recorded for a worker whose insurance lapsed), else none.
 */
export async function rosterSpell(db: Db, employerId: string, idHash: string, onDate: string) {
  const [row] = await db
    .select()
    .from(insuredPerson)
    .where(
      and(
        eq(insuredPerson.employerId, employerId),
        eq(insuredPerson.idHash, idHash),
        lte(insuredPerson.insuredFrom, onDate),
      ),
    )
    .orderBy(
      sql`(${insuredPerson.insuredTo} is null or ${insuredPerson.insuredTo} >= ${onDate}) desc`,
      desc(insuredPerson.insuredFrom),
    )
    .limit(1);
  return row;
}
