import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authRoutes } from './auth.routes.js';
import { AuthService } from './auth.service.js';

export const authModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(authRoutes(new AuthService(app.core)));
};
