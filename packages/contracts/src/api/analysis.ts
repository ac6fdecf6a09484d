import { z } from 'zod';

/**
 * Filters shared by every chart of the dashboards (and kept in the web's URL): year range, county, GB/T 4754
 * division and key industry — `all` for every key industry of the cycle, or one key-industry category by name.
 */
const FilterFields = z.object({
  yearFrom: z.coerce.number().int().min(2000, '起始年份应在 2000 年以后').max(2100, '起始年份无效').optional(),
  yearTo: z.coerce.number().int().min(2000, '截止年份应在 2000 年以后').max(2100, '截止年份无效').optional(),
  county: z
    .string()
    .regex(/^\d{6}$/, '区划代码应为 6 位数字')
    .optional(),
  industry: z
    .string()
    .regex(/^\d{2}$/, '行业代码应为 2 位门类大类代码')
    .optional(),
  keyIndustry: z.string().trim().min(1).max(32, '重点行业名称最多 32 个字符').optional(),
});
const yearOrder = {
  check: (f: { yearFrom?: number; yearTo?: number }) =>
    f.yearFrom === undefined || f.yearTo === undefined || f.yearFrom <= f.yearTo,
  message: { message: '起始年份不能晚于截止年份', path: ['yearFrom'] },
};
export const AnalysisFilter = FilterFields.refine(yearOrder.check, yearOrder.message);
export type AnalysisFilter = z.infer<typeof AnalysisFilter>;

const Cell = z.union([z.string(), z.number(), z.null()]);

/**
 * One chart's underlying table: the web draws the chart from it, the export writes it to .xlsx, and `drill` holds
 * the record-list query parameters (year, county, industry, category, severity …) behind each row.
 */
export const ChartTable = z.object({
  key: z.string(),
  title: z.string(),
  columns: z.array(z.object({ key: z.string(), title: z.string() })),
  rows: z.array(z.record(z.string(), Cell)),
  /** Record list the rows drill down to: /injuries, /diseases or null where no list exists (fund spending). */
  drillPath: z.enum(['/injuries', '/diseases', '/accidents']).nullable(),
  drill: z.array(z.record(z.string(), z.string())).nullable(),
});
export type ChartTable = z.infer<typeof ChartTable>;

export const CHART_KEYS = [
  'byCounty',
  'byYear',
  'byMonth',
  'byIndustry',
  'byCategory',
  'bySeverity',
  'byJob',
  'byAge',
  'bySex',
  'byTenure',
  'pneumoconiosis',
  'costByItem',
] as const;
export type ChartKey = (typeof CHART_KEYS)[number];

export const Headline = z.object({
  cases: z.number(),
  recognised: z.number(),
  pending: z.number(),
  deaths: z.number(),
  serious: z.number(),
  lostWorkdays: z.number(),
  averageInsured: z.number().nullable(),
  incidencePerThousand: z.number().nullable(),
  deathRatePerThousand: z.number().nullable(),
  seriousRatePerThousand: z.number().nullable(),
  frequencyA: z.number().nullable(),
  severityB: z.number().nullable(),
  averageSeverityN: z.number().nullable(),
  oshaRate: z.number().nullable(),
  costFen: z.number(),
  /** Hours are estimated from the headcount (hours per day × days per month of the setting). */
  hoursEstimated: z.boolean(),
});
export type Headline = z.infer<typeof Headline>;

export const DashboardView = z.object({
  yearFrom: z.number(),
  yearTo: z.number(),
  /** Counties the caller may see and choose (a county officer: their own only). */
  counties: z.array(z.object({ code: z.string(), name: z.string() })),
  keyIndustries: z.array(z.object({ name: z.string(), codes: z.array(z.string()) })),
  headline: Headline,
  charts: z.record(z.string(), ChartTable),
  can: z.object({ drillDown: z.boolean(), export: z.boolean() }),
});
export type DashboardView = z.infer<typeof DashboardView>;

export const TARGET_STATUSES = { on_track: '按计划推进', at_risk: '存在风险', no_data: '数据不足' } as const;
export const TargetStatus = z.enum(['on_track', 'at_risk', 'no_data']);
export type TargetStatus = z.infer<typeof TargetStatus>;

export const TargetLine = z.object({
  level: z.enum(['city', 'industry', 'county']),
  code: z.string(),
  name: z.string(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  years: z.array(
    z.object({ year: z.number(), rate: z.number().nullable(), path: z.number().nullable(), cases: z.number() }),
  ),
  projection: z.number().nullable(),
  /** true while the final year is projected from the trend; false once it has its own rate. */
  projected: z.boolean(),
  /** Change of the projected (or, once the cycle is over, actual) final-year rate against the baseline. */
  change: z.number().nullable(),
  status: TargetStatus,
  /** Record-list query of this line (key industries of the cycle in its county / industry). */
  drill: z.record(z.string(), z.string()).nullable(),
});
export type TargetLine = z.infer<typeof TargetLine>;

export const TargetQuery = z.object({
  /** First year of the cycle; default: the cycle of the latest year with data. */
  cycle: z.coerce.number().int().min(2000, '周期起始年份无效').max(2100, '周期起始年份无效').optional(),
});
export type TargetQuery = z.infer<typeof TargetQuery>;

export const TargetView = z.object({
  cycle: z.object({
    name: z.string(),
    firstYear: z.number(),
    lastYear: z.number(),
    baselineYear: z.number(),
    reduction: z.number(),
  }),
  /** Every configured cycle (to choose from). */
  cycles: z.array(z.object({ firstYear: z.number(), name: z.string() })),
  /** The rule behind the marks, as shown on the page. */
  rule: z.string(),
  source: z.string().nullable(),
  lines: z.array(TargetLine),
  can: z.object({ drillDown: z.boolean(), export: z.boolean() }),
});
export type TargetView = z.infer<typeof TargetView>;

export const AnalysisExportQuery = FilterFields.extend({
  chart: z.enum([...CHART_KEYS, 'targets'], { error: '请选择要导出的图表' }),
  cycle: TargetQuery.shape.cycle,
}).refine(yearOrder.check, yearOrder.message);
export type AnalysisExportQuery = z.infer<typeof AnalysisExportQuery>;
