import type { BulletinUpdateInput, BulletinView } from '@yufang/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { appUser, auditLog, employer, notification } from '../../core/db/schema.js';
import { employerOf, makeAccident, makeDisease, makeInjury } from '../injury/injury.factory.js';

let env: TestEnv;
let city: Session;
let yongan: Session;
let sanyuan: Session;
let employer01: Session;
let shebao: Session;
let yonganCase: string;
let sanyuanCase: string;
const WORKER = '张伟明';
const PLACE = '燕西街道工业园区8号车间';

beforeAll(async () => {
  env = await testApp();
  [city, yongan, sanyuan, employer01, shebao] = (await Promise.all(
    ['cityadmin', 'yongan', 'sanyuan', 'employer01', 'shebao'].map((u) => login(env.app, u)),
  )) as [Session, Session, Session, Session, Session];
  const ownId = employer01.me.scope[0]?.code as string;
  const [own] = await env.core.db.select().from(employer).where(eq(employer.id, ownId));
  const injured = await makeInjury(env.core, own as typeof employer.$inferSelect, {
    workerName: WORKER,
    place: `永安市${PLACE}`,
    sex: '1',
    birthDate: '1990-05-02',
    job: '冲压工',
    severity: 'serious',
  });
  yonganCase = injured.id;
  sanyuanCase = (await makeInjury(env.core, await employerOf(env.core, '350404'))).id;
});
afterAll(() => env.close());

const path = (id: string, rest = '') => `/api/v1/bulletins/${id}${rest}`;

function editOf(b: BulletinView, patch: Partial<BulletinUpdateInput> = {}): BulletinUpdateInput {
  return {
    title: b.title,
    narrative: b.narrative,
    causes: '冲床光电保护装置被短接，作业人员未经培训上岗。',
    lessons: '落实设备安全防护，开展岗前安全培训。',
    targeting: { ...b.targeting, industryCodes: [] },
    version: b.version,
    ...patch,
  };
}

async function draftFrom(session: Session, sourceId: string, sourceKind = 'injury'): Promise<BulletinView> {
  const res = await session.post('/api/v1/bulletins', { sourceKind, sourceId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function move(session: Session, b: BulletinView, action: string, extra: object = {}) {
  return session.post(path(b.id, '/transitions'), { action, version: b.version, ...extra });
}

/** The notifications of a user about one bulletin whose title mentions `titlePart`. */
async function noticesOf(username: string, bulletinId: string, titlePart: string) {
  const [user] = await env.core.db.select().from(appUser).where(eq(appUser.username, username));
  const rows = await env.core.db
    .select()
    .from(notification)
    .where(
      and(eq(notification.userId, (user as { id: string }).id), eq(notification.link, `/bulletins/${bulletinId}`)),
    );
  return rows.filter((n) => n.title.includes(titlePart));
}

describe('drafting a bulletin from a case', () => {
  it('lists the cases of the own county only, without worker names', async () => {
    const res = await yongan.get('/api/v1/bulletins/sources?kind=injury');
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((s: { id: string }) => s.id);
    expect(ids).toContain(yonganCase);
    expect(ids).not.toContain(sanyuanCase);
    expect(res.body).not.toContain(WORKER);
    expect((await yongan.get('/api/v1/bulletins/sources?kind=bogus')).statusCode).toBe(400);
    expect((await employer01.get('/api/v1/bulletins/sources')).statusCode).toBe(403);
  });

  it('drafts a de-identified bulletin targeting the own county and the case industry', async () => {
    const b = await draftFrom(yongan, yonganCase);
    expect(b.status).toBe('draft');
    expect(b.targeting.countyCodes).toEqual(['350481']);
    expect(b.targeting.industryCodes).toHaveLength(1);
    const facts = Object.fromEntries(b.facts.map((f) => [f.label, f.value]));
    expect(facts.地区).toBe('三明市永安市');
    expect(facts.受伤人员).toBe('男，30–39岁，冲压工');
    const shown = JSON.stringify({ facts: b.facts, title: b.title, narrative: b.narrative });
    for (const secret of [WORKER, PLACE, b.employerName as string]) expect(shown).not.toContain(secret);
    expect(b.can).toMatchObject({ edit: true, submit: true, publish: false });
    const [audit] = await env.core.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'bulletin.create'), eq(auditLog.objectId, b.id)));
    expect(audit?.username).toBe('yongan');
  });

  it("refuses another county's case (404), a malformed id (400) and callers without the permission (403)", async () => {
    expect((await yongan.post('/api/v1/bulletins', { sourceKind: 'injury', sourceId: sanyuanCase })).statusCode).toBe(
      404,
    );
    expect((await yongan.post('/api/v1/bulletins', { sourceKind: 'injury', sourceId: 'x' })).statusCode).toBe(400);
    for (const s of [employer01, shebao]) {
      expect((await s.post('/api/v1/bulletins', { sourceKind: 'injury', sourceId: yonganCase })).statusCode).toBe(403);
    }
  });

  it('drafts from disease cases and accidents, and checks the names of the injured of an accident', async () => {
    const emp = await employerOf(env.core, '350481');
    const disease = await draftFrom(yongan, (await makeDisease(env.core, emp, { exposureMonths: 40 })).id, 'disease');
    expect(disease.facts).toEqual(expect.arrayContaining([{ label: '接害工龄', value: '不足5年' }]));
    const accident = await makeAccident(env.core, emp, { deaths: 1, seriousInjuries: 2 });
    await makeInjury(env.core, emp, { workerName: '林小红', accidentId: accident.id });
    const a = await draftFrom(yongan, accident.id, 'accident');
    expect(a.facts).toEqual(expect.arrayContaining([{ label: '伤亡情况', value: '死亡1人，重伤2人，轻伤0人' }]));
    const res = await yongan.put(path(a.id), editOf(a, { narrative: '林小红在检修时被卷入。' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'narrative', message: expect.stringContaining('姓名') }]);
  });
});

