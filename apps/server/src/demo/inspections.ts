/**
 * Demo joint inspections (flagged demo): a completed city-wide plan whose failed items became hazards, a county plan
 * in progress (one hazard), and a planned one. Dates are relative to the seed day; the same seed gives the same data.
 */
import { CITY_CODE, type InspectionItemResult } from '@yufang/contracts';
import { asc, eq } from 'drizzle-orm';
import { recordAudit } from '../core/audit/audit.js';
import type { Db, Tx } from '../core/db/index.js';
import { appUser, employer } from '../core/db/schema.js';
import { DeadlinePolicy, HAZARD_POLICY_DEFAULTS } from '../modules/hazard/hazard.policy.js';
import { addDays, deadlineFor } from '../modules/hazard/hazard.rules.js';
import { hazard, hazardEvent } from '../modules/hazard/hazard.schema.js';
import { ChecklistPolicy, INSPECTION_POLICY_DEFAULTS } from '../modules/inspection/inspection.policy.js';
import {
  inspectionFinding,
  inspectionPlan,
  inspectionTarget,
  inspectionUnit,
} from '../modules/inspection/inspection.schema.js';
import { Random } from './random.js';

const SYSTEM = { userId: null, username: 'system', roles: [], ip: null, requestId: null };
const DEADLINES = DeadlinePolicy.parse(HAZARD_POLICY_DEFAULTS[0]?.value);
const CHECKLIST = ChecklistPolicy.parse(INSPECTION_POLICY_DEFAULTS[0]?.value).items;
const YONGAN = '350481';

const PROBLEMS: Record<string, { description: string; location: string; unit: string; exposure?: string }> = {
  A04: { description: '隐患排查治理台账未建立，上次检查问题未整改', location: '安全管理办公室', unit: 'yjj' },
  A05: { description: '未开展年度职业病危害因素检测', location: '生产车间', unit: 'wjw', exposure: '噪声' },
  A06: { description: '打磨岗位作业人员未佩戴防尘口罩', location: '打磨车间', unit: 'yjj' },
  A08: { description: '传动部位防护罩缺失，未设置警示标识', location: '机加工车间', unit: 'yjj' },
};

const at = (isoDate: string, hour: number) => new Date(`${isoDate}T${String(hour).padStart(2, '0')}:00:00+08:00`);

interface PlanSpec {
  title: string;
  regionCode: string;
  lead: string;
  members: string[];
  startOffset: number;
  days: number;
  status: 'planned' | 'in_progress' | 'completed';
  employers: { id: string; countyCode: string; name: string }[];
  /** per target: null = not visited; [] = all pass; else the failed item codes */
  visits: (string[] | null)[];
}

export async function seedDemoInspections(db: Db, seed: number, today: string): Promise<number> {
  const random = new Random(seed);
  const [recorder] = await db
    .select({ id: appUser.id, displayName: appUser.displayName })
    .from(appUser)
    .where(eq(appUser.username, 'yingji'));
  const employers = await db
    .select({ id: employer.id, countyCode: employer.countyCode, name: employer.name })
    .from(employer)
    .where(eq(employer.demo, true))
    .orderBy(asc(employer.countyCode), asc(employer.name));
  const firstOf = (county: string, n: number) => employers.filter((e) => e.countyCode === county).slice(0, n);
  const byCounty = [...new Set(employers.map((e) => e.countyCode))];
  const cityWide = byCounty.slice(0, 4).flatMap((c) => firstOf(c, 1));
  const yongan = firstOf(YONGAN, 3);
  const later = byCounty.slice(4, 7).flatMap((c) => firstOf(c, 1));
  const specs: PlanSpec[] = [
    {
      title: '粉尘涉爆与机械加工企业工伤预防联合检查',
      regionCode: CITY_CODE,
      lead: 'yjj',
      members: ['rsj', 'wjw'],
      startOffset: -75,
      days: 30,
      status: 'completed',
      employers: cityWide,
      visits: [['A06', 'A08'], [], ['A05'], []],
    },
    {
      title: '永安市重点行业企业职业健康与工伤保险联合检查',
      regionCode: YONGAN,
      lead: 'rsj',
      members: ['yjj', 'zjj'],
      startOffset: -10,
      days: 30,
      status: 'in_progress',
      employers: yongan,
      visits: [[], ['A04'], null],
    },
    {
      title: '职业病危害因素申报与检测专项联合检查',
      regionCode: CITY_CODE,
      lead: 'wjw',
      members: ['yjj'],
      startOffset: 7,
      days: 21,
      status: 'planned',
      employers: later,
      visits: later.map(() => null),
    },
  ];
  let planCount = 0;
  await db.transaction(async (tx) => {
    let hazardSeq = 0;
    const perYear = new Map<string, number>();
    for (const spec of specs) {
      if (spec.employers.length === 0) continue;
      const startOn = addDays(today, spec.startOffset);
      const endOn = addDays(startOn, spec.days);
      const year = startOn.slice(0, 4);
      perYear.set(year, (perYear.get(year) ?? 0) + 1);
      const [plan] = await tx
        .insert(inspectionPlan)
        .values({
          planNo: `JC${year}${String(perYear.get(year)).padStart(4, '0')}`,
          title: `${startOn.slice(0, 4)}年${spec.title}`,
          regionCode: spec.regionCode,
          leadUnit: spec.lead,
          startOn,
          endOn,
          items: CHECKLIST,
          status: spec.status,
          createdByName: '联席会议办公室',
          demo: true,
          createdAt: at(addDays(startOn, -7), 9),
          updatedAt: at(today, 8),
        })
        .returning({ id: inspectionPlan.id, planNo: inspectionPlan.planNo });
      const planId = (plan as { id: string }).id;
      planCount++;
      await tx.insert(inspectionUnit).values(spec.members.map((unitCode) => ({ planId, unitCode })));
      for (const [i, emp] of spec.employers.entries()) {
        const failed = spec.visits[i] ?? null;
        const visitedOn = failed ? addDays(startOn, Math.min(2 + i * 4, spec.days)) : null;
        const itemResults: InspectionItemResult[] | null = failed
          ? CHECKLIST.map((item) => ({
              code: item.code,
              result: failed.includes(item.code) ? 'fail' : random.next() < 0.15 ? 'na' : 'pass',
            }))
          : null;
        const [target] = await tx
          .insert(inspectionTarget)
          .values({
            planId,
            employerId: emp.id,
            countyCode: emp.countyCode,
            status: failed ? 'visited' : 'pending',
            visitedOn,
            result: failed ? (failed.length ? 'fail' : 'pass') : null,
            itemResults,
            note: failed ? (failed.length ? '现场发现问题已登记为隐患并下达整改通知' : '现场检查未发现问题') : null,
            recordedBy: failed ? (recorder?.id ?? null) : null,
            recordedByName: failed ? (recorder?.displayName ?? null) : null,
            version: failed ? 1 : 0,
          })
          .returning({ id: inspectionTarget.id });
        const targetId = (target as { id: string }).id;
        for (const code of failed ?? []) {
          const problem = PROBLEMS[code] as (typeof PROBLEMS)[string];
          const foundOn = visitedOn as string;
          const level = random.next() < 0.25 ? 'major' : 'general';
          const deadline = deadlineFor(level, foundOn, DEADLINES);
          // the completed plan's hazards: some already closed
          const closed = spec.status === 'completed' && hazardSeq % 2 === 0;
          const hazardId = await insertHazard(tx, {
            no: `YH-DEMO-J${String(++hazardSeq).padStart(3, '0')}`,
            emp,
            code,
            problem,
            planNo: (plan as { planNo: string }).planNo,
            level,
            foundOn,
            deadline,
            closed,
            reportedBy: recorder?.id ?? null,
          });
          await tx
            .insert(inspectionFinding)
            .values({ targetId, planId, itemCode: code, unitCode: problem.unit, hazardId, at: at(foundOn, 15) });
        }
      }
    }
    await recordAudit(tx, SYSTEM, { action: 'demo.seed.inspections', changes: { plans: planCount, seed } });
  });
  return planCount;
}

