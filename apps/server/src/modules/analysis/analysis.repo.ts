import { REGIONS } from '@yufang/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/index.js';

/** The slice of the aggregates a dashboard reads: years, the counties in scope and, optionally, industries. */
export interface Slice {
  yearFrom: number;
  yearTo: number;
  counties: readonly string[];
  /** GB/T 4754 divisions, or null for every industry. */
  industries: readonly string[] | null;
}

type Rows<T> = { rows: T[] };

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as Rows<T>).rows;
}

// records keep retired division codes (梅列区 → 三元区, 沙县 → 沙县区): they count under the current county
const RETIRED = REGIONS.filter((r) => r.replacedBy);
const withRetired = (counties: readonly string[]) => [
  ...counties,
  ...RETIRED.filter((r) => counties.includes(r.replacedBy ?? '')).map((r) => r.code),
];
const CURRENT_COUNTY = sql.raw(
  `case county_code ${RETIRED.map((r) => `when '${r.code}' then '${r.replacedBy}'`).join(' ')} else county_code end`,
);

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** The WHERE of every cube: month-keyed cubes by their month, the worker-group cube by its year. */
function where(s: Slice, byYear = false): SQL {
  const parts: SQL[] = [
    byYear
      ? sql`year between ${s.yearFrom} and ${s.yearTo}`
      : sql`month between ${`${s.yearFrom}-01-01`}::date and ${`${s.yearTo}-12-01`}::date`,
    s.counties.length ? sql`county_code in (${list(withRetired(s.counties))})` : sql`false`,
  ];
  if (s.industries) parts.push(s.industries.length ? sql`industry_code in (${list(s.industries)})` : sql`false`);
  return sql.join(parts, sql` and `);
}

export interface InjuryRow {
  key: string;
  cases: number;
  recognised: number;
  pending: number;
  deaths: number;
  serious: number;
  lostWorkdays: number;
}

/** Injury counts grouped by one expression of the cube's columns (a constant for the headline). */
export function injuriesBy(db: Db, s: Slice, key: SQL): Promise<InjuryRow[]> {
  return rows<InjuryRow>(
    db,
    sql`select ${key} as key, sum(cases)::int as cases,
          coalesce(sum(cases) filter (where recognition = 'recognised'), 0)::int as recognised,
          coalesce(sum(cases) filter (where recognition = 'pending'), 0)::int as pending,
          coalesce(sum(cases) filter (where severity = 'death' and recognition <> 'not_recognised'), 0)::int as deaths,
          coalesce(sum(cases) filter (where severity = 'serious' and recognition <> 'not_recognised'), 0)::int as serious,
          coalesce(sum(lost_workdays) filter (where recognition <> 'not_recognised'), 0)::bigint as "lostWorkdays"
        from analysis_injury_cube where ${where(s)} group by 1 order by 1`,
  ).then((r) => r.map((x) => ({ ...x, lostWorkdays: Number(x.lostWorkdays) })));
}

export interface HeadcountRow {
  key: string;
  /** Sum over months of the insured headcount, and the number of months it covers. */
  insuredMonths: number;
  months: number;
}

/** Headcount sums grouped like injuriesBy (the average is insuredMonths ÷ months). */
export function headcountBy(db: Db, s: Slice, key: SQL): Promise<HeadcountRow[]> {
  return rows<HeadcountRow>(
    db,
    sql`select ${key} as key, sum(insured)::float8 as "insuredMonths", count(distinct month)::int as months
        from analysis_headcount_cube where ${where(s)} group by 1 order by 1`,
  );
}

/** Recognised injuries by one worker attribute (dim 'job' | 'age' | 'sex' | 'tenure'). */
export function groupsBy(db: Db, s: Slice, dim: string): Promise<{ value: string; cases: number }[]> {
  return rows(
    db,
    sql`select value, sum(cases)::int as cases from analysis_injury_group
        where ${where(s, true)} and dim = ${dim} group by 1 order by 2 desc, 1`,
  );
}

export interface DiseaseRow {
  year: number;
  pneumoconiosis: number;
  shortExposure: number;
  knownExposure: number;
  other: number;
}

/** Occupational disease by year: new pneumoconiosis cases, those with known and short exposure, other diseases. */
export function diseaseByYear(db: Db, s: Slice, shortYears: number): Promise<DiseaseRow[]> {
  return rows<DiseaseRow>(
    db,
    sql`select extract(year from month)::int as year,
          coalesce(sum(cases) filter (where pneumoconiosis), 0)::int as pneumoconiosis,
          coalesce(sum(cases) filter (where pneumoconiosis and exposure_years >= 0 and exposure_years < ${shortYears}), 0)::int as "shortExposure",
          coalesce(sum(cases) filter (where pneumoconiosis and exposure_years >= 0), 0)::int as "knownExposure",
          coalesce(sum(cases) filter (where not pneumoconiosis), 0)::int as other
        from analysis_disease_cube where ${where(s)} group by 1 order by 1`,
  );
}

/** Fund spending by item (fen) and the number of cases it was paid for. */
export function costByItem(db: Db, s: Slice): Promise<{ item: string; amountFen: number; cases: number }[]> {
  return rows<{ item: string; amountFen: number; cases: number }>(
    db,
    sql`select item, sum(amount_fen)::bigint as "amountFen", sum(cases)::int as cases
        from analysis_cost_cube where ${where(s)} group by 1 order by 2 desc`,
  ).then((r) => r.map((x) => ({ ...x, amountFen: Number(x.amountFen) })));
}

/** The latest year with any headcount or injury in the aggregates (the dashboards' default end year). */
export async function latestYear(db: Db): Promise<number | null> {
  const [row] = await rows<{ year: number | null }>(
    db,
    sql`select extract(year from greatest((select max(month) from analysis_headcount_cube),
                                          (select max(month) from analysis_injury_cube)))::int as year`,
  );
  return row?.year ?? null;
}

/** Cube column expressions the service groups by. */
export const KEYS = {
  all: sql.raw(`''`),
  year: sql.raw(`extract(year from month)::int::text`),
  month: sql.raw(`to_char(month, 'YYYY-MM')`),
  county: CURRENT_COUNTY,
  industry: sql.raw('industry_code'),
  category: sql.raw('accident_category'),
  severity: sql.raw('severity'),
  yearCountyIndustry: sql`extract(year from month)::int::text || '|' || ${CURRENT_COUNTY} || '|' || industry_code`,
};
