import { date, index, integer, jsonb, pgTable, serial, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Policy numbers and sets (caps, percentages, thresholds, tiers, weights, key-industry code sets) as data with
 * effective dates, per region, so a new provincial rule or the next five-year cycle is a row, not a code change.
 * `region_code` is the region the value applies to (a city's value applies to its counties unless they have
 * their own); `effective_to` is exclusive and null while in force.
 */
export const policySetting = pgTable(
  'policy_setting',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull(),
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    value: jsonb('value').notNull(),
    /** Where the number comes from (document and article). */
    source: text('source').notNull(),
    version: integer('version').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [index('policy_setting_lookup_idx').on(t.key, t.regionCode, t.effectiveFrom)],
);
