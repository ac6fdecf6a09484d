import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HAZARD_DATA_SET, syncExchangeHazards } from '../hazard/hazard.exchange.js';
import { syncDataSet } from '../injury/injury.exchange.js';
import { runReconciliation } from '../reconcile/reconcile.service.js';
import { exchangeRoutes } from './exchange.routes.js';
import { ExchangeService } from './exchange.service.js';

export const exchangeModule: FastifyPluginAsyncZod = async (app) => {
  const service = new ExchangeService(app.core);
  // reconciliation after every successful load; a failure there does not undo the load (the sweep job retries)
  service.afterLoad = async (code) => {
    // shared accidents, recognitions and disease cases become platform records (the injury module's sweep retries)
    try {
      await syncDataSet(app.core, code);
    } catch (err) {
      app.log.error({ err, code }, 'carrying exchange records into injury records failed');
    }
    // shared hazards (yjj.hazard) become hazards at once, awaiting the unit's notice (the hazard module's job retries)
    if (code === HAZARD_DATA_SET) {
      try {
        await syncExchangeHazards(app.core, new Date());
      } catch (err) {
        app.log.error({ err, code }, 'carrying exchange records into hazards failed');
      }
    }
    try {
      await runReconciliation(app.core.db, app.core.regions);
    } catch (err) {
      app.log.error({ err }, 'reconciliation after load failed');
    }
  };
  await app.register(exchangeRoutes(service));
};
