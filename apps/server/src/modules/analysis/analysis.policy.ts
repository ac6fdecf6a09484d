import { CITY_CODE } from '@yufang/contracts';
import { z } from 'zod';
import type { RegionIndex } from '../../core/authz/regions.js';
import type { Db } from '../../core/db/index.js';
import { type PolicyDefault, policyInForce } from '../../core/policy/policy.js';

/** A five-year cycle's first target: the key-industry work-injury rate down by `reduction` from the baseline year. */
export const TargetCycle = z.object({
  name: z.string(),
  firstYear: z.number().int(),
  lastYear: z.number().int(),
  baselineYear: z.number().int(),
  /** 0.2 = down 20% from the baseline by the last year. */
  reduction: z.number().min(0).max(1),
});
export type TargetCycle = z.infer<typeof TargetCycle>;

/** How the dashboards band and estimate: bands are lower bounds of each band after the first. */
export const AnalysisSettings = z.object({
  ageBands: z.array(z.number().int()),
  tenureBands: z.array(z.number().int()),
  /** The pneumoconiosis target counts new cases with fewer than this many years of exposure. */
  shortExposureYears: z.number().int().positive(),
  /** Hours per worker and month where hours worked are not reported (GB 6441 A and B, OSHA rate). */
  hoursPerDay: z.number().positive(),
  daysPerMonth: z.number().positive(),
});
export type AnalysisSettings = z.infer<typeof AnalysisSettings>;

export const TARGET_CYCLE = 'analysis.target_cycle';
export const ANALYSIS_SETTINGS = 'analysis.settings';

export const ANALYSIS_POLICY_DEFAULTS: PolicyDefault<unknown>[] = [
  {
    key: TARGET_CYCLE,
    regionCode: CITY_CODE,
    effectiveFrom: '2021-01-01',
    effectiveTo: '2026-01-01',
    source: '三明市工伤预防五年行动计划（2021—2025年）实施方案 二、目标任务：重点行业工伤事故发生率五年降低20%左右',
    value: { name: '2021—2025年', firstYear: 2021, lastYear: 2025, baselineYear: 2020, reduction: 0.2 },
  },
  {
    key: TARGET_CYCLE,
    regionCode: CITY_CODE,
    effectiveFrom: '2026-01-01',
    source: '下一个五年周期（2026—2030年）的示例目标，待正式文件印发后由安全管理员按文件修改',
    value: { name: '2026—2030年', firstYear: 2026, lastYear: 2030, baselineYear: 2025, reduction: 0.1 },
  },
  {
    key: ANALYSIS_SETTINGS,
    regionCode: CITY_CODE,
    effectiveFrom: '2020-01-01',
    source:
      '年龄段、工龄段为统计口径；接害工龄不足5年的尘肺病新发病例占比（实施方案 三(三)3）；月工作日20.83天、每日8小时（劳社部发〔2008〕3号）',
    value: {
      ageBands: [25, 35, 45, 55],
      tenureBands: [1, 3, 5, 10],
      shortExposureYears: 5,
      hoursPerDay: 8,
      daysPerMonth: 20.83,
    },
  },
];

/** The cycle in force in a year (its 30 June, so a cycle is found by any year it covers). */
export function cycleOfYear(db: Db, regions: RegionIndex, year: number): Promise<TargetCycle | null> {
  return policyInForce(db, regions, TargetCycle, TARGET_CYCLE, CITY_CODE, `${year}-06-30`);
}

export async function analysisSettings(db: Db, regions: RegionIndex, onDate: string): Promise<AnalysisSettings> {
  const value = await policyInForce(db, regions, AnalysisSettings, ANALYSIS_SETTINGS, CITY_CODE, onDate);
  if (value) return value;
  return AnalysisSettings.parse(ANALYSIS_POLICY_DEFAULTS.find((d) => d.key === ANALYSIS_SETTINGS)?.value);
}

/** Band label of a value against lower bounds [25, 35] → '<25', '25–34', '≥35'. */
export function bandOf(value: number, bounds: readonly number[]): string {
  const i = bounds.findIndex((b) => value < b);
  if (i === 0) return `<${bounds[0]}`;
  if (i === -1) return `≥${bounds[bounds.length - 1]}`;
  return `${bounds[i - 1]}–${(bounds[i] ?? 0) - 1}`;
}
