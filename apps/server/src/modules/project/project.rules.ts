import {
  APPLICANT_KINDS,
  type ApplicationUpdate,
  type EligibilityResult,
  formatFen,
  PROCUREMENT_ROUTES,
  type ProcurementRoute,
} from '@yufang/contracts';
import type { FieldProblem } from '../../core/http/errors.js';
import type { ProjectEligibilityPolicy, ProjectPaymentPolicy, ProjectProcurementPolicy } from './project.policy.js';

/** Pure rules of applications, eligibility, procurement and contract (no database). */

export type ApplicantKind = keyof typeof APPLICANT_KINDS;
const yuan = (fen: number) => `${formatFen(fen)} 元`;

/** An employer account applies as an industry association when its USCC's registration authority is 5 (民政). */
export function employerApplicantKind(uscc: string): 'association' | 'enterprise' {
  return uscc.startsWith('5') ? 'association' : 'enterprise';
}

export interface CallFacts {
  types: readonly string[];
  maxRequestFen: number | null;
}

/** What is wrong with an application's form against its call (empty: nothing). */
export function applicationProblems(
  input: Omit<ApplicationUpdate, 'version'>,
  call: CallFacts,
  typeLabels: ReadonlyMap<string, string>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!typeLabels.has(input.type)) {
    problems.push({
      field: 'type',
      message: `项目类型“${input.type}”未配置（可申报：${[...typeLabels.values()].join('、')}）`,
    });
  } else if (!call.types.includes(input.type)) {
    problems.push({
      field: 'type',
      message: `本指南不接受“${typeLabels.get(input.type)}”类项目（可申报：${call.types.map((t) => typeLabels.get(t) ?? t).join('、')}）`,
    });
  }
  const sum = input.budgetLines.reduce((a, b) => a + b.amountFen, 0);
  if (sum !== input.requestedFen) {
    problems.push({
      field: 'budgetLines',
      message: `预算明细合计 ${yuan(sum)}，应等于申请金额 ${yuan(input.requestedFen)}`,
    });
  }
  if (call.maxRequestFen !== null && input.requestedFen > call.maxRequestFen) {
    problems.push({
      field: 'requestedFen',
      message: `申请金额 ${yuan(input.requestedFen)}超过本指南单个项目上限 ${yuan(call.maxRequestFen)}`,
    });
  }
  const keys = new Set<string>();
  for (const t of input.targets) {
    if (keys.has(t.key)) problems.push({ field: 'targets', message: `绩效指标代码“${t.key}”重复` });
    keys.add(t.key);
  }
  const milestones = new Set<string>();
  for (const m of input.schedule) {
    if (milestones.has(m.key)) problems.push({ field: 'schedule', message: `实施节点代码“${m.key}”重复` });
    milestones.add(m.key);
  }
  return problems;
}

export interface EligibilityFacts {
  kind: ApplicantKind;
  /** The employer's workforce (enterprises), null when unknown. */
  workforce: number | null;
  /** The employer's insurance status where the data shows it. */
  insuranceStatus: string | null;
  /** Other open (submitted, not yet decided) applications of the same applicant in the same call. */
  otherOpenInCall: number;
}

/** Every eligibility rule with its outcome and reason, in a fixed order. */
export function evaluateEligibility(facts: EligibilityFacts, policy: ProjectEligibilityPolicy): EligibilityResult[] {
  const out: EligibilityResult[] = [];
  if (facts.kind === 'enterprise') {
    const ok = facts.workforce !== null && facts.workforce >= policy.minEnterpriseWorkforce;
    out.push({
      rule: 'size',
      ok,
      reason: ok
        ? `从业人员 ${facts.workforce} 人，达到大中型企业标准（≥ ${policy.minEnterpriseWorkforce} 人）`
        : `企业从业人员${facts.workforce === null ? '未知' : ` ${facts.workforce} 人`}，未达到大中型企业标准（≥ ${policy.minEnterpriseWorkforce} 人），不能申报`,
    });
  } else {
    out.push({ rule: 'size', ok: true, reason: `${APPLICANT_KINDS[facts.kind]}可申报，不受企业规模限制` });
  }
  if (policy.requireInsured && facts.insuranceStatus !== null) {
    const ok = facts.insuranceStatus === 'insured';
    out.push({
      rule: 'insured',
      ok,
      reason: ok
        ? '申报单位已参加工伤保险，无欠费停保记录'
        : `申报单位工伤保险状态为“${facts.insuranceStatus === 'suspended' ? '欠费停保' : '未参保'}”，须依法参保缴费后申报`,
    });
  }
  const okOpen = facts.otherOpenInCall < policy.maxOpenPerCall;
  out.push({
    rule: 'open_limit',
    ok: okOpen,
    reason: okOpen
      ? `本指南下在审申报 ${facts.otherOpenInCall + 1} 个，未超过 ${policy.maxOpenPerCall} 个`
      : `本指南下已有 ${facts.otherOpenInCall} 个在审申报，每个单位最多 ${policy.maxOpenPerCall} 个`,
  });
  return out;
}

