import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { beijingDate } from '../hazard/hazard.rules.js';
import { IndustryCycleService, reflagEmployers } from './industry-cycle.service.js';
import { ledgerRoutes } from './ledger.routes.js';
import { LedgerService } from './ledger.service.js';

/**
 * Key-industry cycles and county key-enterprise ledgers, with the daily job that re-flags employers when a cycle
 * entered in advance takes effect (a no-op on other days: only changed flags are written).
 */
export const ledgerModule: FastifyPluginAsyncZod = async (app) => {
  app.core.scheduler.register({
    name: 'industry.cycle-reflag',
    everySeconds: 86400,
    run: (db) => reflagEmployers(db, beijingDate(new Date())).then(() => undefined),
  });
  await app.register(ledgerRoutes(new IndustryCycleService(app.core), new LedgerService(app.core)));
};
