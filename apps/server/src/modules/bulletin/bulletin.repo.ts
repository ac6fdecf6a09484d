import { type BulletinStatus, type BulletinTargeting, type Permission, ROLES } from '@yufang/contracts';
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { scopeFilter } from '../../core/authz/scope.js';
import type { Db, Tx } from '../../core/db/index.js';
import { appUser, employer, userRole, userScope } from '../../core/db/schema.js';
import { bulletin, bulletinAck } from './bulletin.schema.js';

export type BulletinRow = typeof bulletin.$inferSelect;

const ackInScope = (actor: Actor) =>
  scopeFilter(actor, { region: bulletinAck.countyCode, employer: bulletinAck.employerId });

/**
 * Bulletins the caller may see: those drafted from a case in their counties, and published ones pushed to an
 * employer in their scope (so a county sees a city bulletin that targets it, and an employer sees its own).
 */
export function visibleBulletins(actor: Actor): SQL {
  const targeted = sql`exists (select 1 from ${bulletinAck} where ${bulletinAck.bulletinId} = ${bulletin.id} and ${ackInScope(actor)})`;
  return or(
    scopeFilter(actor, { region: bulletin.countyCode }),
    and(eq(bulletin.status, 'published'), targeted),
  ) as SQL;
}

export async function findBulletin(db: Db, actor: Actor, id: string): Promise<BulletinRow | undefined> {
  const [row] = await db
    .select()
    .from(bulletin)
    .where(and(eq(bulletin.id, id), visibleBulletins(actor)));
  return row;
}

/** Most recently changed first, keyset on (updated_at, id). */
export async function listBulletins(
  db: Db,
  actor: Actor,
  status: BulletinStatus | undefined,
  after: [string, string] | null,
  take: number,
): Promise<BulletinRow[]> {
  const conditions: SQL[] = [visibleBulletins(actor)];
  if (status) conditions.push(eq(bulletin.status, status));
  if (after)
    conditions.push(sql`(${bulletin.updatedAt}, ${bulletin.id}::text) < (${after[0]}::timestamptz, ${after[1]})`);
  return db
    .select()
    .from(bulletin)
    .where(and(...conditions))
    .orderBy(desc(bulletin.updatedAt), desc(sql`${bulletin.id}::text`))
    .limit(take);
}

/** Published bulletins for the public page, newest publication first, keyset on (published_at, id). */
export async function listPublished(db: Db, after: [string, string] | null, take: number): Promise<BulletinRow[]> {
  const conditions: SQL[] = [eq(bulletin.status, 'published')];
  if (after) {
    conditions.push(sql`(${bulletin.publishedAt}, ${bulletin.id}::text) < (${after[0]}::timestamptz, ${after[1]})`);
  }
  return db
    .select()
    .from(bulletin)
    .where(and(...conditions))
    .orderBy(desc(bulletin.publishedAt), desc(sql`${bulletin.id}::text`))
    .limit(take);
}

export async function findPublished(db: Db, id: string): Promise<BulletinRow | undefined> {
  const [row] = await db
    .select()
    .from(bulletin)
    .where(and(eq(bulletin.id, id), eq(bulletin.status, 'published')));
  return row;
}

/** Updates a bulletin if its version is still `version`; returns the new row, or undefined on a stale version. */
export async function updateBulletin(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<typeof bulletin.$inferInsert>,
): Promise<BulletinRow | undefined> {
  const [row] = await tx
    .update(bulletin)
    .set({ ...values, version: sql`${bulletin.version} + 1`, updatedAt: new Date() })
    .where(and(eq(bulletin.id, id), eq(bulletin.version, version)))
    .returning();
  return row;
}

/** Employers the targeting selects, within the publisher's scope. */
function targetedEmployers(actor: Actor, t: BulletinTargeting): SQL {
  const conditions: SQL[] = [scopeFilter(actor, { region: employer.countyCode, employer: employer.id })];
  if (t.countyCodes.length) conditions.push(inArray(employer.countyCode, t.countyCodes));
  if (t.industryCodes.length) conditions.push(inArray(employer.industryCode, t.industryCodes));
  if (t.riskClasses.length) conditions.push(inArray(employer.riskClass, t.riskClasses));
  if (t.keyIndustryOnly) conditions.push(eq(employer.keyIndustry, true));
  return and(...conditions) as SQL;
}

/** One acknowledgement row per targeted employer (insert … select: a city-wide push is one statement). */
export async function createAcks(tx: Tx, actor: Actor, bulletinId: string, t: BulletinTargeting): Promise<number> {
  const rows = await tx
    .insert(bulletinAck)
    .select(
      tx
        .select({
          bulletinId: sql<string>`${bulletinId}::uuid`.as('bulletin_id'),
          employerId: employer.id,
          countyCode: employer.countyCode,
          acknowledgedAt: sql<Date | null>`null::timestamptz`.as('acknowledged_at'),
          safetyHeadName: sql<string | null>`null::text`.as('safety_head_name'),
          acknowledgedBy: sql<string | null>`null::uuid`.as('acknowledged_by'),
        })
        .from(employer)
        .where(targetedEmployers(actor, t)),
    )
    .onConflictDoNothing()
    .returning({ employerId: bulletinAck.employerId });
  return rows.length;
}

