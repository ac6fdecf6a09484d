import { RiskIndexParams } from '@yufang/contracts';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_TALLY,
  type EmployerTally,
  hazardPoints,
  levelOf,
  monitorReason,
  NO_HAZARDS,
  type PeriodTally,
  priorStrength,
  scoreEmployers,
  severityPoints,
  severityRatio,
  smoothedRatio,
  trendRatio,
} from './risk-index.js';
import { RISK_INDEX_POLICY_DEFAULTS } from './risk-index.policy.js';

const params = RiskIndexParams.parse(RISK_INDEX_POLICY_DEFAULTS[0]?.value);

/** A period with `workers` insured all year and `minor` minor cases of 10 lost days. */
function period(workers: number, years: number, minor = 0): PeriodTally {
  return { ...EMPTY_TALLY, workerYears: workers * years, cases: minor, minor, lostDaysNonFatal: minor * 10 };
}

function employer(id: string, workers: number, lastCases: number, beforeCases: number, industry = '33'): EmployerTally {
  return {
    employerId: id,
    industryCode: industry,
    last: period(workers, 1, lastCases),
    before: period(workers, 2, beforeCases),
    hazards: NO_HAZARDS,
  };
}

describe('empirical-Bayes smoothing', () => {
  it('estimates no extra spread when counts are exactly as expected, and takes the floor', () => {
    const pairs = [10, 20, 30].map((e) => ({ observed: e, expected: e }));
    expect(priorStrength(pairs, 0.05)).toBeCloseTo(20);
  });

  it('estimates the between-employer variance by moments (Marshall 1991) when the ratios spread', () => {
    // ratios 0.5 and 1.5 at E = 10 each: s² = (25/10 + 25/10)/20 = 0.25, ē = 10, A = 0.25 − 0.1 = 0.15
    const beta = priorStrength(
      [
        { observed: 5, expected: 10 },
        { observed: 15, expected: 10 },
      ],
      0.01,
    );
    expect(beta).toBeCloseTo(1 / 0.15, 6);
  });

  it('pulls a ratio towards 1 by β expected cases', () => {
    expect(smoothedRatio(1, 0.15, 20)).toBeCloseTo(21 / 20.15, 9);
    expect(smoothedRatio(0, 0, 5)).toBe(1);
  });

  it('does not rank a 5-worker employer with one case above a 500-worker employer with 20', () => {
    // 3-year window, machinery (33); industry rate about 8 cases per 1,000 worker-years
    const tallies = [
      employer('small', 5, 1, 0),
      employer('large', 500, 8, 12),
      ...Array.from({ length: 20 }, (_, i) => employer(`peer${i}`, 200, i % 3 === 0 ? 2 : 1, i % 4 === 0 ? 3 : 2)),
    ];
    const results = scoreEmployers(tallies, params);
    const small = results.find((r) => r.employerId === 'small');
    const large = results.find((r) => r.employerId === 'large');
    const inc = (r: typeof small) => r?.factors.find((f) => f.key === 'incidence')?.value ?? 0;
    // the raw ratio of the small employer (1 case where the industry rate predicts about 0.1) is far higher …
    const smallIncidence = small?.factors.find((f) => f.key === 'incidence');
    expect((smallIncidence?.observed ?? 0) / (smallIncidence?.expected ?? 1)).toBeGreaterThan(5);
    // … but smoothed, the large employer's steady excess ranks above the single case
    expect(inc(large)).toBeGreaterThan(inc(small));
    expect(large?.score ?? 0).toBeGreaterThan(small?.score ?? 0);
  });
});

describe('trend', () => {
  it('is 1 with no cases, or with cases in proportion to exposure', () => {
    expect(trendRatio(period(100, 1), period(100, 2), 4)).toBe(1);
    expect(trendRatio(period(100, 1, 3), period(100, 2, 6), 4)).toBeCloseTo(1, 9);
  });

  it('rises when the last year has more than its share, less so on few cases', () => {
    const many = trendRatio(period(100, 1, 10), period(100, 2, 5), 4);
    const few = trendRatio(period(100, 1, 1), period(100, 2, 0), 4);
    // (10 + 4/3)/100 ÷ ((5 + 8/3)/200) = 2.9565…
    expect(many).toBeCloseTo((10 + 4 / 3) / 100 / ((5 + 8 / 3) / 200), 9);
    expect(few).toBeLessThan(many);
    expect(few).toBeGreaterThan(1);
  });

  it('is neutral without exposure in one of the periods', () => {
    expect(trendRatio(period(0, 1, 2), period(100, 2, 0), 4)).toBe(1);
  });
});

