import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { employer, region } from '../../core/db/schema.js';
import { insuredPerson } from '../employer/employer.schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The injured or diagnosed worker as recorded on the case: linked to the insured-person roster where found, with
 * the ID number kept encrypted (keyed hash for matching, masked for display) and the analysis dimensions (sex, birth
 * date, position, tenure) captured at the time of the event so that later roster changes do not rewrite history.
 */
const workerColumns = () => ({
  personId: uuid('person_id').references(() => insuredPerson.id),
  workerName: text('worker_name').notNull(),
  idCipher: text('id_cipher'),
  idHash: varchar('id_hash', { length: 64 }),
  idMasked: varchar('id_masked', { length: 18 }),
  /** '1' male, '2' female (GB/T 2261.1). */
  sex: varchar('sex', { length: 1 }),
  birthDate: date('birth_date', { mode: 'string' }),
  /** 岗位/工种 */
  job: text('job'),
  /** Months insured at the employer before the event (tenure band in the analysis). */
  tenureMonths: integer('tenure_months'),
});

/** The employer's classification when the event happened (GB/T 4754, risk class, key-industry and dust flags). */
const classificationColumns = () => ({
  industryCode: varchar('industry_code', { length: 4 }).notNull(),
  industryGroup: varchar('industry_group', { length: 3 }),
  riskClass: smallint('risk_class'),
  keyIndustry: boolean('key_industry').notNull().default(false),
  dustHazard: boolean('dust_hazard').notNull().default(false),
});

/** Where a record came from: a form, an import (source_ref = import id) or the data exchange (= exchange record id). */
const provenanceColumns = () => ({
  source: text('source', { enum: ['form', 'import', 'exchange'] }).notNull(),
  sourceRef: text('source_ref'),
  demo: boolean('demo').notNull().default(false),
  version: integer('version').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * A production-safety accident (生产安全事故) as registered by 应急局, with its legal grade (一般/较大/重大/特别重大)
 * computed from deaths, serious injuries and direct loss (《生产安全事故报告和调查处理条例》第三条).
 */
export const safetyAccident = pgTable(
  'safety_accident',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accidentNo: text('accident_no').notNull(),
    employerId: uuid('employer_id').references(() => employer.id),
    countyCode: varchar('county_code', { length: 6 })
      .notNull()
      .references(() => region.code),
    occurredAt: ts('occurred_at').notNull(),
    /** GB 6441 accident category (01–20). */
    category: varchar('category', { length: 2 }).notNull(),
    deaths: integer('deaths').notNull().default(0),
    seriousInjuries: integer('serious_injuries').notNull().default(0),
    minorInjuries: integer('minor_injuries').notNull().default(0),
    directLossFen: bigint('direct_loss_fen', { mode: 'number' }),
    /** general | larger | major | especially_major */
    legalGrade: text('legal_grade').notNull(),
    summary: text('summary'),
    /** The member unit that reported it (usually yjj). */
    reportedByUnit: varchar('reported_by_unit', { length: 32 }),
    ...provenanceColumns(),
  },
  (t) => [
    uniqueIndex('safety_accident_no_key').on(t.accidentNo),
    index('safety_accident_county_idx').on(t.countyCode, t.occurredAt),
    index('safety_accident_employer_idx').on(t.employerId, t.occurredAt),
  ],
);

/**
 * A work injury (工伤事故与认定): the event with its GB 6441 analysis dimensions, the severity and lost workdays, the
 * recognition decision, the disability grade (GB/T 16180) when assessed, and the employer's classification then.
 */
export const injuryCase = pgTable(
  'injury_case',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 工伤认定书编号, or the platform's own number for a case not yet decided. */
    caseNo: text('case_no').notNull(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employer.id),
    /** County of the employer (the case's data scope). */
    countyCode: varchar('county_code', { length: 6 })
      .notNull()
      .references(() => region.code),
    ...workerColumns(),
    occurredAt: ts('occurred_at').notNull(),
    place: text('place'),
    /** GB 6441 accident category (01–20). */
    accidentCategory: varchar('accident_category', { length: 2 }),
    /** GB 6441 受伤性质 */
    injuryNature: text('injury_nature'),
    /** GB 6441 受伤部位 */
    bodyPart: text('body_part'),
    /** GB 6441 起因物 */
    cause: text('cause'),
    /** GB 6441 致害物 */
    harmingObject: text('harming_object'),
    /** What the worker was doing (作业活动). */
    activity: text('activity'),
    /** minor | serious | death (GB 6441) */
    severity: text('severity', { enum: ['minor', 'serious', 'death'] }).notNull(),
    /** Lost workdays; a death counts 6000, a serious injury at least 105 (GB 6441). */
    lostWorkdays: integer('lost_workdays').notNull().default(0),
    commuting: boolean('commuting').notNull().default(false),
    /** pending | recognised | deemed | not_recognised */
    recognitionResult: text('recognition_result', {
      enum: ['pending', 'recognised', 'deemed', 'not_recognised'],
    })
      .notNull()
      .default('pending'),
    recognitionDate: date('recognition_date', { mode: 'string' }),
    /** GB/T 16180 grade 1 (most severe) … 10. */
    disabilityGrade: smallint('disability_grade'),
    disabilityAssessedOn: date('disability_assessed_on', { mode: 'string' }),
    accidentId: uuid('accident_id').references(() => safetyAccident.id),
    ...classificationColumns(),
    ...provenanceColumns(),
  },
  (t) => [
    uniqueIndex('injury_case_no_key').on(t.caseNo),
    index('injury_case_county_idx').on(t.countyCode, t.occurredAt),
    index('injury_case_employer_idx').on(t.employerId, t.occurredAt),
    index('injury_case_occurred_idx').on(t.occurredAt, t.id),
    index('injury_case_id_hash_idx').on(t.idHash),
  ],
);

