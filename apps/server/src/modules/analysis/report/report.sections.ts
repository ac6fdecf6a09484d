import type { RiskFactorKey } from '@yufang/contracts';
import type { ReportData } from './report.data.js';
import type { Block } from './report.docx.js';
import { change, fmt, numberOf, percent, rowByCode, textOf, yuan } from './report.format.js';

const TOP_JOBS = 10;
const FACTOR_SHORT: Record<RiskFactorKey, string> = {
  incidence: '发生率',
  severity: '严重',
  trend: '趋势',
  hazards: '隐患',
};

/** 六: high-incidence positions, age bands and sex (recognised injuries). */
export function groupsSection(d: ReportData): Block[] {
  const jobs = (d.current.charts.byJob?.rows ?? []).slice(0, TOP_JOBS);
  const listed = (key: 'byAge' | 'bySex') =>
    (d.current.charts[key]?.rows ?? []).map(
      (r) => `${textOf(r, 'name')} ${fmt(numberOf(r, 'cases'))} 起（${percent(numberOf(r, 'share'))}）`,
    );
  return [
    { kind: 'heading', level: 1, text: '六、高发岗位与人群' },
    {
      kind: 'paragraph',
      text: `按年龄段：${listed('byAge').join('，') || '无数据'}。按性别：${listed('bySex').join('，') || '无数据'}。`,
    },
    {
      kind: 'table',
      caption: `表6  ${d.year}年工伤高发岗位（工种）前${TOP_JOBS}位`,
      header: ['岗位（工种）', '认定工伤', '占比'],
      rows: jobs.map((r) => [textOf(r, 'name'), fmt(numberOf(r, 'cases')), percent(numberOf(r, 'share'))]),
    },
  ];
}

/** 七: occupational disease, with new pneumoconiosis cases and the share with short exposure. */
export function pneumoconiosisSection(d: ReportData): Block[] {
  const table = d.current.charts.pneumoconiosis;
  const now = rowByCode(table, String(d.year));
  const before = rowByCode(d.previous.charts.pneumoconiosis, String(d.year - 1));
  const shortTitle = table?.columns.find((c) => c.key === 'shortExposure')?.title ?? '接害工龄较短';
  const row = (label: string, r: typeof now) => [
    label,
    fmt(numberOf(r, 'pneumoconiosis')),
    fmt(numberOf(r, 'shortExposure')),
    percent(numberOf(r, 'share')),
    fmt(numberOf(r, 'other')),
  ];
  return [
    { kind: 'heading', level: 1, text: '七、职业病与尘肺病' },
    {
      kind: 'paragraph',
      text:
        `${d.year}年新诊断尘肺病 ${fmt(numberOf(now, 'pneumoconiosis'))} 例，较上年${change(numberOf(before, 'pneumoconiosis'), numberOf(now, 'pneumoconiosis'))}；` +
        `其中${shortTitle}的占 ${percent(numberOf(now, 'share'))}（上年 ${percent(numberOf(before, 'share'))}）；其他职业病 ${fmt(numberOf(now, 'other'))} 例。`,
    },
    {
      kind: 'table',
      caption: '表7  职业病新发病例',
      header: ['年份', '尘肺病新发（例）', shortTitle, '占比', '其他职业病（例）'],
      rows: [row(`${d.year - 1}年`, before), row(`${d.year}年`, now)],
    },
  ];
}

/** 八: work-injury fund spending by item, this year against last. */
export function fundSection(d: ReportData): Block[] {
  const now = d.current.charts.costByItem;
  const before = d.previous.charts.costByItem;
  const codes = [...new Set([...(now?.rows ?? []), ...(before?.rows ?? [])].map((r) => textOf(r, 'code')))];
  const items = codes
    .map((code) => ({
      name: textOf(rowByCode(now, code) ?? rowByCode(before, code), 'name'),
      now: numberOf(rowByCode(now, code), 'amountFen') ?? 0,
      before: numberOf(rowByCode(before, code), 'amountFen') ?? 0,
    }))
    .sort((a, b) => b.now - a.now);
  return [
    { kind: 'heading', level: 1, text: '八、工伤保险基金支出' },
    {
      kind: 'paragraph',
      text: `${d.year}年工伤保险基金支出 ${yuan(d.current.headline.costFen)} 元，较上年${change(d.previous.headline.costFen, d.current.headline.costFen)}。`,
    },
    {
      kind: 'table',
      caption: `表8  工伤保险基金支出（元）`,
      header: ['支出项目', `${d.year - 1}年`, `${d.year}年`, '同比'],
      rows: items.map((i) => [i.name, yuan(i.before), yuan(i.now), change(i.before, i.now)]),
    },
    {
      kind: 'chart',
      caption: `图5  ${d.year}年工伤保险基金支出（万元）`,
      chart: {
        title: '工伤保险基金支出',
        categories: items.map((i) => i.name),
        series: [{ name: '支出', kind: 'bar', values: items.map((i) => Number((i.now / 1e6).toFixed(2))) }],
        units: { left: '万元' },
      },
    },
  ];
}

/** 九: the highest risk-index scores in the area, with their main factors and the monitoring proposals. */
export function riskSection(d: ReportData): Block[] {
  const proposed = d.topRisk.filter((r) => r.monitorSuggested);
  const main = (r: ReportData['topRisk'][number]) =>
    r.factors
      .filter((f) => f.contribution > 0)
      .sort((a, b) => b.contribution - a.contribution)
      .map((f) => `${FACTOR_SHORT[f.key]} ${fmt(f.contribution, 1)}`)
      .join('；') || '—';
  return [
    { kind: 'heading', level: 1, text: '九、风险指数较高的用人单位' },
    {
      kind: 'paragraph',
      text:
        '风险指数综合本单位工伤发生率与行业水平之比（经验贝叶斯平滑，避免小单位因个别事故排名靠前）、严重程度、变化趋势和未整改隐患' +
        `（隐患治理数据暂无，暂计 0 分），满分 100。${d.area.name}风险指数前 ${d.topRisk.length} 位中，建议纳入重点监控的有 ${proposed.length} 家。`,
    },
    {
      kind: 'table',
      caption: `表9  ${d.year}年风险指数较高的用人单位`,
      header: [
        '排名',
        '用人单位',
        '县（市、区）',
        '行业',
        '风险指数',
        '统计期工伤',
        '主要因素（得分）',
        '建议重点监控',
      ],
      widths: [6, 23, 10, 16, 9, 8, 18, 10],
      rows: d.topRisk.map((r, i) => [
        i + 1,
        r.employerName,
        r.countyName,
        r.industryName,
        fmt(r.score, 1),
        fmt(r.cases),
        main(r),
        r.monitorSuggested ? '是' : '否',
      ]),
    },
  ];
}
