import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { ErrorBody } from '@yufang/contracts';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../../web/dist', import.meta.url));

/**
 * Serves the built web app; any other GET outside /api and /assets returns index.html so the browser router
 * can handle deep links. Unknown /api paths get a JSON 404, and a missing asset (an old chunk after a rebuild)
 * a plain 404 rather than a page the browser would refuse as script.
 */
export const webApp = fp(async (app: FastifyInstance) => {
  const root = app.core.config.webDist ?? DEFAULT_WEB_DIST;
  const hasWeb = existsSync(`${root}/index.html`);
  if (hasWeb) {
    await app.register(fastifyStatic, { root, wildcard: false, index: 'index.html' });
  }
  app.setNotFoundHandler((req, reply) => {
    const isApi = req.url.startsWith('/api/') || req.url === '/api';
    if (req.url.startsWith('/assets/')) return reply.code(404).type('text/plain').send('Not Found');
    if (!isApi && hasWeb && (req.method === 'GET' || req.method === 'HEAD')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    const body: ErrorBody = {
      code: 'NOT_FOUND',
      message: `接口不存在：${req.method} ${req.url}`,
      requestId: String(req.id),
    };
    return reply.code(404).send(body);
  });
});
