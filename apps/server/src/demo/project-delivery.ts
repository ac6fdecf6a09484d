import os from 'node:os';
import { idCheckChar } from '@yufang/contracts';
import { and, asc, eq, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Actor } from '../core/auth/actor.js';
import { loadActor } from '../core/auth/resolve.js';
import { RegionIndex } from '../core/authz/regions.js';
import type { Core } from '../core/context.js';
import type { PiiVault } from '../core/crypto/pii.js';
import type { Db } from '../core/db/index.js';
import { appUser, employer, userScope } from '../core/db/schema.js';
import { insuredPerson } from '../modules/employer/employer.schema.js';
import { type Criterion, meanTotal, weightedTotal } from '../modules/panel/panel.rules.js';
import { panel, panelMember } from '../modules/panel/panel.schema.js';
import { deliveryContext } from '../modules/project/delivery.context.js';
import { submitReport } from '../modules/project/delivery.reports.js';
import { isTraineeTarget, type Milestone, type Target } from '../modules/project/delivery.rules.js';
import { DeliveryService } from '../modules/project/delivery.service.js';
import { deliveryView } from '../modules/project/delivery.view.js';
import { type ProjectRow, project } from '../modules/project/project.schema.js';
import { Random } from './random.js';

/**
 * Demo delivery of the contracted demo projects (issue 7), through the delivery service so every payment goes through
 * the budget ledger: 2022–2024 projects closed, 2025 ones accepted with the balance paid, one failed acceptance
 * terminated with a deduction (the failed round on record), one rectifying, 2026 ones in progress with reports (one
 * with a non-insured trainee, one with an overdue milestone) and open fraud flags. The 2026 training project of
 * provider01's organisation stays 'contracted' for the delivery journey.
 */

type Plan = 'closed' | 'balance_paid' | 'terminated' | 'rectifying' | 'in_progress' | 'overdue';

interface Trainee {
  name: string;
  idNumber: string;
  uscc: string;
}

async function actorNamed(db: Db, regions: RegionIndex, username: string): Promise<Actor | null> {
  const [user] = await db.select().from(appUser).where(eq(appUser.username, username));
  if (!user) return null;
  return loadActor(db, regions, user, { idHash: 'demo', csrfToken: 'demo' }, 36500, { ip: null, requestId: 'demo' });
}

