import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type TestEnv, testApp } from '../../../test/harness.js';
import { appUser, session } from '../../core/db/schema.js';

let env: TestEnv;
beforeAll(async () => {
  env = await testApp();
});
afterAll(() => env.close());

const attempt = (username: string, password: string) =>
  env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('login', () => {
  it('signs in a demo account and returns roles, permissions and scope', async () => {
    const s = await login(env.app, 'cityadmin');
    expect(s.me.roles).toEqual(['city_admin']);
    expect(s.me.scope).toEqual([{ kind: 'region', code: '350400', name: '三明市' }]);
    const cookie = (await attempt('cityadmin', 'Sanming@2026')).cookies.find((c) => c.name === 'yf_sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await attempt('nobody-here', 'Whatever@123');
    const wrong = await attempt('taining', 'Whatever@123');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().message).toBe('用户名或密码错误');
    expect(wrong.json().message).toBe(unknown.json().message);
  });

  it('locks a name after 5 failures, even for the right password, whether or not it exists', async () => {
    for (let i = 1; i <= 4; i++) expect((await attempt('jianning', 'bad-password')).statusCode).toBe(401);
    const fifth = await attempt('jianning', 'bad-password');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().message).toContain('账户已锁定');
    expect((await attempt('jianning', 'Sanming@2026')).statusCode).toBe(423);
    for (let i = 1; i <= 5; i++) await attempt('ghost-user', 'bad-password');
    expect((await attempt('ghost-user', 'bad-password')).json().message).toBe(
      (await attempt('jianning', 'bad-password')).json().message,
    );
  });

  it('lets the security administrator unlock a locked account', async () => {
    const sec = await login(env.app, 'secadmin');
    const list = (await sec.get('/api/v1/users?q=jianning')).json();
    const user = list.items[0];
    expect(user.lockedUntil).not.toBeNull();
    expect(user.can.unlock).toBe(true);
    const unlocked = await sec.post(`/api/v1/users/${user.id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json().lockedUntil).toBeNull();
    expect((await attempt('jianning', 'Sanming@2026')).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('logout invalidates the session on the server', async () => {
    const s = await login(env.app, 'youxi');
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await s.post('/api/v1/auth/logout')).statusCode).toBe(204);
    const after = await s.get('/api/v1/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
  });

  it('ends a session idle for longer than 30 minutes', async () => {
    const s = await login(env.app, 'datian');
    await env.core.db
      .update(session)
      .set({ lastSeenAt: sql`now() - interval '31 minutes'` })
      .where(eq(session.userId, s.me.id));
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('does not count a background poll as activity', async () => {
    const s = await login(env.app, 'ninghua');
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    await env.core.db.update(session).set({ lastSeenAt: tenMinutesAgo }).where(eq(session.userId, s.me.id));
    const poll = await env.app.inject({
      method: 'GET',
      url: '/api/v1/notifications?unread=true&limit=1',
      headers: { cookie: s.cookie, 'x-yf-background': '1' },
    });
    expect(poll.statusCode).toBe(200);
    const [row] = await env.core.db.select().from(session).where(eq(session.userId, s.me.id));
    expect(row?.lastSeenAt).toEqual(tenMinutesAgo);
    await s.get('/api/v1/auth/me');
    const [touched] = await env.core.db.select().from(session).where(eq(session.userId, s.me.id));
    expect(touched?.lastSeenAt.getTime()).toBeGreaterThan(tenMinutesAgo.getTime());
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const s = await login(env.app, 'sysadmin');
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('x-csrf-token');
  });
});

describe('initial and expired passwords', () => {
  it('forces a new account to change its initial password before anything else', async () => {
    const admin = await login(env.app, 'sysadmin');
    const created = await admin.post('/api/v1/users', {
      username: 'ninghua2',
      displayName: '宁化新同事',
      regionCode: '350424',
      roles: ['county_officer'],
      scope: [{ kind: 'region', code: '350424' }],
    });
    expect(created.statusCode).toBe(201);
    const { initialPassword } = created.json();
    const s = await login(env.app, 'ninghua2', initialPassword);
    expect(s.me.mustChangePassword).toBe(true);
    expect(s.me.passwordChangeReason).toBe('initial');
    const blocked = await s.get('/api/v1/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');

    const weak = await s.post('/api/v1/auth/password', { currentPassword: initialPassword, newPassword: 'abc' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toMatch(/^新密码：密码长度至少 8 位/);
    expect(weak.json().fields[0].field).toBe('newPassword');

    const changed = await s.post('/api/v1/auth/password', {
      currentPassword: initialPassword,
      newPassword: 'Ninghua#2027x',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().mustChangePassword).toBe(false);
    expect((await s.get('/api/v1/users')).statusCode).toBe(200);
  });

  it('asks for a change once the password is older than the policy allows', async () => {
    await env.core.db
      .update(appUser)
      .set({ passwordChangedAt: sql`now() - interval '91 days'` })
      .where(eq(appUser.username, 'qingliu'));
    const s = await login(env.app, 'qingliu');
    expect(s.me.passwordChangeReason).toBe('expired');
  });
});
