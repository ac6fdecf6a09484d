import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ImportJobDetail } from '@yufang/contracts';
import { riskClassOf } from '@yufang/contracts';
import { and, eq, like, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { auditLog, employer, employerHeadcount, importJob, insuredPerson } from '../../core/db/schema.js';
import { csvFile, employerCells, makeIdNumber, makeUscc, xlsxFile } from './import.factory.js';
import { ImportService } from './import.service.js';

let env: TestEnv;
let city: Session;
let yongan: Session;
beforeAll(async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'yf-import-'));
  env = await testApp({ env: { YUFANG_DATA_DIR: dataDir } });
  city = await login(env.app, 'cityadmin');
  yongan = await login(env.app, 'yongan');
});
afterAll(() => env.close());

const BUSY = new Set(['validating', 'committing']);

async function upload(s: Session, kind: string, fileName: string, content: string | Buffer) {
  return env.app.inject({
    method: 'POST',
    url: `/api/v1/imports/${kind}`,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.me.csrfToken,
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(fileName),
    },
    payload: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
  });
}

async function settle(s: Session, id: string): Promise<ImportJobDetail> {
  for (let i = 0; i < 400; i++) {
    const job = (await s.get(`/api/v1/imports/${id}`)).json() as ImportJobDetail;
    if (!BUSY.has(job.status)) return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not settle');
}

async function importFile(s: Session, kind: string, fileName: string, content: string | Buffer) {
  const res = await upload(s, kind, fileName, content);
  expect(res.statusCode, res.body).toBe(202);
  return settle(s, res.json().id);
}

async function commit(s: Session, id: string) {
  const res = await s.post(`/api/v1/imports/${id}/commit`);
  expect(res.statusCode, res.body).toBe(202);
  return settle(s, id);
}

const countEmployers = async (prefix: string) =>
  (
    await env.core.db
      .select({ n: sql<number>`count(*)::int` })
      .from(employer)
      .where(like(employer.name, `${prefix}%`))
  )[0]?.n;

describe('employer import', () => {
  const rows = Array.from({ length: 20 }, (_, i) => employerCells(1000 + i, '永安市', i % 2 ? '06' : '343'));

  it('validates, previews and commits a good file; classifies by industry; audits the commit', async () => {
    const job = await importFile(city, 'employer', '单位.csv', csvFile('employer', rows));
    expect(job).toMatchObject({ status: 'validated', format: 'csv-utf8', totalRows: 20, newCount: 20, errorCount: 0 });
    expect(job.can.commit).toBe(true);
    const done = await commit(city, job.id);
    expect(done).toMatchObject({ status: 'committed', newCount: 20, updatedCount: 0 });
    const coal = await env.core.db
      .select()
      .from(employer)
      .where(eq(employer.uscc, makeUscc(1001)));
    expect(coal[0]).toMatchObject({
      countyCode: '350481',
      industryCode: '06',
      riskClass: riskClassOf('06'),
      keyIndustry: true,
      dustHazard: true,
      ownershipType: 'private',
      size: 'small',
      safetyContactPhoneMasked: '139****1001',
    });
    expect(coal[0]?.safetyContactPhoneCipher).toMatch(/^v1:/);
    const group = await env.core.db
      .select()
      .from(employer)
      .where(eq(employer.uscc, makeUscc(1000)));
    expect(group[0]).toMatchObject({ industryCode: '34', industryGroup: '343', keyIndustry: true, dustHazard: false });
    const audit = await env.core.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'import.commit'), eq(auditLog.objectId, job.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.changes).toMatchObject({ new: 20, fileSha256: job.fileSha256, kind: 'employer' });
  });

  it('re-importing the same file tells so and changes nothing', async () => {
    const before = await countEmployers('测试单位');
    const again = await importFile(city, 'employer', '单位-再次.csv', csvFile('employer', rows));
    expect(again.sameFile?.id).toBeTruthy();
    expect(again).toMatchObject({ newCount: 0, updatedCount: 0, unchangedCount: 20 });
    const done = await commit(city, again.id);
    expect(done).toMatchObject({ status: 'committed', newCount: 0, updatedCount: 0, unchangedCount: 20 });
    expect(await countEmployers('测试单位')).toBe(before);
  });

  it('an .xlsx with a changed row updates it and keeps the former name', async () => {
    const changed = rows.map((r) => [...r]);
    (changed[3] as string[])[1] = '新名称有限公司';
    const job = await importFile(city, 'employer', '单位.xlsx', await xlsxFile('employer', changed));
    expect(job).toMatchObject({ format: 'xlsx', newCount: 0, updatedCount: 1, unchangedCount: 19 });
    await commit(city, job.id);
    const [row] = await env.core.db
      .select()
      .from(employer)
      .where(eq(employer.uscc, makeUscc(1003)));
    expect(row).toMatchObject({ name: '新名称有限公司', formerNames: ['测试单位1003有限公司'] });
    // History: one row for the change; the creation is the first import itself (no row per new employer).
    const history = (await city.get(`/api/v1/employers/${row?.id}/history`)).json();
    expect(history.items.map((h: { source: string; username: string }) => [h.source, h.username])).toEqual([
      ['import', 'cityadmin'],
      ['import', 'cityadmin'],
    ]);
    const [first] = await env.core.db
      .select({ finishedAt: importJob.finishedAt })
      .from(importJob)
      .where(and(eq(importJob.kind, 'employer'), eq(importJob.status, 'committed')))
      .orderBy(importJob.finishedAt)
      .limit(1);
    expect(history.items[1].at).toBe(first?.finishedAt?.toISOString());
    expect(history.nextCursor ?? null).toBeNull();
    const untouched = (
      await env.core.db
        .select()
        .from(employer)
        .where(eq(employer.uscc, makeUscc(1004)))
    )[0];
    const created = (await city.get(`/api/v1/employers/${untouched?.id}/history?limit=1`)).json();
    expect(created.items).toHaveLength(1);
    expect(created.items[0]).toMatchObject({ id: 0, source: 'import', username: 'cityadmin' });
  });

  it('reports every bad row in Chinese (row, column, value, rule) and commits nothing', async () => {
    const bad = [
      employerCells(2000),
      [...employerCells(2001)].map((c, i) => (i === 0 ? `${c.slice(0, 17)}0` : c)),
      employerCells(2002, '福州市'),
      employerCells(2003, '永安市', '99'),
      employerCells(2000),
      [...employerCells(2004)].map((c, i) => (i === 10 ? '12345' : c)),
    ];
    const job = await importFile(city, 'employer', '坏文件.csv', csvFile('employer', bad));
    expect(job.status).toBe('validated');
    expect(job.can.commit).toBe(false);
    expect(job.errorCount).toBe(5);
    const byRow = Object.fromEntries(job.errors.map((e) => [e.rowNo, e]));
    expect(byRow[3]).toMatchObject({ column: '统一社会信用代码', rule: '统一社会信用代码校验位不正确' });
    expect(byRow[4]).toMatchObject({ column: '所在县区', value: '福州市' });
    expect(byRow[5]).toMatchObject({ column: '行业代码', value: '99' });
    expect(byRow[6]).toMatchObject({ column: '统一社会信用代码', rule: '与第 2 行重复（同一统一社会信用代码）' });
    expect(byRow[7]).toMatchObject({ column: '联系电话', value: '12345' });
    const res = await city.post(`/api/v1/imports/${job.id}/commit`);
    expect(res.statusCode).toBe(409);
    expect(await countEmployers('测试单位200')).toBe(0);

    const report = await city.get(`/api/v1/imports/${job.id}/errors.xlsx`);
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([undefined, '行号', '列', '值', '规则']);
    expect(sheet?.rowCount).toBe(6);
  });

  it('a county officer cannot import rows of another county, nor see other counties’ jobs', async () => {
    const job = await importFile(
      yongan,
      'employer',
      '永安.csv',
      csvFile('employer', [employerCells(3000), employerCells(3001, '明溪县', '34', '350421')]),
    );
    expect(job.errorCount).toBe(1);
    expect(job.errors[0]).toMatchObject({ rowNo: 3, column: '所在县区', value: '明溪县' });
    expect(job.errors[0]?.rule).toContain('不在您的管辖范围内');
    const mingxi = await login(env.app, 'mingxi');
    expect((await mingxi.get(`/api/v1/imports/${job.id}`)).statusCode).toBe(404);
    const list = (await mingxi.get('/api/v1/imports')).json();
    expect(list.items.every((j: { regionCode: string }) => j.regionCode === '350421')).toBe(true);
    const mine = (await yongan.get('/api/v1/imports')).json();
    expect(mine.items.map((j: { id: string }) => j.id)).toContain(job.id);
    // An employer registered in another county cannot be taken over by an officer's file either.
    const other = await importFile(
      city,
      'employer',
      '明溪.csv',
      csvFile('employer', [employerCells(3100, '明溪县', '34', '350421')]),
    );
    await commit(city, other.id);
    const takeover = await importFile(
      yongan,
      'employer',
      '改县.csv',
      csvFile('employer', [employerCells(3100, '永安市', '34', '350421')]),
    );
    expect(takeover.errors[0]?.rule).toContain('已登记在其他县区');
  });

  it('reads a GBK-encoded CSV', async () => {
    const gbk = iconv.encode(csvFile('employer', [employerCells(4000)], false), 'gbk');
    const job = await importFile(city, 'employer', 'gbk.csv', gbk);
    expect(job).toMatchObject({ format: 'csv-gbk', errorCount: 0, newCount: 1 });
    await commit(city, job.id);
    const [row] = await env.core.db
      .select()
      .from(employer)
      .where(eq(employer.uscc, makeUscc(4000)));
    expect(row?.name).toBe('测试单位4000有限公司');
  });

  it('refuses files that are not what their name says, and a missing header column', async () => {
    const res = await upload(city, 'employer', 'x.xlsx', 'not a zip');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('Excel');
    const txt = await upload(city, 'employer', 'x.txt', 'a,b');
    expect(txt.statusCode).toBe(400);
    const job = await importFile(city, 'employer', 'hdr.csv', '单位名称,所在县区\r\n甲,永安市\r\n');
    expect(job.errors.map((e) => e.column)).toEqual(expect.arrayContaining(['统一社会信用代码', '行业代码']));
  });

  it('a commit requested twice imports once', async () => {
    const job = await importFile(
      city,
      'employer',
      '两次.csv',
      csvFile('employer', [employerCells(5000), employerCells(5001)]),
    );
    const [a, b] = await Promise.all([
      city.post(`/api/v1/imports/${job.id}/commit`),
      city.post(`/api/v1/imports/${job.id}/commit`),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([202, 202]);
    const done = await settle(city, job.id);
    expect(done).toMatchObject({ status: 'committed', newCount: 2 });
    const third = await city.post(`/api/v1/imports/${job.id}/commit`);
    expect(third.json()).toMatchObject({ status: 'committed', newCount: 2 });
    const audit = await env.core.db.select().from(auditLog).where(eq(auditLog.objectId, job.id));
    expect(audit.filter((r) => r.action === 'import.commit')).toHaveLength(1);
  });

  it('an interrupted job is failed at restart and leaves nothing committed', async () => {
    const job = await importFile(
      city,
      'employer',
      '中断.csv',
      csvFile('employer', [employerCells(6000), employerCells(6001)]),
    );
    expect(job.status).toBe('validated');
    // Simulate a crash mid-commit: the job was claimed, the process died before its transaction committed.
    await env.core.db.update(importJob).set({ status: 'committing' }).where(eq(importJob.id, job.id));
    const restarted = new ImportService(env.core);
    expect(await restarted.recoverInterrupted()).toBe(1);
    const after = (await city.get(`/api/v1/imports/${job.id}`)).json();
    expect(after).toMatchObject({ status: 'failed' });
    expect(after.message).toContain('未写入任何数据');
    expect(await countEmployers('测试单位600')).toBe(0);
    const staged = await env.core.db.execute(
      sql`select count(*)::int as n from import_stage_employer where job_id = ${job.id}`,
    );
    expect((staged as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
    expect((await city.post(`/api/v1/imports/${job.id}/commit`)).statusCode).toBe(409);
  });

  it('offers templates with Chinese headers and an example row', async () => {
    const res = await city.get('/api/v1/imports/templates/employer');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('统一社会信用代码');
    expect(sheet?.getRow(2).getCell(3).value).toBe('永安市');
  });
});

describe('headcount and person import', () => {
  it('imports monthly headcounts with payroll in fen and refuses duplicates and unknown employers', async () => {
    const good = [
      [makeUscc(1000), '2025-01', '56', '325,600.50'],
      [makeUscc(1000), '2025-02', '57', '330000'],
      [makeUscc(1001), '2025/3', '8', '0.1'],
    ];
    const job = await importFile(yongan, 'headcount', '人数.csv', csvFile('headcount', good));
    expect(job).toMatchObject({ errorCount: 0, newCount: 3 });
    await commit(yongan, job.id);
    const [e] = await env.core.db
      .select()
      .from(employer)
      .where(eq(employer.uscc, makeUscc(1000)));
    const hc = await env.core.db
      .select()
      .from(employerHeadcount)
      .where(eq(employerHeadcount.employerId, e?.id ?? ''));
    expect(hc.map((h) => [h.month, h.insuredCount, h.payrollFen])).toEqual(
      expect.arrayContaining([
        ['2025-01-01', 56, 32560050],
        ['2025-02-01', 57, 33000000],
      ]),
    );
    const bad = await importFile(
      yongan,
      'headcount',
      '人数坏.csv',
      csvFile('headcount', [
        [makeUscc(1000), '2025-01', '60', '1.234'],
        [makeUscc(1000), '2025-04', '60', '100'],
        [makeUscc(1000), '2025-04', '61', '100'],
        [makeUscc(9999), '2025-04', '1', '1'],
        [makeUscc(3100, '350421'), '2025-04', '1', '1'],
      ]),
    );
    const rules = bad.errors.map((e) => `${e.rowNo}|${e.column}|${e.rule}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        '2|工资总额（元）|应为金额（元），最多两位小数',
        '4|月份|与第 3 行重复（同一单位同一月份）',
        '5|统一社会信用代码|系统中没有这个统一社会信用代码的用人单位，请先导入用人单位',
        '6|统一社会信用代码|该用人单位不在您的管辖范围内',
      ]),
    );
  });

  it('imports persons with the ID number encrypted and shows only masked numbers in errors', async () => {
    const id1 = makeIdNumber(1);
    const id2 = makeIdNumber(2);
    const badId = `${id2.slice(0, 17)}${id2[17] === '0' ? '1' : '0'}`;
    const job = await importFile(
      yongan,
      'person',
      '职工.csv',
      csvFile('person', [
        [makeUscc(1000), '王五', id1, '焊工', '班组长', '2024-03-01', ''],
        [makeUscc(1000), '赵六', badId, '', '', '2024-03-01', ''],
        [makeUscc(1000), '王五', id1, '焊工', '', '2024-03-01', ''],
      ]),
    );
    expect(job.errorCount).toBe(2);
    const idError = job.errors.find((e) => e.rowNo === 3);
    expect(idError).toMatchObject({ column: '身份证号码', rule: '身份证号码校验位不正确' });
    expect(idError?.value).not.toContain(badId.slice(6, 14));
    expect(job.errors.find((e) => e.rowNo === 4)?.value).toBe(`${id1.slice(0, 4)}**********${id1.slice(-4)}`);
    expect(JSON.stringify(job)).not.toContain(id1);

    const ok = await importFile(
      yongan,
      'person',
      '职工2.csv',
      csvFile('person', [[makeUscc(1000), '王五', id1, '焊工', '班组长', '2024-03-01', '']]),
    );
    expect(ok).toMatchObject({ errorCount: 0, newCount: 1 });
    await commit(yongan, ok.id);
    const [p] = await env.core.db
      .select()
      .from(insuredPerson)
      .where(eq(insuredPerson.idHash, env.core.pii.hash(id1)));
    expect(p).toMatchObject({ name: '王五', keyRole: 'team_leader', insuredFrom: '2024-03-01', sex: 'M' });
    expect(env.core.pii.decrypt(p?.idCipher ?? '')).toBe(id1);
  });
});
