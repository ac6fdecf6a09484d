import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestEnv, testApp } from '../../../test/harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await testApp();
});
afterAll(() => env.close());

describe('API conventions', () => {
  it('reports health with a database check', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('publishes an OpenAPI document generated from the schemas', async () => {
    const doc = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(
      doc.paths['/api/v1/users'].post.requestBody.content['application/json'].schema.properties.username,
    ).toBeDefined();
    expect(doc.paths['/api/v1/auth/login']).toBeDefined();
  });

  it('answers an unknown API path with a JSON error in Chinese', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: '接口不存在：GET /api/v1/nothing-here' });
  });

  it('sends security headers', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
