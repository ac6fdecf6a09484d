import { asc, eq, sql } from 'drizzle-orm';
import { RegionIndex } from '../core/authz/regions.js';
import type { Db } from '../core/db/index.js';
import { monitoringAction, monitoringEntry } from '../modules/monitoring/monitoring.schema.js';
import { runSweep, SWEEP_ACTOR } from '../modules/monitoring/monitoring.sweep.js';
import { Random } from './random.js';

const NOTES = [
  ['visit', '上门走访，督促补缴工伤保险并提交整改计划'],
  ['interview', '约谈企业负责人，明确一个月内完成整改'],
  ['notice', '送达书面告知书'],
  ['note', '企业已提交参保材料，待社保经办机构核实'],
] as const;

/**
 * The key monitoring list over the demo data: the sweep on `today` (entries for several reasons), a few follow-ups
 * and one entry exited by an officer. Deterministic for a seed.
 */
export async function seedDemoMonitoring(db: Db, seed: number, today: string): Promise<void> {
  const regions = await RegionIndex.load(db);
  await runSweep(db, regions, today, SWEEP_ACTOR, { demo: true });
  const random = new Random(seed);
  const entries = await db
    .select({ id: monitoringEntry.id })
    .from(monitoringEntry)
    .where(eq(monitoringEntry.status, 'active'))
    .orderBy(asc(monitoringEntry.employerId), asc(monitoringEntry.reason))
    .limit(8);
  const at = new Date(`${today}T02:00:00Z`);
  for (const [i, e] of entries.entries()) {
    const n = 1 + (i % 2);
    for (let k = 0; k < n; k++) {
      const [kind, note] = NOTES[(i + k) % NOTES.length] as (typeof NOTES)[number];
      await db.insert(monitoringAction).values({
        entryId: e.id,
        at: new Date(at.getTime() - random.int(1, 20) * 86_400_000),
        username: 'sanyuan',
        kind,
        note,
      });
    }
    await db
      .update(monitoringEntry)
      .set({ version: sql`${monitoringEntry.version} + 1` })
      .where(eq(monitoringEntry.id, e.id));
  }
  const last = entries[entries.length - 1];
  if (last) {
    await db
      .update(monitoringEntry)
      .set({
        status: 'exited',
        exitedOn: today,
        exitReason: '已完成整改并经核实，移出重点监控',
        version: sql`${monitoringEntry.version} + 1`,
      })
      .where(eq(monitoringEntry.id, last.id));
  }
}
