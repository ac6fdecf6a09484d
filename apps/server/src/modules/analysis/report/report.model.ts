import { type ChartTable, type Headline, TARGET_STATUSES } from '@yufang/contracts';
import type { ReportData } from './report.data.js';
import type { Block, ReportModel } from './report.docx.js';
import { change, fmt, numberOf, percent, rowByCode, textOf, yuan } from './report.format.js';
import { fundSection, groupsSection, pneumoconiosisSection, riskSection } from './report.sections.js';

const TOP_INDUSTRIES = 15;

type IndicatorRow = [label: string, pick: (h: Headline) => number | null, digits: number];
const INDICATORS: IndicatorRow[] = [
  ['认定（视同）工伤（起）', (h) => h.recognised, 0],
  ['其中：死亡（人）', (h) => h.deaths, 0],
  ['重伤（人）', (h) => h.serious, 0],
  ['损失工作日（日）', (h) => h.lostWorkdays, 0],
  ['月均参保人数（人）', (h) => h.averageInsured, 0],
  ['工伤发生率（‰）', (h) => h.incidencePerThousand, 3],
  ['千人死亡率（‰）', (h) => h.deathRatePerThousand, 3],
  ['千人重伤率（‰）', (h) => h.seriousRatePerThousand, 3],
  ['伤害频率 A（人/百万工时）', (h) => h.frequencyA, 3],
  ['伤害严重率 B（日/百万工时）', (h) => h.severityB, 2],
  ['伤害平均严重率 N（日/人）', (h) => h.averageSeverityN, 1],
];

function overview(d: ReportData): Block[] {
  const c = d.current.headline;
  const p = d.previous.headline;
  const trendRows = d.trend.rows;
  return [
    { kind: 'heading', level: 1, text: '一、总体情况' },
    {
      kind: 'paragraph',
      text:
        `${d.year}年，${d.area.name}月均参保职工 ${fmt(c.averageInsured)} 人，发生认定（视同）工伤 ${fmt(c.recognised)} 起` +
        `（另有待认定 ${fmt(c.pending)} 起），其中死亡 ${fmt(c.deaths)} 人、重伤 ${fmt(c.serious)} 人，损失工作日 ${fmt(c.lostWorkdays)} 日；` +
        `工伤发生率 ${fmt(c.incidencePerThousand, 3)}‰，较上年${change(p.incidencePerThousand, c.incidencePerThousand)}；` +
        `工伤保险基金支出 ${yuan(c.costFen)} 元，较上年${change(p.costFen, c.costFen)}。`,
    },
    {
      kind: 'table',
      caption: `表1  ${d.year}年主要指标及同比变化`,
      header: ['指标', `${d.year - 1}年`, `${d.year}年`, '同比'],
      rows: [
        ...INDICATORS.map(([label, pick, digits]) => [
          label,
          fmt(pick(p), digits),
          fmt(pick(c), digits),
          change(pick(p), pick(c)),
        ]),
        ['工伤保险基金支出（元）', yuan(p.costFen), yuan(c.costFen), change(p.costFen, c.costFen)],
      ],
    },
    {
      kind: 'chart',
      caption: `图1  ${trendRows[0]?.name ?? ''}—${d.year}年认定工伤起数与工伤发生率`,
      chart: {
        title: '工伤发生率年度趋势',
        categories: trendRows.map((r) => textOf(r, 'name')),
        series: [
          { name: '认定工伤（起）', kind: 'bar', values: trendRows.map((r) => numberOf(r, 'cases')) },
          {
            name: '工伤发生率（‰）',
            kind: 'line',
            right: true,
            values: trendRows.map((r) => round(numberOf(r, 'rate'), 3)),
          },
        ],
        units: { left: '起', right: '‰' },
      },
    },
    {
      kind: 'note',
      text:
        '注：工伤发生率 = 认定（视同）工伤起数 ÷ 月均参保人数 × 1000；千人死亡率、千人重伤率、伤害频率、伤害严重率、' +
        '伤害平均严重率按 GB 6441—86 计算，工时按参保人数和统计口径设置的月工作日、日工作小时估算；死亡按 6000 个损失工作日计。',
    },
  ];
}

const round = (v: number | null, digits: number) => (v === null ? null : Number(v.toFixed(digits)));

