import { CITY_CODE, type FundOverview, type PaymentPage, type PublicProjects } from '@yufang/contracts';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { auditLog } from '../../core/db/schema.js';
import { DEMO_DEFICIT_YEAR } from '../../demo/funds.js';
import { addDays, beijingDate } from '../hazard/hazard.rules.js';
import { project, projectCall } from '../project/project.schema.js';
import { commitContract, earmark, postPayment } from './budget-ledger.js';
import { fundYear } from './fund.schema.js';

let env: TestEnv;
let agency: Session;
let city: Session;
let county: Session;
let provider: Session;
const today = beijingDate(new Date());
const thisYear = Number(today.slice(0, 4));
const next = thisYear + 1;

async function xlsx(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('年度');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
const overview = async () => (await agency.get('/api/v1/fund/overview')).json() as FundOverview;

beforeAll(async () => {
  env = await testApp();
  agency = await login(env.app, 'shebao');
  city = await login(env.app, 'cityadmin');
  county = await login(env.app, 'sanyuan');
  provider = await login(env.app, 'provider01');
});
afterAll(() => env.close());

describe('fund years, the cap and the budget line', () => {
  it('shows the demo years, with the deficit year giving the next year a 1% cap', async () => {
    const o = await overview();
    expect(o.years.map((y) => y.year)).toContain(2019);
    expect(o.years.find((y) => y.year === DEMO_DEFICIT_YEAR)?.deficit).toBe(true);
    const after = o.budgets.find((b) => b.year === DEMO_DEFICIT_YEAR + 1);
    expect(after).toMatchObject({ deficit: true, rateBp: 100 });
    expect(after?.basis).toContain('收不抵支，按 1% 计提上限');
    for (const b of o.budgets) expect(b.budgetFen).toBeLessThanOrEqual(b.capFen);
    expect(o.budgets.find((b) => b.year === thisYear)?.rateBp).toBe(300);
  });

  it('reads for fund.read (county officer, bureau); refuses others and writes by read-only roles', async () => {
    expect((await county.get('/api/v1/fund/overview')).statusCode).toBe(200);
    expect((await provider.get('/api/v1/fund/overview')).statusCode).toBe(403);
    const put = await city.put(`/api/v1/fund/years/${thisYear}`, { incomeFen: 1, spendingFen: 1 });
    expect(put.statusCode).toBe(403);
    expect((await city.put(`/api/v1/fund/budgets/${next}`, { budgetFen: 1 })).statusCode).toBe(403);
  });

  it('enters this year, computes next year’s 3% cap, and sets a budget only within it', async () => {
    const incomeFen = 28_765_432_109;
    const res = await agency.put(`/api/v1/fund/years/${thisYear}`, { incomeFen, spendingFen: 25_000_000_000 });
    expect(res.statusCode).toBe(200);
    const capFen = Math.floor((incomeFen * 3) / 100);
    const open = (await overview()).openCaps.find((c) => c.year === next);
    expect(open).toMatchObject({ rateBp: 300, capFen, deficit: false });

    const above = await agency.put(`/api/v1/fund/budgets/${next}`, { budgetFen: capFen + 1 });
    expect(above.statusCode).toBe(400);
    expect(above.json().fields[0].field).toBe('budgetFen');
    expect(above.json().message).toContain('超过上限');
    expect(above.json().message).toContain('计提比例 3%');

    const set = await agency.put(`/api/v1/fund/budgets/${next}`, { budgetFen: capFen });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ capFen, budgetFen: capFen, remainingFen: capFen, committedFen: 0 });
    const again = await agency.put(`/api/v1/fund/budgets/${next}`, { budgetFen: capFen });
    expect(again.statusCode).toBe(409);
    const stale = await agency.put(`/api/v1/fund/budgets/${next}`, { budgetFen: capFen, version: 7 });
    expect(stale.statusCode).toBe(409);
    const [audit] = await env.core.db.select().from(auditLog).where(eq(auditLog.action, 'fund.budget.create'));
    expect(audit?.objectId).toBe(`${CITY_CODE}:${next}`);
  });

  it('refuses a future year, a second entry without version and a stale version', async () => {
    expect((await agency.put(`/api/v1/fund/years/${next}`, { incomeFen: 1, spendingFen: 1 })).statusCode).toBe(400);
    const dup = await agency.put(`/api/v1/fund/years/${thisYear}`, { incomeFen: 1, spendingFen: 1 });
    expect(dup.statusCode).toBe(409);
    const stale = await agency.put(`/api/v1/fund/years/${thisYear}`, { incomeFen: 1, spendingFen: 1, version: 9 });
    expect(stale.statusCode).toBe(409);
    const bad = await agency.put(`/api/v1/fund/years/${thisYear}`, { incomeFen: -1, spendingFen: 1.5, version: 0 });
    expect(bad.statusCode).toBe(400);
  });

  it('a correction that lowers the cap below the budget is refused; one that raises it recomputes the cap', async () => {
    const year = (await overview()).years.find((y) => y.year === thisYear);
    const lower = await agency.put(`/api/v1/fund/years/${thisYear}`, {
      incomeFen: 10_000_000_000,
      spendingFen: 1,
      version: year?.version,
    });
    expect(lower.statusCode).toBe(400);
    expect(lower.json().message).toContain(`请先调整 ${next} 年度预算`);
    const higher = await agency.put(`/api/v1/fund/years/${thisYear}`, {
      incomeFen: 30_000_000_000,
      spendingFen: 1,
      version: year?.version,
    });
    expect(higher.statusCode).toBe(200);
    const budget = (await agency.get(`/api/v1/fund/budgets/${next}`)).json();
    expect(budget).toMatchObject({ capFen: 900_000_000, rateBp: 300 });
    expect(budget.basis).toContain(`${thisYear} 年征缴收入 3.00 亿元`);
  });

  it('imports all or nothing, with row errors, and serves the template', async () => {
    const template = await agency.get('/api/v1/fund/years/template');
    expect(template.statusCode).toBe(200);
    const header = ['年度', '征缴收入（元）', '基金支出（元）'];
    const bad = await agency.post('/api/v1/fund/years/import', {
      fileName: 'years.xlsx',
      contentBase64: await xlsx([header, [2018, '200000000', '190000000'], ['二〇一七', '1.234', '']]),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('未导入任何记录');
    expect(bad.json().fields.map((f: { message: string }) => f.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('第 3 行年度'),
        expect.stringContaining('第 3 行基金支出（元）'),
      ]),
    );
    const none = await env.core.db
      .select()
      .from(fundYear)
      .where(and(eq(fundYear.regionCode, CITY_CODE), eq(fundYear.year, 2018)));
    expect(none).toHaveLength(0);
    const header2 = await agency.post('/api/v1/fund/years/import', {
      fileName: 'years.xlsx',
      contentBase64: await xlsx([
        ['年份', '收入'],
        [2018, '1', '1'],
      ]),
    });
    expect(header2.statusCode).toBe(400);
    // a valid file whose correction of this year would push next year's cap below its budget: nothing is imported
    const refused = await agency.post('/api/v1/fund/years/import', {
      fileName: 'years.xlsx',
      contentBase64: await xlsx([header, [2016, '190000000', '180000000'], [thisYear, '1000', '1']]),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain(`第 3 行（${thisYear} 年）`);
    expect(refused.json().message).toContain('请先调整');
    const o2016 = await env.core.db.select().from(fundYear).where(eq(fundYear.year, 2016));
    expect(o2016).toHaveLength(0);
    const ok = await agency.post('/api/v1/fund/years/import', {
      fileName: 'years.xlsx',
      contentBase64: await xlsx([header, [2017, '198,000,000.00', '180000000'], [2018, '205000000.5', '190000000']]),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ created: 2, updated: 0, years: [2017, 2018] });
    const o = await overview();
    expect(o.years.find((y) => y.year === 2018)).toMatchObject({ incomeFen: 20_500_000_050, source: 'import' });
    expect(o.openCaps.find((c) => c.year === 2019)?.capFen).toBe(615_000_001);
  });
});

describe('payment ledger', () => {
  let paymentId: string;
  beforeAll(async () => {
    const db = env.core.db;
    const [call] = await db
      .insert(projectCall)
      .values({
        regionCode: CITY_CODE,
        year: thisYear,
        title: '测试申报指南',
        keyAreas: ['建筑施工'],
        types: ['training'],
        guide: '测试',
        opensOn: `${thisYear}-01-01`,
        deadline: `${thisYear}-03-01`,
        status: 'closed',
      })
      .returning();
    const [p] = await db
      .insert(project)
      .values({
        code: `YF-${thisYear}-T01`,
        callId: call?.id as string,
        year: thisYear,
        countyCode: '350404',
        applicantKind: 'association',
        applicantName: '三明市建筑业协会',
        title: '建筑施工安全培训（测试）',
        type: 'training',
        content: '建筑施工一线人员安全培训',
        targetGroups: [],
        schedule: [],
        budgetLines: [],
        targets: [],
        requestedFen: 100_000_00,
        status: 'prepaid',
        approvedFen: 100_000_00,
        contractFen: 100_000_00,
        publishedAt: new Date(),
      })
      .returning();
    await db.transaction(async (tx) => {
      await earmark(tx, CITY_CODE, thisYear, 100_000_00);
      await commitContract(tx, CITY_CODE, thisYear, 100_000_00, 100_000_00);
      const { payment } = await postPayment(
        tx,
        { userId: null as never, displayName: '测试' },
        {
          regionCode: CITY_CODE,
          year: thisYear,
          projectId: p?.id as string,
          kind: 'prepayment',
          amountFen: 50_000_00,
          basis: '合同金额 100,000.00 元 × 预付 50%',
          idempotencyKey: `test-${p?.id}-prepayment`,
        },
      );
      paymentId = payment.id;
    });
  });

  it('lists with the project, and records the transfer once', async () => {
    const page = (await county.get(`/api/v1/fund/payments?year=${thisYear}&limit=1`)).json() as PaymentPage;
    const row = page.items[0];
    expect(row).toMatchObject({ projectTitle: '建筑施工安全培训（测试）', kind: 'prepayment', voucherNo: null });
    const body = { voucherNo: 'ZZ-2026-0001', transferredOn: today, version: row?.version ?? 0 };
    expect((await city.post(`/api/v1/fund/payments/${paymentId}/transfer`, body)).statusCode).toBe(403);
    const future = await agency.post(`/api/v1/fund/payments/${paymentId}/transfer`, {
      ...body,
      transferredOn: addDays(today, 1),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain('不能晚于今天');
    const stale = await agency.post(`/api/v1/fund/payments/${paymentId}/transfer`, { ...body, version: 5 });
    expect(stale.statusCode).toBe(409);
    const ok = await agency.post(`/api/v1/fund/payments/${paymentId}/transfer`, body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ voucherNo: 'ZZ-2026-0001', transferredOn: today });
    const twice = await agency.post(`/api/v1/fund/payments/${paymentId}/transfer`, { ...body, version: 1 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toContain('不能重复登记');
    const missing = await agency.post('/api/v1/fund/payments/00000000-0000-4000-8000-000000000000/transfer', body);
    expect(missing.statusCode).toBe(404);
    const done = (await agency.get('/api/v1/fund/payments?transferred=yes')).json() as PaymentPage;
    expect(done.items.map((p) => p.id)).toContain(paymentId);
    const exp = await agency.get('/api/v1/fund/payments/export');
    expect(exp.statusCode).toBe(200);
    expect(exp.headers['content-type']).toContain('spreadsheetml');
  });

  it('the public page shows the project and the year’s fee use without login, and no personal data', async () => {
    const res = await env.app.inject({ method: 'GET', url: `/api/v1/public/projects?year=${thisYear}` });
    expect(res.statusCode).toBe(200);
    const data = res.json() as PublicProjects;
    const mine = data.projects.find((p) => p.code === `YF-${thisYear}-T01`);
    expect(mine).toMatchObject({ applicantName: '三明市建筑业协会', delivered: '实施中', acceptance: '未验收' });
    expect(data.fee.paidFen).toBeGreaterThanOrEqual(50_000_00);
    expect(data.fee.budgetFen).toBeGreaterThan(0);
    expect(res.body).not.toMatch(/1[3-9]\d{9}/);
    expect(res.body).not.toMatch(/contact|phone|idNumber/i);
    const xlsxRes = await env.app.inject({ method: 'GET', url: `/api/v1/public/projects/export?year=${thisYear}` });
    expect(xlsxRes.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsxRes.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([`${thisYear}年预防费使用`, `${thisYear}年预防项目`]);
  });
});
