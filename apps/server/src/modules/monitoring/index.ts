import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { monitoringRoutes } from './monitoring.routes.js';
import { MonitoringService } from './monitoring.service.js';

/** The key monitoring list (重点监控): the routes and the daily sweep on the system clock. */
export const monitoringModule: FastifyPluginAsyncZod = async (app) => {
  const service = new MonitoringService(app.core);
  app.core.scheduler.register({
    name: 'monitoring.sweep',
    everySeconds: 86_400,
    run: () => service.sweep().then(() => undefined),
  });
  await app.register(monitoringRoutes(service));
};
