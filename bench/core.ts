// The platform core a benchmark runs against: PGlite in a data folder under `work`, or a new PostgreSQL database
// when DATABASE_URL is set (created here, dropped on close), with a throw-away personal-data key.
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../apps/server/src/config/env.js';
import { createCore } from '../apps/server/src/core/boot.js';
import type { Core } from '../apps/server/src/core/context.js';

export interface BenchCore {
  core: Core;
  close(): Promise<void>;
}

export async function openBenchCore(work: string): Promise<BenchCore> {
  let dropDatabase = async (): Promise<void> => undefined;
  let databaseUrl: string | undefined;
  if (process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    const name = `yufang_bench_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  }
  const dataDir = path.join(work, 'data');
  await mkdir(dataDir, { recursive: true });
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    YUFANG_DATA_DIR: dataDir,
    YUFANG_PII_KEY: randomBytes(32).toString('base64'),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const noop = () => undefined;
  const log = { info: noop, error: noop, warn: noop, debug: noop, fatal: noop, trace: noop, level: 'silent' };
  const core = await createCore(config, { ...log, child: () => log } as never);
  return {
    core,
    close: async () => {
      await core.database.close();
      await dropDatabase();
    },
  };
}
