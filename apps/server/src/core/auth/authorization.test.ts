import { ROLES } from '@yufang/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type TestEnv, testApp } from '../../../test/harness.js';
import { DEMO_ACCOUNTS } from '../../demo/accounts.js';

let env: TestEnv;
beforeAll(async () => {
  env = await testApp();
});
afterAll(() => env.close());

const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';
const concrete = (url: string) => url.replace(/:id\b/g, SAMPLE_ID);

describe('authorisation matrix over every API route', () => {
  it('every /api route declares its access', () => {
    expect(env.app.apiRoutes.length).toBeGreaterThan(15);
    for (const r of env.app.apiRoutes) expect(r.access, `${r.method} ${r.url}`).toBeTruthy();
  });

  it('refuses every non-public route without a session', async () => {
    for (const r of env.app.apiRoutes.filter((x) => x.access !== 'public')) {
      const res = await env.app.inject({ method: r.method as 'GET', url: concrete(r.url) });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('refuses each permission-guarded route to every role that lacks the permission', async () => {
    for (const role of ROLES) {
      const account = DEMO_ACCOUNTS.find((a) => a.roles.includes(role.code));
      if (!account) throw new Error(`no demo account for ${role.code}`);
      const s = await login(env.app, account.username);
      for (const r of env.app.apiRoutes) {
        if (r.access === 'public' || r.access === 'authenticated') continue;
        if (r.access === 'exchange-token') {
          // a session never opens a token route: only `Authorization: Bearer <exchange token>` does
          const res = await env.app.inject({
            method: r.method as 'GET',
            url: concrete(r.url),
            headers: { cookie: s.cookie, 'x-csrf-token': s.me.csrfToken },
          });
          expect(res.statusCode, `${role.code} ${r.method} ${r.url}`).toBe(401);
          continue;
        }
        if ((role.permissions as readonly string[]).includes(r.access)) continue;
        const res = await env.app.inject({
          method: r.method as 'GET',
          url: concrete(r.url),
          headers: { cookie: s.cookie, 'x-csrf-token': s.me.csrfToken },
        });
        expect(res.statusCode, `${role.code} ${r.method} ${r.url}`).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      }
    }
  });

  it('never answers malformed input with a server error', async () => {
    const s = await login(env.app, 'sysadmin');
    const junk = [{}, { username: 1 }, 'not json', { roles: 'x', scope: null }, []];
    for (const r of env.app.apiRoutes.filter((x) => x.method !== 'GET')) {
      for (const body of junk) {
        const res = await env.app.inject({
          method: r.method as 'POST',
          url: concrete(r.url),
          headers: { cookie: s.cookie, 'x-csrf-token': s.me.csrfToken, 'content-type': 'application/json' },
          payload: typeof body === 'string' ? body : JSON.stringify(body),
        });
        expect(res.statusCode, `${r.method} ${r.url} ${JSON.stringify(body)}`).toBeLessThan(500);
      }
    }
  });
});
