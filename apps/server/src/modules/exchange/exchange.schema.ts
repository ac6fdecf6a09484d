import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The data-sharing catalogue (数据共享目录): one row per shared data set, owned by a member unit. */
export const exchangeDataSet = pgTable('exchange_data_set', {
  code: varchar('code', { length: 64 }).primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  ownerUnit: varchar('owner_unit', { length: 32 }).notNull(),
  currentVersion: integer('current_version').notNull(),
});

/** Each version of a data set's schema: the fields and the natural key; loads name the version they used. */
export const exchangeSchemaVersion = pgTable(
  'exchange_schema_version',
  {
    dataSetCode: varchar('data_set_code', { length: 64 })
      .notNull()
      .references(() => exchangeDataSet.code),
    version: integer('version').notNull(),
    fields: jsonb('fields').notNull(),
    naturalKey: text('natural_key').array().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.dataSetCode, t.version] })],
);

/** A per-system API token of a unit, limited to some of that unit's data sets; only its SHA-256 is kept. */
export const exchangeToken = pgTable(
  'exchange_token',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    system: text('system').notNull(),
    unitCode: varchar('unit_code', { length: 32 }).notNull(),
    dataSets: text('data_sets').array().notNull(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull(),
    prefix: varchar('prefix', { length: 12 }).notNull(),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
    revokedBy: text('revoked_by'),
    demo: boolean('demo').notNull().default(false),
  },
  (t) => [uniqueIndex('exchange_token_hash_key').on(t.tokenHash), index('exchange_token_unit_idx').on(t.unitCode)],
);

/** Every load of a data set (API push, upload, demo), accepted or refused, with its row errors. */
export const exchangeLoad = pgTable(
  'exchange_load',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dataSetCode: varchar('data_set_code', { length: 64 })
      .notNull()
      .references(() => exchangeDataSet.code),
    schemaVersion: integer('schema_version').notNull(),
    source: text('source', { enum: ['api', 'upload', 'demo'] }).notNull(),
    tokenId: uuid('token_id'),
    tokenName: text('token_name'),
    userId: uuid('user_id'),
    username: text('username'),
    fileName: text('file_name'),
    at: ts('at').notNull().defaultNow(),
    received: integer('received').notNull(),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    status: text('status', { enum: ['succeeded', 'rejected'] }).notNull(),
    errors: jsonb('errors').notNull().default(sql`'[]'::jsonb`),
    demo: boolean('demo').notNull().default(false),
  },
  (t) => [index('exchange_load_data_set_idx').on(t.dataSetCode, t.at)],
);

/**
 * A shared record, stored generically (jsonb, personal fields masked) with the columns that scope and matching
 * need; (data set, natural key) is unique so a re-load upserts. Personal fields are kept as cipher + keyed hash.
 */
export const exchangeRecord = pgTable(
  'exchange_record',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dataSetCode: varchar('data_set_code', { length: 64 })
      .notNull()
      .references(() => exchangeDataSet.code),
    naturalKey: text('natural_key').notNull(),
    ownerUnit: varchar('owner_unit', { length: 32 }).notNull(),
    /** County of the record, or the city code for city-level records. */
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    employerUscc: varchar('employer_uscc', { length: 18 }),
    employerId: uuid('employer_id'),
    eventDate: date('event_date', { mode: 'string' }),
    data: jsonb('data').notNull(),
    /** { field: { cipher, hash } } for personal fields. */
    pii: jsonb('pii'),
    schemaVersion: integer('schema_version').notNull(),
    loadId: uuid('load_id').notNull(),
    demo: boolean('demo').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('exchange_record_key').on(t.dataSetCode, t.naturalKey),
    index('exchange_record_region_idx').on(t.dataSetCode, t.regionCode),
    index('exchange_record_uscc_idx').on(t.employerUscc, t.dataSetCode),
  ],
);

/**
 * A reconciliation finding (数据核查事项): one per rule and subject, a work-queue item with status, notes history
 * and a version for optimistic concurrency.
 */
export const reconcileFinding = pgTable(
  'reconcile_finding',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    rule: text('rule').notNull(),
    subjectKey: text('subject_key').notNull(),
    dataSetCode: varchar('data_set_code', { length: 64 }),
    recordKey: text('record_key'),
    employerId: uuid('employer_id'),
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    ownerUnit: varchar('owner_unit', { length: 32 }).notNull(),
    summary: text('summary').notNull(),
    status: text('status', { enum: ['open', 'checking', 'resolved', 'dismissed'] })
      .notNull()
      .default('open'),
    notes: jsonb('notes').notNull().default(sql`'[]'::jsonb`),
    autoClosed: boolean('auto_closed').notNull().default(false),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reconcile_finding_subject_key').on(t.rule, t.subjectKey),
    index('reconcile_finding_queue_idx').on(t.status, t.createdAt),
    index('reconcile_finding_region_idx').on(t.regionCode),
  ],
);
