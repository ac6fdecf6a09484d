import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { userRoutes } from './user.routes.js';
import { UserService } from './user.service.js';

export const userModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(userRoutes(new UserService(app.core)));
};
