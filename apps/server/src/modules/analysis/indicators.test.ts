import { describe, expect, it } from 'vitest';
import {
  averageHeadcount,
  computeIndicators,
  countedLostWorkdays,
  incidencePerThousand,
  oshaRate,
  relativeChange,
  roundTo,
  scheduledHours,
} from './indicators.js';

describe('GB 6441 indicators', () => {
  it('reproduces the worked example of formulas.md', () => {
    const hours = scheduledHours(50_000, { hoursPerDay: 8, daysPerMonth: 22.5 }, 12);
    expect(hours).toBe(1.08e8);
    const lostWorkdays = 6000 * 2 + 8000 + 9600;
    const r = computeIndicators(
      { injured: 125, deaths: 2, serious: 3, lostWorkdays },
      { averageWorkers: 50_000, hours },
    );
    expect(lostWorkdays).toBe(29_600);
    expect(roundTo(r.deathRatePerThousand, 2)).toBe(0.04);
    expect(roundTo(r.seriousRatePerThousand, 2)).toBe(0.06);
    expect(roundTo(r.frequencyA, 4)).toBe(1.1574);
    expect(roundTo(r.severityB, 2)).toBe(274.07);
    expect(roundTo(r.averageSeverityN, 1)).toBe(236.8);
    // N = B ÷ A
    expect(r.averageSeverityN).toBeCloseTo((r.severityB ?? 0) / (r.frequencyA ?? 1), 10);
  });

  it('computes hand-worked rates', () => {
    // 3 recognised injuries among monthly headcounts 100, 110, 120 (mean 110): 3 / 110 × 1000 = 27.2727…
    const avg = averageHeadcount([100, 110, 120]);
    expect(avg).toBe(110);
    expect(roundTo(incidencePerThousand(3, avg), 4)).toBe(27.2727);
    // 4 cases in 100 workers × 2,000 hours: 4 / 200,000 × 200,000 = 4 per 100 full-time workers
    expect(oshaRate(4, 200_000)).toBe(4);
    expect(oshaRate(1, 50_000)).toBe(4);
    // one death, one serious (recorded 30 days → counted 105), one minor of 12 days
    const days =
      countedLostWorkdays('death', 0) + countedLostWorkdays('serious', 30) + countedLostWorkdays('minor', 12);
    expect(days).toBe(6117);
    const r = computeIndicators(
      { injured: 3, deaths: 1, serious: 1, lostWorkdays: days, recognised: 2 },
      { averageWorkers: 400, hours: 800_000 },
    );
    expect(r.incidencePerThousand).toBe(5);
    expect(r.deathRatePerThousand).toBe(2.5);
    expect(r.frequencyA).toBe(3.75);
    expect(roundTo(r.severityB, 2)).toBe(7646.25);
    expect(r.averageSeverityN).toBe(2039);
  });

  it('reports no rate rather than zero or infinity without a denominator', () => {
    const r = computeIndicators({ injured: 2, deaths: 0, serious: 0, lostWorkdays: 10 }, { averageWorkers: 0 });
    expect(r.incidencePerThousand).toBeNull();
    expect(r.frequencyA).toBeNull();
    expect(r.oshaRate).toBeNull();
    expect(r.averageSeverityN).toBe(5);
    expect(averageHeadcount([])).toBeNull();
    expect(averageHeadcount([null, 10, undefined, 20])).toBe(15);
    expect(
      computeIndicators({ injured: 0, deaths: 0, serious: 0, lostWorkdays: 0 }, { averageWorkers: 10 })
        .averageSeverityN,
    ).toBeNull();
  });

  it('counts lost workdays by the GB 6441 rule', () => {
    expect(countedLostWorkdays('death', 20)).toBe(6000);
    expect(countedLostWorkdays('serious', 200)).toBe(200);
    expect(countedLostWorkdays('minor', -1)).toBe(0);
  });

  it('measures change against a base', () => {
    expect(relativeChange(10, 8)).toBeCloseTo(-0.2, 12);
    expect(relativeChange(0, 8)).toBeNull();
    expect(roundTo(-1.25, 1)).toBe(-1.3);
    expect(roundTo(null, 2)).toBeNull();
  });
});
