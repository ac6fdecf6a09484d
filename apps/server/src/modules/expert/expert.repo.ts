import type { ExpertFilter } from '@yufang/contracts';
import { ROLES } from '@yufang/contracts';
import { and, arrayContains, asc, desc, eq, gt, ilike, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../core/db/index.js';
import { appUser, employer, userRole } from '../../core/db/schema.js';
import { panel, panelMember } from '../panel/panel.schema.js';
import { provider } from '../provider/provider.schema.js';
import {
  expert,
  expertDiscipline,
  expertDocument,
  expertEvent,
  expertQualification,
  expertRelation,
  expertUnavailability,
} from './expert.schema.js';

type Q = Db | Tx;

/** The latest suspension end still in force on `today` (null: not suspended). */
// written out with table names: drizzle leaves columns of a one-table select unqualified
const suspendedUntil = (today: string) =>
  sql<string | null>`(select max(d.suspended_until)::text from expert_discipline d
    where d.expert_id = "expert"."id" and d.kind = 'suspension' and d.suspended_until >= ${today})`;

export function expertColumns(today: string) {
  return {
    id: expert.id,
    name: expert.name,
    idMasked: expert.idMasked,
    phoneMasked: expert.phoneMasked,
    workUnit: expert.workUnit,
    workUnitUscc: expert.workUnitUscc,
    employerId: expert.employerId,
    title: expert.title,
    domains: expert.domains,
    groupName: expert.groupName,
    countyCode: expert.countyCode,
    status: expert.status,
    termStart: expert.termStart,
    termEnd: expert.termEnd,
    shareConsent: expert.shareConsent,
    sourceCity: expert.sourceCity,
    userId: expert.userId,
    version: expert.version,
    suspendedUntil: suspendedUntil(today),
  };
}
export type ExpertRow = {
  id: string;
  name: string;
  idMasked: string;
  phoneMasked: string;
  workUnit: string;
  workUnitUscc: string | null;
  employerId: string | null;
  title: string;
  domains: string[];
  groupName: string | null;
  countyCode: string;
  status: 'applied' | 'reviewing' | 'appointed' | 'rejected' | 'dismissed';
  termStart: string | null;
  termEnd: string | null;
  shareConsent: boolean;
  sourceCity: string | null;
  userId: string | null;
  version: number;
  suspendedUntil: string | null;
};

function filterConditions(filter: ExpertFilter): SQL[] {
  const c: SQL[] = [];
  if (filter.status) c.push(eq(expert.status, filter.status));
  if (filter.domain) c.push(arrayContains(expert.domains, [filter.domain]));
  if (filter.countyCode) c.push(eq(expert.countyCode, filter.countyCode));
  if (filter.group) c.push(eq(expert.groupName, filter.group));
  if (filter.termEndBefore) c.push(lte(expert.termEnd, filter.termEndBefore));
  if (filter.consented !== undefined) c.push(eq(expert.shareConsent, filter.consented));
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    c.push(or(ilike(expert.name, like), ilike(expert.workUnit, like)) as SQL);
  }
  return c;
}

/** One page of the pool in (name, id) order after the cursor; `limit` rows at most. */
export async function listExperts(
  db: Q,
  filter: ExpertFilter,
  today: string,
  after: [string, string] | null,
  limit: number,
): Promise<ExpertRow[]> {
  const c = filterConditions(filter);
  if (after) c.push(sql`(${expert.name}, ${expert.id}) > (${after[0]}, ${after[1]}::uuid)`);
  return (await db
    .select(expertColumns(today))
    .from(expert)
    .where(and(...c))
    .orderBy(asc(expert.name), asc(expert.id))
    .limit(limit)) as ExpertRow[];
}

export async function findExpert(db: Q, id: string, today: string): Promise<ExpertRow | null> {
  const [row] = await db.select(expertColumns(today)).from(expert).where(eq(expert.id, id));
  return (row as ExpertRow | undefined) ?? null;
}

export async function findExpertByUser(db: Q, userId: string, today: string): Promise<ExpertRow | null> {
  const [row] = await db.select(expertColumns(today)).from(expert).where(eq(expert.userId, userId));
  return (row as ExpertRow | undefined) ?? null;
}

