import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { importRoutes } from './import.routes.js';
import { ImportService } from './import.service.js';

export const importModule: FastifyPluginAsyncZod = async (app) => {
  const imports = new ImportService(app.core);
  await imports.recoverInterrupted();
  app.addHook('onClose', () => imports.stop());
  await app.register(importRoutes(imports));
};
