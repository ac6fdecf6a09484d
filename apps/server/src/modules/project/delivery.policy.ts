import { CITY_CODE } from '@yufang/contracts';
import { z } from 'zod';
import type { RegionIndex } from '../../core/authz/regions.js';
import type { Db, Tx } from '../../core/db/index.js';
import { type PolicyDefault, policyInForce } from '../../core/policy/policy.js';

export const PROJECT_DELIVERY_KEY = 'project.delivery';

export const ProjectDeliveryPolicy = z.object({
  /** Milestones due within this many days show as due soon. */
  alertDaysBefore: z.number().int().min(0).max(90),
  /** The rectification deadline after a failed acceptance. */
  rectifyDays: z.number().int().min(1).max(365),
  /** The same trainee in another project's attendance within this many days is flagged. */
  sharedTraineeDays: z.number().int().min(1).max(730),
});
export type ProjectDeliveryPolicy = z.infer<typeof ProjectDeliveryPolicy>;

export const DELIVERY_POLICY_DEFAULTS: PolicyDefault<unknown>[] = [
  {
    key: PROJECT_DELIVERY_KEY,
    regionCode: CITY_CODE,
    effectiveFrom: '2021-01-01',
    value: { alertDaysBefore: 7, rectifyDays: 30, sharedTraineeDays: 90 },
    source:
      '《工伤预防费使用管理暂行办法》（人社部规〔2017〕13号）第十四条：验收不合格的限期整改后重新验收；' +
      '《三明市工伤预防五年行动计划（2021—2025年）实施方案》三(九)2：加强项目全过程监管，防范骗取套取预防费。' +
      '节点到期前 7 天提醒、整改期限 30 天、90 天内同一学员重复参训提示为平台默认，可调整',
  },
];

export async function deliveryPolicy(
  db: Db | Tx,
  regions: RegionIndex,
  region: string,
  on: string,
): Promise<ProjectDeliveryPolicy> {
  const value = await policyInForce(db as Db, regions, ProjectDeliveryPolicy, PROJECT_DELIVERY_KEY, region, on);
  if (!value) throw new Error(`没有适用于 ${region} ${on} 的项目实施监管设置（${PROJECT_DELIVERY_KEY}）`);
  return value;
}
