import type { MonitoringDetail, MonitoringPage } from '@yufang/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { employer } from '../../core/db/schema.js';
import { employerHeadcount } from '../employer/employer.schema.js';
import { beijingDate } from '../hazard/hazard.rules.js';
import { exitReasonFor, monthsBefore, underInsured } from './monitoring.criteria.js';
import { monitoringEntry } from './monitoring.schema.js';
import { runSweep } from './monitoring.sweep.js';

let env: TestEnv;
let city: Session;
let yongan: Session;
let sanyuan: Session;
let company: Session;
let yonganCode: string;
let target: string;
const today = beijingDate(new Date());

beforeAll(async () => {
  env = await testApp();
  city = await login(env.app, 'cityadmin');
  yongan = await login(env.app, 'yongan');
  sanyuan = await login(env.app, 'sanyuan');
  company = await login(env.app, 'employer01');
  yonganCode = yongan.me.scope.find((s) => s.kind === 'region')?.code ?? '';
  const [emp] = await env.core.db
    .select({ id: employer.id })
    .from(employer)
    .where(eq(employer.countyCode, yonganCode))
    .orderBy(employer.name)
    .limit(1);
  target = emp?.id ?? '';
});
afterAll(() => env.close());

const sweep = (day: string) => runSweep(env.core.db, env.core.regions, day);
const active = (reason: string) =>
  env.core.db
    .select()
    .from(monitoringEntry)
    .where(and(eq(monitoringEntry.employerId, target), eq(monitoringEntry.reason, reason as 'uninsured')));

describe('criteria', () => {
  it('the demo seed leaves entries for several reasons, follow-ups and one exit', async () => {
    const rows = await env.core.db.select().from(monitoringEntry);
    expect(new Set(rows.map((r) => r.reason)).size).toBeGreaterThanOrEqual(2);
    expect(rows.some((r) => r.status === 'exited')).toBe(true);
    expect(rows.every((r) => r.demo)).toBe(true);
  });

  it('pure helpers', () => {
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-01-15', 12)).toBe('2025-01-15');
    expect(underInsured(50, 44, 10)).toBe(true);
    expect(underInsured(50, 45, 10)).toBe(false);
    expect(
      exitReasonFor(
        'under_insured',
        { workforce: 50, insured: 50, insuranceStatus: 'insured' },
        {
          underInsuredMarginPct: 10,
          seriousMinCount: 2,
          seriousMonths: 12,
          overdueDays: 30,
        },
      ),
    ).toBe('条件已消除：已全员参保（职工 50 人、参保 50 人）');
  });

  it('an uninsured employer enters with its figures and exits when insured', async () => {
    await env.core.db
      .update(employer)
      .set({ insuranceStatus: 'uninsured', workforce: 50 })
      .where(eq(employer.id, target));
    const first = await sweep(today);
    expect(first.entered).toBeGreaterThan(0);
    const [entry] = (await active('uninsured')).filter((e) => e.status === 'active');
    expect(entry?.detail).toBe('未参加工伤保险，职工 50 人');
    expect(entry?.source).toBe('system');
    expect(entry?.enteredOn).toBe(today);
    // idempotent
    const again = await sweep(today);
    expect(again).toMatchObject({ entered: 0, exited: 0 });

    // insured, but only 10 of 50: leaves uninsured, enters under_insured
    await env.core.db.update(employer).set({ insuranceStatus: 'insured' }).where(eq(employer.id, target));
    await env.core.db
      .insert(employerHeadcount)
      .values({ employerId: target, month: '2099-01-01', insuredCount: 10, payrollFen: 0 })
      .onConflictDoNothing();
    const second = await sweep(today);
    expect(second.exited).toBeGreaterThanOrEqual(1);
    const [gone] = await active('uninsured');
    expect(gone?.status).toBe('exited');
    expect(gone?.exitReason).toBe('条件已消除：已办理参保（职工 50 人、参保 10 人）');
    const [under] = (await active('under_insured')).filter((e) => e.status === 'active');
    expect(under?.detail).toContain('职工 50 人、参保 10 人');

    await env.core.db
      .update(employerHeadcount)
      .set({ insuredCount: 50 })
      .where(and(eq(employerHeadcount.employerId, target), eq(employerHeadcount.month, '2099-01-01')));
    await sweep(today);
    const [cleared] = await active('under_insured');
    expect(cleared?.status).toBe('exited');
    expect(cleared?.exitReason).toBe('条件已消除：已全员参保（职工 50 人、参保 50 人）');
  });
});

