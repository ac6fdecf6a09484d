import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { MeView } from '@yufang/contracts';
import type { Response as InjectResponse } from 'light-my-request';
import pg from 'pg';
import { inject } from 'vitest';
import { type App, buildApp } from '../src/app.js';
import { loadConfig } from '../src/config/env.js';
import { createCore } from '../src/core/boot.js';
import type { Core } from '../src/core/context.js';
import { type Database, openDatabase, PGLITE_EXTENSIONS } from '../src/core/db/index.js';
import { DEMO_PASSWORD } from '../src/demo/accounts.js';
import { seedDemo } from '../src/demo/seed.js';
import { databaseUrl } from './global-setup.js';

/** A clean, migrated database of its own for one test file (PGlite in memory, or a new PostgreSQL database). */
export async function testDatabase(): Promise<Database> {
  const info = inject('testDb');
  if (info.kind === 'pglite') {
    const client = await PGlite.create({
      loadDataDir: new Blob([await readFile(info.dumpPath)]),
      extensions: PGLITE_EXTENSIONS,
    });
    const database = await openDatabase({ pglite: client });
    return { ...database, close: () => client.close() };
  }
  const name = `yufang_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: info.serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${info.template}`);
  const database = await openDatabase({ url: databaseUrl(info.serverUrl, name) });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export interface TestEnv {
  core: Core;
  app: App;
  close(): Promise<void>;
}

/** The whole application on a fresh database with the demo data (a few employers per county). */
export async function testApp(options: { env?: Record<string, string> } = {}): Promise<TestEnv> {
  const database = await testDatabase();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    YUFANG_PII_KEY: randomBytes(32).toString('base64'),
    ...options.env,
  });
  const core = await createCore(config, silentLogger(), database);
  await seedDemo(core.db, { employersPerCounty: 3, pii: core.pii });
  const app = await buildApp(core);
  await app.ready();
  return {
    core,
    app,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

function silentLogger() {
  const noop = () => undefined;
  const log = {
    info: noop,
    error: noop,
    warn: noop,
    debug: noop,
    fatal: noop,
    trace: noop,
    silent: noop,
    level: 'silent',
  };
  return { ...log, child: () => log } as never;
}

export interface Session {
  me: MeView;
  cookie: string;
  get(url: string): Promise<InjectResponse>;
  post(url: string, body?: unknown): Promise<InjectResponse>;
  put(url: string, body?: unknown): Promise<InjectResponse>;
}

/** Signs in through the API and returns helpers that send the session cookie and the CSRF token. */
export async function login(app: App, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const me = res.json() as MeView;
  const headers = () => ({ cookie, 'x-csrf-token': me.csrfToken });
  return {
    me,
    cookie,
    get: (url) => app.inject({ method: 'GET', url, headers: headers() }),
    post: (url, body) =>
      app.inject({
        method: 'POST',
        url,
        headers: headers(),
        ...(body === undefined ? {} : { payload: body as object }),
      }),
    put: (url, body) => app.inject({ method: 'PUT', url, headers: headers(), payload: body as object }),
  };
}
