import { describe, expect, it } from 'vitest';
import { CreditPolicy, PROVIDER_POLICY_DEFAULTS } from './provider.policy.js';
import {
  activeSanction,
  computeCredit,
  type EngagementRecord,
  isEligible,
  listingProblems,
  reminderDue,
  sanctionActive,
} from './provider.rules.js';

const policy = CreditPolicy.parse(PROVIDER_POLICY_DEFAULTS.find((d) => d.key === 'provider.credit')?.value);
const base: EngagementRecord = {
  year: 2023,
  title: '企业负责人培训',
  contractedFen: 10_000_000,
  deductionFen: 0,
  contractedUnits: 200,
  deliveredUnits: 200,
  acceptanceScore: 9000,
  outcome: 'passed',
};

describe('credit rating', () => {
  it('starts at 100 and grades A with a clean record', () => {
    expect(computeCredit([base], 0, false, policy)).toEqual({ start: 100, score: 100, grade: 'A', items: [] });
  });

  it('adds up each item of the record and shows what cost how many points', () => {
    const credit = computeCredit(
      [
        // failed (−15), 10% deducted (−10), 25% not delivered (−12.5), score 65 < 70 (−5)
        { ...base, outcome: 'failed', deductionFen: 1_000_000, deliveredUnits: 150, acceptanceScore: 6500 },
        base,
      ],
      2,
      false,
      policy,
    );
    expect(credit.items.map((i) => [i.kind, i.points])).toEqual([
      ['failed', -15],
      ['deduction', -10],
      ['under_delivery', -12.5],
      ['low_score', -5],
      ['complaint', -10],
    ]);
    expect(credit.score).toBe(47.5);
    expect(credit.grade).toBe('D');
    expect(credit.items[2]?.label).toContain('25%');
  });

  it('grades by the thresholds and never goes below zero', () => {
    expect(computeCredit([{ ...base, outcome: 'failed' }], 0, false, policy)).toMatchObject({ score: 85, grade: 'B' });
    expect(computeCredit([{ ...base, outcome: 'terminated' }], 0, false, policy)).toMatchObject({
      score: 75,
      grade: 'B',
    });
    expect(computeCredit([{ ...base, outcome: 'terminated' }], 1, false, policy)).toMatchObject({
      score: 70,
      grade: 'C',
    });
    const many = Array.from({ length: 10 }, () => ({ ...base, outcome: 'terminated' as const }));
    expect(computeCredit(many, 0, false, policy)).toMatchObject({ score: 0, grade: 'D' });
  });

  it('ignores under-delivery of engagements still in progress and caps the deduction at the contract', () => {
    const c = computeCredit(
      [{ ...base, outcome: 'in_progress', deliveredUnits: 10, deductionFen: 20_000_000 }],
      0,
      false,
      policy,
    );
    expect(c.items.map((i) => [i.kind, i.points])).toEqual([['deduction', -100]]);
  });

  it('grades a barred organisation D whatever its score', () => {
    const c = computeCredit([base], 0, true, policy);
    expect(c).toMatchObject({ score: 100, grade: 'D' });
    expect(c.items.at(-1)?.kind).toBe('barred');
  });
});

describe('sanctions, listing and eligibility', () => {
  const suspension = { kind: 'suspension' as const, fromDate: '2025-01-01', untilDate: '2025-06-30', liftedOn: null };
  it('knows when a sanction is in force', () => {
    expect(sanctionActive(suspension, '2024-12-31')).toBe(false);
    expect(sanctionActive(suspension, '2025-06-30')).toBe(true);
    expect(sanctionActive(suspension, '2025-07-01')).toBe(false);
    expect(sanctionActive({ ...suspension, liftedOn: '2025-03-01' }, '2025-03-01')).toBe(false);
    const barring = { kind: 'barring' as const, fromDate: '2025-01-01', untilDate: null, liftedOn: null };
    expect(activeSanction([suspension, barring], '2025-02-01')).toBe('barring');
    expect(activeSanction([suspension], '2030-01-01')).toBeNull();
  });

  const facts = {
    status: 'approved' as const,
    serviceTypes: ['training'],
    qualificationExpiries: ['2026-12-31'],
    sanction: null,
  };
  it('lists only approved organisations with the service type and a qualification in force', () => {
    expect(listingProblems(facts, 'training', '2026-01-01')).toEqual([]);
    expect(listingProblems(facts, 'online_platform', '2026-01-01').map((p) => p.message)).toEqual([
      '列入线上培训平台推荐名录须具备相应服务类型',
    ]);
    expect(listingProblems({ ...facts, status: 'registered' }, 'training', '2026-01-01')).toHaveLength(1);
    expect(listingProblems(facts, 'training', '2027-01-01')[0]?.message).toBe('机构没有在有效期内的资质');
    expect(listingProblems({ ...facts, sanction: 'suspension' }, 'training', '2026-01-01')).toHaveLength(1);
  });

  it('is eligible as an implementer only when approved, unsanctioned and qualified', () => {
    expect(isEligible(facts, '2026-01-01')).toBe(true);
    expect(isEligible(facts, '2027-01-01')).toBe(false);
    expect(isEligible({ ...facts, sanction: 'barring' }, '2026-01-01')).toBe(false);
    expect(isEligible({ ...facts, status: 'rejected' }, '2026-01-01')).toBe(false);
  });

  it('reminds on the policy days before expiry and on the day', () => {
    const days = [60, 30, 7];
    expect(reminderDue('2026-03-01', '2025-12-31', days)).toBe(60);
    expect(reminderDue('2026-03-01', '2026-01-30', days)).toBe(30);
    expect(reminderDue('2026-03-01', '2026-03-01', days)).toBe(0);
    expect(reminderDue('2026-03-01', '2026-01-01', days)).toBeNull();
    expect(reminderDue('2026-03-01', '2026-03-02', days)).toBeNull();
  });
});
