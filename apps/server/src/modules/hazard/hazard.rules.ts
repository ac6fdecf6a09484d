/**
 * The pure rules of the hazard life cycle: the transition table, the deadline from the level, the due state of the
 * work queue and the escalation ladder. No clock here: every rule takes "today" (a Beijing calendar date).
 */
import type { HazardDueState, HazardEscalation, HazardLevel, HazardStatus, Permission } from '@yufang/contracts';
import type { DeadlinePolicy, LadderPolicy } from './hazard.policy.js';

export type HazardAction = 'notify' | 'respond' | 'submit' | 'verify' | 'reject';

interface Transition {
  from: readonly HazardStatus[];
  to: HazardStatus;
  permission: Permission;
  /** The timeline label. */
  label: string;
}

/**
 * reported → notified (to the employer) → rectifying → submitted with evidence → closed (销号), or rejected back to
 * rectifying with a reason. A department report notifies the employer at once (reported and notified in one call);
 * an exchange record waits for an officer to send the notice.
 */
export const TRANSITIONS: Record<HazardAction, Transition> = {
  notify: { from: ['reported'], to: 'notified', permission: 'hazard.report', label: '下达整改通知' },
  respond: { from: ['notified'], to: 'rectifying', permission: 'hazard.respond', label: '签收并开始整改' },
  submit: { from: ['rectifying'], to: 'submitted', permission: 'hazard.respond', label: '提交整改材料' },
  verify: { from: ['submitted'], to: 'closed', permission: 'hazard.verify', label: '核查通过，销号' },
  reject: { from: ['submitted'], to: 'rectifying', permission: 'hazard.verify', label: '核查不通过，退回整改' },
};

export function canTransition(action: HazardAction, status: HazardStatus): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** Adds calendar days to an ISO date (UTC arithmetic on a date has no daylight-saving surprises). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The Beijing calendar date of an instant (deadlines are calendar days in Sanming). */
export function beijingDate(at: Date): string {
  return at.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

export function deadlineFor(level: HazardLevel, foundOn: string, policy: DeadlinePolicy): string {
  return addDays(foundOn, level === 'major' ? policy.majorDays : policy.generalDays);
}

/** How the queue colours a hazard: overdue after the deadline day, due soon within the reminder window. */
export function dueState(status: HazardStatus, deadline: string, today: string, dueSoonDays: number): HazardDueState {
  if (status === 'closed') return 'closed';
  const left = daysBetween(today, deadline);
  if (left < 0) return 'overdue';
  return left <= dueSoonDays ? 'due_soon' : 'normal';
}

/** The ladder's steps in order; each names the day (relative to the deadline) from which it is due. */
export const LADDER: readonly Exclude<HazardEscalation, 'none'>[] = [
  'reminded',
  'county',
  'city',
  'joint_meeting',
  'enforcement',
];

export function stepOffset(step: Exclude<HazardEscalation, 'none'>, ladder: LadderPolicy): number {
  switch (step) {
    case 'reminded':
      return -ladder.reminderDaysBefore;
    case 'county':
      return ladder.countyAfterDays;
    case 'city':
      return ladder.cityAfterDays;
    case 'joint_meeting':
      return ladder.jointMeetingAfterDays;
    case 'enforcement':
      return ladder.enforcementAfterDays;
  }
}

/**
 * The escalation steps due today that the hazard has not had yet, in ladder order. Closed hazards never escalate;
 * a hazard waiting for verification (submitted) is paused: the employer has done its part, the wait is the
 * department's. A clock that jumps several steps yields each missed step once.
 */
export function dueSteps(
  status: HazardStatus,
  current: HazardEscalation,
  deadline: string,
  today: string,
  ladder: LadderPolicy,
): Exclude<HazardEscalation, 'none'>[] {
  if (status === 'closed' || status === 'submitted') return [];
  const done = current === 'none' ? -1 : LADDER.indexOf(current);
  const elapsed = daysBetween(deadline, today);
  return LADDER.filter((step, i) => i > done && elapsed >= stepOffset(step, ladder));
}
