import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { panelRoutes } from './panel.routes.js';
import { PanelService } from './panel.service.js';

/** Expert panels: reproducible draws, declines with replacement, scoring, conclusion and fee settlement. */
export const panelModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(panelRoutes(new PanelService(app.core)));
};
