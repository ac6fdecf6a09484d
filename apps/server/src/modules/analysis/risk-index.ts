/**
 * The employer risk index: an explainable 0–100 score from four factors, each a level between 0 and 1 times its
 * configured weight (policy `analysis.risk_index`, parameters in packages/contracts/src/api/risk.ts):
 *
 * - incidence: the employer's injuries against what its industry's rate predicts for its exposure, smoothed by
 *   empirical Bayes so that a small employer is not ranked on one case;
 * - severity: how severe its injuries are on average (points for deaths, serious injuries and lost workdays per
 *   case) against its industry's mean, by credibility weighting so that one death among two cases is not taken at face
 *   value;
 * - trend: the rate of the last year against the years before, with a "no change" prior;
 * - hazards: the hazards still open at the end of the scored year (not closed by then), in points by level with extra
 *   points for those past their rectification deadline; the level rises linearly to 1 at the configured cap.
 *   Hazards are a fact about the employer, not a rate, so there is no industry comparison.
 *
 * A ratio of 1 (as expected for the industry, or unchanged) gives level 0; the level rises linearly to 1 at the
 * configured cap. Only risk above the industry counts: an employer better than its industry scores 0, not less.
 */
import type { RiskFactorKey, RiskFactorView, RiskIndexParams } from '@yufang/contracts';

/** Injuries of one employer in one period and the exposure they happened in. */
export interface PeriodTally {
  /** Worker-years: the sum of the monthly insured headcounts ÷ 12. */
  workerYears: number;
  cases: number;
  deaths: number;
  serious: number;
  minor: number;
  /** Lost workdays of the minor and serious cases (GB 6441 counting, see risk.repo.ts; deaths score by points). */
  lostDaysNonFatal: number;
}

/** Hazards of an employer open at the end of the scored year. */
export interface HazardTally {
  general: number;
  major: number;
  /** Of those, past their deadline at the end of the year. */
  overdue: number;
}

export const NO_HAZARDS: HazardTally = { general: 0, major: 0, overdue: 0 };

export interface EmployerTally {
  employerId: string;
  /** The group whose rate is the prior: the GB/T 4754 division. */
  industryCode: string;
  /** The last year of the window. */
  last: PeriodTally;
  /** The years of the window before the last one. */
  before: PeriodTally;
  hazards: HazardTally;
}

export interface RiskResult {
  employerId: string;
  score: number;
  factors: RiskFactorView[];
  cases: number;
  workerYears: number;
  deaths: number;
  serious: number;
  monitorSuggested: boolean;
}

export const EMPTY_TALLY: PeriodTally = {
  workerYears: 0,
  cases: 0,
  deaths: 0,
  serious: 0,
  minor: 0,
  lostDaysNonFatal: 0,
};

function sum(a: PeriodTally, b: PeriodTally): PeriodTally {
  return {
    workerYears: a.workerYears + b.workerYears,
    cases: a.cases + b.cases,
    deaths: a.deaths + b.deaths,
    serious: a.serious + b.serious,
    minor: a.minor + b.minor,
    lostDaysNonFatal: a.lostDaysNonFatal + b.lostDaysNonFatal,
  };
}

/** Severity points of a period: configured points per death, serious and minor case, plus points for lost days. */
export function severityPoints(t: PeriodTally, p: RiskIndexParams): number {
  const { death, serious, minor } = p.severityPoints;
  return t.deaths * death + t.serious * serious + t.minor * minor + t.lostDaysNonFatal / p.lostDaysPerPoint;
}

