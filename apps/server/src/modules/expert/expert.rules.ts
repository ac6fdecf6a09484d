/**
 * The pure rules of the expert pool: the life-cycle transition table, the term from the policy, the term state
 * shown in the list and the reminder days. No clock here: every rule takes "today" (a Beijing calendar date).
 */
import type { ExpertAction, ExpertAssessmentResult, ExpertStatus, ExpertTermState } from '@yufang/contracts';

interface Transition {
  from: readonly ExpertStatus[];
  to: ExpertStatus | 'same';
}

/**
 * applied → reviewing (资格审查) → appointed for a term, or rejected with a reason; appointed → term assessment
 * (stays appointed) → renewed for a new term (only after an assessment of 优秀 or 合格 in the current term),
 * adjusted (domains or group, with a reason) or dismissed (with a reason).
 */
export const TRANSITIONS: Record<ExpertAction, Transition> = {
  review: { from: ['applied'], to: 'reviewing' },
  appoint: { from: ['reviewing'], to: 'appointed' },
  reject: { from: ['reviewing'], to: 'rejected' },
  assess: { from: ['appointed'], to: 'same' },
  renew: { from: ['appointed'], to: 'appointed' },
  adjust: { from: ['appointed'], to: 'same' },
  dismiss: { from: ['appointed'], to: 'dismissed' },
};

const STATUS_LABELS: Record<ExpertStatus, string> = {
  applied: '已申请',
  reviewing: '资格审查中',
  appointed: '已聘任',
  rejected: '未通过',
  dismissed: '已解聘',
};

export interface TransitionContext {
  /** The result of the latest assessment within the current term (null: not assessed yet). */
  assessment: ExpertAssessmentResult | null;
}

/** Why the action is refused from this status (a Chinese sentence), or null when it is allowed. */
export function refusal(action: ExpertAction, status: ExpertStatus, context: TransitionContext): string | null {
  const t = TRANSITIONS[action];
  if (!t.from.includes(status)) {
    const allowed = t.from.map((s) => STATUS_LABELS[s]).join('、');
    return `当前状态为“${STATUS_LABELS[status]}”，只有“${allowed}”的专家可以执行此操作`;
  }
  if (action === 'renew') {
    if (context.assessment === null) return '续聘前须完成本聘期考核';
    if (context.assessment === 'fail') return '本聘期考核不合格，不能续聘';
  }
  return null;
}

/** The status after the action. */
export function nextStatus(action: ExpertAction, status: ExpertStatus): ExpertStatus {
  const to = TRANSITIONS[action].to;
  return to === 'same' ? status : to;
}

/** The actions that the table allows from a status (the detail page offers these). */
export function availableActions(status: ExpertStatus, context: TransitionContext): ExpertAction[] {
  return (Object.keys(TRANSITIONS) as ExpertAction[]).filter((a) => refusal(a, status, context) === null);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The Beijing calendar date of an instant. */
export function beijingDate(at: Date): string {
  return at.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** A term of `years` from its first day: it ends the day before the same date `years` later (29 Feb → 28 Feb). */
export function termEnd(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February into a non-leap year rolls to 1 March: the term then ends on 28 February
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  else target.setUTCDate(target.getUTCDate() - 1);
  return target.toISOString().slice(0, 10);
}

/** The next term of a renewal: from the day after the current end (or today when it has already passed). */
export function renewalStart(currentEnd: string | null, today: string): string {
  if (!currentEnd || currentEnd < today) return today;
  return addDays(currentEnd, 1);
}

/** How the list shows an appointed expert's term: ending within the longest reminder window, or expired. */
export function termState(
  status: ExpertStatus,
  end: string | null,
  today: string,
  reminderDays: readonly number[],
): ExpertTermState | null {
  if (status !== 'appointed' || !end) return null;
  const left = daysBetween(today, end);
  if (left < 0) return 'expired';
  return left <= Math.max(...reminderDays) ? 'ending' : 'normal';
}

/** The term end dates whose reminder falls due today: today + each reminder day. */
export function reminderEndDates(today: string, reminderDays: readonly number[]): string[] {
  return [...new Set(reminderDays)].map((d) => addDays(today, d));
}

/** A valid 11-digit mainland mobile number. */
export function isMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

/** The domain codes not in force (empty: all known), and duplicates removed. */
export function unknownDomains(codes: readonly string[], known: readonly { code: string }[]): string[] {
  const set = new Set(known.map((k) => k.code));
  return [...new Set(codes)].filter((c) => !set.has(c));
}