function targets(d: ReportData): Block[] {
  const head: Block = { kind: 'heading', level: 1, text: '二、重点行业工伤事故发生率目标进度' };
  const t = d.targets;
  if (!t) return [head, { kind: 'paragraph', text: `${d.year}年不在已配置的五年目标周期内，本节从略。` }];
  type Line = (typeof t.lines)[number];
  const pick = (line: Line) => line.years.find((y) => y.year === d.year);
  const lines = t.lines.filter((l) => l.level !== 'county' || d.area.countyCode === null);
  const total = `${d.area.name}重点行业合计`;
  const named = (l: Line) => (l.level === 'city' ? total : l.name);
  const byStatus = (level: 'industry' | 'county', s: keyof typeof TARGET_STATUSES) =>
    lines
      .filter((l) => l.level === level && l.status === s)
      .map(named)
      .join('、') || '无';
  const countySentence =
    d.area.countyCode === null
      ? `各县（市、区）中，按计划推进的有：${byStatus('county', 'on_track')}；存在风险的有：${byStatus('county', 'at_risk')}。`
      : '';
  const city = lines.find((l) => l.level === 'city');
  const years = city?.years ?? [];
  return [
    head,
    {
      kind: 'paragraph',
      text:
        `按${t.cycle.name}五年行动计划，重点行业工伤事故发生率以${t.cycle.baselineYear}年为基准，到${t.cycle.lastYear}年降低` +
        `${fmt(t.cycle.reduction * 100)}%左右。${total}${TARGET_STATUSES[city?.status ?? 'no_data']}；` +
        `重点行业中，按计划推进的有：${byStatus('industry', 'on_track')}；存在风险的有：${byStatus('industry', 'at_risk')}。` +
        countySentence,
    },
    {
      kind: 'table',
      caption: `表2  重点行业工伤事故发生率目标进度（‰）`,
      header: [
        '对象',
        `${t.cycle.baselineYear}年基准`,
        `${d.year}年`,
        `${d.year}年路径值`,
        `${t.cycle.lastYear}年预测`,
        '较基准',
        '状态',
      ],
      widths: [20, 12, 11, 13, 13, 11, 13],
      rows: lines.map((l) => [
        named(l),
        fmt(l.baseline, 3),
        fmt(pick(l)?.rate, 3),
        fmt(pick(l)?.path, 3),
        fmt(l.projection, 3),
        l.change === null ? '—' : `${l.change > 0 ? '+' : ''}${fmt(l.change * 100, 1)}%`,
        TARGET_STATUSES[l.status],
      ]),
    },
    {
      kind: 'chart',
      caption: `图2  ${total}发生率与目标路径（‰）`,
      chart: {
        title: '重点行业发生率与目标路径',
        categories: years.map((y) => `${y.year}年`),
        series: [
          { name: '实际发生率', kind: 'line', values: years.map((y) => round(y.rate, 3)) },
          { name: '目标路径', kind: 'line', dashed: true, values: years.map((y) => round(y.path, 3)) },
        ],
        units: { left: '‰' },
      },
    },
    { kind: 'note', text: `判定规则：${t.rule}${t.source ? `（依据：${t.source}）` : ''}` },
  ];
}

/** A rate table per county or industry with last year's rate beside this year's. */
function rateTable(
  caption: string,
  label: string,
  now: ChartTable | undefined,
  before: ChartTable | undefined,
  limit: number,
) {
  const rows = [...(now?.rows ?? [])]
    .sort((a, b) => (numberOf(b, 'cases') ?? 0) - (numberOf(a, 'cases') ?? 0))
    .slice(0, limit);
  return {
    rows,
    block: {
      kind: 'table',
      caption,
      header: [label, '月均参保人数', '认定工伤', '死亡', '发生率（‰）', '上年发生率（‰）', '同比'],
      widths: [24, 13, 10, 8, 12, 13, 13],
      rows: rows.map((r) => {
        const last = numberOf(rowByCode(before, textOf(r, 'code')), 'rate');
        return [
          textOf(r, 'name'),
          fmt(numberOf(r, 'averageInsured')),
          fmt(numberOf(r, 'cases')),
          fmt(numberOf(r, 'deaths')),
          fmt(numberOf(r, 'rate'), 3),
          fmt(last, 3),
          change(last, numberOf(r, 'rate')),
        ];
      }),
    } satisfies Block,
  };
}

