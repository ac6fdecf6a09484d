import { idCheckChar, maskIdNumber, type PersonView } from '@yufang/contracts';
import { and, asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { auditLog, employer } from '../../core/db/schema.js';
import { insuredPerson } from './employer.schema.js';

let env: TestEnv;
let yongan: Session;
let youxi: Session;
let yonganEmployer: string;

const idOf = (region: string, birth: string, seq: string) => {
  const first17 = `${region}${birth}${seq}`;
  return first17 + idCheckChar(first17);
};

async function rowsOf(payload: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as never);
  const rows: unknown[][] = [];
  wb.worksheets[0]?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

beforeAll(async () => {
  env = await testApp();
  [yongan, youxi] = await Promise.all([login(env.app, 'yongan'), login(env.app, 'youxi')]);
  const [row] = await env.core.db
    .select({ id: employer.id })
    .from(employer)
    .where(eq(employer.countyCode, '350481'))
    .orderBy(asc(employer.name))
    .limit(1);
  yonganEmployer = (row as { id: string }).id;
});
afterAll(() => env.close());

describe('editing a person without retyping the ID number', () => {
  it('keeps the stored number when idNumber is left out, and still checks a new one', async () => {
    const idNumber = idOf('350481', '19900212', '345');
    const created = await yongan.post('/api/v1/persons', {
      employerId: yonganEmployer,
      idNumber,
      name: '编辑测试',
      insuredFrom: '2024-01-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json() as PersonView;
    const base = { name: '编辑测试', job: '叉车司机', keyRole: 'team_leader', insuredFrom: '2024-01-01', version: 0 };
    const ok = await yongan.put(`/api/v1/persons/${p.id}`, base);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ job: '叉车司机', keyRole: 'team_leader', idMasked: p.idMasked, version: 1 });
    const [stored] = await env.core.db.select().from(insuredPerson).where(eq(insuredPerson.id, p.id));
    expect(env.core.pii.decrypt(stored?.idCipher as string)).toBe(idNumber);

    const wrong = `${idNumber.slice(0, 17)}${idNumber[17] === '0' ? '1' : '0'}`;
    const bad = await yongan.put(`/api/v1/persons/${p.id}`, { ...base, idNumber: wrong, version: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([expect.objectContaining({ field: 'idNumber' })]);
    expect(bad.json().message).toContain('身份证号码');
    const dates = await yongan.put(`/api/v1/persons/${p.id}`, { ...base, insuredTo: '2023-12-31', version: 1 });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().fields).toEqual([{ field: 'insuredTo', message: '停保日期不能早于参保日期' }]);
    expect((await youxi.put(`/api/v1/persons/${p.id}`, { ...base, version: 1 })).statusCode).toBe(404);
  });
});

describe('persons export', () => {
  it('writes the filtered persons with masked ID numbers only, even for accounts that may unmask; audited', async () => {
    const idNumber = idOf('350481', '19781130', '246');
    const res = await yongan.post('/api/v1/persons', {
      employerId: yonganEmployer,
      idNumber,
      name: '=导出测试',
      job: '@焊工',
      keyRole: 'principal',
      insuredFrom: '2023-05-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(yongan.me.permissions).toContain('employer.person.unmask');

    const exported = await yongan.get(`/api/v1/persons/export?idNumber=${idNumber}`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const rows = await rowsOf(exported.rawPayload);
    expect(rows[0]?.slice(0, 3)).toEqual(['姓名', '身份证号码（脱敏）', '性别']);
    expect(rows.slice(1)).toEqual([
      [
        "'=导出测试",
        maskIdNumber(idNumber),
        '女',
        '1978-11-30',
        expect.any(String),
        "'@焊工",
        '主要负责人',
        '2023-05-01',
        undefined,
        '在保',
      ],
    ]);
    expect(JSON.stringify(rows)).not.toContain(idNumber);

    const audits = await env.core.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'employer.person.export'), eq(auditLog.username, 'yongan')));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0]?.changes)).not.toContain(idNumber);
    expect(audits[0]?.changes).toMatchObject({ filter: { idNumber: maskIdNumber(idNumber) } });
  });

  it('keeps to the caller’s scope: another county’s officer exports none of them', async () => {
    const res = await youxi.get(`/api/v1/persons/export?q=${encodeURIComponent('导出测试')}`);
    expect(res.statusCode).toBe(200);
    expect(await rowsOf(res.rawPayload)).toHaveLength(1); // the header only
    const own = await yongan.get(`/api/v1/persons/export?q=${encodeURIComponent('导出测试')}&keyRole=principal`);
    expect((await rowsOf(own.rawPayload)).length).toBe(2);
  });

  it('refuses an ID-number fragment (400) and accounts without employer.person.export (403)', async () => {
    const bad = await yongan.get('/api/v1/persons/export?idNumber=350481');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields?.[0]?.field).toBe('idNumber');
    const employer01 = await login(env.app, 'employer01');
    expect(employer01.me.permissions).toContain('employer.person.read');
    expect((await employer01.get('/api/v1/persons/export')).statusCode).toBe(403);
  });
});
