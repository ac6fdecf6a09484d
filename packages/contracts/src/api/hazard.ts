import { z } from 'zod';
import { PageQuery, pageOf, Timestamp } from './common.js';

/** Code → label maps of the hazard module (the codes are what the database stores). */
export const HAZARD_STATUSES = {
  reported: '已登记',
  notified: '已通知单位',
  rectifying: '整改中',
  submitted: '待核查销号',
  closed: '已销号',
} as const;
export const HAZARD_LEVELS = { general: '一般隐患', major: '重大隐患' } as const;
export const HAZARD_CATEGORIES = { safety: '安全生产隐患', exposure: '职业病危害因素超标' } as const;
export const HAZARD_SOURCES = { department: '部门检查', self_report: '单位自查', exchange: '数据共享' } as const;
/** The escalation ladder, in order; `none` is a hazard not yet escalated. */
export const HAZARD_ESCALATIONS = {
  none: '未督办',
  reminded: '到期提醒',
  county: '县级督办',
  city: '市级督办',
  joint_meeting: '联席会议督办',
  enforcement: '建议执法',
} as const;
export const HAZARD_DUE_STATES = { normal: '正常', due_soon: '即将到期', overdue: '已逾期', closed: '已销号' } as const;

const keysOf = <T extends Record<string, string>>(map: T) =>
  Object.keys(map) as [keyof T & string, ...(keyof T & string)[]];

export const HazardStatus = z.enum(keysOf(HAZARD_STATUSES), { error: '隐患状态不正确' });
export type HazardStatus = z.infer<typeof HazardStatus>;
export const HazardLevel = z.enum(keysOf(HAZARD_LEVELS), { error: '请选择隐患级别（一般或重大）' });
export type HazardLevel = z.infer<typeof HazardLevel>;
export const HazardCategory = z.enum(keysOf(HAZARD_CATEGORIES), { error: '请选择隐患类别' });
export type HazardCategory = z.infer<typeof HazardCategory>;
export const HazardSource = z.enum(keysOf(HAZARD_SOURCES));
export type HazardSource = z.infer<typeof HazardSource>;
export const HazardEscalation = z.enum(keysOf(HAZARD_ESCALATIONS));
export type HazardEscalation = z.infer<typeof HazardEscalation>;
export const HazardDueState = z.enum(keysOf(HAZARD_DUE_STATES));
export type HazardDueState = z.infer<typeof HazardDueState>;

const IsoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const text = (min: number, max: number, label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, `请填写${label}（至少 ${min} 个字）`)
    .max(max, `${label}最多 ${max} 个字符`);

export const HazardAbilities = z.object({
  notify: z.boolean(),
  respond: z.boolean(),
  submit: z.boolean(),
  verify: z.boolean(),
  reject: z.boolean(),
  uploadEvidence: z.boolean(),
});
export type HazardAbilities = z.infer<typeof HazardAbilities>;

export const HazardView = z.object({
  id: z.uuid(),
  hazardNo: z.string(),
  employerId: z.uuid(),
  employerName: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  category: HazardCategory,
  hazardFactor: z.string().nullable(),
  level: HazardLevel,
  description: z.string(),
  location: z.string(),
  foundOn: IsoDate,
  foundByUnitCode: z.string().nullable(),
  foundByUnitName: z.string().nullable(),
  responsibleUnitCode: z.string(),
  responsibleUnitName: z.string(),
  responsiblePerson: z.string().nullable(),
  deadline: IsoDate,
  /** Calendar days from today (Beijing) to the deadline; negative when overdue. */
  daysToDeadline: z.number().int(),
  dueState: HazardDueState,
  status: HazardStatus,
  escalation: HazardEscalation,
  source: HazardSource,
  closedAt: Timestamp.nullable(),
  demo: z.boolean(),
  version: z.number().int(),
  createdAt: Timestamp,
  can: HazardAbilities,
});
export type HazardView = z.infer<typeof HazardView>;
export const HazardPage = pageOf(HazardView);

export const HazardEventView = z.object({
  id: z.number().int(),
  at: Timestamp,
  username: z.string().nullable(),
  action: z.string(),
  fromStatus: HazardStatus.nullable(),
  toStatus: HazardStatus.nullable(),
  note: z.string().nullable(),
});
export type HazardEventView = z.infer<typeof HazardEventView>;

