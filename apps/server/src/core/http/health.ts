import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const HealthView = z.object({ status: z.enum(['ok', 'unavailable']), database: z.string(), time: z.string() });

/** GET /api/health: the server is up and its database answers. */
export const health: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: { tags: ['系统'], summary: '健康检查', response: { 200: HealthView, 503: HealthView } },
    },
    async (_req, reply) => {
      const time = new Date().toISOString();
      try {
        await app.core.db.execute(sql`select 1`);
        return { status: 'ok' as const, database: app.core.database.kind, time };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const, database: app.core.database.kind, time });
      }
    },
  );
};
