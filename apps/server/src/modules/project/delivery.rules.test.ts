import { describe, expect, it } from 'vitest';
import {
  acceptanceVerdict,
  balanceAmount,
  compare,
  deductionProblem,
  deliveredDefaults,
  milestoneStates,
  prepaymentAmount,
  targetResults,
  terminationSettlement,
} from './delivery.rules.js';

const targets = [
  { key: 'trainees', label: '培训人数', unit: '人', comparator: '≥', value: 500 },
  { key: 'passRate', label: '考核合格率', unit: '%', comparator: '≥', value: 90 },
  { key: 'satisfaction', label: '满意度', unit: '%', comparator: '>', value: 85 },
];

describe('delivery rules', () => {
  it('computes the prepayment in fen, rounding half up', () => {
    expect(prepaymentAmount(20_000_000, 50)).toMatchObject({ amountFen: 10_000_000 });
    expect(prepaymentAmount(333, 30).amountFen).toBe(100);
    expect(prepaymentAmount(20_000_000, 50).basis).toContain('200,000.00 元 × 预付比例 50%');
  });

  it('computes the balance as contract − deduction − prepaid, never negative', () => {
    expect(balanceAmount(20_000_000, 0, 10_000_000).amountFen).toBe(10_000_000);
    expect(balanceAmount(20_000_000, 2_000_000, 6_000_000).amountFen).toBe(12_000_000);
    expect(balanceAmount(100, 80, 50).amountFen).toBe(0);
  });

  it('settles a termination: recovery of prepaid beyond what is payable, or the rest owed', () => {
    expect(terminationSettlement(20_000_000, 12_000_000, 10_000_000)).toEqual({
      payableFen: 8_000_000,
      recoveryFen: 2_000_000,
      finalFen: 0,
    });
    expect(terminationSettlement(20_000_000, 4_000_000, 10_000_000)).toEqual({
      payableFen: 16_000_000,
      recoveryFen: 0,
      finalFen: 6_000_000,
    });
    expect(terminationSettlement(20_000_000, 20_000_000, 0).recoveryFen).toBe(0);
  });

  it('refuses a deduction of zero or beyond the contract', () => {
    expect(deductionProblem(1000, 0)).toBe('扣减金额须大于 0');
    expect(deductionProblem(1000, 1001)).toContain('不能超过合同金额');
    expect(deductionProblem(1000, 1000)).toBeNull();
  });

  it('compares in every spelling', () => {
    expect(compare('≥', 90, 90)).toBe(true);
    expect(compare('>', 85, 85)).toBe(false);
    expect(compare('gte', 1, 2)).toBe(false);
    expect(compare('≤', 2, 3)).toBe(true);
  });

  it('passes only when every target is met and the panel passed', () => {
    const met = targetResults(targets, { trainees: 520, passRate: 95, satisfaction: 90 });
    expect(acceptanceVerdict(met, 'pass', 8200)).toEqual({ passed: true, reasons: [] });
    const short = targetResults(targets, { trainees: 300, passRate: 95, satisfaction: 90 });
    const v = acceptanceVerdict(short, 'pass', 8200);
    expect(v.passed).toBe(false);
    expect(v.reasons[0]).toContain('培训人数完成 300人');
    expect(acceptanceVerdict(met, 'fail', 5500).reasons[0]).toContain('55.00 分');
  });

  it('defaults trainees to insured attendees and other targets to the latest report', () => {
    const d = deliveredDefaults(targets, [{ delivered: { passRate: 88 } }, { delivered: { passRate: 93 } }], 412, true);
    expect(d).toEqual({ trainees: 412, passRate: 93, satisfaction: 0 });
    expect(deliveredDefaults(targets, [{ delivered: { trainees: 30 } }], 0, false).trainees).toBe(30);
  });

  it('marks milestones overdue, due soon or reported', () => {
    const s = [
      { key: 'a', name: '启动', dueOn: '2026-03-01' },
      { key: 'b', name: '中期', dueOn: '2026-06-05' },
      { key: 'c', name: '完成', dueOn: '2026-12-01' },
      { key: 'd', name: '总结', dueOn: '2026-01-01' },
    ];
    expect(milestoneStates(s, new Set(['d']), '2026-06-01', 7).map((m) => m.state)).toEqual([
      'overdue',
      'due_soon',
      'pending',
      'reported',
    ]);
  });
});
