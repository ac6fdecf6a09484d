import type { InspectionPlanDetail, InspectionPlanForm, InspectionVisitForm } from '@yufang/contracts';
import { and, asc, eq, like, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { employer, notification } from '../../core/db/schema.js';
import { addDays, beijingDate } from '../hazard/hazard.rules.js';
import { hazard } from '../hazard/hazard.schema.js';

let env: TestEnv;
let city: Session;
let yongan: Session;
let sanyuan: Session;
let yingji: Session;
let weijian: Session;
let company: Session;
let ownEmployer: string;
let otherYongan: string;
let elsewhere: string;
const today = beijingDate(new Date());
const YONGAN = '350481';

beforeAll(async () => {
  env = await testApp();
  [city, yongan, sanyuan, yingji, weijian, company] = (await Promise.all(
    ['cityadmin', 'yongan', 'sanyuan', 'yingji', 'weijian', 'employer01'].map((u) => login(env.app, u)),
  )) as [Session, Session, Session, Session, Session, Session];
  ownEmployer = company.me.scope.find((s) => s.kind === 'employer')?.code ?? '';
  const inYongan = await env.core.db
    .select({ id: employer.id })
    .from(employer)
    .where(and(eq(employer.countyCode, YONGAN), ne(employer.id, ownEmployer)))
    .orderBy(asc(employer.name));
  otherYongan = inYongan[0]?.id ?? '';
  const [other] = await env.core.db.select({ id: employer.id }).from(employer).where(ne(employer.countyCode, YONGAN));
  elsewhere = other?.id ?? '';
});
afterAll(() => env.close());

const ITEMS = [
  { code: 'A01', text: '安全生产责任制落实情况' },
  { code: 'A02', text: '劳动防护用品配备情况' },
];

function plan(over: Partial<InspectionPlanForm> = {}): InspectionPlanForm {
  return {
    title: '永安市机械加工企业联合检查',
    regionCode: YONGAN,
    leadUnitCode: 'rsj',
    unitCodes: ['yjj'],
    startOn: addDays(today, -5),
    endOn: addDays(today, 20),
    items: ITEMS,
    employerIds: [ownEmployer, otherYongan],
    ...over,
  };
}

function visit(version: number, over: Partial<InspectionVisitForm> = {}): InspectionVisitForm {
  return {
    visitedOn: today,
    itemResults: [
      { code: 'A01', result: 'pass' },
      { code: 'A02', result: 'fail', note: '打磨岗位未佩戴防尘口罩' },
    ],
    findings: [
      {
        itemCode: 'A02',
        category: 'safety',
        level: 'general',
        description: '打磨岗位作业人员未佩戴防尘口罩',
        location: '打磨车间',
        responsibleUnitCode: 'yjj',
      },
    ],
    version,
    ...over,
  };
}

describe('joint inspections', () => {
  let p: InspectionPlanDetail;

  it('offers the default checklist and only the caller’s county', async () => {
    const res = await yongan.get('/api/v1/inspections/options');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.checklist.length).toBeGreaterThan(3);
    expect(body.regions.map((r: { code: string }) => r.code)).toEqual([YONGAN]);
    expect(body.employers.every((e: { countyCode: string }) => e.countyCode === YONGAN)).toBe(true);
  });

  it('validates dates, units, items and employers in scope', async () => {
    const dates = await yongan.post('/api/v1/inspections', plan({ endOn: addDays(today, -10) }));
    expect(dates.statusCode).toBe(400);
    expect(dates.json().fields[0]).toMatchObject({ field: 'endOn' });
    expect(dates.json().message).toContain('结束日期');
    const units = await yongan.post('/api/v1/inspections', plan({ unitCodes: ['nope'] }));
    expect(units.json().fields[0]).toMatchObject({ field: 'unitCodes' });
    const items = await yongan.post('/api/v1/inspections', plan({ items: [] }));
    expect(items.json().fields[0]).toMatchObject({ field: 'items' });
    const dup = await yongan.post('/api/v1/inspections', plan({ items: [ITEMS[0], ITEMS[0]] as typeof ITEMS }));
    expect(dup.json().fields[0]).toMatchObject({ field: 'items' });
    const region = await yongan.post('/api/v1/inspections', plan({ regionCode: '350400' }));
    expect(region.json().fields[0]).toMatchObject({ field: 'regionCode' });
    const other = await yongan.post('/api/v1/inspections', plan({ employerIds: [elsewhere] }));
    expect(other.statusCode).toBe(400);
    expect(other.json().fields[0]).toMatchObject({ field: 'employerIds' });
  });

  it('a county officer creates a plan numbered JC + year + sequence', async () => {
    const res = await yongan.post('/api/v1/inspections', plan());
    expect(res.statusCode).toBe(201);
    p = res.json();
    expect(p.planNo).toMatch(new RegExp(`^JC${today.slice(0, 4)}\\d{4}$`));
    expect(p).toMatchObject({ status: 'planned', total: 2, visited: 0, leadUnitCode: 'rsj' });
    expect(p.units.map((u) => u.code)).toEqual(['yjj']);
  });

  it('a unit officer may not plan; a non-participating unit and another county do not see the plan', async () => {
    expect((await yingji.post('/api/v1/inspections', plan())).statusCode).toBe(403);
    expect((await weijian.get(`/api/v1/inspections/${p.id}`)).statusCode).toBe(404);
    const target = p.targets[0]?.id;
    expect((await weijian.post(`/api/v1/inspections/${p.id}/targets/${target}/visit`, visit(0))).statusCode).toBe(404);
    expect((await sanyuan.get(`/api/v1/inspections/${p.id}`)).statusCode).toBe(404);
    const list = (await sanyuan.get('/api/v1/inspections')).json();
    expect(list.items.some((i: { id: string }) => i.id === p.id)).toBe(false);
    expect((await company.get('/api/v1/inspections')).statusCode).toBe(403);
    expect((await yingji.get(`/api/v1/inspections/${p.id}`)).statusCode).toBe(200);
  });

  it('rejects a failed item without a finding', async () => {
    const target = p.targets.find((t) => t.employerId === ownEmployer);
    const res = await yingji.post(
      `/api/v1/inspections/${p.id}/targets/${target?.id}/visit`,
      visit(0, { findings: [] }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({ field: 'findings' });
  });

  it('a participating unit records a visit: the failed item becomes a hazard notified to the employer', async () => {
    const target = p.targets.find((t) => t.employerId === ownEmployer);
    const res = await yingji.post(`/api/v1/inspections/${p.id}/targets/${target?.id}/visit`, visit(0));
    expect(res.statusCode).toBe(200);
    p = res.json();
    expect(p).toMatchObject({ status: 'in_progress', visited: 1, findings: 1 });
    const finding = p.findingList[0];
    expect(finding).toMatchObject({ unitCode: 'yjj', itemCode: 'A02', hazardStatus: 'notified', closed: false });
    const [h] = await env.core.db
      .select()
      .from(hazard)
      .where(eq(hazard.id, finding?.hazardId ?? ''));
    expect(h).toMatchObject({
      foundByUnit: 'yjj',
      responsibleUnit: 'yjj',
      status: 'notified',
      employerId: ownEmployer,
    });
    const notices = await env.core.db
      .select()
      .from(notification)
      .where(and(eq(notification.userId, company.me.id), like(notification.title, `%${h?.hazardNo}%`)));
    expect(notices).toHaveLength(1);
    expect(p.byUnit.find((u) => u.unitCode === 'yjj')).toMatchObject({ findings: 1, open: 1 });
    // the employer sees its hazard
    expect((await company.get(`/api/v1/hazards/${h?.id}`)).statusCode).toBe(200);
  });

  it('an HRSS officer’s finding is found by the lead unit', async () => {
    const target = p.targets.find((t) => t.employerId === otherYongan);
    const res = await yongan.post(`/api/v1/inspections/${p.id}/targets/${target?.id}/visit`, visit(0));
    expect(res.statusCode).toBe(200);
    p = res.json();
    expect(p.findingList.map((f) => f.unitCode).sort()).toEqual(['rsj', 'yjj']);
  });

  it('checks versions (409) and the cancel reason', async () => {
    const target = p.targets[0];
    const again = await yingji.post(`/api/v1/inspections/${p.id}/targets/${target?.id}/visit`, visit(0));
    expect(again.statusCode).toBe(409);
    const stale = await yongan.put(`/api/v1/inspections/${p.id}`, { ...plan(), version: p.version - 1 });
    expect(stale.statusCode).toBe(409);
    const reason = await yongan.post(`/api/v1/inspections/${p.id}/status`, { action: 'cancel', version: p.version });
    expect(reason.statusCode).toBe(400);
    const edit = await yongan.put(`/api/v1/inspections/${p.id}`, {
      ...plan({ title: '永安市机械加工企业联合检查（调整）' }),
      version: p.version,
    });
    expect(edit.statusCode).toBe(200);
    const removeVisited = await yongan.put(`/api/v1/inspections/${p.id}`, {
      ...plan({ employerIds: [otherYongan] }),
      version: edit.json().version,
    });
    expect(removeVisited.statusCode).toBe(400);
  });

  it('exports the results and lists plans for the city with filters', async () => {
    const xlsx = await yongan.get(`/api/v1/inspections/${p.id}/export`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const list = (await city.get(`/api/v1/inspections?regionCode=${YONGAN}&status=in_progress`)).json();
    expect(list.items.some((i: { id: string }) => i.id === p.id)).toBe(true);
    const all = (await city.get('/api/v1/inspections?limit=2')).json();
    expect(all.items).toHaveLength(2);
    expect(all.nextCursor).toBeTruthy();
    const done = await yongan.post(`/api/v1/inspections/${p.id}/status`, {
      action: 'complete',
      version: (await yongan.get(`/api/v1/inspections/${p.id}`)).json().version,
    });
    expect(done.json()).toMatchObject({ status: 'completed', can: { edit: false, record: false } });
  });

  it('demo data: a completed plan with findings, one in progress, one planned', async () => {
    const all = (await city.get('/api/v1/inspections?limit=50')).json();
    const demo = all.items.filter((i: { demo: boolean }) => i.demo);
    expect(demo.map((i: { status: string }) => i.status).sort()).toEqual(['completed', 'in_progress', 'planned']);
    expect(demo.find((i: { status: string }) => i.status === 'completed').findings).toBeGreaterThan(0);
  });
});
