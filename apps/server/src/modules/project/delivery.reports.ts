import type { Readable } from 'node:stream';
import type { CheckInput, CheckView, DocumentView, ProjectStatus, ReportInput, ReportView } from '@yufang/contracts';
import { PROJECT_STATUS_LABELS } from '@yufang/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import { type Actor, can } from '../../core/auth/actor.js';
import { AppError } from '../../core/http/errors.js';
import { matchInsured, readAttendance } from './delivery.attendance.js';
import type { DeliveryContext } from './delivery.context.js';
import { runFraudRules } from './delivery.flags.js';
import { deliveryPolicy } from './delivery.policy.js';
import type { Milestone, Target } from './delivery.rules.js';
import { documentView, reportViews } from './delivery.view.js';
import { projectAttendance, projectCheck, projectDocument, projectReport } from './project.schema.js';
import { addProjectEvent, loadProject } from './project.store.js';

/** Progress reports with their attendance lists and evidence, and the bureau's interim checks (事中). */

const REPORTABLE: readonly ProjectStatus[] = ['in_progress', 'rectifying'];
const CHECKABLE: readonly ProjectStatus[] = [
  'prepaid',
  'in_progress',
  'acceptance_requested',
  'acceptance_failed',
  'rectifying',
];

function invalid(field: string, label: string, message: string) {
  return new AppError('VALIDATION', `${label}：${message}`, [{ field, message }]);
}

function statusIn(status: string, allowed: readonly ProjectStatus[], what: string) {
  if (!allowed.includes(status as ProjectStatus)) {
    throw invalid(
      'status',
      '项目状态',
      `项目当前为“${PROJECT_STATUS_LABELS[status as ProjectStatus]}”，不能${what}（须为${allowed
        .map((s) => `“${PROJECT_STATUS_LABELS[s]}”`)
        .join('、')}）`,
    );
  }
}

/**
 * A progress report: the milestone, delivered values per target and, for a training session, the attendance list —
 * each trainee matched against the insured roster (flagged 未在所报单位参保 when not insured at the named employer on
 * the session date); a bad row refuses the whole report. The fraud rules run in the same transaction.
 */
export async function submitReport(
  ctx: DeliveryContext,
  actor: Actor,
  id: string,
  input: ReportInput,
): Promise<ReportView> {
  const seen = await loadProject(ctx.core.db, actor, id);
  statusIn(seen.status, REPORTABLE, '报送实施进展');
  const schedule = seen.schedule as Milestone[];
  const targets = (seen.targets ?? []) as Target[];
  if (input.milestoneKey && !schedule.some((m) => m.key === input.milestoneKey)) {
    throw invalid('milestoneKey', '实施节点', '不是本项目进度安排中的节点');
  }
  const unknown = Object.keys(input.delivered).filter((k) => !targets.some((t) => t.key === k));
  if (unknown.length) throw invalid('delivered', '完成情况', `不是本项目的绩效目标：${unknown.join('、')}`);
  if (input.attendance && !input.session) throw invalid('session', '培训场次', '上传签到表须填写培训日期、场地与容量');
  const trainees = input.attendance
    ? await readAttendance(ctx.core.pii, input.attendance.fileName, input.attendance.contentBase64)
    : [];
  const policy = await deliveryPolicy(ctx.core.db, ctx.core.regions, seen.countyCode, ctx.today());
  const reportId = await ctx.core.db.transaction(async (tx) => {
    const p = await loadProject(tx, actor, id, true);
    statusIn(p.status, REPORTABLE, '报送实施进展');
    const [report] = await tx
      .insert(projectReport)
      .values({
        projectId: id,
        milestoneKey: input.milestoneKey,
        summary: input.summary,
        delivered: input.delivered,
        sessionOn: input.session?.sessionOn ?? null,
        venue: input.session?.venue ?? null,
        venueCapacity: input.session?.venueCapacity ?? null,
        submittedBy: actor.userId,
        submittedByName: actor.displayName,
        submittedAt: ctx.clock(),
      })
      .returning({ id: projectReport.id });
    const rid = (report as { id: string }).id;
    const matched = input.session ? await matchInsured(tx, trainees, input.session.sessionOn) : [];
    if (matched.length) {
      await tx.insert(projectAttendance).values(
        matched.map((t) => ({
          reportId: rid,
          projectId: id,
          name: t.name,
          idHash: t.idHash,
          idMasked: t.idMasked,
          employerUscc: t.employerUscc,
          employerId: t.employerId,
          sessionOn: input.session?.sessionOn as string,
          insured: t.insured,
          flag: t.flag,
        })),
      );
    }
    const notInsured = matched.filter((t) => !t.insured).length;
    const milestone = schedule.find((m) => m.key === input.milestoneKey);
    await addProjectEvent(tx, actor, p, {
      kind: 'report',
      phase: 'during',
      summary:
        `实施进展报告${milestone ? `（${milestone.name}）` : ''}：${input.summary.slice(0, 80)}` +
        (matched.length ? `；签到 ${matched.length} 人，其中 ${notInsured} 人未在所报单位参保` : ''),
      data: { reportId: rid, attendees: matched.length, notInsured },
    });
    await recordAudit(tx, actor, {
      action: 'project.report',
      objectType: 'project',
      objectId: id,
      changes: {
        after: {
          reportId: rid,
          milestoneKey: input.milestoneKey,
          delivered: input.delivered,
          session: input.session,
          attendees: matched.length,
          notInsured,
        },
      },
    });
    await runFraudRules(tx, actor, id, policy.sharedTraineeDays);
    return rid;
  });
  const [view] = (await reportViews(ctx.core.db, seen, [reportId])) as ReportView[];
  return view as ReportView;
}

