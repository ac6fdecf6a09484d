import {
  bigint,
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
import { employer, region } from '../../core/db/schema.js';
import { expert } from '../expert/expert.schema.js';
import { provider } from '../provider/provider.schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * An expert panel drawn for a review, an acceptance or a diagnosis. The draw is reproducible: the seed, the domain
 * mix, the candidate set with every exclusion and its reason (panel_candidate) and the algorithm are recorded, so
 * anyone holding the record can re-run the draw and get the same members, replacements included.
 */
export const panel = pgTable(
  'panel',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: text('purpose', { enum: ['review', 'acceptance', 'diagnosis'] }).notNull(),
    subject: text('subject').notNull(),
    /** The prevention project's id once projects exist. */
    subjectRef: text('subject_ref'),
    countyCode: varchar('county_code', { length: 6 })
      .notNull()
      .references(() => region.code),
    /** The applicant (an employer or an organisation) and the implementer, for the conflict checks. */
    applicantEmployerId: uuid('applicant_employer_id').references(() => employer.id),
    applicantProviderId: uuid('applicant_provider_id').references(() => provider.id),
    implementerProviderId: uuid('implementer_provider_id').references(() => provider.id),
    /** [{ domain, count }] in draw order. */
    mix: jsonb('mix').notNull(),
    seed: varchar('seed', { length: 64 }).notNull(),
    algorithm: text('algorithm').notNull(),
    /** The date the candidates were judged on (terms, suspensions, unavailability, cool-down). */
    drawnOn: text('drawn_on').notNull(),
    drawnAt: ts('drawn_at').notNull().defaultNow(),
    drawnBy: uuid('drawn_by'),
    drawnByName: text('drawn_by_name').notNull(),
    /** The scoring sheet as it stood at the draw: [{ key, label, weight, max }] and the pass mark. */
    criteria: jsonb('criteria').notNull(),
    passMark: integer('pass_mark').notNull(),
    status: text('status', { enum: ['drawn', 'scoring', 'concluded', 'cancelled'] }).notNull(),
    /** The panel's mean weighted score in hundredths of a point, and its conclusion. */
    conclusionScore: integer('conclusion_score'),
    conclusion: text('conclusion', { enum: ['pass', 'fail'] }),
    conclusionNote: text('conclusion_note'),
    concludedAt: ts('concluded_at'),
    demo: boolean('demo').notNull().default(false),
    version: integer('version').notNull().default(0),
  },
  (t) => [index('panel_drawn_idx').on(t.drawnAt, t.id), index('panel_county_idx').on(t.countyCode)],
);

/** Every expert considered for a panel: eligible (reason null) with their rank key, or excluded with the reason. */
export const panelCandidate = pgTable(
  'panel_candidate',
  {
    panelId: uuid('panel_id')
      .notNull()
      .references(() => panel.id),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => expert.id),
    domains: text('domains').array().notNull(),
    /** sha256(seed:expertId), the candidate's place in the random order. */
    rankKey: varchar('rank_key', { length: 64 }).notNull(),
    exclusion: text('exclusion'),
  },
  (t) => [primaryKey({ columns: [t.panelId, t.expertId] })],
);

/**
 * A drawn expert: drawn in round 0 or as a replacement (round n, replacing a decliner), notified, accepted or
 * declined (with the reason), scored on the sheet, and the fee for the assignment settled.
 */
export const panelMember = pgTable(
  'panel_member',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    panelId: uuid('panel_id')
      .notNull()
      .references(() => panel.id),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => expert.id),
    domain: text('domain').notNull(),
    round: smallint('round').notNull(),
    replaces: uuid('replaces'),
    status: text('status', { enum: ['notified', 'accepted', 'declined', 'scored'] }).notNull(),
    declineReason: text('decline_reason'),
    respondedAt: ts('responded_at'),
    /** { criterion key: points } */
    scores: jsonb('scores'),
    /** Weighted total in hundredths of a point. */
    total: integer('total'),
    comment: text('comment'),
    scoredAt: ts('scored_at'),
    feeFen: bigint('fee_fen', { mode: 'number' }),
    settledAt: ts('settled_at'),
    settledBy: uuid('settled_by'),
    version: integer('version').notNull().default(0),
  },
  (t) => [
    uniqueIndex('panel_member_expert_key').on(t.panelId, t.expertId),
    index('panel_member_expert_idx').on(t.expertId),
  ],
);
