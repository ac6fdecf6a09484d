/**
 * Employer search at province scale (issue 3, item 7): loads N generated employers (default 1,000,000: valid
 * USCCs, Chinese names from realistic parts, the 11 Sanming counties, GB/T 4754 divisions with their risk class)
 * into a fresh database with the real migrations, then times the list queries the API runs — through the employer
 * repository's `listEmployers` with a city-wide actor, not a copy of its SQL — and prints p50/p95 of each and the
 * EXPLAIN (ANALYZE) plan of any query slower than 300 ms at p95.
 *
 *   npx tsx bench/search.ts [--rows 1000000] [--runs 50]       PGlite in a temporary folder
 *   DATABASE_URL=postgres://… npx tsx bench/search.ts          a new database on that server (dropped after)
 *   … --index "create index … on employer …"                   add an index before timing (to try one out)
 *   … --explain-over 300                                         EXPLAIN queries slower than this at p95 (ms)
 */

import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CITY_CODE, CURRENT_COUNTIES, type EmployerFilter, riskClassOf } from '@yufang/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../apps/server/src/core/auth/actor.js';
import { listEmployers } from '../apps/server/src/modules/employer/employer.repo.js';
import { makeUscc } from '../apps/server/src/modules/import/import.factory.js';
import { openBenchCore } from './core.js';

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const ROWS = Number(arg('--rows') ?? 1_000_000);
const RUNS = Number(arg('--runs') ?? 50);
const EXTRA_INDEX = arg('--index');
const EXPLAIN_OVER = Number(arg('--explain-over') ?? 300);

// Names: place + two-character trade name + trade + legal form, as on a business licence.
const PLACES = [
  '三明',
  '永安',
  '沙县',
  '明溪',
  '清流',
  '宁化',
  '大田',
  '尤溪',
  '将乐',
  '泰宁',
  '建宁',
  '福建',
  '闽西北',
  '三元',
  '海峡',
];
const CORE = '鑫华盛宏兴源达泰恒丰金顺瑞祥福海嘉昌隆富安宇鸿凯新永天明锦荣润德信诚佳联正光志辉长远';
const TRADES = [
  ['林业', '02'],
  ['竹木制品', '20'],
  ['矿业', '09'],
  ['煤业', '06'],
  ['建材', '30'],
  ['水泥', '30'],
  ['纺织', '17'],
  ['化工', '26'],
  ['机械', '34'],
  ['食品', '14'],
  ['茶业', '15'],
  ['电子', '39'],
  ['物流', '59'],
  ['建筑工程', '47'],
  ['装饰工程', '50'],
  ['陶瓷', '30'],
  ['家具', '21'],
  ['汽车运输', '54'],
  ['医药', '27'],
  ['冶金', '32'],
  ['钢铁', '31'],
  ['农业开发', '01'],
  ['商贸', '51'],
  ['酒店管理', '61'],
  ['物业管理', '70'],
  ['信息技术', '65'],
] as const;
const FORMS = ['有限公司', '有限公司', '有限公司', '有限责任公司', '股份有限公司', '厂', '专业合作社'];
const RARE = '燚'; // about 1 name in 20,000 carries it
const COUNTIES = CURRENT_COUNTIES.map((c) => c.code);
const INSURANCE = ['insured', 'insured', 'insured', 'uninsured', 'suspended'];
const KEY = new Set(['06', '09', '26', '30', '31', '32', '47']);
const DUST = new Set(['06', '09', '30', '31', '20']);

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}
const rand = rng(20260301);
const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)] as T;

function employerRow(i: number): string[] {
  const county = COUNTIES[i % COUNTIES.length] as string;
  const [trade, industry] = pick(TRADES);
  const rare = rand() < 1 / 20_000;
  const core = rare ? `${RARE}华` : `${pick([...CORE])}${pick([...CORE])}`;
  const name = `${pick(PLACES)}${core}${rare ? '林业' : trade}${pick(FORMS)}`;
  return [
    makeUscc(i, county),
    `${name}`,
    county,
    industry,
    String(riskClassOf(industry) ?? ''),
    KEY.has(industry) ? 't' : 'f',
    DUST.has(industry) ? 't' : 'f',
    pick(INSURANCE),
    String(5 + Math.floor(rand() * 800)),
  ];
}
const COLS =
  'uscc, name, county_code, industry_code, risk_class, key_industry, dust_hazard, insurance_status, workforce';
const TYPES = ['text', 'text', 'text', 'text', 'smallint', 'boolean', 'boolean', 'text', 'int'];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};

