import { CITY_CODE } from '@yufang/contracts';
import { z } from 'zod';
import type { RegionIndex } from '../../core/authz/regions.js';
import type { Db } from '../../core/db/index.js';
import { type PolicyDefault, policyInForce } from '../../core/policy/policy.js';

export const CAMPAIGN_KEY = 'campaign.dust';

/** The pneumoconiosis insurance campaign (尘肺病重点行业工伤保险扩面): its years, target and yearly milestones. */
export const CampaignPolicy = z
  .object({
    startYear: z.number().int().min(2000).max(2100),
    endYear: z.number().int().min(2000).max(2100),
    /** Target coverage of the workforce in percent (100: every worker insured); it stays the target after the campaign. */
    targetPct: z.number().min(0).max(100),
    /** Coverage to reach by the end of each campaign year, percent. */
    milestones: z.array(z.object({ year: z.number().int(), pct: z.number().min(0).max(100) })).default([]),
  })
  .refine((p) => p.startYear <= p.endYear, '扩面起始年份不能晚于结束年份');
export type CampaignPolicy = z.infer<typeof CampaignPolicy>;

export const CAMPAIGN_POLICY_DEFAULTS: PolicyDefault<unknown>[] = [
  {
    key: CAMPAIGN_KEY,
    regionCode: CITY_CODE,
    effectiveFrom: '2021-01-01',
    value: {
      startYear: 2021,
      endYear: 2023,
      targetPct: 100,
      milestones: [
        { year: 2021, pct: 80 },
        { year: 2022, pct: 90 },
        { year: 2023, pct: 100 },
      ],
    },
    source:
      '《三明市工伤预防五年行动计划（2021—2025年）实施方案》三(三)3；闽人社文〔2020〕14号（尘肺病重点行业工伤保险扩面专项行动）：' +
      '重点行业职工应保尽保。扩面年份 2021—2023、目标 100%（全员参保）及年度进度为平台默认，可调整',
  },
];

/** The campaign policy in force for a region on a date (a county may set its own; else the city's). */
export async function campaignPolicy(db: Db, regions: RegionIndex, regionCode: string, onDate: string) {
  const policy = await policyInForce(db, regions, CampaignPolicy, CAMPAIGN_KEY, regionCode, onDate);
  if (!policy) throw new Error(`没有适用于 ${regionCode} ${onDate} 的尘肺病扩面设置（${CAMPAIGN_KEY}）`);
  return policy;
}
