import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestEnv, testApp } from '../../../test/harness.js';
import { fundPayment } from '../fund/fund.schema.js';
import { providerOf } from './delivery.factory.js';
import { project, projectAcceptance, projectFlag } from './project.schema.js';

let env: TestEnv;
beforeAll(async () => {
  env = await testApp();
}, 120_000);
afterAll(async () => env?.close());

describe('demo delivery', () => {
  it('advances the contracted demo projects into every delivery state, keeping the journey project contracted', async () => {
    const providerId = await providerOf(env.core.db, 'provider01');
    const rows = await env.core.db
      .select({
        id: project.id,
        year: project.year,
        status: project.status,
        type: project.type,
        impl: project.implementerProviderId,
      })
      .from(project)
      .where(
        and(
          eq(project.demo, true),
          inArray(project.status, ['contracted', 'in_progress', 'rectifying', 'terminated', 'balance_paid', 'closed']),
        ),
      );
    const statuses = rows.map((r) => r.status);
    expect(statuses).toEqual(
      expect.arrayContaining(['closed', 'balance_paid', 'terminated', 'rectifying', 'in_progress']),
    );
    const journey = rows.filter(
      (r) => r.status === 'contracted' && r.year === 2026 && r.type === 'training' && r.impl === providerId,
    );
    expect(journey).toHaveLength(1);
    const terminated = rows.find((r) => r.status === 'terminated');
    const failed = await env.core.db
      .select()
      .from(projectAcceptance)
      .where(and(eq(projectAcceptance.projectId, terminated?.id as string), eq(projectAcceptance.outcome, 'failed')));
    expect(failed).toHaveLength(1);
    const recovery = await env.core.db.select().from(fundPayment).where(eq(fundPayment.kind, 'recovery'));
    expect(recovery.length).toBeGreaterThanOrEqual(1);
    const flags = await env.core.db.select().from(projectFlag).where(eq(projectFlag.status, 'open'));
    expect(flags.map((f) => f.rule)).toEqual(expect.arrayContaining(['over_capacity', 'shared_trainees']));
  }, 120_000);
});
