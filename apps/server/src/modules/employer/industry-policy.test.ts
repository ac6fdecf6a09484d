import { describe, expect, it } from 'vitest';
import { classifyEmployer, INDUSTRY_POLICY_DEFAULTS } from './industry-policy.js';

const policy = {
  key: INDUSTRY_POLICY_DEFAULTS[0]?.value ?? null,
  dust: INDUSTRY_POLICY_DEFAULTS[1]?.value ?? null,
};

describe('employer classification', () => {
  it('derives the risk class and the key-industry and dust flags', () => {
    expect(classifyEmployer('06', null, policy)).toEqual({ riskClass: 8, keyIndustry: true, dustHazard: true });
    expect(classifyEmployer('30', '301', policy)).toMatchObject({ keyIndustry: false, dustHazard: true });
    expect(classifyEmployer('30', '309', policy).dustHazard).toBe(true);
    expect(classifyEmployer('30', null, policy).dustHazard).toBe(false);
    expect(classifyEmployer('47', null, policy)).toMatchObject({ keyIndustry: true, dustHazard: false });
    expect(classifyEmployer('52', null, policy)).toMatchObject({ keyIndustry: false, dustHazard: false });
  });
  it('splits division 59 by group', () => {
    expect(classifyEmployer('59', '591', policy).riskClass).toBe(5);
    expect(classifyEmployer('59', '592', policy).riskClass).toBe(2);
  });
  it('has no flags without a policy in force', () => {
    expect(classifyEmployer('06', null, { key: null, dust: null })).toMatchObject({
      keyIndustry: false,
      dustHazard: false,
    });
  });
});
