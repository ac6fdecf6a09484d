import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { appUser, employer, region } from '../../core/db/schema.js';
import { provider } from '../provider/provider.schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A member (or applicant) of the expert pool (工伤预防专家库, plan 三(八)3). Only what the pool needs: the ID number
 * and mobile are encrypted (key outside the database) with a keyed hash of the ID for duplicate checks and masked
 * forms for display. Life cycle: applied → reviewing → appointed for a term (聘期) → renewed / adjusted / dismissed,
 * or rejected.
 */
export const expert = pgTable(
  'expert',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    idCipher: text('id_cipher').notNull(),
    idHash: varchar('id_hash', { length: 64 }).notNull(),
    idMasked: varchar('id_masked', { length: 18 }).notNull(),
    phoneCipher: text('phone_cipher').notNull(),
    phoneMasked: varchar('phone_masked', { length: 11 }).notNull(),
    /** 工作单位 as written; employerId when the unit is in the employer registry (for conflict checks). */
    workUnit: text('work_unit').notNull(),
    employerId: uuid('employer_id').references(() => employer.id),
    /** The USCC of the work unit when known (a unit outside the registry, or a service organisation). */
    workUnitUscc: varchar('work_unit_uscc', { length: 18 }),
    /** 职称 */
    title: text('title').notNull(),
    /** Domain codes from the policy `expert.domains` (工伤预防, 安全生产, 职业卫生, 财务管理, 法律事务, 宣传培训). */
    domains: text('domains').array().notNull(),
    /** 专业组 */
    groupName: text('group_name'),
    countyCode: varchar('county_code', { length: 6 })
      .notNull()
      .references(() => region.code),
    status: text('status', { enum: ['applied', 'reviewing', 'appointed', 'rejected', 'dismissed'] }).notNull(),
    termStart: date('term_start', { mode: 'string' }),
    termEnd: date('term_end', { mode: 'string' }),
    /** The expert agreed that the pool may share their profile with neighbouring cities. */
    shareConsent: boolean('share_consent').notNull().default(false),
    /** The city whose pool the profile was imported from (null: this city's own). */
    sourceCity: text('source_city'),
    /** The expert's login account: they see only their own assignments. */
    userId: uuid('user_id').references(() => appUser.id),
    demo: boolean('demo').notNull().default(false),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('expert_id_hash_key').on(t.idHash),
    uniqueIndex('expert_user_key').on(t.userId),
    index('expert_status_name_idx').on(t.status, t.name, t.id),
    index('expert_county_idx').on(t.countyCode),
    index('expert_domains_idx').using('gin', t.domains),
  ],
);

/** A declared relationship of an expert (an employer or organisation they work for, advise or are related to). */
export const expertRelation = pgTable(
  'expert_relation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => expert.id),
    kind: text('kind', { enum: ['employer', 'provider'] }).notNull(),
    employerId: uuid('employer_id').references(() => employer.id),
    providerId: uuid('provider_id').references(() => provider.id),
    /** Name and USCC as declared (kept also when the party is in a registry). */
    partyName: text('party_name').notNull(),
    partyUscc: varchar('party_uscc', { length: 18 }),
    /** e.g. 兼职顾问, 亲属任职, 曾任职 */
    nature: text('nature').notNull(),
    declaredOn: date('declared_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
  },
  (t) => [index('expert_relation_expert_idx').on(t.expertId), index('expert_relation_uscc_idx').on(t.partyUscc)],
);

/** A qualification or certificate of an expert, with its documents (expert_document). */
export const expertQualification = pgTable(
  'expert_qualification',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => expert.id),
    name: text('name').notNull(),
    number: text('number'),
    issuer: text('issuer'),
    validUntil: date('valid_until', { mode: 'string' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('expert_qualification_expert_idx').on(t.expertId)],
);

/** A file in an expert's dossier (stored under the data folder: expert-documents/<expert id>/<document id>). */
export const expertDocument = pgTable(
  'expert_document',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => expert.id),
    qualificationId: uuid('qualification_id').references(() => expertQualification.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
  },
  (t) => [index('expert_document_expert_idx').on(t.expertId)],
);

/** A discipline record (警告, 暂停抽取 until a date, 解聘); a suspension keeps the expert out of draws. */
export const expertDiscipline = pgTable(
  'expert_discipline',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => expert.id),
    kind: text('kind', { enum: ['warning', 'suspension', 'dismissal'] }).notNull(),
    recordedOn: date('recorded_on', { mode: 'string' }).notNull(),
    suspendedUntil: date('suspended_until', { mode: 'string' }),
    reason: text('reason').notNull(),
    recordedBy: uuid('recorded_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('expert_discipline_expert_idx').on(t.expertId)],
);

/** A period in which an expert is not available for draws (出差, 病休…), declared by the expert or the bureau. */
export const expertUnavailability = pgTable(
  'expert_unavailability',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => expert.id),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('expert_unavailability_expert_idx').on(t.expertId, t.fromDate)],
);

/**
 * The expert's file (档案) in order: application, review, appointment, term assessment and its outcome, renewal,
 * adjustment, dismissal, discipline, import; `detail` holds what changed (term dates, domains, assessment result).
 */
export const expertEvent = pgTable(
  'expert_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => expert.id),
    kind: text('kind').notNull(),
    at: ts('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    reason: text('reason'),
    detail: jsonb('detail').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('expert_event_expert_idx').on(t.expertId, t.at)],
);
