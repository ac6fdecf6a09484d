import type { CallView, PanelView, ProcurementAdvice, ProjectView, RankedItem } from '@yufang/contracts';
import { CITY_CODE } from '@yufang/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { auditLog, employer, notification, userScope } from '../../core/db/schema.js';
import { DEMO_DELIVERY_PROJECT } from '../../demo/projects.js';
import { preventionBudget } from '../fund/fund.schema.js';
import { beijingDate } from '../hazard/hazard.rules.js';
import { addDays } from '../panel/panel.rules.js';
import { providerEngagement } from '../provider/provider.schema.js';
import { ensureBudget, providerOf } from './delivery.factory.js';
import { projectCall } from './project.schema.js';

let env: TestEnv;
let city: Session;
let yongan: Session;
let sanyuan: Session;
let emp: Session;
let unit: Session;
let callId: string;
let employerId: string;
const today = beijingDate(new Date());
const YEAR = 2031;

const form = (title: string, requestedFen = 60_000_000) => ({
  type: 'training',
  title,
  content: '面向建筑施工一线员工开展工伤预防培训，覆盖高处作业与临时用电。',
  targetGroups: [{ group: '建筑施工一线员工', count: 600 }],
  schedule: [
    { key: 'm1', name: '第一期培训', dueOn: `${YEAR}-05-31` },
    { key: 'm2', name: '第二期培训', dueOn: `${YEAR}-10-31` },
  ],
  budgetLines: [
    { item: '师资费', amountFen: requestedFen / 2 },
    { item: '场地与教材', amountFen: requestedFen / 2 },
  ],
  requestedFen,
  targets: [
    { key: 'trainees', label: '培训人数', unit: '人', comparator: 'gte', value: 500 },
    { key: 'pass_rate', label: '考核合格率', unit: '%', comparator: 'gte', value: 90 },
    { key: 'satisfaction', label: '满意度', unit: '%', comparator: 'gt', value: 85 },
  ],
});

async function apply(title: string, requestedFen?: number) {
  const res = await emp.post('/api/v1/projects', { callId, ...form(title, requestedFen) });
  expect(res.statusCode, res.body).toBe(201);
  const p = res.json() as ProjectView;
  const sub = await emp.post(`/api/v1/projects/${p.id}/submit`, { version: p.version });
  expect(sub.statusCode, sub.body).toBe(200);
  return sub.json() as ProjectView;
}

beforeAll(async () => {
  env = await testApp();
  city = await login(env.app, 'cityadmin');
  yongan = await login(env.app, 'yongan');
  sanyuan = await login(env.app, 'sanyuan');
  emp = await login(env.app, 'employer01');
  unit = await login(env.app, 'yingji');
  const [s] = await env.core.db
    .select({ code: userScope.code })
    .from(userScope)
    .where(and(eq(userScope.userId, emp.me.id), eq(userScope.kind, 'employer')));
  employerId = s?.code as string;
  await env.core.db
    .update(employer)
    .set({ workforce: 120, insuranceStatus: 'insured' })
    .where(eq(employer.id, employerId));
  await ensureBudget(env.core.db, YEAR, 100_000_000);
}, 120_000);
afterAll(async () => env?.close());

