import { CITY_CODE, CURRENT_COUNTIES, type TargetLine, type TargetQuery, type TargetView } from '@yufang/contracts';
import { and, eq } from 'drizzle-orm';
import { type Actor, can } from '../../core/auth/actor.js';
import type { Core } from '../../core/context.js';
import { policySetting } from '../../core/db/schema.js';
import { AppError } from '../../core/http/errors.js';
import { loadIndustryPolicy } from '../employer/industry-policy.js';
import { refreshAggregates } from './aggregate.js';
import { cycleOfYear, TARGET_CYCLE, TargetCycle } from './analysis.policy.js';
import { headcountBy, injuriesBy, KEYS, latestYear } from './analysis.repo.js';
import type { AnalysisService } from './analysis.service.js';
import { ratePerThousand } from './analysis.tables.js';
import { TARGET_RULE, trackTarget } from './target.js';

const COUNTY_NAME = new Map(CURRENT_COUNTIES.map((c) => [c.code, c.name]));

interface Cell {
  cases: number;
  insuredMonths: number;
}

/**
 * The first target of the cycle per key industry, per county and city-wide: recognised work injuries in the key
 * industries of the cycle per 1,000 insured, each year from the baseline, against the straight path to the target.
 */
export async function targetView(
  core: Core,
  analysis: AnalysisService,
  actor: Actor,
  q: TargetQuery,
): Promise<TargetView> {
  await refreshAggregates(core.db);
  const year = q.cycle ?? (await latestYear(core.db)) ?? new Date().getFullYear();
  const cycle = await cycleOfYear(core.db, core.regions, year);
  if (!cycle) throw AppError.notFound('该年份没有配置五年目标周期');
  const rows = await core.db
    .select({ source: policySetting.source, value: policySetting.value, from: policySetting.effectiveFrom })
    .from(policySetting)
    .where(and(eq(policySetting.key, TARGET_CYCLE), eq(policySetting.regionCode, CITY_CODE)))
    .orderBy(policySetting.effectiveFrom);
  const cycles = rows.flatMap((r) => {
    const c = TargetCycle.safeParse(r.value);
    return c.success ? [{ firstYear: c.data.firstYear, name: c.data.name }] : [];
  });
  const source = rows.filter((r) => r.from <= `${cycle.firstYear}-06-30`).at(-1);
  const policy = await loadIndustryPolicy(core.db, core.regions, CITY_CODE, `${cycle.firstYear}-01-01`);
  const categories = (policy.key?.categories ?? []).map((c) => ({
    name: c.name,
    codes: c.codes.filter((code) => code.length === 2),
  }));
  const counties = analysis.counties(actor);
  const slice = {
    yearFrom: cycle.baselineYear,
    yearTo: cycle.lastYear,
    counties,
    industries: categories.flatMap((c) => c.codes),
  };
  // one read of each cube per (year, county, industry); every line is a sum of these cells
  const cells = new Map<string, Cell>();
  const cell = (k: string) => {
    const c = cells.get(k) ?? { cases: 0, insuredMonths: 0 };
    cells.set(k, c);
    return c;
  };
  const byYearCounty = KEYS.yearCountyIndustry;
  for (const r of await injuriesBy(core.db, slice, byYearCounty)) cell(r.key).cases += r.recognised;
  for (const r of await headcountBy(core.db, slice, byYearCounty)) cell(r.key).insuredMonths += r.insuredMonths;
  const years = Array.from({ length: cycle.lastYear - cycle.baselineYear + 1 }, (_, i) => cycle.baselineYear + i);
  const drillOk = can(actor, 'injury.read');
  const line = (
    level: TargetLine['level'],
    code: string,
    name: string,
    match: (county: string, industry: string) => boolean,
    drill: Record<string, string>,
  ): TargetLine => {
    const perYear = years.map((y) => {
      let cases = 0;
      let insuredMonths = 0;
      for (const [k, c] of cells) {
        const [ky, county, industry] = k.split('|');
        if (Number(ky) !== y || !match(county ?? '', industry ?? '')) continue;
        cases += c.cases;
        insuredMonths += c.insuredMonths;
      }
      return { year: y, cases, rate: ratePerThousand(cases, insuredMonths) };
    });
    const track = trackTarget(cycle, perYear);
    return {
      level,
      code,
      name,
      baseline: track.baseline,
      target: track.target,
      years: perYear.map((p, i) => ({ ...p, path: track.path[i]?.value ?? null })),
      projection: track.projection,
      projected: track.projected,
      change: track.change,
      status: track.status,
      drill: drillOk
        ? {
            from: `${cycle.baselineYear}-01-01`,
            to: `${cycle.lastYear}-12-31`,
            industry: slice.industries.join(','),
            recognition: 'accepted',
            ...drill,
          }
        : null,
    };
  };
  const lines: TargetLine[] = [line('city', CITY_CODE, '全市重点行业', () => true, {})];
  for (const c of categories) {
    lines.push(line('industry', c.name, c.name, (_, i) => c.codes.includes(i), { industry: c.codes.join(',') }));
  }
  for (const county of counties) {
    lines.push(line('county', county, COUNTY_NAME.get(county) ?? county, (k) => k === county, { county }));
  }
  return {
    cycle,
    cycles,
    rule: TARGET_RULE,
    source: source?.source ?? null,
    lines,
    can: { drillDown: drillOk, export: can(actor, 'analysis.export') },
  };
}
