import type { AccidentDetail, DiseaseCaseView } from '@yufang/contracts';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { auditLog, type employer } from '../../core/db/schema.js';
import { employerOf, makeDisease, makeInjury, rosterPerson } from './injury.factory.js';

let env: TestEnv;
let yongan: Session;
let sanyuan: Session;
let shebao: Session;
let trainee: Session;
let yonganEmp: typeof employer.$inferSelect;
let sanyuanEmp: typeof employer.$inferSelect;

beforeAll(async () => {
  env = await testApp();
  [yongan, sanyuan, shebao, trainee] = await Promise.all([
    login(env.app, 'yongan'),
    login(env.app, 'sanyuan'),
    login(env.app, 'shebao'),
    login(env.app, 'trainee01'),
  ]);
  yonganEmp = await employerOf(env.core, '350481');
  sanyuanEmp = await employerOf(env.core, '350404');
});
afterAll(() => env.close());

const audited = (action: string, objectId: string) =>
  env.core.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.objectId, objectId)));

async function sheetRows(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  return (wb.worksheets[0] as ExcelJS.Worksheet).getSheetValues().filter(Boolean) as unknown[][];
}

const diseaseInput = (employerId: string, idNumber: string, extra: Record<string, unknown> = {}) => ({
  employerId,
  idNumber,
  workerName: '孙八',
  job: null,
  diagnosedOn: '2024-05-20',
  categoryNo: 1,
  diseaseName: '矽肺',
  stage: 1,
  exposureMonths: 50,
  hazardFactor: '矽尘',
  ...extra,
});

describe('occupational-disease cases', () => {
  it('registers a diagnosis under the edition in force, with the roster worker; audited', async () => {
    const { person, idNumber } = await rosterPerson(env.core, yonganEmp.id, {
      job: '凿岩工',
      insuredFrom: '2019-05-01',
    });
    const res = await yongan.post('/api/v1/diseases', diseaseInput(yonganEmp.id, idNumber));
    expect(res.statusCode).toBe(201);
    const d = res.json() as DiseaseCaseView;
    expect(d).toMatchObject({
      catalogueEdition: '2013',
      categoryName: '职业性尘肺病及其他呼吸系统疾病',
      pneumoconiosis: true,
      personId: person.id,
      job: '凿岩工',
      tenureMonths: 60,
      countyCode: '350481',
    });
    expect(d.caseNo).toMatch(/^ZYB20240520-/);
    expect(res.body).not.toContain(idNumber);
    expect(await audited('injury.disease.create', d.id)).toHaveLength(1);
    const later = await yongan.post(
      '/api/v1/diseases',
      diseaseInput(yonganEmp.id, idNumber, { diagnosedOn: '2025-08-01', caseNo: 'ZYB-T-2' }),
    );
    expect(later.json().catalogueEdition).toBe('2024');
  });

  it('refuses an edition not in force on the date and a stage on a disease that is not pneumoconiosis', async () => {
    const { idNumber } = await rosterPerson(env.core, yonganEmp.id);
    const edition = await yongan.post(
      '/api/v1/diseases',
      diseaseInput(yonganEmp.id, idNumber, { catalogueEdition: '2024' }),
    );
    expect(edition.statusCode).toBe(400);
    expect(edition.json().message).toBe('职业病目录版本：诊断日期 2024-05-20 适用 2013 版目录，不是 2024 版');
    const stage = await yongan.post(
      '/api/v1/diseases',
      diseaseInput(yonganEmp.id, idNumber, { diseaseName: '噪声聋', categoryNo: 4 }),
    );
    expect(stage.json().fields).toEqual([{ field: 'stage', message: '只有尘肺病才有期别' }]);
    const grade = await yongan.post('/api/v1/diseases', diseaseInput(yonganEmp.id, idNumber, { disabilityGrade: 6 }));
    expect(grade.json().fields[0].field).toBe('disabilityGrade');
  });

  it('keeps another county out (404), needs injury.write to change, 409 on a stale version', async () => {
    const d = await makeDisease(env.core, yonganEmp, { workerName: '永安病例' });
    expect((await yongan.get(`/api/v1/diseases/${d.id}`)).statusCode).toBe(200);
    expect((await sanyuan.get(`/api/v1/diseases/${d.id}`)).statusCode).toBe(404);
    expect((await sanyuan.get('/api/v1/diseases?q=永安病例')).json().items).toEqual([]);
    expect((await trainee.get('/api/v1/diseases')).statusCode).toBe(403);
    const { idNumber } = await rosterPerson(env.core, yonganEmp.id);
    const { employerId: _e, ...body } = diseaseInput(yonganEmp.id, idNumber, {
      recognitionResult: 'recognised',
      version: 0,
    });
    expect((await shebao.put(`/api/v1/diseases/${d.id}`, body)).statusCode).toBe(403);
    expect((await sanyuan.put(`/api/v1/diseases/${d.id}`, body)).statusCode).toBe(404);
    const ok = await yongan.put(`/api/v1/diseases/${d.id}`, body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 1, recognitionResult: 'recognised', workerName: '孙八' });
    expect((await yongan.put(`/api/v1/diseases/${d.id}`, body)).statusCode).toBe(409);
    expect((await audited('injury.disease.update', d.id))[0]?.changes).toMatchObject({
      after: { recognitionResult: 'recognised' },
    });
  });

  it('filters by pneumoconiosis and exports with the ID masked', async () => {
    const { idNumber } = await rosterPerson(env.core, yonganEmp.id);
    await yongan.post(
      '/api/v1/diseases',
      diseaseInput(yonganEmp.id, idNumber, { workerName: '导出病例', diagnosedOn: '2022-03-01' }),
    );
    await makeDisease(env.core, yonganEmp, {
      workerName: '导出病例',
      diagnosedOn: '2022-04-01',
      categoryNo: 4,
      diseaseName: '噪声聋',
      pneumoconiosis: false,
      stage: null,
    });
    const dust = (await yongan.get('/api/v1/diseases?q=导出病例&pneumoconiosis=true')).json()
      .items as DiseaseCaseView[];
    expect(dust.map((x) => x.diseaseName)).toEqual(['矽肺']);
    const res = await yongan.get('/api/v1/diseases/export?q=导出病例&year=2022');
    expect(res.statusCode).toBe(200);
    const rows = await sheetRows(res.rawPayload);
    expect(rows).toHaveLength(3);
    expect(JSON.stringify(rows)).not.toContain(idNumber);
    expect(JSON.stringify(rows)).toContain(`${idNumber.slice(0, 4)}**********`);
    expect((await shebao.get('/api/v1/diseases/export')).statusCode).toBe(403);
  });
});