describe('routes', () => {
  let id: string;
  let version: number;

  it('only the city admin sweeps; others get 403', async () => {
    expect((await city.post('/api/v1/monitoring/sweep')).statusCode).toBe(200);
    expect((await yongan.post('/api/v1/monitoring/sweep')).statusCode).toBe(403);
    expect((await company.get('/api/v1/monitoring')).statusCode).toBe(403);
  });

  it('adds by hand with a reason, and validates', async () => {
    const bad = await yongan.post('/api/v1/monitoring', { employerId: target, reason: 'manual', detail: ' ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('列入理由');
    const res = await yongan.post('/api/v1/monitoring', {
      employerId: target,
      reason: 'manual',
      detail: '群众举报未落实安全培训',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json() as MonitoringDetail;
    expect(body).toMatchObject({ source: 'officer', status: 'active', reason: 'manual' });
    id = body.id;
    version = body.version;
    const dup = await yongan.post('/api/v1/monitoring', { employerId: target, reason: 'manual', detail: '重复' });
    expect(dup.statusCode).toBe(400);
  });

  it('lists with filters and counts', async () => {
    const page = (await yongan.get('/api/v1/monitoring?reason=manual')).json() as MonitoringPage;
    expect(page.items.some((e) => e.id === id)).toBe(true);
    expect(page.items.every((e) => e.countyCode === yonganCode)).toBe(true);
    const counts = (await yongan.get('/api/v1/monitoring/counts')).json();
    expect(counts.total).toBeGreaterThan(0);
    const xlsx = await yongan.get('/api/v1/monitoring/export');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('follow-ups with version checks', async () => {
    const ok = await yongan.post(`/api/v1/monitoring/${id}/actions`, { version, kind: 'visit', note: '上门走访' });
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as MonitoringDetail).actions).toHaveLength(1);
    const stale = await yongan.post(`/api/v1/monitoring/${id}/actions`, { version, kind: 'note', note: '再次' });
    expect(stale.statusCode).toBe(409);
    version = (ok.json() as MonitoringDetail).version;
    const opts = (await yongan.get('/api/v1/monitoring/options')).json();
    const owner = opts.owners.find((o: { countyCode: string }) => o.countyCode === yonganCode);
    const set = await yongan.post(`/api/v1/monitoring/${id}/owner`, { version, ownerId: owner.id });
    expect(set.statusCode).toBe(200);
    version = (set.json() as MonitoringDetail).version;
  });

  it('a county officer cannot see or act on another county', async () => {
    expect((await sanyuan.get(`/api/v1/monitoring/${id}`)).statusCode).toBe(404);
    expect((await sanyuan.post(`/api/v1/monitoring/${id}/exit`, { version, reason: '越权' })).statusCode).toBe(404);
    const page = (await sanyuan.get('/api/v1/monitoring?limit=200')).json() as MonitoringPage;
    expect(page.items.some((e) => e.countyCode === yonganCode)).toBe(false);
    const add = await sanyuan.post('/api/v1/monitoring', { employerId: target, detail: '越权列入' });
    expect(add.statusCode).toBe(400);
  });

  it('exits with a required reason', async () => {
    const bad = await yongan.post(`/api/v1/monitoring/${id}/exit`, { version, reason: '' });
    expect(bad.statusCode).toBe(400);
    const ok = await yongan.post(`/api/v1/monitoring/${id}/exit`, { version, reason: '已整改到位' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'exited', exitReason: '已整改到位' });
    const audits = await env.core.db.execute(
      sql`select count(*)::int as n from audit_log where action like 'monitoring.%'`,
    );
    expect(audits).toBeTruthy();
  });
});
