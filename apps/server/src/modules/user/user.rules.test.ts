import { describe, expect, it } from 'vitest';
import { roleAndScopeProblems } from './user.rules.js';

describe('roles and scope of an account', () => {
  it('keeps the three administrators apart from every other role', () => {
    expect(roleAndScopeProblems(['sys_admin'], [{ kind: 'region', code: '350400' }])).toEqual([]);
    expect(
      roleAndScopeProblems(['sec_admin', 'audit_admin'], [{ kind: 'region', code: '350400' }])[0]?.message,
    ).toContain('三权分立');
    expect(roleAndScopeProblems(['audit_admin', 'city_admin'], [{ kind: 'region', code: '350400' }])[0]?.field).toBe(
      'roles',
    );
  });
  it('allows several business roles together', () => {
    const scope = [
      { kind: 'region' as const, code: '350421' },
      { kind: 'unit' as const, code: 'yjj' },
    ];
    expect(roleAndScopeProblems(['county_officer', 'unit_officer', 'expert'], scope)).toEqual([]);
  });
  it('asks for the kind of scope each role works on', () => {
    expect(roleAndScopeProblems(['employer'], [{ kind: 'region', code: '350421' }])).toEqual([
      { field: 'scope', message: '角色“用人单位”需要至少一个用人单位范围' },
    ]);
    expect(roleAndScopeProblems(['trainee'], [])).toEqual([]);
  });
});
