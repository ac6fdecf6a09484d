import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HazardService } from '../hazard/hazard.service.js';
import { inspectionRoutes } from './inspection.routes.js';
import { InspectionService } from './inspection.service.js';

/** Joint inspections (联合检查): plans, visits whose failed items become hazards, and results. */
export const inspectionModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(inspectionRoutes(new InspectionService(app.core, new HazardService(app.core))));
};
