import { describe, expect, it } from 'vitest';
import { budgetProblem, preventionCap, recapProblem } from './fund.rules.js';

const policy = { normalRateBp: 300, deficitRateBp: 100 };

describe('preventionCap', () => {
  it('is 3% of last year’s contribution income when income covered spending', () => {
    const cap = preventionCap(2025, { incomeFen: 12_300_000_000, spendingFen: 11_000_000_000 }, policy);
    expect(cap).toMatchObject({ deficit: false, rateBp: 300, capFen: 369_000_000 });
    expect(cap.basis).toBe(
      '2025 年征缴收入 1.23 亿元，基金支出 1.10 亿元，收支平衡或有结余，按 3% 计提上限：3,690,000.00 元',
    );
  });

  it('is 1% when last year’s income did not cover spending', () => {
    const cap = preventionCap(2022, { incomeFen: 25_000_000_000, spendingFen: 26_000_000_001 }, policy);
    expect(cap).toMatchObject({ deficit: true, rateBp: 100, capFen: 250_000_000 });
    expect(cap.basis).toContain('收不抵支，按 1% 计提上限');
  });

  it('income equal to spending is not a deficit', () => {
    expect(preventionCap(2024, { incomeFen: 100, spendingFen: 100 }, policy).deficit).toBe(false);
  });

  it('floors to the fen, never above the rate', () => {
    // 3% of 33.33 元 = 0.9999 元 → 99 fen, not 100
    expect(preventionCap(2024, { incomeFen: 3333, spendingFen: 0 }, policy).capFen).toBe(99);
    expect(preventionCap(2024, { incomeFen: 3334, spendingFen: 0 }, policy).capFen).toBe(100);
  });

  it('a provincially approved rate replaces both, naming the document', () => {
    const approved = { ...policy, approvedRateBp: 450, approvedDocument: '闽人社〔2026〕1号' };
    const cap = preventionCap(2025, { incomeFen: 10_000_000_000, spendingFen: 20_000_000_000 }, approved);
    expect(cap).toMatchObject({ rateBp: 450, capFen: 450_000_000, deficit: true });
    expect(cap.basis).toContain('经省级批准（闽人社〔2026〕1号）按 4.50% 计提上限');
  });
});

describe('budgetProblem and recapProblem', () => {
  const cap = preventionCap(2025, { incomeFen: 10_000_000_000, spendingFen: 0 }, policy);
  it('a budget at the cap passes, one fen above is refused naming cap, rate and basis', () => {
    expect(budgetProblem(cap.capFen, cap)).toBeNull();
    const problem = budgetProblem(cap.capFen + 1, cap);
    expect(problem).toContain('超过上限 3,000,000.00 元');
    expect(problem).toContain('计提比例 3%');
    expect(problem).toContain('2025 年征缴收入');
  });
  it('a lower recomputed cap is refused when the budget or what it holds no longer fits', () => {
    const line = { budgetFen: 2_000_000_00, earmarkedFen: 0, committedFen: 0 };
    expect(recapProblem(2026, cap, line)).toBeNull();
    const lower = preventionCap(2025, { incomeFen: 5_000_000_000, spendingFen: 0 }, policy);
    expect(recapProblem(2026, lower, line)).toContain('请先调整 2026 年度预算');
  });
});
