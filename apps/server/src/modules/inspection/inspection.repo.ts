import type { InspectionListQuery } from '@yufang/contracts';
import { and, asc, desc, eq, getTableColumns, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { scopeFilter } from '../../core/authz/scope.js';
import type { Db, Tx } from '../../core/db/index.js';
import { employer } from '../../core/db/schema.js';
import { likeFragment } from '../employer/employer.repo.js';
import { hazard } from '../hazard/hazard.schema.js';
import { inspectionFinding, inspectionPlan, inspectionTarget, inspectionUnit } from './inspection.schema.js';

export type PlanRow = typeof inspectionPlan.$inferSelect & { total: number; visited: number; findings: number };

/**
 * Plans in the caller's scope: a county officer's county (a city admin's city covers every plan), a unit officer's
 * plans that their unit leads or takes part in.
 */
export function planScopeFilter(actor: Actor): SQL {
  const parts: SQL[] = [scopeFilter(actor, { region: inspectionPlan.regionCode, unit: inspectionPlan.leadUnit })];
  if (actor.scope.units.size) {
    parts.push(
      sql`exists (select 1 from inspection_unit u where u.plan_id = "inspection_plan"."id" and u.unit_code in (${sql.join(
        [...actor.scope.units].map((c) => sql`${c}`),
        sql`, `,
      )}))`,
    );
  }
  return or(...parts) as SQL;
}

// raw, table-qualified SQL: inside a select list drizzle renders columns unqualified, and the subqueries would
// then compare their own columns
const planColumns = {
  ...getTableColumns(inspectionPlan),
  total: sql<number>`(select count(*)::int from inspection_target t where t.plan_id = "inspection_plan"."id")`,
  visited: sql<number>`(select count(*)::int from inspection_target t where t.plan_id = "inspection_plan"."id" and t.status = 'visited')`,
  findings: sql<number>`(select count(*)::int from inspection_finding f where f.plan_id = "inspection_plan"."id")`,
};

export async function listPlans(
  db: Db,
  actor: Actor,
  f: Omit<InspectionListQuery, 'limit' | 'cursor'>,
  regionCodes: string[] | null,
  after: [string, string] | null,
  take: number,
): Promise<PlanRow[]> {
  const conditions: SQL[] = [planScopeFilter(actor)];
  if (f.status) conditions.push(eq(inspectionPlan.status, f.status));
  if (regionCodes) conditions.push(inArray(inspectionPlan.regionCode, regionCodes));
  if (f.year) {
    conditions.push(
      sql`${inspectionPlan.startOn} >= ${`${f.year}-01-01`} and ${inspectionPlan.startOn} <= ${`${f.year}-12-31`}`,
    );
  }
  if (f.q) {
    const like = likeFragment(f.q);
    conditions.push(or(ilike(inspectionPlan.title, like), ilike(inspectionPlan.planNo, like)) as SQL);
  }
  if (after) {
    const [startOn, id] = after;
    conditions.push(
      or(
        lt(inspectionPlan.startOn, startOn),
        and(eq(inspectionPlan.startOn, startOn), lt(inspectionPlan.id, id)),
      ) as SQL,
    );
  }
  return db
    .select(planColumns)
    .from(inspectionPlan)
    .where(and(...conditions))
    .orderBy(desc(inspectionPlan.startOn), desc(inspectionPlan.id))
    .limit(take);
}

export async function findPlan(db: Db | Tx, actor: Actor, id: string): Promise<PlanRow | undefined> {
  const [row] = await db
    .select(planColumns)
    .from(inspectionPlan)
    .where(and(eq(inspectionPlan.id, id), planScopeFilter(actor)));
  return row;
}

export async function planUnits(db: Db | Tx, planIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (planIds.length === 0) return out;
  const rows = await db
    .select()
    .from(inspectionUnit)
    .where(inArray(inspectionUnit.planId, planIds))
    .orderBy(asc(inspectionUnit.unitCode));
  for (const r of rows) out.set(r.planId, [...(out.get(r.planId) ?? []), r.unitCode]);
  return out;
}

export async function planTargets(db: Db | Tx, planId: string) {
  return db
    .select({
      ...getTableColumns(inspectionTarget),
      employerName: employer.name,
      findings: sql<number>`(select count(*)::int from inspection_finding f where f.target_id = "inspection_target"."id")`,
    })
    .from(inspectionTarget)
    .innerJoin(employer, eq(employer.id, inspectionTarget.employerId))
    .where(eq(inspectionTarget.planId, planId))
    .orderBy(asc(inspectionTarget.countyCode), asc(employer.name));
}
export type TargetRow = Awaited<ReturnType<typeof planTargets>>[number];

export async function planFindings(db: Db | Tx, planId: string) {
  return db
    .select({
      ...getTableColumns(inspectionFinding),
      employerId: inspectionTarget.employerId,
      employerName: employer.name,
      hazardNo: hazard.hazardNo,
      hazardLevel: hazard.level,
      hazardStatus: hazard.status,
      description: hazard.description,
      deadline: hazard.deadline,
    })
    .from(inspectionFinding)
    .innerJoin(inspectionTarget, eq(inspectionTarget.id, inspectionFinding.targetId))
    .innerJoin(employer, eq(employer.id, inspectionTarget.employerId))
    .innerJoin(hazard, eq(hazard.id, inspectionFinding.hazardId))
    .where(eq(inspectionFinding.planId, planId))
    .orderBy(asc(inspectionFinding.at), asc(inspectionFinding.id));
}
export type FindingRow = Awaited<ReturnType<typeof planFindings>>[number];

/** The next plan number of the year: JC + yyyy + 4-digit sequence. */
export async function nextPlanNo(tx: Tx, year: string): Promise<string> {
  const prefix = `JC${year}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${prefix}))`);
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(inspectionPlan)
    .where(sql`${inspectionPlan.planNo} like ${`${prefix}%`}`);
  return `${prefix}${String((row?.n ?? 0) + 1).padStart(4, '0')}`;
}
