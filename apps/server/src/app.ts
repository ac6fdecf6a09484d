import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { authPlugin } from './core/auth/plugin.js';
import type { Core } from './core/context.js';
import { registerErrorHandler } from './core/http/error-handler.js';
import { health } from './core/http/health.js';
import { apiDocs } from './core/http/openapi.js';
import { securityHeaders } from './core/http/security-headers.js';
import { webApp } from './core/http/web.js';
import { analysisModule } from './modules/analysis/index.js';
import { reportModule } from './modules/analysis/report/index.js';
import { riskModule } from './modules/analysis/risk.index.js';
import { auditModule } from './modules/audit/index.js';
import { authModule } from './modules/auth/index.js';
import { bulletinModule } from './modules/bulletin/index.js';
import { campaignModule } from './modules/campaign/index.js';
import { employerModule } from './modules/employer/index.js';
import { personModule } from './modules/employer/person.index.js';
import { exchangeModule } from './modules/exchange/index.js';
import { expertModule } from './modules/expert/index.js';
import { fundModule } from './modules/fund/index.js';
import { hazardModule } from './modules/hazard/index.js';
import { homeModule } from './modules/home/index.js';
import { importModule } from './modules/import/index.js';
import { injuryModule } from './modules/injury/index.js';
import { inspectionModule } from './modules/inspection/index.js';
import { ledgerModule } from './modules/ledger/index.js';
import { monitoringModule } from './modules/monitoring/index.js';
import { notificationModule } from './modules/notification/index.js';
import { orgModule } from './modules/org/index.js';
import { panelModule } from './modules/panel/index.js';
import { projectModule } from './modules/project/index.js';
import { providerModule } from './modules/provider/index.js';
import { reconcileModule } from './modules/reconcile/index.js';
import { roleModule } from './modules/role/index.js';
import { securityModule } from './modules/security/index.js';
import { userModule } from './modules/user/index.js';

const MODULES = [
  authModule,
  homeModule,
  userModule,
  roleModule,
  orgModule,
  auditModule,
  notificationModule,
  securityModule,
  employerModule,
  personModule,
  importModule,
  exchangeModule,
  reconcileModule,
  injuryModule,
  analysisModule,
  riskModule,
  reportModule,
  bulletinModule,
  hazardModule,
  inspectionModule,
  ledgerModule,
  campaignModule,
  monitoringModule,
  providerModule,
  expertModule,
  panelModule,
  fundModule,
  projectModule,
];

/** Builds the HTTP application: core plugins, then the list of modules under /api/v1. */
export async function buildApp(core: Core, options: { log?: FastifyBaseLogger } = {}) {
  const app = Fastify({
    ...(options.log ? { loggerInstance: options.log } : { logger: { level: core.config.logLevel } }),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: true,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('core', core);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  await app.register(cookie);
  await app.register(securityHeaders);
  await app.register(authPlugin);
  await app.register(apiDocs);
  await app.register(health, { prefix: '/api' });
  for (const module of MODULES) await app.register(module, { prefix: '/api/v1' });
  await app.register(webApp);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
