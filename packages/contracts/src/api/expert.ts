import { z } from 'zod';
import { PageQuery, pageOf, Timestamp } from './common.js';

/** Code → label maps of the expert pool (工伤预防专家库, plan 三(八)3). */
export const EXPERT_STATUSES = {
  applied: '已申请',
  reviewing: '资格审查中',
  appointed: '已聘任',
  rejected: '未通过',
  dismissed: '已解聘',
} as const;
export const EXPERT_ACTIONS = {
  review: '开始资格审查',
  appoint: '聘任',
  reject: '审查不通过',
  assess: '聘期考核',
  renew: '续聘',
  adjust: '调整领域或专业组',
  dismiss: '解聘',
} as const;
export const EXPERT_ASSESSMENT_RESULTS = { excellent: '优秀', pass: '合格', fail: '不合格' } as const;
export const EXPERT_DISCIPLINE_KINDS = { warning: '警告', suspension: '暂停抽取', dismissal: '解聘' } as const;
export const EXPERT_RELATION_KINDS = { employer: '用人单位', provider: '服务机构' } as const;
export const EXPERT_EVENT_KINDS = {
  applied: '提交申请',
  imported: '从外市专家库导入',
  ...EXPERT_ACTIONS,
  discipline: '奖惩记录',
  relation: '申报关联关系',
  qualification: '登记资质',
  unavailable: '登记不可抽取时段',
  reminder: '聘期到期提醒',
  profile: '修改资料',
} as const;

/** The profile fields a 修改资料 event names. */
export const EXPERT_PROFILE_FIELDS = {
  name: '姓名',
  mobile: '手机号码',
  workUnit: '工作单位',
  workUnitUscc: '工作单位统一社会信用代码',
  title: '职称',
  countyCode: '所在县（市、区）',
  shareConsent: '同意共享',
} as const;

const keysOf = <T extends Record<string, string>>(map: T) =>
  Object.keys(map) as [keyof T & string, ...(keyof T & string)[]];

export const ExpertStatus = z.enum(keysOf(EXPERT_STATUSES));
export type ExpertStatus = z.infer<typeof ExpertStatus>;
export const ExpertAction = z.enum(keysOf(EXPERT_ACTIONS));
export type ExpertAction = z.infer<typeof ExpertAction>;
export const ExpertAssessmentResult = z.enum(keysOf(EXPERT_ASSESSMENT_RESULTS), {
  error: '考核结果应为优秀、合格或不合格',
});
export type ExpertAssessmentResult = z.infer<typeof ExpertAssessmentResult>;

const IsoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const Version = z.number({ error: '缺少版本号' }).int().min(0);
const DomainCodes = z
  .array(z.string().regex(/^[a-z_]+$/, '专业领域代码无效'), { error: '请选择专业领域' })
  .min(1, '至少选择一个专业领域')
  .max(6, '最多选择 6 个专业领域');
const Reason = z
  .string({ error: '请填写原因' })
  .trim()
  .min(2, '请填写原因（至少 2 个字）')
  .max(500, '原因最多 500 个字');
const Mobile = z
  .string({ error: '请填写手机号码' })
  .trim()
  .regex(/^1[3-9]\d{9}$/, '手机号码应为 11 位数字，以 1 开头');

export const ExpertCreateInput = z.object({
  name: z.string({ error: '请填写姓名' }).trim().min(2, '姓名至少 2 个字').max(30, '姓名最多 30 个字'),
  idNumber: z.string({ error: '请填写身份证号码' }).trim().min(1, '请填写身份证号码'),
  mobile: Mobile,
  workUnit: z.string({ error: '请填写工作单位' }).trim().min(2, '请填写工作单位').max(100, '工作单位最多 100 个字'),
  workUnitUscc: z.string().trim().max(18).nullable().default(null),
  title: z.string({ error: '请填写职称' }).trim().min(2, '请填写职称').max(50, '职称最多 50 个字'),
  domains: DomainCodes,
  groupName: z.string().trim().max(50, '专业组最多 50 个字').nullable().default(null),
  countyCode: z.string({ error: '请选择县（市、区）' }).regex(/^\d{6}$/, '请选择县（市、区）'),
  shareConsent: z.boolean().default(false),
});
export type ExpertCreateInput = z.input<typeof ExpertCreateInput>;

/**
 * A change to a profile's contact and work details. The ID number identifies the person and is not edited (a wrong
 * one means a new application); domains and group change through 调整 (adjust) with a reason. An empty mobile keeps
 * the one on file.
 */
