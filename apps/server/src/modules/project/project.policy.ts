import { CITY_CODE } from '@yufang/contracts';
import { z } from 'zod';
import type { RegionIndex } from '../../core/authz/regions.js';
import type { Db, Tx } from '../../core/db/index.js';
import { type PolicyDefault, policyInForce } from '../../core/policy/policy.js';

export const PROJECT_TYPES_KEY = 'project.types';
export const PROJECT_ELIGIBILITY_KEY = 'project.eligibility';
export const PROJECT_PROCUREMENT_KEY = 'project.procurement';
export const PROJECT_PAYMENT_KEY = 'project.payment';

export const ProjectTypesPolicy = z
  .array(z.object({ code: z.string().regex(/^[a-z_]+$/), label: z.string().min(1) }))
  .min(1);
export const ProjectEligibilityPolicy = z.object({
  /** An enterprise counts as large or medium from this workforce (统计上大中小微型企业划分办法). */
  minEnterpriseWorkforce: z.number().int().min(1),
  /** The applicant employer must be insured (not uninsured or suspended) where the data shows it. */
  requireInsured: z.boolean(),
  /** The most applications one applicant may have open (submitted, not decided) in one call. */
  maxOpenPerCall: z.number().int().min(1),
});
export type ProjectEligibilityPolicy = z.infer<typeof ProjectEligibilityPolicy>;
/** Ordered thresholds on the approved amount (fen): the first whose `fromFen` the amount reaches applies. */
export const ProjectProcurementPolicy = z.object({
  thresholds: z
    .array(z.object({ route: z.enum(['open_tender', 'competitive', 'direct']), fromFen: z.number().int().min(0) }))
    .min(1),
});
export type ProjectProcurementPolicy = z.infer<typeof ProjectProcurementPolicy>;
export const ProjectPaymentPolicy = z
  .object({ prepaymentMinPct: z.number().int().min(0).max(100), prepaymentMaxPct: z.number().int().min(0).max(100) })
  .refine((p) => p.prepaymentMinPct <= p.prepaymentMaxPct, '预付款比例下限不能高于上限');
export type ProjectPaymentPolicy = z.infer<typeof ProjectPaymentPolicy>;

const FEE_RULES = '《工伤预防费使用管理暂行办法》（人社部规〔2017〕13号）';
const PLAN = '《三明市工伤预防五年行动计划（2021—2025年）实施方案》';

export const PROJECT_POLICY_SOURCES: Record<string, string> = {
  [PROJECT_TYPES_KEY]: `${FEE_RULES}第四条：工伤预防费用于宣传、培训等工伤预防项目；其他类型须经配置`,
  [PROJECT_ELIGIBILITY_KEY]:
    `${FEE_RULES}第七条：行业协会和大中型企业等社会组织可申报；《统计上大中小微型企业划分办法（2017）》：` +
    '从业人员 300 人及以上计为中型以上（平台默认，可调整）；申报单位须依法参加工伤保险；同一指南每个单位在审申报最多 2 个（平台默认）',
  [PROJECT_PROCUREMENT_KEY]:
    `${FEE_RULES}第八条：按政府采购法确定服务机构；${PLAN}三(三)2：400 万元及以上公开招标，50 万元及以上竞争性磋商、谈判或询价，` +
    '以下直接委托（小额，平台默认，以本级政府集中采购目录和限额标准为准）',
  [PROJECT_PAYMENT_KEY]: `${FEE_RULES}第十条：签订服务协议后可预付 30%–70%，验收合格后支付余款（平台默认，可调整）`,
};

const row = (key: string, value: unknown): PolicyDefault<unknown> => ({
  key,
  regionCode: CITY_CODE,
  effectiveFrom: '2021-01-01',
  value,
  source: PROJECT_POLICY_SOURCES[key] as string,
});

export const PROJECT_POLICY_DEFAULTS: PolicyDefault<unknown>[] = [
  row(PROJECT_TYPES_KEY, [
    { code: 'publicity', label: '宣传' },
    { code: 'training', label: '培训' },
  ]),
  row(PROJECT_ELIGIBILITY_KEY, { minEnterpriseWorkforce: 300, requireInsured: true, maxOpenPerCall: 2 }),
  row(PROJECT_PROCUREMENT_KEY, {
    thresholds: [
      { route: 'open_tender', fromFen: 400_000_000 },
      { route: 'competitive', fromFen: 50_000_000 },
      { route: 'direct', fromFen: 0 },
    ],
  }),
  row(PROJECT_PAYMENT_KEY, { prepaymentMinPct: 30, prepaymentMaxPct: 70 }),
];

async function required<S extends z.ZodType>(
  db: Db | Tx,
  regions: RegionIndex,
  schema: S,
  key: string,
  region: string,
  on: string,
): Promise<z.infer<S>> {
  const value = await policyInForce(db as Db, regions, schema, key, region, on);
  if (!value) throw new Error(`没有适用于 ${region} ${on} 的预防项目设置（${key}）`);
  return value;
}

export const projectTypesPolicy = (db: Db | Tx, regions: RegionIndex, region: string, on: string) =>
  required(db, regions, ProjectTypesPolicy, PROJECT_TYPES_KEY, region, on);
export const projectEligibilityPolicy = (db: Db | Tx, regions: RegionIndex, region: string, on: string) =>
  required(db, regions, ProjectEligibilityPolicy, PROJECT_ELIGIBILITY_KEY, region, on);
export const projectProcurementPolicy = (db: Db | Tx, regions: RegionIndex, region: string, on: string) =>
  required(db, regions, ProjectProcurementPolicy, PROJECT_PROCUREMENT_KEY, region, on);
/** The prepayment bounds in force (helper C computes the prepayment from the contract's percent). */
export const projectPaymentPolicy = (db: Db | Tx, regions: RegionIndex, region: string, on: string) =>
  required(db, regions, ProjectPaymentPolicy, PROJECT_PAYMENT_KEY, region, on);
