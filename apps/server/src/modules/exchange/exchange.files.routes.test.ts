import { idCheckChar, type LoadView, maskIdNumber } from '@yufang/contracts';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { auditLog, employer } from '../../core/db/schema.js';

let env: TestEnv;
let yingji: Session;
let city: Session;
let yongan: Session;
let sanyuan: Session;
let yonganUscc: string;
let sanyuanUscc: string;

async function usccIn(county: string): Promise<string> {
  const [e] = await env.core.db
    .select({ uscc: employer.uscc })
    .from(employer)
    .where(eq(employer.countyCode, county))
    .limit(1);
  if (!e) throw new Error(`no demo employer in ${county}`);
  return e.uscc;
}

function upload(s: Session, code: string, body: string | Buffer, fileName = '数据.csv') {
  return env.app.inject({
    method: 'POST',
    url: `/api/v1/exchange/data-sets/${code}/uploads`,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.me.csrfToken,
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(fileName),
    },
    payload: typeof body === 'string' ? Buffer.from(body) : body,
  });
}

async function sheetOf(payload: Buffer, index = 0) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as never);
  const sheet = wb.worksheets[index];
  if (!sheet) throw new Error('no worksheet');
  return sheet;
}

function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

beforeAll(async () => {
  env = await testApp();
  [yingji, city, yongan, sanyuan] = await Promise.all([
    login(env.app, 'yingji'),
    login(env.app, 'cityadmin'),
    login(env.app, 'yongan'),
    login(env.app, 'sanyuan'),
  ]);
  yonganUscc = await usccIn('350481');
  sanyuanUscc = await usccIn('350404');
});
afterAll(() => env.close());

const HAZARD_HEADER = '隐患编号,发现日期,用人单位统一社会信用代码,县（市、区）,隐患级别,隐患描述,是否已整改';

describe('upload template', () => {
  it('has the current version’s Chinese headers (required ones starred) and a sheet of field notes', async () => {
    const res = await yingji.get('/api/v1/exchange/data-sets/yjj.hazard/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('安全隐患-上传模板-v1.xlsx');
    const header = rowsOf(await sheetOf(res.rawPayload))[0];
    expect(header).toEqual([
      '隐患编号*',
      '发现日期*',
      '用人单位统一社会信用代码*',
      '县（市、区）*',
      '隐患级别*',
      '隐患描述*',
      '是否已整改*',
      '整改完成日期',
    ]);
    const notes = rowsOf(await sheetOf(res.rawPayload, 1));
    expect(notes.find((r) => r[1] === 'level')?.[4]).toContain('major 重大隐患');
    expect(notes.find((r) => r[1] === 'hazard_no')?.[4]).toContain('唯一键');
  });

  it('is read back by the upload: the template with one filled row loads', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await yingji.get('/api/v1/exchange/data-sets/yjj.hazard/template')).rawPayload as never);
    wb.worksheets[0]?.addRow(['T-1', '2026-04-01', yonganUscc, '永安市', '一般隐患', '通道堵塞', '是', '2026-04-03']);
    const res = await upload(yingji, 'yjj.hazard', Buffer.from(await wb.xlsx.writeBuffer()), '隐患模板.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ inserted: 1, rejected: 0, fileName: '隐患模板.xlsx' });
  });

  it('is refused to accounts without exchange.load (403) and for another unit’s data set (403), 404 if unknown', async () => {
    expect((await yongan.get('/api/v1/exchange/data-sets/yjj.hazard/template')).statusCode).toBe(403);
    const weijian = await login(env.app, 'weijian');
    const other = await weijian.get('/api/v1/exchange/data-sets/yjj.hazard/template');
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toBe('只能下载本单位数据集的上传模板');
    expect((await yingji.get('/api/v1/exchange/data-sets/nope.none/template')).statusCode).toBe(404);
  });
});

