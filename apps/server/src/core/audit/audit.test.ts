import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type TestEnv, testApp } from '../../../test/harness.js';
import { auditLog } from '../db/schema.js';
import { auditHash, canonicalJson, GENESIS_HASH, recordAudit, verifyAuditChain } from './audit.js';

let env: TestEnv;
beforeAll(async () => {
  env = await testApp();
});
afterAll(() => env.close());

const someone = { userId: null, username: 'tester', roles: ['sys_admin'], ip: '127.0.0.1', requestId: 'r-1' };

describe('canonical JSON and the row hash', () => {
  it('sorts keys so a row read back from jsonb hashes the same', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
    const row = {
      at: new Date('2026-01-01T00:00:00.123Z'),
      userId: null,
      username: 'a',
      roles: [],
      action: 'x',
      objectType: null,
      objectId: null,
      changes: { b: 1, a: 2 },
      result: 'success',
      ip: null,
      requestId: null,
    };
    expect(auditHash(GENESIS_HASH, row)).toBe(auditHash(GENESIS_HASH, { ...row, changes: { a: 2, b: 1 } }));
    expect(auditHash(GENESIS_HASH, row)).not.toBe(auditHash(GENESIS_HASH, { ...row, action: 'y' }));
  });
});

describe('the audit trail', () => {
  it('records logins and failures with the source address', async () => {
    await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'cityadmin', password: 'wrong-one' },
    });
    const auditor = await login(env.app, 'auditadmin');
    const failures = (await auditor.get('/api/v1/audit?action=auth.login&result=failure')).json().items;
    expect(failures[0]).toMatchObject({ username: 'cityadmin', result: 'failure', ip: '127.0.0.1' });
  });

  it('is append-only: the database refuses updates and deletes', async () => {
    await expect(env.core.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(env.core.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });

  it('rolls back with the change it belongs to', async () => {
    const before = (await verifyAuditChain(env.core.db)).checked;
    await expect(
      env.core.db.transaction(async (tx) => {
        await recordAudit(tx, someone, { action: 'test.rolled-back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await verifyAuditChain(env.core.db)).checked).toBe(before);
  });

  it('finds the first tampered row', async () => {
    const db = env.core.db;
    for (let i = 0; i < 3; i++)
      await db.transaction((tx) => recordAudit(tx, someone, { action: `test.${i}`, changes: { i } }));
    const [row] = await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, 'test.1'));
    await db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await db.execute(sql`update audit_log set changes = '{"i": 99}' where action = 'test.1'`);
    await db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    const auditor = await login(env.app, 'auditadmin');
    const result = (await auditor.get('/api/v1/audit/verify')).json();
    expect(result).toMatchObject({ ok: false, firstBrokenId: String(row?.id) });
    expect(result.reason).toContain('篡改');
  });

  it('exports the filtered log to Excel with formula-like cells neutralised', async () => {
    const db = env.core.db;
    await db.transaction((tx) =>
      recordAudit(tx, { ...someone, username: '=HYPERLINK("x")' }, { action: 'test.export' }),
    );
    const auditor = await login(env.app, 'auditadmin');
    const res = await auditor.get('/api/v1/audit/export?action=test.export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('审计日志');
    expect(sheet?.getRow(1).getCell(3).value).toBe('用户');
    expect(sheet?.rowCount).toBe(2);
    expect(sheet?.getRow(2).getCell(3).value).toBe(`'=HYPERLINK("x")`);
    const logged = (await auditor.get('/api/v1/audit?action=audit.log.export')).json().items;
    expect(logged[0].username).toBe('auditadmin');
  });
});
