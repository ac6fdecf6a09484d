import type { PanelAssignmentView, PanelDrawRecord, PanelVerifyResult, PanelView } from '@yufang/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { auditLog, employer, notification } from '../../core/db/schema.js';
import { expert, expertDiscipline, expertRelation, expertUnavailability } from '../expert/expert.schema.js';
import { beijingDate } from '../hazard/hazard.rules.js';
import { provider } from '../provider/provider.schema.js';
import { addDays } from './panel.rules.js';
import { panel, panelMember } from './panel.schema.js';

let env: TestEnv;
let city: Session;
let sanyuan: Session;
let yongan: Session;
let shebao: Session;
let expert01: Session;
const today = beijingDate(new Date());
let applicantId: string;
let applicantUscc: string;
let implId: string;
const X: Record<string, string> = {};
let n = 0;

async function addProvider(name: string, uscc: string) {
  const [row] = await env.core.db
    .insert(provider)
    .values({
      uscc,
      name,
      countyCode: '350404',
      address: '三元区测试路 1 号',
      legalRepresentative: '张三',
      contactName: '李四',
      contactPhoneCipher: env.core.pii.encrypt('13800000000'),
      contactPhoneMasked: '138****0000',
      serviceTypes: ['training'],
      status: 'approved',
    })
    .returning({ id: provider.id });
  return (row as { id: string }).id;
}

async function addExpert(key: string, domains: string[], extra: Partial<typeof expert.$inferInsert> = {}) {
  n++;
  const id = `35040219800101${String(n).padStart(4, '0')}`;
  const [row] = await env.core.db
    .insert(expert)
    .values({
      name: `测试专家${key}`,
      idCipher: env.core.pii.encrypt(id),
      idHash: env.core.pii.hash(id),
      idMasked: `${id.slice(0, 4)}**********${id.slice(-4)}`,
      phoneCipher: env.core.pii.encrypt('13900000000'),
      phoneMasked: '139****0000',
      workUnit: '测试单位',
      title: '高级工程师',
      domains,
      countyCode: '350404',
      status: 'appointed',
      termStart: '2024-01-01',
      termEnd: addDays(today, 365),
      ...extra,
    })
    .returning({ id: expert.id });
  X[key] = (row as { id: string }).id;
  return X[key] as string;
}

const drawBody = (mix: { domain: string; count: number }[], subject = '2026 年度某工伤预防项目评审') => ({
  purpose: 'review',
  subject,
  countyCode: '350404',
  applicantEmployerId: applicantId,
  implementerProviderId: implId,
  mix,
});
const MIX = [
  { domain: 'work_safety', count: 3 },
  { domain: 'finance', count: 1 },
  { domain: 'legal', count: 1 },
];

