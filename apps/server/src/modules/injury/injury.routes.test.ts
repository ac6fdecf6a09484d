import type { InjuryCaseDetail, InjuryCaseView } from '@yufang/contracts';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { auditLog, type employer } from '../../core/db/schema.js';
import { employerOf, makeAccident, makeInjury, rosterPerson } from './injury.factory.js';
import { ageOn } from './injury.rules.js';
import { injuryCase } from './injury.schema.js';

let env: TestEnv;
let yongan: Session;
let sanyuan: Session;
let city: Session;
let shebao: Session;
let trainee: Session;
let yonganEmp: typeof employer.$inferSelect;
let sanyuanEmp: typeof employer.$inferSelect;

beforeAll(async () => {
  env = await testApp();
  [yongan, sanyuan, city, shebao, trainee] = await Promise.all([
    login(env.app, 'yongan'),
    login(env.app, 'sanyuan'),
    login(env.app, 'cityadmin'),
    login(env.app, 'shebao'),
    login(env.app, 'trainee01'),
  ]);
  yonganEmp = await employerOf(env.core, '350481');
  sanyuanEmp = await employerOf(env.core, '350404');
});
afterAll(() => env.close());

const caseInput = (employerId: string, idNumber: string, extra: Record<string, unknown> = {}) => ({
  employerId,
  idNumber,
  workerName: '王五',
  job: null,
  occurredAt: '2024-03-15T09:30:00+08:00',
  place: '冲压车间',
  accidentCategory: '03',
  injuryNature: '骨折',
  bodyPart: '腕及手',
  cause: '冲压机',
  harmingObject: '模具',
  activity: '更换模具',
  severity: 'serious',
  lostWorkdays: 150,
  ...extra,
});

const audits = (action: string, objectId: string) =>
  env.core.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.objectId, objectId)));

function del(s: Session, url: string) {
  return env.app.inject({ method: 'DELETE', url, headers: { cookie: s.cookie, 'x-csrf-token': s.me.csrfToken } });
}

