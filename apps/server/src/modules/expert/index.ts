import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { expertRoutes } from './expert.routes.js';
import { ExpertService } from './expert.service.js';

/** The expert pool (专家库): the routes and the daily term reminder on the system clock. */
export const expertModule: FastifyPluginAsyncZod = async (app) => {
  const service = new ExpertService(app.core);
  app.core.scheduler.register({
    name: 'expert.term-reminder',
    everySeconds: 86_400,
    run: () => service.remindTerms().then(() => undefined),
  });
  await app.register(expertRoutes(service));
};
