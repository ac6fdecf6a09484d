import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { employer } from '../../core/db/schema.js';

/** Every change to an employer record: who, when, which fields before and after. */
export const employerHistory = pgTable(
  'employer_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employer.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id'),
    username: text('username'),
    /** How the change came: form, import (with the import id), exchange, system. */
    source: text('source').notNull(),
    changes: jsonb('changes').notNull(),
  },
  (t) => [index('employer_history_employer_idx').on(t.employerId, t.at)],
);

/** Monthly insured headcount and payroll of an employer: the denominator of every rate. */
export const employerHeadcount = pgTable(
  'employer_headcount',
  {
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employer.id),
    /** First day of the month. */
    month: date('month', { mode: 'string' }).notNull(),
    insuredCount: integer('insured_count').notNull(),
    /** Total payroll of the month in fen. */
    payrollFen: bigint('payroll_fen', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.employerId, t.month] }), index('employer_headcount_month_idx').on(t.month)],
);

/**
 * An insured person at an employer. The ID number is stored encrypted (key outside the database), with a keyed
 * hash for exact look-up and a masked form for display; sex and birth date are read from it.
 */
export const insuredPerson = pgTable(
  'insured_person',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employer.id),
    idCipher: text('id_cipher').notNull(),
    idHash: varchar('id_hash', { length: 64 }).notNull(),
    idMasked: varchar('id_masked', { length: 18 }).notNull(),
    name: text('name').notNull(),
    sex: varchar('sex', { length: 1 }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    /** 岗位/工种 */
    job: text('job'),
    /** principal | deputy | safety_head | team_leader | other */
    keyRole: text('key_role').notNull().default('other'),
    insuredFrom: date('insured_from', { mode: 'string' }).notNull(),
    insuredTo: date('insured_to', { mode: 'string' }),
    demo: boolean('demo').notNull().default(false),
    version: integer('version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('insured_person_spell_key').on(t.employerId, t.idHash, t.insuredFrom),
    index('insured_person_hash_idx').on(t.idHash),
    index('insured_person_employer_idx').on(t.employerId, t.name),
  ],
);
