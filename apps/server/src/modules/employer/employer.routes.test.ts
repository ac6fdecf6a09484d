import { type EmployerUpdateInput, type EmployerView, riskClassOf } from '@yufang/contracts';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { auditLog, employer } from '../../core/db/schema.js';
import { generateEmployers } from '../../demo/employers.js';
import { Random } from '../../demo/random.js';
import { DEMO_SEED } from '../../demo/seed.js';

let env: TestEnv;
let city: Session;
let yongan: Session;
beforeAll(async () => {
  env = await testApp();
  city = await login(env.app, 'cityadmin');
  yongan = await login(env.app, 'yongan');
});
afterAll(() => env.close());

type Page = { items: EmployerView[]; nextCursor: string | null };

async function all(session: Session, query = ''): Promise<EmployerView[]> {
  const out: EmployerView[] = [];
  let cursor: string | null = null;
  do {
    const res = await session.get(`/api/v1/employers?limit=7${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode).toBe(200);
    const page = res.json() as Page;
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

function editOf(e: EmployerView): EmployerUpdateInput {
  return {
    name: e.name,
    legalRepresentative: e.legalRepresentative,
    address: e.address,
    industryCode: e.industryCode,
    industryGroup: e.industryGroup,
    ownershipType: e.ownershipType,
    size: e.size,
    workforce: e.workforce,
    safetyContactName: e.safetyContactName,
    insuranceStatus: e.insuranceStatus,
    version: e.version,
  };
}

async function workbookOf(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook.getWorksheet('用人单位');
}

describe('employer list, search and paging', () => {
  it('pages the whole city by name then id without repeats, 3 per county in the test data', async () => {
    const seen = await all(city);
    // 3 per county and the demo industry association (三元区)
    expect(seen.length).toBe(34);
    expect(new Set(seen.map((e) => e.id)).size).toBe(34);
    const keys = seen.map((e) => [e.name, e.id] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1));
    expect(keys).toEqual(sorted);
    const first = seen[0] as EmployerView;
    expect(first.countyName).toMatch(/[区县市]$/);
    expect(first.can).toEqual({ update: true, export: true });
    expect((await city.get('/api/v1/employers?cursor=bogus')).json().message).toContain('翻页标记');
  });

  it('finds by a Chinese name fragment and by a USCC fragment, with wildcards taken literally', async () => {
    const seen = await all(city);
    const target = seen[5] as EmployerView;
    const fragment = target.name.slice(2, 5);
    const byName = await all(city, `&q=${encodeURIComponent(fragment)}`);
    expect(byName.map((e) => e.id)).toContain(target.id);
    expect(byName.every((e) => e.name.includes(fragment) || e.uscc.includes(fragment))).toBe(true);
    const byUscc = await all(city, `&q=${target.uscc.slice(8, 15).toLowerCase()}`);
    expect(byUscc.map((e) => e.id)).toEqual([target.id]);
    expect(await all(city, `&q=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await all(city, '&q=_')).toEqual([]);
  });

  it('filters by county, industry, flags and insurance status', async () => {
    const sanyuan = await all(city, '&countyCode=350404');
    expect(sanyuan.length).toBe(4);
    const some = sanyuan[0] as EmployerView;
    const byIndustry = await all(city, `&industryCode=${some.industryCode}`);
    expect(byIndustry.every((e) => e.industryCode === some.industryCode)).toBe(true);
    const key = await all(city, '&keyIndustry=true');
    expect(key.length).toBeGreaterThan(0);
    expect(key.every((e) => e.keyIndustry)).toBe(true);
    const notDust = await all(city, '&dustHazard=false');
    expect(notDust.every((e) => !e.dustHazard)).toBe(true);
    const risk = await all(city, `&riskClass=${some.riskClass}`);
    expect(risk.every((e) => e.riskClass === some.riskClass)).toBe(true);
    const insured = await all(city, '&insuranceStatus=insured');
    expect(insured.every((e) => e.insuranceStatus === 'insured')).toBe(true);
    const bad = await city.get('/api/v1/employers?riskClass=9&insuranceStatus=maybe');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/^(行业风险类别|参保状态)：/);
  });
});

