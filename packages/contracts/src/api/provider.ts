import { z } from 'zod';
import { PageQuery, pageOf, Timestamp } from './common.js';

/**
 * Third-party service organisations (第三方服务机构): registry, recommended lists, record across projects, credit
 * rating and sanctions. Service-type codes come from the policy `provider.serviceTypes`; these are the shipped ones.
 */
export const PROVIDER_SERVICE_TYPES = {
  publicity: '宣传',
  training: '培训',
  online_platform: '线上培训平台',
  diagnosis: '诊断评估',
  consulting: '咨询',
} as const;

export const PROVIDER_STATUSES = { registered: '待审核', approved: '已通过', rejected: '未通过' } as const;
export type ProviderStatus = keyof typeof PROVIDER_STATUSES;

/** The recommended lists and the service type an organisation needs for each. */
export const PROVIDER_LISTS = { training: '培训机构推荐名录', online_platform: '线上培训平台推荐名录' } as const;
export type ProviderList = keyof typeof PROVIDER_LISTS;
export const ProviderList = z.enum(['training', 'online_platform'], '请选择推荐名录');
export const LIST_SERVICE_TYPE: Record<ProviderList, string> = {
  training: 'training',
  online_platform: 'online_platform',
};

export const LISTING_STATUSES = {
  applied: '已申请',
  listed: '已列入',
  rejected: '未列入',
  delisted: '已移出',
} as const;
export const ENGAGEMENT_OUTCOMES = {
  in_progress: '实施中',
  passed: '验收合格',
  failed: '验收不合格',
  terminated: '终止合同',
} as const;
export type EngagementOutcome = keyof typeof ENGAGEMENT_OUTCOMES;
export const SANCTION_KINDS = { suspension: '暂停', barring: '禁入' } as const;
export const CREDIT_GRADES = ['A', 'B', 'C', 'D'] as const;
export type CreditGrade = (typeof CREDIT_GRADES)[number];

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const CountyCode = z.string().regex(/^\d{6}$/, '所在县（市、区）：区划代码应为 6 位数字');
const text = (label: string, min: number, max: number) =>
  z.string(`请填写${label}`).trim().min(min, `请填写${label}`).max(max, `${label}最多 ${max} 个字符`);
const version = z.number('缺少版本号').int().min(0);

export const ProviderStaff = z.object({
  name: text('人员姓名', 1, 32),
  role: text('人员岗位', 1, 50),
  qualification: z.string().trim().max(100, '人员资格最多 100 个字符').default(''),
});
export type ProviderStaff = z.infer<typeof ProviderStaff>;
export const ProviderEquipment = z.object({
  name: text('设备名称', 1, 60),
  quantity: z.number('请填写设备数量').int('设备数量应为整数').min(1, '设备数量至少为 1').max(100_000, '设备数量过大'),
  note: z.string().trim().max(200, '设备说明最多 200 个字符').default(''),
});
export type ProviderEquipment = z.infer<typeof ProviderEquipment>;

const Mobile = z
  .string('请填写联系人手机号码')
  .trim()
  .regex(/^1[3-9]\d{9}$/, '联系人手机号码应为 11 位手机号码');

/** The profile an organisation keeps itself (and the bureau can edit). */
export const ProviderProfileInput = z.object({
  name: text('机构名称', 2, 100),
  countyCode: CountyCode,
  address: text('地址', 2, 200),
  legalRepresentative: text('法定代表人', 1, 32),
  contactName: text('联系人', 1, 32),
  serviceTypes: z.array(z.string().min(1), '请选择服务类型').min(1, '请至少选择一种服务类型').max(10),
  introduction: z.string().trim().max(2000, '机构简介最多 2000 个字符').nullable().default(null),
  staff: z.array(ProviderStaff).max(200, '人员最多 200 名').default([]),
  equipment: z.array(ProviderEquipment).max(200, '设备最多 200 项').default([]),
});

export const ProviderCreateInput = ProviderProfileInput.extend({
  uscc: z.string('请填写统一社会信用代码').trim().min(1, '请填写统一社会信用代码').max(30),
  contactPhone: Mobile,
});
export type ProviderCreateInput = z.infer<typeof ProviderCreateInput>;
export type ProviderCreateForm = z.input<typeof ProviderCreateInput>;

/** An edit: leave contactPhone out to keep the stored number (it is never sent back, only masked). */
export const ProviderUpdateInput = ProviderProfileInput.extend({ contactPhone: Mobile.optional(), version });
export type ProviderUpdateInput = z.infer<typeof ProviderUpdateInput>;

export const ProviderReviewInput = z.object({
  decision: z.enum(['approved', 'rejected'], '请选择审核结论'),
  note: z.string().trim().max(500, '审核意见最多 500 个字符').default(''),
  version,
});
export type ProviderReviewInput = z.infer<typeof ProviderReviewInput>;

