import {
  bigint,
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
import { employer, orgUnit, region } from '../../core/db/schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A hazard or over-limit exposure at an employer, with its rectification deadline (限期整改). The county is copied
 * from the employer when reported so the scope filter needs no join; the status follows hazard.rules.ts, the
 * escalation the policy ladder (hazard.policy.ts).
 */
export const hazard = pgTable(
  'hazard',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** YH + date + sequence for platform records; the source's own number for exchange records. */
    hazardNo: varchar('hazard_no', { length: 64 }).notNull(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employer.id),
    countyCode: varchar('county_code', { length: 6 })
      .notNull()
      .references(() => region.code),
    /** safety | exposure */
    category: text('category', { enum: ['safety', 'exposure'] }).notNull(),
    hazardFactor: text('hazard_factor'),
    /** general | major */
    level: text('level', { enum: ['general', 'major'] }).notNull(),
    description: text('description').notNull(),
    location: text('location').notNull(),
    foundOn: date('found_on', { mode: 'string' }).notNull(),
    foundByUnit: varchar('found_by_unit', { length: 32 }).references(() => orgUnit.code),
    responsibleUnit: varchar('responsible_unit', { length: 32 })
      .notNull()
      .references(() => orgUnit.code),
    responsiblePerson: text('responsible_person'),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['reported', 'notified', 'rectifying', 'submitted', 'closed'] }).notNull(),
    escalation: text('escalation', {
      enum: ['none', 'reminded', 'county', 'city', 'joint_meeting', 'enforcement'],
    })
      .notNull()
      .default('none'),
    source: text('source', { enum: ['department', 'self_report', 'exchange'] }).notNull(),
    /** The exchange record id for exchange hazards. */
    sourceRef: text('source_ref'),
    reportedBy: uuid('reported_by'),
    closedAt: ts('closed_at'),
    demo: boolean('demo').notNull().default(false),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('hazard_no_key').on(t.hazardNo),
    // the work queue's keyset order
    index('hazard_deadline_idx').on(t.deadline, t.id),
    index('hazard_county_idx').on(t.countyCode, t.status),
    index('hazard_employer_idx').on(t.employerId),
    index('hazard_open_idx').on(t.status, t.deadline),
  ],
);

/** The timeline of a hazard: every transition, escalation step and evidence upload. */
export const hazardEvent = pgTable(
  'hazard_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    hazardId: uuid('hazard_id')
      .notNull()
      .references(() => hazard.id),
    at: ts('at').notNull(),
    userId: uuid('user_id'),
    username: text('username'),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
  },
  (t) => [index('hazard_event_hazard_idx').on(t.hazardId, t.id)],
);

/** A photo or document of a hazard, stored under the data folder (hazards/<hazard id>/<evidence id>). */
export const hazardEvidence = pgTable(
  'hazard_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hazardId: uuid('hazard_id')
      .notNull()
      .references(() => hazard.id),
    purpose: text('purpose', { enum: ['report', 'rectification'] }).notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    userId: uuid('user_id'),
    username: text('username'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('hazard_evidence_hazard_idx').on(t.hazardId, t.at)],
);
