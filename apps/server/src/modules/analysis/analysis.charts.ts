import {
  ACCIDENT_CATEGORIES,
  type ChartKey,
  type ChartTable,
  CURRENT_COUNTIES,
  INJURY_COST_ITEMS,
  INJURY_SEVERITIES,
  industryDivision,
} from '@yufang/contracts';
import type { Core } from '../../core/context.js';
import type { AnalysisSettings } from './analysis.policy.js';
import { costByItem, diseaseByYear, type Slice } from './analysis.repo.js';
import { banded, col, countTable, groupTable, type Params, rateTable, yearDrill } from './analysis.tables.js';

/*
 * The dashboard charts, each as the table behind it (ChartTable): rows for the chart and the export, and per row
 * the record-list query it drills down to (the service adds the dashboard's own filters and drops it for callers
 * without injury.read).
 */

const COUNTY_NAME = new Map(CURRENT_COUNTIES.map((c) => [c.code, c.name]));
const CATEGORY_NAME = new Map(ACCIDENT_CATEGORIES.map((c) => [c.code, c.name]));
const SEX = { '1': '男', '2': '女' } as Record<string, string>;

type Builder = (core: Core, s: Slice, settings: AnalysisSettings) => Promise<ChartTable>;

export const CHART_BUILDERS = new Map<ChartKey, Builder>([
  [
    'byCounty',
    (c, s) =>
      rateTable(c, s, {
        key: 'county',
        chart: 'byCounty',
        title: '各县（市、区）工伤发生率',
        label: '县（市、区）',
        name: (k) => COUNTY_NAME.get(k) ?? k,
        drill: (k) => ({ county: k }),
      }),
  ],
  [
    'byYear',
    (c, s) =>
      rateTable(c, s, {
        key: 'year',
        chart: 'byYear',
        title: '工伤发生率年度趋势',
        label: '年份',
        name: (k) => `${k}年`,
        drill: yearDrill,
      }),
  ],
  [
    'byIndustry',
    (c, s) =>
      rateTable(c, s, {
        key: 'industry',
        chart: 'byIndustry',
        title: '分行业工伤发生率',
        label: '行业',
        name: (k) => industryDivision(k)?.name ?? k,
        drill: (k) => ({ industry: k }),
      }),
  ],
  [
    'byMonth',
    (c, s) =>
      countTable(c, s, {
        key: 'month',
        chart: 'byMonth',
        title: '工伤月度趋势',
        label: '月份',
        name: (k) => k,
        drill: (k) => ({
          from: `${k}-01`,
          to: `${k}-${new Date(Date.UTC(Number(k.slice(0, 4)), Number(k.slice(5, 7)), 0)).getUTCDate()}`,
        }),
      }),
  ],
  [
    'byCategory',
    (c, s) =>
      countTable(c, s, {
        key: 'category',
        chart: 'byCategory',
        title: '事故类别（GB 6441）',
        label: '事故类别',
        name: (k) => CATEGORY_NAME.get(k) ?? '未记录',
        drill: (k): Params => (k ? { category: k } : {}),
      }),
  ],
  [
    'bySeverity',
    (c, s) =>
      countTable(c, s, {
        key: 'severity',
        chart: 'bySeverity',
        title: '伤害程度',
        label: '伤害程度',
        name: (k) => INJURY_SEVERITIES[k as keyof typeof INJURY_SEVERITIES] ?? k,
        drill: (k) => ({ severity: k }),
      }),
  ],
  [
    'byJob',
    (c, s) =>
      groupTable(c, s, {
        dim: 'job',
        chart: 'byJob',
        title: '高发岗位（工种）',
        label: '岗位',
        name: (v) => v || '未记录',
      }),
  ],
  [
    'byAge',
    (c, s, st) =>
      groupTable(c, s, {
        dim: 'age',
        chart: 'byAge',
        title: '年龄段',
        label: '年龄段',
        name: banded(st.ageBands, '岁'),
      }),
  ],
  [
    'bySex',
    (c, s) =>
      groupTable(c, s, { dim: 'sex', chart: 'bySex', title: '性别', label: '性别', name: (v) => SEX[v] ?? '未记录' }),
  ],
  [
    'byTenure',
    (c, s, st) =>
      groupTable(c, s, {
        dim: 'tenure',
        chart: 'byTenure',
        title: '本单位工龄',
        label: '工龄段',
        name: banded(st.tenureBands, '年'),
      }),
  ],
  [
    'pneumoconiosis',
    async (c, s, st) => {
      const years = await diseaseByYear(c.db, s, st.shortExposureYears);
      return {
        key: 'pneumoconiosis',
        title: `尘肺病新发病例与接害工龄不足${st.shortExposureYears}年占比`,
        columns: [
          col('name', '年份'),
          col('pneumoconiosis', '尘肺病新发'),
          col('shortExposure', `接害工龄不足${st.shortExposureYears}年`),
          col('share', `接害工龄不足${st.shortExposureYears}年占比`),
          col('other', '其他职业病'),
        ],
        rows: years.map((y) => ({
          code: String(y.year),
          name: `${y.year}年`,
          pneumoconiosis: y.pneumoconiosis,
          shortExposure: y.shortExposure,
          share: y.knownExposure ? y.shortExposure / y.knownExposure : null,
          other: y.other,
        })),
        drillPath: '/diseases',
        // new cases as counted: every result but 不予认定
        drill: years.map((y) => ({ ...yearDrill(String(y.year)), pneumoconiosis: 'true', recognition: 'counted' })),
      };
    },
  ],
  [
    'costByItem',
    async (c, s) => {
      const items = await costByItem(c.db, s);
      return {
        key: 'costByItem',
        title: '工伤保险基金支出（按项目，计入事故发生年月）',
        columns: [col('name', '支出项目'), col('amountFen', '金额（分）'), col('cases', '涉及案件')],
        rows: items.map((i) => ({
          code: i.item,
          name: INJURY_COST_ITEMS[i.item as keyof typeof INJURY_COST_ITEMS]?.name ?? i.item,
          amountFen: i.amountFen,
          cases: i.cases,
        })),
        drillPath: null,
        drill: null,
      };
    },
  ],
]);
