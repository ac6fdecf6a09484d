import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasBrowser = existsSync(CHROMIUM);
const ROOT = path.resolve(import.meta.dirname, '..');

export interface Platform {
  url: string;
  browser: Browser;
  newPage(): Promise<Page>;
  stop(): Promise<void>;
}

export interface Server {
  url: string;
  /** The server's process (its pid is the Node process that serves, for memory readings). */
  process: ChildProcess;
  dataDir: string;
  /** The database's name on PostgreSQL (TEST_DATABASE_URL). */
  database?: string;
  /** Stops the process cleanly and keeps its data. */
  halt(): Promise<void>;
  /** Stops the process and deletes its data. */
  stop(): Promise<void>;
}

/** A seeded demo that startServer copies instead of seeding again: its data folder, and its database on PostgreSQL. */
export interface DemoTemplate {
  dataDir: string;
  database?: string;
}

/** Set by the e2e global setup (JSON of a DemoTemplate); without it every server seeds its own demo. */
const TEMPLATE_ENV = 'YUFANG_E2E_TEMPLATE';

async function newDatabase(template?: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL as string;
  const name = `yufang_e2e_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * Starts the real server (as `npm start` does, with the demo data) on a fresh data folder, or on a new
 * PostgreSQL database when TEST_DATABASE_URL is set; `extraEnv` adds settings. Under the e2e global setup the
 * folder and database are copies of one seeded demo, so each journey starts in seconds on the same data.
 */
export async function startServer(extraEnv: NodeJS.ProcessEnv = {}): Promise<Server> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'yufang-e2e-'));
  const template: DemoTemplate | null = process.env[TEMPLATE_ENV] ? JSON.parse(process.env[TEMPLATE_ENV]) : null;
  if (template) await cp(template.dataDir, dataDir, { recursive: true, filter: (src) => !src.endsWith('yufang.lock') });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // any free port, read back from the start-up lines: journeys started side by side never race for one
    PORT: '0',
    YUFANG_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  delete env[TEMPLATE_ENV];
  const database = process.env.TEST_DATABASE_URL ? await newDatabase(template?.database) : null;
  if (database) env.DATABASE_URL = database.url;
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout?.on('data', (d) => {
    output += d;
  });
  server.stderr?.on('data', (d) => {
    output += d;
  });
  const deadline = Date.now() + 120_000;
  let url = '';
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited: ${output}`);
    const port = /网址 \/ URL:\s+http:\/\/localhost:(\d+)/.exec(output)?.[1];
    if (port) {
      url = `http://127.0.0.1:${port}`;
      if ((await fetch(`${url}/api/health`).catch(() => null))?.ok) break;
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  const halt = async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  };
  return {
    url,
    process: server,
    dataDir,
    database: database?.name,
    halt,
    stop: async () => {
      await halt();
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Seeds the demo once (a server started and stopped cleanly) and sets it as the template every later startServer in
 * this process and its workers copies; returns the clean-up.
 */
export async function useDemoTemplate(): Promise<() => Promise<void>> {
  const seeded = await startServer();
  await seeded.halt();
  process.env[TEMPLATE_ENV] = JSON.stringify({
    dataDir: seeded.dataDir,
    database: seeded.database,
  } satisfies DemoTemplate);
  return async () => {
    delete process.env[TEMPLATE_ENV];
    await seeded.stop();
  };
}

/** The real server (startServer) and a headless Chromium. */
export async function startPlatform(extraEnv: NodeJS.ProcessEnv = {}): Promise<Platform> {
  const server = await startServer(extraEnv);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return {
    url: server.url,
    browser,
    newPage: async () => {
      const context = await browser.newContext({
        baseURL: server.url,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1440, height: 900 },
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    stop: async () => {
      await browser.close();
      await server.stop();
    },
  };
}

/** Saves a screenshot under .screenshots/ for people to look at (not compared by the tests). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ROOT, '.screenshots', `${name}.png`), fullPage: true });
}
