import { CITY_CODE } from '@yufang/contracts';
import type { PiiVault } from '../core/crypto/pii.js';
import type { Db } from '../core/db/index.js';
import { FUND_POLICY_DEFAULTS, type PreventionCapPolicy } from '../modules/fund/fund.policy.js';
import { preventionCap } from '../modules/fund/fund.rules.js';
import { fundYear, preventionBudget } from '../modules/fund/fund.schema.js';
import { Random } from './random.js';

const FIRST_YEAR = 2019;
/** The one year whose spending exceeded its income, so the next year's cap is 1%. */
export const DEMO_DEFICIT_YEAR = 2022;
const AGENCY = '吴晓燕';

/**
 * Demo fund years of 三明 (contribution income about 2–3 亿元 a year) from 2019 to last year, one of them in deficit,
 * and the prevention-fee budgets from 2020 to this year at or a little under the cap. This year's figures are left
 * for the agency to enter (the journey does).
 */
export async function seedDemoFunds(db: Db, _pii: PiiVault | undefined, seed: number, today: string): Promise<void> {
  const random = new Random(seed);
  const lastYear = Number(today.slice(0, 4)) - 1;
  const policy = FUND_POLICY_DEFAULTS[0]?.value as PreventionCapPolicy;
  let incomeYuan = 212_000_000;
  const years: (typeof fundYear.$inferInsert)[] = [];
  for (let year = FIRST_YEAR; year <= lastYear; year++) {
    incomeYuan += random.int(4_000_000, 12_000_000);
    const incomeFen = (incomeYuan + random.int(0, 99_999)) * 100 + random.int(0, 99);
    const spendingPct = year === DEMO_DEFICIT_YEAR ? random.int(104, 109) : random.int(82, 95);
    const spendingFen = Math.floor((incomeFen * spendingPct) / 100) + random.int(0, 99);
    years.push({
      regionCode: CITY_CODE,
      year,
      contributionIncomeFen: incomeFen,
      spendingFen,
      source: year < 2022 ? 'import' : 'manual',
      note: year === DEMO_DEFICIT_YEAR ? '集中支付历年工伤待遇，收不抵支' : null,
      enteredByName: AGENCY,
      enteredAt: new Date(`${year + 1}-02-${String(random.int(10, 27)).padStart(2, '0')}T02:00:00Z`),
      demo: true,
    });
  }
  if (!years.length) return;
  await db.insert(fundYear).values(years).onConflictDoNothing();
  const budgets = years.map((base) => {
    const year = base.year + 1;
    const cap = preventionCap(
      base.year,
      { incomeFen: base.contributionIncomeFen, spendingFen: base.spendingFen },
      policy,
    );
    // at the cap, or a little under it rounded down to the 万元
    const under = random.int(0, 2) === 0 ? 0 : random.int(1, 30) * 1_000_000;
    const budgetFen = under ? Math.floor((cap.capFen - under) / 1_000_000) * 1_000_000 : cap.capFen;
    return {
      regionCode: CITY_CODE,
      year,
      baseIncomeFen: base.contributionIncomeFen,
      baseSpendingFen: base.spendingFen,
      deficit: cap.deficit,
      capRateBp: cap.rateBp,
      capFen: cap.capFen,
      capBasis: cap.basis,
      budgetFen,
      setByName: AGENCY,
      // set once last year's figures are in
      setAt: new Date((base.enteredAt as Date).getTime() + random.int(3, 20) * 86_400_000),
      demo: true,
    };
  });
  await db.insert(preventionBudget).values(budgets).onConflictDoNothing();
}