describe('calls', () => {
  it('creates a draft, hides it from applicants, opens it; validates and checks the version', async () => {
    const body = {
      year: YEAR,
      title: `${YEAR} 年度工伤预防项目申报指南`,
      keyAreas: ['建筑施工', '矿山'],
      types: ['training', 'publicity'],
      guide: '重点支持建筑施工、矿山等高风险行业的工伤预防培训与宣传项目。',
      opensOn: addDays(today, -1),
      deadline: addDays(today, 30),
      maxRequestFen: 100_000_000,
    };
    expect((await emp.post('/api/v1/project-calls', body)).statusCode).toBe(403);
    const bad = await city.post('/api/v1/project-calls', { ...body, types: ['dinner'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('types');
    const created = await city.post('/api/v1/project-calls', body);
    expect(created.statusCode, created.body).toBe(201);
    const call = created.json() as CallView;
    callId = call.id;
    expect(call.status).toBe('draft');
    expect((await emp.get('/api/v1/project-calls')).json().some((c: CallView) => c.id === callId)).toBe(false);
    expect((await city.post(`/api/v1/project-calls/${callId}/open`, { version: call.version + 1 })).statusCode).toBe(
      409,
    );
    const opened = await city.post(`/api/v1/project-calls/${callId}/open`, { version: call.version });
    expect(opened.json().status).toBe('open');
    expect(opened.json().accepting).toBe(true);
    const listed = (await emp.get('/api/v1/project-calls')).json() as CallView[];
    expect(listed.find((c) => c.id === callId)?.accepting).toBe(true);
    const again = await city.post(`/api/v1/project-calls/${callId}/open`, { version: opened.json().version });
    expect(again.statusCode).toBe(400);
  });
});

describe('applications', () => {
  it('follows the account for the applicant kind, checks the budget lines and numbers on submission', async () => {
    expect((await yongan.post('/api/v1/projects', { callId, ...form('县区不能申报的项目') })).statusCode).toBe(403);
    const wrong = { callId, ...form('预算不平衡的项目'), requestedFen: 1 };
    const res = await emp.post('/api/v1/projects', wrong);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: { field: string }) => f.field)).toContain('budgetLines');
    const over = await emp.post('/api/v1/projects', { callId, ...form('超过上限的项目', 200_000_000) });
    expect(over.json().fields.map((f: { field: string }) => f.field)).toContain('requestedFen');
    const draft = (
      await emp.post('/api/v1/projects', { callId, ...form('建筑施工一线员工培训') })
    ).json() as ProjectView;
    expect(draft.applicantKind).toBe('enterprise');
    expect(draft.status).toBe('draft');
    expect(draft.nextActions.map((a) => a.action)).toEqual(['submit']);
    const edited = await emp.put(`/api/v1/projects/${draft.id}`, {
      ...form('建筑施工一线员工培训（修订）'),
      version: draft.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await emp.post(`/api/v1/projects/${draft.id}/submit`, { version: draft.version })).statusCode).toBe(409);
    const sub = await emp.post(`/api/v1/projects/${draft.id}/submit`, { version: edited.json().version });
    expect(sub.json().code).toMatch(new RegExp(`^YF-${YEAR}-\\d{3}$`));
    expect(sub.json().status).toBe('submitted');
    // scope: the applicant's county sees it, another county does not
    expect((await yongan.get(`/api/v1/projects/${draft.id}`)).statusCode).toBe(200);
    expect((await sanyuan.get(`/api/v1/projects/${draft.id}`)).statusCode).toBe(404);
    expect((await unit.get(`/api/v1/projects/${draft.id}`)).statusCode).toBe(404);
    const page = (await sanyuan.get(`/api/v1/projects?year=${YEAR}`)).json();
    expect(page.items.some((i: { id: string }) => i.id === draft.id)).toBe(false);
    // a member unit applies as 'unit'
    const u = await unit.post('/api/v1/projects', { callId, ...form('应急管理系统安全宣传') });
    expect(u.statusCode, u.body).toBe(201);
    expect(u.json().applicantKind).toBe('unit');
  });

  it('refuses submission after the deadline', async () => {
    const draft = (await emp.post('/api/v1/projects', { callId, ...form('截止后提交的项目') })).json() as ProjectView;
    await env.core.db
      .update(projectCall)
      .set({ deadline: addDays(today, -1) })
      .where(eq(projectCall.id, callId));
    const res = await emp.post(`/api/v1/projects/${draft.id}/submit`, { version: draft.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('deadline');
    await env.core.db
      .update(projectCall)
      .set({ deadline: addDays(today, 30) })
      .where(eq(projectCall.id, callId));
  });
});

describe('eligibility, review, approval, procurement and contract', () => {
  it('rejects a small enterprise with the reason', async () => {
    const p = await apply('小企业申报的培训项目');
    expect((await yongan.post(`/api/v1/projects/${p.id}/eligibility`, { version: p.version })).statusCode).toBe(403);
    const res = await city.post(`/api/v1/projects/${p.id}/eligibility`, { version: p.version });
    const v = res.json() as ProjectView;
    expect(v.status).toBe('rejected');
    expect(v.rejectReason).toContain('未达到大中型企业标准（≥ 300 人）');
    expect(v.eligibility?.find((r) => r.rule === 'size')?.ok).toBe(false);
  });

  it('runs eligible → review (代录评分) → approval → procurement → contract', async () => {
    await env.core.db.update(employer).set({ workforce: 520 }).where(eq(employer.id, employerId));
    let p = await apply('大型企业一线员工培训');
    p = (await city.post(`/api/v1/projects/${p.id}/eligibility`, { version: p.version })).json();
    expect(p.status).toBe('eligible');
    const url = `/api/v1/projects/${p.id}`;
    const started = await city.post(`${url}/review`, {
      version: p.version,
      mix: [{ domain: 'work_safety', count: 3 }],
    });
    expect(started.statusCode, started.body).toBe(200);
    p = started.json();
    expect(p.status).toBe('reviewing');
    expect(p.review?.members).toBe(3);
    // approval needs the concluded panel
    expect(
      (await city.post(`${url}/approve`, { version: p.version, approvedFen: 50_000_000 })).json().message,
    ).toContain('尚未作出评审结论');
    let panel = (await city.get(`/api/v1/panels/${p.review?.panelId}`)).json() as PanelView;
    const scores = Object.fromEntries(panel.criteria.map((c) => [c.key, 8]));
    const proxy = (id: string, version: number, note = '纸质评分表，评审会现场签字') =>
      city.post(`/api/v1/panels/${panel.id}/members/${id}/scores`, { scores, comment: null, note, version });
    const [m0] = panel.members;
    expect(
      (
        await yongan.post(`/api/v1/panels/${panel.id}/members/${m0?.id}/scores`, {
          scores,
          note: '代录说明',
          version: 0,
        })
      ).statusCode,
    ).toBe(403);
    expect((await proxy(m0?.id as string, (m0?.version ?? 0) + 3)).statusCode).toBe(409);
    expect((await proxy(m0?.id as string, m0?.version ?? 0, '')).statusCode).toBe(400);
    for (const m of panel.members) expect((await proxy(m.id, m.version)).statusCode).toBe(200);
    const [audit] = await env.core.db.select().from(auditLog).where(eq(auditLog.action, 'panel.score.proxy')).limit(1);
    expect(audit).toBeDefined();
    panel = (await city.get(`/api/v1/panels/${panel.id}`)).json();
    const concluded = await city.post(`/api/v1/panels/${panel.id}/conclusion`, { note: null, version: panel.version });
    expect(concluded.json().conclusion).toBe('pass');
    const ranking = (await city.get(`/api/v1/project-calls/${callId}/ranking`)).json() as RankedItem[];
    expect(ranking.find((r) => r.id === p.id)?.score).toBe(8000);
    p = (await city.get(url)).json();
    // amount ≤ requested, ≤ the year's remaining budget
    const over = await city.post(`${url}/approve`, { version: p.version, approvedFen: 70_000_000 });
    expect(over.json().fields[0].field).toBe('approvedFen');
    const budget = await city.post(`${url}/approve`, { version: p.version, approvedFen: 60_000_000 }).then((r) => r);
    expect(budget.statusCode).toBe(200);
    p = budget.json();
    expect(p.status).toBe('approved');
    expect(p.publishedAt).not.toBeNull();
    const [line] = await env.core.db
      .select()
      .from(preventionBudget)
      .where(and(eq(preventionBudget.regionCode, CITY_CODE), eq(preventionBudget.year, YEAR)));
    expect(line?.earmarkedFen).toBe(60_000_000);
    // a second approval beyond the remaining budget is refused by the ledger, naming the amounts
    let q = await apply('第二个培训项目（预算不足）', 50_000_000);
    q = (await city.post(`/api/v1/projects/${q.id}/eligibility`, { version: q.version })).json();
    q = (
      await city.post(`/api/v1/projects/${q.id}/review`, {
        version: q.version,
        mix: [{ domain: 'work_safety', count: 2 }],
      })
    ).json();
    const qp = (await city.get(`/api/v1/panels/${q.review?.panelId}`)).json() as PanelView;
    for (const m of qp.members)
      await city.post(`/api/v1/panels/${qp.id}/members/${m.id}/scores`, {
        scores,
        note: '纸质评分表',
        version: m.version,
      });
    const qv = (await city.get(`/api/v1/panels/${qp.id}`)).json() as PanelView;
    await city.post(`/api/v1/panels/${qp.id}/conclusion`, { note: null, version: qv.version });
    q = (await city.get(`/api/v1/projects/${q.id}`)).json();
    const refused = await city.post(`/api/v1/projects/${q.id}/approve`, {
      version: q.version,
      approvedFen: 50_000_000,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('剩余额度');
    const rejected = await city.post(`/api/v1/projects/${q.id}/reject`, {
      version: q.version,
      reason: '年度预算已用完，列入下年度',
    });
    expect(rejected.json().status).toBe('rejected');

    // procurement: 600,000 元 requires a competitive method; looser is refused
    const advice = (await city.get(`${url}/procurement`)).json() as ProcurementAdvice;
    expect(advice.requiredRoute).toBe('competitive');
    expect(advice.allowed.map((a) => a.route)).toEqual(['open_tender', 'competitive', 'self']);
    expect(advice.candidates.some((c) => !c.eligible && c.reason)).toBe(true);
    const loose = await city.post(`${url}/procurement`, {
      version: p.version,
      route: 'direct',
      reason: '金额较小直接委托',
    });
    expect(loose.json().message).toContain('须采用“竞争性磋商/谈判/询价”');
    p = (
      await city.post(`${url}/procurement`, {
        version: p.version,
        route: 'competitive',
        reason: '按限额标准竞争性磋商',
      })
    ).json();
    expect(p.status).toBe('procuring');
    const providerId = await providerOf(env.core.db, 'provider01');
    const barred = advice.candidates.find((c) => !c.eligible);
    if (barred) {
      const no = await city.post(`${url}/implementer`, {
        version: p.version,
        providerId: barred.providerId,
        reason: '测试不合格机构',
      });
      expect(no.json().fields[0].field).toBe('providerId');
    }
    p = (await city.post(`${url}/implementer`, { version: p.version, providerId, reason: '磋商综合得分第一' })).json();
    expect(p.implementerProviderId).toBe(providerId);
    const contract = {
      version: p.version,
      contractNo: `HT-${YEAR}-001`,
      contractFen: 55_000_000,
      signedOn: today,
      endsOn: `${YEAR}-12-31`,
      deliverables: [{ name: '培训课时', quantity: 40, unit: '课时' }],
      targets: p.targets,
      prepaymentPct: 80,
    };
    const eighty = await city.post(`${url}/contract`, contract);
    expect(eighty.statusCode).toBe(400);
    expect(eighty.json().fields[0]).toMatchObject({ field: 'prepaymentPct' });
    expect(eighty.json().fields[0].message).toContain('预付款比例须在 30%–70% 之间（');
    expect(
      (await city.post(`${url}/contract`, { ...contract, prepaymentPct: 50, contractFen: 70_000_000 })).json().fields[0]
        .field,
    ).toBe('contractFen');
    const signed = await city.post(`${url}/contract`, { ...contract, prepaymentPct: 50 });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().status).toBe('contracted');
    const [after] = await env.core.db
      .select()
      .from(preventionBudget)
      .where(and(eq(preventionBudget.regionCode, CITY_CODE), eq(preventionBudget.year, YEAR)));
    expect(after?.earmarkedFen).toBe(0);
    expect(after?.committedFen).toBe(55_000_000);
    const [eng] = await env.core.db.select().from(providerEngagement).where(eq(providerEngagement.projectRef, p.id));
    expect(eng).toMatchObject({ source: 'project', contractedUnits: 500, unit: '人' });
    const prov = await login(env.app, 'provider01');
    const notes = await env.core.db.select().from(notification).where(eq(notification.userId, prov.me.id));
    expect(notes.some((n) => n.title.includes('服务协议已签订'))).toBe(true);
    expect((await prov.get(url)).statusCode).toBe(200);
    // a transition not open from the status is refused with the reason
    expect(
      (await city.post(`${url}/approve`, { version: signed.json().version, approvedFen: 1 })).json().message,
    ).toContain('不能“立项”');
  });

  it('shows the application to an expert on the panel only', async () => {
    const expert01 = await login(env.app, 'expert01');
    const res = await expert01.get('/api/v1/my-assignments/00000000-0000-4000-8000-000000000000/application');
    expect(res.statusCode).toBe(404);
  });
});

describe('demo projects', () => {
  it('seeds calls to 2027, the association account and the contracted project of provider01', async () => {
    const assoc = await login(env.app, 'assoc01');
    const calls = (await assoc.get('/api/v1/project-calls')).json() as CallView[];
    const open = calls.find((c) => c.year === 2027);
    expect(open).toMatchObject({ status: 'open', deadline: '2027-01-31' });
    const prov = await login(env.app, 'provider01');
    const mine = (await prov.get('/api/v1/projects?year=2026&status=contracted')).json();
    expect(mine.items.map((i: { title: string }) => i.title)).toContain(DEMO_DELIVERY_PROJECT);
    const all = (await city.get('/api/v1/projects?limit=200')).json().items as { status: string; year: number }[];
    for (const s of [
      'draft',
      'submitted',
      'eligible',
      'reviewing',
      'approved',
      'rejected',
      'procuring',
      'contracted',
    ]) {
      expect(
        all.some((p) => p.status === s),
        s,
      ).toBe(true);
    }
    const draft = await assoc.post('/api/v1/projects', { callId: open?.id, ...form('建筑业协会会员单位安全培训') });
    expect(draft.json().applicantKind).toBe('association');
  });
});
