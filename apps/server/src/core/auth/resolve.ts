import { type Permission, type RoleCode, roleByCode, type ScopeEntry } from '@yufang/contracts';
import { eq } from 'drizzle-orm';
import type { RegionIndex } from '../authz/regions.js';
import { buildScopeSet } from '../authz/scope.js';
import type { Db } from '../db/index.js';
import { appUser, session, userRole, userScope } from '../db/schema.js';
import type { Actor } from './actor.js';
import type { SecurityPolicyStore } from './security-policy.js';
import { hashToken } from './sessions.js';

const TOUCH_AFTER_MS = 60_000;

export function permissionsOf(roles: readonly string[]): Set<Permission> {
  return new Set(roles.flatMap((r) => roleByCode(r)?.permissions ?? []));
}

export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
}

/** `background`: a poll the user did not ask for (the bell); it does not keep an idle session alive. */
export interface SessionLookup extends RequestMeta {
  background: boolean;
}

/** Loads roles, scope and permissions of a user into an actor (also used right after login). */
export async function loadActor(
  db: Db,
  regions: RegionIndex,
  user: typeof appUser.$inferSelect,
  sessionRow: { idHash: string; csrfToken: string },
  maxPasswordAgeDays: number,
  meta: RequestMeta,
): Promise<Actor> {
  const [roleRows, scopeRows] = await Promise.all([
    db.select({ code: userRole.roleCode }).from(userRole).where(eq(userRole.userId, user.id)),
    db.select({ kind: userScope.kind, code: userScope.code }).from(userScope).where(eq(userScope.userId, user.id)),
  ]);
  const roles = roleRows.map((r) => r.code as RoleCode);
  const expired = user.passwordChangedAt.getTime() + maxPasswordAgeDays * 86_400_000 < Date.now();
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles,
    permissions: permissionsOf(roles),
    scope: buildScopeSet(scopeRows as ScopeEntry[], regions),
    sessionIdHash: sessionRow.idHash,
    csrfToken: sessionRow.csrfToken,
    passwordChangeReason: user.mustChangePassword ? 'initial' : expired ? 'expired' : null,
    demo: user.demo,
    ip: meta.ip,
    requestId: meta.requestId,
  };
}

/**
 * Turns a session cookie into the request's actor, or null when the session is unknown, idle too long
 * (the session is then deleted) or its account disabled.
 */
export async function resolveSession(
  db: Db,
  regions: RegionIndex,
  policies: SecurityPolicyStore,
  token: string,
  meta: SessionLookup,
): Promise<Actor | null> {
  const idHash = hashToken(token);
  const [row] = await db
    .select({ session, user: appUser })
    .from(session)
    .innerJoin(appUser, eq(appUser.id, session.userId))
    .where(eq(session.idHash, idHash));
  if (!row) return null;
  const policy = await policies.current();
  const idleMs = Date.now() - row.session.lastSeenAt.getTime();
  if (idleMs > policy.idleTimeoutMinutes * 60_000 || row.user.disabled) {
    await db.delete(session).where(eq(session.idHash, idHash));
    return null;
  }
  if (idleMs > TOUCH_AFTER_MS && !meta.background) {
    await db.update(session).set({ lastSeenAt: new Date() }).where(eq(session.idHash, idHash));
  }
  return loadActor(db, regions, row.user, row.session, policy.passwordMaxAgeDays, {
    ip: meta.ip,
    requestId: meta.requestId,
  });
}
