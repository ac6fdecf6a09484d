import { type Fen, formatFen, type MilestoneView, percentOf, type TargetResult } from '@yufang/contracts';

/**
 * Pure rules of project delivery: the payments from the contract, the schedule and the outcome (人社部规〔2017〕13号:
 * 30%–70% in advance under the service agreement, the balance after acceptance; a failed acceptance is rectified and
 * re-accepted or part or all of the contract deducted), the acceptance verdict against the contracted targets, and
 * the milestone states. Money in integer fen.
 */

const yuan = (fen: Fen) => `${formatFen(fen)} 元`;

/** The prepayment: the contract amount × the agreed percent, rounded half up to the fen. */
export function prepaymentAmount(contractFen: Fen, pct: number): { amountFen: Fen; basis: string } {
  const amountFen = percentOf(contractFen, pct * 100);
  return { amountFen, basis: `合同金额 ${yuan(contractFen)} × 预付比例 ${pct}% = ${yuan(amountFen)}` };
}

/** The balance after acceptance: contract − deduction − prepaid (never below zero). */
export function balanceAmount(contractFen: Fen, deductionFen: Fen, prepaidFen: Fen): { amountFen: Fen; basis: string } {
  const amountFen = Math.max(0, contractFen - deductionFen - prepaidFen);
  return {
    amountFen,
    basis: `合同金额 ${yuan(contractFen)} − 扣减 ${yuan(deductionFen)} − 已预付 ${yuan(prepaidFen)} = ${yuan(amountFen)}`,
  };
}

export interface Settlement {
  /** What the implementer may keep or still receive: contract − deduction. */
  payableFen: Fen;
  /** Prepaid beyond what is payable: recovered (追回). */
  recoveryFen: Fen;
  /** Payable beyond what was prepaid: the final settlement paid on termination. */
  finalFen: Fen;
}

/** Termination with a deduction: what remains payable, what must be recovered and what is still owed. */
export function terminationSettlement(contractFen: Fen, deductionFen: Fen, prepaidFen: Fen): Settlement {
  const payableFen = contractFen - deductionFen;
  return {
    payableFen,
    recoveryFen: Math.max(0, prepaidFen - payableFen),
    finalFen: Math.max(0, payableFen - prepaidFen),
  };
}

/** The deduction's limits: more than zero, at most the contract, and less than the contract only with a reason. */
export function deductionProblem(contractFen: Fen, deductionFen: Fen): string | null {
  if (!Number.isSafeInteger(deductionFen) || deductionFen <= 0) return '扣减金额须大于 0';
  if (deductionFen > contractFen) return `扣减金额 ${yuan(deductionFen)}不能超过合同金额 ${yuan(contractFen)}`;
  return null;
}

export interface Target {
  key: string;
  label: string;
  unit: string;
  comparator: string;
  value: number;
}

/** ≥, >, ≤, <, = in any of the spellings a form may send. */
export function compare(comparator: string, delivered: number, target: number): boolean {
  const c = comparator.trim().toLowerCase();
  if (['≥', '>=', 'gte', 'ge'].includes(c)) return delivered >= target;
  if (['>', 'gt'].includes(c)) return delivered > target;
  if (['≤', '<=', 'lte', 'le'].includes(c)) return delivered <= target;
  if (['<', 'lt'].includes(c)) return delivered < target;
  return delivered === target;
}

const SYMBOLS: Record<string, string> = {
  gte: '≥',
  '>=': '≥',
  ge: '≥',
  gt: '>',
  lte: '≤',
  '<=': '≤',
  le: '≤',
  lt: '<',
};

/** The comparator as people read it (≥ > ≤ <). */
export function comparatorSymbol(comparator: string): string {
  return SYMBOLS[comparator.trim().toLowerCase()] ?? comparator;
}

/** Delivered vs contracted per target, each met or not. */
export function targetResults(targets: readonly Target[], delivered: Record<string, number>): TargetResult[] {
  return targets.map((t) => {
    const d = delivered[t.key] ?? 0;
    return {
      key: t.key,
      label: t.label,
      unit: t.unit,
      comparator: comparatorSymbol(t.comparator),
      target: t.value,
      delivered: d,
      met: compare(t.comparator, d, t.value),
    };
  });
}

/** Pass only when every target is met and the panel concluded pass; otherwise the reasons, in Chinese. */
export function acceptanceVerdict(
  results: readonly TargetResult[],
  panelConclusion: 'pass' | 'fail',
  panelScore: number,
): { passed: boolean; reasons: string[] } {
  const reasons = results
    .filter((r) => !r.met)
    .map((r) => `${r.label}完成 ${r.delivered}${r.unit}，未达到合同目标（${r.comparator} ${r.target}${r.unit}）`);
  if (panelConclusion !== 'pass') reasons.push(`验收专家组评分 ${(panelScore / 100).toFixed(2)} 分，结论为不合格`);
  return { passed: reasons.length === 0, reasons };
}

/** Is this target the trainee count (its default is the insured attendees counted once)? */
export function isTraineeTarget(t: Pick<Target, 'key' | 'label' | 'unit'>): boolean {
  return /trainee/i.test(t.key) || (/培训/.test(t.label) && /人/.test(t.unit));
}

/** The delivered defaults: trainees = distinct insured attendees when lists exist; other targets the latest report. */
export function deliveredDefaults(
  targets: readonly Target[],
  reports: readonly { delivered: Record<string, number> }[],
  insuredAttendees: number,
  hasAttendance: boolean,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of targets) {
    if (isTraineeTarget(t) && hasAttendance) {
      out[t.key] = insuredAttendees;
      continue;
    }
    const latest = [...reports].reverse().find((r) => r.delivered[t.key] !== undefined);
    out[t.key] = latest?.delivered[t.key] ?? 0;
  }
  return out;
}

export interface Milestone {
  key: string;
  name: string;
  dueOn: string;
}

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export { addDays };

/** A milestone is overdue past its due date with no report for it; due soon within `alertDaysBefore`. */
export function milestoneStates(
  schedule: readonly Milestone[],
  reportedKeys: ReadonlySet<string>,
  today: string,
  alertDaysBefore: number,
): MilestoneView[] {
  return schedule.map((m) => {
    const reported = reportedKeys.has(m.key);
    const state = reported
      ? 'reported'
      : m.dueOn < today
        ? 'overdue'
        : m.dueOn <= addDays(today, alertDaysBefore)
          ? 'due_soon'
          : 'pending';
    return { key: m.key, name: m.name, dueOn: m.dueOn, reported, state };
  });
}

/** Days between two ISO dates, absolute. */
export function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}
