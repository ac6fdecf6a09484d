import { bigint, boolean, date, integer, pgTable, primaryKey, smallint, text, varchar } from 'drizzle-orm/pg-core';

/*
 * Aggregates the dashboards read instead of the record tables (docs/decisions/0003-analysis-aggregates.md).
 * Statement-level triggers on every base table mark the (county, month) keys a write touched in analysis_dirty;
 * aggregate.ts recomputes exactly those keys from the base tables before a dashboard reads, so every write path
 * (form, import, exchange, demo, SQL) is covered and a dashboard's cost depends on the size of the aggregates, not
 * of the records. Unknown dimension values are stored as '' / 0 / -1 so that they can be part of the primary key.
 */

const month = () => date('month', { mode: 'string' }).notNull();
const county = () => varchar('county_code', { length: 6 }).notNull();
const industry = () => varchar('industry_code', { length: 4 }).notNull();
const keyIndustry = () => boolean('key_industry').notNull();

/** The (county, month) keys whose aggregates are stale. */
export const analysisDirty = pgTable('analysis_dirty', { countyCode: county(), month: month() }, (t) => [
  primaryKey({ columns: [t.countyCode, t.month] }),
]);

/** Work-injury cases by month of occurrence (Asia/Shanghai) and their GB 6441 dimensions. */
export const analysisInjuryCube = pgTable(
  'analysis_injury_cube',
  {
    month: month(),
    countyCode: county(),
    industryCode: industry(),
    /** 0 = unknown */
    riskClass: smallint('risk_class').notNull(),
    keyIndustry: keyIndustry(),
    /** GB 6441 category, '' = not recorded */
    accidentCategory: varchar('accident_category', { length: 2 }).notNull(),
    severity: text('severity').notNull(),
    /** recognised (认定 or 视同) | pending | not_recognised */
    recognition: text('recognition').notNull(),
    cases: integer('cases').notNull(),
    /** Lost workdays counted by GB 6441 (a death 6000, a serious injury at least 105). */
    lostWorkdays: bigint('lost_workdays', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({
      columns: [
        t.countyCode,
        t.month,
        t.industryCode,
        t.riskClass,
        t.keyIndustry,
        t.accidentCategory,
        t.severity,
        t.recognition,
      ],
    }),
  ],
);

/**
 * Recognised work injuries by year and one worker attribute at a time: dim 'job' (position), 'age' (whole years at
 * the event), 'sex' (GB/T 2261.1), 'tenure' (whole years insured at the employer). Raw values, banded when read,
 * so that the bands are configuration.
 */
export const analysisInjuryGroup = pgTable(
  'analysis_injury_group',
  {
    year: smallint('year').notNull(),
    countyCode: county(),
    industryCode: industry(),
    keyIndustry: keyIndustry(),
    dim: text('dim').notNull(),
    value: text('value').notNull(),
    cases: integer('cases').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.year, t.industryCode, t.keyIndustry, t.dim, t.value] })],
);

/** Insured headcount of employers by month and their current classification: the denominators. */
export const analysisHeadcountCube = pgTable(
  'analysis_headcount_cube',
  {
    month: month(),
    countyCode: county(),
    industryCode: industry(),
    riskClass: smallint('risk_class').notNull(),
    keyIndustry: keyIndustry(),
    insured: bigint('insured', { mode: 'number' }).notNull(),
    employers: integer('employers').notNull(),
    payrollFen: bigint('payroll_fen', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.month, t.industryCode, t.riskClass, t.keyIndustry] })],
);

/**
 * Work-injury fund spending on the cases by item, in fen, counted in the month of the accident (like every other
 * aggregate, so a year filter shows what that year's injuries cost; the payments may fall later).
 */
export const analysisCostCube = pgTable(
  'analysis_cost_cube',
  {
    month: month(),
    countyCode: county(),
    industryCode: industry(),
    keyIndustry: keyIndustry(),
    item: text('item').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    cases: integer('cases').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.month, t.industryCode, t.keyIndustry, t.item] })],
);

/** Occupational-disease cases by month of diagnosis. */
export const analysisDiseaseCube = pgTable(
  'analysis_disease_cube',
  {
    month: month(),
    countyCode: county(),
    industryCode: industry(),
    keyIndustry: keyIndustry(),
    dustHazard: boolean('dust_hazard').notNull(),
    pneumoconiosis: boolean('pneumoconiosis').notNull(),
    categoryNo: smallint('category_no').notNull(),
    /** Whole years of exposure (接害工龄), -1 = unknown. */
    exposureYears: smallint('exposure_years').notNull(),
    cases: integer('cases').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [
        t.countyCode,
        t.month,
        t.industryCode,
        t.keyIndustry,
        t.dustHazard,
        t.pneumoconiosis,
        t.categoryNo,
        t.exposureYears,
      ],
    }),
  ],
);
