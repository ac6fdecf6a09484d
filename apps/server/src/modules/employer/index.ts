import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { employerRoutes } from './employer.routes.js';
import { EmployerService } from './employer.service.js';

export const employerModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(employerRoutes(new EmployerService(app.core)));
};
