import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ImportJobDetail } from '@yufang/contracts';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import type { employer } from '../../core/db/schema.js';
import { csvFile, makeIdNumber } from '../import/import.factory.js';
import { employerOf, rosterPerson } from './injury.factory.js';
import { diseaseCase, injuryCase } from './injury.schema.js';

let env: TestEnv;
let yongan: Session;
let sanyuan: Session;
let emp: typeof employer.$inferSelect;
let other: typeof employer.$inferSelect;

beforeAll(async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'yf-injury-import-'));
  env = await testApp({ env: { YUFANG_DATA_DIR: dataDir } });
  [yongan, sanyuan] = await Promise.all([login(env.app, 'yongan'), login(env.app, 'sanyuan')]);
  emp = await employerOf(env.core, '350481');
  other = await employerOf(env.core, '350404');
});
afterAll(() => env.close());

async function importFile(s: Session, kind: string, content: string): Promise<ImportJobDetail> {
  const res = await env.app.inject({
    method: 'POST',
    url: `/api/v1/imports/${kind}`,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.me.csrfToken,
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(`${kind}.csv`),
    },
    payload: Buffer.from(content, 'utf8'),
  });
  expect(res.statusCode, res.body).toBe(202);
  return settle(s, res.json().id);
}

async function settle(s: Session, id: string): Promise<ImportJobDetail> {
  for (let i = 0; i < 400; i++) {
    const job = (await s.get(`/api/v1/imports/${id}`)).json() as ImportJobDetail;
    if (job.status !== 'validating' && job.status !== 'committing') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not settle');
}

async function commit(s: Session, id: string) {
  expect((await s.post(`/api/v1/imports/${id}/commit`)).statusCode).toBe(202);
  return settle(s, id);
}

const injuryCells = (no: string, uscc: string, id: string, extra: Partial<Record<string, string>> = {}) => {
  const row: Record<string, string> = {
    统一社会信用代码: uscc,
    编号: no,
    姓名: '导入职工',
    身份证号码: id,
    '岗位/工种': '',
    发生时间: '2024-03-15 09:30',
    发生地点: '车间',
    事故类别: '机械伤害',
    受伤性质: '骨折',
    受伤部位: '腕及手',
    起因物: '',
    致害物: '',
    作业活动: '',
    伤害程度: '重伤',
    损失工作日: '150',
    上下班途中: '否',
    认定结论: '认定为工伤',
    认定日期: '2024-04-20',
    伤残等级: '9',
    鉴定日期: '2024-08-01',
    ...extra,
  };
  return Object.values(row);
};

describe('injury-case import', () => {
  it('offers a template with Chinese headers, an example row and notes', async () => {
    const res = await yongan.get('/api/v1/imports/templates/injury');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [sheet, notes] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    expect((sheet.getRow(1).values as string[]).slice(1, 4)).toEqual(['统一社会信用代码', '编号', '姓名']);
    expect((sheet.getRow(2).values as string[]).includes('机械伤害')).toBe(true);
    expect(JSON.stringify(notes.getSheetValues())).toContain('GB 6441');
  });

  it('names each broken rule by row and column, and writes nothing', async () => {
    const { idNumber } = await rosterPerson(env.core, emp.id);
    const file = csvFile('injury', [
      injuryCells('IMP-BAD-1', emp.uscc, idNumber, { 损失工作日: '30' }),
      injuryCells('IMP-BAD-2', emp.uscc, idNumber, { 认定结论: '待认定', 认定日期: '' }),
      injuryCells('IMP-BAD-3', other.uscc, idNumber),
      injuryCells('IMP-BAD-4', emp.uscc, makeIdNumber(5).replace(/.$/, 'Y')),
      injuryCells('IMP-BAD-4', emp.uscc, idNumber, { 发生时间: '2024-02-30 10:00', 事故类别: '21' }),
    ]);
    const job = await importFile(yongan, 'injury', file);
    expect(job.status).toBe('validated');
    expect(job.can.commit).toBe(false);
    const byRow = (row: number) => job.errors.filter((e) => e.rowNo === row).map((e) => `${e.column}：${e.rule}`);
    expect(byRow(2)).toEqual([expect.stringMatching(/^损失工作日：重伤的损失工作日应在 105/)]);
    expect(byRow(3)).toEqual(['伤残等级：只有认定（或视同）工伤的案件才能评定伤残等级']);
    expect(byRow(4)).toEqual(['统一社会信用代码：该用人单位不在您的管辖范围内']);
    expect(byRow(5)[0]).toMatch(/^身份证号码：/);
    expect(byRow(6)).toEqual(
      expect.arrayContaining([
        '发生时间：格式应为 YYYY-MM-DD HH:mm（北京时间）的有效时间',
        expect.stringMatching(/^事故类别：应为GB 6441/),
      ]),
    );
    expect(await env.core.db.select().from(injuryCase).where(eq(injuryCase.caseNo, 'IMP-BAD-1'))).toEqual([]);
  });

  it('commits all rows with the roster match and classification; a re-import updates, a second county cannot', async () => {
    const { person, idNumber } = await rosterPerson(env.core, emp.id, { insuredFrom: '2022-01-10', job: '冲压工' });
    const rows = [
      injuryCells('IMP-1', emp.uscc, idNumber),
      injuryCells('IMP-2', emp.uscc, '35048119900101123X', {
        伤害程度: '死亡',
        损失工作日: '6000',
        伤残等级: '',
        鉴定日期: '',
      }),
    ];
    const job = await importFile(yongan, 'injury', csvFile('injury', rows));
    expect(job.message).toBeNull();
    expect(job).toMatchObject({ status: 'validated', newCount: 2, errorCount: 0 });
    expect(await commit(yongan, job.id)).toMatchObject({ status: 'committed', newCount: 2 });
    const [c] = await env.core.db.select().from(injuryCase).where(eq(injuryCase.caseNo, 'IMP-1'));
    expect(c).toMatchObject({
      source: 'import',
      sourceRef: job.id,
      personId: person.id,
      job: '冲压工',
      tenureMonths: 26,
      countyCode: '350481',
      industryCode: emp.industryCode,
      severity: 'serious',
      recognitionResult: 'recognised',
      disabilityGrade: 9,
      occurredAt: new Date('2024-03-15T01:30:00Z'),
    });
    expect(env.core.pii.decrypt(c?.idCipher as string)).toBe(idNumber);

    const again = await importFile(
      yongan,
      'injury',
      csvFile('injury', [
        rows[0] as string[],
        injuryCells('IMP-2', emp.uscc, '35048119900101123X', {
          伤害程度: '死亡',
          损失工作日: '6000',
          伤残等级: '',
          鉴定日期: '',
          发生地点: '仓库',
        }),
      ]),
    );
    expect(again).toMatchObject({ newCount: 0, updatedCount: 1, unchangedCount: 1 });
    await commit(yongan, again.id);
    const [moved] = await env.core.db.select().from(injuryCase).where(eq(injuryCase.caseNo, 'IMP-2'));
    expect(moved).toMatchObject({ place: '仓库', version: 1 });

    const theirs = await importFile(sanyuan, 'injury', csvFile('injury', [injuryCells('IMP-1', other.uscc, idNumber)]));
    expect(theirs.errors.map((e) => e.rule)).toContain('该编号属于其他用人单位或县区的案件');
  });
});

describe('occupational-disease import', () => {
  const cells = (no: string, id: string, extra: Partial<Record<string, string>> = {}) =>
    Object.values({
      统一社会信用代码: emp.uscc,
      病例编号: no,
      姓名: '导入病例',
      身份证号码: id,
      '岗位/工种': '凿岩工',
      诊断日期: '2025-09-01',
      病种分类: '1',
      职业病名称: '矽肺',
      尘肺病期别: '2',
      '接害工龄（月）': '40',
      职业病危害因素: '矽尘',
      认定结论: '',
      伤残等级: '',
      ...extra,
    });

  it('derives the catalogue edition from the diagnosis date and refuses a stage on a disease that is no pneumoconiosis', async () => {
    const bad = await importFile(
      yongan,
      'disease',
      csvFile('disease', [cells('IMP-OD-X', makeIdNumber(7), { 职业病名称: '噪声聋', 病种分类: '4' })]),
    );
    expect(bad.errors.map((e) => `${e.column}：${e.rule}`)).toEqual(['尘肺病期别：只有尘肺病才有期别']);
    const job = await importFile(
      yongan,
      'disease',
      csvFile('disease', [
        cells('IMP-OD-1', makeIdNumber(8)),
        cells('IMP-OD-2', makeIdNumber(9), { 诊断日期: '2024-01-05' }),
      ]),
    );
    expect(job).toMatchObject({ errorCount: 0, newCount: 2 });
    await commit(yongan, job.id);
    const rows = await env.core.db.select().from(diseaseCase).where(eq(diseaseCase.employerId, emp.id));
    const byNo = new Map(rows.map((r) => [r.caseNo, r]));
    expect(byNo.get('IMP-OD-1')).toMatchObject({
      catalogueEdition: '2024',
      pneumoconiosis: true,
      stage: 2,
      source: 'import',
    });
    expect(byNo.get('IMP-OD-2')?.catalogueEdition).toBe('2013');
  });
});