describe('employer data scope', () => {
  it('a county officer sees only their own county: list, filter, detail 404, export', async () => {
    const mine = await all(yongan);
    expect(mine.length).toBe(3);
    expect(mine.every((e) => e.countyCode === '350481')).toBe(true);
    expect(await all(yongan, '&countyCode=350404')).toEqual([]);
    const other = (await all(city, '&countyCode=350404'))[0] as EmployerView;
    const peek = await yongan.get(`/api/v1/employers/${other.id}`);
    expect(peek.statusCode).toBe(404);
    expect(peek.json().code).toBe('NOT_FOUND');
    expect((await yongan.get(`/api/v1/employers/${other.id}/history`)).statusCode).toBe(404);
    expect((await yongan.get(`/api/v1/employers/${other.id}/headcounts`)).statusCode).toBe(404);
    expect((await yongan.put(`/api/v1/employers/${other.id}`, editOf(other))).statusCode).toBe(404);
    const sheet = await workbookOf((await yongan.get('/api/v1/employers/export')).rawPayload);
    expect(sheet?.rowCount).toBe(4);
    for (let r = 2; r <= 4; r++) expect(sheet?.getRow(r).getCell(4).value).toBe('永安市');
  });

  it('an employer account sees only its own record and cannot edit or export', async () => {
    const own = await login(env.app, 'employer01');
    const list = await all(own);
    expect(list.length).toBe(1);
    const record = list[0] as EmployerView;
    expect(record.countyCode).toBe('350481');
    expect(record.can).toEqual({ update: false, export: false });
    const firstYongan = generateEmployers(new Random(DEMO_SEED), 3).find((e) => e.countyCode === '350481');
    expect(record.id).toBe(firstYongan?.id);
    expect((await own.get(`/api/v1/employers/${record.id}`)).statusCode).toBe(200);
    expect((await own.put(`/api/v1/employers/${record.id}`, editOf(record))).statusCode).toBe(403);
    expect((await own.get('/api/v1/employers/export')).statusCode).toBe(403);
    const series = (await own.get(`/api/v1/employers/${record.id}/headcounts?from=2025-01&to=2025-12`)).json();
    expect(series.length).toBe(12);
    expect(series[0]).toMatchObject({ month: '2025-01' });
    expect(Number.isInteger(series[0].payrollFen)).toBe(true);
  });
});

