import {
  CITY_CODE,
  INDUSTRY_SET_KEYS,
  type IndustryCycleInput,
  type IndustryCycleView,
  industryDivision,
} from '@yufang/contracts';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import { scopeFilter } from '../../core/authz/scope.js';
import type { Core } from '../../core/context.js';
import type { Db, Tx } from '../../core/db/index.js';
import { employer, policySetting } from '../../core/db/schema.js';
import { AppError } from '../../core/http/errors.js';
import { DUST_INDUSTRIES, type IndustrySet, KEY_INDUSTRIES } from '../employer/industry-policy.js';
import { beijingDate } from '../hazard/hazard.rules.js';

const SET_KEYS = [KEY_INDUSTRIES, DUST_INDUSTRIES] as const;
type SetKey = (typeof SET_KEYS)[number];

/** The name of a GB/T 4754 code: a division's own name; a 3-digit group is shown under its division. */
function codeName(code: string): string {
  const division = industryDivision(code.slice(0, 2));
  if (!division) return code;
  return code.length === 2 ? division.name : `${division.name}（中类 ${code}）`;
}

function matches(codes: readonly string[], division: string, group: string | null): boolean {
  return codes.some((c) => c === division || (group !== null && c === group));
}

/**
 * Re-flags every employer's key_industry or dust_hazard against the set in force for the city on `onDate`: one
 * UPDATE per set, touching only the rows whose flag changes. (County-level overrides of the sets are not used by
 * the plan; the city's set is the one applied.)
 */
export async function reflagEmployers(db: Db | Tx, onDate: string): Promise<{ key: number; dust: number }> {
  const out = { key: 0, dust: 0 };
  for (const key of SET_KEYS) {
    const [row] = await db
      .select({ value: policySetting.value })
      .from(policySetting)
      .where(
        and(
          eq(policySetting.key, key),
          eq(policySetting.regionCode, CITY_CODE),
          sql`${policySetting.effectiveFrom} <= ${onDate}`,
          sql`(${policySetting.effectiveTo} is null or ${policySetting.effectiveTo} > ${onDate})`,
        ),
      );
    if (!row) continue;
    const codes = (row.value as IndustrySet).categories.flatMap((c) => c.codes);
    const divisions = codes.filter((c) => c.length === 2);
    const groups = codes.filter((c) => c.length === 3);
    const column = key === KEY_INDUSTRIES ? employer.keyIndustry : employer.dustHazard;
    const member = sql`(${employer.industryCode} = any(${sql.param(divisions)}::text[]) or coalesce(${employer.industryGroup} = any(${sql.param(groups)}::text[]), false))`;
    const updated = await db
      .update(employer)
      .set(
        key === KEY_INDUSTRIES
          ? { keyIndustry: member, version: sql`${employer.version} + 1`, updatedAt: new Date() }
          : { dustHazard: member, version: sql`${employer.version} + 1`, updatedAt: new Date() },
      )
      .where(sql`${column} is distinct from ${member}`)
      .returning({ id: employer.id });
    out[key === KEY_INDUSTRIES ? 'key' : 'dust'] = updated.length;
  }
  return out;
}

/** The key-industry and dust-industry cycles (policy rows with their effective dates) and new versions of them. */
export class IndustryCycleService {
  constructor(
    private readonly core: Core,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  today(): string {
    return beijingDate(this.clock());
  }

  async list(actor: Actor): Promise<IndustryCycleView[]> {
    const { db } = this.core;
    const today = this.today();
    const [rows, counts] = await Promise.all([
      db
        .select()
        .from(policySetting)
        .where(and(inArray(policySetting.key, [...SET_KEYS]), eq(policySetting.regionCode, CITY_CODE)))
        .orderBy(asc(policySetting.key), desc(policySetting.effectiveFrom)),
      db
        .select({ division: employer.industryCode, group: employer.industryGroup, n: sql<number>`count(*)::int` })
        .from(employer)
        .where(scopeFilter(actor, { region: employer.countyCode, employer: employer.id }))
        .groupBy(employer.industryCode, employer.industryGroup),
    ]);
    return rows.map((r) => {
      const set = r.value as IndustrySet;
      return {
        id: r.id,
        key: r.key,
        keyName: INDUSTRY_SET_KEYS[r.key as SetKey] ?? r.key,
        effectiveFrom: r.effectiveFrom,
        effectiveTo: r.effectiveTo,
        inForce: r.effectiveFrom <= today && (r.effectiveTo === null || r.effectiveTo > today),
        source: r.source,
        categories: set.categories.map((c) => ({
          name: c.name,
          codes: c.codes.map((code) => ({ code, name: codeName(code) })),
          employers: counts.filter((k) => matches(c.codes, k.division, k.group)).reduce((s, k) => s + k.n, 0),
        })),
      };
    });
  }

  /** A new version of a set: closes the open row at `effectiveFrom`, and re-flags employers when it is in force. */
  async create(actor: Actor, input: IndustryCycleInput): Promise<IndustryCycleView> {
    const seen = new Map<string, string>();
    input.categories.forEach((c, i) => {
      for (const code of c.codes) {
        if (!industryDivision(code.slice(0, 2))) {
          throw AppError.validation(`categories.${i}.codes`, `行业代码 ${code} 不在 GB/T 4754-2017 国民经济行业分类中`);
        }
        // the same code, or a group and its own division, in two categories
        const clash = [...seen.entries()].find(([k]) => k.startsWith(code) || code.startsWith(k));
        if (clash) {
          throw AppError.validation(
            `categories.${i}.codes`,
            `行业代码 ${code} 与类别“${clash[1]}”的代码 ${clash[0]} 重复，一个代码只能属于一个类别`,
          );
        }
        seen.set(code, c.name);
      }
    });
    if (new Set(input.categories.map((c) => c.name)).size !== input.categories.length) {
      throw AppError.validation('categories', '类别名称不能重复');
    }
    const today = this.today();
    const id = await this.core.db.transaction(async (tx) => {
      const [previous] = await tx
        .select()
        .from(policySetting)
        .where(and(eq(policySetting.key, input.key), eq(policySetting.regionCode, CITY_CODE)))
        .orderBy(desc(policySetting.effectiveFrom))
        .limit(1);
      if (previous && previous.effectiveFrom >= input.effectiveFrom) {
        throw AppError.validation('effectiveFrom', `生效日期须晚于当前版本的生效日期 ${previous.effectiveFrom}`);
      }
      if (previous) {
        await tx
          .update(policySetting)
          .set({
            effectiveTo: input.effectiveFrom,
            version: sql`${policySetting.version} + 1`,
            updatedAt: new Date(),
            updatedBy: actor.userId,
          })
          .where(eq(policySetting.id, previous.id));
      }
      const [row] = await tx
        .insert(policySetting)
        .values({
          key: input.key,
          regionCode: CITY_CODE,
          effectiveFrom: input.effectiveFrom,
          value: { categories: input.categories },
          source: input.source?.trim() || '市人社局录入',
          updatedBy: actor.userId,
        })
        .returning({ id: policySetting.id });
      const reflagged = input.effectiveFrom <= today ? await reflagEmployers(tx, today) : null;
      await recordAudit(tx, actor, {
        action: 'industry.cycle.create',
        objectType: 'policy_setting',
        objectId: String(row?.id),
        changes: {
          after: input,
          closedPrevious: previous ? { id: previous.id, effectiveTo: input.effectiveFrom } : null,
          reflagged,
        },
      });
      return row?.id as number;
    });
    const views = await this.list(actor);
    return views.find((v) => v.id === id) as IndustryCycleView;
  }
}
