import {
  APPLICANT_KINDS,
  PROCUREMENT_ROUTES,
  PROJECT_ACTIONS,
  PROJECT_STATUS_LABELS,
  type ProjectListItem,
  type ProjectStatus,
  type ProjectView,
  projectActionsFrom,
} from '@yufang/contracts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Core } from '../../core/context.js';
import type { Db, Tx } from '../../core/db/index.js';
import { beijingDate } from '../hazard/hazard.rules.js';
import { divergence, meanTotal } from '../panel/panel.rules.js';
import { panel, panelMember } from '../panel/panel.schema.js';
import { provider } from '../provider/provider.schema.js';
import { projectTypesPolicy } from './project.policy.js';
import { type ProjectRow, project, projectCall, projectDocument } from './project.schema.js';

/** Builds the views of projects (shared by the application, review and contract services). */

type Q = Db | Tx;

export interface ProjectContext {
  core: Core;
  clock: () => Date;
  today(): string;
}

export function projectContext(core: Core, clock: () => Date = () => new Date()): ProjectContext {
  return { core, clock, today: () => beijingDate(clock()) };
}

export async function typeLabels(ctx: ProjectContext, db: Q = ctx.core.db): Promise<Map<string, string>> {
  const types = await projectTypesPolicy(db, ctx.core.regions, '350400', ctx.today());
  return new Map(types.map((t) => [t.code, t.label]));
}

export const nextActions = (status: ProjectStatus) =>
  projectActionsFrom(status).map((action) => ({ action, label: PROJECT_ACTIONS[action].label }));

/** The review panel's summary (members, scores, mean, divergence, conclusion) of each panel id. */
export async function reviewSummaries(db: Q, panelIds: readonly string[], divergencePoints = 15) {
  const out = new Map<string, NonNullable<ProjectView['review']>>();
  if (!panelIds.length) return out;
  const panels = await db
    .select()
    .from(panel)
    .where(inArray(panel.id, [...panelIds]));
  const members = await db
    .select({ panelId: panelMember.panelId, id: panelMember.id, status: panelMember.status, total: panelMember.total })
    .from(panelMember)
    .where(inArray(panelMember.panelId, [...panelIds]));
  for (const p of panels) {
    const own = members.filter((m) => m.panelId === p.id && m.status !== 'declined');
    const scored = own.filter((m) => m.status === 'scored' && m.total !== null);
    const div = divergence(
      scored.map((m) => ({ id: m.id, total: m.total as number })),
      divergencePoints,
    );
    out.set(p.id, {
      panelId: p.id,
      status: p.status,
      members: own.length,
      scored: scored.length,
      meanScore: scored.length ? meanTotal(scored.map((m) => m.total as number)) : null,
      conclusionScore: p.conclusionScore,
      conclusion: p.conclusion,
      divergent: div.flagged,
      passMark: p.passMark,
    });
  }
  return out;
}

async function implementerNames(db: Q, rows: readonly ProjectRow[]) {
  const ids = [...new Set(rows.flatMap((r) => (r.implementerProviderId ? [r.implementerProviderId] : [])))];
  if (!ids.length) return new Map<string, string>();
  const found = await db
    .select({ id: provider.id, name: provider.name })
    .from(provider)
    .where(inArray(provider.id, ids));
  return new Map(found.map((p) => [p.id, p.name]));
}

function listItem(ctx: ProjectContext, r: ProjectRow, types: Map<string, string>, names: Map<string, string>) {
  const status = r.status as ProjectStatus;
  return {
    id: r.id,
    code: r.code,
    year: r.year,
    countyName: ctx.core.regions.name(r.countyCode),
    applicantKindLabel: APPLICANT_KINDS[r.applicantKind],
    applicantName: r.applicantName,
    title: r.title,
    type: r.type,
    typeLabel: types.get(r.type) ?? r.type,
    requestedFen: r.requestedFen,
    approvedFen: r.approvedFen,
    contractFen: r.contractFen,
    status,
    statusLabel: PROJECT_STATUS_LABELS[status],
    nextActions: nextActions(status),
    implementerName: r.implementerProviderId ? (names.get(r.implementerProviderId) ?? null) : null,
    version: r.version,
  } satisfies ProjectListItem;
}

export async function listItems(ctx: ProjectContext, rows: ProjectRow[]): Promise<Map<string, ProjectListItem>> {
  const [types, names] = await Promise.all([typeLabels(ctx), implementerNames(ctx.core.db, rows)]);
  return new Map(rows.map((r) => [r.id, listItem(ctx, r, types, names)]));
}

export async function projectView(ctx: ProjectContext, db: Q, r: ProjectRow): Promise<ProjectView> {
  const [types, names] = await Promise.all([typeLabels(ctx, db), implementerNames(db, [r])]);
  const [call] = await db.select({ title: projectCall.title }).from(projectCall).where(eq(projectCall.id, r.callId));
  const reviews = await reviewSummaries(db, r.reviewPanelId ? [r.reviewPanelId] : []);
  const documents = await db
    .select()
    .from(projectDocument)
    .where(and(eq(projectDocument.projectId, r.id), eq(projectDocument.kind, 'application')))
    .orderBy(asc(projectDocument.name), asc(projectDocument.version));
  const base = listItem(ctx, r, types, names);
  return {
    ...base,
    callId: r.callId,
    callTitle: call?.title ?? '',
    countyCode: r.countyCode,
    applicantKind: r.applicantKind,
    content: r.content,
    targetGroups: r.targetGroups as ProjectView['targetGroups'],
    schedule: r.schedule as ProjectView['schedule'],
    budgetLines: r.budgetLines as ProjectView['budgetLines'],
    targets: r.targets as ProjectView['targets'],
    submittedAt: r.submittedAt?.toISOString() ?? null,
    eligibility: (r.eligibility as ProjectView['eligibility']) ?? null,
    review: r.reviewPanelId ? (reviews.get(r.reviewPanelId) ?? null) : null,
    approvalNote: r.approvalNote,
    approvedAt: r.approvedAt?.toISOString() ?? null,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    rejectReason: r.rejectReason,
    procurementRoute: r.procurementRoute,
    procurementRouteLabel: r.procurementRoute
      ? (PROCUREMENT_ROUTES[r.procurementRoute as keyof typeof PROCUREMENT_ROUTES] ?? r.procurementRoute)
      : null,
    procurementReason: r.procurementReason,
    implementerProviderId: r.implementerProviderId,
    selectionReason: r.selectionReason,
    contractNo: r.contractNo,
    contractSignedOn: r.contractSignedOn,
    endsOn: r.endsOn,
    deliverables: (r.deliverables as ProjectView['deliverables']) ?? null,
    prepaymentPct: r.prepaymentPct,
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      name: d.name,
      version: d.version,
      size: d.size,
      uploadedByName: d.uploadedByName,
      uploadedAt: d.uploadedAt.toISOString(),
    })),
    demo: r.demo,
  };
}

/** Counts applications per call. */
export async function applicationCounts(db: Q, callIds: readonly string[]) {
  if (!callIds.length) return new Map<string, number>();
  const rows = await db
    .select({ callId: project.callId, n: sql<number>`count(*)::int` })
    .from(project)
    .where(and(inArray(project.callId, [...callIds]), sql`${project.status} <> 'draft'`))
    .groupBy(project.callId);
  return new Map(rows.map((r) => [r.callId, r.n]));
}
