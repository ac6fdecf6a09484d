/**
 * Password rules of 等保2.0 level 3 as commonly read (docs: security baseline): at least `passwordMinLength`
 * characters with at least `passwordMinClasses` of upper case, lower case, digits and symbols, and not containing the username.
 */
import type { SecurityPolicy } from './api/security.js';

type PasswordRules = Pick<SecurityPolicy, 'passwordMinLength' | 'passwordMinClasses'>;

/** Returns the rules a candidate password breaks, in Chinese; empty when it is acceptable. */
export function passwordProblems(password: string, username: string, policy: PasswordRules): string[] {
  const problems: string[] = [];
  if (password.length < policy.passwordMinLength) problems.push(`密码长度至少 ${policy.passwordMinLength} 位`);
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < policy.passwordMinClasses)
    problems.push(`密码须包含大写字母、小写字母、数字、符号中的至少 ${policy.passwordMinClasses} 类`);
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  return problems;
}
