import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ProviderDetail, usccCheckChar } from '@yufang/contracts';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { auditLog, notification } from '../../core/db/schema.js';
import { addDays, beijingDate } from '../hazard/hazard.rules.js';
import { provider } from './provider.schema.js';
import { ProviderService, providerEligible } from './provider.service.js';

let env: TestEnv;
let dataDir: string;
let city: Session;
let county: Session;
let own: Session;
let ownId: string;
const today = beijingDate(new Date());

const uscc = (n: number) => {
  const first17 = `91350402MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17);
};
const base = (n: number) => ({
  uscc: uscc(n),
  name: `三明测试${n}安全培训中心`,
  countyCode: '350404',
  address: '三明市梅列区测试路 1 号',
  legalRepresentative: '陈建华',
  contactName: '林志强',
  contactPhone: '13812345678',
  serviceTypes: ['training', 'publicity'],
  introduction: '测试机构',
  staff: [{ name: '黄丽萍', role: '培训讲师', qualification: '注册安全工程师' }],
  equipment: [{ name: '多媒体教室', quantity: 2, note: '' }],
});

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'yufang-provider-'));
  env = await testApp({ env: { YUFANG_DATA_DIR: dataDir } });
  city = await login(env.app, 'cityadmin');
  county = await login(env.app, 'yongan');
  own = await login(env.app, 'provider01');
  ownId = own.me.scope.find((s) => s.kind === 'provider')?.code as string;
});
afterAll(async () => {
  await env.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function register(n: number): Promise<ProviderDetail> {
  const res = await city.post('/api/v1/providers', base(n));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('registry', () => {
  it('checks the USCC check character and names the field', async () => {
    const bad = { ...base(1), uscc: `${uscc(1).slice(0, 17)}${uscc(1).endsWith('X') ? 'Y' : 'X'}` };
    const res = await city.post('/api/v1/providers', bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^统一社会信用代码：.*校验位/);
    expect(res.json().fields[0].field).toBe('uscc');
  });

  it('registers once per USCC, masks the phone and keeps it encrypted', async () => {
    const p = await register(2);
    expect(p).toMatchObject({ status: 'registered', contactPhoneMasked: '138****5678', grade: 'A', score: 100 });
    expect(JSON.stringify(p)).not.toContain('13812345678');
    const [row] = await env.core.db.select().from(provider).where(eq(provider.id, p.id));
    expect(row?.contactPhoneCipher).not.toContain('13812345678');
    expect(env.core.pii.decrypt(row?.contactPhoneCipher as string)).toBe('13812345678');
    const dup = await city.post('/api/v1/providers', { ...base(2), name: '另一家' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().message).toContain('已登记');
    const badType = await city.post('/api/v1/providers', { ...base(3), serviceTypes: ['catering'] });
    expect(badType.json().message).toContain('服务类型');
  });

  it('reviews, edits with a version check (stale → 409) and audits in the same transaction', async () => {
    const p = await register(4);
    const rejected = await city.post(`/api/v1/providers/${p.id}/review`, { decision: 'rejected', version: p.version });
    expect(rejected.statusCode).toBe(400);
    const ok = await city.post(`/api/v1/providers/${p.id}/review`, { decision: 'approved', version: p.version });
    expect(ok.json().status).toBe('approved');
    const stale = await city.put(`/api/v1/providers/${p.id}`, { ...base(4), version: p.version });
    expect(stale.statusCode).toBe(409);
    const { uscc: _u, contactPhone: _c, ...profile } = base(4);
    const edited = await city.put(`/api/v1/providers/${p.id}`, {
      ...profile,
      staff: [...profile.staff, { name: '张国栋', role: '项目负责人', qualification: '' }],
      version: ok.json().version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().staff).toHaveLength(2);
    expect(edited.json().contactPhoneMasked).toBe('138****5678');
    const badStaff = await city.put(`/api/v1/providers/${p.id}`, {
      ...profile,
      staff: [{ name: '', role: 'x' }],
      version: edited.json().version,
    });
    expect(badStaff.statusCode).toBe(400);
    const actions = await env.core.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.objectType, 'provider'), eq(auditLog.objectId, p.id)))
      .orderBy(auditLog.id);
    expect(actions.map((a) => a.action)).toEqual(['provider.create', 'provider.review', 'provider.update']);
    expect(edited.json().history.map((h: { action: string }) => h.action)).toContain('provider.review');
  });

  it('lets a county officer read but not manage', async () => {
    const list = await county.get('/api/v1/providers?limit=200');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.every((p: { countyCode: string }) => p.countyCode === '350481')).toBe(true);
    expect((await county.post('/api/v1/providers', base(5))).statusCode).toBe(403);
    const outside = (await city.get('/api/v1/providers?limit=200'))
      .json()
      .items.find((p: { countyCode: string }) => p.countyCode !== '350481');
    expect((await county.get(`/api/v1/providers/${outside.id}`)).statusCode).toBe(404);
  });

  it('filters the list by service type, status, list, grade and sanction', async () => {
    const all = (await city.get('/api/v1/providers?limit=200')).json().items as ProviderDetail[];
    expect(all.length).toBeGreaterThanOrEqual(30);
    const online = (await city.get('/api/v1/providers?limit=200&serviceType=online_platform')).json().items;
    expect(online.every((p: ProviderDetail) => p.serviceTypes.includes('online_platform'))).toBe(true);
    const sanctioned = (await city.get('/api/v1/providers?limit=200&sanctioned=true')).json().items;
    expect(sanctioned.map((p: ProviderDetail) => p.sanction).sort()).toEqual(['barring', 'suspension']);
    const d = (await city.get('/api/v1/providers?limit=200&grade=D')).json().items;
    expect(d.some((p: ProviderDetail) => p.sanction === 'barring')).toBe(true);
    const listed = (await city.get('/api/v1/providers?limit=200&list=training')).json().items;
    expect(listed.every((p: ProviderDetail) => p.listed.includes('training'))).toBe(true);
    const page = (await city.get('/api/v1/providers?limit=5')).json();
    const next = (await city.get(`/api/v1/providers?limit=5&cursor=${page.nextCursor}`)).json();
    expect(next.items[0].name >= page.items[4].name).toBe(true);
  });
});

describe('recommended lists, record and sanctions', () => {
  it('refuses listings for unapproved, wrong-type or unqualified organisations and lists the eligible', async () => {
    const p = await register(6);
    const r1 = await city.post(`/api/v1/providers/${p.id}/listings`, { list: 'training' });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().message).toContain('尚未通过审核');
    expect(r1.json().message).toContain('没有在有效期内的资质');
    const approved = (await city.post(`/api/v1/providers/${p.id}/review`, { decision: 'approved', version: 0 })).json();
    const wrong = await city.post(`/api/v1/providers/${p.id}/listings`, { list: 'online_platform' });
    expect(wrong.json().message).toContain('须具备相应服务类型');
    expect(await providerEligible(env.core.db, p.id, today)).toBe(false);
    const q = await city.post(`/api/v1/providers/${p.id}/qualifications`, {
      name: '安全培训机构备案证明',
      number: 'T-001',
      issuer: '三明市应急管理局',
      validUntil: addDays(today, 365),
    });
    expect(q.statusCode).toBe(201);
    expect(await providerEligible(env.core.db, p.id, today)).toBe(true);
    expect(await providerEligible(env.core.db, p.id, addDays(today, 400))).toBe(false);
    const applied = (await city.post(`/api/v1/providers/${p.id}/listings`, { list: 'training' })).json();
    const listing = applied.listings[0];
    expect(listing.status).toBe('applied');
    const again = await city.post(`/api/v1/providers/${p.id}/listings`, { list: 'training' });
    expect(again.json().message).toContain('已申请');
    const staleDecision = await city.post(`/api/v1/providers/${p.id}/listings/${listing.id}/decision`, {
      decision: 'listed',
      version: listing.version + 1,
    });
    expect(staleDecision.statusCode).toBe(409);
    const listed = (
      await city.post(`/api/v1/providers/${p.id}/listings/${listing.id}/decision`, {
        decision: 'listed',
        version: listing.version,
      })
    ).json();
    expect(listed.listed).toEqual(['training']);
    const pub = (await env.app.inject({ url: '/api/v1/public/providers' })).json();
    expect(pub.training.map((r: { id: string }) => r.id)).toContain(p.id);
    const noReason = await city.post(`/api/v1/providers/${p.id}/listings/${listing.id}/decision`, {
      decision: 'delisted',
      version: listed.listings[0].version,
    });
    expect(noReason.statusCode).toBe(400);
    void approved;
  });

  it('rates credit from the record with the breakdown', async () => {
    const p = await register(7);
    await city.post(`/api/v1/providers/${p.id}/engagements`, {
      year: 2024,
      title: '一线职工培训',
      contractedFen: 10_000_000,
      deductionFen: 1_000_000,
      unit: '人',
      contractedUnits: 200,
      deliveredUnits: 150,
      acceptanceScore: 6500,
      outcome: 'failed',
    });
    const c = (
      await city.post(`/api/v1/providers/${p.id}/complaints`, { receivedOn: today, summary: '课时不足' })
    ).json();
    const complaint = c.complaints[0];
    const resolved = (
      await city.post(`/api/v1/providers/${p.id}/complaints/${complaint.id}/resolve`, {
        upheld: true,
        resolution: '属实，已责令整改',
        version: complaint.version,
      })
    ).json();
    expect(resolved.credit.items.map((i: { points: number }) => i.points)).toEqual([-15, -10, -12.5, -5, -5]);
    expect(resolved.credit).toMatchObject({ score: 52.5, grade: 'D', start: 100 });
    const twice = await city.post(`/api/v1/providers/${p.id}/complaints/${complaint.id}/resolve`, {
      upheld: false,
      resolution: '再处理',
      version: complaint.version + 1,
    });
    expect(twice.statusCode).toBe(409);
  });

  it('hides a suspended organisation from the public list, notifies its accounts, and shows it again when lifted', async () => {
    const before = (await env.app.inject({ url: '/api/v1/public/providers' })).json();
    expect(before.training.map((r: { id: string }) => r.id)).toContain(ownId);
    const s = await city.post(`/api/v1/providers/${ownId}/sanctions`, {
      kind: 'suspension',
      fromDate: today,
      untilDate: addDays(today, 30),
      reason: '培训记录不实',
    });
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json().sanction).toBe('suspension');
    const after = (await env.app.inject({ url: '/api/v1/public/providers' })).json();
    expect(after.training.map((r: { id: string }) => r.id)).not.toContain(ownId);
    expect((await env.app.inject({ url: `/api/v1/public/providers/${ownId}` })).statusCode).toBe(404);
    const notices = await env.core.db
      .select()
      .from(notification)
      .where(and(eq(notification.userId, own.me.id), like(notification.title, '%暂停%')));
    expect(notices).toHaveLength(1);
    expect(await providerEligible(env.core.db, ownId, today)).toBe(false);
    const sanctionId = s.json().sanctions[0].id;
    const lifted = await city.post(`/api/v1/providers/${ownId}/sanctions/${sanctionId}/lift`, { reason: '已整改到位' });
    expect(lifted.json().sanction).toBeNull();
    expect((await env.app.inject({ url: `/api/v1/public/providers/${ownId}` })).statusCode).toBe(200);
    const noUntil = await city.post(`/api/v1/providers/${ownId}/sanctions`, {
      kind: 'suspension',
      fromDate: today,
      reason: '再次暂停',
    });
    expect(noUntil.statusCode).toBe(400);
  });

  it('publishes no personal data on the public pages', async () => {
    const lists = await env.app.inject({ url: '/api/v1/public/providers' });
    expect(lists.statusCode).toBe(200);
    const body = lists.json();
    expect(body.training.length).toBeGreaterThan(0);
    expect(body.online_platform.length).toBeGreaterThan(0);
    const detail = (await city.get(`/api/v1/providers/${ownId}`)).json() as ProviderDetail;
    const profile = await env.app.inject({ url: `/api/v1/public/providers/${ownId}` });
    const text = lists.body + profile.body;
    expect(profile.json().engagements.length).toBeGreaterThan(0);
    for (const secret of [detail.contactName, detail.contactPhoneMasked, detail.legalRepresentative, detail.address]) {
      expect(text).not.toContain(secret);
    }
    for (const s of detail.staff) expect(text).not.toContain(s.name);
    // the barred demo organisation is on no public list
    const barred = (await city.get('/api/v1/providers?limit=200&sanctioned=true')).json().items;
    for (const b of barred) expect(text).not.toContain(b.id);
    const xlsx = await env.app.inject({ url: '/api/v1/public/provider-lists/training/export' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('the organisation’s own account', () => {
  it('sees and updates only its own organisation (404 other) and cannot use management routes (403)', async () => {
    const mine = (await own.get('/api/v1/my-providers')).json();
    expect(mine.items.map((p: { id: string }) => p.id)).toEqual([ownId]);
    const d = (await own.get(`/api/v1/my-providers/${ownId}`)).json() as ProviderDetail;
    expect(d.can).toEqual({ manage: false, self: true });
    const other = (await city.get('/api/v1/providers?limit=3'))
      .json()
      .items.find((p: { id: string }) => p.id !== ownId);
    expect((await own.get(`/api/v1/my-providers/${other.id}`)).statusCode).toBe(404);
    expect((await own.post(`/api/v1/my-providers/${other.id}/listings`, { list: 'training' })).statusCode).toBe(404);
    expect((await own.get('/api/v1/providers')).statusCode).toBe(403);
    expect((await own.get(`/api/v1/providers/${ownId}`)).statusCode).toBe(403);
    expect(
      (await own.post(`/api/v1/providers/${ownId}/review`, { decision: 'approved', version: d.version })).statusCode,
    ).toBe(403);
    const { credit: _c, ...rest } = d;
    const upd = await own.put(`/api/v1/my-providers/${ownId}`, {
      name: rest.name,
      countyCode: rest.countyCode,
      address: rest.address,
      legalRepresentative: rest.legalRepresentative,
      contactName: rest.contactName,
      serviceTypes: rest.serviceTypes,
      introduction: '本机构更新了简介',
      staff: rest.staff,
      equipment: [...rest.equipment, { name: 'VR 体验设备', quantity: 1, note: '新购' }],
      version: rest.version,
    });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json().introduction).toBe('本机构更新了简介');
    const q = await own.post(`/api/v1/my-providers/${ownId}/qualifications`, {
      name: '质量管理体系认证证书',
      number: 'CQC-1',
      issuer: '中国质量认证中心',
      validUntil: addDays(today, 700),
    });
    expect(q.statusCode).toBe(201);
    const bad = await env.app.inject({
      method: 'POST',
      url: `/api/v1/my-providers/${ownId}/qualifications/${q.json().id}/document`,
      headers: {
        cookie: own.cookie,
        'x-csrf-token': own.me.csrfToken,
        'content-type': 'application/octet-stream',
        'x-file-name': 'cert.pdf',
      },
      payload: Buffer.from('not a pdf at all'),
    });
    expect(bad.statusCode).toBe(400);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const good = await env.app.inject({
      method: 'POST',
      url: `/api/v1/my-providers/${ownId}/qualifications/${q.json().id}/document`,
      headers: {
        cookie: own.cookie,
        'x-csrf-token': own.me.csrfToken,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('证书.pdf'),
      },
      payload: pdf,
    });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toMatchObject({ fileName: '证书.pdf', contentType: 'application/pdf' });
    const file = await city.get(`/api/v1/providers/${ownId}/qualifications/${q.json().id}/document`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdf)).toBe(true);
  });
});

describe('qualification reminders', () => {
  it('notifies the bureau and the organisation 30 days before expiry, and not the day after', async () => {
    const q = await city.post(`/api/v1/providers/${ownId}/qualifications`, {
      name: '提醒测试资质',
      number: 'REM-30',
      issuer: '三明市应急管理局',
      validUntil: addDays(today, 31),
    });
    expect(q.statusCode).toBe(201);
    const count = async (userId: string) =>
      (
        await env.core.db
          .select()
          .from(notification)
          .where(and(eq(notification.userId, userId), like(notification.body, '%REM-30%')))
      ).length;
    const day = (d: number) => new Date(Date.parse(`${addDays(today, d)}T02:00:00Z`));
    await new ProviderService(env.core, () => day(0)).remind();
    expect(await count(own.me.id)).toBe(0);
    await new ProviderService(env.core, () => day(1)).remind();
    expect(await count(own.me.id)).toBe(1);
    expect(await count(city.me.id)).toBe(1);
    expect(await count(county.me.id)).toBe(0);
    await new ProviderService(env.core, () => day(2)).remind();
    expect(await count(own.me.id)).toBe(1);
    await new ProviderService(env.core, () => day(31)).remind();
    expect(await count(own.me.id)).toBe(2);
  });
});
