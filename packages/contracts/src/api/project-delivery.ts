import { z } from 'zod';
import { PROJECT_STATUSES } from '../project-lifecycle.js';
import { pageOf, Timestamp } from './common.js';

/**
 * Implementation, supervision, acceptance, payments, archive and fraud controls of a prevention project (issue 7
 * items 5, 6, 8): the shapes of /projects/:id/delivery … and /project-flags.
 */

const Version = z.number({ error: '缺少版本号' }).int().min(0);
const DateText = (label: string) =>
  z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`);
const Text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, `请填写${label}（至少 ${min} 个字）`)
    .max(max, `${label}最多 ${max} 个字符`);

export const VersionInput = z.object({ version: Version });
export type VersionInput = z.infer<typeof VersionInput>;

/** A payment request: the key is generated once by the client (per dialog), so a repeated request posts once. */
export const PaymentRequest = z.object({
  version: Version,
  idempotencyKey: z
    .string({ error: '缺少付款请求编号' })
    .regex(/^[A-Za-z0-9:_-]{8,100}$/, '付款请求编号应为 8–100 位字母、数字或 - _ :'),
});
export type PaymentRequest = z.infer<typeof PaymentRequest>;

export const ProjectPaymentView = z.object({
  id: z.uuid(),
  kind: z.enum(['prepayment', 'balance', 'recovery']),
  kindLabel: z.string(),
  amountFen: z.number().int(),
  basis: z.string(),
  postedAt: Timestamp,
  postedByName: z.string(),
  voucherNo: z.string().nullable(),
  transferredOn: z.string().nullable(),
});
export type ProjectPaymentView = z.infer<typeof ProjectPaymentView>;
export const PaymentResult = z.object({ payment: ProjectPaymentView, replayed: z.boolean() });
export type PaymentResult = z.infer<typeof PaymentResult>;

export const TrainingSession = z.object({
  sessionOn: DateText('培训日期'),
  venue: Text('培训场地', 2, 200),
  venueCapacity: z.number({ error: '请填写场地容量' }).int('场地容量应为整数').min(1, '场地容量至少 1 人').max(100000),
});

export const ReportInput = z.object({
  milestoneKey: z.string().trim().max(40).nullable().default(null),
  summary: Text('进展情况', 4, 4000),
  /** { target key: value delivered so far } */
  delivered: z.record(z.string(), z.number().min(0, '完成值不能为负').max(1e9)).default({}),
  session: TrainingSession.nullable().default(null),
  /** The attendance list (.xlsx: 姓名, 身份证号码, 单位统一社会信用代码), base64, with its file name. */
  attendance: z
    .object({
      fileName: z.string().trim().min(1).max(200),
      contentBase64: z.string().min(4).max(1_300_000, '签到表文件过大（最多约 1 MB）'),
    })
    .nullable()
    .default(null),
});
export type ReportInput = z.infer<typeof ReportInput>;
export type ReportForm = z.input<typeof ReportInput>;

export const ATTENDANCE_COLUMNS = ['姓名', '身份证号码', '单位统一社会信用代码'] as const;
export const NOT_INSURED_FLAG = '未在所报单位参保';

export const AttendanceView = z.object({
  id: z.uuid(),
  name: z.string(),
  idMasked: z.string(),
  employerUscc: z.string(),
  employerName: z.string().nullable(),
  sessionOn: z.string(),
  insured: z.boolean(),
  flag: z.string().nullable(),
});
export type AttendanceView = z.infer<typeof AttendanceView>;

export const DocumentView = z.object({
  id: z.uuid(),
  kind: z.enum(['application', 'contract', 'report', 'evidence', 'acceptance', 'other']),
  name: z.string(),
  version: z.number().int(),
  reportId: z.uuid().nullable(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedByName: z.string(),
  uploadedAt: Timestamp,
});
export type DocumentView = z.infer<typeof DocumentView>;
export const DocumentKindQuery = z.object({
  kind: z.enum(['report', 'evidence', 'acceptance', 'other'], { error: '文件类别应为 报告/证据/验收/其他' }),
  reportId: z.uuid().optional(),
});

export const ReportView = z.object({
  id: z.uuid(),
  milestoneKey: z.string().nullable(),
  milestoneName: z.string().nullable(),
  summary: z.string(),
  delivered: z.record(z.string(), z.number()),
  sessionOn: z.string().nullable(),
  venue: z.string().nullable(),
  venueCapacity: z.number().nullable(),
  submittedByName: z.string(),
  submittedAt: Timestamp,
  attendees: z.number().int(),
  notInsured: z.number().int(),
  attendance: z.array(AttendanceView),
  documents: z.array(DocumentView),
});
export type ReportView = z.infer<typeof ReportView>;

export const CheckInput = z.object({
  checkedOn: DateText('检查日期'),
  result: z.enum(['ok', 'issues'], { error: '请选择检查结论' }),
  findings: Text('检查情况', 4, 4000),
  followUp: z.string().trim().max(2000).nullable().default(null),
});
export type CheckInput = z.infer<typeof CheckInput>;
export const CheckView = CheckInput.extend({ id: z.uuid(), checkedByName: z.string(), createdAt: Timestamp });
export type CheckView = z.infer<typeof CheckView>;

export const AcceptancePanelInput = z.object({
  version: Version,
  mix: z
    .array(z.object({ domain: z.string().min(1), count: z.number().int().min(1).max(15) }))
    .min(1, '请至少添加一个专业领域')
    .max(6),
});
export type AcceptancePanelInput = z.infer<typeof AcceptancePanelInput>;

export const TargetResult = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.string(),
  comparator: z.string(),
  target: z.number(),
  delivered: z.number(),
  met: z.boolean(),
});
export type TargetResult = z.infer<typeof TargetResult>;

export const AcceptanceDecisionInput = z.object({
  version: Version,
  /** Delivered per target key (defaults offered from the reports). */
  delivered: z.record(z.string(), z.number().min(0).max(1e9)),
  note: z.string().trim().max(2000).nullable().default(null),
});
export type AcceptanceDecisionInput = z.infer<typeof AcceptanceDecisionInput>;

export const AcceptanceView = z.object({
  id: z.uuid(),
  round: z.number().int(),
  panelId: z.uuid().nullable(),
  panelStatus: z.string().nullable(),
  panelConclusion: z.enum(['pass', 'fail']).nullable(),
  delivered: z.array(TargetResult),
  /** hundredths of a point */
  score: z.number().nullable(),
  outcome: z.enum(['pending', 'passed', 'failed']),
  note: z.string().nullable(),
  decidedAt: Timestamp.nullable(),
});
export type AcceptanceView = z.infer<typeof AcceptanceView>;

export const RectifyInput = z.object({ version: Version, note: z.string().trim().max(2000).nullable().default(null) });
export const TerminateInput = z.object({
  version: Version,
  deductionFen: z.number({ error: '请填写扣减金额' }).int('扣减金额以分为单位').min(1, '扣减金额须大于 0'),
  reason: Text('终止理由', 4, 2000),
});
export type TerminateInput = z.infer<typeof TerminateInput>;

export const MilestoneView = z.object({
  key: z.string(),
  name: z.string(),
  dueOn: z.string(),
  reported: z.boolean(),
  state: z.enum(['reported', 'pending', 'due_soon', 'overdue']),
});
export type MilestoneView = z.infer<typeof MilestoneView>;

export const FLAG_RULE_LABELS = {
  shared_trainees: '同一学员出现在多个项目',
  over_capacity: '签到人数超过场地容量',
  reused_evidence: '证据文件在其他项目中重复使用',
} as const;
export const FlagRule = z.enum(['shared_trainees', 'over_capacity', 'reused_evidence']);
export const FlagView = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectCode: z.string().nullable(),
  projectTitle: z.string(),
  implementerName: z.string().nullable(),
  rule: FlagRule,
  ruleLabel: z.string(),
  detail: z.string(),
  status: z.enum(['open', 'cleared', 'confirmed']),
  reviewNote: z.string().nullable(),
  reviewedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  version: z.number().int(),
});
export type FlagView = z.infer<typeof FlagView>;
export const FlagPage = pageOf(FlagView);
export type FlagPage = z.infer<typeof FlagPage>;
export const FlagListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  status: z.enum(['open', 'cleared', 'confirmed']).optional(),
});
export const FlagReviewInput = z.object({
  version: Version,
  decision: z.enum(['clear', 'confirm'], { error: '请选择复核结论' }),
  note: Text('复核意见', 4, 2000),
});
export type FlagReviewInput = z.infer<typeof FlagReviewInput>;

/** The delivery side of the workspace: everything after the contract, with what the caller may do. */
export const DeliveryView = z.object({
  projectId: z.uuid(),
  status: z.enum(PROJECT_STATUSES),
  version: z.number().int(),
  contractFen: z.number().nullable(),
  prepaymentPct: z.number().nullable(),
  /** The prepayment and balance as the rules compute them now. */
  prepaymentDueFen: z.number().nullable(),
  balanceDueFen: z.number().nullable(),
  deductionFen: z.number(),
  acceptanceRound: z.number(),
  rectifyBy: z.string().nullable(),
  milestones: z.array(MilestoneView),
  reports: z.array(ReportView),
  checks: z.array(CheckView),
  acceptances: z.array(AcceptanceView),
  /** Delivered defaults per target for the next acceptance round. */
  deliveredDefaults: z.array(TargetResult),
  payments: z.array(ProjectPaymentView),
  documents: z.array(DocumentView),
  flags: z.array(FlagView),
  can: z.object({
    pay: z.boolean(),
    report: z.boolean(),
    manage: z.boolean(),
  }),
});
export type DeliveryView = z.infer<typeof DeliveryView>;

export const TimelineEvent = z.object({
  id: z.uuid(),
  at: Timestamp,
  kind: z.string(),
  summary: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actorName: z.string(),
});
export const TimelineView = z.object({
  phases: z.array(
    z.object({ phase: z.enum(['before', 'during', 'after']), label: z.string(), events: z.array(TimelineEvent) }),
  ),
});
export type TimelineView = z.infer<typeof TimelineView>;

export const DocumentParams = z.object({ id: z.uuid('编号格式不正确'), documentId: z.uuid('编号格式不正确') });
