/**
 * The permission catalogue: every route names one of these (or is explicitly public / any signed-in user).
 * Names follow `module.resource.action`. Labels are shown on the roles page.
 */
export const PERMISSIONS = {
  'system.user.read': '查看用户',
  'system.user.create': '创建用户',
  'system.user.update': '修改用户、分配角色与范围',
  'system.user.reset_password': '重置用户密码',
  'system.role.read': '查看角色',
  'system.org.read': '查看行政区划与单位',
  'security.policy.read': '查看安全策略',
  'security.policy.update': '修改安全策略',
  'security.user.unlock': '解除账户锁定',
  'audit.log.read': '查看审计日志',
  'audit.log.export': '导出审计日志',
  'audit.chain.verify': '校验审计日志链',
  'employer.read': '查看用人单位',
  'employer.update': '修改用人单位',
  'employer.export': '导出用人单位',
  'employer.person.read': '查看参保职工（脱敏）',
  'employer.person.unmask': '查看完整身份证号码',
  'employer.person.export': '导出参保职工（身份证号码始终脱敏）',
  'import.read': '查看数据导入记录',
  'import.run': '导入数据（上传、校验、提交）',
  'exchange.catalog.read': '查看数据共享目录与加载记录',
  'exchange.record.read': '查看共享数据记录（管辖范围内）',
  'exchange.load': '上传共享数据（本单位数据集）',
  'exchange.token.manage': '管理数据交换接口令牌（本单位）',
  'reconcile.read': '查看数据核查清单',
  'reconcile.update': '处理数据核查事项',
  'injury.read': '查看工伤、职业病与生产安全事故记录（管辖范围内）',
  'injury.write': '登记、修改工伤、职业病与事故记录',
  'injury.export': '导出工伤与职业病记录（身份证号脱敏）',
  'analysis.read': '查看统计分析看板、目标进度与风险指数',
  'analysis.export': '导出统计分析数据与下钻明细',
  'analysis.report': '生成年度工伤预防分析报告',
  'bulletin.read': '查看典型案例通报',
  'bulletin.draft': '起草典型案例通报',
  'bulletin.publish': '审核、发布典型案例通报',
  'bulletin.acknowledge': '签收典型案例通报（本单位）',
  'hazard.read': '查看隐患与超标危害（管辖范围内）',
  'hazard.report': '登记隐患、下达整改通知',
  'hazard.verify': '核查隐患整改、销号或退回',
  'hazard.respond': '答复本单位隐患、提交整改证据',
  'industry.cycle.manage': '维护五年周期的重点行业与尘肺病重点行业（国民经济行业代码集合）',
  'ledger.read': '查看重点行业企业清单与台账（管辖范围内）',
  'ledger.manage': '生成、确认、调整重点企业清单（须填写理由）',
  'monitoring.read': '查看重点监控名单（管辖范围内）',
  'monitoring.manage': '列入、跟进、移出重点监控（须填写理由）',
  'inspection.read': '查看联合检查计划与结果（本单位参加的或管辖范围内）',
  'inspection.plan': '制定、调整联合检查计划',
  'inspection.record': '记录联合检查结果与发现的问题（问题转为隐患）',
  'campaign.read': '查看尘肺病重点行业工伤保险扩面进展',
  'campaign.check': '记录参保公示检查（附照片或文件）',
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}
