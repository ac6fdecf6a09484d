import { CITY_CODE, idCheckChar } from '@yufang/contracts';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { fundPayment, preventionBudget } from '../fund/fund.schema.js';
import { panel } from '../panel/panel.schema.js';
import { providerEngagement, providerSanction } from '../provider/provider.schema.js';
import { deliveryContext } from './delivery.context.js';
import { attendanceXlsx, contractedProject, insuredOf, providerOf } from './delivery.factory.js';
import { runDeliverySweep } from './delivery.jobs.js';
import { projectEvent, projectReport } from './project.schema.js';

let env: TestEnv;
let city: Session;
let shebao: Session;
let prov: Session;
let yongan: Session;
let providerId: string;

const notInsuredId = () => {
  const first17 = '35040219900101123';
  return `${first17}${idCheckChar(first17)}`;
};

async function view(s: Session, id: string) {
  const res = await s.get(`/api/v1/projects/${id}/delivery`);
  return res;
}

/** Concludes the acceptance panel as the experts would have (the panel module's own tests cover scoring). */
async function conclude(panelId: string, conclusion: 'pass' | 'fail', score: number) {
  await env.core.db
    .update(panel)
    .set({ status: 'concluded', conclusion, conclusionScore: score, concludedAt: new Date() })
    .where(eq(panel.id, panelId));
}

beforeAll(async () => {
  env = await testApp();
  city = await login(env.app, 'cityadmin');
  shebao = await login(env.app, 'shebao');
  prov = await login(env.app, 'provider01');
  yongan = await login(env.app, 'yongan');
  providerId = await providerOf(env.core.db, 'provider01');
}, 120_000);
afterAll(async () => env?.close());

