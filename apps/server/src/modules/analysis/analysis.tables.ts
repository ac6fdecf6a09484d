import type { ChartKey, ChartTable } from '@yufang/contracts';
import type { Core } from '../../core/context.js';
import { bandOf } from './analysis.policy.js';
import { groupsBy, headcountBy, injuriesBy, KEYS, type Slice } from './analysis.repo.js';
import { computeIndicators } from './indicators.js';

/** The shapes of dashboard tables: rate per key, counts per key, and recognised injuries per worker group. */

const TOP_JOBS = 15;

export type Params = Record<string, string>;

/**
 * 工伤发生率 (‰ a year) of a count over a headcount summed over months: the exposure is in worker-years
 * (insured-months ÷ 12), which for one calendar year is the mean of its monthly headcounts (formulas.md) and for
 * a range of years gives the yearly average rather than a rate that grows with the length of the range.
 */
export const workerYears = (insuredMonths: number) => (insuredMonths > 0 ? insuredMonths / 12 : null);
export const ratePerThousand = (cases: number, insuredMonths: number) =>
  computeIndicators(
    { injured: cases, deaths: 0, serious: 0, lostWorkdays: 0 },
    { averageWorkers: workerYears(insuredMonths) },
  ).incidencePerThousand;

export const col = (key: string, title: string) => ({ key, title });
const RATE_COLUMNS = [
  col('cases', '工伤（认定）'),
  col('averageInsured', '平均参保人数'),
  col('rate', '工伤发生率（‰，年均）'),
];
export const yearDrill = (y: string) => ({ from: `${y}-01-01`, to: `${y}-12-31` });

/** Cases and rate per key of a dimension present on both the injury and the headcount cube. */
export async function rateTable(
  core: Core,
  s: Slice,
  spec: {
    key: keyof typeof KEYS;
    chart: ChartKey;
    title: string;
    label: string;
    name: (k: string) => string;
    drill: (k: string) => Params;
  },
): Promise<ChartTable> {
  const [cases, heads] = await Promise.all([
    injuriesBy(core.db, s, KEYS[spec.key]),
    headcountBy(core.db, s, KEYS[spec.key]),
  ]);
  const keys = [...new Set([...cases.map((c) => c.key), ...heads.map((h) => h.key)])].sort();
  const rows = keys.map((k) => {
    const c = cases.find((x) => x.key === k);
    const h = heads.find((x) => x.key === k);
    const avg = h?.months ? h.insuredMonths / h.months : null;
    return {
      code: k,
      name: spec.name(k),
      cases: c?.recognised ?? 0,
      deaths: c?.deaths ?? 0,
      averageInsured: avg === null ? null : Math.round(avg),
      rate: h ? ratePerThousand(c?.recognised ?? 0, h.insuredMonths) : null,
    };
  });
  return {
    key: spec.chart,
    title: spec.title,
    columns: [col('name', spec.label), ...RATE_COLUMNS, col('deaths', '死亡')],
    rows,
    drillPath: '/injuries',
    drill: keys.map((k) => ({ ...spec.drill(k), recognition: 'accepted' })),
  };
}

export async function countTable(
  core: Core,
  s: Slice,
  spec: {
    key: keyof typeof KEYS;
    chart: ChartKey;
    title: string;
    label: string;
    name: (k: string) => string;
    drill: (k: string) => Params;
  },
): Promise<ChartTable> {
  const cases = await injuriesBy(core.db, s, KEYS[spec.key]);
  return {
    key: spec.chart,
    title: spec.title,
    columns: [
      col('name', spec.label),
      col('cases', '工伤（认定）'),
      col('deaths', '死亡'),
      col('lostWorkdays', '损失工作日'),
    ],
    rows: cases.map((c) => ({
      code: c.key,
      name: spec.name(c.key),
      cases: c.recognised,
      deaths: c.deaths,
      lostWorkdays: c.lostWorkdays,
    })),
    drillPath: '/injuries',
    drill: cases.map((c) => ({ ...spec.drill(c.key), recognition: 'accepted' })),
  };
}

/** Recognised injuries by a worker attribute, banded by the settings; drills to the dashboard's slice only. */
export async function groupTable(
  core: Core,
  s: Slice,
  spec: { dim: string; chart: ChartKey; title: string; label: string; name: (v: string) => string },
): Promise<ChartTable> {
  const groups = await groupsBy(core.db, s, spec.dim);
  // bands merge raw values; they are listed in the order of their values (unrecorded last), positions by count
  const merged = new Map<string, { cases: number; order: number }>();
  for (const g of groups) {
    const name = spec.name(g.value);
    const raw = g.value === '' ? Number.POSITIVE_INFINITY : Number(g.value);
    const m = merged.get(name) ?? { cases: 0, order: raw };
    merged.set(name, { cases: m.cases + g.cases, order: Math.min(m.order, raw) });
  }
  const total = groups.reduce((sum, g) => sum + g.cases, 0);
  const entries = [...merged.entries()];
  const rows = (
    spec.dim === 'job' ? entries.slice(0, TOP_JOBS) : entries.sort(([, a], [, b]) => a.order - b.order)
  ).map(([name, m]) => ({ code: name, name, cases: m.cases, share: total ? m.cases / total : null }));
  return {
    key: spec.chart,
    title: spec.title,
    columns: [col('name', spec.label), col('cases', '工伤（认定）'), col('share', '占比')],
    rows,
    drillPath: '/injuries',
    drill: rows.map(() => ({ recognition: 'accepted' })),
  };
}

export const banded = (bounds: readonly number[], unit: string) => (v: string) =>
  v === '' ? '未记录' : `${bandOf(Number(v), bounds)}${unit}`;
