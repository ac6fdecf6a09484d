import type { RoleCode, ScopeEntry, UserListQuery } from '@yufang/contracts';
import { and, asc, eq, exists, getTableColumns, gt, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { scopeFilter } from '../../core/authz/scope.js';
import type { Db } from '../../core/db/index.js';
import { appUser, loginThrottle, userRole, userScope } from '../../core/db/schema.js';

export type UserRow = Omit<typeof appUser.$inferSelect, 'passwordHash'> & { lockedUntil: Date | null };

const { passwordHash: _secret, ...userFields } = getTableColumns(appUser);
const userColumns = { ...userFields, lockedUntil: loginThrottle.lockedUntil };

/** Users in the caller's scope: a user belongs to the region (and unit) of the account. */
export function userScopeFilter(actor: Actor): SQL {
  return scopeFilter(actor, { region: appUser.regionCode, unit: appUser.unitCode });
}

function selectUsers(db: Db) {
  return db
    .select(userColumns)
    .from(appUser)
    .leftJoin(loginThrottle, eq(loginThrottle.usernameKey, sql`lower(${appUser.username})`));
}

export async function findUserInScope(db: Db, actor: Actor, id: string): Promise<UserRow | undefined> {
  const [row] = await selectUsers(db).where(and(eq(appUser.id, id), userScopeFilter(actor)));
  return row;
}

export async function listUsersInScope(
  db: Db,
  actor: Actor,
  q: UserListQuery,
  after: [string, string] | null,
): Promise<UserRow[]> {
  const conditions: SQL[] = [userScopeFilter(actor)];
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, '\\$&')}%`;
    conditions.push(or(ilike(appUser.username, like), ilike(appUser.displayName, like)) as SQL);
  }
  if (q.regionCode) conditions.push(eq(appUser.regionCode, q.regionCode));
  if (q.role) {
    const role = q.role;
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(userRole)
          .where(and(eq(userRole.userId, appUser.id), eq(userRole.roleCode, role))),
      ),
    );
  }
  if (after) {
    const [name, id] = after;
    conditions.push(or(gt(appUser.username, name), and(eq(appUser.username, name), gt(appUser.id, id))) as SQL);
  }
  const rows = await selectUsers(db)
    .where(and(...conditions))
    .orderBy(asc(appUser.username), asc(appUser.id))
    .limit(q.limit + 1);
  return rows;
}

export async function rolesAndScopes(db: Db, userIds: string[]) {
  if (userIds.length === 0) return { roles: new Map<string, RoleCode[]>(), scopes: new Map<string, ScopeEntry[]>() };
  const [roleRows, scopeRows] = await Promise.all([
    db.select().from(userRole).where(inArray(userRole.userId, userIds)),
    db.select().from(userScope).where(inArray(userScope.userId, userIds)),
  ]);
  const roles = new Map<string, RoleCode[]>();
  for (const r of roleRows) roles.set(r.userId, [...(roles.get(r.userId) ?? []), r.roleCode as RoleCode]);
  const scopes = new Map<string, ScopeEntry[]>();
  for (const s of scopeRows) scopes.set(s.userId, [...(scopes.get(s.userId) ?? []), { kind: s.kind, code: s.code }]);
  return { roles, scopes };
}

/** Replaces the roles and scope of a user inside the caller's transaction. */
export async function replaceRolesAndScope(
  tx: Db,
  userId: string,
  roles: RoleCode[],
  scope: ScopeEntry[],
): Promise<void> {
  await tx.delete(userRole).where(eq(userRole.userId, userId));
  await tx.delete(userScope).where(eq(userScope.userId, userId));
  if (roles.length) await tx.insert(userRole).values(roles.map((roleCode) => ({ userId, roleCode })));
  if (scope.length) await tx.insert(userScope).values(scope.map((s) => ({ userId, ...s })));
}
