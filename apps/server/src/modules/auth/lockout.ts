import type { SecurityPolicy } from '@yufang/contracts';

export interface ThrottleState {
  failures: number;
  lockedUntil: Date | null;
  lastFailureAt: Date | null;
}

/**
 * The throttle after one more failed login (等保2.0 登录失败处理): failures count up; when they reach the
 * threshold the name is locked for the lockout period. A lock that has run out, or failures older than the
 * lockout period, start a fresh count.
 */
export function nextThrottle(
  current: ThrottleState | null,
  now: Date,
  policy: Pick<SecurityPolicy, 'lockoutThreshold' | 'lockoutMinutes'>,
): ThrottleState {
  const windowMs = policy.lockoutMinutes * 60_000;
  const expired = current?.lockedUntil != null && current.lockedUntil <= now;
  const stale = current?.lastFailureAt != null && now.getTime() - current.lastFailureAt.getTime() > windowMs;
  const failures = (current && !expired && !stale ? current.failures : 0) + 1;
  const lockedUntil = failures >= policy.lockoutThreshold ? new Date(now.getTime() + windowMs) : null;
  return { failures, lockedUntil, lastFailureAt: now };
}
