/**
 * The escalation sweep: every open hazard whose deadline brings a ladder step due gets that step once — reminder to
 * the employer, county, city, joint meeting, enforcement recommended to the responsible department. Each step is
 * its own transaction guarded by the hazard's version, so two processes or a rerun never apply a step twice.
 */
import { HAZARD_ESCALATIONS, type HazardEscalation } from '@yufang/contracts';
import { and, eq, lte, ne, notInArray } from 'drizzle-orm';
import type { AuditActor } from '../../core/auth/actor.js';
import type { Core } from '../../core/context.js';
import type { Tx } from '../../core/db/index.js';
import { employer } from '../../core/db/schema.js';
import { AppError } from '../../core/http/errors.js';
import { type LadderPolicy, ladderPolicy } from './hazard.policy.js';
import { audience, type HazardRow } from './hazard.repo.js';
import { addDays, beijingDate, daysBetween, dueSteps } from './hazard.rules.js';
import { hazard } from './hazard.schema.js';
import { writeStep } from './hazard.steps.js';

export const ESCALATION_ACTOR: AuditActor = {
  userId: null,
  username: 'system:hazard-escalation',
  roles: [],
  ip: null,
  requestId: null,
};

/** The longest reminder window a ladder may set (LadderPolicy): hazards further off need no look. */
const MAX_REMINDER_DAYS = 60;

type Step = Exclude<HazardEscalation, 'none'>;

async function recipients(tx: Tx, step: Step, h: HazardRow): Promise<string[]> {
  const employerUsers = await audience.employer(tx, h);
  if (step === 'reminded') return employerUsers;
  const departments = await audience.departments(tx, h);
  const county = await audience.county(tx, h);
  if (step === 'county') return [...employerUsers, ...departments, ...county];
  const city = await audience.city(tx);
  if (step === 'city') return [...employerUsers, ...departments, ...county, ...city];
  return [...departments, ...county, ...city];
}

function message(step: Step, h: HazardRow, overdueDays: number) {
  const what = `${h.employerName} ${h.hazardNo}（${h.description}）`;
  const late = `整改期限 ${h.deadline}，已逾期 ${overdueDays} 天`;
  switch (step) {
    case 'reminded':
      return {
        title: `隐患整改即将到期：${h.hazardNo}`,
        body: `${what}，整改期限 ${h.deadline}，请按期完成整改并提交材料。`,
      };
    case 'county':
      return {
        title: `隐患逾期，县级督办：${h.hazardNo}`,
        body: `${what}到期未整改（${late}），请县（市、区）督促整改。`,
      };
    case 'city':
      return { title: `隐患逾期，市级督办：${h.hazardNo}`, body: `${what}逾期未整改（${late}），转市级督办。` };
    case 'joint_meeting':
      return {
        title: `隐患逾期，提请联席会议督办：${h.hazardNo}`,
        body: `${what}长期未整改（${late}），提请联席会议督办。`,
      };
    case 'enforcement':
      return { title: `建议依法处理：${h.hazardNo}`, body: `${what}经督办仍未整改（${late}），建议负责部门依法处理。` };
  }
}

/** Runs the sweep for the Beijing date of `now`; returns the number of steps applied. */
export async function runEscalation(core: Pick<Core, 'db' | 'regions'>, now: Date): Promise<number> {
  const today = beijingDate(now);
  const candidates = await core.db
    .select({ h: hazard, employerName: employer.name })
    .from(hazard)
    .innerJoin(employer, eq(employer.id, hazard.employerId))
    .where(
      and(
        notInArray(hazard.status, ['closed', 'submitted']),
        ne(hazard.escalation, 'enforcement'),
        lte(hazard.deadline, addDays(today, MAX_REMINDER_DAYS)),
      ),
    );
  const ladders = new Map<string, LadderPolicy>();
  let applied = 0;
  for (const { h, employerName } of candidates) {
    let ladder = ladders.get(h.countyCode);
    if (!ladder) {
      ladder = await ladderPolicy(core.db, core.regions, h.countyCode, today);
      ladders.set(h.countyCode, ladder);
    }
    let row: HazardRow = { ...h, employerName };
    for (const step of dueSteps(row.status, row.escalation, row.deadline, today, ladder)) {
      try {
        const version = row.version;
        await core.db.transaction(async (tx) => {
          const overdue = Math.max(0, daysBetween(row.deadline, today));
          await writeStep(tx, ESCALATION_ACTOR, row, {
            action: `escalate.${step}`,
            at: now,
            set: { escalation: step },
            note: `${HAZARD_ESCALATIONS[step]}（整改期限 ${row.deadline}${overdue ? `，逾期 ${overdue} 天` : ''}）`,
            recipients: await recipients(tx, step, row),
            message: message(step, row, overdue),
          });
        });
        row = { ...row, escalation: step, version: version + 1 };
        applied++;
      } catch (error) {
        // another process took this hazard meanwhile: its steps are theirs
        if (error instanceof AppError && error.code === 'CONFLICT') break;
        throw error;
      }
    }
  }
  return applied;
}
