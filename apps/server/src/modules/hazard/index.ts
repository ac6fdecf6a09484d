import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { syncExchangeHazards } from './hazard.exchange.js';
import { hazardRoutes } from './hazard.routes.js';
import { HazardService } from './hazard.service.js';

/**
 * Hazards and over-limit exposures: the routes, the hourly escalation sweep on the system clock, and the hourly
 * carry-over of the yjj.hazard data set.
 */
export const hazardModule: FastifyPluginAsyncZod = async (app) => {
  const service = new HazardService(app.core);
  // carried records first, so that the sweep of the same tick sees them
  app.core.scheduler.register({
    name: 'hazard.exchange-sync',
    everySeconds: 3600,
    run: () => syncExchangeHazards(app.core, new Date()).then(() => undefined),
  });
  app.core.scheduler.register({
    name: 'hazard.escalation',
    everySeconds: 3600,
    run: () => service.sweep().then(() => undefined),
  });
  await app.register(hazardRoutes(service));
};
