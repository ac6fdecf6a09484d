import { CITY_CODE } from '@yufang/contracts';
import { z } from 'zod';
import type { RegionIndex } from '../../core/authz/regions.js';
import type { Db } from '../../core/db/index.js';
import { type PolicyDefault, policyInForce } from '../../core/policy/policy.js';

export const PREVENTION_CAP_KEY = 'fund.prevention-cap';

/**
 * The prevention-fee cap as a share of last year's contribution income, in basis points (300 = 3%): the normal rate,
 * the rate when last year's income did not cover spending, and a provincially approved higher rate (with the
 * approving document) — a new approval is a new policy row with its own effective date.
 */
export const PreventionCapPolicy = z.object({
  normalRateBp: z.number().int().min(0).max(10000),
  deficitRateBp: z.number().int().min(0).max(10000),
  approvedRateBp: z.number().int().min(0).max(10000).optional(),
  approvedDocument: z.string().min(1).optional(),
});
export type PreventionCapPolicy = z.infer<typeof PreventionCapPolicy>;

export const FUND_POLICY_DEFAULTS: PolicyDefault<unknown>[] = [
  {
    key: PREVENTION_CAP_KEY,
    regionCode: CITY_CODE,
    effectiveFrom: '2017-08-01',
    value: { normalRateBp: 300, deficitRateBp: 100 },
    source:
      '《工伤预防费使用管理暂行办法》（人社部规〔2017〕13号）第五条、《三明市工伤预防费使用管理实施办法》（明人社〔2019〕109号）：' +
      '工伤预防费不超过上年度工伤保险基金征缴收入的 3%；上年度基金收不抵支的不超过 1%；确需超过的须报省级人社、财政部门批准',
  },
];

export async function preventionCapPolicy(db: Db, regions: RegionIndex, on: string): Promise<PreventionCapPolicy> {
  const value = await policyInForce(db, regions, PreventionCapPolicy, PREVENTION_CAP_KEY, CITY_CODE, on);
  if (!value) throw new Error(`没有适用于 ${on} 的工伤预防费计提比例设置（${PREVENTION_CAP_KEY}）`);
  return value;
}