beforeAll(async () => {
  env = await testApp();
  const db = env.core.db;
  // the demo's own experts step aside so the pool is exactly the one built here
  await db.update(expert).set({ status: 'dismissed', userId: null });
  city = await login(env.app, 'cityadmin');
  sanyuan = await login(env.app, 'sanyuan');
  yongan = await login(env.app, 'yongan');
  shebao = await login(env.app, 'shebao');
  expert01 = await login(env.app, 'expert01');
  const [emp] = await db
    .select({ id: employer.id, uscc: employer.uscc })
    .from(employer)
    .where(eq(employer.countyCode, '350404'))
    .limit(1);
  applicantId = emp?.id as string;
  applicantUscc = emp?.uscc as string;
  implId = await addProvider('测试安全服务中心', '91350404TESTPANEL1');
  for (let i = 0; i < 6; i++) await addExpert(`S${i}`, ['work_safety']);
  for (let i = 0; i < 3; i++) await addExpert(`F${i}`, ['finance']);
  await addExpert('L0', ['legal'], { userId: expert01.me.id });
  // one expert for each exclusion reason, all holding work_safety
  await addExpert('term', ['work_safety'], { termEnd: addDays(today, -1) });
  await addExpert('unit', ['work_safety'], { employerId: applicantId });
  await addExpert('uscc', ['work_safety'], { workUnitUscc: '91350404TESTPANEL1' });
  await addExpert('rel', ['work_safety']);
  await db.insert(expertRelation).values({
    expertId: X.rel as string,
    kind: 'employer',
    employerId: null,
    partyName: '申请单位',
    partyUscc: applicantUscc,
    nature: '兼职顾问',
    declaredOn: '2025-01-01',
  });
  await addExpert('susp', ['work_safety']);
  await db.insert(expertDiscipline).values({
    expertId: X.susp as string,
    kind: 'suspension',
    recordedOn: addDays(today, -10),
    suspendedUntil: addDays(today, 30),
    reason: '无故缺席评审',
  });
  await addExpert('unav', ['work_safety']);
  await db.insert(expertUnavailability).values({
    expertId: X.unav as string,
    fromDate: addDays(today, -1),
    toDate: addDays(today, 2),
    reason: '出差',
  });
  await addExpert('cool', ['work_safety']);
  const [earlier] = await db
    .insert(panel)
    .values({
      purpose: 'review',
      subject: '上一轮评审',
      countyCode: '350404',
      applicantEmployerId: applicantId,
      mix: [{ domain: 'work_safety', count: 1 }],
      seed: 'c'.repeat(64),
      algorithm: 'sha256-rank-v1',
      drawnOn: addDays(today, -30),
      drawnByName: '测试',
      criteria: [],
      passMark: 60,
      status: 'concluded',
    })
    .returning({ id: panel.id });
  await db.insert(panelMember).values({
    panelId: (earlier as { id: string }).id,
    expertId: X.cool as string,
    domain: 'work_safety',
    round: 0,
    status: 'scored',
    total: 8000,
  });
});
afterAll(async () => {
  await env.close();
});

let P: PanelView;

