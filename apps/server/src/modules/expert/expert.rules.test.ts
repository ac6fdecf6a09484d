import { describe, expect, it } from 'vitest';
import {
  availableActions,
  nextStatus,
  refusal,
  reminderEndDates,
  renewalStart,
  termEnd,
  termState,
  unknownDomains,
} from './expert.rules.js';

const none = { assessment: null };

describe('expert life cycle', () => {
  it('walks applied → reviewing → appointed, or rejected', () => {
    expect(refusal('review', 'applied', none)).toBeNull();
    expect(nextStatus('review', 'applied')).toBe('reviewing');
    expect(nextStatus('appoint', 'reviewing')).toBe('appointed');
    expect(nextStatus('reject', 'reviewing')).toBe('rejected');
    expect(availableActions('reviewing', none)).toEqual(['appoint', 'reject']);
  });

  it('refuses to appoint without review, and anything from rejected or dismissed', () => {
    expect(refusal('appoint', 'applied', none)).toContain('资格审查中');
    expect(refusal('review', 'appointed', none)).toContain('已聘任');
    expect(availableActions('rejected', none)).toEqual([]);
    expect(availableActions('dismissed', none)).toEqual([]);
  });

  it('keeps an assessed or adjusted expert appointed; renewal needs a passing assessment', () => {
    expect(nextStatus('assess', 'appointed')).toBe('appointed');
    expect(nextStatus('adjust', 'appointed')).toBe('appointed');
    expect(nextStatus('dismiss', 'appointed')).toBe('dismissed');
    expect(refusal('renew', 'appointed', none)).toBe('续聘前须完成本聘期考核');
    expect(refusal('renew', 'appointed', { assessment: 'fail' })).toContain('不合格');
    expect(refusal('renew', 'appointed', { assessment: 'pass' })).toBeNull();
    expect(refusal('renew', 'appointed', { assessment: 'excellent' })).toBeNull();
    expect(availableActions('appointed', none)).toEqual(['assess', 'adjust', 'dismiss']);
  });
});

describe('terms', () => {
  it('runs a term of years to the day before the anniversary', () => {
    expect(termEnd('2026-03-01', 3)).toBe('2029-02-28');
    expect(termEnd('2024-02-29', 3)).toBe('2027-02-28');
    expect(termEnd('2026-01-01', 1)).toBe('2026-12-31');
  });

  it('renews from the day after the current end, or today once expired', () => {
    expect(renewalStart('2026-12-31', '2026-12-01')).toBe('2027-01-01');
    expect(renewalStart('2026-10-31', '2026-12-01')).toBe('2026-12-01');
  });

  it('marks terms ending within the longest reminder window and expired ones', () => {
    const days = [60, 30, 7];
    expect(termState('appointed', '2026-12-31', '2026-12-01', days)).toBe('ending');
    expect(termState('appointed', '2027-03-01', '2026-12-01', days)).toBe('normal');
    expect(termState('appointed', '2026-11-30', '2026-12-01', days)).toBe('expired');
    expect(termState('applied', null, '2026-12-01', days)).toBeNull();
  });

  it('lists the term ends whose reminder is due today', () => {
    expect(reminderEndDates('2026-12-01', [60, 30, 7])).toEqual(['2027-01-30', '2026-12-31', '2026-12-08']);
  });

  it('finds domain codes not in force', () => {
    expect(unknownDomains(['legal', 'magic', 'legal'], [{ code: 'legal' }])).toEqual(['magic']);
  });
});
