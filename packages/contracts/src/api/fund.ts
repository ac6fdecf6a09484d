import { z } from 'zod';
import { pageOf, Timestamp } from './common.js';

/** Fund years, the prevention-fee cap and budget line, the payment ledger and public disclosure (issue 7). */

const fen = (label: string) =>
  z.number(`请填写${label}`).int(`${label}应为以分为单位的整数`).min(0, `${label}不能为负数`);
const Year = z.coerce.number().int('年度应为整数').min(2000, '年度不能早于 2000 年').max(2100, '年度不能晚于 2100 年');

export const FUND_YEAR_COLUMNS = ['年度', '征缴收入（元）', '基金支出（元）'] as const;

export const FundYearParams = z.object({ year: Year });

export const FundYearInput = z.object({
  incomeFen: fen('征缴收入'),
  spendingFen: fen('基金支出'),
  note: z.string().trim().max(500, '说明最多 500 字').optional(),
  /** Absent for a new year; the version read for a correction (409 if changed meanwhile). */
  version: z.number().int().min(0).optional(),
});
export type FundYearInput = z.infer<typeof FundYearInput>;

export const FundYearView = z.object({
  year: z.number(),
  incomeFen: z.number(),
  spendingFen: z.number(),
  deficit: z.boolean(),
  source: z.enum(['manual', 'import']),
  note: z.string().nullable(),
  enteredByName: z.string(),
  enteredAt: Timestamp,
  version: z.number(),
});
export type FundYearView = z.infer<typeof FundYearView>;

/** The cap of a year computed from year − 1 and the policy in force on 1 January. */
export const CapView = z.object({
  year: z.number(),
  baseYear: z.number(),
  baseIncomeFen: z.number(),
  baseSpendingFen: z.number(),
  deficit: z.boolean(),
  rateBp: z.number(),
  capFen: z.number(),
  basis: z.string(),
});
export type CapView = z.infer<typeof CapView>;

export const BudgetView = CapView.extend({
  budgetFen: z.number(),
  earmarkedFen: z.number(),
  committedFen: z.number(),
  paidFen: z.number(),
  remainingFen: z.number(),
  setByName: z.string(),
  setAt: Timestamp,
  version: z.number(),
});
export type BudgetView = z.infer<typeof BudgetView>;

export const FundOverview = z.object({
  years: z.array(FundYearView),
  budgets: z.array(BudgetView),
  /** Years whose cap can be computed (year − 1 entered) but that have no budget yet. */
  openCaps: z.array(CapView),
});
export type FundOverview = z.infer<typeof FundOverview>;

export const BudgetInput = z.object({
  budgetFen: fen('预算金额'),
  version: z.number().int().min(0).optional(),
});
export type BudgetInput = z.infer<typeof BudgetInput>;

export const FundImportInput = z.object({
  fileName: z.string().trim().min(1, '请选择文件').max(200, '文件名过长'),
  contentBase64: z.string().min(1, '文件为空').max(900_000, '文件不能超过 600 KB'),
});
export type FundImportInput = z.infer<typeof FundImportInput>;
export const FundImportResult = z.object({ created: z.number(), updated: z.number(), years: z.array(z.number()) });
export type FundImportResult = z.infer<typeof FundImportResult>;

// ---- payment ledger ----

export const FUND_PAYMENT_KIND_LABELS = { prepayment: '预付款', balance: '余款', recovery: '追回' } as const;
export type FundPaymentKind = keyof typeof FUND_PAYMENT_KIND_LABELS;

export const PaymentListQuery = z.object({
  limit: z.coerce.number().int().min(1, '每页条数至少为 1').max(200, '每页条数最多 200').default(50),
  cursor: z.string().max(500).optional(),
  year: Year.optional(),
  kind: z.enum(['prepayment', 'balance', 'recovery']).optional(),
  transferred: z.enum(['yes', 'no']).optional(),
});
export type PaymentListQuery = z.infer<typeof PaymentListQuery>;

export const PaymentView = z.object({
  id: z.string(),
  year: z.number(),
  projectId: z.string(),
  projectCode: z.string().nullable(),
  projectTitle: z.string(),
  kind: z.enum(['prepayment', 'balance', 'recovery']),
  amountFen: z.number(),
  basis: z.string(),
  postedAt: Timestamp,
  postedByName: z.string(),
  voucherNo: z.string().nullable(),
  transferredOn: z.string().nullable(),
  version: z.number(),
});
export type PaymentView = z.infer<typeof PaymentView>;
export const PaymentPage = pageOf(PaymentView);
export type PaymentPage = z.infer<typeof PaymentPage>;

export const TransferInput = z.object({
  voucherNo: z.string().trim().min(2, '请填写转账凭证号').max(60, '转账凭证号最多 60 字'),
  transferredOn: z.iso.date('转账日期格式应为 YYYY-MM-DD'),
  version: z.number().int().min(0),
});
export type TransferInput = z.infer<typeof TransferInput>;

// ---- public disclosure ----

export const PublicProjectsQuery = z.object({ year: Year.optional() });

export const PublicProjectRow = z.object({
  code: z.string().nullable(),
  title: z.string(),
  type: z.string(),
  applicantName: z.string().nullable(),
  implementerName: z.string().nullable(),
  approvedFen: z.number().nullable(),
  contractFen: z.number().nullable(),
  content: z.string(),
  delivered: z.string(),
  acceptance: z.string(),
  statusLabel: z.string(),
});
export type PublicProjectRow = z.infer<typeof PublicProjectRow>;

export const PublicFee = z.object({
  capFen: z.number().nullable(),
  budgetFen: z.number().nullable(),
  committedFen: z.number(),
  paidFen: z.number(),
  projects: z.number(),
  basis: z.string().nullable(),
});
export type PublicFee = z.infer<typeof PublicFee>;

export const PublicProjects = z.object({
  year: z.number(),
  years: z.array(z.number()),
  fee: PublicFee,
  projects: z.array(PublicProjectRow),
});
export type PublicProjects = z.infer<typeof PublicProjects>;
