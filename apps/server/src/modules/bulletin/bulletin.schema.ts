import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { employer, region } from '../../core/db/schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A typical-case bulletin (典型案例通报, 三明市工伤预防实施方案 三(二)4): the de-identified facts of one case, the
 * editor's text, whom it targets, and where it is in its life cycle (bulletin.rules.ts). Its data scope is the
 * county of the case it was drafted from.
 */
export const bulletin = pgTable(
  'bulletin',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    /** draft | in_review | published | withdrawn */
    status: text('status', { enum: ['draft', 'in_review', 'published', 'withdrawn'] }).notNull(),
    /** injury | disease | accident: which table sourceId points into (modules/injury/injury.schema.ts). */
    sourceKind: text('source_kind', { enum: ['injury', 'disease', 'accident'] }).notNull(),
    sourceId: uuid('source_id').notNull(),
    countyCode: varchar('county_code', { length: 6 })
      .notNull()
      .references(() => region.code),
    /** The de-identified facts ({label, value}[]) computed when the draft was made. */
    facts: jsonb('facts').notNull(),
    /** The employer's name, shown only when the reviewer chose to name it at publication. */
    employerId: uuid('employer_id').references(() => employer.id),
    employerName: text('employer_name'),
    employerNamed: boolean('employer_named').notNull().default(false),
    /** 事故经过, 原因分析, 教训与防范措施 */
    narrative: text('narrative').notNull().default(''),
    causes: text('causes').notNull().default(''),
    lessons: text('lessons').notNull().default(''),
    /** {industryCodes, riskClasses, keyIndustryOnly, countyCodes} */
    targeting: jsonb('targeting').notNull(),
    authorId: uuid('author_id'),
    authorName: text('author_name').notNull(),
    submittedBy: uuid('submitted_by'),
    submittedAt: ts('submitted_at'),
    reviewerId: uuid('reviewer_id'),
    reviewerName: text('reviewer_name'),
    publishedAt: ts('published_at'),
    returnReason: text('return_reason'),
    withdrawReason: text('withdraw_reason'),
    withdrawnAt: ts('withdrawn_at'),
    demo: boolean('demo').notNull().default(false),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('bulletin_county_idx').on(t.countyCode, t.updatedAt),
    // the public list's keyset order
    index('bulletin_published_idx').on(t.status, t.publishedAt, t.id),
    index('bulletin_updated_idx').on(t.updatedAt, t.id),
  ],
);

/**
 * One targeted employer of a published bulletin and its acknowledgement by its safety head (签收). The county is
 * copied from the employer at publication: it is the row's data scope and the acknowledgement rate's breakdown.
 */
export const bulletinAck = pgTable(
  'bulletin_ack',
  {
    bulletinId: uuid('bulletin_id')
      .notNull()
      .references(() => bulletin.id),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employer.id),
    countyCode: varchar('county_code', { length: 6 })
      .notNull()
      .references(() => region.code),
    acknowledgedAt: ts('acknowledged_at'),
    safetyHeadName: text('safety_head_name'),
    acknowledgedBy: uuid('acknowledged_by'),
  },
  (t) => [
    primaryKey({ columns: [t.bulletinId, t.employerId] }),
    index('bulletin_ack_employer_idx').on(t.employerId, t.bulletinId),
    index('bulletin_ack_county_idx').on(t.bulletinId, t.countyCode),
  ],
);
