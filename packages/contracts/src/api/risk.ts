import { z } from 'zod';
import { PageQuery, pageOf, Timestamp } from './common.js';

/** The factors of the employer risk index, in display order. */
export const RISK_FACTORS = {
  incidence: '发生率（对比行业）',
  severity: '严重程度',
  trend: '变化趋势',
  hazards: '未整改隐患',
} as const;
export type RiskFactorKey = keyof typeof RISK_FACTORS;

const weight = z.number().min(0, '权重不能为负').max(1, '权重不能超过 1');
const ratioCap = z.number().gt(1, '封顶倍数应大于 1').max(100, '封顶倍数最多 100');

/**
 * The parameters of the risk index (a policy setting with effective dates, key `analysis.risk_index`): weights of
 * the factors (they sum to 1, so the score runs 0–100), the caps at which a factor counts in full, the severity
 * points, the strength of the trend prior, the floor of the prior variance, and the monitoring-list threshold.
 */
export const RiskIndexParams = z
  .object({
    windowYears: z.number().int().min(2, '统计年数至少 2 年').max(10, '统计年数最多 10 年'),
    weights: z.object({ incidence: weight, severity: weight, trend: weight, hazards: weight }),
    incidenceCap: ratioCap,
    severityCap: ratioCap,
    trendCap: ratioCap,
    severityPoints: z.object({
      death: z.number().min(0),
      serious: z.number().min(0),
      minor: z.number().min(0),
    }),
    /** Lost workdays that add one severity point (deaths are not counted again: their 6000 days are a convention). */
    lostDaysPerPoint: z.number().positive(),
    /** Cases at the industry's mean severity that the severity estimate starts from (credibility weight). */
    severityPriorCases: z.number().positive(),
    /** Cases of the "no change" prior of the trend, shared between the last year and the years before by exposure. */
    trendPseudoCases: z.number().positive(),
    /** Lower bound of the between-employer variance of the relative risk (see risk-index.ts). */
    priorVarianceFloor: z.number().positive(),
    monitorThreshold: z.number().min(0).max(100),
    /** Cases in the window an employer needs before it is proposed (one accident alone is not a pattern). */
    monitorMinCases: z.number().int().min(0),
    /** Points per hazard open at the end of the scored year, by level, and extra points when it was past its deadline. */
    hazardPoints: z.object({
      general: z.number().min(0),
      major: z.number().min(0),
      overdue: z.number().min(0),
    }),
    /** Hazard points at which the hazards factor counts in full. */
    hazardCap: z.number().positive('隐患封顶分应大于 0'),
  })
  .refine((p) => Math.abs(Object.values(p.weights).reduce((s, w) => s + w, 0) - 1) < 1e-6, {
    message: '各因素权重之和应为 1',
    path: ['weights'],
  });
export type RiskIndexParams = z.infer<typeof RiskIndexParams>;

export const RiskFactorView = z.object({
  key: z.enum(Object.keys(RISK_FACTORS) as [RiskFactorKey, ...RiskFactorKey[]]),
  weight: z.number(),
  /**
   * The measure: smoothed ratio to the industry (incidence, severity per case), last year ÷ years before (trend), or
   * hazard points (hazards).
   */
  value: z.number(),
  /** 0–1: how much of the factor's weight the measure earns. */
  level: z.number(),
  /** Points of the 0–100 score. */
  contribution: z.number(),
  /**
   * What the measure is made of: cases and the cases the industry rate predicts (incidence), severity points and the
   * points the industry's mean severity predicts for those cases (severity), cases of the last year and before (trend),
   * hazards open at the end of the year and how many of them were overdue (hazards).
   */
  observed: z.number(),
  expected: z.number(),
});
export type RiskFactorView = z.infer<typeof RiskFactorView>;

export const RiskScoreView = z.object({
  employerId: z.uuid(),
  employerName: z.string(),
  uscc: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  industryCode: z.string(),
  industryName: z.string(),
  keyIndustry: z.boolean(),
  year: z.number().int(),
  score: z.number(),
  /** Worker-years of the window (sum of the monthly insured headcounts ÷ 12). */
  workerYears: z.number(),
  cases: z.number().int(),
  deaths: z.number().int(),
  serious: z.number().int(),
  factors: z.array(RiskFactorView),
  /** 建议纳入重点监控 (the monitoring list itself comes with the governance module). */
  monitorSuggested: z.boolean(),
  monitorReason: z.string().nullable(),
  computedAt: Timestamp,
  can: z.object({ viewEmployer: z.boolean() }),
});
export type RiskScoreView = z.infer<typeof RiskScoreView>;

const year = z.coerce.number().int().min(2000, '年份应不早于 2000 年').max(2100, '年份应不晚于 2100 年');
const flag = z.enum(['true', 'false'], { error: '应为 true 或 false' }).transform((v) => v === 'true');

export const RiskFilter = z.object({
  /** The last year of the window (default: the last complete year). */
  year: year.optional(),
  countyCode: z
    .string()
    .regex(/^\d{6}$/, '区划代码应为 6 位数字')
    .optional(),
  industryCode: z
    .string()
    .regex(/^\d{2}$/, '行业门类代码应为 2 位数字（GB/T 4754 大类）')
    .optional(),
  keyIndustry: flag.optional(),
  monitorSuggested: flag.optional(),
});
export type RiskFilter = z.infer<typeof RiskFilter>;

export const RiskListQuery = PageQuery.extend(RiskFilter.shape);
export type RiskListQuery = z.infer<typeof RiskListQuery>;

/** A page of the ranking, highest score first, with the parameters used and when they were computed. */
export const RiskPage = pageOf(RiskScoreView).extend({
  year: z.number().int(),
  params: RiskIndexParams,
  paramsSource: z.string(),
  computedAt: Timestamp.nullable(),
  can: z.object({ recompute: z.boolean() }),
});
export type RiskPage = z.infer<typeof RiskPage>;

export const RiskRecomputeInput = z.object({ year: year.optional() });
export const RiskRecomputeResult = z.object({ year: z.number().int(), employers: z.number().int(), ms: z.number() });
export type RiskRecomputeResult = z.infer<typeof RiskRecomputeResult>;
