import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reconcileRoutes } from './reconcile.routes.js';
import { ReconcileService } from './reconcile.service.js';

export const reconcileModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(reconcileRoutes(new ReconcileService(app.core)));
};