/**
 * Empirical-Bayes prior strength of the Poisson–gamma model (Clayton D, Kaldor J. Empirical Bayes estimates of
 * age-standardized relative risks for use in disease mapping. Biometrics 1987;43:671–681; moment estimator of
 * Marshall RJ. Mapping disease and mortality rates using empirical Bayes estimators. Appl Stat 1991;40:283–294).
 *
 * Employer i has observed count O_i and expected count E_i (its exposure × its industry's rate), and relative risk
 * θ_i ~ Gamma(shape β, rate β), mean 1, variance A = 1/β. Marshall's estimate of the between-employer variance is
 * A = s² − 1/ē, with s² = Σ E_i (O_i/E_i − 1)² / Σ E_i the exposure-weighted spread of the raw ratios and ē the mean
 * expected count: what the spread shows beyond Poisson noise. In small samples A can be ≤ 0 (no detectable spread);
 * the configured floor keeps the prior finite so that an employer with strong evidence can still stand out.
 * Returns β: the prior counts as β expected cases at the industry rate.
 */
export function priorStrength(pairs: readonly { observed: number; expected: number }[], varianceFloor: number) {
  const informative = pairs.filter((x) => x.expected > 0);
  const totalExpected = informative.reduce((s, x) => s + x.expected, 0);
  if (informative.length === 0 || totalExpected === 0) return 1 / varianceFloor;
  const spread = informative.reduce((s, x) => s + (x.observed - x.expected) ** 2 / x.expected, 0) / totalExpected;
  const meanExpected = totalExpected / informative.length;
  return 1 / Math.max(spread - 1 / meanExpected, varianceFloor);
}

/** Posterior mean of the relative risk: (O + β) / (E + β) — the raw ratio O/E pulled towards 1 by β cases. */
export const smoothedRatio = (observed: number, expected: number, beta: number) =>
  (observed + beta) / (expected + beta);

/**
 * Severity per case against the industry's mean, by credibility weighting (Bühlmann H. Experience rating and
 * credibility. ASTIN Bulletin 1967;4:199–207): the employer's mean points per case, weighted n/(n + k) against the
 * industry mean m with k prior cases, divided by m — ((P + k·m) / (n + k)) / m. No cases, or no industry mean: 1.
 */
export function severityRatio(points: number, cases: number, industryMean: number, priorCases: number): number {
  if (!(industryMean > 0)) return 1;
  return (points + priorCases * industryMean) / (cases + priorCases) / industryMean;
}

/**
 * Trend: the rate of the last year ÷ the rate of the years before, each with a share of k pseudo-cases allocated by
 * exposure — a Beta prior on the share of the cases that fall in the last year, centred on its share of the exposure
 * (the conditional comparison of two Poisson rates: given n cases, those of the last year are binomial with
 * p = exposure share; Breslow NE, Day NE. Statistical Methods in Cancer Research vol. II, IARC 1987, §2.3). With no
 * cases, or cases in proportion to exposure, the ratio is 1.
 */
export function trendRatio(last: PeriodTally, before: PeriodTally, pseudoCases: number): number {
  const exposure = last.workerYears + before.workerYears;
  if (last.workerYears <= 0 || before.workerYears <= 0) return 1;
  const lastRate = (last.cases + (pseudoCases * last.workerYears) / exposure) / last.workerYears;
  const beforeRate = (before.cases + (pseudoCases * before.workerYears) / exposure) / before.workerYears;
  return lastRate / beforeRate;
}

/** 0 at ratio 1 (or below), rising linearly to 1 at the cap. */
export const levelOf = (ratio: number, cap: number) => Math.min(1, Math.max(0, (ratio - 1) / (cap - 1)));

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Hazard points: configured points per open hazard by level, plus points for each overdue one. */
export function hazardPoints(h: HazardTally, p: RiskIndexParams): number {
  return h.general * p.hazardPoints.general + h.major * p.hazardPoints.major + h.overdue * p.hazardPoints.overdue;
}

function factor(
  key: RiskFactorKey,
  p: RiskIndexParams,
  value: number,
  level: number,
  observed: number,
  expected: number,
): RiskFactorView {
  const weight = p.weights[key];
  return {
    key,
    weight,
    value: round(value, 3),
    level: round(level, 3),
    contribution: round(weight * level * 100, 1),
    observed: round(observed, 2),
    expected: round(expected, 2),
  };
}

