import type { FieldProblem } from '../../core/http/errors.js';

/** One criterion of a scoring sheet: points 0..max, weight in percent of the total (weights sum to 100). */
export interface Criterion {
  key: string;
  label: string;
  weight: number;
  max: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Exclusions (回避与排除): each a Chinese reason recorded on panel_candidate.

export interface CandidateFacts {
  termStart: string | null;
  termEnd: string | null;
  employerId: string | null;
  workUnitUscc: string | null;
}

export interface Party {
  role: '申请单位' | '实施单位';
  name: string;
  employerId: string | null;
  providerId: string | null;
  uscc: string | null;
}

export interface RelationFact {
  partyName: string;
  nature: string;
  employerId: string | null;
  providerId: string | null;
  partyUscc: string | null;
  declaredOn: string;
  endedOn: string | null;
}

export interface ServiceFact {
  panelSubject: string;
  drawnOn: string;
  /** The parties of the earlier panel (employer and provider ids). */
  employerIds: (string | null)[];
  providerIds: (string | null)[];
}

export interface SuspensionFact {
  recordedOn: string;
  suspendedUntil: string | null;
  reason: string;
}

export interface UnavailabilityFact {
  fromDate: string;
  toDate: string;
  reason: string;
}

export interface ExclusionContext {
  drawnOn: string;
  parties: Party[];
  coolDownDays: number;
  relations: RelationFact[];
  services: ServiceFact[];
  suspensions: SuspensionFact[];
  unavailability: UnavailabilityFact[];
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const sameParty = (p: Party, employerId: string | null, providerId: string | null, uscc: string | null) =>
  (p.employerId !== null && employerId === p.employerId) ||
  (p.providerId !== null && providerId === p.providerId) ||
  (p.uscc !== null && uscc !== null && uscc.toUpperCase() === p.uscc.toUpperCase());

/** Every reason an appointed expert is kept out of the draw on `ctx.drawnOn`, joined with "；" (null: eligible). */
export function exclusionReasons(expert: CandidateFacts, ctx: ExclusionContext): string | null {
  const reasons: string[] = [];
  const on = ctx.drawnOn;
  if (expert.termEnd && expert.termEnd < on) reasons.push(`聘期已于 ${expert.termEnd} 届满`);
  if (expert.termStart && expert.termStart > on) reasons.push(`聘期自 ${expert.termStart} 开始，抽取日尚未生效`);
  for (const p of ctx.parties) {
    if (sameParty(p, expert.employerId, null, expert.workUnitUscc)) {
      reasons.push(`与${p.role}“${p.name}”为同一工作单位`);
    }
  }
  for (const r of ctx.relations) {
    if (r.declaredOn > on || (r.endedOn !== null && r.endedOn <= on)) continue;
    for (const p of ctx.parties) {
      if (sameParty(p, r.employerId, r.providerId, r.partyUscc)) {
        reasons.push(`申报了与${p.role}“${p.name}”的关联关系（${r.nature}，${r.declaredOn} 申报）`);
      }
    }
  }
  const since = addDays(on, -ctx.coolDownDays);
  for (const s of ctx.services) {
    if (s.drawnOn < since || s.drawnOn > on) continue;
    for (const p of ctx.parties) {
      const hit =
        (p.employerId !== null && s.employerIds.includes(p.employerId)) ||
        (p.providerId !== null && s.providerIds.includes(p.providerId));
      if (hit) {
        reasons.push(
          `${ctx.coolDownDays} 天回避期内曾参加${p.role}“${p.name}”的评审《${s.panelSubject}》（${s.drawnOn} 抽取）`,
        );
      }
    }
  }
  for (const s of ctx.suspensions) {
    if (s.recordedOn <= on && (s.suspendedUntil === null || s.suspendedUntil >= on)) {
      reasons.push(s.suspendedUntil ? `暂停抽取至 ${s.suspendedUntil}（${s.reason}）` : `暂停抽取（${s.reason}）`);
    }
  }
  for (const u of ctx.unavailability) {
    if (u.fromDate <= on && u.toDate >= on) reasons.push(`${u.fromDate} 至 ${u.toDate} 不能参加（${u.reason}）`);
  }
  return reasons.length ? [...new Set(reasons)].join('；') : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Scoring: exact arithmetic in integers, results in hundredths of a point rounded half up.

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y) [x, y] = [y, x % y];
  return x;
}

/** n / d rounded half up (n ≥ 0, d > 0). */
function roundHalfUp(n: bigint, d: bigint): number {
  return Number((2n * n + d) / (2n * d));
}

/** Checks a sheet: every criterion scored, whole or half points between 0 and max. */
export function scoreProblems(criteria: readonly Criterion[], scores: Record<string, number>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const c of criteria) {
    const v = scores[c.key];
    if (v === undefined || v === null || Number.isNaN(v)) {
      problems.push({ field: `scores.${c.key}`, message: `请为“${c.label}”评分` });
    } else if (v < 0 || v > c.max) {
      problems.push({ field: `scores.${c.key}`, message: `“${c.label}”的得分应在 0 到 ${c.max} 分之间` });
    } else if (!Number.isInteger(v * 2)) {
      problems.push({ field: `scores.${c.key}`, message: `“${c.label}”的得分最小单位为 0.5 分` });
    }
  }
  for (const key of Object.keys(scores)) {
    if (!criteria.some((c) => c.key === key)) problems.push({ field: `scores.${key}`, message: `没有评分项“${key}”` });
  }
  return problems;
}

