import { lt } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { Config } from '../config/env.js';
import { syncExchangeCatalogue } from '../modules/exchange/exchange.catalog.js';
import { runReconciliation } from '../modules/reconcile/reconcile.service.js';
import { SecurityPolicyStore } from './auth/security-policy.js';
import { deleteIdleSessions } from './auth/sessions.js';
import { RegionIndex } from './authz/regions.js';
import type { Core } from './context.js';
import { loadMasterKey, PiiVault } from './crypto/pii.js';
import { type Database, openDatabase } from './db/index.js';
import { syncReferenceData } from './db/reference.js';
import { scheduledRun } from './db/schema.js';
import { Scheduler } from './jobs/scheduler.js';
import { sendPendingEmails } from './notify/notify.js';
import { POLICY_DEFAULTS } from './policy/defaults.js';
import { ensurePolicyDefaults } from './policy/policy.js';

/**
 * Opens the database, applies the forward-only migrations, brings in the reference code tables and builds
 * the shared services. An already open `database` may be handed in (tests).
 */
export async function createCore(config: Config, log: FastifyBaseLogger, opened?: Database): Promise<Core> {
  const database =
    opened ?? (await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir }));
  try {
    await database.migrate();
    await syncReferenceData(database.db);
    await syncExchangeCatalogue(database.db);
    await ensurePolicyDefaults(database.db, POLICY_DEFAULTS);
  } catch (error) {
    await database.close();
    throw error;
  }
  const { db } = database;
  const policies = new SecurityPolicyStore(db);
  const scheduler = new Scheduler(db, log);
  const mailer = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  if (mailer) {
    scheduler.register({
      name: 'mail.outbox',
      everySeconds: 10,
      run: (d) => sendPendingEmails(d, mailer, config.mailFrom).then(() => undefined),
    });
  }
  scheduler.register({
    name: 'core.housekeeping',
    everySeconds: 3600,
    run: async (d) => {
      await deleteIdleSessions(d, (await policies.current()).idleTimeoutMinutes);
      await d.delete(scheduledRun).where(lt(scheduledRun.startedAt, new Date(Date.now() - 7 * 86_400_000)));
    },
  });
  const pii = new PiiVault(await loadMasterKey(config.piiKey, config.keyFile));
  const regions = await RegionIndex.load(db);
  scheduler.register({
    name: 'reconcile.sweep',
    everySeconds: 3600,
    run: (d) => runReconciliation(d, regions).then(() => undefined),
  });
  return { config, database, db, regions, policies, scheduler, mailer, pii };
}
