import type { DashboardView, TargetView } from '@yufang/contracts';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { auditLog, employer, injuryCase } from '../../core/db/schema.js';

const YONGAN = '350481';
const SANYUAN = '350404';
/** 梅列区, merged into 三元区: records may still carry its code. */
const MEILIE = '350402';

let env: TestEnv;
let city: Session;
let yongan: Session;
let yingji: Session;
let trainee: Session;

beforeAll(async () => {
  env = await testApp();
  [city, yongan, yingji, trainee] = (await Promise.all(
    ['cityadmin', 'yongan', 'yingji', 'trainee01'].map((u) => login(env.app, u)),
  )) as [Session, Session, Session, Session];
});
afterAll(() => env.close());

async function dashboard(session: Session, query = ''): Promise<DashboardView> {
  const res = await session.get(`/api/v1/analysis/dashboard?yearFrom=2020&yearTo=2025${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DashboardView;
}

/** Recognised injuries 2020–2025 counted straight from the record table. */
async function recognisedInRecords(county?: string): Promise<number> {
  const res = (await env.core.db.execute(sql`
    select count(*)::int as n from injury_case
    where recognition_result in ('recognised', 'deemed') and (${county ?? null}::text is null or county_code = ${county ?? null})
      and occurred_at >= '2019-12-31T16:00:00Z' and occurred_at < '2025-12-31T16:00:00Z'`)) as unknown as {
    rows: { n: number }[];
  };
  return res.rows[0]?.n ?? 0;
}

describe('dashboard', () => {
  it('shows the city the same totals as the records, by county, with drill-down links', async () => {
    const view = await dashboard(city);
    expect(view.counties).toHaveLength(11);
    expect(view.headline.recognised).toBeGreaterThan(0);
    expect(view.headline.recognised).toBe(await recognisedInRecords());
    const byCounty = view.charts.byCounty;
    expect(byCounty?.rows).toHaveLength(11);
    expect(byCounty?.rows.reduce((s, r) => s + Number(r.cases), 0)).toBe(view.headline.recognised);
    expect(byCounty?.drill?.[0]).toMatchObject({ from: '2020-01-01', to: '2025-12-31', recognition: 'accepted' });
    expect(byCounty?.drill?.map((d) => d.county).sort()).toEqual(byCounty?.rows.map((r) => String(r.code)).sort());
    expect(view.headline.incidencePerThousand).toBeGreaterThan(0);
    expect(view.charts.pneumoconiosis?.rows.length).toBeGreaterThan(0);
    expect(view.charts.costByItem?.rows.some((r) => r.code === 'medical')).toBe(true);
    expect(view.can).toEqual({ drillDown: true, export: true });
  });

  it('keeps the aggregates exact on insert, move and delete of a record', async () => {
    const before = (await dashboard(city, `&county=${YONGAN}`)).headline.recognised;
    const [e] = await env.core.db.select().from(employer).where(eq(employer.countyCode, YONGAN)).limit(1);
    if (!e) throw new Error('no 永安 employer');
    const [row] = await env.core.db
      .insert(injuryCase)
      .values({
        caseNo: 'AGG-TEST-1',
        employerId: e.id,
        countyCode: YONGAN,
        workerName: '测试',
        occurredAt: new Date('2024-05-31T17:00:00Z'), // 2024-06-01 01:00 in Beijing
        severity: 'minor',
        lostWorkdays: 5,
        recognitionResult: 'recognised',
        industryCode: e.industryCode,
        keyIndustry: e.keyIndustry,
        source: 'form',
      })
      .returning({ id: injuryCase.id });
    expect((await dashboard(city, `&county=${YONGAN}`)).headline.recognised).toBe(before + 1);
    const june = (await dashboard(city, `&county=${YONGAN}`)).charts.byMonth?.rows.find((r) => r.code === '2024-06');
    expect(Number(june?.cases)).toBeGreaterThan(0);
    const sanyuanBefore = (await dashboard(city, `&county=${SANYUAN}`)).headline.recognised;
    await env.core.db
      .update(injuryCase)
      .set({ countyCode: SANYUAN })
      .where(eq(injuryCase.id, row?.id ?? ''));
    expect((await dashboard(city, `&county=${YONGAN}`)).headline.recognised).toBe(before);
    expect((await dashboard(city, `&county=${SANYUAN}`)).headline.recognised).toBe(sanyuanBefore + 1);
    // its fund spending counts with it, and leaves with it when the case is deleted (costs cascade)
    const costBefore = (await dashboard(city, `&county=${SANYUAN}`)).headline.costFen;
    await env.core.db.execute(
      sql`insert into injury_cost (case_id, item, amount_fen, paid_on) values (${row?.id}, 'medical', 50000, '2025-01-10')`,
    );
    expect((await dashboard(city, `&county=${SANYUAN}`)).headline.costFen).toBe(costBefore + 50000);
    await env.core.db.delete(injuryCase).where(eq(injuryCase.id, row?.id ?? ''));
    const after = await dashboard(city, `&county=${SANYUAN}`);
    expect(after.headline.recognised).toBe(sanyuanBefore);
    expect(after.headline.costFen).toBe(costBefore);
  });

  it('follows headcounts, fund spending and a reclassified employer', async () => {
    const insuredOf = async (county: string) =>
      (await dashboard(city, `&county=${county}`)).headline.averageInsured ?? 0;
    const [e] = await env.core.db
      .select()
      .from(employer)
      .where(and(eq(employer.countyCode, YONGAN), eq(employer.insuranceStatus, 'insured')))
      .limit(1);
    if (!e) throw new Error('no insured 永安 employer');
    const months = (await env.core.db.execute(sql`
      select count(*)::int as n, sum(insured_count)::int as total from employer_headcount
      where employer_id = ${e.id} and month between '2020-01-01' and '2025-12-01'`)) as unknown as {
      rows: { n: number; total: number }[];
    };
    const own = months.rows[0]?.total ?? 0;
    expect(own).toBeGreaterThan(0);
    const yonganBefore = await insuredOf(YONGAN);
    const sanyuanBefore = await insuredOf(SANYUAN);
    // moving the employer moves its whole headcount series (72 months) to the other county
    await env.core.db.update(employer).set({ countyCode: SANYUAN }).where(eq(employer.id, e.id));
    expect(await insuredOf(YONGAN)).toBeCloseTo(yonganBefore - own / 72, 6);
    expect(await insuredOf(SANYUAN)).toBeCloseTo(sanyuanBefore + own / 72, 6);
    await env.core.db.update(employer).set({ countyCode: YONGAN }).where(eq(employer.id, e.id));
    expect(await insuredOf(YONGAN)).toBeCloseTo(yonganBefore, 6);
    // one more month of 1,200 insured in 2025-12 raises the 72-month average by 1200 / 72
    await env.core.db.execute(
      sql`update employer_headcount set insured_count = insured_count + 1200 where employer_id = ${e.id} and month = '2025-12-01'`,
    );
    expect(await insuredOf(YONGAN)).toBeCloseTo(yonganBefore + 1200 / 72, 6);
    const costBefore = (await dashboard(city, `&county=${YONGAN}`)).headline.costFen;
    const [c] = await env.core.db.select().from(injuryCase).where(eq(injuryCase.countyCode, YONGAN)).limit(1);
    await env.core.db.execute(
      sql`insert into injury_cost (case_id, item, amount_fen, paid_on) values (${c?.id}, 'medical', 123456, '2025-03-15')`,
    );
    expect((await dashboard(city, `&county=${YONGAN}`)).headline.costFen).toBe(costBefore + 123456);
  });

  it('shows a county officer their county only, and no other county even when asked', async () => {
    const view = await dashboard(yongan);
    expect(view.counties.map((c) => c.code)).toEqual([YONGAN]);
    expect(view.charts.byCounty?.rows.map((r) => r.code)).toEqual([YONGAN]);
    expect(view.headline.recognised).toBe(await recognisedInRecords(YONGAN));
    const other = await yongan.get(`/api/v1/analysis/dashboard?county=${SANYUAN}`);
    expect(other.statusCode).toBe(404);
    const targets = (await yongan.get('/api/v1/analysis/targets')).json() as TargetView;
    expect(targets.lines.filter((l) => l.level === 'county').map((l) => l.code)).toEqual([YONGAN]);
  });

  it('gives member-unit officers city-wide aggregates without drill-down', async () => {
    const view = await dashboard(yingji);
    expect(view.counties).toHaveLength(11);
    expect(view.can.drillDown).toBe(false);
    expect(Object.values(view.charts).every((c) => c.drill === null)).toBe(true);
    expect((await yingji.get('/api/v1/analysis/export?chart=byYear')).statusCode).toBe(403);
  });

  it('refuses bad filters and callers without the permission', async () => {
    const bad = await city.get('/api/v1/analysis/dashboard?yearFrom=2025&yearTo=2020');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/起始年份/);
    expect((await city.get('/api/v1/analysis/dashboard?industry=abc')).statusCode).toBe(400);
    expect((await city.get('/api/v1/analysis/dashboard?keyIndustry=不存在')).statusCode).toBe(400);
    expect((await trainee.get('/api/v1/analysis/dashboard')).statusCode).toBe(403);
    expect((await trainee.get('/api/v1/analysis/targets')).statusCode).toBe(403);
  });
});

/** How many records a drill-down lists: every page of the list its parameters open. */
async function listed(session: Session, path: string, params: Record<string, string>): Promise<number> {
  let n = 0;
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ ...params, limit: '200', ...(cursor ? { cursor } : {}) });
    const res = await session.get(`/api/v1${path}?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: unknown[]; nextCursor: string | null };
    n += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return n;
}