/** Σ points / max × weight, in hundredths of a point, rounded half up (exact: points are halves, max integers). */
export function weightedTotal(criteria: readonly Criterion[], scores: Record<string, number>): number {
  // Σ (2p)·w·100 / (2·max) over a common denominator
  let num = 0n;
  let den = 1n;
  for (const c of criteria) {
    const p2 = BigInt(Math.round((scores[c.key] ?? 0) * 2));
    const n = p2 * BigInt(c.weight) * 100n;
    const d = 2n * BigInt(c.max);
    num = num * d + n * den;
    den *= d;
    const g = gcd(num, den);
    if (g > 1n) {
      num /= g;
      den /= g;
    }
  }
  return roundHalfUp(num, den);
}

/** The mean of totals (hundredths), rounded half up. */
export function meanTotal(totals: readonly number[]): number {
  if (totals.length === 0) return 0;
  return roundHalfUp(BigInt(totals.reduce((a, b) => a + b, 0)), BigInt(totals.length));
}

export interface Divergence {
  flagged: boolean;
  /** max − min of the totals, hundredths. */
  spread: number;
  thresholdPoints: number;
  /** The members farthest from the median (only when flagged). */
  outliers: string[];
}

/** Flags the panel when max − min of the member totals exceeds the threshold (in points). */
export function divergence(totals: readonly { id: string; total: number }[], thresholdPoints: number): Divergence {
  if (totals.length < 2) return { flagged: false, spread: 0, thresholdPoints, outliers: [] };
  const values = totals.map((t) => t.total).sort((a, b) => a - b);
  const spread = (values[values.length - 1] as number) - (values[0] as number);
  const flagged = spread > thresholdPoints * 100;
  if (!flagged) return { flagged, spread, thresholdPoints, outliers: [] };
  const mid = values.length / 2;
  const median2 =
    values.length % 2 ? 2 * (values[Math.floor(mid)] as number) : (values[mid - 1] as number) + (values[mid] as number);
  const dist = (t: number) => Math.abs(2 * t - median2);
  const far = Math.max(...totals.map((t) => dist(t.total)));
  return { flagged, spread, thresholdPoints, outliers: totals.filter((t) => dist(t.total) === far).map((t) => t.id) };
}

export function criteriaProblems(criteria: readonly Criterion[]): string | null {
  const sum = criteria.reduce((a, c) => a + c.weight, 0);
  if (sum !== 100) return `评分项权重之和应为 100，现为 ${sum}`;
  return null;
}
