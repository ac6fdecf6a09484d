import { z } from 'zod';
import { PageQuery, pageOf, Timestamp } from './common.js';

/** Code → label maps of the employer profile (the codes are what the database stores). */
export const OWNERSHIP_TYPES = {
  state: '国有',
  collective: '集体',
  private: '私营',
  foreign: '外商投资',
  hmt: '港澳台投资',
  other: '其他',
} as const;
export const EMPLOYER_SIZES = { large: '大型', medium: '中型', small: '小型', micro: '微型' } as const;
export const INSURANCE_STATUSES = { insured: '已参保', uninsured: '未参保', suspended: '暂停缴费' } as const;

const keysOf = <T extends Record<string, string>>(map: T) =>
  Object.keys(map) as [keyof T & string, ...(keyof T & string)[]];

export const OwnershipType = z.enum(keysOf(OWNERSHIP_TYPES), { error: '请选择登记注册类型' });
export type OwnershipType = z.infer<typeof OwnershipType>;
export const EmployerSize = z.enum(keysOf(EMPLOYER_SIZES), { error: '请选择企业规模' });
export type EmployerSize = z.infer<typeof EmployerSize>;
export const InsuranceStatus = z.enum(keysOf(INSURANCE_STATUSES), { error: '请选择参保状态' });
export type InsuranceStatus = z.infer<typeof InsuranceStatus>;

const CountyCode = z.string().regex(/^\d{6}$/, '区划代码应为 6 位数字');
const IndustryCode = z.string().regex(/^\d{2}$/, '行业门类代码应为 2 位数字（GB/T 4754 大类）');
const IndustryGroup = z.string().regex(/^\d{3}$/, '行业中类代码应为 3 位数字（GB/T 4754 中类）');
const flag = z.enum(['true', 'false'], { error: '应为 true 或 false' }).transform((v) => v === 'true');

export const EmployerAbilities = z.object({ update: z.boolean(), export: z.boolean() });

export const EmployerView = z.object({
  id: z.uuid(),
  uscc: z.string(),
  name: z.string(),
  formerNames: z.array(z.string()),
  legalRepresentative: z.string().nullable(),
  address: z.string().nullable(),
  countyCode: z.string(),
  countyName: z.string(),
  industryCode: z.string(),
  industryName: z.string(),
  industryGroup: z.string().nullable(),
  riskClass: z.number().int().nullable(),
  riskClassName: z.string().nullable(),
  ownershipType: OwnershipType.nullable(),
  size: EmployerSize.nullable(),
  workforce: z.number().int().nullable(),
  safetyContactName: z.string().nullable(),
  /** Masked only (138****1234): the full number stays encrypted at rest. */
  safetyContactPhoneMasked: z.string().nullable(),
  keyIndustry: z.boolean(),
  dustHazard: z.boolean(),
  insuranceStatus: InsuranceStatus,
  demo: z.boolean(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  can: EmployerAbilities,
});
export type EmployerView = z.infer<typeof EmployerView>;

export const EmployerPage = pageOf(EmployerView);

/** Filters of the list and the export (no paging in the export). */
export const EmployerFilter = z.object({
  /** A fragment of the name or of the USCC. */
  q: z.string().trim().max(64, '关键字最多 64 个字符').optional(),
  countyCode: CountyCode.optional(),
  industryCode: IndustryCode.optional(),
  riskClass: z.coerce.number().int().min(1, '风险类别应为 1–8').max(8, '风险类别应为 1–8').optional(),
  keyIndustry: flag.optional(),
  dustHazard: flag.optional(),
  insuranceStatus: InsuranceStatus.optional(),
});
export type EmployerFilter = z.infer<typeof EmployerFilter>;

export const EmployerListQuery = PageQuery.extend(EmployerFilter.shape);
export type EmployerListQuery = z.infer<typeof EmployerListQuery>;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多 ${max} 个字符`)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v));

/** The editable profile; the USCC is the employer's identity and is not editable. */
export const EmployerUpdateInput = z.object({
  name: z.string().trim().min(2, '请输入单位名称（至少 2 个字）').max(100, '单位名称最多 100 个字符'),
  legalRepresentative: optionalText(32, '法定代表人'),
  address: optionalText(200, '地址'),
  industryCode: IndustryCode,
  industryGroup: IndustryGroup.nullable().default(null),
  ownershipType: OwnershipType.nullable().default(null),
  size: EmployerSize.nullable().default(null),
  workforce: z
    .number()
    .int('职工人数应为整数')
    .min(0, '职工人数不能为负数')
    .max(1_000_000, '职工人数过大')
    .nullable()
    .default(null),
  safetyContactName: optionalText(32, '安全联系人'),
  /**
   * A new mobile number replaces the stored one; leave it out (undefined) to keep the stored number, null to clear.
   * The full number is never sent back, only its masked form.
   */
  safetyContactPhone: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, '应为 11 位手机号码')
    .nullable()
    .optional(),
  insuranceStatus: InsuranceStatus,
  version: z.number().int().min(0),
});
export type EmployerUpdateInput = z.infer<typeof EmployerUpdateInput>;
export type EmployerUpdateForm = z.input<typeof EmployerUpdateInput>;

export const EmployerHistoryView = z.object({
  id: z.number().int(),
  at: Timestamp,
  username: z.string().nullable(),
  /** form | import | exchange | system */
  source: z.string(),
  changes: z.object({
    before: z.record(z.string(), z.unknown()),
    after: z.record(z.string(), z.unknown()),
  }),
});
export type EmployerHistoryView = z.infer<typeof EmployerHistoryView>;
export const EmployerHistoryPage = pageOf(EmployerHistoryView);
export const EmployerHistoryQuery = PageQuery;

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

export const HeadcountQuery = z.object({ from: Month.optional(), to: Month.optional() });
export type HeadcountQuery = z.infer<typeof HeadcountQuery>;

export const HeadcountView = z.object({
  /** YYYY-MM */
  month: z.string(),
  insuredCount: z.number().int(),
  /** Total payroll of the month in fen. */
  payrollFen: z.number().int(),
});
export type HeadcountView = z.infer<typeof HeadcountView>;

/** Chinese labels of the employer fields, for validation messages and the change history. */
export const EMPLOYER_FIELD_LABELS: Record<string, string> = {
  name: '单位名称',
  formerNames: '曾用名',
  uscc: '统一社会信用代码',
  legalRepresentative: '法定代表人',
  address: '地址',
  countyCode: '所在县（市、区）',
  industryCode: '行业',
  industryGroup: '行业中类',
  riskClass: '行业风险类别',
  ownershipType: '登记注册类型',
  size: '企业规模',
  workforce: '职工人数',
  safetyContactName: '安全联系人',
  safetyContactPhone: '安全联系人电话',
  safetyContactPhoneMasked: '安全联系人电话',
  keyIndustry: '重点行业',
  dustHazard: '粉尘危害行业',
  insuranceStatus: '参保状态',
};
