import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';

let env: TestEnv;
let admin: Session;
beforeAll(async () => {
  env = await testApp();
  admin = await login(env.app, 'sysadmin');
});
afterAll(() => env.close());

const newOfficer = (username: string, county: string) => ({
  username,
  displayName: '新建经办员',
  email: `${username}@example.cn`,
  regionCode: county,
  roles: ['county_officer'],
  scope: [{ kind: 'region', code: county }],
});

describe('user administration and county scope', () => {
  it('an administrator creates a county officer who then sees only their own county', async () => {
    const created = await admin.post('/api/v1/users', newOfficer('mingxi-new', '350421'));
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.user).toMatchObject({ username: 'mingxi-new', regionName: '明溪县', mustChangePassword: true });
    expect(body.initialPassword).toMatch(/^.{12}$/);

    const officer = await login(env.app, 'mingxi-new', body.initialPassword);
    await officer.post('/api/v1/auth/password', { currentPassword: body.initialPassword, newPassword: 'Mingxi#2026a' });

    const list = (await officer.get('/api/v1/users?limit=200')).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(new Set(list.items.map((u: { regionCode: string }) => u.regionCode))).toEqual(new Set(['350421']));

    const others = (await admin.get('/api/v1/users?q=youxi')).json().items;
    const youxi = others.find((u: { username: string }) => u.username === 'youxi');
    const peek = await officer.get(`/api/v1/users/${youxi.id}`);
    expect(peek.statusCode).toBe(404);
    expect(peek.json().code).toBe('NOT_FOUND');

    const filtered = (await officer.get('/api/v1/users?regionCode=350426')).json();
    expect(filtered.items).toEqual([]);

    const regions = (await officer.get('/api/v1/org/regions')).json().map((r: { code: string }) => r.code);
    expect(regions).toEqual(['350000', '350400', '350421']);
    const employers = (await officer.get('/api/v1/org/employers')).json();
    expect(employers.length).toBe(3);
    expect(employers.every((e: { countyCode: string }) => e.countyCode === '350421')).toBe(true);
  });

  it('pages with a keyset cursor without repeating or skipping anyone', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { username: string }[]; nextCursor: string | null } = (
        await admin.get(`/api/v1/users?limit=5${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((u) => u.username));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort());
    expect(seen.length).toBeGreaterThanOrEqual(23);
    expect((await admin.get('/api/v1/users?cursor=not-a-cursor')).json().message).toContain('翻页标记');
  });

  it('names the field and the rule when input is invalid', async () => {
    const res = await admin.post('/api/v1/users', { ...newOfficer('ab', '350421'), displayName: '' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION');
    expect(body.fields).toEqual(
      expect.arrayContaining([
        { field: 'username', message: '用户名至少 3 个字符' },
        { field: 'displayName', message: '请输入姓名' },
      ]),
    );
    const dup = await admin.post('/api/v1/users', newOfficer('YOUXI', '350426'));
    expect(dup.statusCode).toBe(400);
    expect(dup.json().message).toBe('用户名：“YOUXI”已被使用');
  });

  it('keeps the three administrators separate and scope-bound roles scoped', async () => {
    const both = await admin.post('/api/v1/users', {
      ...newOfficer('mixed-admin', '350400'),
      roles: ['sys_admin', 'audit_admin'],
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().message).toContain('三权分立');
    const noScope = await admin.post('/api/v1/users', { ...newOfficer('noscope', '350421'), scope: [] });
    expect(noScope.json().message).toContain('需要至少一个区划范围');
  });

  it('refuses to grant scope outside the administrator’s own', async () => {
    const officer = await login(env.app, 'sanyuan');
    expect((await officer.post('/api/v1/users', newOfficer('x-officer', '350404'))).statusCode).toBe(403);
    const res = await admin.post('/api/v1/users', {
      ...newOfficer('fj-officer', '350421'),
      scope: [{ kind: 'region', code: '350000' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('scope');
    const retired = await admin.post('/api/v1/users', {
      ...newOfficer('ml-officer', '350421'),
      scope: [{ kind: 'region', code: '350402' }],
    });
    expect(retired.statusCode).toBe(400);
  });

  it('answers a stale edit with a conflict, not a silent overwrite', async () => {
    const user = (await admin.get('/api/v1/users?q=taining')).json().items[0];
    const edit = { ...user, displayName: '泰宁县经办员（改）', disabled: false, version: user.version };
    const first = await admin.put(`/api/v1/users/${user.id}`, edit);
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(user.version + 1);
    const stale = await admin.put(`/api/v1/users/${user.id}`, { ...edit, displayName: '别人的修改' });
    expect(stale.statusCode).toBe(409);
    expect((await admin.get(`/api/v1/users/${user.id}`)).json().displayName).toBe('泰宁县经办员（改）');
  });

  it('disabling an account ends its sessions; resetting a password forces a change', async () => {
    const target = await login(env.app, 'jiangle');
    const user = (await admin.get('/api/v1/users?q=jiangle')).json().items[0];
    const disabled = await admin.put(`/api/v1/users/${user.id}`, { ...user, disabled: true });
    expect(disabled.statusCode).toBe(200);
    expect((await target.get('/api/v1/auth/me')).statusCode).toBe(401);
    const reset = await admin.post(`/api/v1/users/${user.id}/reset-password`);
    expect(reset.json().user.mustChangePassword).toBe(true);
  });

  it('writes an audit row for each change, and the chain verifies', async () => {
    const auditor = await login(env.app, 'auditadmin');
    const rows = (await auditor.get('/api/v1/audit?objectType=user&limit=200')).json().items;
    const actions = rows.map((r: { action: string }) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(['system.user.create', 'system.user.update', 'system.user.reset_password']),
    );
    const update = rows.find(
      (r: { action: string; changes: { after?: { displayName?: string } } }) =>
        r.action === 'system.user.update' && r.changes.after?.displayName,
    );
    expect(update.changes).toEqual({
      before: { displayName: '泰宁县经办员' },
      after: { displayName: '泰宁县经办员（改）' },
    });
    expect(update.username).toBe('sysadmin');
    expect(update.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const verify = (await auditor.get('/api/v1/audit/verify')).json();
    expect(verify).toMatchObject({ ok: true, firstBrokenId: null });
    expect(verify.checked).toBeGreaterThan(10);
  });
});
