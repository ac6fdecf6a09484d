import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HazardDetail, HazardView } from '@yufang/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { employer } from '../../core/db/schema.js';
import { syncExchangeHazards } from './hazard.exchange.js';

let env: TestEnv;
let dataDir: string;
let yingji: Session;
let company: Session;
let secret: string;
let emp: { uscc: string; countyCode: string };

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'yufang-hazard-'));
  env = await testApp({ env: { YUFANG_DATA_DIR: dataDir } });
  yingji = await login(env.app, 'yingji');
  company = await login(env.app, 'employer01');
  const [e] = await env.core.db
    .select({ uscc: employer.uscc, countyCode: employer.countyCode })
    .from(employer)
    .where(eq(employer.id, company.me.scope.find((s) => s.kind === 'employer')?.code ?? ''));
  emp = e as typeof emp;
  const res = await yingji.post('/api/v1/exchange/tokens', {
    name: '隐患系统',
    system: '安全生产隐患排查治理系统',
    dataSets: ['yjj.hazard'],
  });
  expect(res.statusCode).toBe(201);
  secret = res.json().secret;
});
afterAll(async () => {
  await env.close();
  await rm(dataDir, { recursive: true, force: true });
});

const record = (no: string, rectified: boolean) => ({
  hazard_no: no,
  found_on: '2026-11-20',
  employer_uscc: emp.uscc,
  county_code: emp.countyCode,
  level: 'major',
  description: '液氨储罐区可燃气体报警器失效',
  rectified,
});

async function push(rows: unknown[]) {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/exchange/data-sets/yjj.hazard/records',
    headers: { authorization: `Bearer ${secret}` },
    payload: rows as object,
  });
  expect(res.statusCode).toBe(200);
}

async function byNo(no: string): Promise<HazardView | undefined> {
  const page = (await yingji.get('/api/v1/hazards?limit=200')).json() as { items: HazardView[] };
  return page.items.find((h) => h.hazardNo === no);
}

describe('yjj.hazard records become hazards', () => {
  it('once per record (by its number) right after the load, waiting for the notice; rectified records close their hazard once', async () => {
    await push([record('YH-X-1', false), record('YH-X-2', true)]);
    // carried over by the load itself; the hourly sweep finds nothing left to do
    expect(await syncExchangeHazards(env.core, new Date())).toEqual({ created: 0, closed: 0 });
    const open = await byNo('YJJ-YH-X-1');
    expect(open).toMatchObject({ status: 'reported', source: 'exchange', level: 'major', deadline: '2027-02-18' });
    expect((await byNo('YJJ-YH-X-2'))?.status).toBe('closed');

    // the employer sees it only once notified
    expect((await company.get(`/api/v1/hazards/${open?.id}`)).statusCode).toBe(404);
    // an officer of the unit sends the rectification notice
    const notified = await yingji.post(`/api/v1/hazards/${open?.id}/notify`, { version: open?.version });
    expect(notified.statusCode).toBe(200);
    expect((notified.json() as HazardDetail).status).toBe('notified');
    expect((await company.get(`/api/v1/hazards/${open?.id}`)).statusCode).toBe(200);

    await push([record('YH-X-1', true)]);
    expect(await syncExchangeHazards(env.core, new Date())).toEqual({ created: 0, closed: 0 });
    const detail = (await yingji.get(`/api/v1/hazards/${open?.id}`)).json() as HazardDetail;
    expect(detail.status).toBe('closed');
    expect(detail.events.map((e) => e.action)).toEqual(['report', 'notify', 'exchange.rectified']);
  });
});