function counties(d: ReportData): Block[] {
  const { rows, block } = rateTable(
    `表3  ${d.year}年分县（市、区）工伤情况`,
    '县（市、区）',
    d.current.charts.byCounty,
    d.previous.charts.byCounty,
    Number.POSITIVE_INFINITY,
  );
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: '三、分县（市、区）情况' }, block];
  if (rows.length > 1) {
    const ordered = [...rows].sort((a, b) => (numberOf(b, 'rate') ?? 0) - (numberOf(a, 'rate') ?? 0));
    blocks.push({
      kind: 'chart',
      caption: `图3  ${d.year}年各县（市、区）工伤发生率（‰）`,
      chart: {
        title: '各县（市、区）工伤发生率',
        categories: ordered.map((r) => textOf(r, 'name')),
        series: [{ name: '工伤发生率', kind: 'bar', values: ordered.map((r) => round(numberOf(r, 'rate'), 2)) }],
        units: { left: '‰' },
      },
    });
  }
  return blocks;
}

function industries(d: ReportData): Block[] {
  const { block } = rateTable(
    `表4  ${d.year}年分行业工伤情况（按认定工伤起数前${TOP_INDUSTRIES}位）`,
    '行业（GB/T 4754 大类）',
    d.current.charts.byIndustry,
    d.previous.charts.byIndustry,
    TOP_INDUSTRIES,
  );
  return [{ kind: 'heading', level: 1, text: '四、分行业情况' }, block];
}

function categories(d: ReportData): Block[] {
  const table = d.current.charts.byCategory;
  const rows = [...(table?.rows ?? [])].sort((a, b) => (numberOf(b, 'cases') ?? 0) - (numberOf(a, 'cases') ?? 0));
  const total = rows.reduce((s, r) => s + (numberOf(r, 'cases') ?? 0), 0);
  const top = rows.slice(0, 3).map((r) => `${textOf(r, 'name')}（${fmt(numberOf(r, 'cases'))} 起）`);
  return [
    { kind: 'heading', level: 1, text: '五、事故类别' },
    { kind: 'paragraph', text: `按 GB 6441—86 事故类别，${d.year}年认定工伤居前的是：${top.join('、') || '无'}。` },
    {
      kind: 'table',
      caption: `表5  ${d.year}年工伤事故类别`,
      header: ['事故类别', '认定工伤', '占比', '死亡', '损失工作日'],
      rows: rows.map((r) => [
        textOf(r, 'name'),
        fmt(numberOf(r, 'cases')),
        percent(total ? (numberOf(r, 'cases') ?? 0) / total : null),
        fmt(numberOf(r, 'deaths')),
        fmt(numberOf(r, 'lostWorkdays')),
      ]),
    },
    {
      kind: 'chart',
      caption: `图4  ${d.year}年工伤事故类别（起）`,
      chart: {
        title: '工伤事故类别',
        categories: rows.slice(0, 10).map((r) => textOf(r, 'name')),
        series: [{ name: '认定工伤', kind: 'bar', values: rows.slice(0, 10).map((r) => numberOf(r, 'cases')) }],
        units: { left: '起' },
      },
    },
  ];
}

/** The whole report for a year and an area. */
export function buildReportModel(d: ReportData, generatedAt: Date): ReportModel {
  const at = generatedAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  return {
    title: `${d.area.name}${d.year}年度工伤预防分析报告`,
    subtitle: `（供工伤预防工作联席会议使用 · 内部资料 · 生成于 ${at}）`,
    blocks: [
      ...overview(d),
      ...targets(d),
      ...counties(d),
      ...industries(d),
      ...categories(d),
      ...groupsSection(d),
      ...pneumoconiosisSection(d),
      ...fundSection(d),
      ...riskSection(d),
      {
        kind: 'note',
        text: `数据来源：Yufang 工伤预防综合管理平台（工伤认定、参保登记、职业病诊断与工伤保险基金支出数据），统计截至 ${at}。本报告不含职工个人信息。`,
      },
    ],
  };
}