export const ExpertProfileInput = ExpertCreateInput.pick({
  name: true,
  workUnit: true,
  workUnitUscc: true,
  title: true,
  countyCode: true,
  shareConsent: true,
}).extend({
  mobile: Mobile.or(z.literal('')).default(''),
  version: Version,
});
export type ExpertProfileInput = z.input<typeof ExpertProfileInput>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ExpertFilter = z.object({
  status: ExpertStatus.optional(),
  domain: z
    .string()
    .regex(/^[a-z_]+$/)
    .optional(),
  countyCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  group: z.string().trim().max(50).optional(),
  termEndBefore: IsoDate.optional(),
  q: z.string().trim().max(50).optional(),
  consented: flag.optional(),
});
export type ExpertFilter = z.infer<typeof ExpertFilter>;
export const ExpertListQuery = PageQuery.extend(ExpertFilter.shape);
export type ExpertListQuery = z.input<typeof ExpertListQuery>;

/** How the list colours a term: ending within the first reminder window, or already past its end. */
export const ExpertTermState = z.enum(['normal', 'ending', 'expired']);
export type ExpertTermState = z.infer<typeof ExpertTermState>;

export const ExpertView = z.object({
  id: z.string(),
  name: z.string(),
  idMasked: z.string(),
  phoneMasked: z.string(),
  workUnit: z.string(),
  workUnitUscc: z.string().nullable(),
  employerId: z.string().nullable(),
  title: z.string(),
  domains: z.array(z.string()),
  domainLabels: z.array(z.string()),
  groupName: z.string().nullable(),
  countyCode: z.string(),
  countyName: z.string(),
  status: ExpertStatus,
  statusLabel: z.string(),
  termStart: z.string().nullable(),
  termEnd: z.string().nullable(),
  termState: ExpertTermState.nullable(),
  shareConsent: z.boolean(),
  sourceCity: z.string().nullable(),
  suspendedUntil: z.string().nullable(),
  version: z.number().int(),
});
export type ExpertView = z.infer<typeof ExpertView>;
export const ExpertPage = pageOf(ExpertView);
export type ExpertPage = z.infer<typeof ExpertPage>;

export const ExpertRelationInput = z.object({
  kind: z.enum(keysOf(EXPERT_RELATION_KINDS), { error: '关联类型应为用人单位或服务机构' }),
  partyName: z.string({ error: '请填写单位名称' }).trim().min(2, '请填写单位名称').max(100),
  partyUscc: z.string().trim().max(18).nullable().default(null),
  nature: z.string({ error: '请填写关系性质' }).trim().min(2, '请填写关系性质（如兼职顾问、曾任职）').max(50),
  declaredOn: IsoDate,
  endedOn: IsoDate.nullable().default(null),
});
export type ExpertRelationInput = z.input<typeof ExpertRelationInput>;
export const ExpertRelationView = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  employerId: z.string().nullable(),
  providerId: z.string().nullable(),
  partyName: z.string(),
  partyUscc: z.string().nullable(),
  nature: z.string(),
  declaredOn: z.string(),
  endedOn: z.string().nullable(),
});

export const ExpertQualificationInput = z.object({
  name: z.string({ error: '请填写资质名称' }).trim().min(2, '请填写资质名称').max(100),
  number: z.string().trim().max(50).nullable().default(null),
  issuer: z.string().trim().max(100).nullable().default(null),
  validUntil: IsoDate.nullable().default(null),
});
export type ExpertQualificationInput = z.input<typeof ExpertQualificationInput>;
export const ExpertDocumentView = z.object({
  id: z.string(),
  qualificationId: z.string().nullable(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  uploadedAt: Timestamp,
});
export type ExpertDocumentView = z.infer<typeof ExpertDocumentView>;
export const ExpertQualificationView = z.object({
  id: z.string(),
  name: z.string(),
  number: z.string().nullable(),
  issuer: z.string().nullable(),
  validUntil: z.string().nullable(),
});

export const ExpertDisciplineInput = z
  .object({
    kind: z.enum(['warning', 'suspension'], { error: '奖惩类型应为警告或暂停抽取（解聘请用解聘操作）' }),
    recordedOn: IsoDate,
    suspendedUntil: IsoDate.nullable().default(null),
    reason: Reason,
  })
  .refine((d) => d.kind !== 'suspension' || d.suspendedUntil !== null, {
    path: ['suspendedUntil'],
    message: '暂停抽取须填写暂停至日期',
  })
  .refine((d) => d.suspendedUntil === null || d.suspendedUntil >= d.recordedOn, {
    path: ['suspendedUntil'],
    message: '暂停至日期不能早于记录日期',
  });
export type ExpertDisciplineInput = z.input<typeof ExpertDisciplineInput>;
export const ExpertDisciplineView = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  recordedOn: z.string(),
  suspendedUntil: z.string().nullable(),
  reason: z.string(),
});