describe('project delivery', () => {
  it('runs a project from prepayment through a failed round and rectification to the balance, each payment once', async () => {
    const p = await contractedProject(env.core.db, { implementerProviderId: providerId });
    const url = `/api/v1/projects/${p.id}`;
    // out of scope and permission
    expect((await view(yongan, p.id)).statusCode).toBe(404);
    expect(
      (await prov.post(`${url}/prepayment`, { version: p.version, idempotencyKey: 'prepay-key-001' })).statusCode,
    ).toBe(403);
    // stale version
    expect(
      (await shebao.post(`${url}/prepayment`, { version: p.version + 5, idempotencyKey: 'prepay-key-000' })).statusCode,
    ).toBe(409);
    expect((await shebao.post(`${url}/prepayment`, { version: p.version, idempotencyKey: 'x' })).statusCode).toBe(400);
    const first = await shebao.post(`${url}/prepayment`, { version: p.version, idempotencyKey: 'prepay-key-001' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ replayed: false, payment: { kind: 'prepayment', amountFen: 10_000_000 } });
    const again = await shebao.post(`${url}/prepayment`, { version: p.version, idempotencyKey: 'prepay-key-001' });
    expect(again.json()).toMatchObject({ replayed: true, payment: { id: first.json().payment.id } });
    const other = await shebao.post(`${url}/prepayment`, { version: p.version + 1, idempotencyKey: 'prepay-key-002' });
    expect(other.statusCode).toBe(400);
    expect(other.json().message).toContain('不能“支付预付款”');

    let v = (await view(prov, p.id)).json();
    expect(v.status).toBe('prepaid');
    // reporting before the start is refused
    expect((await prov.post(`${url}/reports`, { summary: '第一期培训完成' })).statusCode).toBe(400);
    expect((await prov.post(`${url}/start`, { version: v.version })).statusCode).toBe(200);
    v = (await view(prov, p.id)).json();
    expect(v.status).toBe('in_progress');

    const people = await insuredOf(env.core, 2);
    const rows = [
      ...people.map((x) => [x.name, x.idNumber, x.uscc]),
      ['王未保', notInsuredId(), people[0]?.uscc as string],
    ];
    // a bad row refuses the whole list, nothing committed
    const bad = await prov.post(`${url}/reports`, {
      milestoneKey: 'm1',
      summary: '第一期培训完成',
      session: { sessionOn: '2026-03-01', venue: '三元区职工培训中心', venueCapacity: 2 },
      attendance: {
        fileName: '签到表.xlsx',
        contentBase64: await attendanceXlsx([...rows, ['李错号', '350402199001011230', 'x']]),
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('第 5 行身份证号码');
    expect(await env.core.db.select().from(projectReport).where(eq(projectReport.projectId, p.id))).toHaveLength(0);
    const rep = await prov.post(`${url}/reports`, {
      milestoneKey: 'm1',
      summary: '第一期培训完成',
      delivered: { pass_rate: 80 },
      session: { sessionOn: '2026-03-01', venue: '三元区职工培训中心', venueCapacity: 2 },
      attendance: { fileName: '签到表.xlsx', contentBase64: await attendanceXlsx(rows) },
    });
    expect(rep.statusCode).toBe(200);
    expect(rep.json()).toMatchObject({ attendees: 3, notInsured: 1 });
    const flagged = rep.json().attendance.find((a: { flag: string | null }) => a.flag);
    expect(flagged).toMatchObject({ name: '王未保', flag: '未在所报单位参保', insured: false });
    expect(flagged.idMasked).not.toContain('19900101');
    // 3 attendees in a room for 2
    v = (await view(city, p.id)).json();
    expect(v.flags.map((f: { rule: string }) => f.rule)).toContain('over_capacity');
    expect(v.deliveredDefaults.find((t: { key: string }) => t.key === 'trainees')).toMatchObject({
      delivered: 2,
      met: false,
    });

    // evidence: versioned by name, downloadable
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('photo')]);
    const up = (body: Buffer) =>
      env.app.inject({
        method: 'POST',
        url: `${url}/documents?kind=evidence&reportId=${rep.json().id}`,
        headers: {
          cookie: prov.cookie,
          'x-csrf-token': prov.me.csrfToken,
          'content-type': 'application/octet-stream',
          'x-file-name': encodeURIComponent('现场照片.png'),
        },
        payload: body,
      });
    expect((await up(png)).json()).toMatchObject({ version: 1, kind: 'evidence' });
    const second = await up(Buffer.concat([png, Buffer.from('2')]));
    expect(second.json()).toMatchObject({ version: 2 });
    const dl = await prov.get(`${url}/documents/${second.json().id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect((await up(Buffer.from('not an image'))).statusCode).toBe(400);

    // interim check by the bureau; not by the implementer
    expect(
      (await prov.post(`${url}/checks`, { checkedOn: '2026-03-05', result: 'ok', findings: '现场核查培训记录' }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await city.post(`${url}/checks`, {
          checkedOn: '2026-03-05',
          result: 'issues',
          findings: '签到人数超过场地容量',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await city.post(`${url}/checks`, {
          checkedOn: '2026-03-05',
          result: 'issues',
          findings: '签到人数超过场地容量',
          followUp: '说明情况',
        })
      ).statusCode,
    ).toBe(200);

    // acceptance round 1: fails on the trainee target
    v = (await view(prov, p.id)).json();
    expect((await prov.post(`${url}/acceptance/request`, { version: v.version })).statusCode).toBe(200);
    v = (await view(city, p.id)).json();
    expect(v).toMatchObject({ status: 'acceptance_requested', acceptanceRound: 1 });
    expect(
      (await city.post(`${url}/acceptance/decision`, { version: v.version, delivered: { trainees: 2, pass_rate: 95 } }))
        .statusCode,
    ).toBe(400);
    const draw = await city.post(`${url}/acceptance/panel`, {
      version: v.version,
      mix: [{ domain: 'work_safety', count: 2 }],
    });
    expect(draw.statusCode).toBe(200);
    const decisionEarly = await city.post(`${url}/acceptance/decision`, {
      version: v.version,
      delivered: { trainees: 2, pass_rate: 95 },
    });
    expect(decisionEarly.json().message).toContain('尚未完成评分');
    await conclude(draw.json().panelId, 'pass', 8000);
    expect(
      (await city.post(`${url}/acceptance/decision`, { version: v.version, delivered: { trainees: 2, pass_rate: 95 } }))
        .statusCode,
    ).toBe(200);
    v = (await view(city, p.id)).json();
    expect(v.status).toBe('acceptance_failed');
    expect(v.acceptances[0]).toMatchObject({ round: 1, outcome: 'failed', score: 8000 });
    expect(v.acceptances[0].note).toContain('培训人数');
    expect((await prov.post(`${url}/rectify`, { version: v.version })).statusCode).toBe(403);
    expect((await city.post(`${url}/rectify`, { version: v.version, note: '补充培训' })).statusCode).toBe(200);
    v = (await view(prov, p.id)).json();
    expect(v.status).toBe('rectifying');
    expect(v.rectifyBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // rectification report, round 2 passes
    const more = await insuredOf(env.core, 4);
    const rep2 = await prov.post(`${url}/reports`, {
      milestoneKey: 'm2',
      summary: '整改：补充第二期培训',
      delivered: { pass_rate: 96 },
      session: { sessionOn: '2026-05-10', venue: '三元区职工培训中心', venueCapacity: 50 },
      attendance: {
        fileName: '签到表2.xlsx',
        contentBase64: await attendanceXlsx(more.map((x) => [x.name, x.idNumber, x.uscc])),
      },
    });
    expect(rep2.statusCode).toBe(200);
    v = (await view(prov, p.id)).json();
    expect((await prov.post(`${url}/acceptance/request`, { version: v.version })).statusCode).toBe(200);
    v = (await view(city, p.id)).json();
    expect(v.acceptanceRound).toBe(2);
    const draw2 = await city.post(`${url}/acceptance/panel`, {
      version: v.version,
      mix: [{ domain: 'work_safety', count: 2 }],
    });
    expect(draw2.statusCode).toBe(200);
    await conclude(draw2.json().panelId, 'pass', 8500);
    const defaults = Object.fromEntries(
      v.deliveredDefaults.map((t: { key: string; delivered: number }) => [t.key, t.delivered]),
    );
    expect(defaults.trainees).toBeGreaterThanOrEqual(3);
    expect(
      (await city.post(`${url}/acceptance/decision`, { version: v.version, delivered: defaults })).statusCode,
    ).toBe(200);
    v = (await view(shebao, p.id)).json();
    expect(v.status).toBe('accepted');
    expect(v.balanceDueFen).toBe(10_000_000);
    const [eng] = await env.core.db.select().from(providerEngagement).where(eq(providerEngagement.projectRef, p.id));
    expect(eng).toMatchObject({ outcome: 'passed', acceptanceScore: 8500 });

    // the balance sent twice with the same key posts once
    const body = { version: v.version, idempotencyKey: 'balance-key-001' };
    const [b1, b2] = [await shebao.post(`${url}/balance`, body), await shebao.post(`${url}/balance`, body)];
    expect(b1.json()).toMatchObject({ replayed: false, payment: { kind: 'balance', amountFen: 10_000_000 } });
    expect(b2.json()).toMatchObject({ replayed: true, payment: { id: b1.json().payment.id } });
    const balances = await env.core.db
      .select()
      .from(fundPayment)
      .where(and(eq(fundPayment.projectId, p.id), eq(fundPayment.kind, 'balance')));
    expect(balances).toHaveLength(1);
    v = (await view(city, p.id)).json();
    expect((await city.post(`${url}/close`, { version: v.version })).statusCode).toBe(200);

    const tl = (await prov.get(`${url}/timeline`)).json();
    expect(tl.phases.map((x: { label: string }) => x.label)).toEqual(['事前', '事中', '事后']);
    expect(tl.phases[1].events.some((e: { kind: string }) => e.kind === 'report')).toBe(true);
    expect(tl.phases[2].events.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['fail', 'rectify', 'pass', 'payBalance', 'close']),
    );
    const archive = await city.get(`${url}/archive`);
    expect(archive.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(archive.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      '概况',
      '时间线',
      '评审与验收',
      '合同与付款',
      '报告与签到（脱敏）',
      '检查',
      '文档清单',
    ]);
  }, 60_000);

  it('terminates with a deduction, recovering prepaid beyond what remains payable', async () => {
    const p = await contractedProject(env.core.db, {
      implementerProviderId: providerId,
      contractFen: 10_000_000,
      title: '终止测试项目',
    });
    const url = `/api/v1/projects/${p.id}`;
    await shebao.post(`${url}/prepayment`, { version: p.version, idempotencyKey: 'prepay-term-001' });
    const [before] = await env.core.db
      .select()
      .from(preventionBudget)
      .where(and(eq(preventionBudget.regionCode, CITY_CODE), eq(preventionBudget.year, 2026)));
    let v = (await view(city, p.id)).json();
    expect(
      (await city.post(`${url}/terminate`, { version: v.version, deductionFen: 10_000_001, reason: '未按合同实施' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await city.post(`${url}/terminate`, { version: v.version, deductionFen: 6_000_000, reason: '' })).statusCode,
    ).toBe(400);
    expect(
      (
        await city.post(`${url}/terminate`, {
          version: v.version,
          deductionFen: 6_000_000,
          reason: '未按合同实施，培训未开展',
        })
      ).statusCode,
    ).toBe(200);
    v = (await view(city, p.id)).json();
    expect(v.status).toBe('terminated');
    expect(v.payments.map((x: { kind: string; amountFen: number }) => [x.kind, x.amountFen])).toEqual([
      ['prepayment', 5_000_000],
      ['recovery', 1_000_000],
    ]);
    const [after] = await env.core.db
      .select()
      .from(preventionBudget)
      .where(and(eq(preventionBudget.regionCode, CITY_CODE), eq(preventionBudget.year, 2026)));
    expect((before?.committedFen ?? 0) - (after?.committedFen ?? 0)).toBe(6_000_000);
    expect((before?.paidFen ?? 0) - (after?.paidFen ?? 0)).toBe(1_000_000);
    expect((await city.post(`${url}/close`, { version: v.version })).statusCode).toBe(200);
  }, 60_000);

  it('flags the same trainees in two projects; confirming bars the implementer', async () => {
    const a = await contractedProject(env.core.db, { implementerProviderId: providerId, title: '共享学员甲' });
    const b = await contractedProject(env.core.db, { implementerProviderId: providerId, title: '共享学员乙' });
    const people = await insuredOf(env.core, 2);
    const list = await attendanceXlsx(people.map((x) => [x.name, x.idNumber, x.uscc]));
    for (const p of [a, b]) {
      const url = `/api/v1/projects/${p.id}`;
      await shebao.post(`${url}/prepayment`, { version: p.version, idempotencyKey: `prepay-share-${p.id}` });
      await prov.post(`${url}/start`, { version: p.version + 1 });
      const r = await prov.post(`${url}/reports`, {
        summary: '培训完成',
        session: { sessionOn: '2026-04-01', venue: '沙县培训中心', venueCapacity: 40 },
        attendance: { fileName: 'qd.xlsx', contentBase64: list },
      });
      expect(r.statusCode).toBe(200);
    }
    const flags = (await city.get('/api/v1/project-flags?status=open')).json();
    const shared = flags.items.find(
      (f: { projectId: string; rule: string }) => f.projectId === b.id && f.rule === 'shared_trainees',
    );
    expect(shared.detail).toContain('2 名学员');
    expect((await prov.get('/api/v1/project-flags')).statusCode).toBe(403);
    expect(
      (
        await city.post(`/api/v1/project-flags/${shared.id}/review`, {
          version: shared.version + 1,
          decision: 'confirm',
          note: '经核查确属虚报',
        })
      ).statusCode,
    ).toBe(409);
    const done = await city.post(`/api/v1/project-flags/${shared.id}/review`, {
      version: shared.version,
      decision: 'confirm',
      note: '经核查确属虚报',
    });
    expect(done.json()).toMatchObject({ status: 'confirmed' });
    const sanctions = await env.core.db
      .select()
      .from(providerSanction)
      .where(eq(providerSanction.providerId, providerId));
    expect(sanctions.some((s) => s.kind === 'barring' && !s.liftedOn)).toBe(true);
    expect(
      (
        await city.post(`/api/v1/project-flags/${shared.id}/review`, {
          version: shared.version + 1,
          decision: 'clear',
          note: '再次复核',
        })
      ).statusCode,
    ).toBe(400);
  }, 60_000);

  it('alerts an overdue milestone once, in the daily sweep', async () => {
    const p = await contractedProject(env.core.db, { implementerProviderId: providerId, title: '逾期节点项目' });
    await shebao.post(`/api/v1/projects/${p.id}/prepayment`, {
      version: p.version,
      idempotencyKey: `prepay-late-${p.id}`,
    });
    const ctx = deliveryContext(env.core);
    const first = await runDeliverySweep(ctx, '2026-06-01');
    expect(first.alerted).toBeGreaterThanOrEqual(1);
    await runDeliverySweep(ctx, '2026-06-02');
    const events = await env.core.db
      .select()
      .from(projectEvent)
      .where(and(eq(projectEvent.projectId, p.id), eq(projectEvent.kind, 'milestoneOverdue')));
    expect(events).toHaveLength(1);
    expect(events[0]?.summary).toContain('第一期培训');
  }, 60_000);
});
