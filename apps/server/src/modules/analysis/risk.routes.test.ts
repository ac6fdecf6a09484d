import type { RiskPage, RiskScoreView } from '@yufang/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { auditLog, employer, hazard, injuryCase } from '../../core/db/schema.js';

const YEAR = 2025;
const YONGAN = '350481';

let env: TestEnv;
let city: Session;
let yongan: Session;
let sanyuan: Session;
let hotId: string;

beforeAll(async () => {
  env = await testApp();
  city = await login(env.app, 'cityadmin');
  yongan = await login(env.app, 'yongan');
  sanyuan = await login(env.app, 'sanyuan');
  // one 永安 employer has a run of serious injuries in the scored year: it must top the ranking
  const [hot] = await env.core.db
    .select()
    .from(employer)
    .where(and(eq(employer.countyCode, YONGAN), eq(employer.insuranceStatus, 'insured')))
    .limit(1);
  if (!hot) throw new Error('no insured 永安 employer in the demo data');
  hotId = hot.id;
  await env.core.db.insert(injuryCase).values(
    Array.from({ length: 25 }, (_, i) => ({
      caseNo: `RISK-TEST-${i}`,
      employerId: hot.id,
      countyCode: hot.countyCode,
      workerName: '测试',
      occurredAt: new Date(Date.UTC(YEAR, i % 12, 10)),
      severity: i % 5 === 0 ? ('death' as const) : ('serious' as const),
      lostWorkdays: 120,
      recognitionResult: 'recognised' as const,
      industryCode: hot.industryCode,
      source: 'form' as const,
    })),
  );
  const res = await city.post('/api/v1/analysis/risk/recompute', { year: YEAR });
  expect(res.statusCode).toBe(200);
});
afterAll(() => env.close());

