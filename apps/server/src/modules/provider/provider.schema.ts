import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { region } from '../../core/db/schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A third-party service organisation (第三方服务机构, plan 三(八)1, 四(二)), registered by its USCC: the services it
 * offers (policy `provider.serviceTypes`), its staff and equipment. Reviewed by the bureau (registered → approved or
 * rejected); listings on the recommended lists, sanctions and its record across projects are their own tables.
 */
export const provider = pgTable(
  'provider',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    name: text('name').notNull(),
    countyCode: varchar('county_code', { length: 6 })
      .notNull()
      .references(() => region.code),
    address: text('address').notNull(),
    legalRepresentative: text('legal_representative').notNull(),
    contactName: text('contact_name').notNull(),
    /** The contact's mobile (personal data): encrypted, with a masked form for display. */
    contactPhoneCipher: text('contact_phone_cipher').notNull(),
    contactPhoneMasked: varchar('contact_phone_masked', { length: 11 }).notNull(),
    serviceTypes: text('service_types').array().notNull(),
    introduction: text('introduction'),
    /** [{ name, role, qualification }] — names of key staff only, no ID numbers. */
    staff: jsonb('staff').notNull().default(sql`'[]'::jsonb`),
    /** [{ name, quantity, note }] */
    equipment: jsonb('equipment').notNull().default(sql`'[]'::jsonb`),
    status: text('status', { enum: ['registered', 'approved', 'rejected'] }).notNull(),
    reviewNote: text('review_note'),
    reviewedAt: ts('reviewed_at'),
    demo: boolean('demo').notNull().default(false),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('provider_uscc_key').on(t.uscc),
    index('provider_name_idx').on(t.name, t.id),
    index('provider_county_idx').on(t.countyCode),
  ],
);

/** A licence or qualification of an organisation, with its expiry (reminders before it) and optional document. */
export const providerQualification = pgTable(
  'provider_qualification',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => provider.id),
    name: text('name').notNull(),
    number: text('number').notNull(),
    issuer: text('issuer').notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    fileName: text('file_name'),
    contentType: text('content_type'),
    size: integer('size'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('provider_qualification_provider_idx').on(t.providerId),
    index('provider_qualification_expiry_idx').on(t.validUntil),
  ],
);

/** A listing on a recommended list (推荐名录): training organisations, online training platforms. */
export const providerListing = pgTable(
  'provider_listing',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => provider.id),
    list: text('list', { enum: ['training', 'online_platform'] }).notNull(),
    status: text('status', { enum: ['applied', 'listed', 'rejected', 'delisted'] }).notNull(),
    appliedOn: date('applied_on', { mode: 'string' }).notNull(),
    listedOn: date('listed_on', { mode: 'string' }),
    delistedOn: date('delisted_on', { mode: 'string' }),
    reason: text('reason'),
    decidedBy: uuid('decided_by'),
    version: integer('version').notNull().default(0),
  },
  (t) => [
    index('provider_listing_list_idx').on(t.list, t.status),
    index('provider_listing_provider_idx').on(t.providerId),
  ],
);

/**
 * One engagement in the organisation's record across projects: contracted vs delivered, the acceptance score and
 * outcome, deductions. Entered by the bureau now; the project module (prevention projects) writes them from contracts.
 */
export const providerEngagement = pgTable(
  'provider_engagement',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => provider.id),
    year: smallint('year').notNull(),
    title: text('title').notNull(),
    /** The project's id once prevention projects exist. */
    projectRef: text('project_ref'),
    contractedFen: bigint('contracted_fen', { mode: 'number' }).notNull(),
    deductionFen: bigint('deduction_fen', { mode: 'number' }).notNull().default(0),
    /** What the contract promised and what was delivered, in the contract's unit (e.g. trainees). */
    unit: text('unit').notNull(),
    contractedUnits: integer('contracted_units').notNull(),
    deliveredUnits: integer('delivered_units'),
    /** Acceptance score in hundredths of a point (0–10000). */
    acceptanceScore: integer('acceptance_score'),
    outcome: text('outcome', { enum: ['in_progress', 'passed', 'failed', 'terminated'] }).notNull(),
    source: text('source', { enum: ['manual', 'project'] }).notNull(),
    demo: boolean('demo').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('provider_engagement_provider_idx').on(t.providerId, t.year)],
);

/** A complaint about an organisation; upheld complaints count against its credit rating. */
export const providerComplaint = pgTable(
  'provider_complaint',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => provider.id),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    summary: text('summary').notNull(),
    /** null while open; true upheld, false dismissed */
    upheld: boolean('upheld'),
    resolution: text('resolution'),
    resolvedOn: date('resolved_on', { mode: 'string' }),
    version: integer('version').notNull().default(0),
  },
  (t) => [index('provider_complaint_provider_idx').on(t.providerId, t.receivedOn)],
);

/** A suspension (暂停, until a date) or a barring (禁入, e.g. for defrauding the fund), with its reason and dates. */
export const providerSanction = pgTable(
  'provider_sanction',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => provider.id),
    kind: text('kind', { enum: ['suspension', 'barring'] }).notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    /** The end of a suspension; a barring has none unless lifted. */
    untilDate: date('until_date', { mode: 'string' }),
    reason: text('reason').notNull(),
    liftedOn: date('lifted_on', { mode: 'string' }),
    liftReason: text('lift_reason'),
    recordedBy: uuid('recorded_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('provider_sanction_provider_idx').on(t.providerId, t.fromDate)],
);