/**
 * A document of the project file (report, evidence photo or material, acceptance): stored after its content is
 * checked; the same kind and name again is the next version. Reused content elsewhere raises a flag.
 */
export async function uploadDocument(
  ctx: DeliveryContext,
  actor: Actor,
  id: string,
  kind: 'report' | 'evidence' | 'acceptance' | 'other',
  reportId: string | undefined,
  fileName: string,
  body: Readable,
): Promise<DocumentView> {
  if (!can(actor, 'project.report') && !can(actor, 'project.manage')) {
    throw AppError.forbidden('上传项目文件须有“项目实施报告”或“项目管理”权限');
  }
  const seen = await loadProject(ctx.core.db, actor, id);
  if (reportId) {
    const [r] = await ctx.core.db
      .select({ id: projectReport.id })
      .from(projectReport)
      .where(and(eq(projectReport.id, reportId), eq(projectReport.projectId, id)));
    if (!r) throw invalid('reportId', '进展报告', '不是本项目的进展报告');
  }
  const stored = await ctx.store.save(id, fileName, body);
  const policy = await deliveryPolicy(ctx.core.db, ctx.core.regions, seen.countyCode, ctx.today());
  try {
    const row = await ctx.core.db.transaction(async (tx) => {
      const p = await loadProject(tx, actor, id, true);
      const [last] = await tx
        .select({ v: sql<number>`coalesce(max(${projectDocument.version}), 0)::int` })
        .from(projectDocument)
        .where(
          and(eq(projectDocument.projectId, id), eq(projectDocument.kind, kind), eq(projectDocument.name, fileName)),
        );
      const version = (last?.v ?? 0) + 1;
      const [doc] = await tx
        .insert(projectDocument)
        .values({
          id: stored.id,
          projectId: id,
          kind,
          name: fileName,
          version,
          reportId: reportId ?? null,
          fileName,
          contentType: stored.contentType,
          size: stored.size,
          sha256: stored.sha256,
          uploadedBy: actor.userId,
          uploadedByName: actor.displayName,
          uploadedAt: ctx.clock(),
        })
        .returning();
      await addProjectEvent(tx, actor, p, {
        kind: 'document',
        summary: `上传文件“${fileName}”（第 ${version} 版）`,
        data: { documentId: stored.id, kind, version, sha256: stored.sha256 },
      });
      await recordAudit(tx, actor, {
        action: 'project.document.upload',
        objectType: 'project',
        objectId: id,
        changes: { after: { documentId: stored.id, kind, name: fileName, version, sha256: stored.sha256 } },
      });
      await runFraudRules(tx, actor, id, policy.sharedTraineeDays);
      return doc;
    });
    return documentView(row as typeof projectDocument.$inferSelect);
  } catch (error) {
    await ctx.store.remove(id, stored.id);
    throw error;
  }
}

/** A stored document of a project in the caller's scope, with its stream. */
export async function openDocument(ctx: DeliveryContext, actor: Actor, id: string, documentId: string) {
  await loadProject(ctx.core.db, actor, id);
  const [doc] = await ctx.core.db
    .select()
    .from(projectDocument)
    .where(and(eq(projectDocument.id, documentId), eq(projectDocument.projectId, id)));
  if (!doc) throw AppError.notFound('文件不存在或不在您的管辖范围内');
  return { doc, stream: ctx.store.read(id, doc.id) };
}

/** An interim check by the bureau (事中检查): result, findings and the follow-up, on the timeline. */
export async function recordCheck(
  ctx: DeliveryContext,
  actor: Actor,
  id: string,
  input: CheckInput,
): Promise<CheckView> {
  if (input.checkedOn > ctx.today()) throw invalid('checkedOn', '检查日期', '不能晚于今天');
  return ctx.core.db.transaction(async (tx) => {
    const p = await loadProject(tx, actor, id, true);
    statusIn(p.status, CHECKABLE, '登记事中检查');
    if (input.result === 'issues' && !input.followUp) throw invalid('followUp', '整改要求', '发现问题时须填写整改要求');
    const [row] = await tx
      .insert(projectCheck)
      .values({
        projectId: id,
        ...input,
        checkedBy: actor.userId,
        checkedByName: actor.displayName,
        createdAt: ctx.clock(),
      })
      .returning();
    await addProjectEvent(tx, actor, p, {
      kind: 'check',
      phase: 'during',
      summary: `事中检查（${input.checkedOn}）：${input.result === 'ok' ? '未发现问题' : '发现问题'}。${input.findings.slice(0, 80)}`,
      data: { checkId: row?.id },
    });
    await recordAudit(tx, actor, {
      action: 'project.check',
      objectType: 'project',
      objectId: id,
      changes: { after: input },
    });
    const r = row as typeof projectCheck.$inferSelect;
    return {
      id: r.id,
      checkedOn: r.checkedOn,
      result: r.result,
      findings: r.findings,
      followUp: r.followUp,
      checkedByName: r.checkedByName,
      createdAt: r.createdAt.toISOString(),
    };
  });
}
