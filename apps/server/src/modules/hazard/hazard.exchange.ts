/**
 * The shared data set yjj.hazard (应急局 inspection findings) becomes platform hazards: one hazard per record, keyed
 * by the unit and the record's natural key (hazard number), so running again changes nothing. A new record is
 * `reported` and waits for an officer of the unit to send the rectification notice; a record the unit marks
 * rectified closes its hazard once. Demo loads are left out (the demo seeds its own hazards).
 */
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import type { AuditActor } from '../../core/auth/actor.js';
import type { Core } from '../../core/context.js';
import { employer } from '../../core/db/schema.js';
import { exchangeRecord } from '../exchange/exchange.schema.js';
import { deadlinePolicy } from './hazard.policy.js';
import { deadlineFor } from './hazard.rules.js';
import { hazard, hazardEvent } from './hazard.schema.js';
import { writeStep } from './hazard.steps.js';

export const HAZARD_DATA_SET = 'yjj.hazard';
const ACTOR: AuditActor = { userId: null, username: 'system:exchange', roles: [], ip: null, requestId: null };

/** The platform number of an exchange hazard: the owner unit and the source's own number. */
export function exchangeHazardNo(ownerUnit: string, naturalKey: string): string {
  return `${ownerUnit.toUpperCase()}-${naturalKey}`.slice(0, 64);
}

/** Carries new and newly rectified records; returns the hazards created and closed. */
export async function syncExchangeHazards(
  core: Pick<Core, 'db' | 'regions'>,
  now: Date,
): Promise<{ created: number; closed: number }> {
  const rows = await core.db
    .select({ r: exchangeRecord, employerName: employer.name, h: hazard })
    .from(exchangeRecord)
    .innerJoin(employer, eq(employer.id, exchangeRecord.employerId))
    .leftJoin(
      hazard,
      eq(hazard.hazardNo, sql`upper(${exchangeRecord.ownerUnit}) || '-' || ${exchangeRecord.naturalKey}`),
    )
    .where(and(eq(exchangeRecord.dataSetCode, HAZARD_DATA_SET), eq(exchangeRecord.demo, false)));
  let created = 0;
  let closed = 0;
  for (const { r, employerName, h } of rows) {
    const d = r.data as { found_on?: string; level?: string; description?: string; rectified?: boolean };
    const rectified = d.rectified === true;
    if (h && (!rectified || h.status === 'closed')) continue;
    const foundOn = d.found_on ?? r.eventDate ?? now.toISOString().slice(0, 10);
    const level = d.level === 'major' ? 'major' : 'general';
    // read before the transaction: PGlite has one connection, which the transaction holds
    const policy = h ? null : await deadlinePolicy(core.db, core.regions, r.regionCode, foundOn);
    await core.db.transaction(async (tx) => {
      if (h) {
        await writeStep(
          tx,
          ACTOR,
          { ...h, employerName },
          {
            action: 'exchange.rectified',
            at: now,
            set: { status: 'closed', closedAt: now },
            note: '应急局数据共享报送：已整改完成',
            recipients: [],
            // the owner unit reported it closed itself: nobody needs telling
            message: { title: `隐患已整改：${h.hazardNo}`, body: '' },
          },
        );
        closed++;
        return;
      }
      const [inserted] = await tx
        .insert(hazard)
        .values({
          hazardNo: exchangeHazardNo(r.ownerUnit, r.naturalKey),
          employerId: r.employerId as string,
          countyCode: r.regionCode,
          category: 'safety',
          level,
          description: d.description ?? '（数据共享未提供描述）',
          location: '（数据共享未提供）',
          foundOn,
          foundByUnit: r.ownerUnit,
          responsibleUnit: r.ownerUnit,
          deadline: deadlineFor(level, foundOn, policy as NonNullable<typeof policy>),
          status: rectified ? 'closed' : 'reported',
          closedAt: rectified ? now : null,
          source: 'exchange',
          sourceRef: r.id,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: hazard.id, hazardNo: hazard.hazardNo });
      if (!inserted) return;
      await tx.insert(hazardEvent).values({
        hazardId: inserted.id,
        at: now,
        username: ACTOR.username,
        action: 'report',
        toStatus: rectified ? 'closed' : 'reported',
        note: `数据共享 ${HAZARD_DATA_SET} 记录 ${r.naturalKey}`,
      });
      await recordAudit(tx, ACTOR, {
        action: 'hazard.exchange.carry',
        objectType: 'hazard',
        objectId: inserted.id,
        changes: { exchangeRecordId: r.id, hazardNo: inserted.hazardNo, rectified },
      });
      created++;
    });
  }
  return { created, closed };
}
