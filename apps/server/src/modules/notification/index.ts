import { IdParams, NotificationPage, NotificationQuery } from '@yufang/contracts';
import { and, count, desc, eq, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../core/auth/plugin.js';
import { notification } from '../../core/db/schema.js';
import { AppError } from '../../core/http/errors.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';

const tags = ['通知'];

/** The notification centre: every user sees and marks only their own notices. */
export const notificationModule: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.core;

  app.get(
    '/notifications',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '我的通知', querystring: NotificationQuery, response: { 200: NotificationPage } },
    },
    async (req) => {
      const actor = actorOf(req);
      const { limit, cursor, unread } = req.query;
      const mine = eq(notification.userId, actor.userId);
      const c: SQL[] = [mine];
      if (unread) c.push(isNull(notification.readAt));
      const key = decodeCursor(cursor, 2);
      if (key) {
        const at = new Date(key[0] as string);
        const id = String(key[1]);
        c.push(or(lt(notification.createdAt, at), and(eq(notification.createdAt, at), lt(notification.id, id))) as SQL);
      }
      const [rows, [unreadRow]] = await Promise.all([
        db
          .select()
          .from(notification)
          .where(and(...c))
          .orderBy(desc(notification.createdAt), desc(notification.id))
          .limit(limit + 1),
        db
          .select({ n: count() })
          .from(notification)
          .where(and(mine, isNull(notification.readAt))),
      ]);
      const page = toPage(
        rows,
        limit,
        (r) => [r.createdAt.toISOString(), r.id],
        (r) => ({
          id: r.id,
          title: r.title,
          body: r.body,
          link: r.link,
          createdAt: r.createdAt.toISOString(),
          readAt: r.readAt?.toISOString() ?? null,
        }),
      );
      return { ...page, unreadCount: Number(unreadRow?.n ?? 0) };
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '标记已读', params: IdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const done = await db
        .update(notification)
        .set({ readAt: new Date() })
        .where(and(eq(notification.id, req.params.id), eq(notification.userId, actor.userId)))
        .returning({ id: notification.id });
      if (done.length === 0) throw AppError.notFound('通知不存在');
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/notifications/read-all',
    { config: { access: 'authenticated' }, schema: { tags, summary: '全部标记已读', response: { 204: z.null() } } },
    async (req, reply) => {
      const actor = actorOf(req);
      await db
        .update(notification)
        .set({ readAt: new Date() })
        .where(and(eq(notification.userId, actor.userId), isNull(notification.readAt)));
      return reply.code(204).send(null);
    },
  );
};
