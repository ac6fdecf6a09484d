import {
  PROJECT_ACTIONS,
  type ProjectAction,
  type ProjectPhase,
  type ProjectStatus,
  projectPhase,
  projectTransition,
} from '@yufang/contracts';
import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import { scopeFilter } from '../../core/authz/scope.js';
import type { Db, Tx } from '../../core/db/index.js';
import { AppError } from '../../core/http/errors.js';
import { type ProjectRow, project, projectEvent } from './project.schema.js';

/**
 * The shared core of the project services (application and review in project.service.ts, delivery in
 * delivery.service.ts): who sees a project, loading it in scope, and the one way a project changes status — through
 * the transition table, at the expected version, with its timeline event and audit row in the same transaction.
 */

export const PROJECT_NOT_FOUND = '项目不存在或不在您的管辖范围内';

/**
 * A project is visible to officers of its county (or above), to the applicant (employer, member unit or service
 * organisation) and to the implementing organisation.
 */
export function projectScope(actor: Actor): SQL {
  return or(
    scopeFilter(actor, {
      region: project.countyCode,
      unit: project.applicantUnitCode,
      employer: project.applicantEmployerId,
      provider: project.applicantProviderId,
    }),
    scopeFilter(actor, { provider: project.implementerProviderId }),
  ) as SQL;
}

export async function loadProject(db: Db | Tx, actor: Actor, id: string, lock = false): Promise<ProjectRow> {
  const query = db
    .select()
    .from(project)
    .where(and(eq(project.id, id), projectScope(actor)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw AppError.notFound(PROJECT_NOT_FOUND);
  return row;
}

export interface EventInput {
  kind: string;
  summary: string;
  data?: unknown;
  /** Defaults to the phase of the project's status. */
  phase?: ProjectPhase;
}

/** Adds a timeline event that is not a status change (a report, a check, a document, a flag). */
export async function addProjectEvent(tx: Tx, actor: Actor, row: ProjectRow, event: EventInput): Promise<void> {
  await tx.insert(projectEvent).values({
    projectId: row.id,
    phase: event.phase ?? projectPhase(row.status as ProjectStatus),
    kind: event.kind,
    summary: event.summary,
    actorName: actor.displayName,
    data: event.data ?? null,
  });
}

export interface MoveInput {
  /** The version the caller saw; a different current version is a 409. */
  version: number;
  /** Other columns to change with the status. */
  set?: Partial<typeof project.$inferInsert>;
  summary: string;
  data?: unknown;
}

/**
 * Moves a project (loaded with `lock`) by an action of the transition table: refused with the reason when the
 * action is not open from its status, 409 when stale. Writes the event (in the phase of the new status) and the audit
 * row `project.<action>`.
 */
export async function moveProject(
  tx: Tx,
  actor: Actor,
  row: ProjectRow,
  action: ProjectAction,
  input: MoveInput,
): Promise<ProjectRow> {
  const from = row.status as ProjectStatus;
  const move = projectTransition(from, action);
  if (!move.ok) throw AppError.validation('status', move.reason);
  if (row.version !== input.version) throw AppError.conflict('项目已被他人更新，请刷新后重试');
  const [updated] = await tx
    .update(project)
    .set({ ...input.set, status: move.to, version: sql`${project.version} + 1`, updatedAt: new Date() })
    .where(and(eq(project.id, row.id), eq(project.version, input.version)))
    .returning();
  if (!updated) throw AppError.conflict('项目已被他人更新，请刷新后重试');
  await tx.insert(projectEvent).values({
    projectId: row.id,
    phase: projectPhase(move.to),
    kind: action,
    fromStatus: from,
    toStatus: move.to,
    summary: input.summary,
    actorName: actor.displayName,
    data: input.data ?? null,
  });
  await recordAudit(tx, actor, {
    action: `project.${action}`,
    objectType: 'project',
    objectId: row.id,
    changes: {
      before: { status: from },
      after: { status: move.to, label: PROJECT_ACTIONS[action].label, ...(input.set ?? {}) },
    },
  });
  return updated;
}
