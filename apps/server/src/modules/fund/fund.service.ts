import {
  type BudgetInput,
  type BudgetView,
  type CapView,
  CITY_CODE,
  type FundImportInput,
  type FundImportResult,
  type FundOverview,
  type FundYearInput,
  type FundYearView,
  formatFen,
} from '@yufang/contracts';
import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import type { Core } from '../../core/context.js';
import type { Db, Tx } from '../../core/db/index.js';
import { AppError } from '../../core/http/errors.js';
import { beijingDate } from '../hazard/hazard.rules.js';
import { remainingFen } from './budget-ledger.js';
import { readFundYears } from './fund.import.js';
import { preventionCapPolicy } from './fund.policy.js';
import { budgetProblem, type Cap, preventionCap, recapProblem } from './fund.rules.js';
import { fundYear, preventionBudget } from './fund.schema.js';

type YearRow = typeof fundYear.$inferSelect;
type BudgetRow = typeof preventionBudget.$inferSelect;

const REGION = CITY_CODE;

/** A 400 whose message already names the field (no label prefix added). */
export function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION', message, [{ field, message }]);
}

/** The fund and the budget line belong to the city: only a city-level account may change them. */
export function assertCityLevel(actor: Actor): void {
  if (!actor.scope.regions.has(REGION)) {
    throw AppError.forbidden('基金收支、预算与转账凭证由市级社保经办机构维护，您的账户不是市级数据范围');
  }
}

export const currentYear = () => Number(beijingDate(new Date()).slice(0, 4));

function yearView(r: YearRow): FundYearView {
  return {
    year: r.year,
    incomeFen: r.contributionIncomeFen,
    spendingFen: r.spendingFen,
    deficit: r.contributionIncomeFen < r.spendingFen,
    source: r.source,
    note: r.note,
    enteredByName: r.enteredByName,
    enteredAt: r.enteredAt.toISOString(),
    version: r.version,
  };
}

export function budgetView(b: BudgetRow): BudgetView {
  return {
    year: b.year,
    baseYear: b.year - 1,
    baseIncomeFen: b.baseIncomeFen,
    baseSpendingFen: b.baseSpendingFen,
    deficit: b.deficit,
    rateBp: b.capRateBp,
    capFen: b.capFen,
    basis: b.capBasis,
    budgetFen: b.budgetFen,
    earmarkedFen: b.earmarkedFen,
    committedFen: b.committedFen,
    paidFen: b.paidFen,
    remainingFen: remainingFen(b),
    setByName: b.setByName,
    setAt: b.setAt.toISOString(),
    version: b.version,
  };
}

const capColumns = (year: number, base: YearRow, cap: Cap) => ({
  baseIncomeFen: base.contributionIncomeFen,
  baseSpendingFen: base.spendingFen,
  deficit: cap.deficit,
  capRateBp: cap.rateBp,
  capFen: cap.capFen,
  capBasis: cap.basis,
  year,
});

/** Fund years (征缴收入, spending), the cap each gives the following year and the budget lines. */
export class FundService {
  constructor(private readonly core: Core) {}

  private async capOf(db: Db | Tx, year: number, base: YearRow): Promise<Cap> {
    const policy = await preventionCapPolicy(db as Db, this.core.regions, `${year}-01-01`);
    return preventionCap(base.year, { incomeFen: base.contributionIncomeFen, spendingFen: base.spendingFen }, policy);
  }

  async overview(): Promise<FundOverview> {
    const db = this.core.db;
    const [years, budgets] = await Promise.all([
      db.select().from(fundYear).where(eq(fundYear.regionCode, REGION)).orderBy(asc(fundYear.year)),
      db
        .select()
        .from(preventionBudget)
        .where(eq(preventionBudget.regionCode, REGION))
        .orderBy(asc(preventionBudget.year)),
    ]);
    const budgeted = new Set(budgets.map((b) => b.year));
    const openCaps: CapView[] = [];
    for (const base of years) {
      const year = base.year + 1;
      if (budgeted.has(year)) continue;
      const cap = await this.capOf(db, year, base);
      openCaps.push({
        ...cap,
        year,
        baseYear: base.year,
        baseIncomeFen: base.contributionIncomeFen,
        baseSpendingFen: base.spendingFen,
      });
    }
    return { years: years.map(yearView), budgets: budgets.map(budgetView), openCaps };
  }

