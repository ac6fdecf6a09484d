import { CITY_CODE } from '@yufang/contracts';
import { z } from 'zod';
import type { RegionIndex } from '../../core/authz/regions.js';
import type { Db } from '../../core/db/index.js';
import { type PolicyDefault, policyInForce } from '../../core/policy/policy.js';

export const PANEL_DRAW_KEY = 'panel.draw';
export const PANEL_CRITERIA_KEY = 'panel.criteria';
export const PANEL_DIVERGENCE_KEY = 'panel.divergence';
export const PANEL_FEES_KEY = 'panel.fees';

export const PanelDrawPolicy = z.object({ coolDownDays: z.number().int().min(0).max(3650) });

const Sheet = z
  .object({
    criteria: z
      .array(
        z.object({
          key: z.string().regex(/^[a-z_]+$/),
          label: z.string().min(1),
          weight: z.number().int().min(1).max(100),
          max: z.number().int().min(1).max(100),
        }),
      )
      .min(1),
    passMark: z.number().int().min(0).max(100),
  })
  .refine((s) => s.criteria.reduce((a, c) => a + c.weight, 0) === 100, '评分项权重之和应为 100');
export const PanelCriteriaPolicy = z.object({ review: Sheet, acceptance: Sheet, diagnosis: Sheet });
export type PanelCriteriaPolicy = z.infer<typeof PanelCriteriaPolicy>;

export const PanelDivergencePolicy = z.object({ points: z.number().min(0).max(100) });
export const PanelFeesPolicy = z.object({
  review: z.number().int().min(0),
  acceptance: z.number().int().min(0),
  diagnosis: z.number().int().min(0),
});

const SOURCE =
  '《三明市工伤预防五年行动计划（2021—2025年）实施方案》三(八)3：专家库专家参与工伤预防项目评审、诊断与验收；' +
  '《工伤预防费使用管理暂行办法》（人社部规〔2017〕13号）：项目确定与验收须经专家评审。';

export const PANEL_POLICY_DEFAULTS: PolicyDefault<unknown>[] = [
  {
    key: PANEL_DRAW_KEY,
    regionCode: CITY_CODE,
    effectiveFrom: '2021-01-01',
    value: { coolDownDays: 180 },
    source: `${SOURCE}同一申请或实施单位 180 天内不重复抽取同一专家为平台默认，可调整`,
  },
  {
    key: PANEL_CRITERIA_KEY,
    regionCode: CITY_CODE,
    effectiveFrom: '2021-01-01',
    value: {
      review: {
        criteria: [
          { key: 'necessity', label: '项目必要性与针对性', weight: 30, max: 10 },
          { key: 'feasibility', label: '实施方案可行性', weight: 30, max: 10 },
          { key: 'budget', label: '预算合理性', weight: 20, max: 10 },
          { key: 'capacity', label: '实施单位能力', weight: 20, max: 10 },
        ],
        passMark: 60,
      },
      acceptance: {
        criteria: [
          { key: 'delivery', label: '合同内容完成情况', weight: 40, max: 10 },
          { key: 'effect', label: '预防效果', weight: 30, max: 10 },
          { key: 'funds', label: '资金使用规范性', weight: 20, max: 10 },
          { key: 'records', label: '档案资料完整性', weight: 10, max: 10 },
        ],
        passMark: 60,
      },
      diagnosis: {
        criteria: [
          { key: 'identification', label: '风险辨识全面性', weight: 40, max: 10 },
          { key: 'measures', label: '整改措施针对性', weight: 40, max: 10 },
          { key: 'report', label: '诊断报告质量', weight: 20, max: 10 },
        ],
        passMark: 60,
      },
    },
    source: `${SOURCE}评分项、权重与及格分为平台默认，可调整`,
  },
  {
    key: PANEL_DIVERGENCE_KEY,
    regionCode: CITY_CODE,
    effectiveFrom: '2021-01-01',
    value: { points: 15 },
    source: `${SOURCE}专家评分最高与最低相差超过 15 分提示分歧、须说明为平台默认，可调整`,
  },
  {
    key: PANEL_FEES_KEY,
    regionCode: CITY_CODE,
    effectiveFrom: '2021-01-01',
    value: { review: 60000, acceptance: 80000, diagnosis: 100000 },
    source: `${SOURCE}评审劳务费每人次 600 元、验收 800 元、诊断 1000 元为平台默认，按当地标准调整`,
  },
];

async function required<S extends z.ZodType>(
  db: Db,
  regions: RegionIndex,
  schema: S,
  key: string,
  region: string,
  on: string,
): Promise<z.infer<S>> {
  const value = await policyInForce(db, regions, schema, key, region, on);
  if (!value) throw new Error(`没有适用于 ${region} ${on} 的专家抽取设置（${key}）`);
  return value;
}

export const panelDrawPolicy = (db: Db, regions: RegionIndex, region: string, on: string) =>
  required(db, regions, PanelDrawPolicy, PANEL_DRAW_KEY, region, on);
export const panelCriteriaPolicy = (db: Db, regions: RegionIndex, region: string, on: string) =>
  required(db, regions, PanelCriteriaPolicy, PANEL_CRITERIA_KEY, region, on);
export const panelDivergencePolicy = (db: Db, regions: RegionIndex, region: string, on: string) =>
  required(db, regions, PanelDivergencePolicy, PANEL_DIVERGENCE_KEY, region, on);
export const panelFeesPolicy = (db: Db, regions: RegionIndex, region: string, on: string) =>
  required(db, regions, PanelFeesPolicy, PANEL_FEES_KEY, region, on);
