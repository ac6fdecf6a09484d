import { describe, expect, it } from 'vitest';
import {
  PROJECT_POLICY_DEFAULTS,
  type ProjectEligibilityPolicy,
  type ProjectProcurementPolicy,
} from './project.policy.js';
import {
  allowedRoutes,
  applicationProblems,
  employerApplicantKind,
  evaluateEligibility,
  prepaymentProblem,
  rankProjects,
  requiredRoute,
  routeProblem,
} from './project.rules.js';

const value = (key: string) => PROJECT_POLICY_DEFAULTS.find((d) => d.key === key)?.value;
const procurement = value('project.procurement') as ProjectProcurementPolicy;
const eligibility = value('project.eligibility') as ProjectEligibilityPolicy;

describe('project rules', () => {
  it('tells an association from an enterprise by the USCC registration authority', () => {
    expect(employerApplicantKind('51350400MJD0123450')).toBe('association');
    expect(employerApplicantKind('91350404MA2XXXXXXX')).toBe('enterprise');
  });

  it('routes by the approved amount: 4,000,000 元 open tender, 500,000 元 competitive, below direct', () => {
    expect(requiredRoute(400_000_000, procurement)).toBe('open_tender');
    expect(requiredRoute(399_999_999, procurement)).toBe('competitive');
    expect(requiredRoute(50_000_000, procurement)).toBe('competitive');
    expect(requiredRoute(49_999_999, procurement)).toBe('direct');
    expect(allowedRoutes(10_000_000, procurement, 'unit').routes).toEqual(['open_tender', 'competitive', 'direct']);
    expect(allowedRoutes(10_000_000, procurement, 'association').routes).toContain('self');
    expect(routeProblem('open_tender', 10_000_000, procurement, 'unit')).toBeNull();
    expect(routeProblem('direct', 60_000_000, procurement, 'unit')).toContain('须采用“竞争性磋商/谈判/询价”');
    expect(routeProblem('self', 10_000_000, procurement, 'provider')).toContain('自行实施仅适用于');
  });

  it('bounds the prepayment to 30–70% naming the source', () => {
    const payment = { prepaymentMinPct: 30, prepaymentMaxPct: 70 };
    expect(prepaymentProblem(30, payment, 'src')).toBeNull();
    expect(prepaymentProblem(70, payment, 'src')).toBeNull();
    expect(prepaymentProblem(80, payment, '办法第十条')).toBe('预付款比例须在 30%–70% 之间（办法第十条），当前为 80%');
    expect(prepaymentProblem(29, payment, 'src')).not.toBeNull();
  });

  it('evaluates eligibility with a reason per rule', () => {
    const ok = evaluateEligibility(
      { kind: 'enterprise', workforce: 300, insuranceStatus: 'insured', otherOpenInCall: 0 },
      eligibility,
    );
    expect(ok.every((r) => r.ok)).toBe(true);
    const bad = evaluateEligibility(
      { kind: 'enterprise', workforce: 299, insuranceStatus: 'suspended', otherOpenInCall: 2 },
      eligibility,
    );
    expect(bad.filter((r) => !r.ok).map((r) => r.rule)).toEqual(['size', 'insured', 'open_limit']);
    expect(bad[1]?.reason).toContain('欠费停保');
    const unit = evaluateEligibility(
      { kind: 'unit', workforce: null, insuranceStatus: null, otherOpenInCall: 0 },
      eligibility,
    );
    expect(unit.map((r) => r.rule)).toEqual(['size', 'open_limit']);
  });

  it('checks the budget lines against the request and the call', () => {
    const types = new Map([
      ['training', '培训'],
      ['publicity', '宣传'],
    ]);
    const form = {
      type: 'publicity',
      title: '项目',
      content: '内容',
      targetGroups: [],
      schedule: [],
      budgetLines: [{ item: 'a', amountFen: 100 }],
      requestedFen: 200,
      targets: [],
    };
    const problems = applicationProblems(form, { types: ['training'], maxRequestFen: 150 }, types);
    expect(problems.map((p) => p.field)).toEqual(['type', 'budgetLines', 'requestedFen']);
  });

  it('ranks by score, then the smaller request', () => {
    const ranked = rankProjects([
      { id: 'a', score: 8000, requestedFen: 5 },
      { id: 'b', score: null, requestedFen: 1 },
      { id: 'c', score: 8000, requestedFen: 3 },
      { id: 'd', score: 9000, requestedFen: 9 },
    ]);
    expect(ranked.map((r) => `${r.rank}${r.id}`)).toEqual(['1d', '2c', '3a', '4b']);
  });
});