/** Work-injury fund spending on a case by item (医疗费, 停工留薪期工资, 一次性伤残补助金 …), in fen. */
export const injuryCost = pgTable(
  'injury_cost',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => injuryCase.id, { onDelete: 'cascade' }),
    /** A code of INJURY_COST_ITEMS. */
    item: text('item').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('injury_cost_case_idx').on(t.caseId), index('injury_cost_paid_idx').on(t.paidOn)],
);

/**
 * An occupational-disease case (职业病): the diagnosis with the catalogue edition in force on the diagnosis date
 * (2013 before 2025-08-01, 2024 from then), exposure years and the hazard factor.
 */
export const diseaseCase = pgTable(
  'disease_case',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseNo: text('case_no').notNull(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employer.id),
    countyCode: varchar('county_code', { length: 6 })
      .notNull()
      .references(() => region.code),
    ...workerColumns(),
    diagnosedOn: date('diagnosed_on', { mode: 'string' }).notNull(),
    /** '2013' | '2024' */
    catalogueEdition: varchar('catalogue_edition', { length: 4 }).notNull(),
    /** Category number in that edition (1 = 职业性尘肺病及其他呼吸系统疾病). */
    categoryNo: smallint('category_no').notNull(),
    diseaseName: text('disease_name').notNull(),
    pneumoconiosis: boolean('pneumoconiosis').notNull().default(false),
    /** 尘肺病期别: 1 | 2 | 3 where it applies. */
    stage: smallint('stage'),
    /** 接害工龄 in months. */
    exposureMonths: integer('exposure_months'),
    /** 职业病危害因素 (e.g. 矽尘, 煤尘, 噪声). */
    hazardFactor: text('hazard_factor'),
    recognitionResult: text('recognition_result', {
      enum: ['pending', 'recognised', 'deemed', 'not_recognised'],
    })
      .notNull()
      .default('pending'),
    disabilityGrade: smallint('disability_grade'),
    ...classificationColumns(),
    ...provenanceColumns(),
  },
  (t) => [
    uniqueIndex('disease_case_no_key').on(t.caseNo),
    index('disease_case_county_idx').on(t.countyCode, t.diagnosedOn),
    index('disease_case_employer_idx').on(t.employerId, t.diagnosedOn),
    index('disease_case_diagnosed_idx').on(t.diagnosedOn, t.id),
  ],
);
