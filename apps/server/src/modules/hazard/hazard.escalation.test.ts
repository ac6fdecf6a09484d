import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HazardDetail } from '@yufang/contracts';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { emailOutbox, notification } from '../../core/db/schema.js';
import { runEscalation } from './hazard.escalation.js';
import { addDays, beijingDate } from './hazard.rules.js';
import { hazardEvent } from './hazard.schema.js';
import { HazardService } from './hazard.service.js';

let env: TestEnv;
let dataDir: string;
let yingji: Session;
let company: Session;
let yongan: Session;
let city: Session;
let h: HazardDetail;
let now = new Date();
const start = new Date();
const today = beijingDate(start);
const at = (days: number) => new Date(start.getTime() + days * 86_400_000);

beforeAll(async () => {
  // evidence files go to the data folder: a temporary one per test file
  dataDir = await mkdtemp(path.join(tmpdir(), 'yufang-hazard-'));
  env = await testApp({ env: { YUFANG_DATA_DIR: dataDir } });
  yingji = await login(env.app, 'yingji');
  company = await login(env.app, 'employer01');
  yongan = await login(env.app, 'yongan');
  city = await login(env.app, 'cityadmin');
  const employerId = company.me.scope.find((s) => s.kind === 'employer')?.code;
  const res = await yingji.post('/api/v1/hazards', {
    employerId,
    category: 'exposure',
    hazardFactor: '噪声',
    level: 'general',
    description: '冲压工位噪声超标',
    location: '冲压车间',
    foundOn: today,
    responsibleUnitCode: 'wjw',
  });
  expect(res.statusCode).toBe(201);
  h = res.json();
});
afterAll(async () => {
  await env.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function notices(session: Session, title: string) {
  return env.core.db
    .select()
    .from(notification)
    .where(and(eq(notification.userId, session.me.id), like(notification.title, `%${title}%${h.hazardNo}%`)));
}

async function steps() {
  const rows = await env.core.db.select().from(hazardEvent).where(eq(hazardEvent.hazardId, h.id));
  return rows.map((r) => r.action).filter((a) => a.startsWith('escalate.'));
}

describe('overdue escalation with a controllable clock', () => {
  // the demo hazards escalate too when the clock moves: count this hazard's new steps only
  const sweep = async () => {
    const before = (await steps()).length;
    await new HazardService(env.core, () => now).sweep();
    return (await steps()).length - before;
  };

  it('general hazard: deadline 30 days after it was found', () => {
    expect(h.deadline).toBe(addDays(today, 30));
  });

  it('finds nothing to do on the seed day: the demo hazards are escalated as far as the ladder goes today', async () => {
    expect(await runEscalation(env.core, new Date())).toBe(0);
  });

  it('climbs the ladder one step on each due day, notifying each step once', async () => {
    now = at(22);
    expect(await sweep()).toBe(0);
    now = at(23); // 7 days before the deadline
    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0);
    expect(await notices(company, '即将到期')).toHaveLength(1);
    expect(await notices(yongan, '即将到期')).toHaveLength(0);
    const detail = (await yongan.get(`/api/v1/hazards/${h.id}`)).json() as HazardDetail;
    expect(detail.escalation).toBe('reminded');

    now = at(30); // the deadline day
    expect(await sweep()).toBe(1);
    expect(await notices(yongan, '县级督办')).toHaveLength(1);
    expect(await notices(company, '县级督办')).toHaveLength(1);
    expect(await notices(city, '县级督办')).toHaveLength(0);

    now = at(36);
    expect(await sweep()).toBe(0);
    now = at(37);
    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0);
    expect(await notices(city, '市级督办')).toHaveLength(1);

    now = at(60);
    expect(await sweep()).toBe(1);
    expect(await notices(city, '联席会议')).toHaveLength(1);
    now = at(75);
    expect(await sweep()).toBe(1);
    now = at(200);
    expect(await sweep()).toBe(0);
    expect(await steps()).toEqual([
      'escalate.reminded',
      'escalate.county',
      'escalate.city',
      'escalate.joint_meeting',
      'escalate.enforcement',
    ]);
    const after = (await yongan.get(`/api/v1/hazards/${h.id}`)).json() as HazardDetail;
    expect(after).toMatchObject({ escalation: 'enforcement', status: 'notified' });
    // the responsible department (卫健委) hears of the enforcement recommendation, by e-mail too
    const mails = await env.core.db
      .select()
      .from(emailOutbox)
      .where(like(emailOutbox.subject, `建议依法处理：${h.hazardNo}`));
    expect(mails.map((m) => m.toAddress)).toContain('weijian@demo.yufang.local');
  });

  it('runs as the scheduled job hazard.escalation once per slot', async () => {
    const ran = await env.core.scheduler.tick(new Date());
    expect(ran).toContain('hazard.escalation');
    expect(await env.core.scheduler.tick(new Date())).not.toContain('hazard.escalation');
  });
});