describe('employer edits', () => {
  it('writes the change, its history row and its audit row; a stale version gets 409', async () => {
    const target = (await all(yongan))[1] as EmployerView;
    const renamed = `${target.name.slice(0, 2)}新名称机械有限公司`;
    const res = await yongan.put(`/api/v1/employers/${target.id}`, {
      ...editOf(target),
      name: renamed,
      workforce: 120,
      size: 'small',
      safetyContactPhone: '13905981234',
    });
    expect(res.statusCode).toBe(200);
    const saved = res.json() as EmployerView;
    expect(saved.version).toBe(target.version + 1);
    expect(saved.formerNames).toEqual([target.name]);
    expect(saved.safetyContactPhoneMasked).toBe('139****1234');
    expect(JSON.stringify(saved)).not.toContain('13905981234');
    const [stored] = await env.core.db.select().from(employer).where(eq(employer.id, target.id));
    expect(stored?.safetyContactPhoneCipher).toMatch(/^v1:/);
    expect(env.core.pii.decrypt(stored?.safetyContactPhoneCipher as string)).toBe('13905981234');

    const history = (await yongan.get(`/api/v1/employers/${target.id}/history`)).json();
    expect(history.items.length).toBe(1);
    expect(history.items[0]).toMatchObject({ source: 'form', username: 'yongan' });
    expect(history.items[0].changes.before).toMatchObject({ name: target.name, formerNames: [] });
    expect(history.items[0].changes.after).toMatchObject({ name: renamed, workforce: 120 });
    expect(Object.keys(history.items[0].changes.after)).not.toContain('address');

    const audits = await env.core.db.select().from(auditLog).where(eq(auditLog.objectId, target.id));
    expect(audits.map((a) => a.action)).toEqual(['employer.update']);
    expect(audits[0]?.username).toBe('yongan');

    const stale = await yongan.put(`/api/v1/employers/${target.id}`, { ...editOf(target), name: '别人的修改有限公司' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');
    expect((await yongan.get(`/api/v1/employers/${target.id}`)).json().name).toBe(renamed);
  });

  it('recomputes the classification when the industry changes', async () => {
    const target = (await all(yongan))[2] as EmployerView;
    const toCement = await yongan.put(`/api/v1/employers/${target.id}`, {
      ...editOf(target),
      industryCode: '30',
      industryGroup: '301',
    });
    expect(toCement.statusCode).toBe(200);
    expect(toCement.json()).toMatchObject({ industryCode: '30', dustHazard: true, keyIndustry: false });
    const cement = toCement.json() as EmployerView;
    const toShop = await yongan.put(`/api/v1/employers/${target.id}`, {
      ...editOf(cement),
      industryCode: '52',
      industryGroup: null,
    });
    expect(toShop.json()).toMatchObject({
      industryCode: '52',
      dustHazard: false,
      keyIndustry: false,
      riskClass: riskClassOf('52'),
    });
    const toMine = await yongan.put(`/api/v1/employers/${target.id}`, { ...editOf(toShop.json()), industryCode: '06' });
    expect(toMine.json()).toMatchObject({ keyIndustry: true, dustHazard: true });
    expect(toMine.json().riskClass).toBeGreaterThan(5);
    expect(toMine.json().riskClassName).toMatch(/类$/);
  });

  it('names the field in Chinese when input is invalid', async () => {
    const target = (await all(yongan))[0] as EmployerView;
    const empty = await yongan.put(`/api/v1/employers/${target.id}`, { ...editOf(target), name: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toBe('名称：请输入单位名称（至少 2 个字）');
    expect(empty.json().fields[0].field).toBe('name');
    const phone = await yongan.put(`/api/v1/employers/${target.id}`, {
      ...editOf(target),
      safetyContactPhone: '12345',
    });
    expect(phone.json().message).toBe('安全联系人电话：应为 11 位手机号码');
    const industry = await yongan.put(`/api/v1/employers/${target.id}`, { ...editOf(target), industryCode: '00' });
    expect(industry.statusCode).toBe(400);
    expect(industry.json().message).toContain('行业：');
    const size = await yongan.put(`/api/v1/employers/${target.id}`, {
      ...editOf(target),
      size: 'large',
      workforce: 12,
    });
    expect(size.json().message).toBe('企业规模：与职工人数 12 人明显不符');
    const group = await yongan.put(`/api/v1/employers/${target.id}`, {
      ...editOf(target),
      industryCode: '30',
      industryGroup: '261',
    });
    expect(group.json().fields[0].field).toBe('industryGroup');
    const months = await yongan.get(`/api/v1/employers/${target.id}/headcounts?from=2025-13`);
    expect(months.json().message).toBe('开始时间：月份格式应为 YYYY-MM');
  });
});

describe('employer export', () => {
  it('neutralises formula-like cells, shows masked phones only, and is audited', async () => {
    const target = (await all(city, '&countyCode=350430'))[0] as EmployerView;
    const res = await city.put(`/api/v1/employers/${target.id}`, {
      ...editOf(target),
      name: '=HYPERLINK("http://x","点我")有限公司',
      address: '+86 建宁县濉溪镇',
      safetyContactPhone: '18659812345',
    });
    expect(res.statusCode).toBe(200);
    const exported = await city.get('/api/v1/employers/export?countyCode=350430');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const sheet = await workbookOf(exported.rawPayload);
    expect(sheet?.getRow(1).getCell(1).value).toBe('单位名称');
    const values: unknown[] = [];
    sheet?.eachRow((row) => {
      values.push(...(row.values as unknown[]));
    });
    expect(values).toContain(`'=HYPERLINK("http://x","点我")有限公司`);
    expect(values).toContain(`'+86 建宁县濉溪镇`);
    expect(values).toContain('186****2345');
    expect(JSON.stringify(values)).not.toContain('18659812345');
    const audits = await env.core.db.select().from(auditLog).where(eq(auditLog.action, 'employer.export'));
    expect(audits.some((a) => a.username === 'cityadmin')).toBe(true);
  });
});
