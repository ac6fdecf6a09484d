import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AnalysisService } from '../analysis.service.js';
import { RiskService } from '../risk.service.js';
import { reportRoutes } from './report.routes.js';
import { ReportService } from './report.service.js';

/** The annual analysis report, read through the dashboards' and the risk index's services. */
export const reportModule: FastifyPluginAsyncZod = async (app) => {
  const reports = new ReportService(app.core, new AnalysisService(app.core), new RiskService(app.core));
  await app.register(reportRoutes(reports));
};
