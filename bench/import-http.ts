/**
 * A large import through HTTP, as the browser does it (issue 3): starts the real server (`e2e/server.ts`, demo data,
 * fresh PGlite folder or a new PostgreSQL database), signs in as cityadmin, uploads a generated employer CSV to the
 * same endpoint the import wizard uses (raw body, x-file-name, CSRF token), polls the job every second as the
 * wizard does, commits, polls again. Reports the time of each phase, rows/s and the server process's peak RSS
 * (VmRSS sampled every 100 ms from /proc, and the kernel's high-water mark VmHWM).
 *
 *   npx tsx bench/import-http.ts [--rows 1000000]
 *   DATABASE_URL=postgres://… npx tsx bench/import-http.ts      a new database on that server, dropped after
 *   npx tsx bench/import-http.ts --rows 100000 --browser       through the wizard in Chromium, with screenshots
 *                                                              of its progress bar in .screenshots/
 */

import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ImportJobDetail } from '@yufang/contracts';
import { DEMO_PASSWORD, signIn } from '../e2e/journeys.js';
import { hasBrowser, type Server, screenshot, startPlatform, startServer } from '../e2e/server.js';
import { writeEmployerCsv } from './employers-csv.js';

const argv = process.argv.slice(2);
const rowsArg = argv.indexOf('--rows');
const ROWS = rowsArg >= 0 ? Number(argv[rowsArg + 1]) : 1_000_000;
const BROWSER = argv.includes('--browser');
// far above the demo employers' organisation numbers, so every row is a new employer
const FIRST = 500_000_000;
const MiB = 1024 * 1024;

if (process.env.DATABASE_URL) {
  // startServer makes a new database on the TEST_DATABASE_URL server; the server must not use this URL itself
  process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
}

/** Peak resident memory of a process, sampled from /proc (Linux). */
function memoryOf(pid: number) {
  const read = async (key: 'VmRSS' | 'VmHWM') => {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const kb = Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
    return kb * 1024;
  };
  let peak = 0;
  const timer = setInterval(() => {
    read('VmRSS').then((rss) => {
      peak = Math.max(peak, rss);
    });
  }, 100);
  return {
    now: () => read('VmRSS'),
    highWater: () => read('VmHWM'),
    peak: () => peak,
    reset: async () => {
      peak = await read('VmRSS');
    },
    stop: () => clearInterval(timer),
  };
}

interface Session {
  cookie: string;
  csrf: string;
}

async function login(url: string): Promise<Session> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'cityadmin', password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function call<T>(url: string, s: Session, method: 'GET' | 'POST', body?: BodyInit, extra = {}): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, accept: 'application/json', ...extra },
    body,
    ...(body ? { duplex: 'half' } : {}),
  } as RequestInit);
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const seconds = (from: number, to = performance.now()) => +((to - from) / 1000).toFixed(1);

