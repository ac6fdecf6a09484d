import { z } from 'zod';
import { PROJECT_STATUSES } from '../project-lifecycle.js';
import { PageQuery, pageOf, Timestamp } from './common.js';
import { PanelMixEntry } from './panel.js';

/** Calls (申报指南), applications, eligibility, review, approval, procurement and contract of prevention projects. */

export const PROJECT_TYPE_LABELS: Record<string, string> = { publicity: '宣传', training: '培训' };
export const APPLICANT_KINDS = {
  association: '行业协会',
  enterprise: '大中型企业',
  unit: '成员单位',
  provider: '服务机构',
} as const;
export const CALL_STATUSES = { draft: '草稿', open: '开放申报', closed: '已截止' } as const;
export const PROCUREMENT_ROUTES = {
  open_tender: '公开招标',
  competitive: '竞争性磋商/谈判/询价',
  direct: '直接委托（小额）',
  self: '自行实施',
} as const;
export type ProcurementRoute = keyof typeof PROCUREMENT_ROUTES;
export const COMPARATORS = { gte: '≥', gt: '>', lte: '≤', lt: '<' } as const;

const Version = z.number({ error: '缺少版本号' }).int().min(0);
const Day = (label: string) =>
  z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`);
const Text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, `请填写${label}（至少 ${min} 个字）`)
    .max(max, `${label}最多 ${max} 个字符`);
const FenAmount = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}应为整数分`)
    .min(1, `${label}应大于 0`)
    .max(1e13, `${label}过大`);

export const TargetGroup = z.object({
  group: Text('目标人群', 2, 100),
  count: z.number({ error: '请填写人数' }).int('人数应为整数').min(1, '人数至少为 1'),
});
export const Milestone = z.object({
  key: z.string().regex(/^[a-z0-9_]{1,30}$/, '节点代码应为小写字母、数字或下划线'),
  name: Text('节点名称', 2, 100),
  dueOn: Day('节点完成日期'),
});
export const BudgetLine = z.object({ item: Text('预算科目', 2, 100), amountFen: FenAmount('预算金额') });
export const ProjectTarget = z.object({
  key: z.string().regex(/^[a-z0-9_]{1,30}$/, '指标代码应为小写字母、数字或下划线'),
  label: Text('绩效指标名称', 2, 60),
  unit: z.string().trim().max(20, '指标单位最多 20 个字符'),
  comparator: z.enum(['gte', 'gt', 'lte', 'lt'], { error: '比较方式应为 ≥、>、≤ 或 <' }),
  value: z.number({ error: '请填写指标值' }).min(0, '指标值不能为负'),
});
export type ProjectTarget = z.infer<typeof ProjectTarget>;
export const Deliverable = z.object({
  name: Text('交付成果', 2, 100),
  quantity: z.number({ error: '请填写数量' }).int('数量应为整数').min(1, '数量至少为 1'),
  unit: z.string().trim().max(20),
});

// ---------------------------------------------------------------------------------------------------------------
// Calls

export const CallInput = z
  .object({
    year: z.number({ error: '请填写年度' }).int().min(2020, '年度不早于 2020').max(2100),
    title: Text('指南标题', 4, 200),
    keyAreas: z
      .array(Text('重点领域', 2, 100))
      .min(1, '请至少填写一个重点领域')
      .max(20),
    types: z.array(z.string().regex(/^[a-z_]+$/)).min(1, '请至少选择一种项目类型'),
    guide: Text('指南正文', 10, 20000),
    opensOn: Day('开始申报日期'),
    deadline: Day('申报截止日期'),
    maxRequestFen: FenAmount('单个项目申请上限').nullable().default(null),
  })
  .refine((c) => c.deadline >= c.opensOn, { message: '申报截止日期不能早于开始申报日期', path: ['deadline'] });
export type CallInput = z.infer<typeof CallInput>;
export type CallForm = z.input<typeof CallInput>;
export const CallUpdate = CallInput.and(z.object({ version: Version }));

export const CallView = z.object({
  id: z.uuid(),
  year: z.number(),
  title: z.string(),
  keyAreas: z.array(z.string()),
  types: z.array(z.string()),
  guide: z.string(),
  opensOn: z.string(),
  deadline: z.string(),
  maxRequestFen: z.number().nullable(),
  status: z.enum(['draft', 'open', 'closed']),
  statusLabel: z.string(),
  /** Open for submissions today (open and the deadline not passed). */
  accepting: z.boolean(),
  applications: z.number(),
  demo: z.boolean(),
  version: z.number(),
});
export type CallView = z.infer<typeof CallView>;
export const CallQuery = z.object({
  year: z.coerce.number().int().optional(),
  status: z.enum(['draft', 'open', 'closed']).optional(),
});

