import {
  type AcceptanceView,
  type CheckView,
  type DeliveryView,
  type DocumentView,
  PROJECT_PHASE_LABELS,
  type ProjectPaymentView,
  type ProjectPhase,
  type ReportView,
  type TargetResult,
  type TimelineView,
} from '@yufang/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { type Actor, can } from '../../core/auth/actor.js';
import type { Db, Tx } from '../../core/db/index.js';
import { employer } from '../../core/db/schema.js';
import { fundPayment } from '../fund/fund.schema.js';
import { panel } from '../panel/panel.schema.js';
import type { DeliveryContext } from './delivery.context.js';
import { projectFlags } from './delivery.flags.js';
import { deliveryPolicy } from './delivery.policy.js';
import {
  balanceAmount,
  deliveredDefaults,
  type Milestone,
  milestoneStates,
  prepaymentAmount,
  type Target,
  targetResults,
} from './delivery.rules.js';
import {
  type ProjectRow,
  projectAcceptance,
  projectAttendance,
  projectCheck,
  projectDocument,
  projectEvent,
  projectReport,
} from './project.schema.js';
import { loadProject } from './project.store.js';

/** Rows → API shapes for the delivery side of a project (ID numbers only masked). */

type Q = Db | Tx;

export const PAYMENT_KIND_LABELS = { prepayment: '预付款', balance: '余款', recovery: '追回' } as const;

export function documentView(d: typeof projectDocument.$inferSelect): DocumentView {
  return {
    id: d.id,
    kind: d.kind,
    name: d.name,
    version: d.version,
    reportId: d.reportId,
    fileName: d.fileName,
    contentType: d.contentType,
    size: d.size,
    sha256: d.sha256,
    uploadedByName: d.uploadedByName,
    uploadedAt: d.uploadedAt.toISOString(),
  };
}

export function paymentView(p: typeof fundPayment.$inferSelect): ProjectPaymentView {
  return {
    id: p.id,
    kind: p.kind,
    kindLabel: PAYMENT_KIND_LABELS[p.kind],
    amountFen: p.amountFen,
    basis: p.basis,
    postedAt: p.postedAt.toISOString(),
    postedByName: p.postedByName,
    voucherNo: p.voucherNo,
    transferredOn: p.transferredOn,
  };
}

export async function reportViews(db: Q, p: ProjectRow, ids?: string[]): Promise<ReportView[]> {
  const reports = await db
    .select()
    .from(projectReport)
    .where(and(eq(projectReport.projectId, p.id), ids ? inArray(projectReport.id, ids) : undefined))
    .orderBy(asc(projectReport.submittedAt));
  if (!reports.length) return [];
  const rids = reports.map((r) => r.id);
  const attendance = await db
    .select({ a: projectAttendance, employerName: employer.name })
    .from(projectAttendance)
    .leftJoin(employer, eq(employer.id, projectAttendance.employerId))
    .where(inArray(projectAttendance.reportId, rids))
    .orderBy(asc(projectAttendance.name));
  const docs = await db.select().from(projectDocument).where(inArray(projectDocument.reportId, rids));
  const schedule = p.schedule as Milestone[];
  return reports.map((r) => {
    const list = attendance.filter((x) => x.a.reportId === r.id);
    return {
      id: r.id,
      milestoneKey: r.milestoneKey,
      milestoneName: schedule.find((m) => m.key === r.milestoneKey)?.name ?? null,
      summary: r.summary,
      delivered: r.delivered as Record<string, number>,
      sessionOn: r.sessionOn,
      venue: r.venue,
      venueCapacity: r.venueCapacity,
      submittedByName: r.submittedByName,
      submittedAt: r.submittedAt.toISOString(),
      attendees: list.length,
      notInsured: list.filter((x) => !x.a.insured).length,
      attendance: list.map(({ a, employerName }) => ({
        id: a.id,
        name: a.name,
        idMasked: a.idMasked,
        employerUscc: a.employerUscc,
        employerName,
        sessionOn: a.sessionOn,
        insured: a.insured,
        flag: a.flag,
      })),
      documents: docs.filter((d) => d.reportId === r.id).map(documentView),
    };
  });
}

/** The trainees delivered so far: insured attendees counted once across all sessions. */
export async function insuredAttendees(db: Q, projectId: string): Promise<{ insured: number; any: boolean }> {
  const rows = await db
    .selectDistinct({ idHash: projectAttendance.idHash, insured: projectAttendance.insured })
    .from(projectAttendance)
    .where(eq(projectAttendance.projectId, projectId));
  return { insured: new Set(rows.filter((r) => r.insured).map((r) => r.idHash)).size, any: rows.length > 0 };
}

