import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ContractService } from './contract.service.js';
import { deliveryPlugin } from './delivery.routes.js';
import { projectRoutes } from './project.routes.js';
import { ProjectService } from './project.service.js';
import { ReviewService } from './review.service.js';

export { projectPaymentPolicy } from './project.policy.js';

/** Prevention projects: calls, applications, eligibility, review, approval, procurement and contract (+ delivery). */
export const projectModule: FastifyPluginAsyncZod = async (app) => {
  const projects = new ProjectService(app.core);
  await app.register(projectRoutes(projects, new ReviewService(projects), new ContractService(projects)));
  await app.register(deliveryPlugin(app.core));
};
