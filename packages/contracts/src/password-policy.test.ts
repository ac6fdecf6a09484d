import { describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY_POLICY } from './api/security.js';
import { passwordProblems } from './password-policy.js';

describe('password policy', () => {
  it('accepts 8+ characters from three classes', () => {
    expect(passwordProblems('Sanming@2026', 'cityadmin', DEFAULT_SECURITY_POLICY)).toEqual([]);
    expect(passwordProblems('abcdEF12', 'x', DEFAULT_SECURITY_POLICY)).toEqual([]);
  });
  it('names each broken rule', () => {
    expect(passwordProblems('Ab1', 'x', DEFAULT_SECURITY_POLICY)).toEqual(['密码长度至少 8 位']);
    expect(passwordProblems('abcdefgh', 'x', DEFAULT_SECURITY_POLICY)).toEqual([
      '密码须包含大写字母、小写字母、数字、符号中的至少 3 类',
    ]);
    expect(passwordProblems('Youxi@2026', 'youxi', DEFAULT_SECURITY_POLICY)).toEqual(['密码不能包含用户名']);
  });
});
