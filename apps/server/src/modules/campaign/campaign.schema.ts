import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { employer, orgUnit, region } from '../../core/db/schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The insurance coverage of each dust-hazard employer at the end of a year of the pneumoconiosis campaign
 * (workforce and insured headcount as they stood then), so progress over the campaign years is read as it was,
 * not recomputed from today's workforce. Written by the year-end job; the current year is read live.
 */
export const campaignSnapshot = pgTable(
  'campaign_snapshot',
  {
    year: smallint('year').notNull(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employer.id),
    countyCode: varchar('county_code', { length: 6 })
      .notNull()
      .references(() => region.code),
    industryCode: varchar('industry_code', { length: 4 }).notNull(),
    /** The dust-industry category of the cycle in force then. */
    category: text('category').notNull(),
    workforce: integer('workforce').notNull(),
    insured: integer('insured').notNull(),
    takenAt: ts('taken_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.employerId] }),
    index('campaign_snapshot_county_idx').on(t.year, t.countyCode),
  ],
);

/**
 * A check that an employer has posted its insurance notice (参保公示), recorded by an inspector with evidence:
 * whether the notice was posted, whether it was current and whether it agreed with the insured roster.
 */
export const campaignCheck = pgTable(
  'campaign_check',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employer.id),
    countyCode: varchar('county_code', { length: 6 })
      .notNull()
      .references(() => region.code),
    checkedOn: date('checked_on', { mode: 'string' }).notNull(),
    inspectorId: uuid('inspector_id'),
    inspectorName: text('inspector_name').notNull(),
    unitCode: varchar('unit_code', { length: 32 }).references(() => orgUnit.code),
    posted: boolean('posted').notNull(),
    /** The notice is for the current period and its numbers agree with the insured headcount. */
    current: boolean('current').notNull(),
    /** pass (posted and current) | fail */
    result: text('result', { enum: ['pass', 'fail'] }).notNull(),
    note: text('note'),
    demo: boolean('demo').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('campaign_check_employer_idx').on(t.employerId, t.checkedOn),
    index('campaign_check_county_idx').on(t.countyCode, t.checkedOn),
  ],
);

/** A photo or document of a notice check, stored under the data folder (campaign-checks/<check id>/<evidence id>). */
export const campaignCheckEvidence = pgTable(
  'campaign_check_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    checkId: uuid('check_id')
      .notNull()
      .references(() => campaignCheck.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    userId: uuid('user_id'),
    username: text('username'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('campaign_check_evidence_check_idx').on(t.checkId, t.at)],
);
