import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PaymentLedger } from './fund.payments.js';
import { PublicDisclosure } from './fund.public.js';
import { fundRoutes } from './fund.routes.js';
import { FundService } from './fund.service.js';
import { publicProjectRoutes } from './public.routes.js';

/** The prevention fee: fund years and the cap, the budget line, the payment ledger and public disclosure. */
export const fundModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(fundRoutes(new FundService(app.core), new PaymentLedger(app.core)));
  await app.register(publicProjectRoutes(new PublicDisclosure(app.core)));
};
