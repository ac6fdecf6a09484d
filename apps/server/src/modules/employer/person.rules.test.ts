import { describe, expect, it } from 'vitest';
import { ageOn, isActive, normalisedIdNumber, todayInSanming } from './person.rules.js';

describe('person rules', () => {
  it('counts age in whole years, birthday included', () => {
    expect(ageOn('1980-06-15', '2026-06-14')).toBe(45);
    expect(ageOn('1980-06-15', '2026-06-15')).toBe(46);
  });

  it('is active from insuredFrom through insuredTo', () => {
    expect(isActive('2020-01-01', null, '2026-01-01')).toBe(true);
    expect(isActive('2020-01-01', '2026-01-01', '2026-01-01')).toBe(true);
    expect(isActive('2020-01-01', '2025-12-31', '2026-01-01')).toBe(false);
    expect(isActive('2026-02-01', null, '2026-01-01')).toBe(false);
  });

  it('uses the Sanming calendar date', () => {
    expect(todayInSanming(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
  });

  it('converts a legacy number only when asked', () => {
    expect(normalisedIdNumber('350481800615123', true)).toMatch(/^35048119800615123[0-9X]$/);
    expect(() => normalisedIdNumber('350481800615123', false)).toThrow(/旧版 15 位/);
  });
});
