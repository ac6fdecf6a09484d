import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HazardDetail, HazardReportForm, HazardView } from '@yufang/contracts';
import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { auditLog, notification } from '../../core/db/schema.js';
import { addDays, beijingDate } from './hazard.rules.js';

let env: TestEnv;
let dataDir: string;
let yingji: Session;
let company: Session;
let yongan: Session;
let sanyuan: Session;
let weijian: Session;
let employerId: string;
const today = beijingDate(new Date());
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

beforeAll(async () => {
  // evidence files go to the data folder: a temporary one per test file
  dataDir = await mkdtemp(path.join(tmpdir(), 'yufang-hazard-'));
  env = await testApp({ env: { YUFANG_DATA_DIR: dataDir } });
  yingji = await login(env.app, 'yingji');
  company = await login(env.app, 'employer01');
  yongan = await login(env.app, 'yongan');
  sanyuan = await login(env.app, 'sanyuan');
  weijian = await login(env.app, 'weijian');
  employerId = company.me.scope.find((s) => s.kind === 'employer')?.code ?? '';
});
afterAll(async () => {
  await env.close();
  await rm(dataDir, { recursive: true, force: true });
});

function report(session: Session, over: Partial<HazardReportForm> = {}) {
  return session.post('/api/v1/hazards', {
    employerId,
    category: 'safety',
    level: 'major',
    description: '粉尘车间除尘系统未运行',
    location: '二号车间',
    foundOn: today,
    responsibleUnitCode: 'yjj',
    ...over,
  } satisfies HazardReportForm);
}

function upload(session: Session, id: string, name: string, body: Buffer, type = 'application/octet-stream') {
  return env.app.inject({
    method: 'POST',
    url: `/api/v1/hazards/${id}/evidence`,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.me.csrfToken,
      'content-type': type,
      'x-file-name': encodeURIComponent(name),
    },
    payload: body,
  });
}

async function noticesFor(username: string, titlePart: string) {
  const session = { yingji, employer01: company, yongan, sanyuan, weijian }[username] as Session;
  return env.core.db
    .select()
    .from(notification)
    .where(and(eq(notification.userId, session.me.id), like(notification.title, `%${titlePart}%`)));
}

