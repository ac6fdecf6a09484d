import type { IndustryCycleView, LedgerCountyStatus, LedgerView } from '@yufang/contracts';
import { and, eq, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { auditLog, employer, employerRisk } from '../../core/db/schema.js';
import { beijingDate } from '../hazard/hazard.rules.js';

let env: TestEnv;
let city: Session;
let sanyuan: Session;
let yongan: Session;
let county: string;
let other: string;
// a year the demo data leaves alone
const YEAR = 2031;
const base = () => `/api/v1/ledgers/${county}/${YEAR}`;

beforeAll(async () => {
  env = await testApp();
  [city, sanyuan, yongan] = [
    await login(env.app, 'cityadmin'),
    await login(env.app, 'sanyuan'),
    await login(env.app, 'yongan'),
  ];
  county = sanyuan.me.scope.find((s) => s.kind === 'region')?.code ?? '';
  other = yongan.me.scope.find((s) => s.kind === 'region')?.code ?? '';
});
afterAll(() => env.close());

describe('county ledgers', () => {
  let ledger: LedgerView;
  let riskEmployer: string;

  it('proposes revision 1 from the registry and the risk index, all included', async () => {
    const { db } = env.core;
    // one of the county's employers outside the key and dust industries, proposed by the risk index alone
    const [plain] = await db
      .update(employer)
      .set({ keyIndustry: false, dustHazard: false })
      .where(
        eq(
          employer.id,
          (await db.select({ id: employer.id }).from(employer).where(eq(employer.countyCode, county)))[0]?.id as string,
        ),
      )
      .returning({ id: employer.id, industryCode: employer.industryCode });
    expect(plain).toBeDefined();
    riskEmployer = plain?.id as string;
    await db.insert(employerRisk).values({
      year: YEAR - 1,
      employerId: riskEmployer,
      countyCode: county,
      industryCode: plain?.industryCode as string,
      keyIndustry: false,
      score: 81.5,
      workerYears: 100,
      cases: 3,
      deaths: 0,
      serious: 1,
      factors: [],
      monitorSuggested: true,
      monitorReason: '近三年工伤发生率高于全市同行业',
      computedAt: new Date(),
    });
    const registry = await db
      .select({ id: employer.id })
      .from(employer)
      .where(and(eq(employer.countyCode, county), or(eq(employer.keyIndustry, true), eq(employer.dustHazard, true))));

    const res = await sanyuan.post(base());
    expect(res.statusCode).toBe(201);
    ledger = res.json();
    expect(ledger).toMatchObject({ revision: 1, status: 'draft', countyCode: county, year: YEAR });
    expect(ledger.entries.every((e) => e.decision === 'included')).toBe(true);
    const reg = ledger.entries.filter((e) => e.basis === 'registry');
    expect(reg.map((e) => e.employerId).sort()).toEqual(registry.map((r) => r.id).sort());
    expect(reg.every((e) => e.category !== null)).toBe(true);
    expect(ledger.entries.find((e) => e.employerId === riskEmployer)).toMatchObject({
      basis: 'risk_index',
      proposedReason: '近三年工伤发生率高于全市同行业',
      riskScore: 81.5,
    });
    // proposing twice is a conflict
    expect((await sanyuan.post(base())).statusCode).toBe(409);
  });

  it('exclusion needs a reason; 409 on a stale version', async () => {
    const bad = await sanyuan.post(`${base()}/decide`, {
      version: ledger.version,
      employerId: riskEmployer,
      decision: 'excluded',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('reason');
    const ok = await sanyuan.post(`${base()}/decide`, {
      version: ledger.version,
      employerId: riskEmployer,
      decision: 'excluded',
      reason: '已停产，不再列入',
    });
    expect(ok.statusCode).toBe(200);
    const after: LedgerView = ok.json();
    expect(after.entries.find((e) => e.employerId === riskEmployer)).toMatchObject({
      decision: 'excluded',
      decisionReason: '已停产，不再列入',
    });
    const stale = await sanyuan.post(`${base()}/decide`, {
      version: ledger.version,
      employerId: riskEmployer,
      decision: 'included',
    });
    expect(stale.statusCode).toBe(409);
    ledger = after;
  });

  it('confirms, amends into revision 2 (reason required) and supersedes on confirmation', async () => {
    const confirmed = await sanyuan.post(`${base()}/confirm`, { version: ledger.version });
    expect(confirmed.statusCode).toBe(200);
    ledger = confirmed.json();
    expect(ledger).toMatchObject({ status: 'confirmed', revision: 1 });
    expect(ledger.confirmedByName).toBeTruthy();
    // a confirmed list is not edited in place
    expect(
      (
        await sanyuan.post(`${base()}/decide`, {
          version: ledger.version,
          employerId: riskEmployer,
          decision: 'included',
        })
      ).statusCode,
    ).toBe(409);
    expect((await sanyuan.post(`${base()}/amend`, { version: ledger.version })).statusCode).toBe(400);
    const amended = await sanyuan.post(`${base()}/amend`, {
      version: ledger.version,
      amendReason: '企业复产，重新纳入',
    });
    expect(amended.statusCode).toBe(200);
    const rev2: LedgerView = amended.json();
    expect(rev2).toMatchObject({ revision: 2, status: 'draft', amendReason: '企业复产，重新纳入' });
    expect(rev2.entries.length).toBe(ledger.entries.length);
    const inc = await sanyuan.post(`${base()}/decide`, {
      version: rev2.version,
      employerId: riskEmployer,
      decision: 'included',
    });
    expect(inc.statusCode).toBe(200);
    const done = await sanyuan.post(`${base()}/confirm`, { version: inc.json().version });
    expect(done.json()).toMatchObject({ revision: 2, status: 'confirmed' });
    const history = (await sanyuan.get(`${base()}/revisions`)).json();
    expect(history.map((h: { revision: number; status: string }) => [h.revision, h.status])).toEqual([
      [2, 'confirmed'],
      [1, 'superseded'],
    ]);
    const rev1: LedgerView = (await sanyuan.get(`${base()}/revisions/1`)).json();
    expect(rev1.entries.find((e) => e.employerId === riskEmployer)?.decision).toBe('excluded');
    const audits = await env.core.db.select().from(auditLog).where(eq(auditLog.action, 'ledger.confirm'));
    expect(audits.length).toBeGreaterThanOrEqual(2);
  });

  it('adds an enterprise of the county with a reason only', async () => {
    const rev = (await sanyuan.get(base())).json() as LedgerView;
    const amended: LedgerView = (
      await sanyuan.post(`${base()}/amend`, { version: rev.version, amendReason: '新增一家企业' })
    ).json();
    await env.core.db
      .insert(employer)
      .values({ uscc: '91350400TEST00001X', name: '测试新增企业', countyCode: county, industryCode: '14' });
    const options = (await sanyuan.get(`${base()}/employers?q=测试新增`)).json() as { id: string }[];
    const candidate = options[0] as { id: string };
    expect(candidate).toBeDefined();
    expect(
      (await sanyuan.post(`${base()}/entries`, { version: amended.version, employerId: candidate.id })).statusCode,
    ).toBe(400);
    const ok = await sanyuan.post(`${base()}/entries`, {
      version: amended.version,
      employerId: candidate.id,
      reason: '群众举报隐患较多',
    });
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as LedgerView).entries.find((e) => e.employerId === candidate.id)?.basis).toBe('county');
  });

  it('exports the ledger (audited)', async () => {
    const res = await env.app.inject({ method: 'GET', url: `${base()}/export`, headers: { cookie: sanyuan.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await env.core.db.select().from(auditLog).where(eq(auditLog.action, 'ledger.export'));
    expect(rows.length).toBe(1);
  });

  it('keeps a county officer to their own county; the city sees all counties', async () => {
    expect((await yongan.get(base())).statusCode).toBe(404);
    expect((await yongan.post(base())).statusCode).toBe(404);
    expect((await yongan.get(`${base()}/revisions`)).statusCode).toBe(404);
    const mine: LedgerCountyStatus[] = (await yongan.get(`/api/v1/ledgers?year=${YEAR}`)).json();
    expect(mine.map((c) => c.countyCode)).toEqual([other]);
    const all: LedgerCountyStatus[] = (await city.get(`/api/v1/ledgers?year=${YEAR}`)).json();
    expect(all.length).toBe(11);
    expect(all.find((c) => c.countyCode === county)).toMatchObject({
      status: 'draft',
      revision: 3,
      confirmedRevision: 2,
    });
    expect(all.find((c) => c.countyCode === other)?.status).toBe('none');
  });

  it('the demo has last year confirmed in every county and drafts this year in a few', async () => {
    const lastYear = Number(beijingDate(new Date()).slice(0, 4)) - 1;
    const all: LedgerCountyStatus[] = (await city.get(`/api/v1/ledgers?year=${lastYear}`)).json();
    expect(all.every((c) => c.status === 'confirmed')).toBe(true);
    const now: LedgerCountyStatus[] = (await city.get(`/api/v1/ledgers?year=${lastYear + 1}`)).json();
    expect(now.filter((c) => c.status === 'draft').length).toBe(3);
  });

  it('needs ledger.manage to change and ledger.read to read', async () => {
    const employer01 = await login(env.app, 'employer01');
    expect((await employer01.get(`/api/v1/ledgers?year=${YEAR}`)).statusCode).toBe(403);
    expect((await employer01.post(base())).statusCode).toBe(403);
  });
});

describe('key-industry cycles', () => {
  it('lists both sets with names and in-scope counts', async () => {
    const res = await sanyuan.get('/api/v1/industry-cycles');
    expect(res.statusCode).toBe(200);
    const cycles: IndustryCycleView[] = res.json();
    const key = cycles.find((c) => c.key === 'industry.key');
    expect(key).toMatchObject({ effectiveFrom: '2021-01-01', effectiveTo: null, inForce: true });
    expect(key?.categories[0]?.codes[0]).toEqual({ code: '06', name: expect.any(String) });
    expect(cycles.some((c) => c.key === 'industry.dust')).toBe(true);
  });

  it('validates a new version: codes in GB/T 4754, no code in two categories, city admin only', async () => {
    const today = beijingDate(new Date());
    const post = (s: Session, categories: { name: string; codes: string[] }[]) =>
      s.post('/api/v1/industry-cycles', { key: 'industry.key', effectiveFrom: today, categories });
    const unknown = await post(city, [{ name: '未知', codes: ['00'] }]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields[0].field).toBe('categories.0.codes');
    const twice = await post(city, [
      { name: '矿山', codes: ['06', '08'] },
      { name: '冶金', codes: ['083'] },
    ]);
    expect(twice.statusCode).toBe(400);
    expect((await post(sanyuan, [{ name: '煤炭', codes: ['06'] }])).statusCode).toBe(403);
  });

  it('a version in force now closes the previous row and re-flags employers', async () => {
    const { db } = env.core;
    const [target] = await db
      .select({ id: employer.id, industryCode: employer.industryCode })
      .from(employer)
      .where(eq(employer.keyIndustry, false));
    const code = target?.industryCode as string;
    const today = beijingDate(new Date());
    const res = await city.post('/api/v1/industry-cycles', {
      key: 'industry.key',
      effectiveFrom: today,
      source: '测试：下一周期',
      categories: [{ name: '测试行业', codes: [code] }],
    });
    expect(res.statusCode).toBe(201);
    const created: IndustryCycleView = res.json();
    expect(created).toMatchObject({ effectiveFrom: today, effectiveTo: null, inForce: true });
    expect(created.categories[0]?.employers).toBeGreaterThan(0);
    const cycles: IndustryCycleView[] = (await city.get('/api/v1/industry-cycles')).json();
    expect(cycles.find((c) => c.key === 'industry.key' && c.effectiveFrom === '2021-01-01')?.effectiveTo).toBe(today);
    const flagged = await db.select({ code: employer.industryCode, key: employer.keyIndustry }).from(employer);
    expect(flagged.every((e) => e.key === (e.code === code))).toBe(true);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'industry.cycle.create'));
    expect(audit).toBeDefined();
  });
});