export async function defaultResults(db: Q, p: ProjectRow, reports: ReportView[]): Promise<TargetResult[]> {
  const targets = (p.targets ?? []) as Target[];
  const att = await insuredAttendees(db, p.id);
  return targetResults(targets, deliveredDefaults(targets, reports, att.insured, att.any));
}

export async function acceptanceViews(db: Q, projectId: string): Promise<AcceptanceView[]> {
  const rows = await db
    .select({ a: projectAcceptance, panelStatus: panel.status, panelConclusion: panel.conclusion })
    .from(projectAcceptance)
    .leftJoin(panel, eq(panel.id, projectAcceptance.panelId))
    .where(eq(projectAcceptance.projectId, projectId))
    .orderBy(asc(projectAcceptance.round));
  return rows.map(({ a, panelStatus, panelConclusion }) => ({
    id: a.id,
    round: a.round,
    panelId: a.panelId,
    panelStatus,
    panelConclusion,
    delivered: a.delivered as TargetResult[],
    score: a.score,
    outcome: a.outcome,
    note: a.note,
    decidedAt: a.decidedAt?.toISOString() ?? null,
  }));
}

export async function projectPayments(db: Q, projectId: string) {
  return db.select().from(fundPayment).where(eq(fundPayment.projectId, projectId)).orderBy(asc(fundPayment.postedAt));
}

/** Everything after the contract for the workspace tabs, with the caller's abilities. */
export async function deliveryView(ctx: DeliveryContext, actor: Actor, id: string): Promise<DeliveryView> {
  const db = ctx.core.db;
  const p = await loadProject(db, actor, id);
  const reports = await reportViews(db, p);
  const checks = await db
    .select()
    .from(projectCheck)
    .where(eq(projectCheck.projectId, id))
    .orderBy(asc(projectCheck.checkedOn));
  const payments = await projectPayments(db, id);
  const prepaid = payments.find((x) => x.kind === 'prepayment')?.amountFen ?? 0;
  const docs = await db
    .select()
    .from(projectDocument)
    .where(eq(projectDocument.projectId, id))
    .orderBy(asc(projectDocument.kind), asc(projectDocument.name), asc(projectDocument.version));
  const policy = await deliveryPolicy(db, ctx.core.regions, p.countyCode, ctx.today());
  const reported = new Set(reports.map((r) => r.milestoneKey).filter((k): k is string => !!k));
  return {
    projectId: p.id,
    status: p.status,
    version: p.version,
    contractFen: p.contractFen,
    prepaymentPct: p.prepaymentPct,
    prepaymentDueFen:
      p.contractFen !== null && p.prepaymentPct !== null
        ? prepaymentAmount(p.contractFen, p.prepaymentPct).amountFen
        : null,
    balanceDueFen: p.contractFen !== null ? balanceAmount(p.contractFen, p.deductionFen, prepaid).amountFen : null,
    deductionFen: p.deductionFen,
    acceptanceRound: p.acceptanceRound,
    rectifyBy: p.rectifyBy,
    milestones: milestoneStates((p.schedule ?? []) as Milestone[], reported, ctx.today(), policy.alertDaysBefore),
    reports,
    checks: checks.map(
      (c): CheckView => ({
        id: c.id,
        checkedOn: c.checkedOn,
        result: c.result,
        findings: c.findings,
        followUp: c.followUp,
        checkedByName: c.checkedByName,
        createdAt: c.createdAt.toISOString(),
      }),
    ),
    acceptances: await acceptanceViews(db, id),
    deliveredDefaults: await defaultResults(db, p, reports),
    payments: payments.map(paymentView),
    documents: docs.map(documentView),
    flags: await projectFlags(db, id),
    can: {
      pay: can(actor, 'fund.pay'),
      report: can(actor, 'project.report'),
      manage: can(actor, 'project.manage'),
    },
  };
}

/** All timeline events of a project, grouped 事前 / 事中 / 事后 in time order. */
export async function timeline(ctx: DeliveryContext, actor: Actor, id: string): Promise<TimelineView> {
  await loadProject(ctx.core.db, actor, id);
  const events = await ctx.core.db
    .select()
    .from(projectEvent)
    .where(eq(projectEvent.projectId, id))
    .orderBy(asc(projectEvent.at), asc(projectEvent.id));
  const phases: ProjectPhase[] = ['before', 'during', 'after'];
  return {
    phases: phases.map((phase) => ({
      phase,
      label: PROJECT_PHASE_LABELS[phase],
      events: events
        .filter((e) => e.phase === phase)
        .map((e) => ({
          id: e.id,
          at: e.at.toISOString(),
          kind: e.kind,
          summary: e.summary,
          fromStatus: e.fromStatus,
          toStatus: e.toStatus,
          actorName: e.actorName,
        })),
    })),
  };
}
