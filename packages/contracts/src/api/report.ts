import { z } from 'zod';

/** The annual analysis report (年度工伤预防分析报告): a year, and a county or (absent) the whole city. */
export const ReportQuery = z.object({
  year: z.coerce.number().int().min(2000, '年份应不早于 2000 年').max(2100, '年份应不晚于 2100 年'),
  countyCode: z
    .string()
    .regex(/^\d{6}$/, '区划代码应为 6 位数字')
    .optional(),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

/** What the report page offers the caller: the years with data and the areas in their scope. */
export const ReportOptions = z.object({
  years: z.array(z.number().int()),
  defaultYear: z.number().int(),
  /** The city first when the caller may report on it, then each county in scope. */
  areas: z.array(z.object({ code: z.string().nullable(), name: z.string() })),
});
export type ReportOptions = z.infer<typeof ReportOptions>;
