import { Workbench } from '@yufang/contracts';
import { and, count, eq, gt, gte, isNull, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Actor, can } from '../../core/auth/actor.js';
import { actorOf } from '../../core/auth/plugin.js';
import type { Db } from '../../core/db/index.js';
import { appUser, auditLog, employer, loginThrottle, notification } from '../../core/db/schema.js';
import { employerScopeFilter } from '../employer/employer.repo.js';
import { userScopeFilter } from '../user/user.repo.js';

interface WorkSource {
  key: string;
  title: string;
  link: string;
  applies(actor: Actor): boolean;
  count(db: Db, actor: Actor): Promise<number>;
}

async function first(rows: Promise<{ n: number }[]>): Promise<number> {
  return Number((await rows)[0]?.n ?? 0);
}

/** Each source of waiting work; later modules add theirs (hazards due, reviews to score, payments to post). */
const SOURCES: WorkSource[] = [
  {
    key: 'notifications.unread',
    title: '未读通知',
    link: '/notifications',
    applies: () => true,
    count: (db, a) =>
      first(
        db
          .select({ n: count() })
          .from(notification)
          .where(and(eq(notification.userId, a.userId), isNull(notification.readAt))),
      ),
  },
  {
    key: 'users.locked',
    title: '被锁定的账户待处理',
    link: '/system/users',
    applies: (a) => can(a, 'security.user.unlock'),
    count: (db, a) =>
      first(
        db
          .select({ n: count() })
          .from(appUser)
          .innerJoin(loginThrottle, eq(loginThrottle.usernameKey, sql`lower(${appUser.username})`))
          .where(and(userScopeFilter(a), gt(loginThrottle.lockedUntil, new Date()))),
      ),
  },
  {
    key: 'users.pending-first-login',
    title: '尚未完成首次登录改密的账户',
    link: '/system/users',
    applies: (a) => can(a, 'system.user.create'),
    count: (db, a) =>
      first(
        db
          .select({ n: count() })
          .from(appUser)
          .where(and(userScopeFilter(a), eq(appUser.mustChangePassword, true), eq(appUser.disabled, false))),
      ),
  },
  {
    key: 'employers.uninsured',
    title: '未参保的用人单位',
    link: '/employers?insuranceStatus=uninsured',
    applies: (a) => can(a, 'employer.update'),
    count: (db, a) =>
      first(
        db
          .select({ n: count() })
          .from(employer)
          .where(and(employerScopeFilter(a), eq(employer.insuranceStatus, 'uninsured'))),
      ),
  },
  {
    key: 'audit.failures',
    title: '近 24 小时失败的操作与登录',
    link: '/audit?result=failure',
    applies: (a) => can(a, 'audit.log.read'),
    count: (db) =>
      first(
        db
          .select({ n: count() })
          .from(auditLog)
          .where(and(eq(auditLog.result, 'failure'), gte(auditLog.at, new Date(Date.now() - 86_400_000)))),
      ),
  },
];

export const homeModule: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/home/workbench',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['首页'], summary: '我的待办', response: { 200: Workbench } },
    },
    async (req) => {
      const actor = actorOf(req);
      const sources = SOURCES.filter((s) => s.applies(actor));
      const counts = await Promise.all(sources.map((s) => s.count(app.core.db, actor)));
      return {
        items: sources
          .map((s, i) => ({ key: s.key, title: s.title, link: s.link, count: counts[i] ?? 0 }))
          .filter((item) => item.count > 0),
      };
    },
  );
};
