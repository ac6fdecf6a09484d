import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { campaignRoutes } from './campaign.routes.js';
import { CampaignService } from './campaign.service.js';

/** The pneumoconiosis insurance campaign: the routes and the daily year-end snapshot job. */
export const campaignModule: FastifyPluginAsyncZod = async (app) => {
  const service = new CampaignService(app.core);
  app.core.scheduler.register({
    name: 'campaign.year-end-snapshot',
    everySeconds: 86400,
    run: () => service.snapshotPreviousYear().then(() => undefined),
  });
  await app.register(campaignRoutes(service));
};
