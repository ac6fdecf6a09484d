/**
 * The database schema of the platform core. Business modules add their tables in their own `*.schema.ts`
 * files, re-exported from ./tables.ts; drizzle-kit generates one forward-only migration history from them.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const region = pgTable('region', {
  code: varchar('code', { length: 6 }).primaryKey(),
  name: text('name').notNull(),
  level: text('level', { enum: ['province', 'city', 'county'] }).notNull(),
  parentCode: varchar('parent_code', { length: 6 }),
  replacedBy: varchar('replaced_by', { length: 6 }),
});

export const orgUnit = pgTable('org_unit', {
  code: varchar('code', { length: 32 }).primaryKey(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  kind: text('kind', { enum: ['member', 'agency'] }).notNull(),
  regionCode: varchar('region_code', { length: 6 })
    .notNull()
    .references(() => region.code),
});

/**
 * The employer registry (用人单位). Defined with the core tables because accounts and scope refer to it;
 * the employer module owns its behaviour. Risk class, key-industry and dust flags are derived on write from the
 * industry code and the policy settings in force.
 */
export const employer = pgTable(
  'employer',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    name: text('name').notNull(),
    formerNames: text('former_names').array().notNull().default(sql`'{}'::text[]`),
    legalRepresentative: text('legal_representative'),
    address: text('address'),
    countyCode: varchar('county_code', { length: 6 })
      .notNull()
      .references(() => region.code),
    /** GB/T 4754 division (2 digits). */
    industryCode: varchar('industry_code', { length: 4 }).notNull(),
    /** GB/T 4754 group (3 digits) where known. */
    industryGroup: varchar('industry_group', { length: 3 }),
    /** Work-injury insurance risk class 1–8 (人社部发〔2015〕71号). */
    riskClass: smallint('risk_class'),
    /** state | collective | private | foreign | hmt | other */
    ownershipType: text('ownership_type'),
    /** large | medium | small | micro */
    size: text('size'),
    workforce: integer('workforce'),
    safetyContactName: text('safety_contact_name'),
    safetyContactPhoneCipher: text('safety_contact_phone_cipher'),
    safetyContactPhoneMasked: varchar('safety_contact_phone_masked', { length: 20 }),
    keyIndustry: boolean('key_industry').notNull().default(false),
    dustHazard: boolean('dust_hazard').notNull().default(false),
    /** insured | uninsured | suspended */
    insuranceStatus: text('insurance_status').notNull().default('insured'),
    demo: boolean('demo').notNull().default(false),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('employer_uscc_key').on(t.uscc),
    index('employer_county_idx').on(t.countyCode, t.name),
    // the list's keyset order: without it an unfiltered city- or province-wide page sorts every row (bench/search.ts)
    index('employer_name_id_idx').on(t.name, t.id),
    index('employer_industry_idx').on(t.industryCode),
  ],
);

export const appUser = pgTable(
  'app_user',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: varchar('username', { length: 64 }).notNull(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    passwordChangedAt: ts('password_changed_at').notNull().defaultNow(),
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => region.code),
    unitCode: varchar('unit_code', { length: 32 }).references(() => orgUnit.code),
    disabled: boolean('disabled').notNull().default(false),
    lastLoginAt: ts('last_login_at'),
    demo: boolean('demo').notNull().default(false),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('app_user_username_key').on(sql`lower(${t.username})`),
    index('app_user_region_idx').on(t.regionCode, t.username),
  ],
);

export const userRole = pgTable(
  'user_role',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    roleCode: varchar('role_code', { length: 32 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleCode] })],
);

export const userScope = pgTable(
  'user_scope',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    kind: text('kind', { enum: ['region', 'unit', 'employer', 'provider'] }).notNull(),
    code: varchar('code', { length: 64 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.code] })],
);

/** Failed logins counted per user name, whether or not the account exists, so the answer never tells. */
export const loginThrottle = pgTable('login_throttle', {
  usernameKey: varchar('username_key', { length: 64 }).primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: ts('locked_until'),
  lastFailureAt: ts('last_failure_at'),
});

export const session = pgTable(
  'session',
  {
    /** SHA-256 of the cookie token: a leaked table does not give usable sessions. */
    idHash: varchar('id_hash', { length: 64 }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    csrfToken: varchar('csrf_token', { length: 64 }).notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

/** Append-only (enforced by a trigger) and hash-chained: each row carries the hash of the one before. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    at: ts('at').notNull(),
    userId: uuid('user_id'),
    username: text('username'),
    roles: text('roles').array().notNull(),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    changes: jsonb('changes'),
    result: text('result', { enum: ['success', 'failure'] }).notNull(),
    ip: text('ip'),
    requestId: text('request_id'),
    prevHash: varchar('prev_hash', { length: 64 }).notNull(),
    hash: varchar('hash', { length: 64 }).notNull(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_object_idx').on(t.objectType, t.objectId),
    index('audit_log_user_idx').on(t.username),
  ],
);

export const notification = pgTable(
  'notification',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    createdAt: ts('created_at').notNull().defaultNow(),
    readAt: ts('read_at'),
  },
  (t) => [index('notification_user_idx').on(t.userId, t.createdAt)],
);

/** Transactional outbox: e-mails are written with the change and sent after commit by a job. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    claimedAt: ts('claimed_at'),
    sentAt: ts('sent_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [index('email_outbox_pending_idx').on(t.sentAt, t.createdAt)],
);

/** One row per job and time slot: whichever process inserts it runs the job, so a slot runs once. */
export const scheduledRun = pgTable(
  'scheduled_run',
  {
    job: text('job').notNull(),
    slot: text('slot').notNull(),
    startedAt: ts('started_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
    error: text('error'),
  },
  (t) => [primaryKey({ columns: [t.job, t.slot] })],
);

/** Installation settings edited in the platform (e.g. the security policy), with optimistic concurrency. */
export const setting = pgTable('setting', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  version: integer('version').notNull().default(0),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export * from '../../modules/analysis/analysis.schema.js';
export * from '../../modules/analysis/risk-index.schema.js';
export * from '../../modules/bulletin/bulletin.schema.js';
export * from '../../modules/campaign/campaign.schema.js';
export * from '../../modules/employer/employer.schema.js';
export * from '../../modules/exchange/exchange.schema.js';
export * from '../../modules/expert/expert.schema.js';
export * from '../../modules/fund/fund.schema.js';
export * from '../../modules/hazard/hazard.schema.js';
export * from '../../modules/import/import.schema.js';
export * from '../../modules/injury/injury.schema.js';
export * from '../../modules/injury/injury.stage.schema.js';
export * from '../../modules/inspection/inspection.schema.js';
export * from '../../modules/ledger/ledger.schema.js';
export * from '../../modules/monitoring/monitoring.schema.js';
export * from '../../modules/panel/panel.schema.js';
export * from '../../modules/project/project.schema.js';
export * from '../../modules/provider/provider.schema.js';
export * from './policy.schema.js';
