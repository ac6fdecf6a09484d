import { z } from 'zod';

/** Security policy of the installation (等保2.0 level 3 defaults), edited by the security administrator. */
export const SecurityPolicy = z.object({
  passwordMinLength: z.number().int().min(8, '密码最小长度不得低于 8').max(64),
  passwordMinClasses: z.number().int().min(3, '密码字符类别不得少于 3 类').max(4),
  passwordMaxAgeDays: z.number().int().min(1).max(365, '密码有效期最长 365 天'),
  lockoutThreshold: z.number().int().min(3).max(10, '锁定阈值应在 3 到 10 次之间'),
  lockoutMinutes: z.number().int().min(10, '锁定时间不少于 10 分钟').max(1440),
  idleTimeoutMinutes: z.number().int().min(5).max(30, '会话空闲超时不得超过 30 分钟'),
});
export type SecurityPolicy = z.infer<typeof SecurityPolicy>;

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  passwordMinLength: 8,
  passwordMinClasses: 3,
  passwordMaxAgeDays: 90,
  lockoutThreshold: 5,
  lockoutMinutes: 30,
  idleTimeoutMinutes: 30,
};

export const SecurityPolicyView = SecurityPolicy.extend({
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export const SecurityPolicyInput = SecurityPolicy.extend({ version: z.number().int().min(0) });