/** Polls the job once a second (the wizard's interval) until it leaves `status`; logs the progress it shows. */
async function pollWhile(base: string, s: Session, id: string, status: string, log: object[], t0: number) {
  for (;;) {
    const job = await call<ImportJobDetail>(`${base}/api/v1/imports/${id}`, s, 'GET');
    log.push({ t: seconds(t0), status: job.status, progress: job.progress, rows: job.processedRows });
    if (job.status !== status) return job;
    process.stdout.write(`\r${status} ${job.progress}% · ${job.processedRows} rows · ${seconds(t0)} s   `);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function viaHttp(server: Server, csv: string, size: number) {
  const pid = server.process.pid as number;
  const memory = memoryOf(pid);
  const s = await login(server.url);
  const before = await memory.now();
  await memory.reset();
  const progress: object[] = [];
  const t0 = performance.now();
  const created = await call<ImportJobDetail>(
    `${server.url}/api/v1/imports/employer`,
    s,
    'POST',
    Readable.toWeb(createReadStream(csv)) as unknown as BodyInit,
    { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('基准-用人单位.csv') },
  );
  const tUploaded = performance.now();
  const validated = await pollWhile(server.url, s, created.id, 'validating', progress, t0);
  const tValidated = performance.now();
  if (validated.status !== 'validated' || validated.errorCount > 0) {
    throw new Error(`validation: ${validated.status} ${validated.errorCount} ${JSON.stringify(validated.errors[0])}`);
  }
  await call(`${server.url}/api/v1/imports/${created.id}/commit`, s, 'POST');
  const committed = await pollWhile(server.url, s, created.id, 'committing', progress, t0);
  const tCommitted = performance.now();
  process.stdout.write('\n');
  if (committed.status !== 'committed') throw new Error(`commit: ${committed.status} ${committed.message}`);
  const total = (tCommitted - t0) / 1000;
  const result = {
    mode: 'http',
    database: process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite',
    rows: ROWS,
    fileMiB: +(size / MiB).toFixed(1),
    uploadSeconds: seconds(t0, tUploaded),
    validateSeconds: seconds(tUploaded, tValidated),
    commitSeconds: seconds(tValidated, tCommitted),
    totalSeconds: +total.toFixed(1),
    rowsPerSecond: Math.round(ROWS / total),
    counts: { new: committed.newCount, updated: committed.updatedCount, unchanged: committed.unchangedCount },
    serverRssBeforeMiB: Math.round(before / MiB),
    serverPeakRssMiB: Math.round(Math.max(memory.peak(), before) / MiB),
    serverHighWaterMiB: Math.round((await memory.highWater()) / MiB),
    progressPolls: progress.length,
    progress,
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: os.loadavg().map((l) => +l.toFixed(1)),
    at: new Date().toISOString(),
  };
  memory.stop();
  return result;
}

async function viaBrowser(csv: string) {
  if (!hasBrowser) throw new Error('--browser needs /usr/bin/chromium');
  const platform = await startPlatform();
  try {
    const page = await platform.newPage();
    await signIn(page, 'cityadmin');
    await page.goto('/imports/new');
    await page.getByTestId('import-kind').getByText('用人单位').click();
    const t0 = performance.now();
    await page.locator('.ant-upload input[type=file]').setInputFiles(csv);
    const bar = page.getByTestId('import-progress');
    await bar.waitFor({ timeout: 120_000 });
    const seen: number[] = [];
    let shot = 0;
    for (;;) {
      const status = await page.getByTestId('import-job').getAttribute('data-status');
      if (status !== 'validating') break;
      // the bar's percentage as antd exposes it (role="progressbar" aria-valuenow)
      const shown = Number(await bar.getAttribute('aria-valuenow', { timeout: 1000 }).catch(() => null));
      if (shown && !seen.includes(shown)) {
        seen.push(shown);
        if (shot < 2 && shown > 0 && shown < 100) await screenshot(page, `bench-import-progress-${++shot}`);
      }
      await page.waitForTimeout(200);
    }
    await page.getByTestId('import-commit').waitFor({ timeout: 60_000 });
    await screenshot(page, 'bench-import-validated');
    const tValidated = performance.now();
    await page.getByTestId('import-commit').click();
    await page.getByText('导入成功').first().waitFor({ timeout: 600_000 });
    await screenshot(page, 'bench-import-committed');
    return {
      mode: 'browser',
      rows: ROWS,
      validateSeconds: seconds(t0, tValidated),
      totalSeconds: seconds(t0),
      progressShown: seen,
      screenshots: [
        ...Array.from({ length: shot }, (_, i) => `bench-import-progress-${i + 1}`),
        'bench-import-validated',
      ],
    };
  } finally {
    await platform.stop();
  }
}

async function main() {
  const work = await mkdtemp(path.join(os.tmpdir(), 'yf-bench-http-'));
  const csv = path.join(work, 'employers.csv');
  const t = performance.now();
  await writeEmployerCsv(csv, ROWS, FIRST);
  const size = (await stat(csv)).size;
  console.log(`generated ${ROWS} rows (${(size / MiB).toFixed(0)} MiB) in ${seconds(t)} s`);
  try {
    let result: object;
    if (BROWSER) result = await viaBrowser(csv);
    else {
      const server = await startServer();
      try {
        result = await viaHttp(server, csv, size);
      } finally {
        await server.stop();
      }
    }
    const { progress: _log, ...summary } = result as { progress?: unknown };
    console.log(JSON.stringify(summary, null, 2));
    await mkdir('bench/results', { recursive: true });
    const name = `import-http-${BROWSER ? 'browser' : (summary as { database: string }).database}-${ROWS}.json`;
    await writeFile(path.join('bench/results', name), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
