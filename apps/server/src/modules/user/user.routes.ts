import {
  ErrorBody,
  IdParams,
  UserCreateInput,
  UserListQuery,
  UserPage,
  UserUpdateInput,
  UserView,
  UserWithPassword,
} from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../core/auth/plugin.js';
import type { UserService } from './user.service.js';

const tags = ['用户'];
const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export function userRoutes(users: UserService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/users',
      {
        config: { access: 'system.user.read' },
        schema: { tags, summary: '用户列表（管辖范围内）', querystring: UserListQuery, response: { 200: UserPage } },
      },
      async (req) => users.list(actorOf(req), req.query),
    );
    app.post(
      '/users',
      {
        config: { access: 'system.user.create' },
        schema: {
          tags,
          summary: '创建用户（生成初始密码）',
          body: UserCreateInput,
          response: { 201: UserWithPassword, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await users.create(actorOf(req), req.body)),
    );
    app.get(
      '/users/:id',
      {
        config: { access: 'system.user.read' },
        schema: { tags, summary: '用户详情', params: IdParams, response: { 200: UserView, 404: ErrorBody } },
      },
      async (req) => users.get(actorOf(req), req.params.id),
    );
    app.put(
      '/users/:id',
      {
        config: { access: 'system.user.update' },
        schema: {
          tags,
          summary: '修改用户、角色与数据范围',
          params: IdParams,
          body: UserUpdateInput,
          response: { 200: UserView, ...errors },
        },
      },
      async (req) => users.update(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/users/:id/reset-password',
      {
        config: { access: 'system.user.reset_password' },
        schema: {
          tags,
          summary: '重置密码（生成新的初始密码）',
          params: IdParams,
          response: { 200: UserWithPassword, 404: ErrorBody },
        },
      },
      async (req) => users.resetPassword(actorOf(req), req.params.id),
    );
    app.post(
      '/users/:id/unlock',
      {
        config: { access: 'security.user.unlock' },
        schema: { tags, summary: '解除登录锁定', params: IdParams, response: { 200: UserView, 404: ErrorBody } },
      },
      async (req) => users.unlock(actorOf(req), req.params.id),
    );
  };
}
