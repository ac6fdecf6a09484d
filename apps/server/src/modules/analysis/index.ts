import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { compactAggregates } from './aggregate.js';
import { analysisRoutes } from './analysis.routes.js';
import { AnalysisService } from './analysis.service.js';

/** Dashboards and target tracking over the aggregates (the risk index and the annual report register their own). */
export const analysisModule: FastifyPluginAsyncZod = async (app) => {
  app.core.scheduler.register({
    name: 'analysis.compact-aggregates',
    everySeconds: 86_400,
    run: () => compactAggregates(app.core.db),
  });
  await app.register(analysisRoutes(new AnalysisService(app.core)));
};
