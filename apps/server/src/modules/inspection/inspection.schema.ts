import {
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
import { employer, orgUnit, region } from '../../core/db/schema.js';
import { hazard } from '../hazard/hazard.schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A checklist item of an inspection plan. */
export interface InspectionItem {
  code: string;
  text: string;
}

/** The result of one item at one employer. */
export interface InspectionItemResult {
  code: string;
  result: 'pass' | 'fail' | 'na';
  note?: string;
}

/**
 * A joint inspection (联合检查) planned by the joint-meeting office or a county: the period, the lead unit, the
 * items to check; the participating units and the employers to visit are rows of their own.
 * regionCode is the city (a city-wide plan) or a county.
 */
export const inspectionPlan = pgTable(
  'inspection_plan',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** JC + year + sequence */
    planNo: varchar('plan_no', { length: 32 }).notNull(),
    title: text('title').notNull(),
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => region.code),
    leadUnit: varchar('lead_unit', { length: 32 })
      .notNull()
      .references(() => orgUnit.code),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }).notNull(),
    items: jsonb('items').$type<InspectionItem[]>().notNull(),
    status: text('status', { enum: ['planned', 'in_progress', 'completed', 'cancelled'] }).notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    demo: boolean('demo').notNull().default(false),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('inspection_plan_no_key').on(t.planNo), index('inspection_plan_start_idx').on(t.startOn, t.id)],
);

/** A member unit taking part in a plan. */
export const inspectionUnit = pgTable(
  'inspection_unit',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => inspectionPlan.id),
    unitCode: varchar('unit_code', { length: 32 })
      .notNull()
      .references(() => orgUnit.code),
  },
  (t) => [primaryKey({ columns: [t.planId, t.unitCode] }), index('inspection_unit_unit_idx').on(t.unitCode)],
);

/** An employer to visit under a plan, and the result of the visit once recorded. */
export const inspectionTarget = pgTable(
  'inspection_target',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => inspectionPlan.id),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employer.id),
    countyCode: varchar('county_code', { length: 6 })
      .notNull()
      .references(() => region.code),
    status: text('status', { enum: ['pending', 'visited'] }).notNull(),
    visitedOn: date('visited_on', { mode: 'string' }),
    /** pass (no finding) | fail (at least one finding) */
    result: text('result', { enum: ['pass', 'fail'] }),
    itemResults: jsonb('item_results').$type<InspectionItemResult[]>(),
    note: text('note'),
    recordedBy: uuid('recorded_by'),
    recordedByName: text('recorded_by_name'),
    version: integer('version').notNull().default(0),
  },
  (t) => [
    uniqueIndex('inspection_target_key').on(t.planId, t.employerId),
    index('inspection_target_county_idx').on(t.countyCode),
  ],
);

/** A finding at a visit: the checklist item, the unit that found it and the hazard it became. */
export const inspectionFinding = pgTable(
  'inspection_finding',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    targetId: uuid('target_id')
      .notNull()
      .references(() => inspectionTarget.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => inspectionPlan.id),
    itemCode: text('item_code').notNull(),
    unitCode: varchar('unit_code', { length: 32 })
      .notNull()
      .references(() => orgUnit.code),
    hazardId: uuid('hazard_id')
      .notNull()
      .references(() => hazard.id),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    index('inspection_finding_plan_idx').on(t.planId, t.unitCode),
    index('inspection_finding_target_idx').on(t.targetId),
  ],
);
