import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { region } from '../../core/db/schema.js';
import { project } from '../project/project.schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const fen = (name: string) => bigint(name, { mode: 'number' });

/**
 * A year of the work-injury fund (工伤保险基金) of a pooling region: contribution income (征缴收入) and spending, in fen,
 * entered or imported by the social-insurance agency. The prevention-fee cap of the following year is computed from it.
 */
export const fundYear = pgTable(
  'fund_year',
  {
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => region.code),
    year: smallint('year').notNull(),
    contributionIncomeFen: fen('contribution_income_fen').notNull(),
    spendingFen: fen('spending_fen').notNull(),
    source: text('source', { enum: ['manual', 'import'] }).notNull(),
    note: text('note'),
    enteredBy: uuid('entered_by'),
    enteredByName: text('entered_by_name').notNull(),
    enteredAt: ts('entered_at').notNull().defaultNow(),
    demo: boolean('demo').notNull().default(false),
    version: integer('version').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.year] }),
    check('fund_year_amounts_check', sql`${t.contributionIncomeFen} >= 0 and ${t.spendingFen} >= 0`),
  ],
);

/**
 * The prevention-fee budget line of a year: the cap (from last year's fund and the policy in force), the budget set
 * within it, and the running amounts. `earmarked` is what approved projects hold before their contract, `committed`
 * what contracts hold (net of deductions), `paid` what has been posted. The checks make the database itself refuse
 * to commit more than the budget or pay more than is committed, whatever the order of concurrent requests.
 */
export const preventionBudget = pgTable(
  'prevention_budget',
  {
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => region.code),
    year: smallint('year').notNull(),
    /** The cap's basis: last year's figures and the rate applied, in basis points (300 = 3%). */
    baseIncomeFen: fen('base_income_fen').notNull(),
    baseSpendingFen: fen('base_spending_fen').notNull(),
    deficit: boolean('deficit').notNull(),
    capRateBp: integer('cap_rate_bp').notNull(),
    capFen: fen('cap_fen').notNull(),
    capBasis: text('cap_basis').notNull(),
    budgetFen: fen('budget_fen').notNull(),
    earmarkedFen: fen('earmarked_fen').notNull().default(0),
    committedFen: fen('committed_fen').notNull().default(0),
    paidFen: fen('paid_fen').notNull().default(0),
    setBy: uuid('set_by'),
    setByName: text('set_by_name').notNull(),
    setAt: ts('set_at').notNull().defaultNow(),
    demo: boolean('demo').notNull().default(false),
    version: integer('version').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.year] }),
    check('prevention_budget_cap_check', sql`${t.budgetFen} >= 0 and ${t.budgetFen} <= ${t.capFen}`),
    check(
      'prevention_budget_commit_check',
      sql`${t.earmarkedFen} >= 0 and ${t.committedFen} >= 0 and ${t.earmarkedFen} + ${t.committedFen} <= ${t.budgetFen}`,
    ),
    check('prevention_budget_paid_check', sql`${t.paidFen} >= 0 and ${t.paidFen} <= ${t.committedFen}`),
  ],
);

/**
 * The payment ledger: each payment of a project (prepayment, balance) posted once — the idempotency key is unique and
 * a project has at most one payment of each kind — then the agency records the actual transfer (voucher, date).
 */
export const fundPayment = pgTable(
  'fund_payment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => region.code),
    year: smallint('year').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id),
    kind: text('kind', { enum: ['prepayment', 'balance', 'recovery'] }).notNull(),
    amountFen: fen('amount_fen').notNull(),
    /** How the amount was computed from the contract, the schedule and the outcome, in Chinese. */
    basis: text('basis').notNull(),
    idempotencyKey: varchar('idempotency_key', { length: 100 }).notNull(),
    postedAt: ts('posted_at').notNull().defaultNow(),
    postedBy: uuid('posted_by'),
    postedByName: text('posted_by_name').notNull(),
    voucherNo: text('voucher_no'),
    transferredOn: date('transferred_on', { mode: 'string' }),
    transferRecordedBy: uuid('transfer_recorded_by'),
    demo: boolean('demo').notNull().default(false),
    version: integer('version').notNull().default(0),
  },
  (t) => [
    uniqueIndex('fund_payment_idempotency_key').on(t.idempotencyKey),
    uniqueIndex('fund_payment_project_kind_key').on(t.projectId, t.kind),
    index('fund_payment_posted_idx').on(t.postedAt, t.id),
    index('fund_payment_year_idx').on(t.regionCode, t.year),
    check('fund_payment_amount_check', sql`${t.amountFen} > 0`),
  ],
);
