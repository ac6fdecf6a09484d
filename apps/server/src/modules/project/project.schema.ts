import { PROJECT_STATUSES } from '@yufang/contracts';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { employer, region } from '../../core/db/schema.js';
import { panel } from '../panel/panel.schema.js';
import { provider } from '../provider/provider.schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const fen = (name: string) => bigint(name, { mode: 'number' });

/** A year's call for proposals (申报指南): key areas, the project types open, the deadline. */
export const projectCall = pgTable(
  'project_call',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => region.code),
    year: smallint('year').notNull(),
    title: text('title').notNull(),
    keyAreas: text('key_areas').array().notNull(),
    /** The project types open in this call (policy `project.types`). */
    types: text('types').array().notNull(),
    guide: text('guide').notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    /** The most one application may request, if the call sets it. */
    maxRequestFen: fen('max_request_fen'),
    status: text('status', { enum: ['draft', 'open', 'closed'] }).notNull(),
    publishedAt: ts('published_at'),
    demo: boolean('demo').notNull().default(false),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('project_call_year_idx').on(t.regionCode, t.year)],
);

/**
 * A prevention project from application to close-out (status per packages/contracts/src/project-lifecycle.ts). The
 * applicant is an employer (an industry association or a large or medium enterprise), a member unit or a service
 * organisation; the county is the applicant's, for scope. The application's structured parts (target groups,
 * schedule, budget lines, performance targets) are JSON validated by the contract; the contract's terms are copied
 * onto the project when signed.
 */
export const project = pgTable(
  'project',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** YF-<year>-<nnn>, given on submission. */
    code: varchar('code', { length: 20 }),
    callId: uuid('call_id')
      .notNull()
      .references(() => projectCall.id),
    year: smallint('year').notNull(),
    countyCode: varchar('county_code', { length: 6 })
      .notNull()
      .references(() => region.code),
    applicantKind: text('applicant_kind', { enum: ['association', 'enterprise', 'unit', 'provider'] }).notNull(),
    applicantEmployerId: uuid('applicant_employer_id').references(() => employer.id),
    applicantProviderId: uuid('applicant_provider_id').references(() => provider.id),
    applicantUnitCode: text('applicant_unit_code'),
    applicantName: text('applicant_name').notNull(),
    title: text('title').notNull(),
    type: text('type').notNull(),
    content: text('content').notNull(),
    /** [{ group, count }] */
    targetGroups: jsonb('target_groups').notNull(),
    /** [{ key, name, dueOn }] milestones; overdue ones raise alerts. */
    schedule: jsonb('schedule').notNull(),
    /** [{ item, amountFen }] */
    budgetLines: jsonb('budget_lines').notNull(),
    requestedFen: fen('requested_fen').notNull(),
    /** [{ key, label, unit, comparator, value }] e.g. trainees ≥ 500, pass rate ≥ 90%, satisfaction > 85%. */
    targets: jsonb('targets').notNull(),
    status: text('status', { enum: PROJECT_STATUSES }).notNull(),
    submittedAt: ts('submitted_at'),
    /** [{ rule, ok, reason }] of the last eligibility check. */
    eligibility: jsonb('eligibility'),
    reviewPanelId: uuid('review_panel_id').references(() => panel.id),
    approvedFen: fen('approved_fen'),
    approvalNote: text('approval_note'),
    approvedAt: ts('approved_at'),
    publishedAt: ts('published_at'),
    rejectReason: text('reject_reason'),
    procurementRoute: text('procurement_route'),
    procurementReason: text('procurement_reason'),
    implementerProviderId: uuid('implementer_provider_id').references(() => provider.id),
    selectionReason: text('selection_reason'),
    contractNo: text('contract_no'),
    contractFen: fen('contract_fen'),
    contractSignedOn: date('contract_signed_on', { mode: 'string' }),
    /** [{ name, quantity, unit }] */
    deliverables: jsonb('deliverables'),
    /** Percent of the contract amount paid in advance (policy `project.payment`, 30–70). */
    prepaymentPct: smallint('prepayment_pct'),
    endsOn: date('ends_on', { mode: 'string' }),
    acceptanceRound: smallint('acceptance_round').notNull().default(0),
    rectifyBy: date('rectify_by', { mode: 'string' }),
    deductionFen: fen('deduction_fen').notNull().default(0),
    terminationReason: text('termination_reason'),
    closedAt: ts('closed_at'),
    demo: boolean('demo').notNull().default(false),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('project_code_key').on(t.code),
    index('project_year_idx').on(t.year, t.id),
    index('project_county_idx').on(t.countyCode, t.status),
    index('project_updated_idx').on(t.updatedAt, t.id),
    index('project_applicant_employer_idx').on(t.applicantEmployerId),
    index('project_applicant_provider_idx').on(t.applicantProviderId),
    index('project_implementer_idx').on(t.implementerProviderId),
  ],
);

