import type { AccidentView, DiseaseCaseView, InjuryCaseView } from '@yufang/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { auditLog, type employer } from '../../core/db/schema.js';
import { syncAll } from './injury.exchange.js';
import { employerOf, makeInjury, rosterPerson } from './injury.factory.js';
import { diseaseCase, injuryCase, safetyAccident } from './injury.schema.js';
import { idColumns } from './injury.worker.js';

let env: TestEnv;
let city: Session;
let yongan: Session;
let sanyuan: Session;
let emp: typeof employer.$inferSelect;
const secrets: Record<string, string> = {};

beforeAll(async () => {
  env = await testApp();
  [city, yongan, sanyuan] = await Promise.all([
    login(env.app, 'cityadmin'),
    login(env.app, 'yongan'),
    login(env.app, 'sanyuan'),
  ]);
  emp = await employerOf(env.core, '350481');
  for (const code of ['yjj.accident', 'rsj.recognition', 'wjw.od_case']) {
    const res = await city.post('/api/v1/exchange/tokens', { name: code, system: '测试系统', dataSets: [code] });
    expect(res.statusCode).toBe(201);
    secrets[code] = res.json().secret;
  }
});
afterAll(() => env.close());

function push(code: string, records: Record<string, unknown>[]) {
  return env.app.inject({
    method: 'POST',
    url: `/api/v1/exchange/data-sets/${code}/records`,
    headers: { authorization: `Bearer ${secrets[code]}` },
    payload: records,
  });
}

const accident = (no: string, extra: Record<string, unknown> = {}) => ({
  accident_no: no,
  occurred_at: '2026-03-02 09:30',
  employer_uscc: emp.uscc,
  county_code: emp.countyCode,
  category: '04',
  deaths: 3,
  serious_injuries: 1,
  minor_injuries: 2,
  direct_loss: '1200000.00',
  summary: '起重作业吊物坠落',
  ...extra,
});

describe('exchange records become platform records', () => {
  it('a token push of an accident produces a safety accident with its legal grade, idempotently', async () => {
    const res = await push('yjj.accident', [
      accident('X-SG-1'),
      accident('X-SG-2', { deaths: 0, serious_injuries: 0 }),
    ]);
    expect(res.statusCode).toBe(200);
    const rows = await env.core.db.select().from(safetyAccident).where(eq(safetyAccident.source, 'exchange'));
    const byNo = new Map(rows.map((r) => [r.accidentNo, r]));
    expect(byNo.get('X-SG-1')).toMatchObject({
      legalGrade: 'larger',
      deaths: 3,
      directLossFen: 120_000_000,
      employerId: emp.id,
      countyCode: '350481',
      reportedByUnit: 'yjj',
      occurredAt: new Date('2026-03-02T01:30:00Z'),
    });
    expect(byNo.get('X-SG-2')?.legalGrade).toBe('general');
    expect(byNo.get('X-SG-1')?.sourceRef).toMatch(/^[0-9a-f-]{36}$/);

    // the same push again, and a sweep: nothing new, nothing rewritten
    await push('yjj.accident', [accident('X-SG-1'), accident('X-SG-2', { deaths: 0, serious_injuries: 0 })]);
    await syncAll(env.core);
    const again = await env.core.db.select().from(safetyAccident).where(eq(safetyAccident.source, 'exchange'));
    expect(again).toHaveLength(2);
    // a correction from the source regrades the accident
    await push('yjj.accident', [accident('X-SG-2', { deaths: 10, serious_injuries: 0 })]);
    const [regraded] = await env.core.db.select().from(safetyAccident).where(eq(safetyAccident.accidentNo, 'X-SG-2'));
    expect(regraded?.legalGrade).toBe('major');

    const list = (await yongan.get('/api/v1/accidents?grade=larger')).json().items as AccidentView[];
    expect(list.map((a) => a.accidentNo)).toContain('X-SG-1');
    expect((await sanyuan.get(`/api/v1/accidents/${byNo.get('X-SG-1')?.id}`)).statusCode).toBe(404);
    const audits = await env.core.db.select().from(auditLog).where(eq(auditLog.action, 'injury.exchange.sync'));
    expect(audits.length).toBe(2);
  });

  it('a recognition decision fills the matching form case, or becomes a case matched to the roster by ID hash', async () => {
    const { person, idNumber } = await rosterPerson(env.core, emp.id, { insuredFrom: '2024-01-01', name: '赵六' });
    const other = await rosterPerson(env.core, emp.id, { insuredFrom: '2023-06-01', name: '钱七' });
    const ids = idColumns(env.core, other.idNumber);
    const formCase = await makeInjury(env.core, emp, {
      ...ids,
      occurredAt: new Date('2026-02-10T03:00:00Z'),
      workerName: '钱七',
    });
    const decision = (no: string, id: string, date: string) => ({
      decision_no: no,
      employer_uscc: emp.uscc,
      county_code: emp.countyCode,
      id_number: id,
      accident_date: date,
      decided_on: '2026-03-20',
      result: 'recognised',
      injury_kind: 'traffic',
    });
    const res = await push('rsj.recognition', [
      decision('RD-1', idNumber, '2026-02-01'),
      decision('RD-2', other.idNumber, '2026-02-10'),
    ]);
    expect(res.statusCode).toBe(200);
    const [created] = await env.core.db.select().from(injuryCase).where(eq(injuryCase.caseNo, 'RD-1'));
    expect(created).toMatchObject({
      source: 'exchange',
      personId: person.id,
      workerName: '赵六',
      tenureMonths: 25,
      commuting: true,
      recognitionResult: 'recognised',
      recognitionDate: '2026-03-20',
      industryCode: emp.industryCode,
    });
    expect(created?.idHash).toBe(env.core.pii.hash(idNumber));
    const [updated] = await env.core.db.select().from(injuryCase).where(eq(injuryCase.id, formCase.id));
    expect(updated).toMatchObject({ recognitionResult: 'recognised', recognitionDate: '2026-03-20', source: 'form' });
    expect(await env.core.db.select().from(injuryCase).where(eq(injuryCase.caseNo, 'RD-2'))).toEqual([]);
    const view = (await yongan.get(`/api/v1/injuries/${created?.id}`)).json() as InjuryCaseView;
    expect(view.idMasked).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
  });

  it('an occupational-disease case takes the catalogue edition of its diagnosis date and a category by name', async () => {
    const res = await push('wjw.od_case', [
      {
        case_no: 'OD-1',
        diagnosed_on: '2025-09-01',
        employer_uscc: emp.uscc,
        county_code: emp.countyCode,
        disease: '矽肺',
        job: '凿岩工',
        exposure_years: 4,
      },
    ]);
    expect(res.statusCode).toBe(200);
    const [row] = await env.core.db.select().from(diseaseCase).where(eq(diseaseCase.caseNo, 'OD-1'));
    expect(row).toMatchObject({
      catalogueEdition: '2024',
      categoryNo: 1,
      pneumoconiosis: true,
      exposureMonths: 48,
      source: 'exchange',
    });
    const list = (await yongan.get('/api/v1/diseases?pneumoconiosis=true&edition=2024')).json()
      .items as DiseaseCaseView[];
    expect(list.map((d) => d.caseNo)).toContain('OD-1');
  });
});
