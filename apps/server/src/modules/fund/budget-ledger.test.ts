import { CITY_CODE } from '@yufang/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import type { Database } from '../../core/db/index.js';
import { project, projectCall } from '../project/project.schema.js';
import { commitContract, earmark, postPayment, releaseCommitment } from './budget-ledger.js';
import { fundPayment, preventionBudget } from './fund.schema.js';

let database: Database;
const actor = { userId: null as unknown as string, displayName: '测试' };
const projects: string[] = [];

async function line() {
  const [row] = await database.db
    .select()
    .from(preventionBudget)
    .where(and(eq(preventionBudget.regionCode, CITY_CODE), eq(preventionBudget.year, 2030)));
  return row as typeof preventionBudget.$inferSelect;
}

beforeAll(async () => {
  database = await testDatabase();
  const { db } = database;
  await db.insert(preventionBudget).values({
    regionCode: CITY_CODE,
    year: 2030,
    baseIncomeFen: 100_000_000,
    baseSpendingFen: 90_000_000,
    deficit: false,
    capRateBp: 300,
    capFen: 3_000_000,
    capBasis: '测试',
    budgetFen: 1_000_000,
    setByName: '测试',
  });
  const [call] = await db
    .insert(projectCall)
    .values({
      regionCode: CITY_CODE,
      year: 2030,
      title: '测试指南',
      keyAreas: ['建筑施工'],
      types: ['training'],
      guide: '测试',
      opensOn: '2030-01-01',
      deadline: '2030-03-31',
      status: 'open',
    })
    .returning({ id: projectCall.id });
  for (let i = 0; i < 3; i++) {
    const [p] = await db
      .insert(project)
      .values({
        callId: (call as { id: string }).id,
        year: 2030,
        countyCode: '350404',
        applicantKind: 'unit',
        applicantUnitCode: 'yjj',
        applicantName: '市应急局',
        title: `测试项目${i}`,
        type: 'training',
        content: '测试',
        targetGroups: [],
        schedule: [],
        budgetLines: [],
        requestedFen: 400_000,
        targets: [],
        status: 'approved',
      })
      .returning({ id: project.id });
    projects.push((p as { id: string }).id);
  }
});

afterAll(() => database.close());

describe('prevention-fee budget line', () => {
  it('refuses, with the amounts, an earmark beyond what remains, and writes nothing', async () => {
    await database.db.transaction((tx) => earmark(tx, CITY_CODE, 2030, 600_000));
    await expect(database.db.transaction((tx) => earmark(tx, CITY_CODE, 2030, 500_000))).rejects.toThrow(
      '立项金额 5,000.00 元超过 2030 年度工伤预防费预算剩余额度 4,000.00 元',
    );
    expect((await line()).earmarkedFen).toBe(600_000);
  });

  it('lets only as many concurrent commitments through as the budget holds', async () => {
    // 600,000 earmarked by the first test; three concurrent earmarks of 200,000 compete for the 400,000 left.
    const results = await Promise.allSettled(
      [0, 1, 2].map(() => database.db.transaction((tx) => earmark(tx, CITY_CODE, 2030, 200_000))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const b = await line();
    expect(b.earmarkedFen).toBe(1_000_000);
    expect(b.earmarkedFen + b.committedFen).toBeLessThanOrEqual(b.budgetFen);
  });

  it('turns an earmark into a commitment, the contract at most what the budget allows', async () => {
    await expect(
      database.db.transaction((tx) => commitContract(tx, CITY_CODE, 2030, 600_000, 700_000)),
    ).rejects.toThrow('合同金额 7,000.00 元超过可用额度 6,000.00 元');
    await database.db.transaction((tx) => commitContract(tx, CITY_CODE, 2030, 600_000, 500_000));
    const b = await line();
    expect([b.earmarkedFen, b.committedFen]).toEqual([400_000, 500_000]);
  });

  it('posts a payment once per idempotency key, and once per kind', async () => {
    const pay = (key: string) =>
      database.db.transaction((tx) =>
        postPayment(tx, actor, {
          regionCode: CITY_CODE,
          year: 2030,
          projectId: projects[0] as string,
          kind: 'prepayment',
          amountFen: 250_000,
          basis: '合同金额 5,000.00 元 × 50%',
          idempotencyKey: key,
        }),
      );
    const [a, b] = await Promise.all([pay('k-1'), pay('k-1')]);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(a.payment.id).toBe(b.payment.id);
    await expect(pay('k-2')).rejects.toThrow('不能重复支付');
    expect((await line()).paidFen).toBe(250_000);
    const rows = await database.db
      .select()
      .from(fundPayment)
      .where(eq(fundPayment.projectId, projects[0] as string));
    expect(rows).toHaveLength(1);
  });

  it('does not release a commitment below what was paid', async () => {
    await expect(database.db.transaction((tx) => releaseCommitment(tx, CITY_CODE, 2030, 300_000))).rejects.toThrow(
      '少于已支付金额',
    );
    await database.db.transaction((tx) => releaseCommitment(tx, CITY_CODE, 2030, 250_000));
    expect((await line()).committedFen).toBe(250_000);
  });
});