describe('hazard life cycle', () => {
  let h: HazardDetail;

  it('a unit officer records a major hazard: 90-day deadline, the employer is notified', async () => {
    const res = await report(yingji);
    expect(res.statusCode).toBe(201);
    h = res.json();
    expect(h).toMatchObject({ status: 'notified', level: 'major', foundByUnitCode: 'yjj', source: 'department' });
    expect(h.deadline).toBe(addDays(today, 90));
    expect(h.events.map((e) => e.action)).toEqual(['report', 'notify']);
    expect(await noticesFor('employer01', h.hazardNo)).toHaveLength(1);
    expect(h.can).toMatchObject({ verify: false, notify: false, uploadEvidence: true });
  });

  it('refuses an incomplete report naming the field, and a report by the employer or out of scope', async () => {
    const bad = await report(yingji, { description: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('隐患描述');
    const exposure = await report(yingji, { category: 'exposure' });
    expect(exposure.statusCode).toBe(400);
    expect(exposure.json().message).toContain('危害因素');
    expect((await report(yingji, { foundOn: addDays(today, 1) })).statusCode).toBe(400);
    expect((await report(company)).statusCode).toBe(403);
    const other = await report(sanyuan);
    expect(other.statusCode).toBe(400);
    expect(other.json().message).toContain('管辖范围');
  });

  it('is seen by the employer, its county and the unit; not by another county or unit (404)', async () => {
    for (const s of [company, yongan, yingji]) expect((await s.get(`/api/v1/hazards/${h.id}`)).statusCode).toBe(200);
    for (const s of [sanyuan, weijian]) {
      expect((await s.get(`/api/v1/hazards/${h.id}`)).statusCode).toBe(404);
      const list = (await s.get('/api/v1/hazards?limit=200')).json() as { items: HazardView[] };
      expect(list.items.some((x) => x.id === h.id)).toBe(false);
    }
    expect((await sanyuan.post(`/api/v1/hazards/${h.id}/verify`, { version: h.version })).statusCode).toBe(404);
    const mine = (await company.get('/api/v1/hazards?status=open')).json() as { items: HazardView[] };
    expect(mine.items.every((x) => x.employerId === employerId)).toBe(true);
    expect(mine.items.map((x) => x.id)).toContain(h.id);
  });

  it('the employer responds, uploads checked evidence and submits; the officer rejects with a reason, then closes', async () => {
    expect(
      (
        await yingji.post(`/api/v1/hazards/${h.id}/respond`, {
          responsiblePerson: '王五',
          plan: '修复',
          version: h.version,
        })
      ).statusCode,
    ).toBe(403);
    let res = await company.post(`/api/v1/hazards/${h.id}/respond`, {
      responsiblePerson: '王建国',
      plan: '更换除尘风机',
      version: h.version,
    });
    expect(res.statusCode).toBe(200);
    h = res.json();
    expect(h).toMatchObject({ status: 'rectifying', responsiblePerson: '王建国' });
    expect(
      (
        await company.post(`/api/v1/hazards/${h.id}/respond`, {
          responsiblePerson: '王建国',
          plan: '再次签收整改',
          version: h.version,
        })
      ).statusCode,
    ).toBe(409);

    const early = await company.post(`/api/v1/hazards/${h.id}/submit`, { note: '已整改完毕', version: h.version });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('整改后的照片');

    const fake = await upload(company, h.id, '整改后.jpg', Buffer.from('<html>not a photo</html>'));
    expect(fake.statusCode).toBe(400);
    expect(fake.json().message).toContain('JPG');
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await upload(company, h.id, '整改后.png', big);
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().message).toContain('10 MB');
    const ok = await upload(company, h.id, '整改后.png', PNG, 'image/png');
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ contentType: 'image/png', purpose: 'rectification', size: PNG.length });
    const file = await yongan.get(`/api/v1/hazards/${h.id}/evidence/${ok.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect((await sanyuan.get(`/api/v1/hazards/${h.id}/evidence/${ok.json().id}`)).statusCode).toBe(404);

    res = await company.post(`/api/v1/hazards/${h.id}/submit`, { note: '已更换风机并试运行', version: h.version });
    expect(res.statusCode).toBe(200);
    h = res.json();
    expect(h.status).toBe('submitted');
    expect(await noticesFor('yingji', `提交整改材料：${h.hazardNo}`)).toHaveLength(1);

    const noReason = await yingji.post(`/api/v1/hazards/${h.id}/reject`, { reason: '', version: h.version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toContain('退回原因');
    res = await yingji.post(`/api/v1/hazards/${h.id}/reject`, { reason: '风机未接入电源', version: h.version });
    expect(res.statusCode).toBe(200);
    h = res.json();
    expect(h.status).toBe('rectifying');
    expect(await noticesFor('employer01', `退回整改：${h.hazardNo}`)).toHaveLength(1);

    h = (await company.post(`/api/v1/hazards/${h.id}/submit`, { note: '已接入电源', version: h.version })).json();
    expect((await company.post(`/api/v1/hazards/${h.id}/verify`, { version: h.version })).statusCode).toBe(403);
    res = await yingji.post(`/api/v1/hazards/${h.id}/verify`, { note: '现场复核合格', version: h.version });
    expect(res.statusCode).toBe(200);
    h = res.json();
    expect(h).toMatchObject({ status: 'closed', dueState: 'closed' });
    expect(h.closedAt).not.toBeNull();
    expect(h.events.map((e) => e.action)).toEqual([
      'report',
      'notify',
      'respond',
      'evidence',
      'submit',
      'reject',
      'submit',
      'verify',
    ]);
    expect(h.events.find((e) => e.action === 'reject')?.note).toBe('风机未接入电源');
    const audits = await env.core.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, h.id))
      .orderBy(asc(auditLog.id));
    expect(audits.map((a) => a.action)).toEqual([
      'hazard.report',
      'hazard.notify',
      'hazard.respond',
      'hazard.evidence.upload',
      'hazard.submit',
      'hazard.reject',
      'hazard.submit',
      'hazard.verify',
    ]);
  });
});

describe('employer self-report', () => {
  it('reports at its own employer only, as a self-report with no finding department', async () => {
    const body = {
      employerId,
      category: 'safety',
      level: 'general',
      description: '叉车制动失灵，已停用待修',
      location: '成品仓库',
      foundOn: today,
      responsibleUnitCode: 'yjj',
    };
    const res = await company.post('/api/v1/hazards/self-reports', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ source: 'self_report', foundByUnitCode: null, status: 'notified' });
    expect(res.json().deadline).toBe(addDays(today, 30));
    const other = (await yongan.get('/api/v1/hazards/options'))
      .json()
      .employers.find((e: { id: string }) => e.id !== employerId);
    expect((await company.post('/api/v1/hazards/self-reports', { ...body, employerId: other.id })).statusCode).toBe(
      400,
    );
    expect((await yingji.post('/api/v1/hazards/self-reports', body)).statusCode).toBe(403);
  });
});

describe('work queue, filters and the per-county summary (demo data)', () => {
  it('has demo hazards in every state, overdue ones escalated; the overdue filter keeps only those', async () => {
    const city = await login(env.app, 'cityadmin');
    const all = (await city.get('/api/v1/hazards?limit=200')).json() as { items: HazardView[] };
    expect(new Set(all.items.map((x) => x.status))).toEqual(
      new Set(['reported', 'notified', 'rectifying', 'submitted', 'closed']),
    );
    expect(all.items.some((x) => x.escalation === 'enforcement')).toBe(true);
    const deadlines = all.items.map((x) => x.deadline);
    expect([...deadlines].sort()).toEqual(deadlines);
    const overdue = (await yongan.get('/api/v1/hazards?overdue=true&limit=200')).json() as { items: HazardView[] };
    expect(overdue.items.length).toBeGreaterThan(0);
    for (const x of overdue.items) {
      expect(x).toMatchObject({ countyCode: '350481', dueState: 'overdue' });
      expect(x.daysToDeadline).toBeLessThan(0);
    }
    const major = (await city.get('/api/v1/hazards?level=major&status=open&unitCode=wjw')).json() as {
      items: HazardView[];
    };
    for (const x of major.items) {
      expect(x.level).toBe('major');
      expect(x.status).not.toBe('closed');
      expect([x.foundByUnitCode, x.responsibleUnitCode]).toContain('wjw');
    }
    expect((await city.get('/api/v1/hazards?status=bogus')).statusCode).toBe(400);
  });

  it('summarises open hazards per county within scope only', async () => {
    const city = await login(env.app, 'cityadmin');
    const all = (await city.get('/api/v1/hazards/summary')).json() as { countyCode: string; open: number }[];
    expect(all.length).toBe(11);
    const mine = (await yongan.get('/api/v1/hazards/summary')).json() as { countyCode: string; open: number }[];
    expect(mine.map((r) => r.countyCode)).toEqual(['350481']);
    expect(mine[0]?.open).toBe(all.find((r) => r.countyCode === '350481')?.open);
    const options = (await sanyuan.get('/api/v1/hazards/options')).json() as {
      counties: { code: string }[];
      employers: { countyName: string }[];
    };
    expect(options.counties.map((c) => c.code)).toEqual(['350404']);
    expect(options.employers.every((e) => e.countyName === '三元区')).toBe(true);
    expect((await company.get('/api/v1/hazards/summary')).json()).toHaveLength(1);
  });
});
