import { and, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { RegionIndex } from '../authz/regions.js';
import type { Db } from '../db/index.js';
import { policySetting } from '../db/schema.js';

export interface PolicyDefault<T> {
  key: string;
  regionCode: string;
  effectiveFrom: string;
  effectiveTo?: string | null;
  value: T;
  source: string;
}

/**
 * The value of a policy setting in force for a region on a date: the nearest region up the GB/T 2260 hierarchy
 * that has one (a county's own value, else its city's, else its province's), validated against its schema.
 */
export async function policyInForce<S extends z.ZodType>(
  db: Db,
  regions: RegionIndex,
  schema: S,
  key: string,
  regionCode: string,
  onDate: string,
): Promise<z.infer<S> | null> {
  const chain = regions.ancestors(regions.get(regionCode)?.replacedBy ?? regionCode);
  if (chain.length === 0) return null;
  const rows = await db
    .select({ regionCode: policySetting.regionCode, value: policySetting.value })
    .from(policySetting)
    .where(
      and(
        eq(policySetting.key, key),
        inArray(policySetting.regionCode, chain),
        lte(policySetting.effectiveFrom, onDate),
        or(isNull(policySetting.effectiveTo), gt(policySetting.effectiveTo, onDate)),
      ),
    );
  const nearest = chain.map((code) => rows.find((r) => r.regionCode === code)).find((r) => r !== undefined);
  return nearest ? schema.parse(nearest.value) : null;
}

/** Writes the shipped default policy rows that are missing (never overwrites what an administrator set). */
export async function ensurePolicyDefaults(db: Db, defaults: readonly PolicyDefault<unknown>[]): Promise<void> {
  for (const d of defaults) {
    const [existing] = await db
      .select({ id: policySetting.id })
      .from(policySetting)
      .where(
        and(
          eq(policySetting.key, d.key),
          eq(policySetting.regionCode, d.regionCode),
          eq(policySetting.effectiveFrom, d.effectiveFrom),
        ),
      );
    if (!existing) {
      await db.insert(policySetting).values({
        key: d.key,
        regionCode: d.regionCode,
        effectiveFrom: d.effectiveFrom,
        effectiveTo: d.effectiveTo ?? null,
        value: d.value,
        source: d.source,
      });
    }
  }
}
