import {
  CITY_CODE,
  drawPanel,
  PANEL_DRAW_ALGORITHM,
  PROJECT_ACTIONS,
  type ProjectAction,
  type ProjectStatus,
  projectPhase,
  usccCheckChar,
} from '@yufang/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { PiiVault } from '../core/crypto/pii.js';
import type { Db, Tx } from '../core/db/index.js';
import { appUser, employer, userScope } from '../core/db/schema.js';
import { commitContract, earmark } from '../modules/fund/budget-ledger.js';
import { preventionBudget } from '../modules/fund/fund.schema.js';
import { PANEL_CRITERIA_KEY, PANEL_POLICY_DEFAULTS } from '../modules/panel/panel.policy.js';
import { judgeCandidates, loadParties } from '../modules/panel/panel.repo.js';
import { addDays, type Criterion, meanTotal, weightedTotal } from '../modules/panel/panel.rules.js';
import { panel, panelCandidate, panelMember } from '../modules/panel/panel.schema.js';
import { mainTarget } from '../modules/project/project.rules.js';
import { project, projectCall, projectEvent } from '../modules/project/project.schema.js';
import { provider, providerEngagement } from '../modules/provider/provider.schema.js';
import { Random } from './random.js';

export const DEMO_ASSOCIATION_NAME = '三明市建筑业协会';
/** The 2026 training project provider01's organisation implements, left 'contracted' for the delivery journey. */
export const DEMO_DELIVERY_PROJECT = '2026 年度建筑施工企业一线员工工伤预防培训';

/** The industry association (USCC registration authority 5 = 民政, type 1 = 社会团体) of assoc01, in 三元区. */
export async function insertDemoAssociation(tx: Db | Tx): Promise<string> {
  const first17 = '51350400MJD012345';
  const [row] = await tx
    .insert(employer)
    .values({
      uscc: `${first17}${usccCheckChar(first17)}`,
      name: DEMO_ASSOCIATION_NAME,
      legalRepresentative: '陈建国',
      address: '三明市三元区列东街 12 号',
      countyCode: '350404',
      industryCode: '95',
      ownershipType: 'other',
      size: 'small',
      workforce: 18,
      insuranceStatus: 'insured',
      demo: true,
    })
    .returning({ id: employer.id });
  return (row as { id: string }).id;
}

const sheets = PANEL_POLICY_DEFAULTS.find((d) => d.key === PANEL_CRITERIA_KEY)?.value as {
  review: { criteria: Criterion[]; passMark: number };
};
const sheet = sheets.review;

/** The path of actions from draft to each pre-contract status (and contracted). */
const PATHS: Record<string, ProjectAction[]> = {
  draft: [],
  submitted: ['submit'],
  eligible: ['submit', 'checkEligible'],
  ineligible: ['submit', 'checkIneligible'],
  reviewing: ['submit', 'checkEligible', 'startReview'],
  rejected: ['submit', 'checkEligible', 'startReview', 'reject'],
  approved: ['submit', 'checkEligible', 'startReview', 'approve'],
  procuring: ['submit', 'checkEligible', 'startReview', 'approve', 'startProcurement'],
  contracted: ['submit', 'checkEligible', 'startReview', 'approve', 'startProcurement', 'signContract'],
};

interface Plan {
  year: number;
  stage: keyof typeof PATHS;
  type: 'training' | 'publicity';
  applicant: 'association' | 'enterprise' | 'unit' | 'provider';
  title?: string;
  /** provider01's organisation implements it */
  ours?: boolean;
}

const TOPICS = {
  training: [
    '建筑施工一线员工安全培训',
    '矿山企业班组长工伤预防培训',
    '危化品从业人员岗位安全培训',
    '林业采伐作业安全技能培训',
  ],
  publicity: ['尘肺病防治宣传进企业', '工伤预防“五进”主题宣传', '交通运输行业安全警示宣传', '制造业职业健康宣传月'],
};

