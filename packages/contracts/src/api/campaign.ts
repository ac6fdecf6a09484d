import { z } from 'zod';
import { PageQuery, pageOf, Timestamp } from './common.js';

/** The pneumoconiosis insurance campaign (尘肺病重点行业工伤保险扩面): coverage of dust-hazard employers. */
export const CAMPAIGN_CHECK_RESULTS = { pass: '合格', fail: '不合格' } as const;

const IsoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const CampaignCoverage = z.object({
  workforce: z.number().int(),
  insured: z.number().int(),
  /** insured / workforce, percent with one decimal. */
  coveragePct: z.number(),
  employers: z.number().int(),
  belowTarget: z.number().int(),
});
export type CampaignCoverage = z.infer<typeof CampaignCoverage>;

export const CampaignCountyCoverage = CampaignCoverage.extend({ countyCode: z.string(), countyName: z.string() });
export const CampaignCategoryCoverage = CampaignCoverage.extend({ category: z.string() });
export const CampaignProgressPoint = z.object({
  year: z.number().int(),
  workforce: z.number().int(),
  insured: z.number().int(),
  coveragePct: z.number().nullable(),
  milestonePct: z.number().nullable(),
  /** The current year, read live rather than from a year-end snapshot. */
  live: z.boolean(),
});

export const CampaignDashboard = z.object({
  today: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  targetPct: z.number(),
  city: CampaignCoverage,
  counties: z.array(CampaignCountyCoverage),
  categories: z.array(CampaignCategoryCoverage),
  progress: z.array(CampaignProgressPoint),
  /** Employers whose latest notice check failed. */
  failedChecks: z.number().int(),
  /** Whether the caller may see the employer list (employer.read). */
  employerList: z.boolean(),
});
export type CampaignDashboard = z.infer<typeof CampaignDashboard>;

export const CampaignLastCheck = z.object({
  id: z.string(),
  checkedOn: z.string(),
  result: z.enum(['pass', 'fail']),
});

export const CampaignEmployerView = z.object({
  employerId: z.string(),
  name: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  category: z.string(),
  workforce: z.number().int(),
  insured: z.number().int(),
  coveragePct: z.number(),
  /** Workers short of the target. */
  gap: z.number().int(),
  belowTarget: z.boolean(),
  lastCheck: CampaignLastCheck.nullable(),
});
export type CampaignEmployerView = z.infer<typeof CampaignEmployerView>;
export const CampaignEmployerPage = pageOf(CampaignEmployerView);
export type CampaignEmployerPage = z.infer<typeof CampaignEmployerPage>;

export const CampaignEmployerQuery = PageQuery.extend({
  countyCode: z
    .string()
    .regex(/^\d{6}$/, '县区代码应为 6 位数字')
    .optional(),
  category: z.string().max(50).optional(),
  belowTarget: flag.optional(),
  /** Latest check: pass, fail, or none (never checked). */
  check: z.enum(['pass', 'fail', 'none'], { error: '检查结果筛选不正确' }).optional(),
});
export type CampaignEmployerQuery = z.infer<typeof CampaignEmployerQuery>;
export type CampaignEmployerFilter = z.input<typeof CampaignEmployerQuery>;

export const CampaignCheckInput = z.object({
  employerId: z.uuid('请选择用人单位'),
  checkedOn: IsoDate,
  posted: z.boolean({ error: '请选择是否张贴参保公示' }),
  current: z.boolean({ error: '请选择公示是否为当期且与参保人数一致' }),
  note: z.string().trim().max(500, '说明最多 500 个字符').optional(),
});
export type CampaignCheckInput = z.infer<typeof CampaignCheckInput>;

export const CampaignEvidenceView = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  username: z.string().nullable(),
  at: Timestamp,
});
export type CampaignEvidenceView = z.infer<typeof CampaignEvidenceView>;

export const CampaignCheckView = z.object({
  id: z.string(),
  employerId: z.string(),
  countyCode: z.string(),
  checkedOn: z.string(),
  inspectorName: z.string(),
  posted: z.boolean(),
  current: z.boolean(),
  result: z.enum(['pass', 'fail']),
  note: z.string().nullable(),
  evidence: z.array(CampaignEvidenceView),
  createdAt: Timestamp,
});
export type CampaignCheckView = z.infer<typeof CampaignCheckView>;

export const CampaignEvidenceParams = z.object({ id: z.uuid('编号格式不正确'), evidenceId: z.uuid('编号格式不正确') });
