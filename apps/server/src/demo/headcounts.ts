import type { DemoEmployer } from './employers.js';
import type { Random } from './random.js';

/** The demo series runs 2020-01 … 2025-12. */
export const FIRST_YEAR = 2020;
export const MONTHS = 72;

export interface DemoHeadcount {
  employerId: string;
  month: string;
  insuredCount: number;
  payrollFen: number;
}

const CONSTRUCTION = new Set(['47', '48', '49', '50']);
const MINING = new Set(['06', '08', '09', '10']);

function monthDate(index: number): string {
  const year = FIRST_YEAR + Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** Headcount dips around the Spring Festival (worst on sites and in mines) and small ups after it. */
function season(industry: string, monthOfYear: number): number {
  const deep = CONSTRUCTION.has(industry) || MINING.has(industry);
  if (monthOfYear === 1) return deep ? 0.8 : 0.93;
  if (monthOfYear === 0) return deep ? 0.92 : 0.98;
  if (monthOfYear === 2) return deep ? 0.96 : 1;
  if (monthOfYear >= 5 && monthOfYear <= 9 && deep) return 1.04;
  return 1;
}

/**
 * Monthly insured headcount and payroll (fen) of the demo employers: growth or decline over the years,
 * seasonality, a year-end bonus month and wage growth of about 5.5% a year. Uninsured employers have no series;
 * suspended ones stop at the month their payments stopped.
 */
export function* generateHeadcounts(random: Random, employers: readonly DemoEmployer[]): Generator<DemoHeadcount> {
  for (const e of employers) {
    if (e.insuranceStatus === 'uninsured') continue;
    const end = e.stopMonth ?? MONTHS;
    // workforce is today's size: walk the growth back to 2020
    const base = e.workforce / (1 + e.growth) ** ((MONTHS - 1) / 12);
    for (let m = e.startMonth; m < end; m++) {
      const monthOfYear = m % 12;
      const noise = 0.97 + random.next() * 0.06;
      const insuredCount = Math.max(
        1,
        Math.round(base * (1 + e.growth) ** (m / 12) * season(e.industryCode, monthOfYear) * noise),
      );
      const wage = e.wageFen * 1.055 ** (m / 12) * (monthOfYear === 11 ? 1.35 : monthOfYear === 1 ? 0.92 : 1);
      // whole yuan: payroll declarations are made in yuan
      const payrollFen = Math.round((insuredCount * wage * (0.98 + random.next() * 0.04)) / 100) * 100;
      yield { employerId: e.id, month: monthDate(m), insuredCount, payrollFen };
    }
  }
}