async function all(session: Session, query = ''): Promise<RiskScoreView[]> {
  const out: RiskScoreView[] = [];
  let cursor: string | null = null;
  do {
    const res = await session.get(
      `/api/v1/analysis/risk?year=${YEAR}&limit=7${query}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.statusCode).toBe(200);
    const page = res.json() as RiskPage;
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

describe('risk-index ranking', () => {
  it('ranks every employer of the city once, highest score first, the engineered employer on top', async () => {
    const ranked = await all(city);
    // 3 per county and the demo industry association
    expect(ranked.length).toBe(34);
    expect(new Set(ranked.map((r) => r.employerId)).size).toBe(34);
    const scores = ranked.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(ranked[0]?.employerId).toBe(hotId);
    expect(ranked[0]?.cases).toBeGreaterThanOrEqual(25);
  });

  it('shows the factors behind the score and proposes monitoring with a reason', async () => {
    const res = await city.get(`/api/v1/analysis/risk/${hotId}?year=${YEAR}`);
    expect(res.statusCode).toBe(200);
    const hot = res.json() as RiskScoreView;
    expect(hot.factors.map((f) => f.key)).toEqual(['incidence', 'severity', 'trend', 'hazards']);
    expect(hot.score).toBeCloseTo(
      hot.factors.reduce((s, f) => s + f.contribution, 0),
      0,
    );
    const incidence = hot.factors.find((f) => f.key === 'incidence');
    expect(incidence?.observed).toBeGreaterThan(incidence?.expected ?? Infinity);
    // the engineered cases alone: 5 deaths × 10 + 20 serious × 3 + 20 × 120 lost days ÷ 100 = 134 severity points
    expect(hot.deaths).toBeGreaterThanOrEqual(5);
    expect(hot.serious).toBeGreaterThanOrEqual(20);
    expect(hot.factors.find((f) => f.key === 'severity')?.observed).toBeGreaterThanOrEqual(134);
    expect(hot.monitorSuggested).toBe(true);
    expect(hot.monitorReason).toMatch(/达到建议阈值 30/);
    expect(hot.can.viewEmployer).toBe(true);
  });

  it('counts the hazards open at the end of the year, overdue ones extra, in the hazards factor', async () => {
    const before = (await city.get(`/api/v1/analysis/risk/${hotId}?year=${YEAR}`)).json() as RiskScoreView;
    const base = before.factors.find((f) => f.key === 'hazards');
    const common = {
      employerId: hotId,
      countyCode: YONGAN,
      category: 'safety' as const,
      description: '测试隐患',
      location: '车间',
      responsibleUnit: 'yjj',
      source: 'department' as const,
    };
    await env.core.db.insert(hazard).values([
      // open at year end and past its deadline: counts, overdue
      {
        ...common,
        hazardNo: 'RISK-H1',
        level: 'major',
        foundOn: `${YEAR}-06-01`,
        deadline: `${YEAR}-07-01`,
        status: 'rectifying',
      },
      // closed within the year: does not count
      {
        ...common,
        hazardNo: 'RISK-H2',
        level: 'general',
        foundOn: `${YEAR}-03-01`,
        deadline: `${YEAR}-04-01`,
        status: 'closed',
        closedAt: new Date(`${YEAR}-05-01T00:00:00+08:00`),
      },
      // found after the year: does not count
      {
        ...common,
        hazardNo: 'RISK-H3',
        level: 'general',
        foundOn: `${YEAR + 1}-01-05`,
        deadline: `${YEAR + 1}-02-05`,
        status: 'notified',
      },
    ]);
    expect((await city.post('/api/v1/analysis/risk/recompute', { year: YEAR })).statusCode).toBe(200);
    const after = (await city.get(`/api/v1/analysis/risk/${hotId}?year=${YEAR}`)).json() as RiskScoreView;
    const factor = after.factors.find((f) => f.key === 'hazards');
    expect(factor?.observed).toBe((base?.observed ?? 0) + 1);
    expect(factor?.expected).toBe((base?.expected ?? 0) + 1);
    // a major hazard (3 points) overdue (2 more) adds 5 of the 6-point cap
    expect(factor?.value).toBe((base?.value ?? 0) + 5);
    expect(factor?.contribution).toBeCloseTo(Math.min(1, (factor?.value ?? 0) / 6) * 15, 1);
  });

  it('returns the parameters in force with their source', async () => {
    const page = (await city.get(`/api/v1/analysis/risk?year=${YEAR}&limit=1`)).json() as RiskPage;
    expect(page.params.weights).toEqual({ incidence: 0.4, severity: 0.3, trend: 0.15, hazards: 0.15 });
    expect(page.paramsSource).toMatch(/平台默认参数/);
    expect(page.can.recompute).toBe(true);
    expect(page.computedAt).not.toBeNull();
  });

  it('filters by county, industry, key industry and the monitoring proposal', async () => {
    const ranked = await all(city);
    const first = ranked[0] as RiskScoreView;
    const byIndustry = await all(city, `&industryCode=${first.industryCode}`);
    expect(byIndustry.every((r) => r.industryCode === first.industryCode)).toBe(true);
    expect(byIndustry.length).toBe(ranked.filter((r) => r.industryCode === first.industryCode).length);
    const key = await all(city, '&keyIndustry=true');
    expect(key.length).toBe(ranked.filter((r) => r.keyIndustry).length);
    const suggested = await all(city, '&monitorSuggested=true');
    expect(suggested.map((r) => r.employerId)).toContain(hotId);
    expect(suggested.every((r) => r.monitorSuggested && r.monitorReason)).toBe(true);
    const county = await all(city, `&countyCode=${YONGAN}`);
    expect(county.length).toBe(3);
  });

  it('rejects a malformed year or cursor with the field named', async () => {
    const bad = await city.get('/api/v1/analysis/risk?year=1999');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/年份/);
    const cursor = await city.get('/api/v1/analysis/risk?cursor=nonsense');
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().message).toMatch(/翻页标记/);
  });
});

describe('risk-index scope and permissions', () => {
  it('shows a county officer only their county, with the same scores as the city ranking', async () => {
    const cityScores = new Map((await all(city)).map((r) => [r.employerId, r.score]));
    const own = await all(yongan);
    expect(own.length).toBe(3);
    expect(own.every((r) => r.countyCode === YONGAN)).toBe(true);
    for (const r of own) expect(r.score).toBe(cityScores.get(r.employerId));
    // a filter on another county gives nothing rather than that county
    expect(await all(yongan, '&countyCode=350404')).toEqual([]);
  });

  it('answers 404 for an employer of another county', async () => {
    const res = await sanyuan.get(`/api/v1/analysis/risk/${hotId}?year=${YEAR}`);
    expect(res.statusCode).toBe(404);
  });

  it('refuses the ranking without analysis.read and the recomputation without analysis.report', async () => {
    const employerUser = await login(env.app, 'employer01');
    expect((await employerUser.get('/api/v1/analysis/risk')).statusCode).toBe(403);
    const unit = await login(env.app, 'yingji');
    expect((await unit.post('/api/v1/analysis/risk/recompute', { year: YEAR })).statusCode).toBe(403);
  });

  it('computes a year on its first read, audited as the platform', async () => {
    const page = (await city.get('/api/v1/analysis/risk?year=2024&limit=5')).json() as RiskPage;
    expect(page.year).toBe(2024);
    expect(page.items).toHaveLength(5);
    const rows = await env.core.db.select().from(auditLog).where(eq(auditLog.action, 'analysis.risk.recompute'));
    expect(rows.find((r) => r.objectId === '2024')?.username).toBe('system');
  });

  it('audits the recomputation', async () => {
    const rows = await env.core.db.select().from(auditLog).where(eq(auditLog.action, 'analysis.risk.recompute'));
    const mine = rows.find((r) => r.username === 'cityadmin');
    expect(mine?.objectId).toBe(String(YEAR));
    expect(mine?.changes).toMatchObject({ year: YEAR, employers: 34 });
  });
});