  async budget(year: number): Promise<BudgetView> {
    const [row] = await this.core.db
      .select()
      .from(preventionBudget)
      .where(and(eq(preventionBudget.regionCode, REGION), eq(preventionBudget.year, year)));
    if (!row) throw AppError.notFound(`${year} 年度尚未编制工伤预防费预算`);
    return budgetView(row);
  }

  /**
   * Enters or corrects a year (version-checked). A correction of year Y − 1 recomputes the cap of budget Y when it
   * exists, refused if the new cap would fall below the budget or what it already holds.
   */
  async saveYear(actor: Actor, year: number, input: FundYearInput): Promise<FundYearView> {
    assertCityLevel(actor);
    const row = await this.core.db.transaction((tx) => this.writeYear(tx, actor, year, input, 'manual'));
    return yearView(row);
  }

  private async writeYear(
    tx: Tx,
    actor: Actor,
    year: number,
    input: FundYearInput,
    source: YearRow['source'],
  ): Promise<YearRow> {
    if (year > currentYear()) throw invalid('year', `年度 ${year} 尚未到来，不能录入基金收支`);
    const [existing] = await tx
      .select()
      .from(fundYear)
      .where(and(eq(fundYear.regionCode, REGION), eq(fundYear.year, year)))
      .for('update');
    const values = {
      contributionIncomeFen: input.incomeFen,
      spendingFen: input.spendingFen,
      source,
      note: input.note || null,
      enteredBy: actor.userId,
      enteredByName: actor.displayName,
      enteredAt: new Date(),
    };
    let row: YearRow;
    if (existing) {
      if (input.version === undefined) {
        throw AppError.conflict(`${year} 年基金收支已由${existing.enteredByName}录入，请刷新后按更正办理`);
      }
      if (existing.version !== input.version) throw AppError.conflict();
      [row] = (await tx
        .update(fundYear)
        .set({ ...values, version: existing.version + 1 })
        .where(and(eq(fundYear.regionCode, REGION), eq(fundYear.year, year)))
        .returning()) as [YearRow];
    } else {
      if (input.version !== undefined) throw AppError.conflict(`${year} 年基金收支不存在或已被删除，请刷新后重试`);
      [row] = (await tx
        .insert(fundYear)
        .values({ ...values, regionCode: REGION, year })
        .returning()) as [YearRow];
    }
    await recordAudit(tx, actor, {
      action: existing ? 'fund.year.update' : 'fund.year.create',
      objectType: 'fund_year',
      objectId: `${REGION}:${year}`,
      changes: {
        before: existing && { incomeFen: existing.contributionIncomeFen, spendingFen: existing.spendingFen },
        after: { incomeFen: row.contributionIncomeFen, spendingFen: row.spendingFen, source },
      },
    });
    if (existing) await this.recap(tx, actor, year + 1, row);
    return row;
  }

  private async recap(tx: Tx, actor: Actor, year: number, base: YearRow): Promise<void> {
    const [line] = await tx
      .select()
      .from(preventionBudget)
      .where(and(eq(preventionBudget.regionCode, REGION), eq(preventionBudget.year, year)))
      .for('update');
    if (!line) return;
    const cap = await this.capOf(tx, year, base);
    if (cap.capFen === line.capFen && cap.basis === line.capBasis) return;
    const problem = recapProblem(year, cap, line);
    if (problem) throw invalid('incomeFen', `征缴收入：${problem}`);
    await tx
      .update(preventionBudget)
      .set({ ...capColumns(year, base, cap), version: line.version + 1 })
      .where(and(eq(preventionBudget.regionCode, REGION), eq(preventionBudget.year, year)));
    await recordAudit(tx, actor, {
      action: 'fund.budget.recap',
      objectType: 'prevention_budget',
      objectId: `${REGION}:${year}`,
      changes: {
        before: { capFen: line.capFen, basis: line.capBasis },
        after: { capFen: cap.capFen, basis: cap.basis },
      },
    });
  }

