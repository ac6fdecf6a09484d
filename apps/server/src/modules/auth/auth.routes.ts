import { ChangePasswordInput, ErrorBody, LoginInput, MeView } from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requestMeta } from '../../core/auth/plugin.js';
import { SESSION_COOKIE } from '../../core/auth/sessions.js';
import type { AuthService } from './auth.service.js';

const tags = ['认证'];

export function authRoutes(auth: AuthService): FastifyPluginAsyncZod {
  return async (app) => {
    const cookieOptions = {
      httpOnly: true,
      sameSite: 'strict',
      secure: app.core.config.cookieSecure,
      path: '/',
    } as const;

    app.post(
      '/auth/login',
      {
        config: { access: 'public' },
        schema: { tags, summary: '登录', body: LoginInput, response: { 200: MeView, 401: ErrorBody, 423: ErrorBody } },
      },
      async (req, reply) => {
        const { token, actor } = await auth.login(req.body, {
          ...requestMeta(req),
          userAgent: req.headers['user-agent'] ?? null,
        });
        reply.setCookie(SESSION_COOKIE, token, cookieOptions);
        return auth.me(actor);
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { access: 'authenticated', allowDuringPasswordChange: true },
        schema: { tags, summary: '退出登录（服务端会话作废）', response: { 204: z.null() } },
      },
      async (req, reply) => {
        await auth.logout(actorOf(req));
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      {
        config: { access: 'authenticated', allowDuringPasswordChange: true },
        schema: { tags, summary: '当前用户、权限与数据范围', response: { 200: MeView } },
      },
      async (req) => auth.me(actorOf(req)),
    );

    app.post(
      '/auth/password',
      {
        config: { access: 'authenticated', allowDuringPasswordChange: true },
        schema: { tags, summary: '修改本人密码', body: ChangePasswordInput, response: { 200: MeView, 400: ErrorBody } },
      },
      async (req) => auth.me(await auth.changePassword(actorOf(req), req.body)),
    );
  };
}