async function main() {
  const work = await mkdtemp(path.join(os.tmpdir(), 'yf-bench-search-'));
  const bench = await openBenchCore(work);
  const core = bench.core;
  const db = core.db;
  const kind = core.database.kind;
  const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

  // Load: the trigram indexes of migration 0003 are dropped during the load and rebuilt with the same definitions.
  let t = performance.now();
  await db.execute(sql`drop index employer_name_trgm_idx`);
  await db.execute(sql`drop index employer_uscc_trgm_idx`);
  const BATCH = 50_000;
  for (let start = 0; start < ROWS; start += BATCH) {
    const batch: string[][] = [];
    for (let i = start; i < Math.min(ROWS, start + BATCH); i++) batch.push(employerRow(i));
    if (kind === 'pglite') {
      const client = (db as unknown as { $client: { query: (q: string, p: unknown[], o: object) => Promise<unknown> } })
        .$client;
      const text = batch.map((r) => r.map((c) => (c === '' ? '\\N' : c)).join('\t')).join('\n');
      await client.query(`COPY employer (${COLS}) FROM '/dev/blob'`, [], { blob: new Blob([`${text}\n`]) });
    } else {
      const arrays = TYPES.map(
        (type, c) => sql`${sql.param(batch.map((r) => (r[c] === '' ? null : r[c])))}::${sql.raw(type)}[]`,
      );
      await db.execute(sql`insert into employer (${sql.raw(COLS)}) select * from unnest(${sql.join(arrays, sql`, `)})`);
    }
  }
  const loadSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  await db.execute(sql`create index employer_name_trgm_idx on employer using gin (name gin_trgm_ops)`);
  await db.execute(sql`create index employer_uscc_trgm_idx on employer using gin (uscc gin_trgm_ops)`);
  if (EXTRA_INDEX) await db.execute(sql.raw(EXTRA_INDEX));
  await db.execute(sql`analyze employer`);
  const indexSeconds = (performance.now() - t) / 1000;
  console.log(
    `loaded ${ROWS} employers in ${loadSeconds.toFixed(1)} s, indexes + analyze ${indexSeconds.toFixed(1)} s`,
  );

  const actor = {
    userId: randomUUID(),
    username: 'bench',
    displayName: 'bench',
    roles: ['city_admin'],
    permissions: new Set(['employer.read']),
    scope: {
      entries: [{ kind: 'region', code: CITY_CODE }],
      regions: new Set(core.regions.descendants(CITY_CODE)),
      units: new Set(),
      employers: new Set(),
    },
    sessionIdHash: '',
    csrfToken: '',
    passwordChangeReason: null,
    demo: false,
    ip: null,
    requestId: null,
  } as unknown as Actor;

  // A name and USCC that exist, for fragments.
  const sample = rows<{ name: string; uscc: string }>(
    await db.execute(sql`select name, uscc from employer where name like '%华%' order by uscc limit 1`),
  )[0] as { name: string; uscc: string };
  const PAGE = 20;
  const f = (x: Partial<EmployerFilter>) => x as EmployerFilter;
  const cases: [string, EmployerFilter, 'first' | 'later'][] = [
    ['no filter, first page', f({}), 'first'],
    ['no filter, 10th page (keyset)', f({}), 'later'],
    ['name 2 chars, common (“矿业”)', f({ q: '矿业' }), 'first'],
    ['name 2 chars, rare (“燚华”)', f({ q: `${RARE}华` }), 'first'],
    ['name 3 chars, common (“永安鑫”)', f({ q: '永安鑫' }), 'first'],
    ['name 3 chars, rare (“燚华林”)', f({ q: `${RARE}华林` }), 'first'],
    ['name 4 chars, common, 10th page (“建筑工程”)', f({ q: '建筑工程' }), 'later'],
    ['name 1 char (“华”)', f({ q: '华' }), 'first'],
    [`USCC fragment 8 chars (“${sample.uscc.slice(8, 16)}”)`, f({ q: sample.uscc.slice(8, 16) }), 'first'],
    [`USCC fragment 4 chars (“${sample.uscc.slice(12, 16)}”)`, f({ q: sample.uscc.slice(12, 16) }), 'first'],
    ['full USCC', f({ q: sample.uscc }), 'first'],
    [
      'county + industry + risk class',
      f({ countyCode: '350481', industryCode: '30', riskClass: riskClassOf('30') as number }),
      'first',
    ],
    [
      'county + industry + risk class, 10th page',
      f({ countyCode: '350481', industryCode: '30', riskClass: riskClassOf('30') as number }),
      'later',
    ],
    ['key industry + dust', f({ keyIndustry: true, dustHazard: true }), 'first'],
    ['uninsured in a county', f({ countyCode: '350425', insuranceStatus: 'uninsured' }), 'first'],
    ['county + name 2 chars', f({ countyCode: '350481', q: '茶业' }), 'first'],
  ];
  const results: Record<string, { p50: number; p95: number; rows: number }> = {};
  const slow: Record<string, string> = {};
  for (const [label, filter, page] of cases) {
    let after: [string, string] | null = null;
    if (page === 'later') {
      for (let i = 0; i < 9; i++) {
        const got = await listEmployers(db, actor, filter, after, PAGE + 1);
        const last = got[PAGE - 1];
        if (!last) break;
        after = [last.name, last.id];
      }
    }
    const times: number[] = [];
    let n = 0;
    for (let r = 0; r < RUNS; r++) {
      const s = performance.now();
      n = (await listEmployers(db, actor, filter, after, PAGE + 1)).length;
      times.push(performance.now() - s);
    }
    results[label] = { p50: +pct(times, 50).toFixed(1), p95: +pct(times, 95).toFixed(1), rows: n };
    console.log(
      `${label.padEnd(44)} p50 ${pct(times, 50).toFixed(1)} ms  p95 ${pct(times, 95).toFixed(1)} ms  (${n} rows)`,
    );
    if (pct(times, 95) > EXPLAIN_OVER) {
      // The same query the repository builds, explained: drizzle's toSQL of the select.
      const query = listEmployersQuery(db, actor, filter, after, PAGE + 1);
      const plan = rows<Record<string, string>>(
        await db.execute(sql`explain (analyze, buffers) ${sql.raw(inline(query))}`),
      )
        .map((r) => Object.values(r)[0])
        .join('\n');
      slow[label] = plan;
      console.log(plan);
    }
  }
  const result = {
    database: kind,
    rows: ROWS,
    runs: RUNS,
    pageSize: PAGE,
    extraIndex: EXTRA_INDEX ?? null,
    loadSeconds: +loadSeconds.toFixed(1),
    results,
    slowPlans: slow,
    node: process.version,
    cpus: os.cpus().length,
    at: new Date().toISOString(),
  };
  await mkdir('bench/results', { recursive: true });
  await writeFile(
    `bench/results/search-${kind}-${ROWS}${EXTRA_INDEX ? '-extra' : ''}.json`,
    `${JSON.stringify(result, null, 2)}\n`,
  );
  await bench.close();
  await rm(work, { recursive: true, force: true });
}