export const QualificationInput = z.object({
  name: text('资质名称', 2, 100),
  number: text('证书编号', 1, 60),
  issuer: text('发证机关', 2, 100),
  validUntil: IsoDate,
});
export type QualificationInput = z.infer<typeof QualificationInput>;

export const ListingApplyInput = z.object({ list: ProviderList });
export type ListingApplyInput = z.infer<typeof ListingApplyInput>;
export const ListingDecisionInput = z.object({
  decision: z.enum(['listed', 'rejected', 'delisted'], '请选择处理结论'),
  reason: z.string().trim().max(500, '理由最多 500 个字符').default(''),
  version,
});
export type ListingDecisionInput = z.infer<typeof ListingDecisionInput>;

export const EngagementInput = z.object({
  year: z.number('请填写年份').int().min(2000, '年份不能早于 2000 年').max(2100, '年份不能晚于 2100 年'),
  title: text('项目名称', 2, 200),
  contractedFen: z.number('请填写合同金额').int('合同金额应以分为单位的整数').min(0, '合同金额不能为负数'),
  deductionFen: z.number().int('扣减金额应以分为单位的整数').min(0, '扣减金额不能为负数').default(0),
  unit: text('计量单位', 1, 20),
  contractedUnits: z.number('请填写合同约定数量').int().min(1, '合同约定数量至少为 1'),
  deliveredUnits: z.number().int().min(0, '实际完成数量不能为负数').nullable().default(null),
  /** Hundredths of a point, 0–10000 (85.5 分 = 8550). */
  acceptanceScore: z
    .number()
    .int()
    .min(0, '验收得分应为 0–100 分')
    .max(10000, '验收得分应为 0–100 分')
    .nullable()
    .default(null),
  outcome: z.enum(['in_progress', 'passed', 'failed', 'terminated'], '请选择履约结果'),
});
export type EngagementInput = z.infer<typeof EngagementInput>;

export const ComplaintInput = z.object({ receivedOn: IsoDate, summary: text('投诉内容', 2, 1000) });
export type ComplaintInput = z.infer<typeof ComplaintInput>;
export const ComplaintResolveInput = z.object({
  upheld: z.boolean('请选择投诉是否属实'),
  resolution: text('处理结果', 2, 1000),
  version,
});
export type ComplaintResolveInput = z.infer<typeof ComplaintResolveInput>;

export const SanctionInput = z.object({
  kind: z.enum(['suspension', 'barring'], '请选择处理方式'),
  fromDate: IsoDate,
  untilDate: IsoDate.nullable().default(null),
  reason: text('处理理由', 2, 500),
});
export type SanctionInput = z.infer<typeof SanctionInput>;
export const SanctionLiftInput = z.object({ reason: text('解除理由', 2, 500) });
export type SanctionLiftInput = z.infer<typeof SanctionLiftInput>;

export const ProviderSubParams = z.object({ id: z.uuid('编号格式不正确'), sub: z.uuid('编号格式不正确') });

const flag = z.enum(['true', 'false'], { error: '应为 true 或 false' }).transform((v) => v === 'true');
export const ProviderListQuery = PageQuery.extend({
  q: z.string().trim().max(64, '关键字最多 64 个字符').optional(),
  serviceType: z.string().max(40).optional(),
  status: z.enum(['registered', 'approved', 'rejected'], '状态不正确').optional(),
  list: ProviderList.optional(),
  grade: z.enum(CREDIT_GRADES, '信用等级应为 A–D').optional(),
  sanctioned: flag.optional(),
  countyCode: CountyCode.optional(),
});
export type ProviderListQuery = z.infer<typeof ProviderListQuery>;

export const CreditItem = z.object({
  /** failed | terminated | deduction | under_delivery | low_score | complaint | barred */
  kind: z.string(),
  label: z.string(),
  /** Points lost (negative). */
  points: z.number(),
});
export const CreditView = z.object({
  score: z.number(),
  grade: z.enum(CREDIT_GRADES),
  start: z.number(),
  items: z.array(CreditItem),
  /** The day the rating is computed for (the policy in force that day). */
  asOf: z.string(),
});
export type CreditView = z.infer<typeof CreditView>;

export const SanctionView = z.object({
  id: z.string(),
  kind: z.enum(['suspension', 'barring']),
  fromDate: z.string(),
  untilDate: z.string().nullable(),
  reason: z.string(),
  liftedOn: z.string().nullable(),
  liftReason: z.string().nullable(),
  active: z.boolean(),
});

