/**
 * Validated import vs plain COPY (issue 3): generates a CSV of N valid employer rows, imports it through the
 * import service (every row checked, staged, committed in one transaction with its audit row) and, on a
 * second fresh table state of the same database, loads the same rows with a plain COPY. Reports rows/s of both,
 * the ratio (target ≥ 0.5) and the peak RSS sampled every 100 ms.
 *
 *   npx tsx bench/import.ts [--rows 1000000]        PGlite in a temporary folder
 *   DATABASE_URL=postgres://… npx tsx bench/import.ts  a new database on that server (dropped afterwards)
 */

import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { CITY_CODE } from '@yufang/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../apps/server/src/core/auth/actor.js';
import { ImportService } from '../apps/server/src/modules/import/import.service.js';
import { openBenchCore } from './core.js';
import { writeEmployerCsv } from './employers-csv.js';

const argv = process.argv.slice(2);
const rowsArg = argv.indexOf('--rows');
const ROWS = rowsArg >= 0 ? Number(argv[rowsArg + 1]) : 1_000_000;

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;

async function main() {
  const work = await mkdtemp(path.join(os.tmpdir(), 'yf-bench-import-'));
  const csv = path.join(work, 'employers.csv');
  let t = performance.now();
  await writeEmployerCsv(csv, ROWS);
  const size = (await stat(csv)).size;
  console.log(`generated ${ROWS} rows (${mb(size)}) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const bench = await openBenchCore(work);
  const core = bench.core;
  const db = core.db;
  const kind = core.database.kind;
  const actor: Actor = {
    userId: randomUUID(),
    username: 'bench',
    displayName: 'bench',
    roles: ['city_admin'],
    permissions: new Set(['import.read', 'import.run']),
    scope: {
      entries: [{ kind: 'region', code: CITY_CODE }],
      regions: new Set(core.regions.descendants(CITY_CODE)),
      units: new Set(),
      employers: new Set(),
      providers: new Set(),
    },
    sessionIdHash: '',
    csrfToken: '',
    passwordChangeReason: null,
    demo: false,
    ip: null,
    requestId: null,
  };

  // 1. Validated import through the service: upload (to a file) → validate → stage → commit.
  const imports = new ImportService(core);
  const rssBefore = process.memoryUsage().rss;
  peakRss = rssBefore;
  t = performance.now();
  const tStart = t;
  const job = await imports.upload(actor, 'employer', 'employers.csv', createReadStream(csv));
  await imports.settled(job.id);
  const validated = await imports.get(actor, job.id);
  const tValidated = performance.now();
  if (validated.status !== 'validated' || validated.errorCount) {
    throw new Error(
      `validation failed: ${validated.status} ${validated.errorCount} ${JSON.stringify(validated.errors.slice(0, 3))}`,
    );
  }
  await imports.commit(actor, job.id);
  await imports.settled(job.id);
  const committed = await imports.get(actor, job.id);
  const importSeconds = (performance.now() - t) / 1000;
  const importPeak = peakRss;
  if (committed.status !== 'committed' || committed.newCount !== ROWS)
    throw new Error(`commit: ${committed.status} ${committed.message}`);

  // 2. Plain COPY of the same rows into the same table (emptied first) on the same database.
  await db.execute(sql`truncate employer cascade`);
  peakRss = process.memoryUsage().rss;
  t = performance.now();
  const cols =
    'uscc, name, county_code, industry_code, legal_representative, address, ownership_type, size, workforce, safety_contact_name, safety_contact_phone_masked, insurance_status';
  const lines = createInterface({ input: createReadStream(csv), crlfDelay: Number.POSITIVE_INFINITY });
  let batch: string[] = [];
  let header = true;
  const flush = async () => {
    if (!batch.length) return;
    const text = `${batch.join('\n')}\n`;
    batch = [];
    if (kind === 'pglite') {
      const client = (db as unknown as { $client: { query: (q: string, p: unknown[], o: object) => Promise<unknown> } })
        .$client;
      await client.query(`COPY employer (${cols}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([text]) });
    } else {
      // node-postgres has no COPY FROM STDIN without pg-copy-streams (not installed): the baseline on PostgreSQL
      // is one INSERT … SELECT FROM unnest(column arrays) per batch, the fastest plain load available here.
      const rows = text
        .trimEnd()
        .split('\n')
        .map((l) => l.split(','));
      const col = (i: number) => rows.map((r) => (r[i] === '' ? null : r[i]));
      await db.execute(sql`insert into employer (${sql.raw(cols)}) select * from unnest(
        ${sql.param(col(0))}::text[], ${sql.param(col(1))}::text[], ${sql.param(col(2))}::text[],
        ${sql.param(col(3))}::text[], ${sql.param(col(4))}::text[], ${sql.param(col(5))}::text[],
        ${sql.param(col(6))}::text[], ${sql.param(col(7))}::text[], ${sql.param(col(8))}::int[],
        ${sql.param(col(9))}::text[], ${sql.param(col(10))}::text[], ${sql.param(col(11))}::text[])`);
    }
  };
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    batch.push(line);
    if (batch.length >= 50_000) await flush();
  }
  await flush();
  const copySeconds = (performance.now() - t) / 1000;
  const copyPeak = peakRss;
  const copied = await db.execute(sql`select count(*)::int as n from employer`);
  const n = (copied as unknown as { rows: { n: number }[] }).rows[0]?.n;
  if (n !== ROWS) throw new Error(`COPY loaded ${n} rows`);

  const result = {
    database: kind,
    rows: ROWS,
    fileBytes: size,
    validatedImport: {
      seconds: +importSeconds.toFixed(2),
      validateSeconds: +((tValidated - tStart) / 1000).toFixed(2),
      rowsPerSecond: Math.round(ROWS / importSeconds),
      peakRssMiB: Math.round(importPeak / 1048576),
    },
    plainCopy: {
      seconds: +copySeconds.toFixed(2),
      rowsPerSecond: Math.round(ROWS / copySeconds),
      peakRssMiB: Math.round(copyPeak / 1048576),
    },
    ratio: +(copySeconds / importSeconds).toFixed(2),
    rssBeforeMiB: Math.round(rssBefore / 1048576),
    node: process.version,
    cpus: os.cpus().length,
    at: new Date().toISOString(),
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(
    `validated import ${result.validatedImport.rowsPerSecond} rows/s vs plain COPY ${result.plainCopy.rowsPerSecond} rows/s → ratio ${result.ratio} (target ≥ 0.5); peak RSS ${result.validatedImport.peakRssMiB} MiB`,
  );
  await mkdir('bench/results', { recursive: true });
  await writeFile(`bench/results/import-${kind}-${ROWS}.json`, `${JSON.stringify(result, null, 2)}\n`);
  await bench.close();
  await rm(work, { recursive: true, force: true });
  clearInterval(sampler);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
