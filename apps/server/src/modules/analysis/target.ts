import type { TargetStatus } from '@yufang/contracts';
import type { TargetCycle } from './analysis.policy.js';

/**
 * Target tracking of the five-year cycle (实施方案 二: key-industry work-injury rate down about 20%, 2020 → 2025):
 * the target is baseline × (1 − reduction); the path runs straight from the baseline to it; the final year is
 * projected by an ordinary least-squares line through the baseline and every later year with a rate.
 */
export const TARGET_RULE =
  '目标值 = 基准年发生率 ×（1 − 降幅）；按基准年至最近一年的发生率作最小二乘直线外推末年发生率，末年已有数据时取实际值：不高于目标值为“按计划推进”，高于目标值为“存在风险”；少于两年数据为“数据不足”。';

export interface YearRate {
  year: number;
  rate: number | null;
}

/** Slope and intercept of the least-squares line through the points; null with fewer than two distinct years. */
export function leastSquares(points: readonly { x: number; y: number }[]): { slope: number; intercept: number } | null {
  const n = points.length;
  if (n < 2) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  if (sxx === 0) return null;
  const slope = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
  return { slope, intercept: my - slope * mx };
}

export interface Track {
  baseline: number | null;
  target: number | null;
  path: { year: number; value: number | null }[];
  projection: number | null;
  /** false once the final year has its own rate (the mark then judges the actual value). */
  projected: boolean;
  change: number | null;
  status: TargetStatus;
}

export function trackTarget(cycle: TargetCycle, rates: readonly YearRate[]): Track {
  const rateOf = (year: number) => rates.find((r) => r.year === year)?.rate ?? null;
  const baseline = rateOf(cycle.baselineYear);
  const span = cycle.lastYear - cycle.baselineYear;
  const years = Array.from({ length: span + 1 }, (_, i) => cycle.baselineYear + i);
  const target = baseline === null ? null : baseline * (1 - cycle.reduction);
  const path = years.map((year) => ({
    year,
    value: baseline === null ? null : baseline * (1 - (cycle.reduction * (year - cycle.baselineYear)) / span),
  }));
  const points = years.flatMap((x) => {
    const y = rateOf(x);
    return y === null ? [] : [{ x, y }];
  });
  const line = leastSquares(points);
  const actualFinal = rateOf(cycle.lastYear);
  const projection = actualFinal ?? (line ? Math.max(0, line.intercept + line.slope * cycle.lastYear) : null);
  if (baseline === null || target === null || projection === null || points.length < 2) {
    return { baseline, target, path, projection, projected: actualFinal === null, change: null, status: 'no_data' };
  }
  const change = baseline > 0 ? projection / baseline - 1 : null;
  const status = projection <= target ? 'on_track' : 'at_risk';
  return { baseline, target, path, projection, projected: actualFinal === null, change, status };
}
