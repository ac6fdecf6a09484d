import { CITY_CODE } from '@yufang/contracts';
import { z } from 'zod';
import type { RegionIndex } from '../../core/authz/regions.js';
import type { Db } from '../../core/db/index.js';
import { type PolicyDefault, policyInForce } from '../../core/policy/policy.js';

export const CRITERIA_KEY = 'monitoring.criteria';

/** The thresholds of the key-monitoring criteria (重点监控列入条件). */
export const CriteriaPolicy = z.object({
  /** under_insured: insured headcount more than this percent below the workforce. */
  underInsuredMarginPct: z.number().min(0).max(100),
  /** repeated_serious: at least this many serious injuries or deaths … */
  seriousMinCount: z.number().int().min(1).max(100),
  /** … within this many months. */
  seriousMonths: z.number().int().min(1).max(60),
  /** overdue_major_hazard: a major hazard not closed this many days past its deadline. */
  overdueDays: z.number().int().min(0).max(365),
});
export type CriteriaPolicy = z.infer<typeof CriteriaPolicy>;

export const MONITORING_POLICY_DEFAULTS: PolicyDefault<unknown>[] = [
  {
    key: CRITERIA_KEY,
    regionCode: CITY_CODE,
    effectiveFrom: '2020-01-01',
    value: { underInsuredMarginPct: 10, seriousMinCount: 2, seriousMonths: 12, overdueDays: 30 },
    source:
      '《三明市工伤预防五年行动计划》三(一)：对未参保、参保人数明显不足、工伤事故多发、重大隐患逾期未整改的用人单位实施重点监控。' +
      '阈值为平台默认值（参保差额 10%、12 个月内重伤死亡 2 起、重大隐患逾期 30 日），联席会议办公室可调整',
  },
];

export async function criteriaPolicy(db: Db, regions: RegionIndex, onDate: string): Promise<CriteriaPolicy> {
  const policy = await policyInForce(db, regions, CriteriaPolicy, CRITERIA_KEY, CITY_CODE, onDate);
  if (!policy) throw new Error(`没有适用于 ${onDate} 的重点监控列入条件设置（${CRITERIA_KEY}）`);
  return policy;
}
