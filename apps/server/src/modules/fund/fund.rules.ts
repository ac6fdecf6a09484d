import { type Fen, formatFen } from '@yufang/contracts';
import type { PreventionCapPolicy } from './fund.policy.js';

export interface FundFigures {
  incomeFen: Fen;
  spendingFen: Fen;
}

export interface Cap {
  deficit: boolean;
  rateBp: number;
  capFen: Fen;
  basis: string;
}

/** 123456789012 fen → "12.35 亿元"; below 1 亿 in 万元. For the basis sentence only (the amounts stay in fen). */
export function largeYuan(fen: Fen): string {
  const yuan = Math.floor(fen / 100);
  if (yuan >= 100_000_000) return `${(fen / 10_000_000_000).toFixed(2)} 亿元`;
  if (yuan >= 10_000) return `${(fen / 1_000_000).toFixed(2)} 万元`;
  return `${formatFen(fen)} 元`;
}

export const ratePercent = (bp: number) => `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : 2)}%`;

/**
 * The prevention-fee cap of a year from last year's fund: the normal rate of the contribution income, or the deficit
 * rate when income did not cover spending; a provincially approved rate replaces either. Floored to the fen, so the
 * cap is never above the rate.
 */
export function preventionCap(baseYear: number, last: FundFigures, policy: PreventionCapPolicy): Cap {
  const deficit = last.incomeFen < last.spendingFen;
  const approved = policy.approvedRateBp !== undefined;
  const rateBp = policy.approvedRateBp ?? (deficit ? policy.deficitRateBp : policy.normalRateBp);
  const capFen = Math.floor((last.incomeFen * rateBp) / 10000);
  const balance = deficit
    ? `基金支出 ${largeYuan(last.spendingFen)}，收不抵支`
    : `基金支出 ${largeYuan(last.spendingFen)}，收支平衡或有结余`;
  const rule = approved
    ? `经省级批准${policy.approvedDocument ? `（${policy.approvedDocument}）` : ''}按 ${ratePercent(rateBp)} 计提上限`
    : `按 ${ratePercent(rateBp)} 计提上限`;
  return {
    deficit,
    rateBp,
    capFen,
    basis: `${baseYear} 年征缴收入 ${largeYuan(last.incomeFen)}，${balance}，${rule}：${formatFen(capFen)} 元`,
  };
}

/** Why a budget amount is refused, or null: it must stay within the cap. */
export function budgetProblem(budgetFen: Fen, cap: Cap): string | null {
  if (budgetFen <= cap.capFen) return null;
  return `预算金额 ${formatFen(budgetFen)} 元超过上限 ${formatFen(cap.capFen)} 元（计提比例 ${ratePercent(cap.rateBp)}；${cap.basis}）`;
}

/**
 * Whether correcting last year's figures may recompute this year's cap: the new cap must still hold the budget and
 * what is already earmarked and committed.
 */
export function recapProblem(
  year: number,
  newCap: Cap,
  line: { budgetFen: Fen; earmarkedFen: Fen; committedFen: Fen },
): string | null {
  const used = line.earmarkedFen + line.committedFen;
  if (newCap.capFen >= line.budgetFen && newCap.capFen >= used) return null;
  return (
    `更正后 ${year} 年度工伤预防费上限将为 ${formatFen(newCap.capFen)} 元，低于已编制的预算 ${formatFen(line.budgetFen)} 元` +
    `（已立项未签约 ${formatFen(line.earmarkedFen)} 元，已签约 ${formatFen(line.committedFen)} 元），请先调整 ${year} 年度预算`
  );
}
