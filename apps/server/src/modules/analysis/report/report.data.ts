import {
  type ChartTable,
  CITY_CODE,
  CURRENT_COUNTIES,
  type DashboardView,
  type RiskScoreView,
  type TargetView,
} from '@yufang/contracts';
import type { Actor } from '../../../core/auth/actor.js';
import type { Core } from '../../../core/context.js';
import { AppError } from '../../../core/http/errors.js';
import type { AnalysisService } from '../analysis.service.js';
import { targetView } from '../analysis.targets.js';
import type { RiskService } from '../risk.service.js';

/** How many of the highest risk scores the report lists. */
export const TOP_RISK = 20;
/** Years of the trend chart (the report year and the five before it: the cycle and its baseline). */
const TREND_YEARS = 6;

export interface ReportArea {
  /** null = the whole city. */
  countyCode: string | null;
  name: string;
}

/** Everything the report says, read through the dashboards' and the risk index's own services. */
export interface ReportData {
  year: number;
  area: ReportArea;
  current: DashboardView;
  previous: DashboardView;
  trend: ChartTable;
  targets: TargetView | null;
  topRisk: RiskScoreView[];
}

const CITY_NAME = '三明市';
const COUNTY_NAME = new Map(CURRENT_COUNTIES.map((c) => [c.code, c.name]));

/** The areas a caller may report on: the city when their scope covers it, and each county in their scope. */
export function reportAreas(actor: Actor): ReportArea[] {
  const counties = CURRENT_COUNTIES.filter((c) => actor.scope.regions.has(c.code)).map((c) => ({
    countyCode: c.code,
    name: c.name,
  }));
  return actor.scope.regions.has(CITY_CODE) ? [{ countyCode: null, name: CITY_NAME }, ...counties] : counties;
}

/**
 * The area asked for, if the caller may report on it: no county means the city (or, for a county officer, their
 * own county); another county is not found, like any record outside the scope.
 */
export function resolveArea(actor: Actor, countyCode: string | undefined): ReportArea {
  const areas = reportAreas(actor);
  const found =
    countyCode === undefined
      ? (areas.find((a) => a.countyCode === null) ?? (areas.length === 1 ? areas[0] : undefined))
      : areas.find((a) => a.countyCode === countyCode);
  if (!found) {
    const name = countyCode ? (COUNTY_NAME.get(countyCode) ?? countyCode) : CITY_NAME;
    throw AppError.notFound(`${name}不存在或不在您的管辖范围内，不能生成该范围的报告`);
  }
  return found;
}

/**
 * The caller narrowed to one county: the dashboards, target tracking and risk ranking then read that county only,
 * through the same scope checks as on screen (a narrowing can only take away, never add).
 */
function narrowed(actor: Actor, area: ReportArea): Actor {
  if (area.countyCode === null) return actor;
  return { ...actor, scope: { ...actor.scope, regions: new Set([area.countyCode]) } };
}

export async function loadReportData(
  core: Core,
  analysis: AnalysisService,
  risks: RiskService,
  actor: Actor,
  year: number,
  area: ReportArea,
): Promise<ReportData> {
  const who = narrowed(actor, area);
  const county = area.countyCode ?? undefined;
  // one after the other: PGlite serialises queries anyway, and PostgreSQL gains little for a handful of reads
  const current = await analysis.dashboard(who, { yearFrom: year, yearTo: year, county });
  const previous = await analysis.dashboard(who, { yearFrom: year - 1, yearTo: year - 1, county });
  const trendSlice = await analysis.resolve(who, { yearFrom: year - TREND_YEARS + 1, yearTo: year, county });
  const trend = await analysis.chart(trendSlice, 'byYear');
  const targets = await targetView(core, analysis, who, { cycle: year }).catch((error: unknown) => {
    // a year outside every configured cycle has no target section, which the report says
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  const topRisk = await risks.top(who, year, TOP_RISK);
  return { year, area, current, previous, trend, targets, topRisk };
}
