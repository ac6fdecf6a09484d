import { type Fen, formatFen } from '@yufang/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import type { Tx } from '../../core/db/index.js';
import { AppError } from '../../core/http/errors.js';
import { fundPayment, preventionBudget } from './fund.schema.js';

/**
 * The one way money moves on a prevention-fee budget line, always inside the caller's transaction. Each move is a
 * single guarded UPDATE: PostgreSQL locks the row and re-checks the guard against the latest committed amounts, so
 * concurrent approvals or contracts can never together exceed the budget; the table's CHECK constraints are the
 * backstop. A refused move throws a 400 naming the amounts and writes nothing.
 */

type BudgetRow = typeof preventionBudget.$inferSelect;
const yuan = (fen: Fen) => `${formatFen(fen)} 元`;

async function budgetLine(tx: Tx, regionCode: string, year: number): Promise<BudgetRow> {
  const [row] = await tx
    .select()
    .from(preventionBudget)
    .where(and(eq(preventionBudget.regionCode, regionCode), eq(preventionBudget.year, year)));
  if (!row) throw AppError.validation('year', `${year} 年度尚未编制工伤预防费预算，请先由社保经办机构编制预算`);
  return row;
}

export function remainingFen(b: Pick<BudgetRow, 'budgetFen' | 'earmarkedFen' | 'committedFen'>): Fen {
  return b.budgetFen - b.earmarkedFen - b.committedFen;
}

async function guarded(
  tx: Tx,
  regionCode: string,
  year: number,
  set: Partial<Record<'earmarkedFen' | 'committedFen' | 'paidFen', ReturnType<typeof sql>>>,
  guard: ReturnType<typeof sql>,
  refusal: (b: BudgetRow) => AppError,
): Promise<BudgetRow> {
  const [row] = await tx
    .update(preventionBudget)
    .set({ ...set, version: sql`${preventionBudget.version} + 1` })
    .where(and(eq(preventionBudget.regionCode, regionCode), eq(preventionBudget.year, year), guard))
    .returning();
  if (row) return row;
  throw refusal(await budgetLine(tx, regionCode, year));
}

/** An approved project (立项) holds its amount on the year's budget until its contract is signed. */
export function earmark(tx: Tx, regionCode: string, year: number, amountFen: Fen, field = 'approvedFen') {
  const b = preventionBudget;
  return guarded(
    tx,
    regionCode,
    year,
    { earmarkedFen: sql`${b.earmarkedFen} + ${amountFen}` },
    sql`${b.budgetFen} - ${b.earmarkedFen} - ${b.committedFen} >= ${amountFen}`,
    (row) =>
      AppError.validation(
        field,
        `立项金额 ${yuan(amountFen)}超过 ${year} 年度工伤预防费预算剩余额度 ${yuan(remainingFen(row))}` +
          `（预算 ${yuan(row.budgetFen)}，已立项未签约 ${yuan(row.earmarkedFen)}，已签约 ${yuan(row.committedFen)}）`,
      ),
  );
}

/** Gives back an earmark (a project rejected or withdrawn after approval). */
export function releaseEarmark(tx: Tx, regionCode: string, year: number, amountFen: Fen) {
  const b = preventionBudget;
  return guarded(
    tx,
    regionCode,
    year,
    { earmarkedFen: sql`${b.earmarkedFen} - ${amountFen}` },
    sql`${b.earmarkedFen} >= ${amountFen}`,
    () => AppError.conflict('预算台账的已立项金额与项目不一致，请联系系统管理员'),
  );
}

/**
 * A signed contract turns the project's earmark into a commitment. The contract may be less than the approved
 * amount (the difference goes back to the budget); more is refused unless the budget still has room for it.
 */
