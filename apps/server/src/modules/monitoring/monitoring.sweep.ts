import { MONITORING_REASON_LABELS, type MonitoringSweepResult } from '@yufang/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import type { AuditActor } from '../../core/auth/actor.js';
import type { RegionIndex } from '../../core/authz/regions.js';
import type { Db } from '../../core/db/index.js';
import { notify } from '../../core/notify/notify.js';
import { usersWithScope } from '../hazard/hazard.repo.js';
import { coverageFacts, evaluateCriteria, exitReasonFor } from './monitoring.criteria.js';
import { monitoringEntry } from './monitoring.schema.js';

export const SWEEP_ACTOR: AuditActor = {
  userId: null,
  username: 'system:monitoring-sweep',
  roles: [],
  ip: null,
  requestId: null,
};

/**
 * The daily sweep on `today`: employers that newly meet a criterion enter (source system), active system entries
 * whose condition no longer holds exit with the reason in words. Idempotent; one transaction; one audit row; the
 * county officers hear of new entries. Officer entries are never touched.
 */
export async function runSweep(
  db: Db,
  regions: RegionIndex,
  today: string,
  actor: AuditActor = SWEEP_ACTOR,
  options: { demo?: boolean } = {},
): Promise<MonitoringSweepResult> {
  const { matches, policy } = await evaluateCriteria(db, regions, today);
  return db.transaction(async (tx) => {
    const active = await tx
      .select({
        id: monitoringEntry.id,
        employerId: monitoringEntry.employerId,
        reason: monitoringEntry.reason,
        source: monitoringEntry.source,
      })
      .from(monitoringEntry)
      .where(eq(monitoringEntry.status, 'active'));
    const key = (employerId: string, reason: string) => `${employerId}|${reason}`;
    const activeKeys = new Set(active.map((a) => key(a.employerId, a.reason)));
    const matchKeys = new Set(matches.map((m) => key(m.employerId, m.reason)));
    const fresh = matches.filter((m, i) => {
      const k = key(m.employerId, m.reason);
      return !activeKeys.has(k) && matches.findIndex((o) => key(o.employerId, o.reason) === k) === i;
    });
    const gone = active.filter((a) => a.source === 'system' && !matchKeys.has(key(a.employerId, a.reason)));
    const at = new Date();
    if (fresh.length) {
      await tx.insert(monitoringEntry).values(
        fresh.map((m) => ({
          employerId: m.employerId,
          countyCode: m.countyCode,
          reason: m.reason,
          detail: m.detail,
          source: 'system' as const,
          enteredOn: today,
          status: 'active' as const,
          demo: options.demo ?? false,
          createdAt: at,
          updatedAt: at,
        })),
      );
    }
    const facts = await coverageFacts(
      tx,
      gone.map((g) => g.employerId),
    );
    for (const g of gone) {
      await tx
        .update(monitoringEntry)
        .set({
          status: 'exited',
          exitedOn: today,
          exitReason: exitReasonFor(g.reason, facts.get(g.employerId), policy),
          version: sql`${monitoringEntry.version} + 1`,
          updatedAt: at,
        })
        .where(and(eq(monitoringEntry.id, g.id), eq(monitoringEntry.status, 'active')));
    }
    const byReason: Record<string, number> = {};
    for (const m of fresh) byReason[m.reason] = (byReason[m.reason] ?? 0) + 1;
    await recordAudit(tx, actor, {
      action: 'monitoring.sweep',
      objectType: 'monitoring_entry',
      objectId: today,
      changes: { today, entered: fresh.length, exited: gone.length, byReason },
    });
    const byCounty = new Map<string, typeof fresh>();
    for (const m of fresh) byCounty.set(m.countyCode, [...(byCounty.get(m.countyCode) ?? []), m]);
    for (const [county, list] of byCounty) {
      const officers = await usersWithScope(tx, 'region', [county], 'county_officer');
      const reasons = [...new Set(list.map((m) => MONITORING_REASON_LABELS[m.reason]))].join('、');
      await notify(tx, officers, {
        title: `重点监控新增 ${list.length} 家用人单位`,
        body: `${regions.name(county)}今日新列入重点监控 ${list.length} 家（${reasons}），请确定负责人并跟进。`,
        link: '/monitoring',
      });
    }
    return { today, entered: fresh.length, exited: gone.length, byReason };
  });
}
