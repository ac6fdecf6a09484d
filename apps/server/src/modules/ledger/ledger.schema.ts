import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { employer, region } from '../../core/db/schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One revision of a county's list of key enterprises (重点企业清单) for a year. Revision 1 is proposed from the
 * registry and the risk index; the county confirms it, and every later amendment is a new revision with its reason,
 * so each year's list can be read as it stood at any confirmation. The ledger figures (台账) are read live.
 */
export const keyLedger = pgTable(
  'key_ledger',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: varchar('county_code', { length: 6 })
      .notNull()
      .references(() => region.code),
    year: smallint('year').notNull(),
    revision: integer('revision').notNull(),
    /** draft (proposed or being amended) | confirmed | superseded (a later revision was confirmed) */
    status: text('status', { enum: ['draft', 'confirmed', 'superseded'] }).notNull(),
    /** Why this revision differs from the previous one; null for revision 1. */
    amendReason: text('amend_reason'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    confirmedAt: ts('confirmed_at'),
    confirmedBy: uuid('confirmed_by'),
    confirmedByName: text('confirmed_by_name'),
    demo: boolean('demo').notNull().default(false),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('key_ledger_revision_key').on(t.countyCode, t.year, t.revision),
    index('key_ledger_year_idx').on(t.year, t.countyCode),
  ],
);

/** An enterprise on a ledger revision: why it was proposed and what the county decided, with the reason. */
export const keyLedgerEntry = pgTable(
  'key_ledger_entry',
  {
    ledgerId: uuid('ledger_id')
      .notNull()
      .references(() => keyLedger.id),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employer.id),
    /** The key-industry or dust-industry category name of the cycle in force, or null when added for risk alone. */
    category: text('category'),
    /** registry (key or dust industry in the registry) | risk_index (proposed by the risk index) | county (added) */
    basis: text('basis', { enum: ['registry', 'risk_index', 'county'] }).notNull(),
    proposedReason: text('proposed_reason').notNull(),
    /** included | excluded; a proposal the county has not decided on is included until it says otherwise. */
    decision: text('decision', { enum: ['included', 'excluded'] }).notNull(),
    /** Required when the county excludes a proposal or adds an enterprise. */
    decisionReason: text('decision_reason'),
  },
  (t) => [primaryKey({ columns: [t.ledgerId, t.employerId] }), index('key_ledger_entry_employer_idx').on(t.employerId)],
);
