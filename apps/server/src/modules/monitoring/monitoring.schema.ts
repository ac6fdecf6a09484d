import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { employer, region } from '../../core/db/schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const MONITORING_REASONS = [
  'uninsured',
  'under_insured',
  'risk_index',
  'repeated_serious',
  'overdue_major_hazard',
  'dust_coverage',
  'manual',
] as const;

/**
 * An employer on the key monitoring list (重点监控) for one reason: when and why it entered (with the figures that
 * put it there), who owns the follow-up, and when and why it left. An employer on the list for two reasons has two
 * entries; at most one active entry per employer and reason.
 */
export const monitoringEntry = pgTable(
  'monitoring_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employer.id),
    countyCode: varchar('county_code', { length: 6 })
      .notNull()
      .references(() => region.code),
    reason: text('reason', { enum: MONITORING_REASONS }).notNull(),
    /** The figures behind the reason, in words, as they stood when it entered (e.g. 职工 120 人、参保 64 人). */
    detail: text('detail').notNull(),
    /** system (the daily sweep) | officer (added by hand) */
    source: text('source', { enum: ['system', 'officer'] }).notNull(),
    enteredOn: date('entered_on', { mode: 'string' }).notNull(),
    enteredBy: uuid('entered_by'),
    ownerId: uuid('owner_id'),
    ownerName: text('owner_name'),
    status: text('status', { enum: ['active', 'exited'] }).notNull(),
    exitedOn: date('exited_on', { mode: 'string' }),
    exitReason: text('exit_reason'),
    exitedBy: uuid('exited_by'),
    demo: boolean('demo').notNull().default(false),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('monitoring_entry_active_key').on(t.employerId, t.reason).where(sql`status = 'active'`),
    index('monitoring_entry_list_idx').on(t.status, t.enteredOn, t.id),
    index('monitoring_entry_county_idx').on(t.countyCode, t.status),
  ],
);

/** A follow-up action on a monitoring entry: visit, interview, notice, inspection, note. */
export const monitoringAction = pgTable(
  'monitoring_action',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => monitoringEntry.id),
    at: ts('at').notNull(),
    userId: uuid('user_id'),
    username: text('username'),
    kind: text('kind', { enum: ['visit', 'interview', 'notice', 'inspection', 'note'] }).notNull(),
    note: text('note').notNull(),
  },
  (t) => [index('monitoring_action_entry_idx').on(t.entryId, t.id)],
);
