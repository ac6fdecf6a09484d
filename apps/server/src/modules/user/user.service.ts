import type { ScopeEntry, UserCreateInput, UserListQuery, UserUpdateInput, UserView } from '@yufang/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import { generateInitialPassword, hashPassword } from '../../core/auth/password.js';
import { destroyUserSessions } from '../../core/auth/sessions.js';
import { scopeFilter } from '../../core/authz/scope.js';
import { nameScopeEntries } from '../../core/authz/scope-names.js';
import type { Core } from '../../core/context.js';
import type { Db } from '../../core/db/index.js';
import { appUser, employer, loginThrottle, orgUnit, provider } from '../../core/db/schema.js';
import { AppError } from '../../core/http/errors.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';
import { presentUser } from './user.presenter.js';
import { findUserInScope, listUsersInScope, replaceRolesAndScope, rolesAndScopes, type UserRow } from './user.repo.js';
import { roleAndScopeProblems } from './user.rules.js';

const NOT_FOUND = '用户不存在或不在您的管辖范围内';

export class UserService {
  constructor(private readonly core: Core) {}

  async list(actor: Actor, query: UserListQuery) {
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const rows = await listUsersInScope(this.core.db, actor, query, after);
    const page = rows.slice(0, query.limit);
    const views = await this.present(actor, page);
    const byId = new Map(views.map((v) => [v.id, v]));
    return toPage(
      rows,
      query.limit,
      (r) => [r.username, r.id],
      (r) => byId.get(r.id) as UserView,
    );
  }

  async get(actor: Actor, id: string): Promise<UserView> {
    const row = await findUserInScope(this.core.db, actor, id);
    if (!row) throw AppError.notFound(NOT_FOUND);
    const [view] = await this.present(actor, [row]);
    return view as UserView;
  }