export const HazardEvidenceView = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  /** report: found with the hazard; rectification: sent by the employer with its rectification. */
  purpose: z.enum(['report', 'rectification']),
  username: z.string().nullable(),
  at: Timestamp,
});
export type HazardEvidenceView = z.infer<typeof HazardEvidenceView>;

export const HazardDetail = HazardView.extend({
  events: z.array(HazardEventView),
  evidence: z.array(HazardEvidenceView),
});
export type HazardDetail = z.infer<typeof HazardDetail>;

const flag = z.enum(['true', 'false'], { error: '应为 true 或 false' }).transform((v) => v === 'true');

export const HazardFilter = z.object({
  /** A status, or `open` for everything not yet closed. */
  status: z.union([HazardStatus, z.literal('open')], { error: '隐患状态不正确' }).optional(),
  level: HazardLevel.optional(),
  countyCode: z
    .string()
    .regex(/^\d{6}$/, '区划代码应为 6 位数字')
    .optional(),
  unitCode: z.string().max(32).optional(),
  overdue: flag.optional(),
});
export type HazardFilter = z.infer<typeof HazardFilter>;
export const HazardListQuery = PageQuery.extend(HazardFilter.shape);
export type HazardListQuery = z.infer<typeof HazardListQuery>;

export const HazardReportInput = z.object({
  employerId: z.uuid('请选择用人单位'),
  category: HazardCategory,
  hazardFactor: z
    .string()
    .trim()
    .max(64, '危害因素最多 64 个字符')
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v)),
  level: HazardLevel,
  description: text(4, 1000, '隐患描述'),
  location: text(2, 200, '隐患位置'),
  foundOn: IsoDate,
  /** The member unit that found it; a unit officer always reports for their own unit. */
  foundByUnitCode: z.string().max(32).nullable().default(null),
  /** The department that follows the rectification and would enforce (e.g. 应急局 for safety, 卫健委 for exposures). */
  responsibleUnitCode: z.string({ error: '请选择负责部门' }).min(1, '请选择负责部门').max(32),
  responsiblePerson: z
    .string()
    .trim()
    .max(32, '整改责任人最多 32 个字符')
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v)),
});
export type HazardReportInput = z.infer<typeof HazardReportInput>;
export type HazardReportForm = z.input<typeof HazardReportInput>;

export const HazardRespondInput = z.object({
  responsiblePerson: text(2, 32, '整改责任人'),
  plan: text(4, 1000, '整改措施'),
  version: z.number().int().min(0),
});
export type HazardRespondInput = z.infer<typeof HazardRespondInput>;

export const HazardSubmitInput = z.object({
  note: text(4, 1000, '整改情况说明'),
  version: z.number().int().min(0),
});
export type HazardSubmitInput = z.infer<typeof HazardSubmitInput>;

export const HazardVerifyInput = z.object({
  note: z.string().trim().max(1000, '核查意见最多 1000 个字符').default(''),
  version: z.number().int().min(0),
});
export type HazardVerifyInput = z.infer<typeof HazardVerifyInput>;

export const HazardRejectInput = z.object({
  reason: text(4, 1000, '退回原因'),
  version: z.number().int().min(0),
});
export type HazardRejectInput = z.infer<typeof HazardRejectInput>;

export const HazardNotifyInput = z.object({ version: z.number().int().min(0) });

export const HazardEvidenceParams = z.object({ id: z.uuid('编号格式不正确'), evidenceId: z.uuid('编号格式不正确') });

/** Open hazards per county (the map / table of the queue page). */
export const HazardCountySummary = z.object({
  countyCode: z.string(),
  countyName: z.string(),
  open: z.number().int(),
  major: z.number().int(),
  overdue: z.number().int(),
});
export type HazardCountySummary = z.infer<typeof HazardCountySummary>;

/** What the report form and the queue filters offer the caller (in scope only). */
export const HazardOptions = z.object({
  counties: z.array(z.object({ code: z.string(), name: z.string() })),
  units: z.array(z.object({ code: z.string(), name: z.string() })),
  /** The caller's own unit (a unit officer reports for it), else null. */
  ownUnitCode: z.string().nullable(),
  employers: z.array(z.object({ id: z.uuid(), name: z.string(), countyName: z.string() })),
});
export type HazardOptions = z.infer<typeof HazardOptions>;
export const HazardOptionsQuery = z.object({
  q: z.string().trim().max(64, '关键字最多 64 个字符').optional(),
});