const accidentInput = (extra: Record<string, unknown> = {}) => ({
  employerId: yonganEmp.id,
  occurredAt: '2024-07-01T10:00:00+08:00',
  category: '10',
  deaths: 1,
  seriousInjuries: 10,
  minorInjuries: 0,
  directLossFen: 300_000_00,
  summary: '基坑坍塌',
  ...extra,
});

describe('production-safety accidents', () => {
  it('grades an accident from casualties and loss, and shows the injuries linked to it', async () => {
    const res = await yongan.post('/api/v1/accidents', accidentInput());
    expect(res.statusCode).toBe(201);
    const a = res.json() as AccidentDetail;
    expect(a).toMatchObject({
      legalGrade: 'larger',
      legalGradeName: '较大事故',
      countyCode: '350481',
      employerName: yonganEmp.name,
    });
    expect(a.accidentNo).toMatch(/^SG20240701-/);
    await makeInjury(env.core, yonganEmp, { accidentId: a.id, workerName: '关联伤者' });
    const detail = (await yongan.get(`/api/v1/accidents/${a.id}`)).json() as AccidentDetail;
    expect(detail.injuries.map((i) => i.workerName)).toEqual(['关联伤者']);
    expect((await yongan.get(`/api/v1/injuries?accidentId=${a.id}`)).json().items).toHaveLength(1);
    expect(await audited('injury.accident.create', a.id)).toHaveLength(1);

    const edit = await yongan.put(`/api/v1/accidents/${a.id}`, {
      ...accidentInput({ seriousInjuries: 2 }),
      version: 0,
    });
    expect(edit.json()).toMatchObject({ legalGrade: 'general', version: 1 });
    expect((await yongan.put(`/api/v1/accidents/${a.id}`, { ...accidentInput(), version: 0 })).statusCode).toBe(409);
  });

  it('takes the county from the form without an employer, only in the caller’s scope', async () => {
    const own = await yongan.post(
      '/api/v1/accidents',
      accidentInput({ employerId: null, countyCode: '350481', deaths: 0, seriousInjuries: 0 }),
    );
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ employerId: null, legalGrade: 'general' });
    const missing = await yongan.post('/api/v1/accidents', accidentInput({ employerId: null }));
    expect(missing.json().fields[0].field).toBe('countyCode');
    const other = await yongan.post('/api/v1/accidents', accidentInput({ employerId: null, countyCode: '350404' }));
    expect(other.json().message).toContain('不在您的管辖范围内');
    const otherEmp = await yongan.post('/api/v1/accidents', accidentInput({ employerId: sanyuanEmp.id }));
    expect(otherEmp.statusCode).toBe(400);
    expect((await yongan.post('/api/v1/accidents', accidentInput({ deaths: -1 }))).statusCode).toBe(400);
    expect((await shebao.post('/api/v1/accidents', accidentInput())).statusCode).toBe(403);
  });

  it('keeps another county out of details, lists and exports', async () => {
    const a = (
      await yongan.post('/api/v1/accidents', accidentInput({ summary: '永安事故导出' }))
    ).json() as AccidentDetail;
    expect((await sanyuan.get(`/api/v1/accidents/${a.id}`)).statusCode).toBe(404);
    expect((await sanyuan.get('/api/v1/accidents?q=永安事故导出')).json().items).toEqual([]);
    const mine = await sheetRows((await yongan.get('/api/v1/accidents/export?q=永安事故导出')).rawPayload);
    expect(mine).toHaveLength(2);
    const theirs = await sheetRows((await sanyuan.get('/api/v1/accidents/export?q=永安事故导出')).rawPayload);
    expect(theirs).toHaveLength(1);
    expect((await yongan.get('/api/v1/accidents?grade=bad')).statusCode).toBe(400);
    // each export is audited, with its filter
    const audits = await env.core.db.select().from(auditLog).where(eq(auditLog.action, 'injury.accident.export'));
    expect(audits.map((x) => x.username).sort()).toEqual(['sanyuan', 'yongan']);
    expect(audits[0]?.changes).toMatchObject({ filter: { q: '永安事故导出' } });
  });
});