const STRICTNESS: Record<Exclude<ProcurementRoute, 'self'>, number> = { open_tender: 3, competitive: 2, direct: 1 };

/** The route the approved amount requires: the first threshold (largest first) the amount reaches. */
export function requiredRoute(amountFen: number, policy: ProjectProcurementPolicy): Exclude<ProcurementRoute, 'self'> {
  const sorted = [...policy.thresholds].sort((a, b) => b.fromFen - a.fromFen);
  return (sorted.find((t) => amountFen >= t.fromFen) ?? sorted[sorted.length - 1])?.route ?? 'direct';
}

/** The routes the bureau may choose: the required one or a stricter one; 自行实施 for employers implementing it. */
export function allowedRoutes(amountFen: number, policy: ProjectProcurementPolicy, kind: ApplicantKind) {
  const need = requiredRoute(amountFen, policy);
  const routes = (Object.keys(STRICTNESS) as (keyof typeof STRICTNESS)[]).filter(
    (r) => STRICTNESS[r] >= STRICTNESS[need],
  ) as ProcurementRoute[];
  if (kind === 'association' || kind === 'enterprise') routes.push('self');
  return { need, routes };
}

/** Why a chosen route is not allowed (null: it is). */
export function routeProblem(
  route: ProcurementRoute,
  amountFen: number,
  policy: ProjectProcurementPolicy,
  kind: ApplicantKind,
): string | null {
  const { need, routes } = allowedRoutes(amountFen, policy, kind);
  if (routes.includes(route)) return null;
  if (route === 'self') return '自行实施仅适用于由行业协会或企业申报并自行组织实施的项目';
  const threshold = policy.thresholds.find((t) => t.route === need)?.fromFen ?? 0;
  return (
    `立项金额 ${yuan(amountFen)}须采用“${PROCUREMENT_ROUTES[need]}”` +
    `（${threshold > 0 ? `${yuan(threshold)}及以上` : '限额以下'}），不能采用更宽松的“${PROCUREMENT_ROUTES[route]}”`
  );
}

/** Why a prepayment percent is refused (null: within the policy's bounds). */
export function prepaymentProblem(pct: number, policy: ProjectPaymentPolicy, source: string): string | null {
  if (pct >= policy.prepaymentMinPct && pct <= policy.prepaymentMaxPct) return null;
  return `预付款比例须在 ${policy.prepaymentMinPct}%–${policy.prepaymentMaxPct}% 之间（${source}），当前为 ${pct}%`;
}

export interface RankInput {
  id: string;
  score: number | null;
  requestedFen: number;
}

/** Ranks by conclusion score (highest first; unscored last), ties by the smaller request, then id. */
export function rankProjects<T extends RankInput>(items: readonly T[]): (T & { rank: number })[] {
  return [...items]
    .sort(
      (a, b) =>
        (b.score ?? -1) - (a.score ?? -1) ||
        a.requestedFen - b.requestedFen ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .map((x, i) => ({ ...x, rank: i + 1 }));
}

/** The contracted units of the main target (the first ≥ / > target, e.g. trainees) for the provider's record. */
export function mainTarget(targets: readonly { label: string; unit: string; comparator: string; value: number }[]) {
  const t = targets.find((x) => x.comparator === 'gte' || x.comparator === 'gt') ?? targets[0];
  return { unit: t?.unit || t?.label || '项', units: Math.round(t?.value ?? 0) };
}