describe('saving a draft', () => {
  let b: BulletinView;
  beforeAll(async () => {
    b = await draftFrom(yongan, yonganCase);
  });

  it('refuses text with an ID number, a phone number or the worker name, naming the section', async () => {
    const cases: [Partial<BulletinUpdateInput>, string, string][] = [
      [{ narrative: `职工${WORKER}在冲压作业时受伤。` }, 'narrative', '姓名'],
      [{ causes: '当事人身份证号350481199005021234。' }, 'causes', '身份证'],
      [{ lessons: '咨询电话 0598-7654321。' }, 'lessons', '电话'],
      [{ title: `${b.employerName}冲压事故` }, 'title', '单位名称'],
    ];
    for (const [patch, field, rule] of cases) {
      const res = await yongan.put(path(b.id), editOf(b, patch));
      expect(res.statusCode).toBe(400);
      expect(res.json().fields[0]).toEqual({ field, message: expect.stringContaining(rule) });
      expect(res.json().message).toMatch(/^(标题|事故经过|原因分析|教训与防范措施)：/);
    }
  });

  it("refuses targeting another county, a stale version (409), and another county's officer (404)", async () => {
    const other = await yongan.put(path(b.id), editOf(b, { targeting: { ...b.targeting, countyCodes: ['350404'] } }));
    expect(other.statusCode).toBe(400);
    expect(other.json().fields[0].field).toBe('countyCodes');
    expect((await sanyuan.put(path(b.id), editOf(b))).statusCode).toBe(404);
    expect((await sanyuan.get(path(b.id))).statusCode).toBe(404);
    const saved = await yongan.put(path(b.id), editOf(b));
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(b.version + 1);
    expect((await yongan.put(path(b.id), editOf(b))).statusCode).toBe(409);
  });
});

