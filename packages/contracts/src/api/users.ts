import { z } from 'zod';
import { RoleCodeSchema, ScopeEntry, ScopeEntryView } from './auth.js';
import { PageQuery, pageOf, Timestamp } from './common.js';

export const UserAbilities = z.object({
  update: z.boolean(),
  resetPassword: z.boolean(),
  unlock: z.boolean(),
});

export const UserView = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  unitCode: z.string().nullable(),
  roles: z.array(RoleCodeSchema),
  scope: z.array(ScopeEntryView),
  disabled: z.boolean(),
  lockedUntil: Timestamp.nullable(),
  mustChangePassword: z.boolean(),
  lastLoginAt: Timestamp.nullable(),
  createdAt: Timestamp,
  version: z.number().int(),
  demo: z.boolean(),
  can: UserAbilities,
});
export type UserView = z.infer<typeof UserView>;

export const UserPage = pageOf(UserView);

export const UserListQuery = PageQuery.extend({
  q: z.string().trim().max(64).optional(),
  role: RoleCodeSchema.optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/, '区划代码应为 6 位数字')
    .optional(),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

const Username = z
  .string()
  .trim()
  .min(3, '用户名至少 3 个字符')
  .max(64, '用户名最多 64 个字符')
  .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和横线');

const UserFields = z.object({
  displayName: z.string().trim().min(1, '请输入姓名').max(64, '姓名最多 64 个字符'),
  email: z.email('电子邮箱格式不正确').max(128).nullable().default(null),
  regionCode: z.string().regex(/^\d{6}$/, '区划代码应为 6 位数字'),
  unitCode: z.string().max(32).nullable().default(null),
  roles: z.array(RoleCodeSchema).min(1, '至少分配一个角色').max(11),
  scope: z.array(ScopeEntry).max(200, '数据范围最多 200 项'),
});

export const UserCreateInput = UserFields.extend({ username: Username });
export type UserCreateInput = z.infer<typeof UserCreateInput>;

export const UserUpdateInput = UserFields.extend({
  disabled: z.boolean(),
  version: z.number().int().min(0),
});
export type UserUpdateInput = z.infer<typeof UserUpdateInput>;

/** The generated initial password is shown once, to the administrator who created or reset it. */
export const UserWithPassword = z.object({ user: UserView, initialPassword: z.string() });