  /** Creates an account with a generated initial password that must be changed at first login. */
  async create(actor: Actor, input: UserCreateInput): Promise<{ user: UserView; initialPassword: string }> {
    const { db } = this.core;
    await this.assertAssignable(actor, input);
    const [taken] = await db
      .select({ id: appUser.id })
      .from(appUser)
      .where(sql`lower(${appUser.username}) = ${input.username.toLowerCase()}`);
    if (taken) throw AppError.validation('username', `“${input.username}”已被使用`);
    const initialPassword = generateInitialPassword();
    const passwordHash = await hashPassword(initialPassword);
    const id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(appUser)
        .values({
          username: input.username,
          displayName: input.displayName,
          email: input.email,
          regionCode: input.regionCode,
          unitCode: input.unitCode,
          passwordHash,
          mustChangePassword: true,
        })
        .returning({ id: appUser.id });
      const userId = (row as { id: string }).id;
      await replaceRolesAndScope(tx, userId, input.roles, input.scope);
      await recordAudit(tx, actor, {
        action: 'system.user.create',
        objectType: 'user',
        objectId: userId,
        changes: { after: input },
      });
      return userId;
    });
    return { user: await this.get(actor, id), initialPassword };
  }

  /** Updates an account; a stale `version` gets a conflict rather than overwriting someone else's change. */
  async update(actor: Actor, id: string, input: UserUpdateInput): Promise<UserView> {
    const { db } = this.core;
    const before = await this.get(actor, id);
    if (before.version !== input.version) throw AppError.conflict('该用户已被他人修改，请刷新后重试');
    if (id === actor.userId && input.disabled) throw AppError.validation('disabled', '不能停用自己的账户');
    await this.assertAssignable(actor, input);
    await db.transaction(async (tx) => {
      const updated = await tx
        .update(appUser)
        .set({
          displayName: input.displayName,
          email: input.email,
          regionCode: input.regionCode,
          unitCode: input.unitCode,
          disabled: input.disabled,
          version: sql`${appUser.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(appUser.id, id), eq(appUser.version, input.version)))
        .returning({ id: appUser.id });
      if (updated.length === 0) throw AppError.conflict('该用户已被他人修改，请刷新后重试');
      await replaceRolesAndScope(tx, id, input.roles, input.scope);
      if (input.disabled) await destroyUserSessions(tx, id);
      await recordAudit(tx, actor, {
        action: 'system.user.update',
        objectType: 'user',
        objectId: id,
        changes: diff(before, input),
      });
    });
    return this.get(actor, id);
  }

  /** Issues a new initial password; the account must change it at next login and its sessions end. */
  async resetPassword(actor: Actor, id: string): Promise<{ user: UserView; initialPassword: string }> {
    const target = await this.get(actor, id);
    const initialPassword = generateInitialPassword();
    const passwordHash = await hashPassword(initialPassword);
    await this.core.db.transaction(async (tx) => {
      await tx
        .update(appUser)
        .set({
          passwordHash,
          mustChangePassword: true,
          passwordChangedAt: new Date(),
          version: sql`${appUser.version} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(appUser.id, id));
      await destroyUserSessions(tx, id);
      await recordAudit(tx, actor, {
        action: 'system.user.reset_password',
        objectType: 'user',
        objectId: id,
        changes: { username: target.username },
      });
    });
    return { user: await this.get(actor, id), initialPassword };
  }

  async unlock(actor: Actor, id: string): Promise<UserView> {
    const target = await this.get(actor, id);
    await this.core.db.transaction(async (tx) => {
      await tx.delete(loginThrottle).where(eq(loginThrottle.usernameKey, target.username.toLowerCase()));
      await recordAudit(tx, actor, {
        action: 'security.user.unlock',
        objectType: 'user',
        objectId: id,
        changes: { before: { lockedUntil: target.lockedUntil }, after: { lockedUntil: null } },
      });
    });
    return this.get(actor, id);
  }

  private async present(actor: Actor, rows: UserRow[]): Promise<UserView[]> {
    const { db, regions } = this.core;
    const { roles, scopes } = await rolesAndScopes(
      db,
      rows.map((r) => r.id),
    );
    const allEntries = rows.flatMap((r) => scopes.get(r.id) ?? []);
    const named = await nameScopeEntries(db, regions, allEntries);
    const names = new Map(named.map((e) => [`${e.kind}:${e.code}`, e]));
    return rows.map((r) =>
      presentUser(
        actor,
        regions,
        r,
        roles.get(r.id) ?? [],
        (scopes.get(r.id) ?? []).map((e) => names.get(`${e.kind}:${e.code}`) ?? { ...e, name: e.code }),
      ),
    );
  }

  /**
   * The roles, home region, unit and scope given to an account must be valid, and within what the
   * administrator holds: nobody grants data they cannot see themselves.
   */
  private async assertAssignable(actor: Actor, input: UserCreateInput | UserUpdateInput): Promise<void> {
    const problems = roleAndScopeProblems(input.roles, input.scope);
    AppError.assertNoProblems(problems);
    if (!actor.scope.regions.has(input.regionCode))
      throw AppError.validation('regionCode', '所属区划不存在或超出您的管辖范围');
    if (input.unitCode && (await this.unitsInScope(actor, [input.unitCode])).size === 0) {
      throw AppError.validation('unitCode', '所属单位不存在或超出您的管辖范围');
    }
    await this.assertScopeEntries(actor, input.scope);
  }

  private async assertScopeEntries(actor: Actor, entries: ScopeEntry[]): Promise<void> {
    const unitCodes = entries.filter((e) => e.kind === 'unit').map((e) => e.code);
    const employerIds = entries.filter((e) => e.kind === 'employer').map((e) => e.code);
    const units = await this.unitsInScope(actor, unitCodes);
    const employers = await employersInScope(this.core.db, actor, employerIds);
    const providers = await providersInScope(
      this.core.db,
      actor,
      entries.filter((e) => e.kind === 'provider').map((e) => e.code),
    );
    for (const e of entries) {
      const ok =
        e.kind === 'region'
          ? actor.scope.regions.has(e.code) && !this.core.regions.get(e.code)?.replacedBy
          : e.kind === 'unit'
            ? units.has(e.code)
            : e.kind === 'employer'
              ? employers.has(e.code)
              : providers.has(e.code);
      if (!ok) throw AppError.validation('scope', `数据范围“${e.code}”不存在或超出您的管辖范围`);
    }
  }

  private async unitsInScope(actor: Actor, codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await this.core.db
      .select({ code: orgUnit.code })
      .from(orgUnit)
      .where(and(inArray(orgUnit.code, codes), scopeFilter(actor, { region: orgUnit.regionCode, unit: orgUnit.code })));
    return new Set(rows.map((r) => r.code));
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function employersInScope(db: Db, actor: Actor, ids: string[]): Promise<Set<string>> {
  const valid = ids.filter((id) => UUID.test(id));
  if (valid.length === 0) return new Set();
  const rows = await db
    .select({ id: employer.id })
    .from(employer)
    .where(
      and(inArray(employer.id, valid), scopeFilter(actor, { region: employer.countyCode, employer: employer.id })),
    );
  return new Set(rows.map((r) => r.id));
}

/** Organisations are in an administrator's scope by the county they are registered in. */
async function providersInScope(db: Db, actor: Actor, ids: string[]): Promise<Set<string>> {
  const valid = ids.filter((id) => UUID.test(id));
  if (valid.length === 0) return new Set();
  const rows = await db
    .select({ id: provider.id })
    .from(provider)
    .where(
      and(inArray(provider.id, valid), scopeFilter(actor, { region: provider.countyCode, provider: provider.id })),
    );
  return new Set(rows.map((r) => r.id));
}

/** Only the fields that changed, before and after, for the audit row. */
function diff(before: UserView, input: UserUpdateInput) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  const compare = {
    displayName: [before.displayName, input.displayName],
    email: [before.email, input.email],
    regionCode: [before.regionCode, input.regionCode],
    unitCode: [before.unitCode, input.unitCode],
    disabled: [before.disabled, input.disabled],
    roles: [[...before.roles].sort(), [...input.roles].sort()],
    scope: [
      before.scope.map((s) => `${s.kind}:${s.code}`).sort(),
      input.scope.map((s) => `${s.kind}:${s.code}`).sort(),
    ],
  } as const;
  for (const [key, [x, y]] of Object.entries(compare)) {
    if (JSON.stringify(x) !== JSON.stringify(y)) {
      b[key] = x;
      a[key] = y;
    }
  }
  return { before: b, after: a };
}