/**
 * Scores every employer of a population. The industry figures (cases per worker-year and mean severity points per
 * case over the whole window) and the prior strength come from the whole population, so a score does not depend on
 * who looks: a county officer sees the city-wide comparison, filtered to their county.
 */
export function scoreEmployers(tallies: readonly EmployerTally[], p: RiskIndexParams): RiskResult[] {
  const windows = tallies.map((t) => ({ t, w: sum(t.last, t.before) }));
  const industry = new Map<string, { workerYears: number; cases: number; points: number }>();
  for (const { t, w } of windows) {
    const g = industry.get(t.industryCode) ?? { workerYears: 0, cases: 0, points: 0 };
    g.workerYears += w.workerYears;
    g.cases += w.cases;
    g.points += severityPoints(w, p);
    industry.set(t.industryCode, g);
  }
  const expectedCases = (t: EmployerTally, w: PeriodTally) => {
    const g = industry.get(t.industryCode);
    return g && g.workerYears > 0 ? (w.workerYears * g.cases) / g.workerYears : 0;
  };
  const meanPoints = (t: EmployerTally) => {
    const g = industry.get(t.industryCode);
    return g && g.cases > 0 ? g.points / g.cases : 0;
  };
  const rows = windows.map(({ t, w }) => ({ t, w, e: expectedCases(t, w), points: severityPoints(w, p) }));
  const beta = priorStrength(
    rows.map((r) => ({ observed: r.w.cases, expected: r.e })),
    p.priorVarianceFloor,
  );
  return rows.map(({ t, w, e, points }) => {
    const incidence = smoothedRatio(w.cases, e, beta);
    const mean = meanPoints(t);
    const severity = severityRatio(points, w.cases, mean, p.severityPriorCases);
    const trend = trendRatio(t.last, t.before, p.trendPseudoCases);
    const factors = [
      factor('incidence', p, incidence, levelOf(incidence, p.incidenceCap), w.cases, e),
      factor('severity', p, severity, levelOf(severity, p.severityCap), points, w.cases * mean),
      factor('trend', p, trend, levelOf(trend, p.trendCap), t.last.cases, t.before.cases),
      factor(
        'hazards',
        p,
        hazardPoints(t.hazards, p),
        Math.min(1, hazardPoints(t.hazards, p) / p.hazardCap),
        t.hazards.general + t.hazards.major,
        t.hazards.overdue,
      ),
    ];
    const score = round(
      factors.reduce((s, f) => s + f.contribution, 0),
      1,
    );
    return {
      employerId: t.employerId,
      score,
      factors,
      cases: w.cases,
      workerYears: round(w.workerYears, 2),
      deaths: w.deaths,
      serious: w.serious,
      monitorSuggested: score >= p.monitorThreshold && w.cases >= p.monitorMinCases,
    };
  });
}

const FACTOR_PHRASE: Record<RiskFactorKey, (f: RiskFactorView) => string> = {
  incidence: (f) => `发生率为行业水平的 ${f.value.toFixed(2)} 倍（${f.observed} 起，按行业预期 ${f.expected} 起）`,
  severity: (f) => `平均严重程度为行业水平的 ${f.value.toFixed(2)} 倍`,
  trend: (f) => `最近一年发生率为此前年份的 ${f.value.toFixed(2)} 倍`,
  hazards: (f) => `年末未销号隐患 ${f.observed} 项（其中超期 ${f.expected} 项）`,
};

/** Why an employer is proposed for the key monitoring list: the score against the threshold and its main factors. */
export function monitorReason(r: RiskResult, p: RiskIndexParams): string | null {
  if (!r.monitorSuggested) return null;
  const main = r.factors
    .filter((f) => f.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .map((f) => FACTOR_PHRASE[f.key](f));
  return `风险指数 ${r.score.toFixed(1)} 达到建议阈值 ${p.monitorThreshold}；${main.join('；')}`;
}