describe('drill-down', () => {
  it('lists exactly the records behind each county-year cell, key-industry category and target line', async () => {
    // a deemed case (counted as recognised) under a retired county code, and a not-recognised one (not counted)
    const [e] = await env.core.db.select().from(employer).where(eq(employer.keyIndustry, true)).limit(1);
    if (!e) throw new Error('no key-industry employer in the demo data');
    const extra = (recognitionResult: 'deemed' | 'not_recognised', i: number) => ({
      caseNo: `DRILL-TEST-${i}`,
      employerId: e.id,
      countyCode: MEILIE,
      workerName: '测试',
      occurredAt: new Date('2024-03-01T02:00:00Z'),
      severity: 'minor' as const,
      lostWorkdays: 3,
      recognitionResult,
      industryCode: e.industryCode,
      keyIndustry: true,
      source: 'form' as const,
    });
    await env.core.db.insert(injuryCase).values([extra('deemed', 1), extra('not_recognised', 2)]);
    const all = (await city.get('/api/v1/analysis/dashboard?yearFrom=2024&yearTo=2024&keyIndustry=all')).json();
    const category = (all as DashboardView).keyIndustries.find((c) => c.codes.includes(e.industryCode));
    for (const keyIndustry of ['all', category?.name ?? '']) {
      const res = await city.get(
        `/api/v1/analysis/dashboard?yearFrom=2024&yearTo=2024&keyIndustry=${encodeURIComponent(keyIndustry)}`,
      );
      const byCounty = (res.json() as DashboardView).charts.byCounty;
      expect(byCounty?.drill?.[0]).toMatchObject({ recognition: 'accepted', from: '2024-01-01', to: '2024-12-31' });
      expect(byCounty?.drill?.[0]?.keyIndustry).toBeUndefined();
      const cells = (byCounty?.rows ?? []).map((r, i) => ({
        cases: Number(r.cases),
        drill: byCounty?.drill?.[i] ?? {},
      }));
      expect(cells.find((c) => c.drill.county === SANYUAN)?.cases).toBeGreaterThan(0);
      for (const c of cells) expect(await listed(city, '/injuries', c.drill), JSON.stringify(c.drill)).toBe(c.cases);
    }
    // new pneumoconiosis cases per year, as the chart counts them (every result but 不予认定)
    const pneumoconiosis = (await dashboard(city)).charts.pneumoconiosis;
    expect(pneumoconiosis?.drill?.[0]).toMatchObject({ pneumoconiosis: 'true', recognition: 'counted' });
    for (const [i, row] of (pneumoconiosis?.rows ?? []).entries()) {
      expect(await listed(city, '/diseases', pneumoconiosis?.drill?.[i] ?? {})).toBe(Number(row.pneumoconiosis));
    }
    // each target line's records over the cycle: the key industries of the line, several divisions at once
    const targets = (await city.get('/api/v1/analysis/targets')).json() as TargetView;
    for (const l of targets.lines.filter((x) => x.level !== 'county' || x.code === SANYUAN)) {
      const cases = l.years.reduce((sum, y) => sum + y.cases, 0);
      expect(await listed(city, '/injuries', l.drill ?? {}), l.name).toBe(cases);
    }
    await env.core.db.delete(injuryCase).where(sql`${injuryCase.caseNo} like 'DRILL-TEST-%'`);
  });
});