async function xlsx(rows: Trainee[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('签到表');
  s.addRow(['姓名', '身份证号码', '单位统一社会信用代码']);
  for (const r of rows) s.addRow([r.name, r.idNumber, r.uscc]);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

function plans(projects: ProjectRow[]): Plan[] {
  const out = projects.map((p): Plan => (p.year <= 2024 ? 'closed' : p.year === 2025 ? 'balance_paid' : 'in_progress'));
  const late = projects.map((p, i) => [p.year, i] as const).filter(([y]) => y >= 2025);
  const pick = (plan: Plan, from: readonly (readonly [number, number])[]) => {
    const free = from.find(([, i]) => out[i] === 'balance_paid' || out[i] === 'in_progress');
    if (free) out[free[1]] = plan;
  };
  pick('terminated', late);
  pick('rectifying', late);
  const current = projects.map((p, i) => [p.year, i] as const).filter(([y]) => y >= 2026);
  const lastCurrent = [...current].reverse().find(([, i]) => out[i] === 'in_progress');
  if (lastCurrent && current.filter(([, i]) => out[i] === 'in_progress').length > 2) out[lastCurrent[1]] = 'overdue';
  return out;
}

export async function seedDemoDelivery(db: Db, pii: PiiVault | undefined, seed: number, today: string): Promise<void> {
  const contracted = await db
    .select()
    .from(project)
    .where(and(eq(project.demo, true), eq(project.status, 'contracted')))
    .orderBy(asc(project.year), asc(project.code));
  if (!contracted.length) return;
  const random = new Random(seed);
  const regions = await RegionIndex.load(db);
  const core = { db, pii, regions, config: { dataDir: os.tmpdir() } } as unknown as Core;
  const ctx = deliveryContext(core);
  const service = new DeliveryService(ctx);
  const [city, agency, prov] = await Promise.all(
    ['cityadmin', 'shebao', 'provider01'].map((u) => actorNamed(db, regions, u)),
  );
  if (!city || !agency) return;
  const [link] = prov
    ? await db
        .select({ code: userScope.code })
        .from(userScope)
        .where(and(eq(userScope.userId, prov.userId), eq(userScope.kind, 'provider')))
    : [];
  const reserved = contracted.find(
    (p) => p.year === 2026 && p.type === 'training' && link && p.implementerProviderId === link.code,
  );
  const projects = contracted.filter((p) => p !== reserved);
  const pool = pii ? await insuredPool(db, pii, 800) : [];
  let cursor = 0;
  const version = async (id: string) =>
    (await db.select({ v: project.version }).from(project).where(eq(project.id, id)))[0]?.v ?? 0;
  const implementerActor = (p: ProjectRow) => (prov && link && p.implementerProviderId === link.code ? prov : city);

  const report = async (
    p: ProjectRow,
    m: Milestone | undefined,
    opts: { people: number; strangers?: number; capacity?: number; share?: Trainee[] },
  ) => {
    const targets = (p.targets ?? []) as Target[];
    // each session takes the next trainees of the roster, so only the planted overlap is flagged
    const fresh = Array.from({ length: opts.people }, (_, k) => pool[(cursor + k) % Math.max(pool.length, 1)]);
    cursor += opts.people;
    const people = [...(opts.share ?? []), ...fresh]
      .filter((x): x is Trainee => !!x)
      .filter((x, i, all) => all.findIndex((y) => y.idNumber === x.idNumber) === i);
    const strangers = Array.from({ length: opts.strangers ?? 0 }, (_, i) => stranger(random, people[0]?.uscc, i));
    const list = [...people, ...strangers];
    const sessionOn = m && m.dueOn <= today ? m.dueOn : today;
    const delivered = Object.fromEntries(
      targets
        .filter((t) => !isTraineeTarget(t))
        .map((t) => [t.key, t.unit === '%' ? Math.min(100, t.value + 4) : t.value]),
    );
    await submitReport(ctx, implementerActor(p), p.id, {
      milestoneKey: m?.key ?? null,
      summary: `${m?.name ?? '阶段'}：按服务协议开展培训与宣传，${list.length ? `培训 ${list.length} 人次` : '完成宣传材料发放'}。`,
      delivered,
      session:
        pii && list.length ? { sessionOn, venue: '三明市职工培训中心', venueCapacity: opts.capacity ?? 200 } : null,
      attendance: pii && list.length ? { fileName: '签到表.xlsx', contentBase64: await xlsx(list) } : null,
    });
  };

  const accept = async (p: ProjectRow, pass: boolean) => {
    await service.requestAcceptance(implementerActor(p), p.id, await version(p.id));
    const { panelId } = await service.drawPanel(city, p.id, {
      version: await version(p.id),
      mix: [{ domain: 'work_safety', count: 2 }],
    });
    await scorePanel(db, random, panelId, pass);
    const view = await deliveryView(ctx, city, p.id);
    const delivered = Object.fromEntries(
      view.deliveredDefaults.map((d) => [
        d.key,
        pass ? Math.max(d.delivered, d.target + 1) : isTraineeTarget(d) ? Math.floor(d.target * 0.6) : d.delivered,
      ]),
    );
    await service.decide(city, p.id, {
      version: await version(p.id),
      delivered,
      note: pass ? '资料齐全，目标达成' : null,
    });
  };

  const list = plans(projects);
  let shared: Trainee[] = [];
  for (const [i, p] of projects.entries()) {
    const plan = list[i] as Plan;
    const schedule = (p.schedule ?? []) as Milestone[];
    try {
      await service.pay(agency, p.id, 'prepayment', { version: p.version, idempotencyKey: `demo-prepay-${p.id}` });
      await service.start(implementerActor(p), p.id, await version(p.id));
      if (plan === 'overdue') continue;
      const first = schedule[0];
      if (plan === 'in_progress' && !shared.length) {
        // the first project under way: a non-insured trainee and a session beyond its room's capacity
        await report(p, first, { people: 24, strangers: 1, capacity: 20 });
        shared = pool.slice(cursor - 24, cursor - 18);
        continue;
      }
      if (plan === 'in_progress') {
        // the same trainees as another project's session within weeks: a shared_trainees flag
        await report(p, first, { people: 20, share: shared });
        continue;
      }
      for (const m of schedule.filter((x) => x.dueOn <= today)) await report(p, m, { people: 12 });
      if (plan === 'terminated' || plan === 'rectifying') {
        await accept(p, false);
        if (plan === 'rectifying') {
          await service.rectify(city, p.id, await version(p.id), '补充开展一期培训并完善培训档案');
          continue;
        }
        const contract = p.contractFen ?? 0;
        await service.terminate(city, p.id, {
          version: await version(p.id),
          deductionFen: Math.round((contract * 0.6) / 100) * 100,
          reason: '验收不合格，实施单位未能在整改期内完成合同约定的培训人数，经研究终止服务协议并扣减合同款',
        });
        continue;
      }
      await accept(p, true);
      await service.pay(agency, p.id, 'balance', {
        version: await version(p.id),
        idempotencyKey: `demo-balance-${p.id}`,
      });
      if (plan === 'closed') await service.close(city, p.id, await version(p.id));
    } catch (error) {
      throw new Error(`演示项目 ${p.code ?? p.id}（${plan}）实施数据生成失败：${(error as Error).message}`);
    }
  }
}

/** Insured persons (currently insured, since before 2022) with their plain ID numbers for the demo lists. */
async function insuredPool(db: Db, pii: PiiVault, limit: number): Promise<Trainee[]> {
  const rows = await db
    .select({ name: insuredPerson.name, idCipher: insuredPerson.idCipher, uscc: employer.uscc })
    .from(insuredPerson)
    .innerJoin(employer, eq(employer.id, insuredPerson.employerId))
    .where(and(isNull(insuredPerson.insuredTo), eq(insuredPerson.demo, true)))
    .orderBy(asc(insuredPerson.id))
    .limit(limit);
  return rows.filter((r) => r.uscc).map((r) => ({ name: r.name, idNumber: pii.decrypt(r.idCipher), uscc: r.uscc }));
}

/** A well-formed ID number of nobody on the roster (a trainee not insured at the named employer). */
function stranger(random: Random, uscc: string | undefined, i: number): Trainee {
  const first17 = `350403${1985 + random.int(0, 15)}0${random.int(1, 9)}1${random.int(0, 8)}${900 + i}`;
  return {
    name: ['张未保', '林未保', '陈未保'][i % 3] as string,
    idNumber: `${first17}${idCheckChar(first17)}`,
    uscc: uscc ?? '',
  };
}

/** The drawn experts' scores as they would have entered them, and the panel's conclusion. */
async function scorePanel(db: Db, random: Random, panelId: string, pass: boolean) {
  const [p] = await db.select().from(panel).where(eq(panel.id, panelId));
  if (!p) return;
  const criteria = p.criteria as Criterion[];
  const members = await db.select().from(panelMember).where(eq(panelMember.panelId, panelId));
  const totals: number[] = [];
  for (const m of members) {
    const scores = Object.fromEntries(criteria.map((c) => [c.key, pass ? random.int(7, 9) : random.int(4, 5)]));
    const total = weightedTotal(criteria, scores);
    totals.push(total);
    await db
      .update(panelMember)
      .set({
        status: 'scored',
        scores,
        total,
        respondedAt: new Date(),
        scoredAt: new Date(),
        comment: pass ? '完成合同约定内容' : '培训人数未达合同目标',
      })
      .where(eq(panelMember.id, m.id));
  }
  const mean = meanTotal(totals);
  await db
    .update(panel)
    .set({
      status: 'concluded',
      conclusionScore: mean,
      conclusion: mean >= p.passMark * 100 ? 'pass' : 'fail',
      concludedAt: new Date(),
      demo: true,
      version: p.version + 1,
    })
    .where(eq(panel.id, panelId));
}
