import { CITY_CODE } from '@yufang/contracts';
import { z } from 'zod';
import type { RegionIndex } from '../../core/authz/regions.js';
import type { Db } from '../../core/db/index.js';
import { type PolicyDefault, policyInForce } from '../../core/policy/policy.js';

export const DEADLINE_KEY = 'hazard.deadline';
export const LADDER_KEY = 'hazard.escalation';

/** Rectification days (限期整改) by level, counted from the day the hazard was found. */
export const DeadlinePolicy = z.object({
  generalDays: z.number().int().min(1).max(365),
  majorDays: z.number().int().min(1).max(730),
});
export type DeadlinePolicy = z.infer<typeof DeadlinePolicy>;

/** The escalation ladder, in days relative to the deadline. */
export const LadderPolicy = z
  .object({
    /** The employer is reminded this many days before the deadline. */
    reminderDaysBefore: z.number().int().min(0).max(60),
    /** The county HRSS office takes it over on the deadline day plus this many days (0: on the day). */
    countyAfterDays: z.number().int().min(0).max(60),
    cityAfterDays: z.number().int().min(1).max(180),
    jointMeetingAfterDays: z.number().int().min(1).max(365),
    enforcementAfterDays: z.number().int().min(1).max(365),
  })
  .refine(
    (l) => l.countyAfterDays < l.cityAfterDays && l.cityAfterDays < l.jointMeetingAfterDays,
    '督办阶梯应逐级推后：县级 < 市级 < 联席会议',
  )
  .refine((l) => l.jointMeetingAfterDays < l.enforcementAfterDays, '建议执法应在联席会议督办之后');
export type LadderPolicy = z.infer<typeof LadderPolicy>;

export const HAZARD_POLICY_DEFAULTS: PolicyDefault<unknown>[] = [
  {
    key: DEADLINE_KEY,
    regionCode: CITY_CODE,
    effectiveFrom: '2020-01-01',
    value: { generalDays: 30, majorDays: 90 },
    source:
      '《安全生产事故隐患排查治理暂行规定》（国家安全监管总局令第16号）第十条、第十五条：一般事故隐患立即组织整改，' +
      '重大事故隐患制定治理方案、明确时限；《三明市工伤预防五年行动计划》三(二)3 限期整改。整改天数为平台默认值（一般30日、重大90日），' +
      '联席会议办公室可按县调整',
  },
  {
    key: LADDER_KEY,
    regionCode: CITY_CODE,
    effectiveFrom: '2020-01-01',
    value: {
      reminderDaysBefore: 7,
      countyAfterDays: 0,
      cityAfterDays: 7,
      jointMeetingAfterDays: 30,
      enforcementAfterDays: 45,
    },
    source:
      '《三明市工伤预防五年行动计划》三(二)3：逾期未整改的隐患逐级督办（县→市→联席会议），仍未整改的移送负责部门依法处理；' +
      '《安全生产事故隐患排查治理暂行规定》第二十三条（挂牌督办）。天数为平台默认值，联席会议办公室可调整',
  },
];

/** The deadline policy in force for a county on a date (a county may set its own; else the city's). */
export async function deadlinePolicy(db: Db, regions: RegionIndex, county: string, onDate: string) {
  const policy = await policyInForce(db, regions, DeadlinePolicy, DEADLINE_KEY, county, onDate);
  if (!policy) throw new Error(`没有适用于 ${county} ${onDate} 的隐患整改期限设置（${DEADLINE_KEY}）`);
  return policy;
}

export async function ladderPolicy(db: Db, regions: RegionIndex, county: string, onDate: string) {
  const policy = await policyInForce(db, regions, LadderPolicy, LADDER_KEY, county, onDate);
  if (!policy) throw new Error(`没有适用于 ${county} ${onDate} 的隐患督办阶梯设置（${LADDER_KEY}）`);
  return policy;
}
