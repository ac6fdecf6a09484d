/**
 * Dashboard latency at the demo size and at 10× (issue 4). Two databases: one with the default demo (about 3,000
 * employers, their monthly headcounts 2020–2025 and their injuries, costs and occupational-disease cases), one with
 * the same demo whose employers are then copied 9 more times with their headcount series and cases (new ids; the
 * aggregates follow through their triggers and one bulk refresh). The endpoints are called through the real
 * application (`app.inject`: auth, scope, validation, serialisation), alternating between the two databases.
 * Also times the refresh after a small write at both sizes. Goal: p95 at 10× within 1.3× of demo size.
 *
 *   npx tsx bench/dashboard.ts [--runs 40] [--scale 10]                 PGlite in a temporary folder
 *   DATABASE_URL=postgres://… npx tsx bench/dashboard.ts                a new database on that server (dropped after)
 */

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../apps/server/src/app.js';
import type { Db } from '../apps/server/src/core/db/index.js';
import { DEMO_PASSWORD } from '../apps/server/src/demo/accounts.js';
import { seedDemo } from '../apps/server/src/demo/seed.js';
import { refreshAggregates } from '../apps/server/src/modules/analysis/aggregate.js';
import { openBenchCore } from './core.js';
import { multiply } from './scale.js';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const RUNS = arg('--runs', 40);
const SCALE = arg('--scale', 10);

const ENDPOINTS: { name: string; user: string; url: string }[] = [
  { name: 'dashboard, city, default years', user: 'cityadmin', url: '/api/v1/analysis/dashboard' },
  {
    name: 'dashboard, city, key industries 2023–2025',
    user: 'cityadmin',
    url: '/api/v1/analysis/dashboard?yearFrom=2023&yearTo=2025&keyIndustry=all',
  },
  { name: 'dashboard, county officer (永安)', user: 'yongan', url: '/api/v1/analysis/dashboard' },
  { name: 'targets, city', user: 'cityadmin', url: '/api/v1/analysis/targets' },
  { name: 'export byCounty (.xlsx)', user: 'cityadmin', url: '/api/v1/analysis/export?chart=byCounty' },
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function count(db: Db, table: string): Promise<number> {
  const res = (await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
    rows: { n: number }[];
  };
  return res.rows[0]?.n ?? 0;
}

async function sizes(db: Db) {
  const out: Record<string, number> = {};
  for (const t of [
    'employer',
    'employer_headcount',
    'injury_case',
    'injury_cost',
    'disease_case',
    'analysis_injury_cube',
    'analysis_injury_group',
    'analysis_headcount_cube',
    'analysis_cost_cube',
    'analysis_disease_cube',
  ])
    out[t] = await count(db, t);
  return out;
}

type App = Awaited<ReturnType<typeof buildApp>>;

async function cookieOf(app: App, username: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

interface Target {
  app: App;
  cookies: Map<string, string>;
}

async function target(app: App): Promise<Target> {
  const cookies = new Map<string, string>();
  for (const user of new Set(ENDPOINTS.map((e) => e.user))) cookies.set(user, await cookieOf(app, user));
  return { app, cookies };
}

async function timed(t: Target, e: (typeof ENDPOINTS)[number]): Promise<number> {
  const t0 = performance.now();
  const res = await t.app.inject({ method: 'GET', url: e.url, headers: { cookie: t.cookies.get(e.user) ?? '' } });
  const ms = performance.now() - t0;
  if (res.statusCode !== 200) throw new Error(`${e.url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return ms;
}

const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  const r = (n: number) => Math.round(n * 10) / 10;
  return { p50: r(percentile(sorted, 50)), p95: r(percentile(sorted, 95)), max: r(sorted.at(-1) ?? 0) };
};

/**
 * Requests alternate between the two sizes, so that whatever else the machine is doing (a shared 2-core box) slows
 * both alike and the ratio stays meaningful.
 */
async function measure(demo: Target, scaled: Target) {
  const out = [];
  for (const e of ENDPOINTS) {
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < RUNS + 3; i++) {
      const ta = await timed(demo, e);
      const tb = await timed(scaled, e);
      if (i >= 3) {
        // three warm-up rounds (query plans, caches)
        a.push(ta);
        b.push(tb);
      }
    }
    const d = stats(a);
    const x = stats(b);
    out.push({ endpoint: e.name, demo: d, scaled: x, p95Ratio: Math.round((x.p95 / d.p95) * 100) / 100 });
  }
  return out;
}

/** Median time of the refresh after one small write (20 recognised injuries in one county and month). */
async function incrementalRefresh(db: Db): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    await db.execute(sql`
      update injury_case set lost_workdays = lost_workdays + 1
      where id in (select id from injury_case where county_code = '350481'
                   and occurred_at >= '2024-03-01' and occurred_at < '2024-04-01' limit 20)`);
    const t0 = performance.now();
    await refreshAggregates(db);
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return Math.round((times[2] ?? 0) * 10) / 10;
}

const work = await mkdtemp(path.join(os.tmpdir(), 'yufang-bench-dashboard-'));
const small = await openBenchCore(path.join(work, 'demo'));
const large = await openBenchCore(path.join(work, 'scaled'));
try {
  let t0 = performance.now();
  await seedDemo(small.core.db, { pii: small.core.pii });
  const seedSeconds = (performance.now() - t0) / 1000;
  await seedDemo(large.core.db, { pii: large.core.pii });
  t0 = performance.now();
  await multiply(large.core.db, SCALE - 1);
  const copySeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const keys = await refreshAggregates(large.core.db);
  const refreshSeconds = (performance.now() - t0) / 1000;
  const apps = [await buildApp(small.core), await buildApp(large.core)];
  for (const app of apps) await app.ready();
  const latencyMs = await measure(await target(apps[0] as App), await target(apps[1] as App));
  const incrementalRefreshMs = {
    demo: await incrementalRefresh(small.core.db),
    scaled: await incrementalRefresh(large.core.db),
  };
  for (const app of apps) await app.close();
  const result = {
    database: small.core.database.kind,
    runs: RUNS,
    scale: SCALE,
    seedSeconds: Math.round(seedSeconds * 10) / 10,
    copySeconds: Math.round(copySeconds * 10) / 10,
    bulkRefresh: { keys, seconds: Math.round(refreshSeconds * 10) / 10 },
    incrementalRefreshMs,
    demoSizes: await sizes(small.core.db),
    scaledSizes: await sizes(large.core.db),
    latencyMs,
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: os.loadavg().map((n) => Math.round(n * 10) / 10),
    at: new Date().toISOString(),
  };
  await mkdir(path.join(import.meta.dirname, 'results'), { recursive: true });
  await writeFile(
    path.join(import.meta.dirname, 'results', `dashboard-${result.database}.json`),
    JSON.stringify(result, null, 2),
  );
  console.log(JSON.stringify(result, null, 2));
  for (const l of result.latencyMs) {
    console.log(
      `${l.endpoint}: p95 ${l.demo.p95} ms → ${l.scaled.p95} ms at ${SCALE}× (ratio ${l.p95Ratio}, goal ≤ 1.3)`,
    );
  }
} finally {
  await small.close();
  await large.close();
  await rm(work, { recursive: true, force: true });
}
