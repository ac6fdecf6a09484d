import { CITY_CODE, InspectionItem } from '@yufang/contracts';
import { z } from 'zod';
import type { RegionIndex } from '../../core/authz/regions.js';
import type { Db } from '../../core/db/index.js';
import { type PolicyDefault, policyInForce } from '../../core/policy/policy.js';

export const CHECKLIST_KEY = 'inspection.checklist';

/** The default checklist a new joint-inspection plan starts with (the planner may change it per plan). */
export const ChecklistPolicy = z.object({ items: z.array(InspectionItem).min(1).max(50) });
export type ChecklistPolicy = z.infer<typeof ChecklistPolicy>;

export const INSPECTION_POLICY_DEFAULTS: PolicyDefault<unknown>[] = [
  {
    key: CHECKLIST_KEY,
    regionCode: CITY_CODE,
    effectiveFrom: '2021-01-01',
    value: {
      items: [
        { code: 'A01', text: '安全生产责任制和工伤预防制度建立、落实情况' },
        { code: 'A02', text: '主要负责人、安全管理人员和特种作业人员持证上岗情况' },
        { code: 'A03', text: '从业人员安全生产与工伤预防教育培训情况' },
        { code: 'A04', text: '事故隐患排查治理台账及整改落实情况' },
        { code: 'A05', text: '职业病危害因素检测、告知及职业健康检查情况' },
        { code: 'A06', text: '劳动防护用品配备和正确佩戴情况' },
        { code: 'A07', text: '工伤保险参保及按时足额缴费情况' },
        { code: 'A08', text: '设备设施安全防护装置和警示标识情况' },
      ],
    },
    source:
      '《三明市工伤预防五年行动计划》三(二)：联席会议成员单位开展联合检查；《安全生产法》第四条、第二十八条，' +
      '《职业病防治法》第二十条，《工伤保险条例》第十条。检查项为平台默认清单，联席会议办公室可调整',
  },
];

/** The default checklist in force for a region on a date. */
export async function checklistPolicy(db: Db, regions: RegionIndex, regionCode: string, onDate: string) {
  const policy = await policyInForce(db, regions, ChecklistPolicy, CHECKLIST_KEY, regionCode, onDate);
  if (!policy) throw new Error(`没有适用于 ${regionCode} ${onDate} 的联合检查清单设置（${CHECKLIST_KEY}）`);
  return policy;
}
