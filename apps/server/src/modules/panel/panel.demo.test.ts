import type { PanelAssignmentView, PanelDrawRecord, PanelPage, PanelVerifyResult, PanelView } from '@yufang/contracts';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type TestEnv, testApp } from '../../../test/harness.js';
import { seedDemoPanels } from '../../demo/panels.js';
import { DEMO_SEED } from '../../demo/seed.js';
import { expert } from '../expert/expert.schema.js';
import { beijingDate } from '../hazard/hazard.rules.js';
import { panel, panelCandidate, panelMember } from './panel.schema.js';

let env: TestEnv;
const today = beijingDate(new Date());
const DOMAINS = ['work_safety', 'injury_prevention', 'occupational_health', 'finance'];

beforeAll(async () => {
  env = await testApp();
  const db = env.core.db;
  const e01 = await login(env.app, 'expert01');
  // a pool of its own (the expert demo's experts, if any, step aside), expert01 linked to one of them
  await db.update(expert).set({ status: 'dismissed', userId: null });
  // and the demo panels drawn from them, if the full demo made any (the projects' own panels stay with their projects)
  const standalone = and(eq(panel.demo, true), isNull(panel.subjectRef));
  const old = db.select({ id: panel.id }).from(panel).where(standalone);
  await db.delete(panelMember).where(inArray(panelMember.panelId, old));
  await db.delete(panelCandidate).where(inArray(panelCandidate.panelId, old));
  await db.delete(panel).where(standalone);
  for (let i = 0; i < 16; i++) {
    const id = `35040219700101${String(i).padStart(4, '0')}`;
    await db.insert(expert).values({
      name: `演示测试专家${i}`,
      idCipher: env.core.pii.encrypt(id),
      idHash: env.core.pii.hash(id),
      idMasked: `${id.slice(0, 4)}**********${id.slice(-4)}`,
      phoneCipher: env.core.pii.encrypt('13900000000'),
      phoneMasked: '139****0000',
      workUnit: '测试单位',
      title: '高级工程师',
      domains: [DOMAINS[i % 4] as string, ...(i % 3 === 0 ? ['work_safety'] : [])],
      countyCode: '350404',
      status: 'appointed',
      termStart: '2024-01-01',
      termEnd: '2030-12-31',
      demo: true,
      ...(i === 5 ? { userId: e01.me.id } : {}),
    });
  }
});
afterAll(async () => {
  await env.close();
});

describe('demo panels', () => {
  it('seeds a settled panel, one with a replacement and one awaiting expert01, all verifiable', async () => {
    const started = Date.now();
    await seedDemoPanels(env.core.db, DEMO_SEED + 13, today);
    expect(Date.now() - started).toBeLessThan(3000);
    const city = await login(env.app, 'cityadmin');
    const page: PanelPage = (await city.get('/api/v1/panels')).json();
    // the demo projects' own review and acceptance panels (subject YF-…) are not this seed's
    const demo = page.items.filter((p) => p.demo && !p.subject.startsWith('YF-'));
    expect(demo).toHaveLength(3);
    const views: PanelView[] = await Promise.all(
      demo.map(async (p) => (await city.get(`/api/v1/panels/${p.id}`)).json()),
    );
    const settled = views.find((v) => v.status === 'concluded') as PanelView;
    expect(settled.settledFen).toBeGreaterThan(0);
    expect(settled.settleable).toBe(0);
    const replaced = views.find((v) => v.members.some((m) => m.round === 1)) as PanelView;
    expect(replaced.members.filter((m) => m.status === 'declined')).toHaveLength(1);
    for (const v of views) {
      const rec: PanelDrawRecord = (await city.get(`/api/v1/panels/${v.id}/record`)).json();
      const out: PanelVerifyResult = (
        await env.app.inject({ method: 'POST', url: '/api/v1/public/panel-draws/verify', payload: rec })
      ).json();
      expect(out.members.map((m) => `${m.expertId}:${m.round}`).sort()).toEqual(
        v.members.map((m) => `${m.expertId}:${m.round}`).sort(),
      );
    }
    const e01 = await login(env.app, 'expert01');
    const mine: PanelAssignmentView[] = (await e01.get('/api/v1/my-assignments')).json();
    expect(mine.some((a) => a.member.status === 'accepted' && a.panel.status === 'scoring')).toBe(true);
  });
});