// ---------------------------------------------------------------------------------------------------------------
// Applications

const ApplicationFields = z.object({
  type: z.string({ error: '请选择项目类型' }).regex(/^[a-z_]+$/, '请选择项目类型'),
  title: Text('项目名称', 4, 200),
  content: Text('项目内容', 10, 20000),
  targetGroups: z.array(TargetGroup).min(1, '请至少填写一类目标人群').max(20),
  schedule: z.array(Milestone).min(1, '请至少填写一个实施节点').max(30),
  budgetLines: z.array(BudgetLine).min(1, '请至少填写一项预算').max(50),
  requestedFen: FenAmount('申请金额'),
  targets: z.array(ProjectTarget).min(1, '请至少填写一项绩效指标').max(20),
});
export const ApplicationInput = ApplicationFields.extend({ callId: z.uuid('请选择申报指南') });
export type ApplicationInput = z.infer<typeof ApplicationInput>;
export const ApplicationUpdate = ApplicationFields.extend({ version: Version });
export type ApplicationUpdate = z.infer<typeof ApplicationUpdate>;

export const EligibilityResult = z.object({ rule: z.string(), ok: z.boolean(), reason: z.string() });
export type EligibilityResult = z.infer<typeof EligibilityResult>;

export const ReviewSummary = z.object({
  panelId: z.uuid(),
  status: z.string(),
  members: z.number(),
  scored: z.number(),
  meanScore: z.number().nullable(),
  conclusionScore: z.number().nullable(),
  conclusion: z.enum(['pass', 'fail']).nullable(),
  divergent: z.boolean(),
  passMark: z.number(),
});

export const DocumentSummary = z.object({
  id: z.uuid(),
  kind: z.string(),
  name: z.string(),
  version: z.number(),
  size: z.number(),
  uploadedByName: z.string(),
  uploadedAt: Timestamp,
});

export const NextAction = z.object({ action: z.string(), label: z.string() });

/** The workspace's main view of a project. */
export const ProjectView = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  callId: z.uuid(),
  callTitle: z.string(),
  year: z.number(),
  countyCode: z.string(),
  countyName: z.string(),
  applicantKind: z.enum(['association', 'enterprise', 'unit', 'provider']),
  applicantKindLabel: z.string(),
  applicantName: z.string(),
  title: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  content: z.string(),
  targetGroups: z.array(TargetGroup),
  schedule: z.array(Milestone),
  budgetLines: z.array(BudgetLine),
  requestedFen: z.number(),
  targets: z.array(ProjectTarget),
  status: z.enum(PROJECT_STATUSES),
  statusLabel: z.string(),
  nextActions: z.array(NextAction),
  submittedAt: Timestamp.nullable(),
  eligibility: z.array(EligibilityResult).nullable(),
  review: ReviewSummary.nullable(),
  approvedFen: z.number().nullable(),
  approvalNote: z.string().nullable(),
  approvedAt: Timestamp.nullable(),
  publishedAt: Timestamp.nullable(),
  rejectReason: z.string().nullable(),
  procurementRoute: z.string().nullable(),
  procurementRouteLabel: z.string().nullable(),
  procurementReason: z.string().nullable(),
  implementerProviderId: z.uuid().nullable(),
  implementerName: z.string().nullable(),
  selectionReason: z.string().nullable(),
  contractNo: z.string().nullable(),
  contractFen: z.number().nullable(),
  contractSignedOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  deliverables: z.array(Deliverable).nullable(),
  prepaymentPct: z.number().nullable(),
  documents: z.array(DocumentSummary),
  demo: z.boolean(),
  version: z.number(),
});
export type ProjectView = z.infer<typeof ProjectView>;

