import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { personRoutes } from './person.routes.js';
import { PersonService } from './person.service.js';

/** Insured persons of employers: masked lists, exact look-up by ID number, audited unmasking. */
export const personModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(personRoutes(new PersonService(app.core)));
};
