import type { Permission } from './permissions.js';

/**
 * What a role's scope is made of: regions (GB/T 2260 codes), units (member-unit codes), employers or service
 * organisations (ids).
 */
export type ScopeKind = 'region' | 'unit' | 'employer' | 'provider' | 'none';

export interface RoleDefinition {
  code: string;
  name: string;
  nameEn: string;
  description: string;
  /** The kind of scope an account with this role is given. */
  scopeKind: ScopeKind;
  permissions: readonly Permission[];
}

/**
 * Built-in roles, from the people table of docs (domain) and the separation of duties of 等保2.0 (三权分立):
 * the system, security and audit administrators see no business data.
 * Business permissions are added to these roles as later modules are built.
 */
export const ROLES = [
  {
    code: 'city_admin',
    name: '市人社局管理员',
    nameEn: 'City HRSS administrator',
    description: '工伤保险科/联席会议办公室：全市业务',
    scopeKind: 'region',
    permissions: [
      'system.org.read',
      'employer.read',
      'employer.update',
      'employer.export',
      'employer.person.read',
      'employer.person.unmask',
      'employer.person.export',
      'import.read',
      'import.run',
      'exchange.catalog.read',
      'exchange.record.read',
      'exchange.load',
      'exchange.token.manage',
      'reconcile.read',
      'reconcile.update',
      'injury.read',
      'injury.write',
      'injury.export',
      'analysis.read',
      'analysis.export',
      'analysis.report',
      'bulletin.read',
      'bulletin.draft',
      'bulletin.publish',
      'hazard.read',
      'hazard.report',
      'hazard.verify',
      'industry.cycle.manage',
      'ledger.read',
      'ledger.manage',
      'monitoring.read',
      'monitoring.manage',
      'inspection.read',
      'inspection.plan',
      'inspection.record',
      'campaign.read',
      'campaign.check',
      'expert.read',
      'expert.manage',
      'expert.unmask',
      'expert.share',
      'panel.read',
      'panel.draw',
      'panel.settle',
      'provider.read',
      'provider.manage',
    ],
  },
  {
    code: 'county_officer',
    name: '县（市、区）人社经办人员',
    nameEn: 'County HRSS officer',
    description: '仅本县（市、区）的数据与账户',
    scopeKind: 'region',
    permissions: [
      'system.user.read',
      'system.org.read',
      'employer.read',
      'employer.update',
      'employer.export',
      'employer.person.read',
      'employer.person.unmask',
      'employer.person.export',
      'import.read',
      'import.run',
      'exchange.catalog.read',
      'exchange.record.read',
      'reconcile.read',
      'reconcile.update',
      'injury.read',
      'injury.write',
      'injury.export',
      'analysis.read',
      'analysis.export',
      'analysis.report',
      'bulletin.read',
      'bulletin.draft',
      'hazard.read',
      'hazard.report',
      'hazard.verify',
      'ledger.read',
      'ledger.manage',
      'monitoring.read',
      'monitoring.manage',
      'inspection.read',
      'inspection.plan',
      'inspection.record',
      'campaign.read',
      'campaign.check',
      'expert.read',
      'panel.read',
      'provider.read',
    ],
  },
  {
    code: 'unit_officer',
    name: '成员单位人员',
    nameEn: 'Member-unit officer',
    description: '本单位共享或负责的数据、交办任务、全市汇总',
    scopeKind: 'unit',
    permissions: [
      'system.org.read',
      'exchange.catalog.read',
      'exchange.record.read',
      'exchange.load',
      'exchange.token.manage',
      'reconcile.read',
      'reconcile.update',
      'analysis.read',
      'bulletin.read',
      'hazard.read',
      'hazard.report',
      'hazard.verify',
      'inspection.read',
      'inspection.record',
      'campaign.read',
      'provider.read',
    ],
  },
  {
    code: 'fund_agency',
    name: '社保经办人员',
    nameEn: 'Social-insurance agency officer',
    description: '基金、预算、合同、支付与公开',
    scopeKind: 'region',
    permissions: [
      'system.org.read',
      'employer.read',
      'employer.export',
      'employer.person.read',
      'employer.person.export',
      'injury.read',
      'analysis.read',
      'analysis.export',
      'bulletin.read',
      'ledger.read',
      'monitoring.read',
      'campaign.read',
      'expert.read',
      'panel.read',
      'panel.settle',
      'provider.read',
    ],
  },
  {
    code: 'expert',
    name: '专家',
    nameEn: 'Expert',
    description: '仅本人的评审与验收任务',
    scopeKind: 'none',
    permissions: ['panel.assignment'],
  },
  {
    code: 'provider',
    name: '服务机构',
    nameEn: 'Service organisation',
    description: '本机构的资料、申报、合同与实施报告',
    scopeKind: 'provider',
    permissions: ['provider.self'],
  },
  {
    code: 'employer',
    name: '用人单位',
    nameEn: 'Employer',
    description: '本单位的职工、隐患整改、培训与费率通知',
    scopeKind: 'employer',
    permissions: [
      'employer.read',
      'employer.person.read',
      'bulletin.read',
      'bulletin.acknowledge',
      'hazard.read',
      'hazard.respond',
    ],
  },
  {
    code: 'trainee',
    name: '学员',
    nameEn: 'Trainee',
    description: '本人的课程、考试与证书',
    scopeKind: 'none',
    permissions: [],
  },
  {
    code: 'sys_admin',
    name: '系统管理员',
    nameEn: 'System administrator',
    description: '账户、角色与机构设置；不接触业务数据',
    scopeKind: 'region',
    permissions: [
      'system.user.read',
      'system.user.create',
      'system.user.update',
      'system.user.reset_password',
      'system.role.read',
      'system.org.read',
    ],
  },
  {
    code: 'sec_admin',
    name: '安全管理员',
    nameEn: 'Security administrator',
    description: '密码、锁定与会话等安全策略；不接触业务数据',
    scopeKind: 'region',
    permissions: [
      'security.policy.read',
      'security.policy.update',
      'security.user.unlock',
      'system.user.read',
      'system.org.read',
    ],
  },
  {
    code: 'audit_admin',
    name: '审计管理员',
    nameEn: 'Audit administrator',
    description: '审计日志的查看、导出与校验；不接触业务数据',
    scopeKind: 'none',
    permissions: ['audit.log.read', 'audit.log.export', 'audit.chain.verify'],
  },
] as const satisfies readonly RoleDefinition[];

export type RoleCode = (typeof ROLES)[number]['code'];
export const ROLE_CODES = ROLES.map((r) => r.code) as [RoleCode, ...RoleCode[]];

export function roleByCode(code: string): RoleDefinition | undefined {
  return ROLES.find((r) => r.code === code);
}

/** Roles that the separation of duties forbids one account to combine. */
export const SEPARATED_ADMIN_ROLES: readonly RoleCode[] = ['sys_admin', 'sec_admin', 'audit_admin'];
