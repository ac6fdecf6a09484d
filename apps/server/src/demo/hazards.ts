/**
 * Demo hazards (flagged demo): for the first demo employers of every county, hazards in every state of the life
 * cycle, some overdue and already escalated as far as the default ladder takes them on the seed day — so the
 * escalation sweep finds nothing left to do for them that day. Dates are relative to the seed day.
 */
import type { HazardEscalation, HazardStatus } from '@yufang/contracts';
import { asc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../core/audit/audit.js';
import type { Db } from '../core/db/index.js';
import { appUser, employer, userScope } from '../core/db/schema.js';
import { DeadlinePolicy, HAZARD_POLICY_DEFAULTS, LadderPolicy } from '../modules/hazard/hazard.policy.js';
import { addDays, deadlineFor, dueSteps, stepOffset } from '../modules/hazard/hazard.rules.js';
import { hazard, hazardEvent } from '../modules/hazard/hazard.schema.js';
import { Random } from './random.js';

const SYSTEM = { userId: null, username: 'system', roles: [], ip: null, requestId: null };
const [deadlineDefault, ladderDefault] = HAZARD_POLICY_DEFAULTS;
const DEADLINES = DeadlinePolicy.parse(deadlineDefault?.value);
const LADDER = LadderPolicy.parse(ladderDefault?.value);

interface Template {
  category: 'safety' | 'exposure';
  hazardFactor?: string;
  description: string;
  location: string;
}

const TEMPLATES: Template[] = [
  { category: 'safety', description: '冲压设备双手按钮被短接，光电保护装置失效', location: '冲压车间' },
  { category: 'safety', description: '配电箱未装设漏电保护器，临时线路私拉乱接', location: '仓库配电间' },
  { category: 'safety', description: '高处作业平台临边防护栏缺失', location: '二号厂房屋面' },
  { category: 'safety', description: '有限空间作业未设置警示标识，未配备气体检测仪', location: '污水处理池' },
  { category: 'safety', description: '危险化学品仓库通风设施损坏，未分类存放', location: '化学品库' },
  {
    category: 'exposure',
    hazardFactor: '矽尘',
    description: '破碎工位粉尘浓度超过职业接触限值，除尘系统未运行',
    location: '破碎车间',
  },
  { category: 'exposure', hazardFactor: '噪声', description: '空压机房噪声超标，未配发护听器', location: '空压机房' },
];

/** Where each demo hazard is in its life: the status, and how many days ago it was found. */
const PATHS: { status: HazardStatus; level: 'general' | 'major'; ageDays: number }[] = [
  { status: 'notified', level: 'general', ageDays: 25 }, // due soon
  { status: 'rectifying', level: 'major', ageDays: 20 },
  { status: 'submitted', level: 'general', ageDays: 18 },
  { status: 'closed', level: 'general', ageDays: 60 },
  { status: 'rectifying', level: 'general', ageDays: 33 }, // overdue: county
  { status: 'notified', level: 'general', ageDays: 45 }, // overdue: city
  { status: 'reported', level: 'major', ageDays: 3 }, // from the data exchange, not yet notified
  { status: 'rectifying', level: 'major', ageDays: 140 }, // overdue: enforcement recommended
];

const STEPS: Record<HazardStatus, { action: string; to: HazardStatus; note: string | null }[]> = {
  reported: [],
  notified: [{ action: 'notify', to: 'notified', note: null }],
  rectifying: [
    { action: 'notify', to: 'notified', note: null },
    { action: 'respond', to: 'rectifying', note: '已制定整改方案，落实责任人' },
  ],
  submitted: [
    { action: 'notify', to: 'notified', note: null },
    { action: 'respond', to: 'rectifying', note: '已制定整改方案，落实责任人' },
    { action: 'submit', to: 'submitted', note: '已完成整改，请核查' },
  ],
  closed: [
    { action: 'notify', to: 'notified', note: null },
    { action: 'respond', to: 'rectifying', note: '已制定整改方案，落实责任人' },
    { action: 'submit', to: 'submitted', note: '已完成整改，请核查' },
    { action: 'verify', to: 'closed', note: '现场核查合格，予以销号' },
  ],
};

const at = (isoDate: string, hour: number) => new Date(`${isoDate}T${String(hour).padStart(2, '0')}:00:00+08:00`);

export async function seedDemoHazards(db: Db, seed: number, today: string, perCounty = 2): Promise<number> {
  const random = new Random(seed);
  const users = await db
    .select({ id: appUser.id, username: appUser.username })
    .from(appUser)
    .where(inArray(appUser.username, ['yingji', 'weijian', 'employer01']));
  const userId = (name: string) => users.find((u) => u.username === name)?.id ?? null;
  const [own] = await db
    .select({ code: userScope.code })
    .from(userScope)
    .where(eq(userScope.userId, userId('employer01') ?? '00000000-0000-0000-0000-000000000000'));
  const employers = await db
    .select({ id: employer.id, countyCode: employer.countyCode })
    .from(employer)
    .where(eq(employer.demo, true))
    .orderBy(asc(employer.countyCode), asc(employer.name));
  const chosen = employers.filter((e, i) => employers.findIndex((x) => x.countyCode === e.countyCode) + perCounty > i);
  // the demo employer account's own employer shows every state
  const ownEmployer = employers.find((e) => e.id === own?.code);
  const targets = [...(ownEmployer ? PATHS.map(() => ownEmployer) : []), ...chosen];
  let n = 0;
  await db.transaction(async (tx) => {
    for (const [i, emp] of targets.entries()) {
      const path = PATHS[i % PATHS.length] as (typeof PATHS)[number];
      const template = random.pick(TEMPLATES);
      const unit = template.category === 'exposure' ? 'wjw' : 'yjj';
      const reporter = unit === 'wjw' ? 'weijian' : 'yingji';
      const foundOn = addDays(today, -path.ageDays);
      const deadline = deadlineFor(path.level, foundOn, DEADLINES);
      const exchange = path.status === 'reported';
      const steps = exchange ? [] : dueSteps(path.status, 'none', deadline, today, LADDER);
      const escalation: HazardEscalation = steps.at(-1) ?? 'none';
      const [row] = await tx
        .insert(hazard)
        .values({
          hazardNo: `YH-DEMO-${String(++n).padStart(4, '0')}`,
          employerId: emp.id,
          countyCode: emp.countyCode,
          category: template.category,
          hazardFactor: template.hazardFactor ?? null,
          level: path.level,
          description: template.description,
          location: template.location,
          foundOn,
          foundByUnit: unit,
          responsibleUnit: unit,
          responsiblePerson: path.status === 'notified' || exchange ? null : '安全生产管理员',
          deadline,
          status: path.status,
          escalation,
          source: exchange ? 'exchange' : 'department',
          reportedBy: exchange ? null : userId(reporter),
          closedAt: path.status === 'closed' ? at(addDays(foundOn, 20), 16) : null,
          demo: true,
          createdAt: at(foundOn, 10),
          updatedAt: at(today, 8),
        })
        .returning({ id: hazard.id });
      const hazardId = (row as { id: string }).id;
      const events: (typeof hazardEvent.$inferInsert)[] = [
        {
          hazardId,
          at: at(foundOn, 10),
          username: exchange ? 'system:exchange' : reporter,
          action: 'report',
          toStatus: 'reported',
          note: `整改期限 ${deadline}`,
        },
      ];
      STEPS[path.status].forEach((s, k) => {
        const by = s.action === 'respond' || s.action === 'submit' ? 'employer01' : reporter;
        const day = addDays(foundOn, k === 0 ? 0 : Math.min(path.ageDays - 1, k * 5));
        events.push({
          hazardId,
          at: at(day, 11 + k),
          username: by,
          action: s.action,
          fromStatus: events.at(-1)?.toStatus ?? 'reported',
          toStatus: s.to,
          note: s.note,
        });
      });
      for (const step of steps) {
        const offset = stepOffset(step, LADDER);
        events.push({
          hazardId,
          at: at(addDays(deadline, offset), 2),
          username: 'system:hazard-escalation',
          action: `escalate.${step}`,
          note: null,
        });
      }
      await tx.insert(hazardEvent).values(events.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime()));
    }
    await recordAudit(tx, SYSTEM, { action: 'demo.seed.hazards', changes: { hazards: n, seed } });
  });
  return n;
}