function plans(): Plan[] {
  const out: Plan[] = [];
  const kinds: Plan['applicant'][] = ['enterprise', 'association', 'provider', 'unit'];
  for (const year of [2022, 2023, 2024, 2025]) {
    for (let i = 0; i < 4; i++) {
      out.push({
        year,
        stage: i === 3 ? 'rejected' : 'contracted',
        type: i % 2 ? 'publicity' : 'training',
        applicant: kinds[i] as Plan['applicant'],
      });
    }
  }
  out.push({
    year: 2026,
    stage: 'contracted',
    type: 'training',
    applicant: 'enterprise',
    title: DEMO_DELIVERY_PROJECT,
    ours: true,
  });
  for (const [i, stage] of (
    ['contracted', 'contracted', 'procuring', 'approved', 'reviewing', 'rejected', 'ineligible'] as const
  ).entries()) {
    out.push({
      year: 2026,
      stage,
      type: i % 2 ? 'publicity' : 'training',
      applicant: kinds[(i + 1) % 4] as Plan['applicant'],
    });
  }
  for (const [i, stage] of (['draft', 'submitted', 'submitted', 'eligible', 'eligible'] as const).entries()) {
    out.push({
      year: 2027,
      stage,
      type: i % 2 ? 'training' : 'publicity',
      applicant: kinds[i % 4] as Plan['applicant'],
    });
  }
  return out;
}

/**
 * Demo calls 2022–2027 (2027 open until 2027-01-31) and about 30 projects across the counties and applicant kinds in
 * every pre-contract state, with their timeline, review panels (drawn with the real algorithm), earmarks and
 * commitments on the budget ledger, and the contracted ones (2022–2026) for the delivery demo to advance.
 */