describe('injury cases: create', () => {
  it('fills the worker from the roster and copies the employer classification; audited, ID masked', async () => {
    const { person, idNumber } = await rosterPerson(env.core, yonganEmp.id, {
      insuredFrom: '2022-01-10',
      job: '冲压工',
    });
    const res = await yongan.post('/api/v1/injuries', caseInput(yonganEmp.id, idNumber));
    expect(res.statusCode).toBe(201);
    const c = res.json() as InjuryCaseDetail;
    expect(c).toMatchObject({
      employerId: yonganEmp.id,
      countyCode: '350481',
      personId: person.id,
      workerName: '王五',
      job: '冲压工',
      tenureMonths: 26,
      birthDate: person.birthDate,
      industryCode: yonganEmp.industryCode,
      keyIndustry: yonganEmp.keyIndustry,
      severity: 'serious',
      recognitionResult: 'pending',
      source: 'form',
      version: 0,
      totalCostFen: 0,
      can: { update: true, export: true, addCost: true },
    });
    expect(c.sex).toBe(Number(idNumber[16]) % 2 === 1 ? '1' : '2');
    expect(c.age).toBe(ageOn(person.birthDate, '2024-03-15'));
    expect(c.caseNo).toMatch(/^GS20240315-[0-9A-F]{6}$/);
    expect(c.idMasked).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    expect(res.body).not.toContain(idNumber);
    const [stored] = await env.core.db.select().from(injuryCase).where(eq(injuryCase.id, c.id));
    expect(env.core.pii.decrypt(stored?.idCipher as string)).toBe(idNumber);
    const [audit] = await audits('injury.case.create', c.id);
    expect(JSON.stringify(audit?.changes)).not.toContain(idNumber);
    expect(JSON.stringify(audit?.changes)).not.toContain(stored?.idHash as string);
  });

  it('records a worker not on the roster with the facts of the ID number only', async () => {
    const res = await yongan.post('/api/v1/injuries', caseInput(yonganEmp.id, '35048119900101123X', { job: '焊工' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      personId: null,
      tenureMonths: null,
      job: '焊工',
      birthDate: '1990-01-01',
      sex: '1',
    });
  });

  it('refuses lost workdays that do not fit the severity, and a grade on a pending case, naming the field', async () => {
    const { idNumber } = await rosterPerson(env.core, yonganEmp.id);
    const days = await yongan.post('/api/v1/injuries', caseInput(yonganEmp.id, idNumber, { lostWorkdays: 30 }));
    expect(days.statusCode).toBe(400);
    expect(days.json().message).toMatch(/^损失工作日：重伤的损失工作日应在 105/);
    const grade = await yongan.post(
      '/api/v1/injuries',
      caseInput(yonganEmp.id, idNumber, { disabilityGrade: 8, disabilityAssessedOn: '2024-06-01' }),
    );
    expect(grade.statusCode).toBe(400);
    expect(grade.json().fields.map((f: { field: string }) => f.field)).toContain('disabilityGrade');
    const badId = await yongan.post('/api/v1/injuries', caseInput(yonganEmp.id, '350481199001011230'));
    expect(badId.statusCode).toBe(400);
    expect(badId.json().message).toContain('校验位');
  });

  it('refuses an employer outside the caller’s county and an accident outside it', async () => {
    const { idNumber } = await rosterPerson(env.core, sanyuanEmp.id);
    const other = await yongan.post('/api/v1/injuries', caseInput(sanyuanEmp.id, idNumber));
    expect(other.statusCode).toBe(400);
    expect(other.json().message).toContain('不在您的管辖范围内');
    const accident = await makeAccident(env.core, sanyuanEmp);
    const { idNumber: own } = await rosterPerson(env.core, yonganEmp.id);
    const linked = await yongan.post('/api/v1/injuries', caseInput(yonganEmp.id, own, { accidentId: accident.id }));
    expect(linked.statusCode).toBe(400);
    expect(linked.json().fields[0].field).toBe('accidentId');
  });

  it('needs injury.write', async () => {
    const { idNumber } = await rosterPerson(env.core, yonganEmp.id);
    expect((await shebao.post('/api/v1/injuries', caseInput(yonganEmp.id, idNumber))).statusCode).toBe(403);
    expect((await trainee.get('/api/v1/injuries')).statusCode).toBe(403);
  });
});

describe('injury cases: read, edit, costs', () => {
  it('shows a case in scope; another county gets 404 by id and never sees it in its list', async () => {
    const c = await makeInjury(env.core, yonganEmp, { workerName: '永安职工' });
    await makeInjury(env.core, sanyuanEmp, { workerName: '三元职工' });
    expect((await yongan.get(`/api/v1/injuries/${c.id}`)).statusCode).toBe(200);
    expect((await city.get(`/api/v1/injuries/${c.id}`)).statusCode).toBe(200);
    const view = (await shebao.get(`/api/v1/injuries/${c.id}`)).json() as InjuryCaseDetail;
    expect(view.can).toEqual({ update: false, export: false, addCost: false });
    expect((await sanyuan.get(`/api/v1/injuries/${c.id}`)).statusCode).toBe(404);
    const list = (await sanyuan.get('/api/v1/injuries?limit=200')).json().items as InjuryCaseView[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((i) => i.countyCode === '350404')).toBe(true);
    expect((await sanyuan.get(`/api/v1/injuries?county=350481`)).json().items).toEqual([]);
  });

  it('edits with the version and refuses a stale one (409); the change is audited', async () => {
    const { idNumber } = await rosterPerson(env.core, yonganEmp.id);
    const created = (
      await yongan.post('/api/v1/injuries', caseInput(yonganEmp.id, idNumber))
    ).json() as InjuryCaseDetail;
    const { employerId: _e, idNumber: _i, ...body } = caseInput(yonganEmp.id, idNumber);
    const edit = {
      ...body,
      recognitionResult: 'recognised',
      recognitionDate: '2024-04-20',
      disabilityGrade: 9,
      disabilityAssessedOn: '2024-08-01',
      version: 0,
    };
    const res = await yongan.put(`/api/v1/injuries/${created.id}`, edit);
    expect(res.statusCode).toBe(200);
    const after = res.json() as InjuryCaseDetail;
    expect(after).toMatchObject({
      version: 1,
      recognitionResult: 'recognised',
      disabilityGrade: 9,
      personId: created.personId,
    });
    expect(after.timeline.map((t) => t.kind)).toEqual(['event', 'recognition', 'assessment', 'recorded']);
    expect((await yongan.put(`/api/v1/injuries/${created.id}`, edit)).statusCode).toBe(409);
    const [audit] = await audits('injury.case.update', created.id);
    expect(audit?.changes).toMatchObject({ before: { recognitionResult: 'pending' }, after: { disabilityGrade: 9 } });
    expect((await sanyuan.put(`/api/v1/injuries/${created.id}`, { ...edit, version: 1 })).statusCode).toBe(404);
  });

  it('adds and removes fund spending items in fen, audited; out of scope is 404', async () => {
    const c = await makeInjury(env.core, yonganEmp);
    const url = `/api/v1/injuries/${c.id}/costs`;
    const add = await yongan.post(url, { item: 'medical', amountFen: 1_234_56, paidOn: '2024-06-01' });
    expect(add.statusCode).toBe(201);
    expect(add.json()).toMatchObject({ item: 'medical', itemName: '医疗费', amountFen: 123456 });
    await yongan.post(url, { item: 'paid_leave_wage', amountFen: 500_00, paidOn: '2024-07-01' });
    let detail = (await yongan.get(`/api/v1/injuries/${c.id}`)).json() as InjuryCaseDetail;
    expect(detail.totalCostFen).toBe(173456);
    expect(detail.costs.map((x) => x.itemName)).toEqual(['医疗费', '停工留薪期工资']);
    expect((await yongan.post(url, { item: 'medical', amountFen: 1.5, paidOn: '2024-06-01' })).statusCode).toBe(400);
    const early = await yongan.post(url, { item: 'medical', amountFen: 100, paidOn: '2024-01-01' });
    expect(early.json().message).toBe('支付日期：支付日期不能早于事故日期');
    expect((await sanyuan.post(url, { item: 'medical', amountFen: 100, paidOn: '2024-06-01' })).statusCode).toBe(404);
    expect((await shebao.post(url, { item: 'medical', amountFen: 100, paidOn: '2024-06-01' })).statusCode).toBe(403);
    const costId = add.json().id as number;
    expect((await del(sanyuan, `${url}/${costId}`)).statusCode).toBe(404);
    expect((await del(yongan, `${url}/${costId}`)).statusCode).toBe(204);
    detail = (await yongan.get(`/api/v1/injuries/${c.id}`)).json() as InjuryCaseDetail;
    expect(detail.totalCostFen).toBe(50000);
    expect((await audits('injury.cost.create', c.id)).length).toBe(2);
    expect((await audits('injury.cost.delete', c.id))[0]?.changes).toMatchObject({ before: { amountFen: 123456 } });
  });

  it('filters the list (year, severity, key industry, category, text) and pages by keyset', async () => {
    const emp = yonganEmp;
    for (let i = 0; i < 5; i++)
      await makeInjury(env.core, emp, {
        occurredAt: new Date(Date.UTC(2021, i, 10)),
        severity: i % 2 ? 'death' : 'minor',
        lostWorkdays: i % 2 ? 6000 : 10,
        accidentCategory: '09',
        workerName: `筛选${i}`,
        recognitionResult: (['deemed', 'recognised', 'not_recognised', 'pending', 'pending'] as const)[i],
      });
    const q = (s: string) => yongan.get(`/api/v1/injuries?q=筛选&${s}`).then((r) => r.json().items as InjuryCaseView[]);
    expect((await q('year=2021&category=09')).length).toBe(5);
    expect((await q('year=2021&severity=death')).map((x) => x.workerName)).toEqual(['筛选3', '筛选1']);
    expect((await q(`year=2021&keyIndustry=${!emp.keyIndustry}`)).length).toBe(0);
    expect((await q(`year=2021&industry=${emp.industryCode}&county=350481`)).length).toBe(5);
    // several industries (a key-industry category) and the dashboards' recognition groups
    const other = emp.industryCode === '01' ? '02' : '01';
    expect((await q(`year=2021&industry=${other},${emp.industryCode}`)).length).toBe(5);
    expect((await q(`year=2021&industry=${other}`)).length).toBe(0);
    expect((await q('year=2021&recognition=accepted')).map((x) => x.workerName)).toEqual(['筛选1', '筛选0']);
    expect((await q('year=2021&recognition=counted')).length).toBe(4);
    expect((await q('year=2021&recognition=recognised')).length).toBe(1);
    expect((await yongan.get('/api/v1/injuries?industry=06,x1')).statusCode).toBe(400);
    expect((await q('from=2021-02-10&to=2021-03-10')).map((x) => x.workerName)).toEqual(['筛选2', '筛选1']);
    expect((await yongan.get('/api/v1/injuries?q=筛选4')).json().items).toHaveLength(1);
    const first = (await yongan.get('/api/v1/injuries?year=2021&q=筛选&limit=3')).json();
    expect(first.items).toHaveLength(3);
    const second = (await yongan.get(`/api/v1/injuries?year=2021&q=筛选&limit=3&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((x: InjuryCaseView) => x.workerName)).toEqual(['筛选1', '筛选0']);
    expect(second.nextCursor).toBeNull();
    expect((await yongan.get('/api/v1/injuries?severity=bad')).statusCode).toBe(400);
    expect((await yongan.get('/api/v1/injuries?year=20x')).statusCode).toBe(400);
    expect((await yongan.get('/api/v1/injuries?recognition=bad')).statusCode).toBe(400);
  });

  it('exports the filtered list to Excel with the ID masked, audited, in scope only', async () => {
    const { idNumber } = await rosterPerson(env.core, yonganEmp.id);
    await yongan.post(
      '/api/v1/injuries',
      caseInput(yonganEmp.id, idNumber, { occurredAt: '2023-02-01T08:00:00+08:00', workerName: '导出职工' }),
    );
    const res = await yongan.get('/api/v1/injuries/export?year=2023&q=导出职工');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header).toContain('身份证号码（脱敏）');
    expect(sheet.rowCount).toBe(2);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row).toContain(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    expect(JSON.stringify(row)).not.toContain(idNumber);
    const [audit] = await env.core.db.select().from(auditLog).where(eq(auditLog.action, 'injury.case.export'));
    expect(audit?.changes).toMatchObject({ filter: { year: 2023, q: '导出职工' } });
    const other = await sanyuan.get('/api/v1/injuries/export?year=2023&q=导出职工');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(other.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets[0]?.rowCount).toBe(1);
    expect((await shebao.get('/api/v1/injuries/export')).statusCode).toBe(403);
  });
});

describe('worker look-up', () => {
  it('finds the worker in the employer roster by ID number, not in another employer’s', async () => {
    const { person, idNumber } = await rosterPerson(env.core, yonganEmp.id, { insuredFrom: '2023-01-01' });
    const res = await yongan.post('/api/v1/injuries/worker-lookup', {
      employerId: yonganEmp.id,
      idNumber,
      on: '2024-01-15',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().person).toMatchObject({
      id: person.id,
      name: '测试职工',
      tenureMonths: 12,
      insuredFrom: '2023-01-01',
    });
    const none = await yongan.post('/api/v1/injuries/worker-lookup', {
      employerId: yonganEmp.id,
      idNumber: '35048119900101123X',
      on: '2024-01-15',
    });
    expect(none.json()).toEqual({ person: null });
    const other = await sanyuan.post('/api/v1/injuries/worker-lookup', {
      employerId: yonganEmp.id,
      idNumber,
      on: '2024-01-15',
    });
    expect(other.statusCode).toBe(400);
    expect(
      (await shebao.post('/api/v1/injuries/worker-lookup', { employerId: yonganEmp.id, idNumber, on: '2024-01-15' }))
        .statusCode,
    ).toBe(403);
  });
});