export function commitContract(
  tx: Tx,
  regionCode: string,
  year: number,
  earmarkedFen: Fen,
  contractFen: Fen,
  field = 'contractFen',
) {
  const b = preventionBudget;
  return guarded(
    tx,
    regionCode,
    year,
    {
      earmarkedFen: sql`${b.earmarkedFen} - ${earmarkedFen}`,
      committedFen: sql`${b.committedFen} + ${contractFen}`,
    },
    sql`${b.earmarkedFen} >= ${earmarkedFen} and ${b.budgetFen} - ${b.earmarkedFen} - ${b.committedFen} + ${earmarkedFen} >= ${contractFen}`,
    (row) =>
      AppError.validation(
        field,
        `合同金额 ${yuan(contractFen)}超过可用额度 ${yuan(remainingFen(row) + earmarkedFen)}` +
          `（本项目立项 ${yuan(earmarkedFen)}，${year} 年度预算剩余 ${yuan(remainingFen(row))}）`,
      ),
  );
}

/** A deduction or termination gives part of a commitment back; what was already paid stays committed. */
export function releaseCommitment(tx: Tx, regionCode: string, year: number, amountFen: Fen) {
  const b = preventionBudget;
  return guarded(
    tx,
    regionCode,
    year,
    { committedFen: sql`${b.committedFen} - ${amountFen}` },
    sql`${b.committedFen} - ${amountFen} >= ${b.paidFen}`,
    (row) =>
      AppError.validation(
        'deductionFen',
        `扣减后合同金额将少于已支付金额（已签约 ${yuan(row.committedFen)}，已支付 ${yuan(row.paidFen)}），请先追回已付款项`,
      ),
  );
}

export type PaymentRow = typeof fundPayment.$inferSelect;

/** The payment already posted under this idempotency key, if any: a repeated request returns it and posts nothing. */
export async function paymentByKey(tx: Tx, idempotencyKey: string): Promise<PaymentRow | null> {
  const [row] = await tx.select().from(fundPayment).where(eq(fundPayment.idempotencyKey, idempotencyKey));
  return row ?? null;
}

export interface PostPayment {
  regionCode: string;
  year: number;
  projectId: string;
  kind: PaymentRow['kind'];
  amountFen: Fen;
  basis: string;
  idempotencyKey: string;
  demo?: boolean;
}

/**
 * Posts a payment (or, for `recovery`, money recovered from the implementer) to the ledger and the budget line.
 * Returns the existing row with `replayed` when the key was used before for the same project and kind; a key used
 * for something else, or a second payment of a kind the project already has, is a 409.
 */
export async function postPayment(
  tx: Tx,
  actor: Pick<Actor, 'userId' | 'displayName'>,
  p: PostPayment,
): Promise<{ payment: PaymentRow; replayed: boolean }> {
  const [inserted] = await tx
    .insert(fundPayment)
    .values({
      regionCode: p.regionCode,
      year: p.year,
      projectId: p.projectId,
      kind: p.kind,
      amountFen: p.amountFen,
      basis: p.basis,
      idempotencyKey: p.idempotencyKey,
      postedBy: actor.userId,
      postedByName: actor.displayName,
      demo: p.demo ?? false,
    })
    .onConflictDoNothing()
    .returning();
  if (!inserted) {
    const same = await paymentByKey(tx, p.idempotencyKey);
    if (same && same.projectId === p.projectId && same.kind === p.kind) return { payment: same, replayed: true };
    if (same) throw AppError.conflict('该付款请求编号已用于另一笔付款，请刷新后重试');
    throw AppError.conflict('该项目的这笔款项已经登记过，不能重复支付');
  }
  const b = preventionBudget;
  const delta = p.kind === 'recovery' ? -p.amountFen : p.amountFen;
  await guarded(
    tx,
    p.regionCode,
    p.year,
    { paidFen: sql`${b.paidFen} + ${delta}` },
    sql`${b.paidFen} + ${delta} <= ${b.committedFen} and ${b.paidFen} + ${delta} >= 0`,
    (row) =>
      AppError.validation(
        'amountFen',
        `付款 ${yuan(p.amountFen)}将使已支付金额超过已签约金额（已签约 ${yuan(row.committedFen)}，已支付 ${yuan(row.paidFen)}）`,
      ),
  );
  return { payment: inserted, replayed: false };
}
