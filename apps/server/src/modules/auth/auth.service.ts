import { type ChangePasswordInput, type LoginInput, type MeView, passwordProblems } from '@yufang/contracts';
import { and, eq, ne, sql } from 'drizzle-orm';
import { recordAudit, recordAuditEvent } from '../../core/audit/audit.js';
import type { Actor, AuditActor } from '../../core/auth/actor.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../core/auth/password.js';
import { loadActor, type RequestMeta } from '../../core/auth/resolve.js';
import { createSession, destroySession } from '../../core/auth/sessions.js';
import { nameScopeEntries } from '../../core/authz/scope-names.js';
import type { Core } from '../../core/context.js';
import { appUser, loginThrottle, session } from '../../core/db/schema.js';
import { AppError } from '../../core/http/errors.js';
import { isSeeded } from '../../demo/seed.js';
import { nextThrottle } from './lockout.js';

const BAD_CREDENTIALS = '用户名或密码错误';

export class AuthService {
  private demoInstallation: Promise<boolean> | null = null;

  constructor(private readonly core: Core) {}

  private isDemoInstallation(): Promise<boolean> {
    if (!this.demoInstallation) this.demoInstallation = isSeeded(this.core.db);
    return this.demoInstallation;
  }

  /**
   * Signs a user in. Failures are counted per user name whether or not the account exists, and the answer
   * is the same either way; after the policy's threshold the name is locked for the policy's minutes.
   */
  async login(
    input: LoginInput,
    meta: RequestMeta & { userAgent: string | null },
  ): Promise<{ token: string; actor: Actor }> {
    const { db } = this.core;
    const policy = await this.core.policies.current();
    const key = input.username.trim().toLowerCase();
    const anonymous: AuditActor = { userId: null, username: input.username.trim(), roles: [], ...meta };
    const now = new Date();
    const [throttle] = await db.select().from(loginThrottle).where(eq(loginThrottle.usernameKey, key));
    if (throttle?.lockedUntil && throttle.lockedUntil > now) {
      await recordAuditEvent(db, anonymous, { action: 'auth.login', result: 'failure', changes: { reason: 'locked' } });
      throw lockedError(throttle.lockedUntil, now);
    }
    const [user] = await db.select().from(appUser).where(sql`lower(${appUser.username}) = ${key}`);
    const passwordOk = user
      ? await verifyPassword(user.passwordHash, input.password)
      : await burnPasswordCheck(input.password).then(() => false);
    if (!user || !passwordOk || user.disabled) {
      const next = nextThrottle(throttle ?? null, now, policy);
      await db.transaction(async (tx) => {
        await tx
          .insert(loginThrottle)
          .values({ usernameKey: key, ...next })
          .onConflictDoUpdate({ target: loginThrottle.usernameKey, set: next });
        const who = user ? { ...anonymous, userId: user.id } : anonymous;
        await recordAudit(tx, who, {
          action: 'auth.login',
          result: 'failure',
          changes: { reason: 'bad_credentials', failures: next.failures, locked: next.lockedUntil !== null },
        });
      });
      if (next.lockedUntil) throw lockedError(next.lockedUntil, now);
      throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
    }
    const created = await createSession(db, user.id, meta.ip, meta.userAgent);
    const actor = await loadActor(db, this.core.regions, user, created, policy.passwordMaxAgeDays, meta);
    await db.transaction(async (tx) => {
      await tx.delete(loginThrottle).where(eq(loginThrottle.usernameKey, key));
      await tx.update(appUser).set({ lastLoginAt: now }).where(eq(appUser.id, user.id));
      await recordAudit(tx, actor, { action: 'auth.login', objectType: 'user', objectId: user.id });
    });
    return { token: created.token, actor };
  }

  async logout(actor: Actor): Promise<void> {
    await destroySession(this.core.db, actor.sessionIdHash);
    await recordAuditEvent(this.core.db, actor, { action: 'auth.logout', objectType: 'user', objectId: actor.userId });
  }

  /** Changes the caller's password; other sessions of the account are ended, this one stays. */
  async changePassword(actor: Actor, input: ChangePasswordInput): Promise<Actor> {
    const { db } = this.core;
    const policy = await this.core.policies.current();
    const [user] = await db.select().from(appUser).where(eq(appUser.id, actor.userId));
    if (!user) throw AppError.unauthenticated();
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      await recordAuditEvent(db, actor, {
        action: 'auth.password.change',
        objectType: 'user',
        objectId: user.id,
        result: 'failure',
      });
      throw AppError.validation('currentPassword', '当前密码不正确');
    }
    const problems = passwordProblems(input.newPassword, user.username, policy);
    if (input.newPassword === input.currentPassword) problems.push('新密码不能与当前密码相同');
    if (problems.length) {
      throw new AppError(
        'VALIDATION',
        `新密码：${problems.join('；')}`,
        problems.map((message) => ({ field: 'newPassword', message })),
      );
    }
    const passwordHash = await hashPassword(input.newPassword);
    const updated = await db.transaction(async (tx) => {
      const [row] = await tx
        .update(appUser)
        .set({
          passwordHash,
          mustChangePassword: false,
          passwordChangedAt: new Date(),
          version: sql`${appUser.version} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(appUser.id, user.id))
        .returning();
      await tx.delete(session).where(and(eq(session.userId, user.id), ne(session.idHash, actor.sessionIdHash)));
      await recordAudit(tx, actor, {
        action: 'auth.password.change',
        objectType: 'user',
        objectId: user.id,
        changes: { before: { mustChangePassword: user.mustChangePassword }, after: { mustChangePassword: false } },
      });
      return row;
    });
    if (!updated) throw AppError.unauthenticated();
    return loadActor(
      db,
      this.core.regions,
      updated,
      { idHash: actor.sessionIdHash, csrfToken: actor.csrfToken },
      policy.passwordMaxAgeDays,
      actor,
    );
  }

  async me(actor: Actor): Promise<MeView> {
    const policy = await this.core.policies.current();
    return {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      roles: actor.roles,
      permissions: [...actor.permissions].sort(),
      scope: await nameScopeEntries(this.core.db, this.core.regions, actor.scope.entries),
      mustChangePassword: actor.passwordChangeReason !== null,
      passwordChangeReason: actor.passwordChangeReason,
      csrfToken: actor.csrfToken,
      idleTimeoutMinutes: policy.idleTimeoutMinutes,
      // the whole installation holds generated demo data, whoever is signed in
      demo: actor.demo || (await this.isDemoInstallation()),
    };
  }
}

function lockedError(until: Date, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError('LOCKED', `登录失败次数过多，账户已锁定，请 ${minutes} 分钟后再试或联系安全管理员解锁`);
}
