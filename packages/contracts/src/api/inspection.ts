import { z } from 'zod';
import { PageQuery, pageOf, Timestamp } from './common.js';
import { HazardCategory, HazardLevel, HazardStatus } from './hazard.js';

/** Code → label maps of joint inspections (联合检查). */
export const INSPECTION_STATUSES = {
  planned: '已计划',
  in_progress: '检查中',
  completed: '已完成',
  cancelled: '已取消',
} as const;
export const INSPECTION_ITEM_RESULTS = { pass: '合格', fail: '不合格', na: '不适用' } as const;
export const INSPECTION_TARGET_STATUSES = { pending: '待检查', visited: '已检查' } as const;

const keysOf = <T extends Record<string, string>>(map: T) =>
  Object.keys(map) as [keyof T & string, ...(keyof T & string)[]];

export const InspectionStatus = z.enum(keysOf(INSPECTION_STATUSES), { error: '检查计划状态不正确' });
export type InspectionStatus = z.infer<typeof InspectionStatus>;
export const InspectionItemResultCode = z.enum(keysOf(INSPECTION_ITEM_RESULTS), {
  error: '检查结果应为合格、不合格或不适用',
});

const IsoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const text = (min: number, max: number, label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, `请填写${label}（至少 ${min} 个字）`)
    .max(max, `${label}最多 ${max} 个字符`);
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多 ${max} 个字符`)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v));

export const InspectionItem = z.object({
  code: z.string({ error: '请填写检查项编号' }).trim().min(1, '请填写检查项编号').max(16, '检查项编号最多 16 个字符'),
  text: text(2, 200, '检查内容'),
});
export type InspectionItem = z.infer<typeof InspectionItem>;

export const InspectionPlanInput = z.object({
  title: text(4, 100, '检查计划名称'),
  /** The city (a city-wide plan) or one county in the caller's scope. */
  regionCode: z.string({ error: '请选择检查范围' }).regex(/^\d{6}$/, '请选择检查范围'),
  leadUnitCode: z.string({ error: '请选择牵头单位' }).min(1, '请选择牵头单位').max(32),
  unitCodes: z.array(z.string().max(32)).max(20, '参加单位最多 20 个').default([]),
  startOn: IsoDate,
  endOn: IsoDate,
  items: z.array(InspectionItem).max(50, '检查项最多 50 项'),
  employerIds: z.array(z.uuid('用人单位编号不正确')).max(200, '一次最多 200 家用人单位').default([]),
  note: optionalText(1000, '备注'),
});
export type InspectionPlanInput = z.infer<typeof InspectionPlanInput>;
export type InspectionPlanForm = z.input<typeof InspectionPlanInput>;
export const InspectionPlanUpdate = InspectionPlanInput.extend({ version: z.number().int().min(0) });
export type InspectionPlanUpdate = z.infer<typeof InspectionPlanUpdate>;

export const InspectionStatusInput = z.object({
  action: z.enum(['start', 'complete', 'cancel'], { error: '操作不正确' }),
  reason: optionalText(500, '取消原因'),
  version: z.number().int().min(0),
});
export type InspectionStatusInput = z.infer<typeof InspectionStatusInput>;

const Named = z.object({ code: z.string(), name: z.string() });

export const InspectionPlanView = z.object({
  id: z.uuid(),
  planNo: z.string(),
  title: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  leadUnitCode: z.string(),
  leadUnitName: z.string(),
  units: z.array(Named),
  startOn: IsoDate,
  endOn: IsoDate,
  items: z.array(InspectionItem),
  status: InspectionStatus,
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  total: z.number().int(),
  visited: z.number().int(),
  findings: z.number().int(),
  demo: z.boolean(),
  version: z.number().int(),
  createdAt: Timestamp,
  can: z.object({ edit: z.boolean(), record: z.boolean() }),
});
export type InspectionPlanView = z.infer<typeof InspectionPlanView>;
export const InspectionPlanPage = pageOf(InspectionPlanView);

export const InspectionItemResult = z.object({
  code: z.string().min(1).max(16),
  result: InspectionItemResultCode,
  note: z.string().trim().max(500, '检查情况说明最多 500 个字符').optional(),
});
export type InspectionItemResult = z.infer<typeof InspectionItemResult>;

export const InspectionTargetView = z.object({
  id: z.uuid(),
  employerId: z.uuid(),
  employerName: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  status: z.enum(keysOf(INSPECTION_TARGET_STATUSES)),
  visitedOn: IsoDate.nullable(),
  result: z.enum(['pass', 'fail']).nullable(),
  itemResults: z.array(InspectionItemResult).nullable(),
  note: z.string().nullable(),
  recordedByName: z.string().nullable(),
  findings: z.number().int(),
  version: z.number().int(),
});
export type InspectionTargetView = z.infer<typeof InspectionTargetView>;

export const InspectionFindingView = z.object({
  id: z.uuid(),
  targetId: z.uuid(),
  employerName: z.string(),
  itemCode: z.string(),
  itemText: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  hazardId: z.uuid(),
  hazardNo: z.string(),
  hazardLevel: HazardLevel,
  hazardStatus: HazardStatus,
  description: z.string(),
  deadline: IsoDate,
  closed: z.boolean(),
  at: Timestamp,
});
export type InspectionFindingView = z.infer<typeof InspectionFindingView>;

export const InspectionUnitResult = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  lead: z.boolean(),
  /** Employers at which the unit found at least one problem. */
  employers: z.number().int(),
  findings: z.number().int(),
  closed: z.number().int(),
  open: z.number().int(),
});
export type InspectionUnitResult = z.infer<typeof InspectionUnitResult>;

export const InspectionEmployerResult = z.object({
  employerId: z.uuid(),
  employerName: z.string(),
  result: z.enum(['pass', 'fail']).nullable(),
  findings: z.number().int(),
  open: z.number().int(),
});
export type InspectionEmployerResult = z.infer<typeof InspectionEmployerResult>;

export const InspectionPlanDetail = InspectionPlanView.extend({
  targets: z.array(InspectionTargetView),
  findingList: z.array(InspectionFindingView),
  byUnit: z.array(InspectionUnitResult),
  byEmployer: z.array(InspectionEmployerResult),
});
export type InspectionPlanDetail = z.infer<typeof InspectionPlanDetail>;

export const InspectionListQuery = PageQuery.extend({
  status: InspectionStatus.optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/, '区划代码应为 6 位数字')
    .optional(),
  year: z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确').optional(),
  q: z.string().trim().max(64, '关键字最多 64 个字符').optional(),
});
export type InspectionListQuery = z.infer<typeof InspectionListQuery>;

/** One finding of a failed item: it becomes a hazard (and the employer is notified). */
export const InspectionFindingInput = z.object({
  itemCode: z.string().min(1).max(16),
  category: HazardCategory,
  hazardFactor: optionalText(64, '危害因素'),
  level: HazardLevel,
  description: text(4, 1000, '问题描述'),
  location: text(2, 200, '问题位置'),
  responsibleUnitCode: z.string({ error: '请选择负责部门' }).min(1, '请选择负责部门').max(32),
});
export type InspectionFindingInput = z.infer<typeof InspectionFindingInput>;

export const InspectionVisitInput = z.object({
  visitedOn: IsoDate,
  itemResults: z.array(InspectionItemResult).min(1, '请填写检查项结果'),
  findings: z.array(InspectionFindingInput).default([]),
  note: optionalText(1000, '检查情况'),
  version: z.number().int().min(0),
});
export type InspectionVisitInput = z.infer<typeof InspectionVisitInput>;
export type InspectionVisitForm = z.input<typeof InspectionVisitInput>;

export const InspectionTargetParams = z.object({
  id: z.uuid('编号格式不正确'),
  targetId: z.uuid('编号格式不正确'),
});

/** What the plan form offers: regions and units in scope, the default checklist, matching employers. */
export const InspectionOptions = z.object({
  regions: z.array(Named),
  units: z.array(Named),
  ownUnitCode: z.string().nullable(),
  checklist: z.array(InspectionItem),
  employers: z.array(z.object({ id: z.uuid(), name: z.string(), countyCode: z.string(), countyName: z.string() })),
});
export type InspectionOptions = z.infer<typeof InspectionOptions>;
export const InspectionOptionsQuery = z.object({
  q: z.string().trim().max(64, '关键字最多 64 个字符').optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/, '区划代码应为 6 位数字')
    .optional(),
});