/** Captures the SQL listEmployers sends by running it against a recording stand-in for the database. */
function listEmployersQuery(
  db: unknown,
  actor: Actor,
  filter: EmployerFilter,
  after: [string, string] | null,
  take: number,
): { sql: string; params: unknown[] } {
  let captured: { sql: string; params: unknown[] } | null = null;
  const recorder = new Proxy(db as object, {
    get(target, prop) {
      if (prop !== 'select') return Reflect.get(target, prop);
      return (...args: unknown[]) => {
        const builder = (target as { select: (...a: unknown[]) => unknown }).select(...args);
        return wrap(builder);
      };
    },
  });
  const wrap = (b: unknown): unknown =>
    new Proxy(b as object, {
      get(target, prop) {
        const v = Reflect.get(target, prop);
        if (prop === 'then') {
          captured = (target as { toSQL: () => { sql: string; params: unknown[] } }).toSQL();
          return (resolve: (x: unknown) => void) => resolve([]);
        }
        return typeof v === 'function' ? (...a: unknown[]) => wrap(v.apply(target, a)) : v;
      },
    });
  void listEmployers(recorder as never, actor, filter, after, take);
  if (!captured) throw new Error('no query captured');
  return captured;
}

/** Inlines $n parameters as literals (bench-only, for EXPLAIN). */
function inline(q: { sql: string; params: unknown[] }): string {
  const lit = (v: unknown): string =>
    v === null
      ? 'null'
      : typeof v === 'number' || typeof v === 'boolean'
        ? String(v)
        : Array.isArray(v)
          ? `array[${v.map(lit).join(',')}]`
          : `'${String(v).replace(/'/g, "''")}'`;
  return q.sql.replace(/\$(\d+)/g, (_, i) => lit(q.params[Number(i) - 1]));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
