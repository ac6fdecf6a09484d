import { CITY_CODE } from '@yufang/contracts';
import { and, desc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../core/db/index.js';
import { policySetting } from '../../core/db/schema.js';
import type { PolicyDefault } from '../../core/policy/policy.js';

export const EXPERT_DOMAINS_KEY = 'expert.domains';
export const EXPERT_TERM_KEY = 'expert.term';

/** The fields of the expert pool (专家库专业领域), plan 三(八)3. */
export const ExpertDomainsPolicy = z.object({
  domains: z
    .array(z.object({ code: z.string().regex(/^[a-z_]+$/), label: z.string().min(1) }))
    .min(1)
    .refine((d) => new Set(d.map((x) => x.code)).size === d.length, '专业领域代码不能重复'),
});
export type ExpertDomainsPolicy = z.infer<typeof ExpertDomainsPolicy>;

/** The appointment term (聘期) and the reminder days before it ends. */
export const ExpertTermPolicy = z.object({
  termYears: z.number().int().min(1).max(10),
  reminderDays: z.array(z.number().int().min(1).max(365)).min(1),
});
export type ExpertTermPolicy = z.infer<typeof ExpertTermPolicy>;

const SOURCE =
  '《三明市工伤预防五年行动计划（2021—2025年）实施方案》三(八)3：建立工伤预防专家库，参与项目评审、培训、诊断、' +
  '措施制定与验收。';

export const EXPERT_POLICY_DEFAULTS: PolicyDefault<unknown>[] = [
  {
    key: EXPERT_DOMAINS_KEY,
    regionCode: CITY_CODE,
    effectiveFrom: '2021-01-01',
    value: {
      domains: [
        { code: 'injury_prevention', label: '工伤预防' },
        { code: 'work_safety', label: '安全生产' },
        { code: 'occupational_health', label: '职业卫生' },
        { code: 'finance', label: '财务管理' },
        { code: 'legal', label: '法律事务' },
        { code: 'publicity_training', label: '宣传培训' },
      ],
    },
    source: `${SOURCE}专业领域划分为平台默认，可调整`,
  },
  {
    key: EXPERT_TERM_KEY,
    regionCode: CITY_CODE,
    effectiveFrom: '2021-01-01',
    value: { termYears: 3, reminderDays: [60, 30, 7] },
    source: `${SOURCE}聘期 3 年及到期前 60/30/7 日提醒为平台默认，可调整`,
  },
];

/** The pool is city-managed: its settings are the city's row in force on the date. */
async function cityPolicy<S extends z.ZodType>(db: Db, schema: S, key: string, on: string): Promise<z.infer<S>> {
  const [row] = await db
    .select({ value: policySetting.value })
    .from(policySetting)
    .where(
      and(
        eq(policySetting.key, key),
        eq(policySetting.regionCode, CITY_CODE),
        lte(policySetting.effectiveFrom, on),
        or(isNull(policySetting.effectiveTo), gt(policySetting.effectiveTo, on)),
      ),
    )
    .orderBy(desc(policySetting.effectiveFrom))
    .limit(1);
  if (!row) throw new Error(`没有适用于 ${on} 的专家库设置（${key}）`);
  return schema.parse(row.value);
}

/** The expert domains (code and label) in force on a date (YYYY-MM-DD). Signature stable: used by the panel module. */
export async function expertDomains(db: Db, on: string): Promise<{ code: string; label: string }[]> {
  const policy = await cityPolicy(db, ExpertDomainsPolicy, EXPERT_DOMAINS_KEY, on);
  return policy.domains.map((d) => ({ code: d.code, label: d.label }));
}

/** The term length and reminder days in force on a date. */
export async function expertTerm(db: Db, on: string): Promise<ExpertTermPolicy> {
  return cityPolicy(db, ExpertTermPolicy, EXPERT_TERM_KEY, on);
}
