import { CITY_CODE, PROVIDER_SERVICE_TYPES } from '@yufang/contracts';
import { z } from 'zod';
import type { RegionIndex } from '../../core/authz/regions.js';
import type { Db } from '../../core/db/index.js';
import { type PolicyDefault, policyInForce } from '../../core/policy/policy.js';

export const SERVICE_TYPES_KEY = 'provider.serviceTypes';
export const CREDIT_KEY = 'provider.credit';
export const REMINDER_KEY = 'provider.reminders';

/** The service types an organisation can register for (codes stored on the organisation). */
export const ServiceTypesPolicy = z.object({
  types: z.array(z.object({ code: z.string().min(1), name: z.string().min(1) })).min(1),
});
export type ServiceTypesPolicy = z.infer<typeof ServiceTypesPolicy>;

/**
 * The credit rating: every organisation starts at `start` and loses points for what its record shows; the grade is
 * the first threshold the score reaches (A ≥ a, B ≥ b, C ≥ c, else D); a barred organisation is D.
 */
export const CreditPolicy = z.object({
  start: z.number().min(0),
  failedEngagement: z.number().min(0),
  terminatedEngagement: z.number().min(0),
  upheldComplaint: z.number().min(0),
  /** Points per percent of the contracted amount deducted at acceptance. */
  deductionPerPct: z.number().min(0),
  /** Points per percent of contracted units not delivered (finished engagements only). */
  underDeliveryPerPct: z.number().min(0),
  /** An acceptance score below this (hundredths of a point) costs `lowScorePoints`. */
  lowScoreBelow: z.number().int().min(0).max(10000),
  lowScorePoints: z.number().min(0),
  grades: z.object({ A: z.number(), B: z.number(), C: z.number() }),
});
export type CreditPolicy = z.infer<typeof CreditPolicy>;

export const ReminderPolicy = z.object({ days: z.array(z.number().int().min(1).max(365)) });
export type ReminderPolicy = z.infer<typeof ReminderPolicy>;

const SOURCE = '《三明市工伤预防五年行动计划（2021—2025年）实施方案》三(八)1、四(二)：遴选第三方服务机构，建立推荐名录';

export const PROVIDER_POLICY_DEFAULTS: PolicyDefault<unknown>[] = [
  {
    key: SERVICE_TYPES_KEY,
    regionCode: CITY_CODE,
    effectiveFrom: '2021-01-01',
    value: { types: Object.entries(PROVIDER_SERVICE_TYPES).map(([code, name]) => ({ code, name })) },
    source: `${SOURCE}；服务类型（宣传、培训、线上培训平台、诊断评估、咨询）为平台默认，可调整`,
  },
  {
    key: CREDIT_KEY,
    regionCode: CITY_CODE,
    effectiveFrom: '2021-01-01',
    value: {
      start: 100,
      failedEngagement: 15,
      terminatedEngagement: 25,
      upheldComplaint: 5,
      deductionPerPct: 1,
      underDeliveryPerPct: 0.5,
      lowScoreBelow: 7000,
      lowScorePoints: 5,
      grades: { A: 90, B: 75, C: 60 },
    },
    source: `${SOURCE}；信用评价扣分标准与等级线（A ≥ 90、B ≥ 75、C ≥ 60，禁入为 D）为平台默认，可调整`,
  },
  {
    key: REMINDER_KEY,
    regionCode: CITY_CODE,
    effectiveFrom: '2021-01-01',
    value: { days: [60, 30, 7] },
    source: '资质到期前 60、30、7 日及到期当日提醒，为平台默认，可调整',
  },
];

async function required<S extends z.ZodType>(db: Db, regions: RegionIndex, schema: S, key: string, on: string) {
  const value = await policyInForce(db, regions, schema, key, CITY_CODE, on);
  if (!value) throw new Error(`没有适用于 ${on} 的服务机构设置（${key}）`);
  return value as z.infer<S>;
}

export const serviceTypesPolicy = (db: Db, regions: RegionIndex, on: string) =>
  required(db, regions, ServiceTypesPolicy, SERVICE_TYPES_KEY, on);
export const creditPolicy = (db: Db, regions: RegionIndex, on: string) =>
  required(db, regions, CreditPolicy, CREDIT_KEY, on);
export const reminderPolicy = (db: Db, regions: RegionIndex, on: string) =>
  required(db, regions, ReminderPolicy, REMINDER_KEY, on);
