import type { ReportOptions } from '@yufang/contracts';
import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import type { Response as InjectResponse } from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../../test/harness.js';
import { auditLog } from '../../../core/db/schema.js';

const YEAR = 2025;
const YONGAN = '350481';

let env: TestEnv;
let city: Session;
let yongan: Session;

beforeAll(async () => {
  env = await testApp();
  city = await login(env.app, 'cityadmin');
  yongan = await login(env.app, 'yongan');
});
afterAll(() => env.close());

/** The text of word/document.xml, tags removed, and the names of the embedded media. */
function openDocx(res: InjectResponse) {
  const files = unzipSync(new Uint8Array(res.rawPayload));
  const xml = strFromU8(files['word/document.xml'] ?? new Uint8Array());
  const text = xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
  return { xml, text, media: Object.keys(files).filter((f) => f.startsWith('word/media/')) };
}

describe('annual report', () => {
  let cityReport: ReturnType<typeof openDocx>;

  beforeAll(async () => {
    const res = await city.get(`/api/v1/analysis/report?year=${YEAR}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      `三明市${YEAR}年度工伤预防分析报告.docx`,
    );
    cityReport = openDocx(res);
  });

  it('opens as a Word document with every section heading', () => {
    for (const heading of [
      `三明市${YEAR}年度工伤预防分析报告`,
      '一、总体情况',
      '二、重点行业工伤事故发生率目标进度',
      '三、分县（市、区）情况',
      '四、分行业情况',
      '五、事故类别',
      '六、高发岗位与人群',
      '七、职业病与尘肺病',
      '八、工伤保险基金支出',
      '九、风险指数较高的用人单位',
    ]) {
      expect(cityReport.text).toContain(heading);
    }
  });

  it('holds the year figures that the dashboard shows, and every county of the city', async () => {
    const dashboard = (await city.get(`/api/v1/analysis/dashboard?yearFrom=${YEAR}&yearTo=${YEAR}`)).json();
    const recognised = dashboard.headline.recognised as number;
    expect(cityReport.text).toContain(`发生认定（视同）工伤 ${recognised.toLocaleString('zh-CN')} 起`);
    const rate = (dashboard.headline.incidencePerThousand as number).toFixed(3);
    expect(cityReport.text).toContain(`工伤发生率 ${rate}‰`);
    for (const county of ['三元区', '沙县区', '永安市', '建宁县', '泰宁县']) expect(cityReport.text).toContain(county);
    expect(cityReport.text).toMatch(/按计划推进|存在风险/);
  });

  it('embeds the charts as SVG with a PNG fallback', () => {
    expect(cityReport.media.filter((m) => m.endsWith('.svg')).length).toBeGreaterThanOrEqual(4);
    expect(cityReport.media.filter((m) => m.endsWith('.png')).length).toBeGreaterThanOrEqual(4);
    expect(cityReport.xml).toContain('asvg:svgBlip');
  });

  it('lists the top risk-index employers by name and holds no personal data of workers', async () => {
    const ranking = (await city.get(`/api/v1/analysis/risk?year=${YEAR}&limit=3`)).json();
    for (const r of ranking.items) expect(cityReport.text).toContain(r.employerName);
    // no ID numbers (18 digits) or masked ones in the document
    expect(cityReport.text).not.toMatch(/\d{17}[\dX]|\d{6}\*{8}/);
  });

  it('is generated while the request waits and audited', async () => {
    const rows = await env.core.db.select().from(auditLog).where(eq(auditLog.action, 'analysis.report'));
    expect(rows.find((r) => r.username === 'cityadmin')?.objectId).toBe(`${YEAR}:350400`);
  });
});

describe('report scope', () => {
  it('gives a county officer their own county only', async () => {
    const options = (await yongan.get('/api/v1/analysis/report/options')).json() as ReportOptions;
    expect(options.areas).toEqual([{ code: YONGAN, name: '永安市' }]);
    const res = await yongan.get(`/api/v1/analysis/report?year=${YEAR}`);
    expect(res.statusCode).toBe(200);
    const { text } = openDocx(res);
    expect(text).toContain(`永安市${YEAR}年度工伤预防分析报告`);
    expect(text).not.toContain('三元区');
    expect(text).not.toContain('沙县区');
  });

  it('refuses a county officer the report of another county or of the city (404)', async () => {
    const other = await yongan.get(`/api/v1/analysis/report?year=${YEAR}&countyCode=350404`);
    expect(other.statusCode).toBe(404);
    expect(other.json().message).toMatch(/三元区.*不在您的管辖范围内/);
  });

  it('lets the city choose a county, and offers the city and the 11 counties', async () => {
    const options = (await city.get('/api/v1/analysis/report/options')).json() as ReportOptions;
    expect(options.areas[0]).toEqual({ code: null, name: '三明市' });
    expect(options.areas).toHaveLength(12);
    const res = await city.get(`/api/v1/analysis/report?year=${YEAR}&countyCode=${YONGAN}`);
    expect(res.statusCode).toBe(200);
    expect(openDocx(res).text).toContain(`永安市${YEAR}年度工伤预防分析报告`);
  });

  it('rejects a malformed year or county with the field named', async () => {
    const year = await city.get('/api/v1/analysis/report?year=abc');
    expect(year.statusCode).toBe(400);
    expect(year.json().message).toMatch(/年/);
    const county = await city.get(`/api/v1/analysis/report?year=${YEAR}&countyCode=12`);
    expect(county.statusCode).toBe(400);
    expect(county.json().message).toMatch(/区划代码/);
  });

  it('refuses the report without analysis.report', async () => {
    const fund = await login(env.app, 'shebao');
    expect((await fund.get(`/api/v1/analysis/report?year=${YEAR}`)).statusCode).toBe(403);
    expect((await fund.get('/api/v1/analysis/report/options')).statusCode).toBe(403);
  });
});
