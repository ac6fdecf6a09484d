import { describe, expect, it } from 'vitest';
import { bandOf } from './analysis.policy.js';
import { leastSquares, trackTarget } from './target.js';

const cycle = { name: '2021—2025年', firstYear: 2021, lastYear: 2025, baselineYear: 2020, reduction: 0.2 };

describe('target tracking', () => {
  it('fits a least-squares line', () => {
    // y = 10 − x over x = 0..3, with noise that cancels
    const fit = leastSquares([
      { x: 0, y: 10 },
      { x: 1, y: 9.5 },
      { x: 2, y: 7.5 },
      { x: 3, y: 7 },
    ]);
    expect(fit?.slope).toBeCloseTo(-1.1, 10);
    expect(fit?.intercept).toBeCloseTo(10.15, 10);
    expect(leastSquares([{ x: 1, y: 1 }])).toBeNull();
  });

  it('projects the final year and marks on track when the projection reaches the target', () => {
    const t = trackTarget(cycle, [
      { year: 2020, rate: 10 },
      { year: 2021, rate: 9.6 },
      { year: 2022, rate: 9.1 },
      { year: 2023, rate: 8.7 },
    ]);
    expect(t.target).toBe(8);
    for (const [i, v] of [10, 9.6, 9.2, 8.8, 8.4, 8].entries()) expect(t.path[i]?.value).toBeCloseTo(v, 10);
    // slope −0.44, intercept at 2020 = 10.01 → 2025: 10.01 − 2.2 = 7.81
    expect(t.projection).toBeCloseTo(7.81, 8);
    expect(t.status).toBe('on_track');
    expect(t.projected).toBe(true);
    expect(t.change).toBeCloseTo(-0.219, 8);
  });

  it('marks at risk when the trend misses the target, and uses the actual final year once it exists', () => {
    const flat = trackTarget(cycle, [
      { year: 2020, rate: 10 },
      { year: 2021, rate: 10.2 },
      { year: 2022, rate: 9.8 },
    ]);
    expect(flat.status).toBe('at_risk');
    const done = trackTarget(cycle, [
      { year: 2020, rate: 10 },
      { year: 2024, rate: 12 },
      { year: 2025, rate: 7.9 },
    ]);
    expect(done.projection).toBe(7.9);
    expect(done.projected).toBe(false);
    expect(done.status).toBe('on_track');
  });

  it('reports no data without a baseline or with one year only', () => {
    expect(trackTarget(cycle, [{ year: 2021, rate: 5 }]).status).toBe('no_data');
    expect(trackTarget(cycle, [{ year: 2020, rate: 5 }]).status).toBe('no_data');
  });

  it('bands values by lower bounds', () => {
    expect(bandOf(19, [25, 35, 45])).toBe('<25');
    expect(bandOf(25, [25, 35, 45])).toBe('25–34');
    expect(bandOf(44, [25, 35, 45])).toBe('35–44');
    expect(bandOf(60, [25, 35, 45])).toBe('≥45');
  });
});
