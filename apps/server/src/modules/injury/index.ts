import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AccidentService } from './accident.service.js';
import { DiseaseService } from './disease.service.js';
import { syncAll } from './injury.exchange.js';
import { injuryRoutes } from './injury.routes.js';
import { InjuryService } from './injury.service.js';

/** Records by form (routes) and from the data exchange (after each load, see modules/exchange; and an hourly sweep). */
export const injuryModule: FastifyPluginAsyncZod = async (app) => {
  app.core.scheduler.register({ name: 'injury.exchange-sync', everySeconds: 3600, run: () => syncAll(app.core) });
  await app.register(
    injuryRoutes(new InjuryService(app.core), new DiseaseService(app.core), new AccidentService(app.core)),
  );
};