/** Everything of one expert's file that the profile page shows. */
export async function expertDossier(db: Q, id: string) {
  const [relations, qualifications, documents, discipline, unavailability, events, assignments] = await Promise.all([
    db.select().from(expertRelation).where(eq(expertRelation.expertId, id)).orderBy(desc(expertRelation.declaredOn)),
    db
      .select()
      .from(expertQualification)
      .where(eq(expertQualification.expertId, id))
      .orderBy(asc(expertQualification.createdAt)),
    db.select().from(expertDocument).where(eq(expertDocument.expertId, id)).orderBy(asc(expertDocument.uploadedAt)),
    db
      .select()
      .from(expertDiscipline)
      .where(eq(expertDiscipline.expertId, id))
      .orderBy(desc(expertDiscipline.recordedOn)),
    db
      .select()
      .from(expertUnavailability)
      .where(eq(expertUnavailability.expertId, id))
      .orderBy(desc(expertUnavailability.fromDate)),
    db.select().from(expertEvent).where(eq(expertEvent.expertId, id)).orderBy(asc(expertEvent.at), asc(expertEvent.id)),
    db
      .select({
        panelId: panel.id,
        subject: panel.subject,
        purpose: panel.purpose,
        drawnOn: panel.drawnOn,
        domain: panelMember.domain,
        status: panelMember.status,
        total: panelMember.total,
      })
      .from(panelMember)
      .innerJoin(panel, eq(panel.id, panelMember.panelId))
      .where(eq(panelMember.expertId, id))
      .orderBy(desc(panel.drawnAt)),
  ]);
  return { relations, qualifications, documents, discipline, unavailability, events, assignments };
}

/** The result of the latest assessment since the term started (null: none yet). */
export async function latestAssessment(db: Q, id: string, termStart: string | null) {
  if (!termStart) return null;
  const [row] = await db
    .select({ detail: expertEvent.detail })
    .from(expertEvent)
    .where(
      and(
        eq(expertEvent.expertId, id),
        eq(expertEvent.kind, 'assess'),
        sql`${expertEvent.detail}->>'termStart' = ${termStart}`,
      ),
    )
    .orderBy(desc(expertEvent.at), desc(expertEvent.id))
    .limit(1);
  const result = (row?.detail as { result?: string } | undefined)?.result;
  return result === 'excellent' || result === 'pass' || result === 'fail' ? result : null;
}

/** An employer and a provider of the registries with this USCC (for linking a work unit or a relation). */
export async function partiesByUscc(db: Q, uscc: string | null) {
  if (!uscc) return { employerId: null, providerId: null };
  const [[e], [p]] = await Promise.all([
    db.select({ id: employer.id }).from(employer).where(eq(employer.uscc, uscc)).limit(1),
    db.select({ id: provider.id }).from(provider).where(eq(provider.uscc, uscc)).limit(1),
  ]);
  return { employerId: e?.id ?? null, providerId: p?.id ?? null };
}

/** The active users whose roles carry a permission (the bureau for expert.manage). */
export async function usersWithPermission(tx: Q, permission: string): Promise<string[]> {
  const roles = ROLES.filter((r) => (r.permissions as readonly string[]).includes(permission)).map((r) => r.code);
  if (roles.length === 0) return [];
  const rows = await tx
    .selectDistinct({ id: appUser.id })
    .from(userRole)
    .innerJoin(appUser, eq(appUser.id, userRole.userId))
    .where(and(inArray(userRole.roleCode, roles), eq(appUser.disabled, false)));
  return rows.map((r) => r.id);
}

/** Appointed experts whose term ends on one of the dates (the reminder job). */
export function expertsEndingOn(db: Q, dates: string[]) {
  if (dates.length === 0) return Promise.resolve([]);
  return db
    .select({ id: expert.id, name: expert.name, termEnd: expert.termEnd, userId: expert.userId })
    .from(expert)
    .where(and(eq(expert.status, 'appointed'), inArray(expert.termEnd, dates)));
}

/** Distinct professional groups in use (for the filter). */
export async function groupsInUse(db: Q): Promise<string[]> {
  const rows = await db
    .selectDistinct({ g: expert.groupName })
    .from(expert)
    .where(gt(sql`length(coalesce(${expert.groupName}, ''))`, 0))
    .orderBy(asc(expert.groupName));
  return rows.map((r) => r.g as string);
}