/** Targeted and acknowledged employers per county, within the caller's scope. */
export async function ackCounts(db: Db, actor: Actor, bulletinId: string) {
  return db
    .select({
      countyCode: bulletinAck.countyCode,
      total: sql<number>`count(*)::int`,
      acknowledged: sql<number>`count(${bulletinAck.acknowledgedAt})::int`,
    })
    .from(bulletinAck)
    .where(and(eq(bulletinAck.bulletinId, bulletinId), ackInScope(actor)))
    .groupBy(bulletinAck.countyCode)
    .orderBy(asc(bulletinAck.countyCode));
}

/** The same counts for a page of bulletins at once (the list). */
export async function ackCountsOf(db: Db, actor: Actor, ids: string[]) {
  if (ids.length === 0) return new Map<string, { total: number; acknowledged: number }>();
  const rows = await db
    .select({
      bulletinId: bulletinAck.bulletinId,
      total: sql<number>`count(*)::int`,
      acknowledged: sql<number>`count(${bulletinAck.acknowledgedAt})::int`,
    })
    .from(bulletinAck)
    .where(and(inArray(bulletinAck.bulletinId, ids), ackInScope(actor)))
    .groupBy(bulletinAck.bulletinId);
  return new Map(rows.map((r) => [r.bulletinId, { total: r.total, acknowledged: r.acknowledged }]));
}

/** The caller's own employers' acknowledgement rows of these bulletins (employer accounts). */
export async function ownAcks(db: Db, actor: Actor, ids: string[]) {
  const employers = [...actor.scope.employers];
  if (ids.length === 0 || employers.length === 0) return new Map<string, typeof bulletinAck.$inferSelect>();
  const rows = await db
    .select()
    .from(bulletinAck)
    .where(and(inArray(bulletinAck.bulletinId, ids), inArray(bulletinAck.employerId, employers)));
  return new Map(rows.map((r) => [r.bulletinId, r]));
}

/** Employers not yet acknowledged, by name then id, within the caller's scope. */
export async function listPending(
  db: Db,
  actor: Actor,
  bulletinId: string,
  after: [string, string] | null,
  take: number,
) {
  const conditions: SQL[] = [
    eq(bulletinAck.bulletinId, bulletinId),
    isNull(bulletinAck.acknowledgedAt),
    ackInScope(actor),
  ];
  if (after) conditions.push(sql`(${employer.name}, ${employer.id}::text) > (${after[0]}, ${after[1]})`);
  return db
    .select({
      employerId: employer.id,
      employerName: employer.name,
      countyCode: employer.countyCode,
      industryCode: employer.industryCode,
    })
    .from(bulletinAck)
    .innerJoin(employer, eq(employer.id, bulletinAck.employerId))
    .where(and(...conditions))
    .orderBy(asc(employer.name), asc(sql`${employer.id}::text`))
    .limit(take);
}

/** Marks the caller's employers' rows acknowledged; returns the rows changed (none if already done). */
export async function acknowledge(tx: Tx, actor: Actor, bulletinId: string, safetyHeadName: string) {
  return tx
    .update(bulletinAck)
    .set({ acknowledgedAt: new Date(), safetyHeadName, acknowledgedBy: actor.userId })
    .where(
      and(
        eq(bulletinAck.bulletinId, bulletinId),
        inArray(bulletinAck.employerId, [...actor.scope.employers]),
        isNull(bulletinAck.acknowledgedAt),
      ),
    )
    .returning({ employerId: bulletinAck.employerId });
}

const rolesWith = (permission: Permission) =>
  ROLES.filter((r) => (r.permissions as readonly Permission[]).includes(permission)).map((r) => r.code);

/** Active users holding `permission` whose region scope covers the county (the county itself or a region above). */
export async function usersCovering(tx: Tx, permission: Permission, regionChain: string[]): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ id: appUser.id })
    .from(appUser)
    .innerJoin(userRole, eq(userRole.userId, appUser.id))
    .innerJoin(userScope, eq(userScope.userId, appUser.id))
    .where(
      and(
        eq(appUser.disabled, false),
        inArray(userRole.roleCode, rolesWith(permission)),
        eq(userScope.kind, 'region'),
        inArray(userScope.code, regionChain),
      ),
    );
  return rows.map((r) => r.id);
}

/** Active accounts of the employers a bulletin was pushed to. */
export async function usersOfTargets(tx: Tx, bulletinId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ id: appUser.id })
    .from(appUser)
    .innerJoin(userScope, and(eq(userScope.userId, appUser.id), eq(userScope.kind, 'employer')))
    .innerJoin(bulletinAck, sql`${bulletinAck.employerId}::text = ${userScope.code}`)
    .where(and(eq(bulletinAck.bulletinId, bulletinId), eq(appUser.disabled, false)));
  return rows.map((r) => r.id);
}