describe('upload with bad rows', () => {
  it('refuses the whole file with row-level Chinese errors and lists the refused load', async () => {
    const csv = [
      HAZARD_HEADER,
      `H-OK,2026-03-01,${yonganUscc},永安市,重大隐患,配电箱未接地,否`,
      `H-BAD,2026-02-30,${yonganUscc},永安市,特大隐患,叉车超速,也许`,
      `H-OK,2026-03-02,${yonganUscc},永安市,一般隐患,重复编号,是`,
    ].join('\n');
    const res = await upload(yingji, 'yjj.hazard', csv, '隐患-有错.csv');
    expect(res.statusCode).toBe(400);
    const load = res.json().load as LoadView;
    expect(load).toMatchObject({ status: 'rejected', received: 3, inserted: 0, fileName: '隐患-有错.csv' });
    const messages = load.errors.map((e) => e.message);
    expect(messages).toContain('第 3 行“发现日期”：应为 YYYY-MM-DD 格式的有效日期，收到“2026-02-30”');
    expect(messages.some((m) => m.startsWith('第 3 行“隐患级别”：“特大隐患”不在代码表中'))).toBe(true);
    expect(messages).toContain('第 3 行“是否已整改”：应为“是”或“否”，收到“也许”');
    expect(messages).toContain('第 4 行“隐患编号”：与第 2 行重复');
    const loads = (await yingji.get('/api/v1/exchange/data-sets/yjj.hazard/loads?limit=5')).json().items as LoadView[];
    expect(loads[0]).toMatchObject({ id: load.id, status: 'rejected', source: 'upload', username: 'yingji' });
    const keys = (await yingji.get('/api/v1/exchange/data-sets/yjj.hazard/records?key=H-OK')).json().items;
    expect(keys).toEqual([]);
  });
});

describe('record export', () => {
  const idNumber = `35048119850607123${idCheckChar('35048119850607123')}`;

  beforeAll(async () => {
    const csv = [
      '认定书编号,用人单位统一社会信用代码,县（市、区）,职工身份证号,事故日期,认定结论,伤害类型',
      `=RD-X1,${yonganUscc},永安市,${idNumber},2026-03-02,认定为工伤,生产安全事故`,
      `RD-X2,${sanyuanUscc},三元区,${idNumber},2026-03-05,视同工伤,生产安全事故`,
    ].join('\n');
    const res = await upload(city, 'rsj.recognition', csv, '认定.csv');
    expect(res.statusCode, res.body).toBe(200);
  });

  it('writes the filtered records with masked personal fields and neutralised cells, and is audited', async () => {
    const res = await city.get('/api/v1/exchange/data-sets/rsj.recognition/records/export?key=RD-X');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = rowsOf(await sheetOf(res.rawPayload));
    expect(rows[0]?.slice(0, 4)).toEqual([
      '认定书编号',
      '用人单位统一社会信用代码',
      '县（市、区）',
      '职工身份证号（脱敏）',
    ]);
    expect(rows).toHaveLength(3);
    const first = rows.find((r) => r[0] === "'=RD-X1");
    expect(first).toBeDefined();
    expect(first?.[3]).toBe(maskIdNumber(idNumber));
    expect(first?.[5]).toBeUndefined(); // 认定日期 left empty
    expect(first?.[6]).toBe('认定为工伤');
    expect(JSON.stringify(rows)).not.toContain(idNumber);
    const audits = await env.core.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'exchange.record.export'), eq(auditLog.username, 'cityadmin')));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.objectId).toBe('rsj.recognition');
    expect(JSON.stringify(audits[0]?.changes)).toContain('RD-X');
  });

  it('keeps to the caller’s scope: a county officer gets only the own county’s rows', async () => {
    const keys = async (s: Session) => {
      const res = await s.get('/api/v1/exchange/data-sets/rsj.recognition/records/export?key=RD-X');
      expect(res.statusCode).toBe(200);
      return rowsOf(await sheetOf(res.rawPayload))
        .slice(1)
        .map((r) => r[0]);
    };
    expect(await keys(yongan)).toEqual(["'=RD-X1"]);
    expect(await keys(sanyuan)).toEqual(['RD-X2']);
    expect(await keys(yingji)).toEqual([]);
  });

  it('names a bad filter in Chinese (400), refuses accounts without exchange.record.read (403), 404 if unknown', async () => {
    const bad = await city.get('/api/v1/exchange/data-sets/rsj.recognition/records/export?from=2026-13-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('开始日期格式应为 YYYY-MM-DD');
    const employer01 = await login(env.app, 'employer01');
    expect((await employer01.get('/api/v1/exchange/data-sets/rsj.recognition/records/export')).statusCode).toBe(403);
    expect((await city.get('/api/v1/exchange/data-sets/nope.none/records/export')).statusCode).toBe(404);
  });
});
