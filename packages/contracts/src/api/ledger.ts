import { z } from 'zod';
import { Timestamp } from './common.js';

/** Key-industry cycles (重点行业周期) and county key-enterprise ledgers (重点企业清单、台账). */
export const LEDGER_STATUSES = { draft: '草稿', confirmed: '已确认', superseded: '已被替代' } as const;
export const LEDGER_BASES = { registry: '行业登记', risk_index: '风险指数', county: '县区添加' } as const;
export const LEDGER_DECISIONS = { included: '纳入', excluded: '剔除' } as const;
export const INDUSTRY_SET_KEYS = { 'industry.key': '重点行业', 'industry.dust': '尘肺病重点行业' } as const;

const IsoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const reason = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(2, `请填写${label}（至少 2 个字）`)
    .max(500, `${label}最多 500 个字符`);

export const IndustryCategoryInput = z.object({
  name: z.string({ error: '请填写类别名称' }).trim().min(1, '请填写类别名称').max(50, '类别名称最多 50 个字符'),
  codes: z
    .array(z.string().regex(/^\d{2,3}$/, '行业代码应为 2 位大类或 3 位中类'))
    .min(1, '每个类别至少填写一个行业代码'),
});
export const IndustryCycleInput = z.object({
  key: z.enum(['industry.key', 'industry.dust'], { error: '请选择行业集合（重点行业或尘肺病重点行业）' }),
  effectiveFrom: IsoDate,
  source: z.string().trim().max(300, '依据最多 300 个字符').optional(),
  categories: z.array(IndustryCategoryInput).min(1, '至少填写一个类别'),
});
export type IndustryCycleInput = z.infer<typeof IndustryCycleInput>;

export const IndustryCycleView = z.object({
  id: z.number(),
  key: z.string(),
  keyName: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  inForce: z.boolean(),
  source: z.string(),
  categories: z.array(
    z.object({
      name: z.string(),
      codes: z.array(z.object({ code: z.string(), name: z.string() })),
      /** Employers in the caller's scope that fall in the category now (the current flags' classification). */
      employers: z.number(),
    }),
  ),
});
export type IndustryCycleView = z.infer<typeof IndustryCycleView>;

export const LedgerYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const LedgerParams = z.object({
  countyCode: z.string().regex(/^\d{6}$/, '县区代码应为 6 位数字'),
  year: z.coerce.number().int().min(2000).max(2100),
});
export const LedgerRevisionParams = LedgerParams.extend({ revision: z.coerce.number().int().min(1) });

export const LedgerCountyStatus = z.object({
  countyCode: z.string(),
  countyName: z.string(),
  /** none (no ledger yet) | draft | confirmed */
  status: z.enum(['none', 'draft', 'confirmed']),
  revision: z.number().nullable(),
  confirmedRevision: z.number().nullable(),
  entries: z.number(),
  included: z.number(),
});
export type LedgerCountyStatus = z.infer<typeof LedgerCountyStatus>;

export const LedgerEntryView = z.object({
  employerId: z.string(),
  employerName: z.string(),
  uscc: z.string(),
  industryCode: z.string(),
  industryName: z.string(),
  category: z.string().nullable(),
  basis: z.enum(['registry', 'risk_index', 'county']),
  proposedReason: z.string(),
  decision: z.enum(['included', 'excluded']),
  decisionReason: z.string().nullable(),
  // 台账 figures, read live. Training coverage and prevention projects come with later issues.
  workforce: z.number().nullable(),
  insured: z.number().nullable(),
  insuranceStatus: z.string(),
  injuriesThisYear: z.number(),
  injuriesLastYear: z.number(),
  openHazards: z.number(),
  overdueHazards: z.number(),
  riskScore: z.number().nullable(),
});
export type LedgerEntryView = z.infer<typeof LedgerEntryView>;

export const LedgerView = z.object({
  id: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  year: z.number(),
  revision: z.number(),
  status: z.enum(['draft', 'confirmed', 'superseded']),
  amendReason: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: Timestamp,
  confirmedAt: Timestamp.nullable(),
  confirmedByName: z.string().nullable(),
  demo: z.boolean(),
  version: z.number(),
  entries: z.array(LedgerEntryView),
  canManage: z.boolean(),
});
export type LedgerView = z.infer<typeof LedgerView>;

export const LedgerRevisionSummary = z.object({
  revision: z.number(),
  status: z.enum(['draft', 'confirmed', 'superseded']),
  amendReason: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: Timestamp,
  confirmedAt: Timestamp.nullable(),
  confirmedByName: z.string().nullable(),
  entries: z.number(),
  included: z.number(),
});
export type LedgerRevisionSummary = z.infer<typeof LedgerRevisionSummary>;

export const LedgerVersionInput = z.object({ version: z.number({ error: '缺少版本号' }).int() });
export const LedgerDecisionInput = LedgerVersionInput.extend({
  employerId: z.uuid('用人单位编号格式不正确'),
  decision: z.enum(['included', 'excluded'], { error: '请选择纳入或剔除' }),
  reason: z.string().trim().max(500, '理由最多 500 个字符').optional(),
});
export type LedgerDecisionInput = z.infer<typeof LedgerDecisionInput>;
export const LedgerAddInput = LedgerVersionInput.extend({
  employerId: z.uuid('用人单位编号格式不正确'),
  reason: reason('添加理由'),
});
export type LedgerAddInput = z.infer<typeof LedgerAddInput>;
export const LedgerAmendInput = LedgerVersionInput.extend({ amendReason: reason('调整理由') });
export type LedgerAmendInput = z.infer<typeof LedgerAmendInput>;

export const LedgerEmployerQuery = z.object({
  countyCode: z.string().regex(/^\d{6}$/),
  q: z.string().trim().max(100).optional(),
});
export const LedgerEmployerOption = z.object({ id: z.string(), name: z.string(), uscc: z.string() });
