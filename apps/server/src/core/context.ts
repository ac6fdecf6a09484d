import type { Transporter } from 'nodemailer';
import type { Config } from '../config/env.js';
import type { SecurityPolicyStore } from './auth/security-policy.js';
import type { RegionIndex } from './authz/regions.js';
import type { PiiVault } from './crypto/pii.js';
import type { Database, Db } from './db/index.js';
import type { Scheduler } from './jobs/scheduler.js';

/** The platform's shared services, built once at start and handed to every module. */
export interface Core {
  config: Config;
  database: Database;
  db: Db;
  regions: RegionIndex;
  policies: SecurityPolicyStore;
  scheduler: Scheduler;
  mailer: Transporter | null;
  /** Encrypts, decrypts and hashes personal data (ID numbers, phones). */
  pii: PiiVault;
}

declare module 'fastify' {
  interface FastifyInstance {
    core: Core;
  }
}
