import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bulletinRoutes } from './bulletin.routes.js';
import { BulletinService } from './bulletin.service.js';
import { PublicBulletinService } from './public.service.js';

export const bulletinModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(bulletinRoutes(new BulletinService(app.core), new PublicBulletinService(app.core)));
};
