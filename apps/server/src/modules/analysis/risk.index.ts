import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { riskRoutes } from './risk.routes.js';
import { lastCompleteYear, RiskService, SYSTEM_ACTOR } from './risk.service.js';

/** The employer risk index: its routes, and a nightly recomputation so new cases and headcounts show next day. */
export const riskModule: FastifyPluginAsyncZod = async (app) => {
  const risks = new RiskService(app.core);
  app.core.scheduler.register({
    name: 'analysis.risk-index',
    everySeconds: 86_400,
    run: () => risks.recompute(SYSTEM_ACTOR, lastCompleteYear()).then(() => undefined),
  });
  await app.register(riskRoutes(risks));
};