export const ProviderSummary = z.object({
  id: z.string(),
  uscc: z.string(),
  name: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  serviceTypes: z.array(z.string()),
  status: z.enum(['registered', 'approved', 'rejected']),
  listed: z.array(ProviderList),
  grade: z.enum(CREDIT_GRADES),
  score: z.number(),
  sanction: z.enum(['suspension', 'barring']).nullable(),
  /** The earliest expiry of its qualifications (null: none). */
  nextExpiry: z.string().nullable(),
  demo: z.boolean(),
});
export type ProviderSummary = z.infer<typeof ProviderSummary>;
export const ProviderPage = pageOf(ProviderSummary);

export const QualificationView = z.object({
  id: z.string(),
  name: z.string(),
  number: z.string(),
  issuer: z.string(),
  validUntil: z.string(),
  inForce: z.boolean(),
  fileName: z.string().nullable(),
  contentType: z.string().nullable(),
  size: z.number().nullable(),
});
export type QualificationView = z.infer<typeof QualificationView>;

export const ListingView = z.object({
  id: z.string(),
  list: ProviderList,
  status: z.enum(['applied', 'listed', 'rejected', 'delisted']),
  appliedOn: z.string(),
  listedOn: z.string().nullable(),
  delistedOn: z.string().nullable(),
  reason: z.string().nullable(),
  version: z.number(),
});
export type ListingView = z.infer<typeof ListingView>;

export const EngagementView = z.object({
  id: z.string(),
  year: z.number(),
  title: z.string(),
  contractedFen: z.number(),
  deductionFen: z.number(),
  unit: z.string(),
  contractedUnits: z.number(),
  deliveredUnits: z.number().nullable(),
  acceptanceScore: z.number().nullable(),
  outcome: z.enum(['in_progress', 'passed', 'failed', 'terminated']),
  source: z.enum(['manual', 'project']),
});
export type EngagementView = z.infer<typeof EngagementView>;

export const ComplaintView = z.object({
  id: z.string(),
  receivedOn: z.string(),
  summary: z.string(),
  upheld: z.boolean().nullable(),
  resolution: z.string().nullable(),
  resolvedOn: z.string().nullable(),
  version: z.number(),
});
export type ComplaintView = z.infer<typeof ComplaintView>;

export const ProviderHistoryItem = z.object({
  at: Timestamp,
  username: z.string().nullable(),
  action: z.string(),
  changes: z.unknown(),
});

export const ProviderDetail = ProviderSummary.extend({
  address: z.string(),
  legalRepresentative: z.string(),
  contactName: z.string(),
  /** Masked only (138****1234). */
  contactPhoneMasked: z.string(),
  introduction: z.string().nullable(),
  staff: z.array(ProviderStaff),
  equipment: z.array(ProviderEquipment),
  reviewNote: z.string().nullable(),
  reviewedAt: Timestamp.nullable(),
  version: z.number(),
  createdAt: Timestamp,
  qualifications: z.array(QualificationView),
  listings: z.array(ListingView),
  engagements: z.array(EngagementView),
  complaints: z.array(ComplaintView),
  sanctions: z.array(SanctionView),
  credit: CreditView,
  history: z.array(ProviderHistoryItem),
  can: z.object({ manage: z.boolean(), self: z.boolean() }),
});
export type ProviderDetail = z.infer<typeof ProviderDetail>;

export const ProviderOptions = z.object({
  serviceTypes: z.array(z.object({ code: z.string(), name: z.string() })),
  counties: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type ProviderOptions = z.infer<typeof ProviderOptions>;

/** The public lists (no login): no personal data — no contact, no staff names. */
export const PublicProviderRow = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string(),
  countyName: z.string(),
  serviceTypes: z.array(z.string()),
  qualifications: z.array(z.object({ name: z.string(), number: z.string(), validUntil: z.string() })),
  grade: z.enum(CREDIT_GRADES),
  listedSince: z.string(),
});
export type PublicProviderRow = z.infer<typeof PublicProviderRow>;
export const PublicProviderLists = z.object({
  today: z.string(),
  serviceTypes: z.array(z.object({ code: z.string(), name: z.string() })),
  training: z.array(PublicProviderRow),
  online_platform: z.array(PublicProviderRow),
});
export type PublicProviderLists = z.infer<typeof PublicProviderLists>;
export const PublicProviderProfile = PublicProviderRow.omit({ listedSince: true }).extend({
  introduction: z.string().nullable(),
  lists: z.array(z.object({ list: ProviderList, listedSince: z.string() })),
  engagements: z.array(
    z.object({
      year: z.number(),
      title: z.string(),
      contractedFen: z.number(),
      outcome: z.enum(['in_progress', 'passed', 'failed', 'terminated']),
      acceptanceScore: z.number().nullable(),
    }),
  ),
});
export type PublicProviderProfile = z.infer<typeof PublicProviderProfile>;
export const PublicListParams = z.object({ list: ProviderList });
export type ProviderPage = z.infer<typeof ProviderPage>;
