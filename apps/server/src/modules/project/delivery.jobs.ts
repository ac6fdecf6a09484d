import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import type { AuditActor } from '../../core/auth/actor.js';
import type { Tx } from '../../core/db/index.js';
import { appUser, userRole, userScope } from '../../core/db/schema.js';
import { notify } from '../../core/notify/notify.js';
import type { DeliveryContext } from './delivery.context.js';
import { runFraudRules } from './delivery.flags.js';
import { deliveryPolicy } from './delivery.policy.js';
import { type Milestone, milestoneStates } from './delivery.rules.js';
import { project, projectEvent, projectReport } from './project.schema.js';

export const DELIVERY_JOB_ACTOR: AuditActor & { displayName: string } = {
  userId: null,
  username: 'system:project-delivery',
  displayName: '系统（项目监管）',
  roles: [],
  ip: null,
  requestId: null,
};

const WATCHED = ['prepaid', 'in_progress', 'rectifying'] as const;

/** The bureau's project officers over a county (city_admin with a region scope covering it). */
async function officersOf(tx: Tx, ctx: DeliveryContext, countyCode: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ id: appUser.id })
    .from(userScope)
    .innerJoin(appUser, eq(appUser.id, userScope.userId))
    .innerJoin(userRole, eq(userRole.userId, appUser.id))
    .where(
      and(
        eq(userScope.kind, 'region'),
        inArray(userScope.code, ctx.core.regions.ancestors(countyCode)),
        eq(userRole.roleCode, 'city_admin'),
        eq(appUser.disabled, false),
      ),
    );
  return rows.map((r) => r.id);
}

async function implementerAccounts(tx: Tx, providerId: string | null): Promise<string[]> {
  if (!providerId) return [];
  const rows = await tx
    .select({ id: appUser.id })
    .from(userScope)
    .innerJoin(appUser, eq(appUser.id, userScope.userId))
    .where(and(eq(userScope.kind, 'provider'), eq(userScope.code, providerId), eq(appUser.disabled, false)));
  return rows.map((r) => r.id);
}

/**
 * The daily delivery sweep on `today`: a milestone past its due date with no report is overdue — the bureau's
 * officers and the implementer are told once per milestone (the timeline event is the record that they were) — and
 * the fraud rules run again over every project under way. One transaction, one audit row.
 */
export async function runDeliverySweep(ctx: DeliveryContext, today = ctx.today()) {
  return ctx.core.db.transaction(async (tx) => {
    const projects = await tx
      .select()
      .from(project)
      .where(inArray(project.status, [...WATCHED]));
    let alerted = 0;
    let flagged = 0;
    for (const p of projects) {
      const policy = await deliveryPolicy(tx, ctx.core.regions, p.countyCode, today);
      const reports = await tx
        .select({ key: projectReport.milestoneKey })
        .from(projectReport)
        .where(eq(projectReport.projectId, p.id));
      const told = await tx
        .select({ data: projectEvent.data })
        .from(projectEvent)
        .where(and(eq(projectEvent.projectId, p.id), eq(projectEvent.kind, 'milestoneOverdue')));
      const toldKeys = new Set(told.map((e) => (e.data as { milestoneKey?: string } | null)?.milestoneKey));
      const reported = new Set(reports.map((r) => r.key).filter((k): k is string => !!k));
      const overdue = milestoneStates(
        (p.schedule ?? []) as Milestone[],
        reported,
        today,
        policy.alertDaysBefore,
      ).filter((m) => m.state === 'overdue' && !toldKeys.has(m.key));
      for (const m of overdue) {
        const summary = `实施节点“${m.name}”已于 ${m.dueOn} 到期，尚未报送进展`;
        await tx.insert(projectEvent).values({
          projectId: p.id,
          phase: 'during',
          kind: 'milestoneOverdue',
          summary,
          actorName: DELIVERY_JOB_ACTOR.displayName,
          data: { milestoneKey: m.key, dueOn: m.dueOn },
        });
        const recipients = [
          ...(await officersOf(tx, ctx, p.countyCode)),
          ...(await implementerAccounts(tx, p.implementerProviderId)),
        ];
        await notify(tx, recipients, {
          title: `项目节点逾期：${p.code ?? ''} ${p.title}`.trim(),
          body: `${summary}，请督促实施单位尽快报送。`,
          link: `/projects/${p.id}`,
        });
        alerted++;
      }
      flagged += await runFraudRules(tx, DELIVERY_JOB_ACTOR, p.id, policy.sharedTraineeDays);
    }
    await recordAudit(tx, DELIVERY_JOB_ACTOR, {
      action: 'project.delivery.sweep',
      objectType: 'project',
      objectId: today,
      changes: { today, projects: projects.length, alerted, flagged },
    });
    return { today, alerted, flagged };
  });
}
