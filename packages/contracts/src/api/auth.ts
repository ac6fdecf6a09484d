import { z } from 'zod';
import { ALL_PERMISSIONS, type Permission } from '../permissions.js';
import { ROLE_CODES } from '../roles.js';

export const LoginInput = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64, '用户名最多 64 个字符'),
  password: z.string().min(1, '请输入密码').max(128, '密码最多 128 个字符'),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const ScopeEntry = z.object({
  kind: z.enum(['region', 'unit', 'employer', 'provider']),
  code: z.string().min(1).max(64),
});
export type ScopeEntry = z.infer<typeof ScopeEntry>;

export const ScopeEntryView = ScopeEntry.extend({ name: z.string() });
export type ScopeEntryView = z.infer<typeof ScopeEntryView>;

export const RoleCodeSchema = z.enum(ROLE_CODES);
export const PermissionSchema = z.enum(ALL_PERMISSIONS as [Permission, ...Permission[]]);

export const MeView = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleCodeSchema),
  permissions: z.array(PermissionSchema),
  scope: z.array(ScopeEntryView),
  mustChangePassword: z.boolean(),
  /** Why a password change is required: first login after an initial password, or expiry. */
  passwordChangeReason: z.enum(['initial', 'expired']).nullable(),
  csrfToken: z.string(),
  idleTimeoutMinutes: z.number().int(),
  demo: z.boolean(),
});
export type MeView = z.infer<typeof MeView>;

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(128),
  newPassword: z.string().min(1, '请输入新密码').max(128, '密码最多 128 个字符'),
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;