describe('severity and levels', () => {
  it('scores deaths, serious and minor cases and lost days (deaths not counted twice)', () => {
    // one death, one serious injury (counted 105 days by GB 6441) and one minor injury of 95 days
    const t = { ...EMPTY_TALLY, cases: 3, deaths: 1, serious: 1, minor: 1, lostDaysNonFatal: 200 };
    expect(severityPoints(t, params)).toBe(10 + 3 + 1 + 2);
  });

  it('weights the mean severity per case against the industry mean by credibility', () => {
    // one death and one minor case (11 points) where the industry averages 2 points a case, 5 prior cases:
    // ((11 + 5 × 2) / (2 + 5)) / 2 = 1.5 — not the raw 5.5/2 = 2.75
    expect(severityRatio(11, 2, 2, 5)).toBeCloseTo(1.5, 9);
    // the same mean over 40 cases is believed far more
    expect(severityRatio(220, 40, 2, 5)).toBeCloseTo((220 + 10) / 45 / 2, 9);
    expect(severityRatio(220, 40, 2, 5)).toBeGreaterThan(2.5);
    expect(severityRatio(0, 0, 2, 5)).toBe(1);
    expect(severityRatio(5, 1, 0, 5)).toBe(1);
  });

  it('maps a ratio to 0 at or below 1 and to 1 at the cap', () => {
    expect(levelOf(0.4, 3)).toBe(0);
    expect(levelOf(2, 3)).toBe(0.5);
    expect(levelOf(7, 3)).toBe(1);
  });
});

describe('scores and the monitoring proposal', () => {
  const population = [
    employer('hot', 300, 12, 6),
    employer('calm', 300, 1, 2),
    ...Array.from({ length: 10 }, (_, i) => employer(`p${i}`, 300, 1, 2 + (i % 2))),
  ];
  const results = scoreEmployers(population, params);
  const hot = results.find((r) => r.employerId === 'hot');
  const calm = results.find((r) => r.employerId === 'calm');

  it('adds the factor contributions to the score; no open hazards earn no hazard points', () => {
    expect(hot).toBeDefined();
    const total = hot?.factors.reduce((s, f) => s + f.contribution, 0) ?? 0;
    expect(hot?.score).toBeCloseTo(total, 1);
    const hazards = hot?.factors.find((f) => f.key === 'hazards');
    expect(hazards).toMatchObject({ weight: 0.15, value: 0, contribution: 0 });
    expect(hot?.cases).toBe(18);
    expect(hot?.workerYears).toBe(900);
  });

  it('proposes the employer far above its industry, with the reason, and not the calm one', () => {
    expect(hot?.monitorSuggested).toBe(true);
    expect(calm?.monitorSuggested).toBe(false);
    expect(calm?.score).toBe(0);
    const reason = hot ? monitorReason(hot, params) : null;
    expect(reason).toMatch(/^风险指数 \d+\.\d 达到建议阈值 30；发生率为行业水平的/);
    expect(calm ? monitorReason(calm, params) : 'x').toBeNull();
  });

  it('scores open hazards by level and overdue, up to the cap, without an industry comparison', () => {
    // 1 general + 1 major, the major overdue: 1 + 3 + 2 = 6 points = the cap, so the full 15 points
    const h = { general: 1, major: 1, overdue: 1 };
    expect(hazardPoints(h, params)).toBe(6);
    const withHazards = [...population, { ...employer('risky', 300, 1, 2), hazards: h }];
    const risky = scoreEmployers(withHazards, params).find((r) => r.employerId === 'risky');
    const factor = risky?.factors.find((f) => f.key === 'hazards');
    expect(factor).toMatchObject({ value: 6, level: 1, contribution: 15, observed: 2, expected: 1 });
    const half = scoreEmployers(
      [{ ...employer('one', 300, 1, 2), hazards: { general: 0, major: 1, overdue: 0 } }],
      params,
    );
    expect(half[0]?.factors.find((f) => f.key === 'hazards')).toMatchObject({
      value: 3,
      level: 0.5,
      contribution: 7.5,
    });
  });

  it('needs the minimum number of cases before proposing', () => {
    const strict = { ...params, monitorMinCases: 100 };
    expect(scoreEmployers(population, strict).some((r) => r.monitorSuggested)).toBe(false);
  });
});