export async function seedDemoProjects(db: Db, _pii: PiiVault | undefined, seed: number, today: string): Promise<void> {
  const random = new Random(seed);
  const [assoc] = await db.select().from(employer).where(eq(employer.name, DEMO_ASSOCIATION_NAME));
  const enterprises = await db
    .select()
    .from(employer)
    .where(and(eq(employer.demo, true), sql`${employer.uscc} like '9%'`))
    .orderBy(asc(employer.uscc))
    .limit(40);
  const providers = await db
    .select()
    .from(provider)
    .where(and(eq(provider.demo, true), eq(provider.status, 'approved')))
    .orderBy(asc(provider.uscc));
  const [ours] = await db
    .select({ id: userScope.code })
    .from(userScope)
    .innerJoin(appUser, eq(appUser.id, userScope.userId))
    .where(and(eq(appUser.username, 'provider01'), eq(userScope.kind, 'provider')));
  const [city] = await db.select().from(appUser).where(eq(appUser.username, 'cityadmin'));
  if (!enterprises.length || !providers.length || !city) return;
  const calls = new Map<number, string>();
  for (const year of [2022, 2023, 2024, 2025, 2026, 2027]) {
    const open = year === 2027;
    const [c] = await db
      .insert(projectCall)
      .values({
        regionCode: CITY_CODE,
        year,
        title: `${year} 年度三明市工伤预防项目申报指南`,
        keyAreas: ['建筑施工', '矿山', '危险化学品', '交通运输', '职业病防治'],
        types: ['training', 'publicity'],
        guide:
          '围绕工伤事故和职业病高发的重点行业、重点人群，支持工伤预防宣传和培训项目。申报单位为行业协会、大中型企业、' +
          '成员单位或具备条件的服务机构；项目须有明确的目标人群、实施进度、预算明细和可考核的绩效指标。',
        opensOn: open ? '2026-11-15' : `${year}-01-05`,
        deadline: open ? '2027-01-31' : `${year}-03-31`,
        maxRequestFen: 100_000_000,
        status: open ? 'open' : 'closed',
        publishedAt: new Date(open ? '2026-11-15T01:00:00Z' : `${year}-01-05T01:00:00Z`),
        demo: true,
      })
      .returning({ id: projectCall.id });
    calls.set(year, (c as { id: string }).id);
  }
  const counters = new Map<number, number>();
  for (const [i, plan] of plans().entries()) {
    const callId = calls.get(plan.year) as string;
    const topic = random.pick(TOPICS[plan.type]);
    const ent = enterprises[i % enterprises.length] as (typeof enterprises)[number];
    const prov = providers[(i + 1) % providers.length] as (typeof providers)[number];
    const applicant =
      plan.applicant === 'association' && assoc
        ? {
            applicantKind: 'association' as const,
            applicantEmployerId: assoc.id,
            applicantName: assoc.name,
            countyCode: assoc.countyCode,
          }
        : plan.applicant === 'provider'
          ? {
              applicantKind: 'provider' as const,
              applicantProviderId: prov.id,
              applicantName: prov.name,
              countyCode: prov.countyCode,
            }
          : plan.applicant === 'unit'
            ? {
                applicantKind: 'unit' as const,
                applicantUnitCode: 'yjj',
                applicantName: '三明市应急管理局',
                countyCode: CITY_CODE,
              }
            : {
                applicantKind: 'enterprise' as const,
                applicantEmployerId: ent.id,
                applicantName: ent.name,
                countyCode: ent.countyCode,
              };
    const requestedFen = random.int(20, 80) * 1_000_000;
    const trainees = random.int(30, 120) * 10;
    const start = plan.year === 2027 ? '2027-03-01' : `${plan.year}-04-01`;
    const targets =
      plan.type === 'training'
        ? [
            { key: 'trainees', label: '培训人数', unit: '人', comparator: 'gte', value: trainees },
            { key: 'pass_rate', label: '考核合格率', unit: '%', comparator: 'gte', value: 90 },
            { key: 'satisfaction', label: '满意度', unit: '%', comparator: 'gt', value: 85 },
          ]
        : [
            { key: 'reach', label: '覆盖职工人数', unit: '人', comparator: 'gte', value: trainees * 5 },
            { key: 'events', label: '宣传活动场次', unit: '场', comparator: 'gte', value: random.int(6, 20) },
            { key: 'injury_rate_cut', label: '工伤发生率下降', unit: '%', comparator: 'gte', value: 5 },
          ];
    const actions = PATHS[plan.stage] as ProjectAction[];
    const status = (
      actions.length ? PROJECT_ACTIONS[actions[actions.length - 1] as ProjectAction].to : 'draft'
    ) as ProjectStatus;
    const has = (a: ProjectAction) => actions.includes(a);
    const n = (counters.get(plan.year) ?? 0) + (has('submit') ? 1 : 0);
    counters.set(plan.year, n);
    const approvedFen = has('approve')
      ? Math.floor((requestedFen * random.int(85, 100)) / 100 / 10_000) * 10_000
      : null;
    const implementer =
      plan.ours && ours ? ours.id : (providers[(i + 3) % providers.length] as (typeof providers)[number]).id;
    const contractFen = has('signContract') && approvedFen ? approvedFen - random.int(0, 5) * 100_000 : null;
    const signedOn =
      plan.year === 2026
        ? addDays(today, -random.int(20, 60))
        : `${plan.year}-06-${String(random.int(1, 28)).padStart(2, '0')}`;
    const [row] = await db
      .insert(project)
      .values({
        ...applicant,
        code: has('submit') ? `YF-${plan.year}-${String(n).padStart(3, '0')}` : null,
        callId,
        year: plan.year,
        title: plan.title ?? `${plan.year} 年度${topic}项目`,
        type: plan.type,
        content: `${topic}：面向${applicant.applicantName.slice(0, 12)}等单位，分期组织实施，形成可考核的培训与宣传成果。`,
        targetGroups: [{ group: plan.type === 'training' ? '一线作业人员' : '企业职工', count: trainees }],
        schedule: [
          { key: 'm1', name: '启动与第一期实施', dueOn: addDays(start, 60) },
          { key: 'm2', name: '第二期实施', dueOn: addDays(start, 150) },
          { key: 'm3', name: '总结评估', dueOn: addDays(start, 240) },
        ],
        budgetLines: [
          { item: plan.type === 'training' ? '师资与课时费' : '宣传品制作', amountFen: requestedFen * 0.6 },
          { item: '场地与组织', amountFen: requestedFen * 0.4 },
        ],
        requestedFen,
        targets,
        status,
        submittedAt: has('submit')
          ? new Date(`${plan.year === 2027 ? '2026-12-01' : `${plan.year}-03-10`}T02:00:00Z`)
          : null,
        eligibility: has('checkEligible') || has('checkIneligible') ? eligibilityOf(has('checkIneligible')) : null,
        rejectReason: has('checkIneligible')
          ? '资格审查不通过：企业从业人员 120 人，未达到大中型企业标准（≥ 300 人），不能申报'
          : has('reject')
            ? '评审得分排名靠后，年度预算有限，不予立项'
            : null,
        approvedFen,
        approvalNote: approvedFen ? '经专家评审通过，局务会研究同意立项' : null,
        approvedAt: approvedFen ? new Date(`${plan.year}-05-10T02:00:00Z`) : null,
        publishedAt: approvedFen ? new Date(`${plan.year}-05-10T02:00:00Z`) : null,
        procurementRoute: has('startProcurement')
          ? (approvedFen ?? 0) >= 50_000_000
            ? 'competitive'
            : 'direct'
          : null,
        procurementReason: has('startProcurement') ? '按立项金额和限额标准确定' : null,
        implementerProviderId: has('signContract') ? implementer : null,
        selectionReason: has('signContract') ? '磋商综合得分第一，资质在有效期内' : null,
        contractNo: contractFen ? `SMGS-${plan.year}-${String(n).padStart(3, '0')}` : null,
        contractFen,
        contractSignedOn: contractFen ? signedOn : null,
        deliverables: contractFen
          ? [
              {
                name: plan.type === 'training' ? '培训课时' : '宣传活动',
                quantity: 40,
                unit: plan.type === 'training' ? '课时' : '场',
              },
            ]
          : null,
        prepaymentPct: contractFen ? random.pick([30, 40, 50, 60]) : null,
        endsOn: contractFen ? `${plan.year}-12-31` : null,
        demo: true,
        version: actions.length,
      })
      .returning();
    const p = row as typeof project.$inferSelect;
    await db.transaction(async (tx) => {
      if (has('startReview')) {
        const verdict = has('reject') ? 'fail' : has('approve') ? 'pass' : null;
        await reviewPanel(tx, random, p, verdict, city, verdict ? `${p.year}-04-15` : addDays(today, -5));
      }
      if (approvedFen) await earmarkIfBudgeted(tx, p.year, approvedFen);
      if (contractFen && approvedFen) {
        await commitContract(tx, CITY_CODE, p.year, approvedFen, contractFen);
        const main = mainTarget(targets);
        await tx.insert(providerEngagement).values({
          providerId: implementer,
          year: p.year,
          title: p.title,
          projectRef: p.id,
          contractedFen: contractFen,
          unit: main.unit,
          contractedUnits: main.units,
          outcome: 'in_progress',
          source: 'project',
          demo: true,
        });
      }
      let from: ProjectStatus = 'draft';
      const events = [
        {
          kind: 'create',
          from: null as string | null,
          to: null as string | null,
          summary: `起草申报“${p.title}”`,
          phase: 'before' as const,
        },
      ];
      for (const a of actions) {
        const to = PROJECT_ACTIONS[a].to as ProjectStatus;
        events.push({ kind: a, from, to, summary: PROJECT_ACTIONS[a].label, phase: projectPhase(to) as 'before' });
        from = to;
      }
      const base = new Date(`${plan.year === 2027 ? '2026-11-20' : `${plan.year}-02-01`}T02:00:00Z`).getTime();
      await tx.insert(projectEvent).values(
        events.map((e, k) => ({
          projectId: p.id,
          at: new Date(base + k * 9 * 86_400_000),
          phase: e.phase,
          kind: e.kind,
          fromStatus: e.from,
          toStatus: e.to,
          summary: e.summary,
          actorName: k === 0 ? p.applicantName : city.displayName,
        })),
      );
    });
  }
}

