/**
 * Where the validated import spends its time (issue 3): validates N generated rows through the import service
 * (timed: parse + row rules + staging), then runs the parts of the commit one by one inside a transaction that
 * is rolled back, so each variant starts from the same state.
 *
 *   npx tsx bench/import-phases.ts [--rows 200000]      PGlite; DATABASE_URL=postgres://… for PostgreSQL
 */

import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CITY_CODE } from '@yufang/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../apps/server/src/core/auth/actor.js';
import { employerSpec } from '../apps/server/src/modules/import/import.kinds.js';
import { ImportService } from '../apps/server/src/modules/import/import.service.js';
import { openBenchCore } from './core.js';
import { writeEmployerCsv } from './employers-csv.js';

const argv = process.argv.slice(2);
const rowsArg = argv.indexOf('--rows');
const ROWS = rowsArg >= 0 ? Number(argv[rowsArg + 1]) : 200_000;

async function main() {
  const work = await mkdtemp(path.join(os.tmpdir(), 'yf-bench-phases-'));
  const csv = path.join(work, 'employers.csv');
  await writeEmployerCsv(csv, ROWS);

  const bench = await openBenchCore(work);
  const core = bench.core;
  const db = core.db;
  const actor = {
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
    },
    sessionIdHash: '',
    csrfToken: '',
    passwordChangeReason: null,
    demo: false,
    ip: null,
    requestId: null,
  } as unknown as Actor;
  const imports = new ImportService(core);
  const t = performance.now();
  const job = await imports.upload(actor, 'employer', 'employers.csv', createReadStream(csv));
  await imports.settled(job.id);
  const v = await imports.get(actor, job.id);
  const timings: Record<string, number> = { validate: (performance.now() - t) / 1000 };
  if (v.status !== 'validated' || v.errorCount) throw new Error(`validation: ${v.status}`);
  if (argv.includes('--validate-only')) {
    console.log(timings);
    process.exit(0);
  }

  const timed = async (name: string, q: SQL) => {
    const s = performance.now();
    await db.execute(q);
    timings[name] = +((performance.now() - s) / 1000).toFixed(2);
  };
  const variants: [string, SQL[]][] = [
    ['commit (as shipped)', [employerSpec.commit(job.id, { id: actor.userId, username: 'bench' })]],
    [
      'insert…select, no on conflict, no history',
      [
        sql`insert into employer (uscc, name, county_code, industry_code,
      industry_group, risk_class, key_industry, dust_hazard, legal_representative, address, ownership_type, size,
      workforce, safety_contact_name, safety_contact_phone_cipher, safety_contact_phone_masked, insurance_status)
      select uscc, name, county_code, industry_code, industry_group, risk_class, key_industry, dust_hazard,
      legal_representative, address, ownership_type, size, workforce, safety_contact_name, phone_cipher,
      phone_masked, insurance_status from import_stage_employer where job_id = ${job.id}`,
      ],
    ],
    [
      'history rows alone (1 per employer)',
      [
        sql`insert into employer (uscc, name, county_code, industry_code)
      select uscc, name, county_code, industry_code from import_stage_employer where job_id = ${job.id}`,
        sql`insert into employer_history (employer_id, user_id, username, source, changes)
      select id, ${actor.userId}::uuid, 'bench', 'import', jsonb_build_object('importId', ${job.id}::text, 'action', 'create') from employer`,
      ],
    ],
    [
      'commit, work_mem + gin_pending_list_limit 64MB',
      [
        sql`set local work_mem = '64MB'`,
        sql`set local gin_pending_list_limit = '64MB'`,
        employerSpec.commit(job.id, { id: actor.userId, username: 'bench' }),
      ],
    ],
    [
      'commit, work_mem + gin_pending_list_limit 256MB',
      [
        sql`set local work_mem = '256MB'`,
        sql`set local gin_pending_list_limit = '256MB'`,
        employerSpec.commit(job.id, { id: actor.userId, username: 'bench' }),
      ],
    ],
    ['delete staging rows', [sql`delete from import_stage_employer where job_id = ${job.id}`]],
  ];
  for (const [name, qs] of variants) {
    await db.execute(sql`begin`);
    for (const [i, q] of qs.entries()) await timed(`${name}${qs.length > 1 ? ` #${i + 1}` : ''}`, q);
    await db.execute(sql`rollback`);
  }
  if (core.database.kind === 'pglite') {
    const cols =
      'uscc, name, county_code, industry_code, legal_representative, address, ownership_type, size, workforce, safety_contact_name, safety_contact_phone_masked, insurance_status';
    const client = (db as unknown as { $client: { query: (q: string, p: unknown[], o: object) => Promise<unknown> } })
      .$client;
    const { readFile } = await import('node:fs/promises');
    const lines = (await readFile(csv, 'utf8')).trimEnd().split('\n').slice(1);
    for (const [label, settings] of [
      ['plain COPY', []],
      ['COPY with 64MB', [sql`set local work_mem = '64MB'`, sql`set local gin_pending_list_limit = '64MB'`]],
    ] as const) {
      await db.execute(sql`begin`);
      for (const q of settings) await db.execute(q);
      const s = performance.now();
      for (let i = 0; i < lines.length; i += 50_000) {
        await client.query(`COPY employer (${cols}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
          blob: new Blob([`${lines.slice(i, i + 50_000).join('\n')}\n`]),
        });
      }
      timings[label] = +((performance.now() - s) / 1000).toFixed(2);
      await db.execute(sql`rollback`);
    }
  }
  console.log(JSON.stringify({ database: core.database.kind, rows: ROWS, seconds: timings }, null, 2));
  await bench.close();
  await rm(work, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
