import { z } from 'zod';
import { PageQuery, pageOf, Timestamp } from './common.js';

export const MONITORING_REASON_LABELS = {
  uninsured: '未参保',
  under_insured: '参保人数不足',
  risk_index: '风险指数偏高',
  repeated_serious: '重复发生重伤死亡',
  overdue_major_hazard: '重大隐患逾期未改',
  dust_coverage: '尘肺病防治参保未达标',
  manual: '人工列入',
} as const;
export type MonitoringReason = keyof typeof MONITORING_REASON_LABELS;
export const MonitoringReason = z.enum(
  Object.keys(MONITORING_REASON_LABELS) as [MonitoringReason, ...MonitoringReason[]],
  '请选择列入原因',
);

export const MONITORING_ACTION_KINDS = {
  visit: '上门走访',
  interview: '约谈',
  notice: '书面告知',
  inspection: '检查',
  note: '备注',
} as const;
export type MonitoringActionKind = keyof typeof MONITORING_ACTION_KINDS;
export const MonitoringActionKind = z.enum(
  Object.keys(MONITORING_ACTION_KINDS) as [MonitoringActionKind, ...MonitoringActionKind[]],
  '请选择跟进方式',
);

export const MonitoringListQuery = PageQuery.extend({
  countyCode: z
    .string()
    .regex(/^\d{6}$/, '县区代码应为 6 位数字')
    .optional(),
  reason: MonitoringReason.optional(),
  status: z.enum(['active', 'exited'], '状态应为 active 或 exited').default('active'),
  ownerId: z.uuid('负责人编号格式不正确').optional(),
});
export type MonitoringListQuery = z.infer<typeof MonitoringListQuery>;

export const MonitoringEntryView = z.object({
  id: z.string(),
  employerId: z.string(),
  employerName: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  reason: MonitoringReason,
  detail: z.string(),
  source: z.enum(['system', 'officer']),
  enteredOn: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  status: z.enum(['active', 'exited']),
  exitedOn: z.string().nullable(),
  exitReason: z.string().nullable(),
  daysOnList: z.number().int(),
  demo: z.boolean(),
  version: z.number().int(),
});
export type MonitoringEntryView = z.infer<typeof MonitoringEntryView>;
export const MonitoringPage = pageOf(MonitoringEntryView);
export type MonitoringPage = z.infer<typeof MonitoringPage>;

export const MonitoringActionView = z.object({
  id: z.number().int(),
  at: Timestamp,
  username: z.string().nullable(),
  kind: MonitoringActionKind,
  note: z.string(),
});
export type MonitoringActionView = z.infer<typeof MonitoringActionView>;

export const MonitoringDetail = MonitoringEntryView.extend({ actions: z.array(MonitoringActionView) });
export type MonitoringDetail = z.infer<typeof MonitoringDetail>;

export const MonitoringCounts = z.object({
  countyCode: z.string().optional(),
  byReason: z.array(z.object({ reason: MonitoringReason, count: z.number().int() })),
  total: z.number().int(),
});
export type MonitoringCounts = z.infer<typeof MonitoringCounts>;

export const MonitoringAddInput = z.object({
  employerId: z.uuid('请选择用人单位'),
  reason: MonitoringReason.default('manual'),
  detail: z.string().trim().min(1, '请填写列入理由').max(1000, '列入理由最多 1000 字'),
});
export type MonitoringAddInput = z.infer<typeof MonitoringAddInput>;

export const MonitoringOwnerInput = z.object({
  version: z.number().int(),
  ownerId: z.uuid('请选择负责人'),
});
export const MonitoringActionInput = z.object({
  version: z.number().int(),
  kind: MonitoringActionKind,
  note: z.string().trim().min(1, '请填写跟进情况').max(2000, '跟进情况最多 2000 字'),
});
export const MonitoringExitInput = z.object({
  version: z.number().int(),
  reason: z.string().trim().min(1, '请填写移出理由').max(1000, '移出理由最多 1000 字'),
});

export const MonitoringSweepResult = z.object({
  today: z.string(),
  entered: z.number().int(),
  exited: z.number().int(),
  byReason: z.record(z.string(), z.number().int()),
});
export type MonitoringSweepResult = z.infer<typeof MonitoringSweepResult>;

export const MonitoringOwnerOption = z.object({ id: z.string(), name: z.string() });
export const MonitoringOptions = z.object({
  counties: z.array(z.object({ code: z.string(), name: z.string() })),
  owners: z.array(MonitoringOwnerOption.extend({ countyCode: z.string().nullable() })),
});
export type MonitoringOptions = z.infer<typeof MonitoringOptions>;