async function insertHazard(
  tx: Tx,
  h: {
    no: string;
    emp: { id: string; countyCode: string; name: string };
    code: string;
    problem: (typeof PROBLEMS)[string];
    planNo: string;
    level: 'general' | 'major';
    foundOn: string;
    deadline: string;
    closed: boolean;
    reportedBy: string | null;
  },
): Promise<string> {
  const item = CHECKLIST.find((i) => i.code === h.code);
  const [row] = await tx
    .insert(hazard)
    .values({
      hazardNo: h.no,
      employerId: h.emp.id,
      countyCode: h.emp.countyCode,
      category: h.problem.exposure ? 'exposure' : 'safety',
      hazardFactor: h.problem.exposure ?? null,
      level: h.level,
      description: `${h.problem.description}（联合检查 ${h.planNo}，${h.code} ${item?.text ?? ''}）`,
      location: h.problem.location,
      foundOn: h.foundOn,
      foundByUnit: h.problem.unit,
      responsibleUnit: h.problem.unit,
      responsiblePerson: h.closed ? '安全生产管理员' : null,
      deadline: h.deadline,
      status: h.closed ? 'closed' : 'notified',
      source: 'department',
      reportedBy: h.reportedBy,
      closedAt: h.closed ? at(addDays(h.foundOn, 15), 16) : null,
      demo: true,
      createdAt: at(h.foundOn, 15),
      updatedAt: at(h.foundOn, 15),
    })
    .returning({ id: hazard.id });
  const hazardId = (row as { id: string }).id;
  const events: (typeof hazardEvent.$inferInsert)[] = [
    {
      hazardId,
      at: at(h.foundOn, 15),
      username: 'yingji',
      action: 'report',
      toStatus: 'reported',
      note: `整改期限 ${h.deadline}`,
    },
    {
      hazardId,
      at: at(h.foundOn, 15),
      username: 'yingji',
      action: 'notify',
      fromStatus: 'reported',
      toStatus: 'notified',
      note: `请于 ${h.deadline} 前完成整改`,
    },
  ];
  if (h.closed) {
    events.push(
      {
        hazardId,
        at: at(addDays(h.foundOn, 3), 10),
        username: 'employer',
        action: 'respond',
        fromStatus: 'notified',
        toStatus: 'rectifying',
        note: '已制定整改方案，落实责任人',
      },
      {
        hazardId,
        at: at(addDays(h.foundOn, 10), 10),
        username: 'employer',
        action: 'submit',
        fromStatus: 'rectifying',
        toStatus: 'submitted',
        note: '已完成整改，请核查',
      },
      {
        hazardId,
        at: at(addDays(h.foundOn, 15), 16),
        username: 'yingji',
        action: 'verify',
        fromStatus: 'submitted',
        toStatus: 'closed',
        note: '现场核查合格，予以销号',
      },
    );
  }
  await tx.insert(hazardEvent).values(events);
  return hazardId;
}
