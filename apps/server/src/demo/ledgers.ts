/**
 * Demo key-enterprise lists (flagged demo): a confirmed list of the previous year for every county, one proposal
 * excluded with its reason, and a draft for the current year in three counties. Direct inserts (one pass over the
 * key and dust employers), so seeding stays fast; the same seed gives the same data.
 */
import { CITY_CODE } from '@yufang/contracts';
import { and, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '../core/db/index.js';
import { employer, region } from '../core/db/schema.js';
import { classifyEmployer, INDUSTRY_POLICY_DEFAULTS, type IndustrySet } from '../modules/employer/industry-policy.js';
import { keyLedger, keyLedgerEntry } from '../modules/ledger/ledger.schema.js';
import { Random } from './random.js';

const DRAFT_COUNTIES = 3;
const EXCLUSION_REASONS = [
  '企业已停产，经核实不再从事该行业生产',
  '已迁出本县，移交迁入地管理',
  '主营业务已变更为批发零售',
];

export async function seedDemoLedgers(db: Db, seed: number, today: string): Promise<void> {
  const random = new Random(seed);
  const year = Number(today.slice(0, 4));
  const [keySet, dustSet] = INDUSTRY_POLICY_DEFAULTS.map((d) => d.value as IndustrySet);
  const policy = { key: keySet ?? null, dust: dustSet ?? null };
  const categoryOf = (division: string, group: string | null) => {
    const c = classifyEmployer(division, group, policy);
    const set = c.keyIndustry ? policy.key : policy.dust;
    return set?.categories.find((k) => k.codes.some((code) => code === division || code === group))?.name ?? '重点行业';
  };
  const counties = (
    await db
      .select({ code: region.code })
      .from(region)
      .where(and(eq(region.parentCode, CITY_CODE), eq(region.level, 'county'), isNull(region.replacedBy)))
      .orderBy(region.code)
  ).map((r) => r.code);
  const employers = await db
    .select({
      id: employer.id,
      countyCode: employer.countyCode,
      division: employer.industryCode,
      group: employer.industryGroup,
    })
    .from(employer)
    .where(or(eq(employer.keyIndustry, true), eq(employer.dustHazard, true)))
    .orderBy(employer.countyCode, employer.id);
  const draftCounties = new Set(counties.slice(0, DRAFT_COUNTIES));
  await db.transaction(async (tx) => {
    const entries: (typeof keyLedgerEntry.$inferInsert)[] = [];
    for (const countyCode of counties) {
      const mine = employers.filter((e) => e.countyCode === countyCode);
      const confirmedAt = new Date(`${year - 1}-03-${String(10 + random.int(0, 15)).padStart(2, '0')}T02:00:00Z`);
      const lists = [
        {
          year: year - 1,
          status: 'confirmed' as const,
          confirmedAt,
          confirmedByName: '县人社局（演示）',
          createdAt: new Date(confirmedAt.getTime() - 7 * 86400_000),
        },
        ...(draftCounties.has(countyCode)
          ? [{ year, status: 'draft' as const, confirmedAt: null, confirmedByName: null, createdAt: new Date() }]
          : []),
      ];
      for (const list of lists) {
        const [row] = await tx
          .insert(keyLedger)
          .values({ countyCode, revision: 1, createdByName: '县人社局（演示）', demo: true, ...list })
          .returning({ id: keyLedger.id });
        const excluded = list.status === 'confirmed' && mine.length > 1 ? random.int(0, mine.length - 1) : -1;
        mine.forEach((e, i) => {
          const category = categoryOf(e.division, e.group);
          entries.push({
            ledgerId: row?.id as string,
            employerId: e.id,
            category,
            basis: 'registry',
            proposedReason: `行业登记属于${category}`,
            decision: i === excluded ? 'excluded' : 'included',
            decisionReason: i === excluded ? random.pick(EXCLUSION_REASONS) : null,
          });
        });
      }
    }
    for (let i = 0; i < entries.length; i += 1000) await tx.insert(keyLedgerEntry).values(entries.slice(i, i + 1000));
  });
}