export const ExpertUnavailabilityInput = z
  .object({ fromDate: IsoDate, toDate: IsoDate, reason: Reason })
  .refine((d) => d.toDate >= d.fromDate, { path: ['toDate'], message: '结束日期不能早于开始日期' });
export type ExpertUnavailabilityInput = z.input<typeof ExpertUnavailabilityInput>;
export const ExpertUnavailabilityView = z.object({
  id: z.string(),
  fromDate: z.string(),
  toDate: z.string(),
  reason: z.string(),
});

export const ExpertEventView = z.object({
  id: z.number().int(),
  kind: z.string(),
  kindLabel: z.string(),
  at: Timestamp,
  actorName: z.string(),
  reason: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type ExpertEventView = z.infer<typeof ExpertEventView>;

export const ExpertAssignmentView = z.object({
  panelId: z.string(),
  subject: z.string(),
  purpose: z.string(),
  drawnOn: z.string(),
  domain: z.string(),
  status: z.string(),
  total: z.number().nullable(),
});

export const ExpertDetail = ExpertView.extend({
  relations: z.array(ExpertRelationView),
  qualifications: z.array(ExpertQualificationView),
  documents: z.array(ExpertDocumentView),
  discipline: z.array(ExpertDisciplineView),
  unavailability: z.array(ExpertUnavailabilityView),
  events: z.array(ExpertEventView),
  assignments: z.array(ExpertAssignmentView),
  /** What the caller may do here: manage (edit, transitions), unmask. */
  canManage: z.boolean(),
  canUnmask: z.boolean(),
  /** The actions the transition table allows from the current status. */
  actions: z.array(ExpertAction),
});
export type ExpertDetail = z.infer<typeof ExpertDetail>;

/** The body of a transition: what the action needs, and the version the form was based on. */
export const ExpertReviewInput = z.object({
  version: Version,
  note: z.string().trim().max(500).nullable().default(null),
});
export const ExpertAppointInput = z.object({
  version: Version,
  termStart: IsoDate,
  note: z.string().trim().max(500).nullable().default(null),
});
export const ExpertRejectInput = z.object({ version: Version, reason: Reason });
export const ExpertAssessInput = z.object({
  version: Version,
  result: ExpertAssessmentResult,
  note: z.string({ error: '请填写考核意见' }).trim().min(2, '请填写考核意见').max(500),
});
export const ExpertRenewInput = z.object({
  version: Version,
  note: z.string().trim().max(500).nullable().default(null),
});
export const ExpertAdjustInput = z.object({
  version: Version,
  domains: DomainCodes,
  groupName: z.string().trim().max(50).nullable().default(null),
  reason: Reason,
});
export const ExpertDismissInput = z.object({ version: Version, reason: Reason });
export type ExpertTransitionInput = {
  version: number;
  note?: string | null;
  reason?: string;
  termStart?: string;
  result?: ExpertAssessmentResult;
  domains?: string[];
  groupName?: string | null;
};

export const ExpertUnmaskedView = z.object({ id: z.string(), idNumber: z.string(), mobile: z.string() });
export type ExpertUnmaskedView = z.infer<typeof ExpertUnmaskedView>;

export const ExpertOptions = z.object({
  domains: z.array(z.object({ code: z.string(), label: z.string() })),
  groups: z.array(z.string()),
  termYears: z.number().int(),
  reminderDays: z.array(z.number().int()),
  today: z.string(),
});
export type ExpertOptions = z.infer<typeof ExpertOptions>;

export const ExpertImportResult = z.object({ imported: z.number().int(), sourceCity: z.string() });
export type ExpertImportResult = z.infer<typeof ExpertImportResult>;
export const ExpertImportQuery = z.object({
  sourceCity: z.string({ error: '请填写来源城市' }).trim().min(2, '请填写来源城市（如南平市）').max(20),
});

/** The columns of the shared pool file, in order (export writes them, import reads them). */
export const EXPERT_SHARE_COLUMNS = [
  '姓名',
  '身份证号码',
  '手机号码',
  '工作单位',
  '统一社会信用代码',
  '职称',
  '专业领域代码',
  '专业组',
  '县区代码',
] as const;