describe('targets', () => {
  it('tracks the city, every key industry and every county against the cycle in force', async () => {
    const res = await city.get('/api/v1/analysis/targets');
    expect(res.statusCode).toBe(200);
    const view = res.json() as TargetView;
    expect(view.cycle).toMatchObject({ firstYear: 2021, lastYear: 2025, baselineYear: 2020, reduction: 0.2 });
    expect(view.lines.filter((l) => l.level === 'industry')).toHaveLength(6);
    expect(view.lines.filter((l) => l.level === 'county')).toHaveLength(11);
    const cityLine = view.lines[0];
    expect(cityLine?.level).toBe('city');
    expect(cityLine?.target).toBeCloseTo((cityLine?.baseline ?? 0) * 0.8, 10);
    expect(cityLine?.years[0]?.path).toBeCloseTo(cityLine?.baseline ?? -1, 10);
    expect(['on_track', 'at_risk']).toContain(cityLine?.status);
    expect(view.rule).toMatch(/最小二乘/);
    expect(view.cycles.map((c) => c.firstYear)).toEqual([2021, 2026]);
    const next = (await city.get('/api/v1/analysis/targets?cycle=2026')).json() as TargetView;
    expect(next.cycle).toMatchObject({ baselineYear: 2025, reduction: 0.1 });
    expect((await city.get('/api/v1/analysis/targets?cycle=2010')).statusCode).toBe(404);
  });
});

describe('export', () => {
  async function sheet(session: Session, query: string) {
    const res = await session.get(`/api/v1/analysis/export?${query}`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return workbook.getWorksheet('数据');
  }

  it('writes the chart table to .xlsx in the caller scope, audited', async () => {
    const cityRows = await sheet(city, 'chart=byCounty&yearFrom=2020&yearTo=2025');
    expect(cityRows?.rowCount).toBe(12);
    expect(cityRows?.getRow(1).getCell(1).value).toBe('县（市、区）');
    const own = await sheet(yongan, 'chart=byCounty&yearFrom=2020&yearTo=2025');
    expect(own?.rowCount).toBe(2);
    expect(own?.getRow(2).getCell(1).value).toBe('永安市');
    const targets = await sheet(city, 'chart=targets');
    expect(targets?.rowCount).toBe(1 + 1 + 6 + 11);
    const audits = await env.core.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'analysis.export'), eq(auditLog.objectId, 'byCounty')));
    expect(audits.length).toBe(2);
    expect((await yongan.get(`/api/v1/analysis/export?chart=byYear&county=${SANYUAN}`)).statusCode).toBe(404);
    expect((await city.get('/api/v1/analysis/export?chart=nope')).statusCode).toBe(400);
  });
});
