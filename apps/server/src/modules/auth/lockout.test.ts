import { describe, expect, it } from 'vitest';
import { nextThrottle } from './lockout.js';

const policy = { lockoutThreshold: 5, lockoutMinutes: 30 };
const t0 = new Date('2026-11-28T08:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('login lockout', () => {
  it('locks for 30 minutes at the fifth failure', () => {
    let state = nextThrottle(null, t0, policy);
    for (let i = 2; i <= 4; i++) state = nextThrottle(state, t0, policy);
    expect(state).toMatchObject({ failures: 4, lockedUntil: null });
    state = nextThrottle(state, t0, policy);
    expect(state.lockedUntil).toEqual(later(30));
  });
  it('starts counting afresh after a lock runs out or after a quiet period', () => {
    const locked = { failures: 5, lockedUntil: later(30), lastFailureAt: t0 };
    expect(nextThrottle(locked, later(31), policy)).toMatchObject({ failures: 1, lockedUntil: null });
    const old = { failures: 4, lockedUntil: null, lastFailureAt: t0 };
    expect(nextThrottle(old, later(45), policy)).toMatchObject({ failures: 1, lockedUntil: null });
  });
});
