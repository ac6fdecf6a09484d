import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ExpertDetail, idCheckChar } from '@yufang/contracts';
import { and, eq, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { auditLog, notification } from '../../core/db/schema.js';
import { addDays, beijingDate } from './expert.rules.js';
import { expert } from './expert.schema.js';
import { ExpertService } from './expert.service.js';

let env: TestEnv;
let dataDir: string;
let city: Session;
let county: Session;
let fund: Session;
let expertUser: Session;

const validId = (first17: string) => first17 + idCheckChar(first17);
const input = (over: Record<string, unknown> = {}) => ({
  name: '郑立新',
  idNumber: validId('35040219780512123'),
  mobile: '13905981234',
  workUnit: '三明市第二医院',
  title: '主任医师',
  domains: ['occupational_health'],
  groupName: '职业卫生组',
  countyCode: '350404',
  shareConsent: true,
  ...over,
});

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'yufang-expert-'));
  env = await testApp({ env: { YUFANG_DATA_DIR: dataDir } });
  city = await login(env.app, 'cityadmin');
  county = await login(env.app, 'yongan');
  fund = await login(env.app, 'shebao');
  expertUser = await login(env.app, 'expert01');
});
afterAll(async () => {
  await env.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function audits(action: string) {
  return env.core.db.select().from(auditLog).where(eq(auditLog.action, action));
}

describe('expert pool', () => {
  it('lists the demo pool city-wide, masked, with filters, for county officers and the fund agency too', async () => {
    const all = (await county.get('/api/v1/experts?limit=200')).json();
    expect(all.items.length).toBeGreaterThanOrEqual(100);
    expect(all.items[0].idMasked).toMatch(/^\d{4}\*+\d{3}[\dX]$/);
    expect(new Set(all.items.map((e: { countyCode: string }) => e.countyCode)).size).toBeGreaterThan(5);
    const legal = (await fund.get('/api/v1/experts?domain=legal&status=appointed&limit=200')).json();
    expect(legal.items.length).toBeGreaterThan(0);
    for (const e of legal.items) {
      expect(e.domains).toContain('legal');
      expect(e.status).toBe('appointed');
    }
    const soon = (
      await city.get(`/api/v1/experts?termEndBefore=${addDays(beijingDate(new Date()), 60)}&limit=200`)
    ).json();
    expect(soon.items.some((e: { termState: string }) => e.termState === 'ending')).toBe(true);
    expect(soon.items.some((e: { termState: string }) => e.termState === 'expired')).toBe(true);
    const page1 = (await city.get('/api/v1/experts?limit=10')).json();
    const page2 = (await city.get(`/api/v1/experts?limit=10&cursor=${page1.nextCursor}`)).json();
    expect(page2.items[0].name >= page1.items[9].name).toBe(true);
    expect(page2.items.map((e: { id: string }) => e.id)).not.toContain(page1.items[9].id);
  });

  it('refuses a bad ID number naming the field, and a second profile of the same person', async () => {
    const bad = await city.post('/api/v1/experts', input({ idNumber: '350402197805121230' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('身份证号码');
    expect(bad.json().fields[0].field).toBe('idNumber');
    const domain = await city.post('/api/v1/experts', input({ domains: ['astrology'] }));
    expect(domain.statusCode).toBe(400);
    expect(domain.json().message).toContain('astrology');
    const first = await city.post('/api/v1/experts', input());
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'applied', phoneMasked: '139****1234' });
    expect(first.json().idMasked).toMatch(/^3504\*{10}/);
    const again = await city.post('/api/v1/experts', input({ name: '郑立新二' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('一人只能入库一次');
  });

  it('keeps county officers and the fund agency read-only', async () => {
    expect((await county.post('/api/v1/experts', input({ idNumber: validId('35040219800101001') }))).statusCode).toBe(
      403,
    );
    const [one] = (await county.get('/api/v1/experts?status=applied&limit=1')).json().items;
    expect((await county.post(`/api/v1/experts/${one.id}/review`, { version: one.version })).statusCode).toBe(403);
    expect((await fund.post(`/api/v1/experts/${one.id}/unmask`)).statusCode).toBe(403);
    const detail = (await county.get(`/api/v1/experts/${one.id}`)).json() as ExpertDetail;
    expect(detail.canManage).toBe(false);
    expect(detail.actions).toEqual([]);
  });

  it('walks the life cycle with a timeline, refuses out-of-order steps and stale versions', async () => {
    const created = (await city.post('/api/v1/experts', input({ idNumber: validId('35042519700303456') }))).json();
    const today = beijingDate(new Date());
    // appointing before the review is refused
    const early = await city.post(`/api/v1/experts/${created.id}/appoint`, {
      version: created.version,
      termStart: today,
    });
    expect(early.statusCode).toBe(409);
    const reviewing = (await city.post(`/api/v1/experts/${created.id}/review`, { version: created.version })).json();
    expect(reviewing.status).toBe('reviewing');
    const stale = await city.post(`/api/v1/experts/${created.id}/appoint`, {
      version: created.version,
      termStart: today,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('已被他人修改');
    const appointed = (
      await city.post(`/api/v1/experts/${created.id}/appoint`, { version: reviewing.version, termStart: today })
    ).json() as ExpertDetail;
    expect(appointed.status).toBe('appointed');
    expect(appointed.termStart).toBe(today);
    expect(appointed.termEnd).toBe(addDays(`${Number(today.slice(0, 4)) + 3}${today.slice(4)}`, -1));
    // renewal needs an assessment first
    expect((await city.post(`/api/v1/experts/${created.id}/renew`, { version: appointed.version })).statusCode).toBe(
      409,
    );
    const assessed = (
      await city.post(`/api/v1/experts/${created.id}/assess`, {
        version: appointed.version,
        result: 'excellent',
        note: '评审意见规范，按时完成',
      })
    ).json() as ExpertDetail;
    expect(assessed.actions).toContain('renew');
    const renewed = (await city.post(`/api/v1/experts/${created.id}/renew`, { version: assessed.version })).json();
    expect(renewed.termStart).toBe(addDays(appointed.termEnd as string, 1));
    const adjusted = (
      await city.post(`/api/v1/experts/${created.id}/adjust`, {
        version: renewed.version,
        domains: ['occupational_health', 'injury_prevention'],
        groupName: '工伤预防组',
        reason: '增加工伤预防领域',
      })
    ).json() as ExpertDetail;
    expect(adjusted.domainLabels).toEqual(['职业卫生', '工伤预防']);
    const noReason = await city.post(`/api/v1/experts/${created.id}/dismiss`, { version: adjusted.version });
    expect(noReason.statusCode).toBe(400);
    const dismissed = (
      await city.post(`/api/v1/experts/${created.id}/dismiss`, { version: adjusted.version, reason: '本人申请退出' })
    ).json() as ExpertDetail;
    expect(dismissed.status).toBe('dismissed');
    expect(dismissed.discipline[0]).toMatchObject({ kind: 'dismissal', reason: '本人申请退出' });
    expect(dismissed.events.map((e) => e.kind)).toEqual([
      'applied',
      'review',
      'appoint',
      'assess',
      'renew',
      'adjust',
      'dismiss',
    ]);
    expect(dismissed.actions).toEqual([]);
    const audited = await env.core.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, created.id), like(auditLog.action, 'expert.%')));
    expect(audited.map((a) => a.action).sort()).toEqual(
      [
        'expert.create',
        'expert.review',
        'expert.appoint',
        'expert.assess',
        'expert.renew',
        'expert.adjust',
        'expert.dismiss',
      ].sort(),
    );
  });

  it('rejects with a reason, records relations, qualifications with a checked document, discipline and absences', async () => {
    const created = (await city.post('/api/v1/experts', input({ idNumber: validId('35042119750909321') }))).json();
    const r = (await city.post(`/api/v1/experts/${created.id}/review`, { version: created.version })).json();
    const rejected = (
      await city.post(`/api/v1/experts/${created.id}/reject`, { version: r.version, reason: '从业年限不足' })
    ).json() as ExpertDetail;
    expect(rejected.status).toBe('rejected');
    expect(rejected.events.at(-1)).toMatchObject({ kind: 'reject', reason: '从业年限不足' });
    const rel = await city.post(`/api/v1/experts/${created.id}/relations`, {
      kind: 'employer',
      partyName: '某某公司',
      partyUscc: '91350400MA00000000',
      nature: '兼职顾问',
      declaredOn: '2025-01-01',
    });
    expect(rel.statusCode).toBe(400);
    expect(rel.json().message).toContain('统一社会信用代码');
    const q = await city.post(`/api/v1/experts/${created.id}/qualifications`, { name: '注册安全工程师', number: 'A1' });
    expect(q.statusCode).toBe(201);
    const qualificationId = (q.json() as ExpertDetail).qualifications[0]?.id as string;
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const upload = await env.app.inject({
      method: 'POST',
      url: `/api/v1/experts/${created.id}/documents`,
      headers: {
        cookie: city.cookie,
        'x-csrf-token': city.me.csrfToken,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('证书.png'),
        'x-qualification-id': qualificationId,
      },
      payload: png,
    });
    expect(upload.statusCode).toBe(201);
    expect((upload.json() as ExpertDetail).documents[0]).toMatchObject({ contentType: 'image/png', qualificationId });
    const fake = await env.app.inject({
      method: 'POST',
      url: `/api/v1/experts/${created.id}/documents`,
      headers: {
        cookie: city.cookie,
        'x-csrf-token': city.me.csrfToken,
        'content-type': 'application/octet-stream',
        'x-file-name': 'cert.pdf',
      },
      payload: Buffer.from('not a pdf at all'),
    });
    expect(fake.statusCode).toBe(400);
    // discipline only for appointed experts
    expect(
      (
        await city.post(`/api/v1/experts/${created.id}/discipline`, {
          kind: 'warning',
          recordedOn: '2026-01-01',
          reason: '迟到',
        })
      ).statusCode,
    ).toBe(409);
    const [appointed] = (await city.get('/api/v1/experts?status=appointed&limit=1')).json().items;
    const noUntil = await city.post(`/api/v1/experts/${appointed.id}/discipline`, {
      kind: 'suspension',
      recordedOn: beijingDate(new Date()),
      reason: '评审缺席',
    });
    expect(noUntil.statusCode).toBe(400);
    const suspended = (
      await city.post(`/api/v1/experts/${appointed.id}/discipline`, {
        kind: 'suspension',
        recordedOn: beijingDate(new Date()),
        suspendedUntil: addDays(beijingDate(new Date()), 90),
        reason: '评审缺席',
      })
    ).json() as ExpertDetail;
    expect(suspended.suspendedUntil).toBe(addDays(beijingDate(new Date()), 90));
    const away = await city.post(`/api/v1/experts/${appointed.id}/unavailability`, {
      fromDate: '2026-12-10',
      toDate: '2026-12-01',
      reason: '出差',
    });
    expect(away.statusCode).toBe(400);
    expect(away.json().message).toContain('结束日期');
  });

  it('unmasks the ID number and mobile only with expert.unmask, and audits every view', async () => {
    const created = (await city.post('/api/v1/experts', input({ idNumber: validId('35042719661111777') }))).json();
    const before = (await audits('expert.unmask')).length;
    const res = await city.post(`/api/v1/experts/${created.id}/unmask`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ idNumber: validId('35042719661111777'), mobile: '13905981234' });
    const after = await audits('expert.unmask');
    expect(after.length).toBe(before + 1);
    expect(JSON.stringify(after.at(-1)?.changes)).not.toContain('3504271966');
    expect((await county.post(`/api/v1/experts/${created.id}/unmask`)).statusCode).toBe(403);
    expect((await city.post('/api/v1/experts/00000000-0000-4000-8000-000000000000/unmask')).statusCode).toBe(404);
    expect((await city.get('/api/v1/experts/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('edits contact and work details, version-checked, keeping the ID number; the file and audit say what changed', async () => {
    const created: ExpertDetail = (
      await city.post('/api/v1/experts', input({ idNumber: validId('35042819700303555') }))
    ).json();
    const body = {
      name: '郑立新',
      mobile: '',
      workUnit: '三明市第一医院',
      workUnitUscc: null,
      title: '主任医师',
      countyCode: '350428',
      shareConsent: false,
      version: created.version,
    };
    const res = await city.put(`/api/v1/experts/${created.id}`, body);
    expect(res.statusCode).toBe(200);
    const after: ExpertDetail = res.json();
    expect(after).toMatchObject({ workUnit: '三明市第一医院', countyCode: '350428', shareConsent: false });
    expect(after.idMasked).toBe(created.idMasked);
    expect(after.phoneMasked).toBe(created.phoneMasked);
    expect(after.events.at(-1)).toMatchObject({
      kind: 'profile',
      detail: { fields: ['workUnit', 'countyCode', 'shareConsent'] },
    });
    const audit = (await audits('expert.update')).at(-1);
    expect(audit?.changes).toMatchObject({
      before: { workUnit: '三明市第二医院' },
      after: { workUnit: '三明市第一医院' },
    });
    // a stale form is refused; a new mobile is stored encrypted and audited masked only
    expect((await city.put(`/api/v1/experts/${created.id}`, body)).statusCode).toBe(409);
    const phone = await city.put(`/api/v1/experts/${created.id}`, {
      ...body,
      mobile: '13600001111',
      version: after.version,
    });
    expect(phone.statusCode).toBe(200);
    expect(phone.json().phoneMasked).toBe('136****1111');
    expect(JSON.stringify((await audits('expert.update')).at(-1)?.changes)).not.toContain('13600001111');
    const unmasked = (await city.post(`/api/v1/experts/${created.id}/unmask`)).json();
    expect(unmasked.mobile).toBe('13600001111');
    const bad = await city.put(`/api/v1/experts/${created.id}`, {
      ...body,
      countyCode: '110101',
      version: phone.json().version,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('countyCode');
    expect((await county.put(`/api/v1/experts/${created.id}`, body)).statusCode).toBe(403);
  });

  it('shows an expert their own profile; they cannot read the pool', async () => {
    const me = await expertUser.get('/api/v1/experts/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      name: '邱明远',
      status: 'appointed',
      domains: expect.arrayContaining(['injury_prevention']),
    });
    expect((await expertUser.get('/api/v1/experts')).statusCode).toBe(403);
    expect((await city.get('/api/v1/experts/me')).statusCode).toBe(403);
  });
});

describe('sharing the pool', () => {
  async function workbook(rows: string[][]) {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('专家');
    sheet.addRow([
      '姓名',
      '身份证号码',
      '手机号码',
      '工作单位',
      '统一社会信用代码',
      '职称',
      '专业领域代码',
      '专业组',
      '县区代码',
    ]);
    for (const r of rows) sheet.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const upload = (body: Buffer, session = city) =>
    env.app.inject({
      method: 'POST',
      url: `/api/v1/experts/import?sourceCity=${encodeURIComponent('南平市')}`,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.me.csrfToken,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      payload: body,
    });

  it('exports only consented experts of the own pool, with their source city, and audits it', async () => {
    const res = await city.get('/api/v1/experts/export');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getRow(1).getCell(10).value).toBe('来源城市');
    const exported = sheet.rowCount - 1;
    const consented = await env.core.db
      .select({ id: expert.id, c: expert.shareConsent, s: expert.status })
      .from(expert);
    const expected = consented.filter((e) => e.c && e.s === 'appointed').length;
    expect(exported).toBe(expected);
    expect(exported).toBeLessThan(consented.length);
    expect(sheet.getRow(2).getCell(10).value).toBe('三明市');
    expect(sheet.getRow(2).getCell(11).value).toContain('同意');
    expect((await audits('expert.export')).length).toBe(1);
    expect((await county.get('/api/v1/experts/export')).statusCode).toBe(403);
  });

  it('imports all or nothing, with row-level Chinese errors', async () => {
    const good = [
      '刘长青',
      validId('35070219720202345'),
      '13800001111',
      '南平市第一医院',
      '',
      '主任医师',
      'occupational_health',
      '职业卫生组',
      '350402',
    ];
    const bad = await upload(
      await workbook([
        good,
        ['王小二', '350702197202023450', '13800001112', '南平学院', '', '教授', 'legal,magic', '', '350402'],
        [
          '刘长青',
          validId('35070219720202345'),
          '13800001111',
          '南平市第一医院',
          '',
          '主任医师',
          'legal',
          '',
          '350402',
        ],
      ]),
    );
    expect(bad.statusCode).toBe(400);
    const body = bad.json();
    expect(body.message).toContain('导入未执行');
    const messages = body.fields.map((f: { message: string }) => f.message).join('\n');
    expect(messages).toContain('第 3 行身份证号码');
    expect(messages).toContain('magic');
    expect(messages).toContain('第 4 行身份证号码：与第 2 行重复');
    const [none] = await env.core.db.select().from(expert).where(eq(expert.name, '刘长青'));
    expect(none).toBeUndefined();
    const ok = await upload(await workbook([good]));
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ imported: 1, sourceCity: '南平市' });
    const [row] = await env.core.db.select().from(expert).where(eq(expert.name, '刘长青'));
    expect(row).toMatchObject({ status: 'applied', sourceCity: '南平市' });
    // the same file again: the person is in the pool now
    const again = await upload(await workbook([good]));
    expect(again.statusCode).toBe(400);
    expect(again.json().fields[0].message).toContain('专家库中已有此人');
    expect((await upload(await workbook([good]), county)).statusCode).toBe(403);
  });
});

describe('term reminders', () => {
  it('notifies the bureau and the expert on each reminder day, once', async () => {
    const base = new Date();
    let now = base;
    const service = new ExpertService(env.core, () => now);
    const today = beijingDate(base);
    const [row] = await env.core.db.select({ id: expert.id }).from(expert).where(eq(expert.userId, expertUser.me.id));
    const expertId = row?.id as string;
    // put expert01's term end 31 days away: nothing today, the 30-day reminder tomorrow
    await env.core.db
      .update(expert)
      .set({ termEnd: addDays(today, 31) })
      .where(eq(expert.id, expertId));
    const count = async (userId: string) =>
      (
        await env.core.db
          .select()
          .from(notification)
          .where(and(eq(notification.userId, userId), like(notification.title, '%聘期 30 天后届满%')))
      ).length;
    await service.remindTerms();
    expect(await count(expertUser.me.id)).toBe(0);
    now = new Date(base.getTime() + 86_400_000);
    await service.remindTerms();
    expect(await count(expertUser.me.id)).toBe(1);
    expect(await count(city.me.id)).toBeGreaterThanOrEqual(1);
    const cityNotes = await env.core.db
      .select()
      .from(notification)
      .where(and(eq(notification.userId, city.me.id), like(notification.title, '%邱明远%')));
    expect(cityNotes.some((n) => n.link === `/experts/${expertId}`)).toBe(true);
    // run twice on the same day: no second notice
    await service.remindTerms();
    expect(await count(expertUser.me.id)).toBe(1);
    expect(await count(county.me.id)).toBe(0);
    now = new Date(base.getTime() + 24 * 86_400_000);
    await service.remindTerms();
    const seven = await env.core.db
      .select()
      .from(notification)
      .where(and(eq(notification.userId, expertUser.me.id), like(notification.title, '%7 天后届满%')));
    expect(seven.length).toBe(1);
  });
});
