import { boolean, date, index, integer, pgTable, smallint, text, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Validated rows of an injury-case import waiting for commit (one job's rows, removed when the job ends). The ID
 * number is held only encrypted, hashed and masked.
 */
export const importStageInjury = pgTable(
  'import_stage_injury',
  {
    jobId: uuid('job_id').notNull(),
    rowNo: integer('row_no').notNull(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    caseNo: text('case_no').notNull(),
    workerName: text('worker_name').notNull(),
    idCipher: text('id_cipher').notNull(),
    idHash: varchar('id_hash', { length: 64 }).notNull(),
    idMasked: varchar('id_masked', { length: 18 }).notNull(),
    sex: varchar('sex', { length: 1 }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    job: text('job'),
    /** Beijing time with its offset, as text: the staging writer knows no timestamp type; cast at commit. */
    occurredAt: text('occurred_at').notNull(),
    place: text('place'),
    accidentCategory: varchar('accident_category', { length: 2 }).notNull(),
    injuryNature: text('injury_nature'),
    bodyPart: text('body_part'),
    cause: text('cause'),
    harmingObject: text('harming_object'),
    activity: text('activity'),
    severity: text('severity').notNull(),
    lostWorkdays: integer('lost_workdays').notNull(),
    commuting: boolean('commuting').notNull(),
    recognitionResult: text('recognition_result').notNull(),
    recognitionDate: date('recognition_date', { mode: 'string' }),
    disabilityGrade: smallint('disability_grade'),
    disabilityAssessedOn: date('disability_assessed_on', { mode: 'string' }),
  },
  (t) => [index('import_stage_injury_idx').on(t.jobId, t.caseNo)],
);

/** Validated rows of an occupational-disease import (the edition already derived from the diagnosis date). */
export const importStageDisease = pgTable(
  'import_stage_disease',
  {
    jobId: uuid('job_id').notNull(),
    rowNo: integer('row_no').notNull(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    caseNo: text('case_no').notNull(),
    workerName: text('worker_name').notNull(),
    idCipher: text('id_cipher').notNull(),
    idHash: varchar('id_hash', { length: 64 }).notNull(),
    idMasked: varchar('id_masked', { length: 18 }).notNull(),
    sex: varchar('sex', { length: 1 }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    job: text('job'),
    diagnosedOn: date('diagnosed_on', { mode: 'string' }).notNull(),
    catalogueEdition: varchar('catalogue_edition', { length: 4 }).notNull(),
    categoryNo: smallint('category_no').notNull(),
    diseaseName: text('disease_name').notNull(),
    pneumoconiosis: boolean('pneumoconiosis').notNull(),
    stage: smallint('stage'),
    exposureMonths: integer('exposure_months'),
    hazardFactor: text('hazard_factor'),
    recognitionResult: text('recognition_result').notNull(),
    disabilityGrade: smallint('disability_grade'),
  },
  (t) => [index('import_stage_disease_idx').on(t.jobId, t.caseNo)],
);