function eligibilityOf(fail: boolean) {
  return [
    fail
      ? { rule: 'size', ok: false, reason: '企业从业人员 120 人，未达到大中型企业标准（≥ 300 人），不能申报' }
      : { rule: 'size', ok: true, reason: '符合申报主体条件' },
    { rule: 'insured', ok: true, reason: '申报单位已参加工伤保险，无欠费停保记录' },
    { rule: 'open_limit', ok: true, reason: '本指南下在审申报 1 个，未超过 2 个' },
  ];
}

async function earmarkIfBudgeted(tx: Tx, year: number, fen: number) {
  const [b] = await tx
    .select({ year: preventionBudget.year })
    .from(preventionBudget)
    .where(and(eq(preventionBudget.regionCode, CITY_CODE), eq(preventionBudget.year, year)));
  if (!b) throw new Error(`demo projects: no ${year} prevention budget (seedDemoFunds must run first)`);
  await earmark(tx, CITY_CODE, year, fen);
}

/** A review panel drawn with the real algorithm from the demo pool; scored and concluded unless still reviewing. */
async function reviewPanel(
  tx: Tx,
  random: Random,
  p: typeof project.$inferSelect,
  conclusion: 'pass' | 'fail' | null,
  city: typeof appUser.$inferSelect,
  drawnOn: string,
) {
  const ids = {
    applicantEmployerId: p.applicantEmployerId,
    applicantProviderId: p.applicantProviderId,
    implementerProviderId: null,
  };
  const { applicant } = await loadParties(tx, ids);
  const candidates = await judgeCandidates(tx, ['work_safety', 'finance'], applicant ? [applicant] : [], drawnOn, 180);
  const mix = [
    { domain: 'work_safety', count: 2 },
    { domain: 'finance', count: 1 },
  ];
  const seed = Array.from({ length: 64 }, () => random.int(0, 15).toString(16)).join('');
  const result = await drawPanel({ algorithm: PANEL_DRAW_ALGORITHM, seed, mix, candidates, declines: [] });
  if (result.shortages.length) return;
  const scores = result.members.map(() => {
    const base = conclusion === 'fail' ? 5 : conclusion === 'pass' ? 8 : 7;
    return Object.fromEntries(sheet.criteria.map((c) => [c.key, Math.min(c.max, base + random.int(0, 2))]));
  });
  const totals = scores.map((s) => weightedTotal(sheet.criteria, s));
  const mean = conclusion ? meanTotal(totals) : null;
  const drawnAt = new Date(`${drawnOn}T02:00:00Z`);
  const [row] = await tx
    .insert(panel)
    .values({
      purpose: 'review',
      subject: `${p.code ?? ''} ${p.title}`.trim(),
      subjectRef: p.id,
      countyCode: p.countyCode === CITY_CODE ? '350404' : p.countyCode,
      ...ids,
      mix,
      seed,
      algorithm: PANEL_DRAW_ALGORITHM,
      drawnOn,
      drawnAt,
      drawnBy: city.id,
      drawnByName: city.displayName,
      criteria: sheet.criteria,
      passMark: sheet.passMark,
      status: conclusion ? 'concluded' : 'scoring',
      conclusionScore: mean,
      conclusion,
      conclusionNote: conclusion ? '专家组综合评审意见' : null,
      concludedAt: conclusion ? new Date(drawnAt.getTime() + 3 * 86_400_000) : null,
      demo: true,
    })
    .returning({ id: panel.id });
  const panelId = (row as { id: string }).id;
  if (candidates.length) {
    await tx.insert(panelCandidate).values(
      candidates.map((c) => ({
        panelId,
        expertId: c.expertId,
        domains: c.domains,
        rankKey: result.rankKeys[c.expertId] as string,
        exclusion: c.exclusion,
      })),
    );
  }
  await tx.insert(panelMember).values(
    result.members.map((m, k) => ({
      panelId,
      expertId: m.expertId,
      domain: m.domain,
      round: 0,
      status: conclusion || k === 0 ? ('scored' as const) : ('accepted' as const),
      respondedAt: new Date(drawnAt.getTime() + 86_400_000),
      scores: conclusion || k === 0 ? scores[k] : null,
      total: conclusion || k === 0 ? (totals[k] ?? null) : null,
      scoredAt: conclusion || k === 0 ? new Date(drawnAt.getTime() + 2 * 86_400_000) : null,
    })),
  );
  await tx.update(project).set({ reviewPanelId: panelId }).where(eq(project.id, p.id));
}
