import {
  type AnalysisFilter,
  type ChartKey,
  type ChartTable,
  CITY_CODE,
  CURRENT_COUNTIES,
  type DashboardView,
} from '@yufang/contracts';
import { type Actor, can } from '../../core/auth/actor.js';
import type { Core } from '../../core/context.js';
import { AppError } from '../../core/http/errors.js';
import { type IndustrySet, loadIndustryPolicy } from '../employer/industry-policy.js';
import { refreshAggregates } from './aggregate.js';
import { CHART_BUILDERS } from './analysis.charts.js';
import { type AnalysisSettings, analysisSettings } from './analysis.policy.js';
import { costByItem, headcountBy, injuriesBy, KEYS, latestYear, type Slice } from './analysis.repo.js';
import { type Params, workerYears } from './analysis.tables.js';
import { computeIndicators, scheduledHours } from './indicators.js';

const COUNTY_NAME = new Map(CURRENT_COUNTIES.map((c) => [c.code, c.name]));

/** What a dashboard request resolves to: the slice it reads and the record-list query behind it. */
export interface Resolved {
  slice: Slice;
  base: Params;
  drill: boolean;
  keyIndustries: IndustrySet['categories'];
}

export class AnalysisService {
  constructor(private readonly core: Core) {}

  /**
   * Counties the caller sees: those of their region scope; a caller without a region scope (a member-unit officer)
   * sees city-wide aggregates. A county filter outside the scope is not found.
   */
  counties(actor: Actor, county?: string): string[] {
    const regional = actor.scope.regions.size > 0;
    const visible = CURRENT_COUNTIES.map((c) => c.code).filter((c) => !regional || actor.scope.regions.has(c));
    if (county === undefined) return visible;
    if (!visible.includes(county)) throw AppError.notFound('县（市、区）不存在或不在您的管辖范围内');
    return [county];
  }

  async resolve(actor: Actor, f: AnalysisFilter): Promise<Resolved> {
    await refreshAggregates(this.core.db);
    const last = f.yearTo ?? (await latestYear(this.core.db)) ?? new Date().getFullYear();
    const yearTo = last;
    const yearFrom = f.yearFrom ?? yearTo - 5;
    const policy = await loadIndustryPolicy(this.core.db, this.core.regions, CITY_CODE, `${yearTo}-12-31`);
    const keyIndustries = policy.key?.categories ?? [];
    let industries: string[] | null = f.industry ? [f.industry] : null;
    if (f.keyIndustry) {
      const chosen = keyIndustries.filter((c) => f.keyIndustry === 'all' || c.name === f.keyIndustry);
      if (chosen.length === 0) throw AppError.validation('keyIndustry', '重点行业不在本周期的重点行业目录中');
      const codes = chosen.flatMap((c) => c.codes.filter((code) => code.length === 2));
      industries = industries ? industries.filter((i) => codes.includes(i)) : codes;
    }
    const base: Params = { from: `${yearFrom}-01-01`, to: `${yearTo}-12-31` };
    if (f.county) base.county = f.county;
    // the drill-down lists the industries the slice counts (a key-industry category is several divisions); an empty
    // slice has no rows to drill from
    if (industries?.length) base.industry = industries.join(',');
    return {
      slice: { yearFrom, yearTo, counties: this.counties(actor, f.county), industries },
      base,
      drill: can(actor, 'injury.read'),
      keyIndustries,
    };
  }

  async dashboard(actor: Actor, f: AnalysisFilter): Promise<DashboardView> {
    const r = await this.resolve(actor, f);
    const settings = await analysisSettings(this.core.db, this.core.regions, `${r.slice.yearTo}-12-31`);
    const db = this.core.db;
    const s = r.slice;
    const [[total], [insured], costs] = await Promise.all([
      injuriesBy(db, s, KEYS.all),
      headcountBy(db, s, KEYS.all),
      costByItem(db, s),
    ]);
    const averageWorkers = insured?.months ? insured.insuredMonths / insured.months : null;
    const hours = averageWorkers === null ? null : scheduledHours(averageWorkers, settings, insured?.months ?? 0);
    const t = total ?? { cases: 0, recognised: 0, pending: 0, deaths: 0, serious: 0, lostWorkdays: 0 };
    // rates per year: the exposure is in worker-years, so a six-year range shows the yearly average
    const indicators = computeIndicators(
      {
        injured: t.recognised + t.pending,
        deaths: t.deaths,
        serious: t.serious,
        lostWorkdays: t.lostWorkdays,
        recognised: t.recognised,
      },
      { averageWorkers: workerYears(insured?.insuredMonths ?? 0), hours },
    );
    // independent reads: concurrent on a PostgreSQL pool (PGlite runs them one after another anyway)
    const tables = await Promise.all([...CHART_BUILDERS.keys()].map((key) => this.chart(r, key, settings)));
    const charts: Record<string, ChartTable> = Object.fromEntries(tables.map((t) => [t.key, t]));
    return {
      yearFrom: s.yearFrom,
      yearTo: s.yearTo,
      counties: this.counties(actor).map((code) => ({ code, name: COUNTY_NAME.get(code) ?? code })),
      keyIndustries: r.keyIndustries.map((c) => ({ name: c.name, codes: [...c.codes] })),
      headline: {
        ...t,
        averageInsured: averageWorkers,
        ...indicators,
        costFen: costs.reduce((sum, c) => sum + c.amountFen, 0),
        hoursEstimated: true,
      },
      charts,
      can: { drillDown: r.drill, export: can(actor, 'analysis.export') },
    };
  }

  /** One chart's table (the export reads the same). */
  async chart(r: Resolved, key: ChartKey, settings?: AnalysisSettings): Promise<ChartTable> {
    const build = CHART_BUILDERS.get(key);
    if (!build) throw AppError.validation('chart', '图表不存在');
    const table = await build(
      this.core,
      r.slice,
      settings ?? (await analysisSettings(this.core.db, this.core.regions, `${r.slice.yearTo}-12-31`)),
    );
    if (!r.drill || !table.drillPath) return { ...table, drill: null };
    return { ...table, drill: (table.drill ?? []).map((d) => ({ ...r.base, ...d })) };
  }
}
