import { PERMISSIONS, type Permission } from '@yufang/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { recordAuditEvent } from '../audit/audit.js';
import { AppError } from '../http/errors.js';
import type { Actor } from './actor.js';
import { type ExchangeClient, resolveExchangeClient } from './exchange-client.js';
import { resolveSession } from './resolve.js';
import { SESSION_COOKIE } from './sessions.js';

/**
 * What a route requires: anyone, any signed-in user, a named permission, or a data-exchange API token
 * (`Authorization: Bearer …`, resolved into `req.exchangeClient`; a `:code` data set must be one of the token's).
 */
export type Access = 'public' | 'authenticated' | 'exchange-token' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Reachable while the user must still change an initial or expired password. */
    allowDuringPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    exchangeClient: ExchangeClient | null;
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

/** The system calling an `exchange-token` route. */
export function exchangeClientOf(req: FastifyRequest): ExchangeClient {
  if (!req.exchangeClient) throw AppError.unauthenticated();
  return req.exchangeClient;
}

/** The audit identity of a token call (no user: the token and its system). */
export function exchangeAuditActor(req: FastifyRequest, client: ExchangeClient | null) {
  return {
    userId: null,
    username: client ? `token:${client.name}` : null,
    roles: [] as string[],
    ...requestMeta(req),
  };
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
  app.decorateRequest('exchangeClient', null);
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
    const kinds = ['public', 'authenticated', 'exchange-token'];
    if (!kinds.includes(access) && !Object.hasOwn(PERMISSIONS, access)) {
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
    if (access === 'exchange-token') return authenticateExchangeClient(req);
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

  /** Token routes: 401 without a valid token, 403 for a data set outside it; refusals are audited too. */
  async function authenticateExchangeClient(req: FastifyRequest) {
    const header = req.headers.authorization ?? '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const client = bearer ? await resolveExchangeClient(app.core.db, bearer) : null;
    const dataSet = (req.params as { code?: string } | undefined)?.code ?? null;
    const refuse = async (error: AppError, reason: string) => {
      await recordAuditEvent(app.core.db, exchangeAuditActor(req, client), {
        action: 'exchange.push',
        objectType: 'exchange_data_set',
        ...(dataSet ? { objectId: dataSet } : {}),
        changes: { tokenId: client?.tokenId ?? null, dataSet, refused: reason },
        result: 'failure',
      });
      throw error;
    };
    if (!client) {
      return refuse(
        AppError.unauthenticated(bearer ? '接口令牌无效或已吊销' : '缺少接口令牌（Authorization: Bearer …）'),
        bearer ? 'invalid_or_revoked_token' : 'missing_token',
      );
    }
    if (dataSet !== null && !client.dataSets.includes(dataSet)) {
      return refuse(AppError.forbidden(`该接口令牌无权向数据集“${dataSet}”提交数据`), 'data_set_not_allowed');
    }
    req.exchangeClient = client;
  }
});
