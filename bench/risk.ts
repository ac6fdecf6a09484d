/**
 * The employer risk index at scale (issue 4, item 5): generates N employers (default 100,000) with 36 monthly
 * headcounts each and about ten injuries per 1,000 worker-years, in SQL on the database itself, then times
 * RiskService.recompute (read the tallies, score, replace the stored year with its audit row) and the first page of
 * the ranking through RiskService.list with a city-wide actor — the code the API runs, not a copy of its SQL.
 *
 *   npx tsx bench/risk.ts [--employers 100000] [--runs 3]       PGlite in a temporary folder
 *   DATABASE_URL=postgres://… npx tsx bench/risk.ts            a new database on that server (dropped after)
 */

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CITY_CODE, CURRENT_COUNTIES } from '@yufang/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../apps/server/src/core/auth/actor.js';
import { loadTallies } from '../apps/server/src/modules/analysis/risk.repo.js';
import { RiskService, SYSTEM_ACTOR } from '../apps/server/src/modules/analysis/risk.service.js';
import { scoreEmployers } from '../apps/server/src/modules/analysis/risk-index.js';
import { loadRiskPolicy } from '../apps/server/src/modules/analysis/risk-index.policy.js';
import { openBenchCore } from './core.js';

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const EMPLOYERS = Number(arg('--employers') ?? 100_000);
const RUNS = Number(arg('--runs') ?? 3);
const YEAR = 2025;
const COUNTIES = CURRENT_COUNTIES.map((c) => `'${c.code}'`).join(',');
const INDUSTRIES = ["'06'", "'09'", "'13'", "'20'", "'30'", "'34'", "'47'", "'54'", "'62'", "'72'"].join(',');

const time = async <T>(label: string, fn: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const started = performance.now();
  const value = await fn();
  const ms = Math.round(performance.now() - started);
  console.log(`${label}: ${ms} ms`);
  return { value, ms };
};

async function main() {
  const work = await mkdtemp(path.join(os.tmpdir(), 'yufang-bench-risk-'));
  const { core, close } = await openBenchCore(work);
  try {
    const db = core.db;
    await time(`${EMPLOYERS} employers`, () =>
      db.execute(
        sql.raw(`
        insert into employer (uscc, name, county_code, industry_code, key_industry)
        select lpad(i::text, 18, '0'), '基准单位' || i, (array[${COUNTIES}])[1 + i % 11],
               (array[${INDUSTRIES}])[1 + (i / 11) % 10], (i / 11) % 10 in (0, 1, 6, 7)
        from generate_series(1, ${EMPLOYERS}) i`),
      ),
    );
    // The generated rows skip the triggers that keep the dashboard aggregates (session_replication_role = replica):
    // the risk index reads the record tables, and the aggregates are bench/dashboard.ts's subject.
    await db.execute(sql`set session_replication_role = replica`);
    await time(`${EMPLOYERS * 36} monthly headcounts`, () =>
      db.execute(
        sql.raw(`
        insert into employer_headcount (employer_id, month, insured_count, payroll_fen)
        select e.id, m::date, 3 + abs(hashtext(e.uscc)) % 300, 500000000
        from employer e cross join generate_series('${YEAR - 2}-01-01'::date, '${YEAR}-12-01'::date, '1 month') m`),
      ),
    );
    // about 10 injuries per 1,000 worker-years (the demo's order of magnitude), spread over employers by a hash
    const cases = Math.round(EMPLOYERS * 4.5);
    await time(`${cases} injuries`, () =>
      db.execute(
        sql.raw(`
        with e as (select id, county_code, industry_code, row_number() over (order by uscc) as n from employer)
        insert into injury_case (case_no, employer_id, county_code, worker_name, occurred_at, severity, lost_workdays,
                                 recognition_result, industry_code, source)
        select 'B' || g, e.id, e.county_code, '基准', make_timestamptz(${YEAR - 2} + g % 3, 1 + g % 12, 1 + g % 28, 2, 0, 0),
               (array['minor','minor','minor','minor','minor','minor','minor','minor','serious','death'])[1 + g % 10],
               10 + g % 90, 'recognised', e.industry_code, 'form'
        from generate_series(1, ${cases}) g
        join e on e.n = 1 + abs(hashtext(g::text)) % ${EMPLOYERS}`),
      ),
    );
    await db.execute(sql`set session_replication_role = origin`);
    await db.execute(sql`analyze`);
    const policy = await loadRiskPolicy(db, core.regions, YEAR);
    const tallies = await time('phase: load tallies', () => loadTallies(db, YEAR, policy.params.windowYears));
    await time('phase: score (pure)', async () => scoreEmployers(tallies.value, policy.params));
    const risks = new RiskService(core);
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { value, ms } = await time(`recompute ${i + 1}`, () => risks.recompute(SYSTEM_ACTOR, YEAR));
      if (value.employers !== EMPLOYERS) throw new Error(`scored ${value.employers}, expected ${EMPLOYERS}`);
      runs.push(ms);
    }
    const regions = new Set([CITY_CODE, ...CURRENT_COUNTIES.map((c) => c.code)]);
    const city = {
      userId: '00000000-0000-0000-0000-000000000000',
      username: 'bench',
      roles: ['city_admin'],
      permissions: new Set(['analysis.read', 'analysis.report', 'employer.read']),
      scope: { entries: [], regions, units: new Set(), employers: new Set() },
    } as unknown as Actor;
    const pages: number[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 20; i++) {
      const { value, ms } = await time(`ranking page ${i + 1}`, () =>
        risks.list(city, { limit: 50, cursor, year: YEAR }),
      );
      cursor = value.nextCursor ?? undefined;
      pages.push(ms);
    }
    const county = await time('one county, first page', () =>
      risks.list(city, { limit: 50, year: YEAR, countyCode: CURRENT_COUNTIES[3]?.code }),
    );
    const sorted = [...pages].sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        employers: EMPLOYERS,
        database: process.env.DATABASE_URL ? 'postgresql' : 'pglite',
        recomputeMs: runs,
        pageP50Ms: sorted[Math.floor(sorted.length / 2)],
        pageMaxMs: sorted.at(-1),
        countyPageMs: county.ms,
      }),
    );
  } finally {
    await close();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
