import { type RoleCode, roleByCode, type ScopeEntry, SEPARATED_ADMIN_ROLES } from '@yufang/contracts';

/**
 * Problems with a set of roles and a scope, in Chinese. 等保2.0 三权分立: the system, security and audit
 * administrators are separate accounts that hold no other role. A role whose scope is made of regions, units
 * employers or organisations needs at least one such entry.
 */
export function roleAndScopeProblems(
  roles: readonly RoleCode[],
  scope: readonly ScopeEntry[],
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const admins = roles.filter((r) => SEPARATED_ADMIN_ROLES.includes(r));
  if (admins.length > 0 && roles.length > 1) {
    problems.push({
      field: 'roles',
      message: '系统管理员、安全管理员、审计管理员须单独设置账户（三权分立），不能兼任其他角色',
    });
  }
  if (new Set(roles).size !== roles.length) problems.push({ field: 'roles', message: '角色重复' });
  const kinds = new Set(scope.map((s) => s.kind));
  for (const code of roles) {
    const role = roleByCode(code);
    if (role && role.scopeKind !== 'none' && !kinds.has(role.scopeKind)) {
      const what = { region: '区划', unit: '单位', employer: '用人单位', provider: '服务机构' }[role.scopeKind];
      problems.push({ field: 'scope', message: `角色“${role.name}”需要至少一个${what}范围` });
    }
  }
  const keys = scope.map((s) => `${s.kind}:${s.code}`);
  if (new Set(keys).size !== keys.length) problems.push({ field: 'scope', message: '数据范围有重复项' });
  return problems;
}
