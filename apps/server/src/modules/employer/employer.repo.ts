import type { EmployerFilter } from '@yufang/contracts';
import { and, asc, desc, eq, gt, gte, ilike, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { scopeFilter } from '../../core/authz/scope.js';
import type { Db } from '../../core/db/index.js';
import { employer, importJob } from '../../core/db/schema.js';
import { employerHeadcount, employerHistory } from './employer.schema.js';

export type EmployerRow = typeof employer.$inferSelect;
export type EmployerHistoryRow = typeof employerHistory.$inferSelect;

/** Employers in the caller's scope: by county, or the employer itself for an employer account. */
export function employerScopeFilter(actor: Actor): SQL {
  return scopeFilter(actor, { region: employer.countyCode, employer: employer.id });
}

/** A fragment for ILIKE with its wildcards escaped. */
export function likeFragment(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

function filterConditions(actor: Actor, f: EmployerFilter): SQL[] {
  const conditions: SQL[] = [employerScopeFilter(actor)];
  if (f.q) {
    // served by the trigram GIN indexes on name and uscc (migration 0003); USCCs are stored upper-case
    const like = likeFragment(f.q);
    conditions.push(or(ilike(employer.name, like), ilike(employer.uscc, like)) as SQL);
  }
  if (f.countyCode) conditions.push(eq(employer.countyCode, f.countyCode));
  if (f.industryCode) conditions.push(eq(employer.industryCode, f.industryCode));
  if (f.riskClass !== undefined) conditions.push(eq(employer.riskClass, f.riskClass));
  if (f.keyIndustry !== undefined) conditions.push(eq(employer.keyIndustry, f.keyIndustry));
  if (f.dustHazard !== undefined) conditions.push(eq(employer.dustHazard, f.dustHazard));
  if (f.insuranceStatus) conditions.push(eq(employer.insuranceStatus, f.insuranceStatus));
  return conditions;
}

/**
 * One keyset page of employers ordered by name, then id. PostgreSQL (and PGlite, which has no zh ICU collation)
 * compares Chinese names by code point, not by pinyin: the order is stable and total, which is what keyset paging
 * needs, even if it is not dictionary order.
 */
export async function listEmployers(
  db: Db,
  actor: Actor,
  f: EmployerFilter,
  after: [string, string] | null,
  take: number,
): Promise<EmployerRow[]> {
  const conditions = filterConditions(actor, f);
  if (after) {
    const [name, id] = after;
    conditions.push(or(gt(employer.name, name), and(eq(employer.name, name), gt(employer.id, id))) as SQL);
  }
  return db
    .select()
    .from(employer)
    .where(and(...conditions))
    .orderBy(asc(employer.name), asc(employer.id))
    .limit(take);
}

export async function findEmployer(db: Db, actor: Actor, id: string): Promise<EmployerRow | undefined> {
  const [row] = await db
    .select()
    .from(employer)
    .where(and(eq(employer.id, id), employerScopeFilter(actor)));
  return row;
}

/** Newest first, keyset on the id. */
export async function listHistory(db: Db, employerId: string, before: number | null, take: number) {
  const conditions: SQL[] = [eq(employerHistory.employerId, employerId)];
  if (before !== null) conditions.push(lt(employerHistory.id, before));
  return db
    .select()
    .from(employerHistory)
    .where(and(...conditions))
    .orderBy(desc(employerHistory.id))
    .limit(take);
}

/**
 * The employer import that created this employer, as a history entry (id 0, oldest): an import commits its new
 * employers and marks the job committed in one transaction, so job.finished_at = employer.created_at = now().
 */
export async function importThatCreated(db: Db, employerId: string): Promise<EmployerHistoryRow | null> {
  const [job] = await db
    .select({ id: importJob.id, at: importJob.finishedAt, userId: importJob.userId, username: importJob.username })
    .from(importJob)
    .where(
      and(
        eq(importJob.kind, 'employer'),
        eq(importJob.status, 'committed'),
        eq(importJob.finishedAt, sql`(select created_at from employer where id = ${employerId})`),
      ),
    )
    .limit(1);
  if (!job?.at) return null;
  return {
    id: 0,
    employerId,
    at: job.at,
    userId: job.userId,
    username: job.username,
    source: 'import',
    changes: { importId: job.id, action: 'create' },
  };
}

/** The monthly series between two first-of-month dates (inclusive), oldest first. */
export async function listHeadcounts(db: Db, employerId: string, from: string | null, to: string | null) {
  const conditions: SQL[] = [eq(employerHeadcount.employerId, employerId)];
  if (from) conditions.push(gte(employerHeadcount.month, from));
  if (to) conditions.push(lte(employerHeadcount.month, to));
  return db
    .select({
      month: employerHeadcount.month,
      insuredCount: employerHeadcount.insuredCount,
      payrollFen: employerHeadcount.payrollFen,
    })
    .from(employerHeadcount)
    .where(and(...conditions))
    .orderBy(asc(employerHeadcount.month));
}