describe('review, publication, acknowledgement and withdrawal', () => {
  let b: BulletinView;
  beforeAll(async () => {
    const draft = await draftFrom(yongan, yonganCase);
    b = (await yongan.put(path(draft.id), editOf(draft))).json();
  });

  it('goes to review, notifying the city reviewers; the drafter cannot publish', async () => {
    const res = await move(yongan, b, 'submit');
    expect(res.statusCode).toBe(200);
    b = res.json();
    expect(b.status).toBe('in_review');
    expect(await noticesOf('cityadmin', b.id, '待审核')).toHaveLength(1);
    expect((await move(yongan, b, 'publish')).statusCode).toBe(403);
    expect((await move(yongan, b, 'submit')).statusCode).toBe(409);
  });

  it('is returned only with a reason, which the author is told', async () => {
    const bad = await move(city, b, 'return', { reason: '改' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('理由');
    const res = await move(city, b, 'return', { reason: '请补充原因分析中的管理原因' });
    expect(res.statusCode).toBe(200);
    b = res.json();
    expect(b).toMatchObject({ status: 'draft', returnReason: '请补充原因分析中的管理原因' });
    expect(await noticesOf('yongan', b.id, '退回')).toHaveLength(1);
    b = (await move(yongan, b, 'submit')).json();
  });

  it('is published by another person; a stale version is refused; acknowledgement rows are created', async () => {
    expect((await move(city, { ...b, version: b.version - 1 }, 'publish')).statusCode).toBe(409);
    const res = await move(city, b, 'publish');
    expect(res.statusCode).toBe(200);
    b = res.json();
    expect(b.status).toBe('published');
    expect(b.ack).toMatchObject({ total: 3, acknowledged: 0, rate: 0 });
    expect(b.ack?.byCounty).toEqual([{ countyCode: '350481', countyName: '永安市', total: 3, acknowledged: 0 }]);
    expect(await noticesOf('employer01', b.id, '请签收')).toHaveLength(1);
    const actions = await env.core.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.objectId, b.id),
          inArray(auditLog.action, ['bulletin.submit', 'bulletin.return', 'bulletin.publish']),
        ),
      );
    expect(actions.map((a) => a.action).sort()).toEqual([
      'bulletin.publish',
      'bulletin.return',
      'bulletin.submit',
      'bulletin.submit',
    ]);
  });

  it('appears on the public page without login and without personal data', async () => {
    const list = await env.app.inject({ method: 'GET', url: '/api/v1/public/bulletins' });
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toContain('max-age');
    const listed: string[] = list.json().items.map((i: { id: string }) => i.id);
    expect(listed).toContain(b.id);
    // the demo bulletins in other states never appear
    for (const id of listed) expect((await city.get(path(id))).json().status).toBe('published');
    const drafts = (await city.get('/api/v1/bulletins?status=draft')).json().items;
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts) expect(listed).not.toContain(d.id);
    const detail = await env.app.inject({ method: 'GET', url: `/api/v1/public/bulletins/${b.id}` });
    expect(detail.statusCode).toBe(200);
    for (const secret of [WORKER, PLACE, b.employerName as string, '陈立新', 'authorName', 'targeting']) {
      expect(detail.body).not.toContain(secret);
    }
    expect(detail.body).not.toMatch(/\d{15,18}/);
  });

  it('is acknowledged by the employer with its safety head, and the rate rises', async () => {
    const seen = await employer01.get('/api/v1/bulletins');
    expect(seen.json().items).toContainEqual(expect.objectContaining({ id: b.id, acknowledged: false, ack: null }));
    // an employer sees only bulletins pushed to it, never drafts
    for (const item of seen.json().items) expect(item.status).toBe('published');
    const mine: BulletinView = (await employer01.get(path(b.id))).json();
    expect(mine).toMatchObject({ employerName: null, ack: null, can: { acknowledge: true, track: false } });
    expect((await employer01.post(path(b.id, '/acknowledge'), { safetyHeadName: '' })).statusCode).toBe(400);
    const ok = await employer01.post(path(b.id, '/acknowledge'), { safetyHeadName: '李安全' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().myAck).toMatchObject({ safetyHeadName: '李安全' });
    expect((await employer01.post(path(b.id, '/acknowledge'), { safetyHeadName: '李安全' })).statusCode).toBe(409);
    const tracked: BulletinView = (await city.get(path(b.id))).json();
    expect(tracked.ack).toMatchObject({ total: 3, acknowledged: 1 });
    expect(tracked.ack?.rate).toBeCloseTo(1 / 3);
    const pending = (await city.get(path(b.id, '/pending'))).json().items;
    expect(pending).toHaveLength(2);
    expect(pending.map((p: { employerId: string }) => p.employerId)).not.toContain(employer01.me.scope[0]?.code);
    expect((await employer01.get(path(b.id, '/pending'))).statusCode).toBe(403);
    expect((await sanyuan.get(path(b.id))).statusCode).toBe(404);
    expect((await sanyuan.post(path(b.id, '/acknowledge'), { safetyHeadName: '李安全' })).statusCode).toBe(403);
  });

  it('renders the WeChat text within the limit, linking to the public page', async () => {
    const res = await city.get(path(b.id, '/wechat'));
    expect(res.statusCode).toBe(200);
    const w = res.json();
    expect(w.length).toBeLessThanOrEqual(w.limit);
    expect(w.limit).toBe(600);
    expect(w.text).toContain(`/public/bulletins/${b.id}`);
    expect(w.text).not.toContain(WORKER);
  });

  it('is withdrawn only with a reason, and leaves the public page', async () => {
    expect((await move(city, b, 'withdraw')).statusCode).toBe(400);
    expect((await move(yongan, b, 'withdraw', { reason: '案例信息需要更正' })).statusCode).toBe(403);
    const res = await move(city, b, 'withdraw', { reason: '案例信息需要更正' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn', withdrawReason: '案例信息需要更正' });
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/public/bulletins/${b.id}` })).statusCode).toBe(404);
    expect(await noticesOf('employer01', b.id, '已撤回')).toHaveLength(1);
  });
});

describe('separation of duties', () => {
  it('refuses to let the author approve their own bulletin', async () => {
    const b = await draftFrom(city, sanyuanCase);
    const submitted: BulletinView = (await move(city, b, 'submit')).json();
    expect(submitted.can.publish).toBe(false);
    const res = await move(city, submitted, 'publish');
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('不能审核本人');
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/public/bulletins/${b.id}` })).statusCode).toBe(404);
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/bulletins/${b.id}` })).statusCode).toBe(401);
  });
});

describe('naming the employer and the demo data', () => {
  it('names the employer publicly only when the reviewer chooses to', async () => {
    const b = await draftFrom(yongan, yonganCase);
    const submitted: BulletinView = (await move(yongan, b, 'submit')).json();
    const published: BulletinView = (await move(city, submitted, 'publish', { nameEmployer: true })).json();
    expect(published.employerNamed).toBe(true);
    const detail = (await env.app.inject({ method: 'GET', url: `/api/v1/public/bulletins/${b.id}` })).json();
    expect(detail.employerName).toBe(b.employerName);
    expect(detail.facts).toContainEqual({ label: '单位', value: expect.stringContaining(b.employerName as string) });
    expect(JSON.stringify(detail)).not.toContain(WORKER);
  });

  it('seeds demo bulletins in every state, made from demo cases, with some acknowledgements', async () => {
    const demo = (await city.get('/api/v1/bulletins?limit=200')).json().items.filter((i: { demo: boolean }) => i.demo);
    expect(new Set(demo.map((i: { status: string }) => i.status))).toEqual(
      new Set(['draft', 'in_review', 'published', 'withdrawn']),
    );
    // keyset paging two at a time gives the same list, without repeats
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await city.get(`/api/v1/bulletins?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      paged.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await city.get('/api/v1/bulletins?limit=200')).json().items.map((i: { id: string }) => i.id);
    expect(paged).toEqual(all);
    const acked = demo.filter((i: { ack: { acknowledged: number } | null }) => (i.ack?.acknowledged ?? 0) > 0);
    expect(acked.length).toBeGreaterThan(0);
  });
});
