import type { CreditGrade, EngagementOutcome, ProviderList } from '@yufang/contracts';
import { LIST_SERVICE_TYPE, PROVIDER_LISTS } from '@yufang/contracts';
import type { FieldProblem } from '../../core/http/errors.js';
import type { CreditPolicy } from './provider.policy.js';

export interface EngagementRecord {
  year: number;
  title: string;
  contractedFen: number;
  deductionFen: number;
  contractedUnits: number;
  deliveredUnits: number | null;
  acceptanceScore: number | null;
  outcome: EngagementOutcome;
}

export interface SanctionRecord {
  kind: 'suspension' | 'barring';
  fromDate: string;
  untilDate: string | null;
  liftedOn: string | null;
}

export interface CreditItem {
  kind: 'failed' | 'terminated' | 'deduction' | 'under_delivery' | 'low_score' | 'complaint' | 'barred';
  label: string;
  points: number;
}

export interface Credit {
  start: number;
  score: number;
  grade: CreditGrade;
  items: CreditItem[];
}

/** Points to one decimal (no floating dust like 4.999999). */
const round1 = (n: number) => Math.round(n * 10) / 10;
const pct = (part: number, whole: number) => (whole > 0 ? (part * 100) / whole : 0);

/** Whether a sanction is in force on a day: started, not lifted, and (a suspension) not yet over. */
export function sanctionActive(s: SanctionRecord, on: string): boolean {
  if (s.fromDate > on) return false;
  if (s.liftedOn && s.liftedOn <= on) return false;
  if (s.kind === 'suspension' && s.untilDate && s.untilDate < on) return false;
  return true;
}

/** The sanction in force on a day, barring before suspension. */
export function activeSanction(sanctions: readonly SanctionRecord[], on: string): 'barring' | 'suspension' | null {
  const active = sanctions.filter((s) => sanctionActive(s, on));
  if (active.some((s) => s.kind === 'barring')) return 'barring';
  return active.length ? 'suspension' : null;
}

export function gradeOf(score: number, grades: CreditPolicy['grades']): CreditGrade {
  if (score >= grades.A) return 'A';
  if (score >= grades.B) return 'B';
  if (score >= grades.C) return 'C';
  return 'D';
}

/**
 * The credit rating from the record: start, minus each failed or terminated engagement, each percent of the contract
 * deducted, each percent of units not delivered (finished engagements), each low acceptance score and each upheld
 * complaint. The score does not go below 0; a barred organisation is graded D whatever its score.
 */
export function computeCredit(
  engagements: readonly EngagementRecord[],
  upheldComplaints: number,
  barred: boolean,
  policy: CreditPolicy,
): Credit {
  const items: CreditItem[] = [];
  for (const e of engagements) {
    const what = `${e.year}年“${e.title}”`;
    if (e.outcome === 'failed') {
      items.push({ kind: 'failed', label: `${what}验收不合格`, points: -policy.failedEngagement });
    }
    if (e.outcome === 'terminated') {
      items.push({ kind: 'terminated', label: `${what}终止合同`, points: -policy.terminatedEngagement });
    }
    if (e.deductionFen > 0 && e.contractedFen > 0) {
      const p = pct(Math.min(e.deductionFen, e.contractedFen), e.contractedFen);
      const points = round1(p * policy.deductionPerPct);
      if (points > 0) items.push({ kind: 'deduction', label: `${what}扣减合同金额 ${round1(p)}%`, points: -points });
    }
    const finished = e.outcome !== 'in_progress';
    if (finished && e.deliveredUnits !== null && e.deliveredUnits < e.contractedUnits) {
      const p = pct(e.contractedUnits - e.deliveredUnits, e.contractedUnits);
      const points = round1(p * policy.underDeliveryPerPct);
      if (points > 0)
        items.push({ kind: 'under_delivery', label: `${what}未完成合同数量 ${round1(p)}%`, points: -points });
    }
    if (e.acceptanceScore !== null && e.acceptanceScore < policy.lowScoreBelow) {
      items.push({
        kind: 'low_score',
        label: `${what}验收得分 ${e.acceptanceScore / 100} 分，低于 ${policy.lowScoreBelow / 100} 分`,
        points: -policy.lowScorePoints,
      });
    }
  }
  if (upheldComplaints > 0) {
    items.push({
      kind: 'complaint',
      label: `投诉属实 ${upheldComplaints} 件`,
      points: -round1(upheldComplaints * policy.upheldComplaint),
    });
  }
  const lost = items.reduce((s, i) => s + i.points, 0);
  const score = Math.max(0, round1(policy.start + lost));
  if (barred) items.push({ kind: 'barred', label: '已被禁入，信用等级评为 D', points: 0 });
  return { start: policy.start, score, grade: barred ? 'D' : gradeOf(score, policy.grades), items };
}

export interface ListingFacts {
  status: 'registered' | 'approved' | 'rejected';
  serviceTypes: readonly string[];
  qualificationExpiries: readonly string[];
  sanction: 'barring' | 'suspension' | null;
}

/** Whether the organisation has at least one qualification in force on the day. */
export const hasQualificationInForce = (expiries: readonly string[], on: string) => expiries.some((d) => d >= on);

/**
 * Why an organisation cannot be listed on a recommended list on a day (empty: it can): it must be approved, offer the
 * list's service type, hold a qualification in force and be neither suspended nor barred.
 */
export function listingProblems(facts: ListingFacts, list: ProviderList, on: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (facts.status !== 'approved') problems.push({ field: 'list', message: '机构尚未通过审核，不能列入推荐名录' });
  const type = LIST_SERVICE_TYPE[list];
  if (!facts.serviceTypes.includes(type)) {
    problems.push({ field: 'list', message: `列入${PROVIDER_LISTS[list]}须具备相应服务类型` });
  }
  if (!hasQualificationInForce(facts.qualificationExpiries, on)) {
    problems.push({ field: 'list', message: '机构没有在有效期内的资质' });
  }
  if (facts.sanction === 'barring') problems.push({ field: 'list', message: '机构已被禁入' });
  if (facts.sanction === 'suspension') problems.push({ field: 'list', message: '机构处于暂停期' });
  return problems;
}

/** Eligible as an implementer on a day: approved, not suspended or barred, a qualification in force. */
export function isEligible(facts: ListingFacts, on: string): boolean {
  return (
    facts.status === 'approved' && facts.sanction === null && hasQualificationInForce(facts.qualificationExpiries, on)
  );
}

/** Whether a qualification expiring on `validUntil` is due a reminder on `today` (one of the days before, or the day). */
export function reminderDue(validUntil: string, today: string, days: readonly number[]): number | null {
  const diff = Math.round((Date.parse(`${validUntil}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (diff === 0 || days.includes(diff)) return diff;
  return null;
}
