import { sql } from 'drizzle-orm';
import type { Db } from '../../core/db/index.js';

/*
 * Recomputes the aggregates of the (county, month) keys marked dirty by the triggers of migration 0009, exactly,
 * from the record tables. Runs before a dashboard reads (a no-op costs one indexed probe) and after bulk loads.
 * The exclusive advisory lock waits for writers still in flight (they hold it shared until commit), so a key is
 * cleared only after every change that marked it is visible here.
 */

type Rows<T> = { rows: T[] };

const RECOGNITION = sql.raw(
  `case when i.recognition_result in ('recognised', 'deemed') then 'recognised' else i.recognition_result end`,
);
// GB 6441: a death counts 6000 lost workdays, a serious injury at least 105
const COUNTED_DAYS = sql.raw(
  `case i.severity when 'death' then 6000 when 'serious' then greatest(105, i.lost_workdays) else greatest(0, i.lost_workdays) end`,
);
// the month's bounds in Beijing time, so an accident at 23:30 on the 31st belongs to that month
const IN_MONTH = sql.raw(
  `i.occurred_at >= (d.month::timestamp at time zone 'Asia/Shanghai')
   and i.occurred_at < ((d.month + interval '1 month')::timestamp at time zone 'Asia/Shanghai')`,
);

const STEPS = [
  sql`delete from analysis_injury_cube c using analysis_dirty d where c.county_code = d.county_code and c.month = d.month`,
  sql`insert into analysis_injury_cube
      select d.month, i.county_code, i.industry_code, coalesce(i.risk_class, 0), i.key_industry,
             coalesce(i.accident_category, ''), i.severity, ${RECOGNITION}, count(*), sum(${COUNTED_DAYS})
      from analysis_dirty d join injury_case i on i.county_code = d.county_code and ${IN_MONTH}
      group by 1, 2, 3, 4, 5, 6, 7, 8`,
  // worker attributes are counted per year: every dirty month re-counts its county's year
  sql`delete from analysis_injury_group g
      using (select distinct county_code, extract(year from month)::int as year from analysis_dirty) d
      where g.county_code = d.county_code and g.year = d.year`,
  sql`insert into analysis_injury_group
      select y.year, i.county_code, i.industry_code, i.key_industry, a.dim, a.value, count(*)
      from (select distinct county_code, extract(year from month)::int as year from analysis_dirty) y
      join injury_case i on i.county_code = y.county_code
        and i.occurred_at >= (make_date(y.year, 1, 1)::timestamp at time zone 'Asia/Shanghai')
        and i.occurred_at < (make_date(y.year + 1, 1, 1)::timestamp at time zone 'Asia/Shanghai')
      cross join lateral (values
        ('job', coalesce(nullif(trim(i.job), ''), '')),
        ('sex', coalesce(i.sex, '')),
        ('age', coalesce(extract(year from age((i.occurred_at at time zone 'Asia/Shanghai')::date, i.birth_date))::int::text, '')),
        ('tenure', coalesce((i.tenure_months / 12)::text, ''))
      ) a(dim, value)
      where i.recognition_result in ('recognised', 'deemed')
      group by 1, 2, 3, 4, 5, 6`,
  sql`delete from analysis_headcount_cube c using analysis_dirty d where c.county_code = d.county_code and c.month = d.month`,
  sql`insert into analysis_headcount_cube
      select d.month, e.county_code, e.industry_code, coalesce(e.risk_class, 0), e.key_industry,
             sum(h.insured_count), count(*), sum(h.payroll_fen)
      from analysis_dirty d join employer_headcount h on h.month = d.month
      join employer e on e.id = h.employer_id and e.county_code = d.county_code
      group by 1, 2, 3, 4, 5`,
  sql`delete from analysis_cost_cube c using analysis_dirty d where c.county_code = d.county_code and c.month = d.month`,
  sql`insert into analysis_cost_cube
      select d.month, i.county_code, i.industry_code, i.key_industry, k.item, sum(k.amount_fen), count(distinct i.id)
      from analysis_dirty d join injury_case i on i.county_code = d.county_code and ${IN_MONTH}
      join injury_cost k on k.case_id = i.id
      group by 1, 2, 3, 4, 5`,
  sql`delete from analysis_disease_cube c using analysis_dirty d where c.county_code = d.county_code and c.month = d.month`,
  sql`insert into analysis_disease_cube
      select d.month, i.county_code, i.industry_code, i.key_industry, i.dust_hazard, i.pneumoconiosis, i.category_no,
             coalesce(i.exposure_months / 12, -1), count(*)
      from analysis_dirty d join disease_case i on i.county_code = d.county_code
        and i.diagnosed_on >= d.month and i.diagnosed_on < (d.month + interval '1 month')::date
      where i.recognition_result <> 'not_recognised'
      group by 1, 2, 3, 4, 5, 6, 7, 8`,
  sql`delete from analysis_dirty`,
];

const CUBES = [
  'analysis_injury_cube',
  'analysis_injury_group',
  'analysis_headcount_cube',
  'analysis_cost_cube',
  'analysis_disease_cube',
];
/** A refresh of this many keys rewrites a good part of the aggregates: compact them right after. */
const COMPACT_AFTER_KEYS = 100;

/** Brings the aggregates up to date; returns how many (county, month) keys were recomputed. */
export async function refreshAggregates(db: Db): Promise<number> {
  const pending = (await db.execute(sql`select 1 from analysis_dirty limit 1`)) as unknown as Rows<unknown>;
  if (pending.rows.length === 0) return 0;
  const keys = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('analysis'))`);
    // the planner must know how few keys are dirty, or it scans whole record tables instead of probing indexes
    await tx.execute(sql`analyze analysis_dirty`);
    const counted = (await tx.execute(sql`select count(*)::int as n from analysis_dirty`)) as unknown as Rows<{
      n: number;
    }>;
    for (const step of STEPS) await tx.execute(step);
    return counted.rows[0]?.n ?? 0;
  });
  if (keys >= COMPACT_AFTER_KEYS) await compactAggregates(db);
  return keys;
}

/**
 * Every refresh deletes and rewrites the rows of its keys; PGlite has no autovacuum, so the dead rows stay and slow
 * the dashboards' scans until a VACUUM (outside any transaction). Run after large refreshes and nightly.
 */
export async function compactAggregates(db: Db): Promise<void> {
  await db.execute(sql.raw(`vacuum (analyze) ${CUBES.join(', ')}`));
}

/** Marks every key with data dirty (after a restore, or to rebuild the aggregates from scratch). */
export async function markAllDirty(db: Db): Promise<void> {
  await db.execute(sql`
    insert into analysis_dirty
    select distinct county_code, analysis_sh_month(occurred_at) from injury_case
    union select distinct e.county_code, h.month from employer_headcount h join employer e on e.id = h.employer_id
    union select distinct county_code, date_trunc('month', diagnosed_on)::date from disease_case
    on conflict do nothing`);
}