/** The whole-process timeline: one row per transition or recorded act, in the phase it belongs to. */
export const projectEvent = pgTable(
  'project_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id),
    at: ts('at').notNull().defaultNow(),
    phase: text('phase', { enum: ['before', 'during', 'after'] }).notNull(),
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    summary: text('summary').notNull(),
    actorName: text('actor_name').notNull(),
    data: jsonb('data'),
  },
  (t) => [index('project_event_project_idx').on(t.projectId, t.at)],
);

/**
 * A document of a project's file (application, contract, report, evidence, acceptance), versioned: a new upload of the
 * same kind and name is the next version, the earlier ones stay. The sha256 finds files reused across projects.
 */
export const projectDocument = pgTable(
  'project_document',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id),
    kind: text('kind', { enum: ['application', 'contract', 'report', 'evidence', 'acceptance', 'other'] }).notNull(),
    name: text('name').notNull(),
    version: smallint('version').notNull(),
    /** The progress report it belongs to, if any. */
    reportId: uuid('report_id'),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('project_document_version_key').on(t.projectId, t.kind, t.name, t.version),
    index('project_document_sha_idx').on(t.sha256),
  ],
);

/** A progress report of the implementer: the milestone, what was delivered so far against each target. */
export const projectReport = pgTable(
  'project_report',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id),
    milestoneKey: text('milestone_key'),
    summary: text('summary').notNull(),
    /** { target key: value delivered } */
    delivered: jsonb('delivered').notNull().default(sql`'{}'::jsonb`),
    /** A training session's date, venue and capacity, when the report carries an attendance list. */
    sessionOn: date('session_on', { mode: 'string' }),
    venue: text('venue'),
    venueCapacity: integer('venue_capacity'),
    submittedBy: uuid('submitted_by'),
    submittedByName: text('submitted_by_name').notNull(),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
  },
  (t) => [index('project_report_project_idx').on(t.projectId, t.submittedAt)],
);

/**
 * A trainee on a report's attendance list, matched against the insured roster: insured at the named employer on the
 * session date, or flagged with the reason. The ID number is kept only as its keyed hash and masked form.
 */
export const projectAttendance = pgTable(
  'project_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => projectReport.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id),
    name: text('name').notNull(),
    idHash: varchar('id_hash', { length: 64 }).notNull(),
    idMasked: varchar('id_masked', { length: 18 }).notNull(),
    employerUscc: varchar('employer_uscc', { length: 18 }).notNull(),
    employerId: uuid('employer_id').references(() => employer.id),
    sessionOn: date('session_on', { mode: 'string' }).notNull(),
    insured: boolean('insured').notNull(),
    flag: text('flag'),
  },
  (t) => [
    uniqueIndex('project_attendance_person_key').on(t.reportId, t.idHash),
    index('project_attendance_hash_idx').on(t.idHash, t.sessionOn),
    index('project_attendance_project_idx').on(t.projectId),
  ],
);

/** An interim check by the bureau (事中检查): what was found and what must follow. */
export const projectCheck = pgTable(
  'project_check',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id),
    checkedOn: date('checked_on', { mode: 'string' }).notNull(),
    result: text('result', { enum: ['ok', 'issues'] }).notNull(),
    findings: text('findings').notNull(),
    followUp: text('follow_up'),
    checkedBy: uuid('checked_by'),
    checkedByName: text('checked_by_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('project_check_project_idx').on(t.projectId, t.checkedOn)],
);

/** An acceptance round: the expert panel, delivered vs contracted per target, the score and the outcome. */
export const projectAcceptance = pgTable(
  'project_acceptance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id),
    round: smallint('round').notNull(),
    panelId: uuid('panel_id').references(() => panel.id),
    /** [{ key, label, unit, comparator, target, delivered, met }] */
    delivered: jsonb('delivered').notNull(),
    /** The panel's mean weighted score in hundredths of a point. */
    score: integer('score'),
    outcome: text('outcome', { enum: ['pending', 'passed', 'failed'] }).notNull(),
    note: text('note'),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by'),
  },
  (t) => [uniqueIndex('project_acceptance_round_key').on(t.projectId, t.round)],
);

/**
 * A suspicious pattern found by the fraud rules (same trainees in several projects in one period, attendance beyond
 * the venue's capacity, an evidence file reused), for the bureau to review: cleared, or confirmed as fraud (which
 * bars the organisation).
 */
export const projectFlag = pgTable(
  'project_flag',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id),
    rule: text('rule', { enum: ['shared_trainees', 'over_capacity', 'reused_evidence'] }).notNull(),
    /** What was found, in Chinese, and the records it points at. */
    detail: text('detail').notNull(),
    refs: jsonb('refs').notNull(),
    /** One flag per rule and finding: the rule and its subject (e.g. the other project, the file hash). */
    fingerprint: varchar('fingerprint', { length: 64 }).notNull(),
    status: text('status', { enum: ['open', 'cleared', 'confirmed'] }).notNull(),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: ts('reviewed_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(0),
  },
  (t) => [
    uniqueIndex('project_flag_fingerprint_key').on(t.projectId, t.rule, t.fingerprint),
    index('project_flag_status_idx').on(t.status, t.createdAt),
  ],
);

export type ProjectRow = typeof project.$inferSelect;
