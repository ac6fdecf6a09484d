import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { employer } from '../../core/db/schema.js';

/**
 * The stored risk index of each employer for a scored year (the last year of its window), so the ranking is one
 * indexed keyset read however many employers there are. Rewritten whole for a year by a recomputation (on demand or
 * by the nightly job); county and industry are copied from the employer then, for the scope filter and the filters.
 */
export const employerRisk = pgTable(
  'employer_risk',
  {
    year: smallint('year').notNull(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employer.id),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    industryCode: varchar('industry_code', { length: 4 }).notNull(),
    keyIndustry: boolean('key_industry').notNull(),
    /** 0–100, one decimal. */
    score: doublePrecision('score').notNull(),
    workerYears: doublePrecision('worker_years').notNull(),
    cases: integer('cases').notNull(),
    deaths: integer('deaths').notNull(),
    serious: integer('serious').notNull(),
    /** RiskFactorView[]: value, level, weight and contribution of each factor. */
    factors: jsonb('factors').notNull(),
    monitorSuggested: boolean('monitor_suggested').notNull(),
    monitorReason: text('monitor_reason'),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.employerId] }),
    // the ranking's keyset order, city-wide and per county
    index('employer_risk_rank_idx').on(t.year, t.score.desc(), t.employerId),
    index('employer_risk_county_idx').on(t.year, t.countyCode, t.score.desc(), t.employerId),
  ],
);
