import { type FindingView, idCheckChar } from '@yufang/contracts';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { employer, employerHeadcount, reconcileFinding } from '../../core/db/schema.js';
import { addDays } from './reconcile.rules.js';
import { beijingToday, runReconciliation } from './reconcile.service.js';

let env: TestEnv;
let city: Session;
const tokens: Record<string, string> = {};
type Emp = { id: string; uscc: string; countyCode: string };
let e: Emp[] = [];
const today = beijingToday();
const daysAgo = (n: number) => addDays(today, -n);

async function token(session: Session, dataSet: string) {
  const res = await session.post('/api/v1/exchange/tokens', { name: dataSet, system: 'test', dataSets: [dataSet] });
  expect(res.statusCode).toBe(201);
  tokens[dataSet] = res.json().secret;
}

async function push(code: string, body: unknown[]) {
  const res = await env.app.inject({
    method: 'POST',
    url: `/api/v1/exchange/data-sets/${code}/records`,
    headers: { authorization: `Bearer ${tokens[code]}` },
    payload: body as object,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const accident = (no: string, emp: Emp, date: string, casualties: [number, number, number]) => ({
  accident_no: no,
  occurred_at: `${date} 10:00`,
  employer_uscc: emp.uscc,
  county_code: emp.countyCode,
  category: '01',
  deaths: casualties[0],
  serious_injuries: casualties[1],
  minor_injuries: casualties[2],
});
const recognition = (no: string, emp: Emp, date: string, kind: string) => ({
  decision_no: no,
  employer_uscc: emp.uscc,
  county_code: emp.countyCode,
  id_number: `35040319900101123${idCheckChar('35040319900101123')}`,
  accident_date: date,
  result: 'recognised',
  injury_kind: kind,
});
const project = (no: string, emp: Emp, insured: boolean) => ({
  project_no: no,
  project_name: `${no} 安置房工程`,
  employer_uscc: emp.uscc,
  county_code: emp.countyCode,
  start_date: daysAgo(30),
  contract_amount: '3000000',
  project_insured: insured ? '是' : '否',
});

async function findings(session: Session, query = ''): Promise<FindingView[]> {
  const out: FindingView[] = [];
  let cursor: string | null = null;
  do {
    const res = await session.get(`/api/v1/reconcile/findings?limit=200${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    out.push(...res.json().items);
    cursor = res.json().nextCursor;
  } while (cursor);
  return out;
}
const keysOf = (list: FindingView[], rule: string) =>
  list
    // demo loads (natural keys SM…) are left out: only the records of this test count
    .filter(
      (f) => f.rule === rule && (f.status === 'open' || f.status === 'checking') && !f.recordKey?.startsWith('SM'),
    )
    .map((f) => f.subjectKey)
    .sort();

beforeAll(async () => {
  env = await testApp();
  city = await login(env.app, 'cityadmin');
  const yingji = await login(env.app, 'yingji');
  const zhujian = await login(env.app, 'zhujian');
  await token(yingji, 'yjj.accident');
  await token(city, 'rsj.recognition');
  await token(zhujian, 'zjj.project');
  const yongan = await env.core.db
    .select({ id: employer.id, uscc: employer.uscc, countyCode: employer.countyCode })
    .from(employer)
    .where(eq(employer.countyCode, '350481'))
    .limit(3);
  const [sanyuan] = await env.core.db
    .select({ id: employer.id, uscc: employer.uscc, countyCode: employer.countyCode })
    .from(employer)
    .where(eq(employer.countyCode, '350404'))
    .limit(1);
  e = [...yongan, sanyuan as Emp];
  // dates long before the demo loads (last two years), so demo records never match the test's
  await push('yjj.accident', [
    accident('A-miss', e[0] as Emp, daysAgo(2000), [0, 1, 0]), // (a) no recognition
    accident('A-ok', e[1] as Emp, daysAgo(2000), [1, 0, 0]), // recognised
    accident('A-recent', e[2] as Emp, daysAgo(10), [0, 0, 3]), // still within the window
    accident('A-none', e[3] as Emp, daysAgo(2000), [0, 0, 0]), // no casualties
  ]);
  await push('rsj.recognition', [
    recognition('R-ok', e[1] as Emp, daysAgo(2000), 'production_safety'),
    recognition('R-orphan', e[3] as Emp, daysAgo(1950), 'production_safety'), // (b)
    recognition('R-traffic', e[2] as Emp, daysAgo(50), 'traffic'),
  ]);
  await push('zjj.project', [project('P-no', e[3] as Emp, false), project('P-yes', e[0] as Emp, true)]);
});
afterAll(() => env.close());

describe('reconciliation rules', () => {
  it('(a) flags accidents with casualties and no recognition once the window has passed', async () => {
    expect(keysOf(await findings(city), 'accident_without_recognition')).toEqual(['yjj.accident:A-miss']);
  });

  it('(b) flags production-safety recognitions without a matching accident', async () => {
    expect(keysOf(await findings(city), 'recognition_without_accident')).toEqual(['rsj.recognition:R-orphan']);
  });

  it('(d) flags construction projects without project-based insurance', async () => {
    expect(keysOf(await findings(city), 'project_without_insurance')).toEqual(['zjj.project:P-no']);
  });

  it('(c) flags a workforce above the latest insured headcount by more than the margin', async () => {
    const emp = e[0] as Emp;
    const [latest] = await env.core.db
      .select()
      .from(employerHeadcount)
      .where(eq(employerHeadcount.employerId, emp.id))
      .orderBy(desc(employerHeadcount.month))
      .limit(1);
    if (!latest) throw new Error('demo employer without headcount');
    await env.core.db
      .update(employer)
      .set({ workforce: Math.floor(latest.insuredCount * 1.1) })
      .where(eq(employer.id, emp.id));
    await runReconciliation(env.core.db, env.core.regions);
    expect(keysOf(await findings(city), 'workforce_exceeds_insured')).not.toContain(`employer:${emp.id}`);
    await env.core.db
      .update(employer)
      .set({ workforce: latest.insuredCount * 2 + 5 })
      .where(eq(employer.id, emp.id));
    await runReconciliation(env.core.db, env.core.regions);
    expect(keysOf(await findings(city), 'workforce_exceeds_insured')).toContain(`employer:${emp.id}`);
  });

  it('does not duplicate open items when re-run', async () => {
    const before = (await env.core.db.select().from(reconcileFinding)).length;
    const result = await runReconciliation(env.core.db, env.core.regions);
    expect(result.opened).toBe(0);
    expect((await env.core.db.select().from(reconcileFinding)).length).toBe(before);
  });

  it('closes an item automatically, with a note, when its cause disappears', async () => {
    await push('zjj.project', [project('P-no', e[3] as Emp, true)]);
    const [item] = (await findings(city, '&rule=project_without_insurance')).filter((f) => f.recordKey === 'P-no');
    expect(item?.status).toBe('resolved');
    expect(item?.notes.at(-1)).toMatchObject({ username: '系统', to: 'resolved' });
    await push('zjj.project', [project('P-no', e[3] as Emp, false)]);
    const [again] = (await findings(city, '&rule=project_without_insurance')).filter((f) => f.recordKey === 'P-no');
    expect(again?.status).toBe('open');
  });
});

describe('the work queue', () => {
  it('scopes items: a county sees its own, a unit its own, the city all', async () => {
    const yongan = await findings(await login(env.app, 'yongan'));
    expect(yongan.every((f) => f.countyCode === '350481')).toBe(true);
    expect(yongan.map((f) => f.subjectKey)).toContain('yjj.accident:A-miss');
    const sanyuan = await findings(await login(env.app, 'sanyuan'));
    expect(sanyuan.map((f) => f.subjectKey)).not.toContain('yjj.accident:A-miss');
    expect(sanyuan.map((f) => f.subjectKey)).toContain('zjj.project:P-no');
    const zhujian = await findings(await login(env.app, 'zhujian'));
    expect(new Set(zhujian.map((f) => f.ownerUnit))).toEqual(new Set(['zjj']));
    const weijian = await findings(await login(env.app, 'weijian'));
    expect(weijian).toEqual([]);
    const id = yongan.find((f) => f.subjectKey === 'yjj.accident:A-miss')?.id;
    expect((await (await login(env.app, 'sanyuan')).get(`/api/v1/reconcile/findings/${id}`)).statusCode).toBe(404);
  });

  it('moves through statuses: notes required to resolve or dismiss, stale version → 409', async () => {
    const yongan = await login(env.app, 'yongan');
    const item = (await findings(yongan)).find((f) => f.subjectKey === 'yjj.accident:A-miss') as FindingView;
    const url = `/api/v1/reconcile/findings/${item.id}/transition`;
    const checking = await yongan.post(url, { status: 'checking', version: item.version });
    expect(checking.statusCode, checking.body).toBe(200);
    expect(checking.json().status).toBe('checking');
    const stale = await yongan.post(url, { status: 'resolved', note: '已补报', version: item.version });
    expect(stale.statusCode).toBe(409);
    const noNote = await yongan.post(url, { status: 'resolved', version: checking.json().version });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().message).toContain('请填写处理说明');
    const resolved = await yongan.post(url, {
      status: 'resolved',
      note: '已督促单位申请工伤认定',
      version: checking.json().version,
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().notes.at(-1)).toMatchObject({
      username: 'yongan',
      to: 'resolved',
      note: '已督促单位申请工伤认定',
    });
    const bad = await yongan.post(url, { status: 'checking', version: resolved.json().version });
    expect(bad.statusCode).toBe(400);
    // a person's resolution stays: the next run does not reopen it
    await runReconciliation(env.core.db, env.core.regions);
    expect((await yongan.get(`/api/v1/reconcile/findings/${item.id}`)).json().status).toBe('resolved');
  });
});

describe('sweep and demo', () => {
  it('runs as the reconcile.sweep scheduler job', async () => {
    expect(await env.core.scheduler.tick(new Date(Date.now() + 7_200_000))).toContain('reconcile.sweep');
  });

  it('gives the demo queue real mismatches of every cross-source rule', async () => {
    const demo = (await findings(city)).filter((f) => f.recordKey?.startsWith('SM'));
    for (const rule of ['accident_without_recognition', 'recognition_without_accident', 'project_without_insurance']) {
      expect(
        demo.some((f) => f.rule === rule),
        rule,
      ).toBe(true);
    }
  });
});
