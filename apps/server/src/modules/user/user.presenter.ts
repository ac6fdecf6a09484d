import type { RoleCode, ScopeEntryView, UserView } from '@yufang/contracts';
import { type Actor, can } from '../../core/auth/actor.js';
import type { RegionIndex } from '../../core/authz/regions.js';
import type { UserRow } from './user.repo.js';

/** A user as the API shows it, with what the caller may do with it; the password hash never leaves. */
export function presentUser(
  actor: Actor,
  regions: RegionIndex,
  row: UserRow,
  roles: RoleCode[],
  scope: ScopeEntryView[],
): UserView {
  const locked = row.lockedUntil !== null && row.lockedUntil > new Date();
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    regionCode: row.regionCode,
    regionName: regions.name(row.regionCode),
    unitCode: row.unitCode,
    roles,
    scope,
    disabled: row.disabled,
    lockedUntil: locked ? (row.lockedUntil as Date).toISOString() : null,
    mustChangePassword: row.mustChangePassword,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
    demo: row.demo,
    can: {
      update: can(actor, 'system.user.update'),
      resetPassword: can(actor, 'system.user.reset_password'),
      unlock: locked && can(actor, 'security.user.unlock'),
    },
  };
}