describe('draw', () => {
  it('refuses a draw that cannot be filled, naming the domain and the numbers, writing nothing', async () => {
    const [before] = await env.core.db.select({ n: sql<number>`count(*)::int` }).from(panel);
    const res = await city.post('/api/v1/panels', drawBody([{ domain: 'work_safety', count: 7 }]));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(
      '专业领域“安全生产”需要 7 名专家，符合条件的只有 6 名（该领域另有 7 名专家被回避或排除）',
    );
    const [after] = await env.core.db.select({ n: sql<number>`count(*)::int` }).from(panel);
    expect(after?.n).toBe(before?.n);
  });

  it('only the draw permission in scope may draw', async () => {
    expect((await sanyuan.post('/api/v1/panels', drawBody(MIX))).statusCode).toBe(403);
    expect((await expert01.get('/api/v1/panels')).statusCode).toBe(403);
    // an applicant is an employer or an organisation, not both (a member unit's project has neither)
    const both = await city.post('/api/v1/panels', { ...drawBody(MIX), applicantProviderId: implId });
    expect(both.statusCode).toBe(400);
  });

  it('draws five members, records every exclusion with its reason, notifies and audits', async () => {
    const res = await city.post('/api/v1/panels', drawBody(MIX));
    expect(res.statusCode).toBe(201);
    P = res.json();
    expect(P.members).toHaveLength(5);
    expect(P.members.map((m) => m.domain).sort()).toEqual([
      'finance',
      'legal',
      'work_safety',
      'work_safety',
      'work_safety',
    ]);
    expect(P.members.every((m) => m.round === 0 && m.status === 'notified')).toBe(true);
    expect(P.members.find((m) => m.domain === 'legal')?.expertId).toBe(X.L0);
    expect(P.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(P.excludedCount).toBe(7);
    const rec: PanelDrawRecord = (await city.get(`/api/v1/panels/${P.id}/record`)).json();
    const reason = (k: string) => rec.candidates.find((c) => c.expertId === X[k])?.exclusion;
    expect(reason('term')).toBe(`聘期已于 ${addDays(today, -1)} 届满`);
    expect(reason('unit')).toContain('与申请单位');
    expect(reason('unit')).toContain('为同一工作单位');
    expect(reason('uscc')).toBe('与实施单位“测试安全服务中心”为同一工作单位');
    expect(reason('rel')).toContain('的关联关系（兼职顾问，2025-01-01 申报）');
    expect(reason('susp')).toBe(`暂停抽取至 ${addDays(today, 30)}（无故缺席评审）`);
    expect(reason('unav')).toBe(`${addDays(today, -1)} 至 ${addDays(today, 2)} 不能参加（出差）`);
    expect(reason('cool')).toContain(`180 天回避期内曾参加申请单位`);
    expect(reason('cool')).toContain(`《上一轮评审》（${addDays(today, -30)} 抽取）`);
    expect(reason('S0')).toBeNull();
    const notes = await env.core.db
      .select()
      .from(notification)
      .where(and(eq(notification.userId, expert01.me.id), eq(notification.link, '/my-assignments')));
    expect(notes).toHaveLength(1);
    const audit = await env.core.db.select().from(auditLog).where(eq(auditLog.objectId, P.id));
    expect(audit.map((a) => a.action)).toContain('panel.draw');
  });

  it('county officers read their own county only', async () => {
    expect((await sanyuan.get(`/api/v1/panels/${P.id}`)).statusCode).toBe(200);
    expect((await yongan.get(`/api/v1/panels/${P.id}`)).statusCode).toBe(404);
    expect((await yongan.get(`/api/v1/panels/${P.id}/record`)).statusCode).toBe(404);
    const list = (await yongan.get('/api/v1/panels')).json();
    expect(list.items.some((p: { id: string }) => p.id === P.id)).toBe(false);
    expect((await sanyuan.get('/api/v1/panels')).json().items.some((p: { id: string }) => p.id === P.id)).toBe(true);
  });
});

const verify = (record: unknown) =>
  env.app.inject({ method: 'POST', url: '/api/v1/public/panel-draws/verify', payload: record as object });

describe('reproducibility', () => {
  it('re-runs the draw on a posted record without signing in; a tampered seed gives another panel', async () => {
    const rec: PanelDrawRecord = (await city.get(`/api/v1/panels/${P.id}/record`)).json();
    const res = await verify(rec);
    expect(res.statusCode).toBe(200);
    const out: PanelVerifyResult = res.json();
    expect(out.members.map((m) => m.expertId).sort()).toEqual(P.members.map((m) => m.expertId).sort());
    expect(out.rankKeyMismatches).toEqual([]);
    const tampered: PanelVerifyResult = (
      await verify({
        ...rec,
        seed: `${rec.seed.slice(0, 63)}0` === rec.seed ? `${rec.seed.slice(0, 63)}1` : `${rec.seed.slice(0, 63)}0`,
      })
    ).json();
    expect(tampered.members.map((m) => m.expertId)).not.toEqual(out.members.map((m) => m.expertId));
    expect(tampered.rankKeyMismatches.length).toBeGreaterThan(0);
    expect((await verify({ ...rec, algorithm: 'md5' })).statusCode).toBe(400);
  });
});

describe('declines and replacements', () => {
  it('a bureau decline draws the next finance expert in the same transaction; stale → 409', async () => {
    const fin = P.members.find((m) => m.domain === 'finance') as PanelView['members'][number];
    const stale = await city.post(`/api/v1/panels/${P.id}/members/${fin.id}/decline`, {
      reason: '电话告知出差',
      version: fin.version + 1,
    });
    expect(stale.statusCode).toBe(409);
    const res = await city.post(`/api/v1/panels/${P.id}/members/${fin.id}/decline`, {
      reason: '电话告知出差',
      version: fin.version,
    });
    expect(res.statusCode).toBe(200);
    P = res.json();
    const repl = P.members.find((m) => m.round === 1);
    expect(repl).toMatchObject({ domain: 'finance', replaces: fin.id, status: 'notified' });
    expect(P.members.find((m) => m.id === fin.id)?.declineReason).toContain('代为登记');
    // decline down the finance pool: second replacement, then nobody is left
    const r1 = repl as PanelView['members'][number];
    P = (
      await city.post(`/api/v1/panels/${P.id}/members/${r1.id}/decline`, { reason: '回避', version: r1.version })
    ).json();
    const r2 = P.members.find((m) => m.round === 2) as PanelView['members'][number];
    expect(r2).toMatchObject({ domain: 'finance', replaces: r1.id });
    const last = await city.post(`/api/v1/panels/${P.id}/members/${r2.id}/decline`, {
      reason: '回避',
      version: r2.version,
    });
    expect(last.statusCode).toBe(200);
    P = last.json();
    expect(P.shortfall).toEqual([{ domain: 'finance', domainLabel: '财务管理', missing: 1 }]);
    expect(P.members.filter((m) => m.status === 'declined')).toHaveLength(3);
    // the record replays to the same members, replacements and rounds included
    const rec: PanelDrawRecord = (await city.get(`/api/v1/panels/${P.id}/record`)).json();
    expect(rec.declines.map((d) => d.expertId)).toEqual([fin.expertId, r1.expertId, r2.expertId]);
    const out: PanelVerifyResult = (await verify(rec)).json();
    const byExpert = (xs: { expertId: string; round: number }[]) => xs.map((x) => `${x.expertId}:${x.round}`).sort();
    expect(byExpert(out.members)).toEqual(byExpert(P.members));
    expect(out.shortfall).toEqual([{ domain: 'finance', missing: 1 }]);
  });
});

describe('assignments and scoring', () => {
  let mine: PanelAssignmentView;
  it('the expert sees only their own assignment and cannot act on others', async () => {
    const list: PanelAssignmentView[] = (await expert01.get('/api/v1/my-assignments')).json();
    expect(list).toHaveLength(1);
    mine = list[0] as PanelAssignmentView;
    expect(mine.member.expertId).toBe(X.L0);
    const other = P.members.find((m) => m.domain === 'work_safety') as PanelView['members'][number];
    expect(
      (await expert01.post(`/api/v1/my-assignments/${other.id}/accept`, { version: other.version })).statusCode,
    ).toBe(404);
    expect((await city.get('/api/v1/my-assignments')).statusCode).toBe(403);
    // scoring before accepting is refused
    const early = await expert01.post(`/api/v1/my-assignments/${mine.member.id}/scores`, {
      scores: { necessity: 8, feasibility: 8, budget: 8, capacity: 8 },
      version: mine.member.version,
    });
    expect(early.statusCode).toBe(400);
  });

  it('accepts, then scores with the weighted total; bad scores 400, stale 409', async () => {
    const acc = await expert01.post(`/api/v1/my-assignments/${mine.member.id}/accept`, {
      version: mine.member.version,
    });
    expect(acc.statusCode).toBe(200);
    mine = acc.json();
    expect(mine.member.status).toBe('accepted');
    const bad = await expert01.post(`/api/v1/my-assignments/${mine.member.id}/scores`, {
      scores: { necessity: 11, feasibility: 8, budget: 8 },
      version: mine.member.version,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('“项目必要性与针对性”的得分应在 0 到 10 分之间');
    const scores = { necessity: 9, feasibility: 8.5, budget: 7, capacity: 9.5 };
    const stale = await expert01.post(`/api/v1/my-assignments/${mine.member.id}/scores`, {
      scores,
      version: mine.member.version + 5,
    });
    expect(stale.statusCode).toBe(409);
    const ok = await expert01.post(`/api/v1/my-assignments/${mine.member.id}/scores`, {
      scores,
      comment: '方案可行',
      version: mine.member.version,
    });
    expect(ok.statusCode).toBe(200);
    // 9/10·30 + 8.5/10·30 + 7/10·20 + 9.5/10·20 = 27 + 25.5 + 14 + 19 = 85.5
    expect((ok.json() as PanelAssignmentView).member).toMatchObject({ status: 'scored', total: 8550 });
  });

  it('refuses the conclusion while members are pending, flags divergence and needs a note; stale 409', async () => {
    P = (await city.get(`/api/v1/panels/${P.id}`)).json();
    const pending = await city.post(`/api/v1/panels/${P.id}/conclusion`, { note: null, version: P.version });
    expect(pending.statusCode).toBe(400);
    expect(pending.json().message).toContain('名专家未完成评分');
    // the other three score (their accounts are outside this test): totals 70, 72, 60
    const others = P.members.filter((m) => m.domain === 'work_safety');
    const totals = [7000, 7200, 6000];
    for (const [i, m] of others.entries()) {
      await env.core.db
        .update(panelMember)
        .set({ status: 'scored', total: totals[i], scores: {} })
        .where(eq(panelMember.id, m.id));
    }
    P = (await city.get(`/api/v1/panels/${P.id}`)).json();
    // 85.5 − 60 = 25.5 > 15: flagged, the 85.5 member is farthest from the median
    expect(P.divergence).toMatchObject({ flagged: true, spread: 2550, thresholdPoints: 15 });
    expect(P.members.filter((m) => m.outlier).map((m) => m.expertId)).toEqual([X.L0]);
    const noNote = await city.post(`/api/v1/panels/${P.id}/conclusion`, { note: null, version: P.version });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().message).toContain('测试专家L0');
    expect(
      (await sanyuan.post(`/api/v1/panels/${P.id}/conclusion`, { note: 'x', version: P.version })).statusCode,
    ).toBe(403);
    // settlement before the conclusion is refused
    expect((await shebao.post(`/api/v1/panels/${P.id}/settlement`)).statusCode).toBe(400);
    const stale = await city.post(`/api/v1/panels/${P.id}/conclusion`, { note: '经合议', version: P.version - 1 });
    expect(stale.statusCode).toBe(409);
    const ok = await city.post(`/api/v1/panels/${P.id}/conclusion`, {
      note: '经合议，采纳多数意见',
      version: P.version,
    });
    expect(ok.statusCode).toBe(200);
    P = ok.json();
    // mean (8550 + 7000 + 7200 + 6000) / 4 = 7187.5 → 7188, pass mark 60
    expect(P).toMatchObject({ status: 'concluded', conclusionScore: 7188, conclusion: 'pass' });
    // no more scoring after the conclusion
    const late = await expert01.post(`/api/v1/my-assignments/${mine.member.id}/scores`, {
      scores: { necessity: 1, feasibility: 1, budget: 1, capacity: 1 },
      version: mine.member.version + 1,
    });
    expect(late.statusCode).toBe(400);
  });

  it('settles every scored member once; a repeated request settles nothing twice', async () => {
    expect((await sanyuan.post(`/api/v1/panels/${P.id}/settlement`)).statusCode).toBe(403);
    const first = await shebao.post(`/api/v1/panels/${P.id}/settlement`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ settled: 4, settledFen: 240000 });
    const again = await shebao.post(`/api/v1/panels/${P.id}/settlement`);
    expect(again.json()).toMatchObject({ settled: 0, settledFen: 0 });
    expect((again.json().panel as PanelView).settledFen).toBe(240000);
    const rows = await env.core.db
      .select()
      .from(panelMember)
      .where(and(eq(panelMember.panelId, P.id), inArray(panelMember.status, ['scored'])));
    expect(rows.every((r) => r.feeFen === 60000 && r.settledAt)).toBe(true);
    const audits = await env.core.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, P.id), eq(auditLog.action, 'panel.settle')));
    expect(audits).toHaveLength(1);
  });

  it('the cool-down keeps the members who served out of the next draw for the same applicant', async () => {
    const res = await city.post(
      '/api/v1/panels',
      drawBody([{ domain: 'legal', count: 1 }], '同一申请单位的第二个项目'),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('“法律事务”需要 1 名专家，符合条件的只有 0 名');
  });
});