  /** Imports an .xlsx of years all-or-nothing: any row error, or any refused correction, commits nothing. */
  async importYears(actor: Actor, input: FundImportInput): Promise<FundImportResult> {
    assertCityLevel(actor);
    const rows = await readFundYears(input.fileName, input.contentBase64);
    return this.core.db.transaction(async (tx) => {
      let created = 0;
      let updated = 0;
      for (const r of rows) {
        const [existing] = await tx
          .select({ version: fundYear.version })
          .from(fundYear)
          .where(and(eq(fundYear.regionCode, REGION), eq(fundYear.year, r.year)));
        try {
          await this.writeYear(tx, actor, r.year, { ...r, version: existing?.version }, 'import');
        } catch (error) {
          if (error instanceof AppError) {
            throw invalid(`rows.${r.rowNo}`, `第 ${r.rowNo} 行（${r.year} 年）：${error.message}；未导入任何记录`);
          }
          throw error;
        }
        if (existing) updated++;
        else created++;
      }
      return { created, updated, years: rows.map((r) => r.year) };
    });
  }

  /** Sets (or revises, version-checked) a year's budget within the cap from year − 1 and the policy on 1 January. */
  async setBudget(actor: Actor, year: number, input: BudgetInput): Promise<BudgetView> {
    assertCityLevel(actor);
    const row = await this.core.db.transaction(async (tx) => {
      const [base] = await tx
        .select()
        .from(fundYear)
        .where(and(eq(fundYear.regionCode, REGION), eq(fundYear.year, year - 1)));
      if (!base) {
        throw invalid('year', `${year - 1} 年工伤保险基金收支尚未录入，无法计算 ${year} 年度工伤预防费上限`);
      }
      const cap = await this.capOf(tx, year, base);
      const problem = budgetProblem(input.budgetFen, cap);
      if (problem) throw invalid('budgetFen', problem);
      const [line] = await tx
        .select()
        .from(preventionBudget)
        .where(and(eq(preventionBudget.regionCode, REGION), eq(preventionBudget.year, year)))
        .for('update');
      const values = {
        ...capColumns(year, base, cap),
        budgetFen: input.budgetFen,
        setBy: actor.userId,
        setByName: actor.displayName,
        setAt: new Date(),
      };
      let saved: BudgetRow;
      if (line) {
        if (input.version === undefined) throw AppError.conflict(`${year} 年度预算已编制，请刷新后按调整办理`);
        if (line.version !== input.version) throw AppError.conflict();
        const used = line.earmarkedFen + line.committedFen;
        if (input.budgetFen < used) {
          throw invalid(
            'budgetFen',
            `预算金额 ${formatFen(input.budgetFen)} 元不能低于已立项未签约与已签约的金额合计 ${formatFen(used)} 元`,
          );
        }
        [saved] = (await tx
          .update(preventionBudget)
          .set({ ...values, version: line.version + 1 })
          .where(and(eq(preventionBudget.regionCode, REGION), eq(preventionBudget.year, year)))
          .returning()) as [BudgetRow];
      } else {
        if (input.version !== undefined) throw AppError.conflict(`${year} 年度预算不存在，请刷新后重试`);
        [saved] = (await tx
          .insert(preventionBudget)
          .values({ ...values, regionCode: REGION })
          .returning()) as [BudgetRow];
      }
      await recordAudit(tx, actor, {
        action: line ? 'fund.budget.update' : 'fund.budget.create',
        objectType: 'prevention_budget',
        objectId: `${REGION}:${year}`,
        changes: {
          before: line && { budgetFen: line.budgetFen },
          after: { budgetFen: saved.budgetFen, capFen: cap.capFen },
        },
      });
      return saved;
    });
    return budgetView(row);
  }
}