export const ProjectListItem = ProjectView.pick({
  id: true,
  code: true,
  year: true,
  countyName: true,
  applicantKindLabel: true,
  applicantName: true,
  title: true,
  type: true,
  typeLabel: true,
  requestedFen: true,
  approvedFen: true,
  contractFen: true,
  status: true,
  statusLabel: true,
  nextActions: true,
  implementerName: true,
  version: true,
});
export type ProjectListItem = z.infer<typeof ProjectListItem>;
export const ProjectPage = pageOf(ProjectListItem);
export const ProjectQuery = PageQuery.extend({
  year: z.coerce.number().int().optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  countyCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  type: z.string().max(30).optional(),
  callId: z.uuid().optional(),
});
export type ProjectQuery = z.infer<typeof ProjectQuery>;

// ---------------------------------------------------------------------------------------------------------------
// Eligibility, review, approval

export const EligibilityInput = z.object({
  version: Version,
  note: z.string().trim().max(500).nullable().default(null),
});
export const StartReviewInput = z.object({
  version: Version,
  mix: z.array(PanelMixEntry).min(1, '请至少添加一个专业领域'),
});
export const ApproveInput = z.object({
  version: Version,
  approvedFen: FenAmount('立项金额'),
  note: z.string().trim().max(500).nullable().default(null),
});
export const RejectInput = z.object({ version: Version, reason: Text('不予立项理由', 4, 500) });

export const RankedItem = z.object({
  rank: z.number(),
  id: z.uuid(),
  code: z.string().nullable(),
  title: z.string(),
  applicantName: z.string(),
  requestedFen: z.number(),
  status: z.enum(PROJECT_STATUSES),
  statusLabel: z.string(),
  score: z.number().nullable(),
  conclusion: z.enum(['pass', 'fail']).nullable(),
  divergent: z.boolean(),
  scored: z.number(),
  members: z.number(),
});
export type RankedItem = z.infer<typeof RankedItem>;

/** What an expert sees of the application under review: no personal data. */
export const ReviewApplicationView = z.object({
  code: z.string().nullable(),
  title: z.string(),
  typeLabel: z.string(),
  applicantKindLabel: z.string(),
  applicantName: z.string(),
  countyName: z.string(),
  content: z.string(),
  targetGroups: z.array(TargetGroup),
  schedule: z.array(Milestone),
  budgetLines: z.array(BudgetLine),
  requestedFen: z.number(),
  targets: z.array(ProjectTarget),
});
export type ReviewApplicationView = z.infer<typeof ReviewApplicationView>;

// ---------------------------------------------------------------------------------------------------------------
// Procurement and contract

export const ProcurementInput = z.object({
  version: Version,
  route: z.enum(['open_tender', 'competitive', 'direct', 'self'], { error: '请选择采购方式' }),
  reason: Text('采购方式理由', 4, 500),
});
export const ImplementerInput = z.object({
  version: Version,
  providerId: z.uuid('请选择实施单位'),
  reason: Text('选定理由', 4, 500),
});
export const ImplementerCandidate = z.object({
  providerId: z.uuid(),
  name: z.string(),
  countyName: z.string(),
  serviceTypes: z.array(z.string()),
  eligible: z.boolean(),
  reason: z.string().nullable(),
});
export type ImplementerCandidate = z.infer<typeof ImplementerCandidate>;
export const ProcurementAdvice = z.object({
  requiredRoute: z.string(),
  requiredRouteLabel: z.string(),
  allowed: z.array(z.object({ route: z.string(), label: z.string() })),
  candidates: z.array(ImplementerCandidate),
});
export type ProcurementAdvice = z.infer<typeof ProcurementAdvice>;

export const ContractInput = z.object({
  version: Version,
  contractNo: Text('合同编号', 3, 50),
  contractFen: FenAmount('合同金额'),
  signedOn: Day('签订日期'),
  endsOn: Day('合同截止日期'),
  deliverables: z.array(Deliverable).min(1, '请至少填写一项交付成果'),
  targets: z.array(ProjectTarget).min(1, '请至少填写一项绩效指标'),
  prepaymentPct: z.number({ error: '请填写预付款比例' }).int('预付款比例应为整数'),
});
export type ContractInput = z.infer<typeof ContractInput>;

/** 代录评分: the bureau enters a member's paper scoring sheet, with a note of where it comes from. */
export const PanelProxyScoreInput = z.object({
  scores: z.record(z.string(), z.number({ error: '得分应为数字' })),
  comment: z.string().trim().max(2000, '评审意见最多 2000 个字符').nullable().default(null),
  note: Text('代录说明', 4, 500),
  version: Version,
});
export type PanelProxyScoreInput = z.infer<typeof PanelProxyScoreInput>;
