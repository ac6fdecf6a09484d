import { CURRENT_COUNTIES, REGIONS, UNITS } from '@yufang/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from './index.js';
import { orgUnit, region } from './schema.js';

/** Brings the code tables of the vendored reference data into the database (idempotent, at every start). */
export async function syncReferenceData(db: Db): Promise<void> {
  if (CURRENT_COUNTIES.length === 0) throw new Error('reference data has no counties');
  await db.transaction(async (tx) => {
    await tx
      .insert(region)
      .values(REGIONS.map((r) => ({ ...r })))
      .onConflictDoUpdate({
        target: region.code,
        set: {
          name: sql`excluded.name`,
          level: sql`excluded.level`,
          parentCode: sql`excluded.parent_code`,
          replacedBy: sql`excluded.replaced_by`,
        },
      });
    await tx
      .insert(orgUnit)
      .values(UNITS.map((u) => ({ ...u })))
      .onConflictDoUpdate({
        target: orgUnit.code,
        set: { name: sql`excluded.name`, shortName: sql`excluded.short_name`, kind: sql`excluded.kind` },
      });
  });
}
