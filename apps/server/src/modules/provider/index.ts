import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { providerRoutes } from './provider.routes.js';
import { ProviderService } from './provider.service.js';

export { providerEligible } from './provider.service.js';

/** Third-party service organisations: the routes and the daily qualification-expiry reminder. */
export const providerModule: FastifyPluginAsyncZod = async (app) => {
  const service = new ProviderService(app.core);
  app.core.scheduler.register({
    name: 'provider.qualification-reminders',
    everySeconds: 86400,
    run: () => service.remind().then(() => undefined),
  });
  await app.register(providerRoutes(service));
};
