import { PERMISSIONS, type Permission } from '@yufang/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../http/errors.js';
import type { Actor } from './actor.js';
import { resolveSession } from './resolve.js';
import { SESSION_COOKIE } from './sessions.js';

/** What a route requires: anyone, any signed-in user, or a named permission. */
export type Access = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Reachable while the user must still change an initial or expired password. */
    allowDuringPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** Every /api route with its declared access, for the authorisation tests and the docs. */
    apiRoutes: DeclaredRoute[];
  }
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: Access;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function requestMeta(req: FastifyRequest) {
  return { ip: req.ip ?? null, requestId: String(req.id) };
}

/** The signed-in actor of a route that is not public. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw AppError.unauthenticated();
  return req.actor;
}

/**
 * Every /api route must declare its access (checked when the route is registered, so the server does not
 * start with an undeclared route); the check runs before the body is parsed or validated.
 */
export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('actor', null);
  const declared: DeclaredRoute[] = [];
  app.decorate('apiRoutes', declared);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    if (route.url.startsWith('/api/docs')) {
      // the API documentation pages are public by declaration here, in one place
      route.config = { ...(route.config ?? {}), access: 'public' };
      return;
    }
    const access = route.config?.access;
    if (!access) throw new Error(`路由 ${route.method} ${route.url} 未声明访问权限（config.access）`);
    if (access !== 'public' && access !== 'authenticated' && !Object.hasOwn(PERMISSIONS, access)) {
      throw new Error(`路由 ${route.method} ${route.url} 声明了未知权限 ${access}`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') declared.push({ method, url: route.url, access });
    }
  });

  app.addHook('onRequest', async (req) => {
    const config = req.routeOptions.config;
    const access = config.access;
    if (!access) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const lookup = { ...requestMeta(req), background: req.headers['x-yf-background'] === '1' };
      req.actor = await resolveSession(app.core.db, app.core.regions, app.core.policies, token, lookup);
    }
    if (access === 'public') return;
    const actor = req.actor;
    if (!actor) throw AppError.unauthenticated('登录已失效，请重新登录');
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== actor.csrfToken) {
      throw AppError.forbidden('请求缺少有效的防伪令牌（x-csrf-token），请刷新页面后重试');
    }
    if (actor.passwordChangeReason && !config.allowDuringPasswordChange) {
      throw new AppError(
        'PASSWORD_CHANGE_REQUIRED',
        actor.passwordChangeReason === 'initial' ? '首次登录须先修改初始密码' : '密码已过期，请先修改密码',
      );
    }
    if (access !== 'authenticated' && !actor.permissions.has(access)) {
      throw AppError.forbidden(`您没有“${PERMISSIONS[access]}”权限`);
    }
  });
});
