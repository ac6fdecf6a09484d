import {
  FLAG_RULE_LABELS,
  type FlagListQuery,
  type FlagPage,
  type FlagReviewInput,
  type FlagView,
} from '@yufang/contracts';
import { and, desc, eq, inArray, lt, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { recordAudit } from '../../core/audit/audit.js';
import type { Actor, AuditActor } from '../../core/auth/actor.js';
import type { Tx } from '../../core/db/index.js';
import { appUser, userScope } from '../../core/db/schema.js';
import { AppError } from '../../core/http/errors.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';
import { notify } from '../../core/notify/notify.js';
import { provider, providerSanction } from '../provider/provider.schema.js';
import type { DeliveryContext } from './delivery.context.js';
import {
  project,
  projectAttendance,
  projectDocument,
  projectEvent,
  projectFlag,
  projectReport,
} from './project.schema.js';
import { addProjectEvent, loadProject, projectScope } from './project.store.js';

/**
 * The fraud rules (plan 三(九)2: 防范骗取套取工伤预防费), run on every report and in the daily job: the same trainee in
 * another project's attendance within N days, a session's attendees beyond its venue's capacity, an evidence or report
 * file whose content (sha256) appears in another project. Each finding is one flag (unique by rule and fingerprint),
 * for the bureau to clear or confirm; confirming bars the implementer.
 */

interface Finding {
  rule: keyof typeof FLAG_RULE_LABELS;
  fingerprint: string;
  detail: string;
  refs: unknown;
}

async function findings(tx: Tx, projectId: string, days: number): Promise<Finding[]> {
  const out: Finding[] = [];
  const other = alias(projectAttendance, 'other');
  const shared = await tx
    .select({
      other: other.projectId,
      code: project.code,
      title: project.title,
      n: sql<number>`count(distinct ${projectAttendance.idHash})::int`,
    })
    .from(projectAttendance)
    .innerJoin(
      other,
      and(
        eq(other.idHash, projectAttendance.idHash),
        ne(other.projectId, projectAttendance.projectId),
        sql`abs(${other.sessionOn} - ${projectAttendance.sessionOn}) <= ${days}`,
      ),
    )
    .innerJoin(project, eq(project.id, other.projectId))
    .where(eq(projectAttendance.projectId, projectId))
    .groupBy(other.projectId, project.code, project.title);
  for (const r of shared) {
    out.push({
      rule: 'shared_trainees',
      fingerprint: r.other,
      detail: `${r.n} 名学员在 ${days} 天内也出现在项目“${r.code ?? ''} ${r.title}”的签到表中`,
      refs: { otherProjectId: r.other, trainees: r.n, days },
    });
  }
  const over = await tx
    .select({
      id: projectReport.id,
      sessionOn: projectReport.sessionOn,
      venue: projectReport.venue,
      capacity: projectReport.venueCapacity,
      n: sql<number>`count(${projectAttendance.id})::int`,
    })
    .from(projectReport)
    .innerJoin(projectAttendance, eq(projectAttendance.reportId, projectReport.id))
    .where(and(eq(projectReport.projectId, projectId), sql`${projectReport.venueCapacity} is not null`))
    .groupBy(projectReport.id, projectReport.sessionOn, projectReport.venue, projectReport.venueCapacity);
  for (const r of over) {
    if (r.capacity !== null && r.n > r.capacity) {
      out.push({
        rule: 'over_capacity',
        fingerprint: r.id,
        detail: `${r.sessionOn} 在“${r.venue}”的培训签到 ${r.n} 人，超过场地容量 ${r.capacity} 人`,
        refs: { reportId: r.id, attendees: r.n, capacity: r.capacity },
      });
    }
  }
  const copy = alias(projectDocument, 'copy');
  const reused = await tx
    .selectDistinct({
      sha256: projectDocument.sha256,
      name: projectDocument.fileName,
      other: copy.projectId,
      code: project.code,
      title: project.title,
    })
    .from(projectDocument)
    .innerJoin(copy, and(eq(copy.sha256, projectDocument.sha256), ne(copy.projectId, projectDocument.projectId)))
    .innerJoin(project, eq(project.id, copy.projectId))
    .where(and(eq(projectDocument.projectId, projectId), inArray(projectDocument.kind, ['report', 'evidence'])));
  const seenSha = new Set<string>();
  for (const r of reused) {
    if (seenSha.has(r.sha256)) continue;
    seenSha.add(r.sha256);
    out.push({
      rule: 'reused_evidence',
      fingerprint: r.sha256,
      detail: `文件“${r.name}”与项目“${r.code ?? ''} ${r.title}”中的文件内容完全相同（sha256 ${r.sha256.slice(0, 12)}…）`,
      refs: { sha256: r.sha256, otherProjectId: r.other },
    });
  }
  return out;
}

/** Runs the rules for one project in `tx`; new findings become open flags with a timeline event. Returns how many. */
export async function runFraudRules(tx: Tx, actor: Pick<Actor, 'displayName'>, projectId: string, days: number) {
  const found = await findings(tx, projectId, days);
  if (!found.length) return 0;
  const inserted = await tx
    .insert(projectFlag)
    .values(found.map((f) => ({ projectId, ...f, status: 'open' as const })))
    .onConflictDoNothing()
    .returning({ rule: projectFlag.rule, detail: projectFlag.detail });
  for (const f of inserted) {
    await tx.insert(projectEvent).values({
      projectId,
      phase: 'during',
      kind: 'flag',
      summary: `疑点：${FLAG_RULE_LABELS[f.rule]}。${f.detail}`,
      actorName: actor.displayName,
    });
  }
  return inserted.length;
}

type FlagRow = typeof projectFlag.$inferSelect;

function flagView(r: FlagRow & { code: string | null; title: string; implementerName: string | null }): FlagView {
  return {
    id: r.id,
    projectId: r.projectId,
    projectCode: r.code,
    projectTitle: r.title,
    implementerName: r.implementerName,
    rule: r.rule,
    ruleLabel: FLAG_RULE_LABELS[r.rule],
    detail: r.detail,
    status: r.status,
    reviewNote: r.reviewNote,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
}

function flagQuery(tx: DeliveryContext['core']['db'] | Tx) {
  return tx
    .select({
      flag: projectFlag,
      code: project.code,
      title: project.title,
      implementerName: provider.name,
    })
    .from(projectFlag)
    .innerJoin(project, eq(project.id, projectFlag.projectId))
    .leftJoin(provider, eq(provider.id, project.implementerProviderId));
}

/** The flags of one project (already in scope). */
export async function projectFlags(tx: DeliveryContext['core']['db'] | Tx, projectId: string): Promise<FlagView[]> {
  const rows = await flagQuery(tx).where(eq(projectFlag.projectId, projectId)).orderBy(desc(projectFlag.createdAt));
  return rows.map((r) => flagView({ ...r.flag, code: r.code, title: r.title, implementerName: r.implementerName }));
}

/** The review list of flags in the caller's scope, newest first. */
export async function listFlags(
  ctx: DeliveryContext,
  actor: Actor,
  query: z.infer<typeof FlagListQuery>,
): Promise<FlagPage> {
  const after = decodeCursor(query.cursor, 2);
  const rows = await flagQuery(ctx.core.db)
    .where(
      and(
        projectScope(actor),
        query.status ? eq(projectFlag.status, query.status) : undefined,
        after
          ? or(
              lt(projectFlag.createdAt, new Date(String(after[0]))),
              and(eq(projectFlag.createdAt, new Date(String(after[0]))), lt(projectFlag.id, String(after[1]))),
            )
          : undefined,
      ),
    )
    .orderBy(desc(projectFlag.createdAt), desc(projectFlag.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (r) => [r.flag.createdAt.toISOString(), r.flag.id],
    (r) => flagView({ ...r.flag, code: r.code, title: r.title, implementerName: r.implementerName }),
  );
}

/**
 * Clears a flag with a note, or confirms it as fraud: the implementer is barred (provider_sanction 'barring', so it can
 * no longer be chosen), its accounts told, all in one transaction with the audit rows.
 */
export async function reviewFlag(ctx: DeliveryContext, actor: Actor, id: string, input: FlagReviewInput) {
  if (!actor.permissions.has('project.manage')) throw AppError.forbidden('复核疑点须有“项目管理”权限');
  return ctx.core.db.transaction(async (tx) => {
    const [f] = await tx.select().from(projectFlag).where(eq(projectFlag.id, id)).for('update');
    if (!f) throw AppError.notFound('疑点不存在或不在您的管辖范围内');
    const p = await loadProject(tx, actor, f.projectId, true).catch(() => {
      throw AppError.notFound('疑点不存在或不在您的管辖范围内');
    });
    if (f.version !== input.version) throw AppError.conflict('疑点已被他人复核，请刷新后重试');
    if (f.status !== 'open') throw AppError.validation('status', '该疑点已复核，不能再变更');
    const status = input.decision === 'confirm' ? 'confirmed' : 'cleared';
    await tx
      .update(projectFlag)
      .set({
        status,
        reviewNote: input.note,
        reviewedBy: actor.userId,
        reviewedAt: ctx.clock(),
        version: f.version + 1,
      })
      .where(eq(projectFlag.id, id));
    await recordAudit(tx, actor, {
      action: `project.flag.${input.decision}`,
      objectType: 'project_flag',
      objectId: id,
      changes: { before: { status: f.status }, after: { status, note: input.note } },
    });
    const label = FLAG_RULE_LABELS[f.rule];
    await addProjectEvent(tx, actor, p, {
      kind: `flag.${input.decision}`,
      summary: `疑点复核：${label} — ${status === 'confirmed' ? '确认骗取套取' : '排除'}。${input.note}`,
    });
    if (status === 'confirmed' && p.implementerProviderId) {
      await barProvider(
        tx,
        actor,
        p.implementerProviderId,
        `项目 ${p.code ?? p.title} 经复核确认存在骗取套取工伤预防费行为（${label}）：${input.note}`,
        ctx.today(),
      );
    }
    const [row] = await flagQuery(tx).where(eq(projectFlag.id, id));
    if (!row) throw AppError.notFound();
    return flagView({ ...row.flag, code: row.code, title: row.title, implementerName: row.implementerName });
  });
}

async function barProvider(tx: Tx, actor: Actor | AuditActor, providerId: string, reason: string, today: string) {
  const [active] = await tx
    .select({ id: providerSanction.id })
    .from(providerSanction)
    .where(
      and(
        eq(providerSanction.providerId, providerId),
        eq(providerSanction.kind, 'barring'),
        sql`${providerSanction.liftedOn} is null`,
      ),
    );
  if (active) return;
  const [row] = await tx
    .insert(providerSanction)
    .values({ providerId, kind: 'barring', fromDate: today, reason, recordedBy: actor.userId })
    .returning({ id: providerSanction.id });
  await recordAudit(tx, actor, {
    action: 'provider.sanction.barring',
    objectType: 'provider',
    objectId: providerId,
    changes: { sanctionId: row?.id, after: { kind: 'barring', fromDate: today, reason } },
  });
  const accounts = await tx
    .select({ id: appUser.id })
    .from(userScope)
    .innerJoin(appUser, eq(appUser.id, userScope.userId))
    .where(and(eq(userScope.kind, 'provider'), eq(userScope.code, providerId), eq(appUser.disabled, false)));
  await notify(
    tx,
    accounts.map((r) => r.id),
    {
      title: '服务机构禁入通知',
      body: `自 ${today} 起禁入工伤预防项目。理由：${reason}`,
      link: '/my-provider',
      email: true,
    },
  );
}
