import { DownloadOutlined } from '@ant-design/icons';
import type { ChartTable } from '@yufang/contracts';
import { Button, Card, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { barOption, Chart } from '../../components/charts/Chart';
import type { EChartsCoreOption } from '../../components/charts/echarts';
import { drillHref } from './api';

export type ChartKind = 'bar' | 'hbar' | 'pie' | 'line';

/** How a table becomes a chart: which column is drawn, as what, and in which unit. */
export interface ChartSpec {
  value: string;
  kind: ChartKind;
  unit?: string;
  /** Scales the value for display (e.g. fen → 元). */
  scale?: number;
  /** A share (0–1) drawn as a line on a second axis, in %. */
  share?: string;
}

export function optionOf(table: ChartTable, spec: ChartSpec): EChartsCoreOption {
  const names = table.rows.map((r) => String(r.name));
  const values = table.rows.map((r) => {
    const v = r[spec.value];
    return typeof v === 'number' ? Math.round((v / (spec.scale ?? 1)) * 100) / 100 : null;
  });
  if (spec.kind === 'pie') {
    return {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: names.map((name, i) => ({ name, value: values[i] })) }],
    };
  }
  if (spec.kind === 'line') {
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 24, top: 32, bottom: 40 },
      xAxis: { type: 'category', data: names },
      yAxis: { type: 'value', name: spec.unit ?? '' },
      series: [{ type: 'line', data: values, smooth: true, symbolSize: 6 }],
    };
  }
  const bars = barOption(names, values, { horizontal: spec.kind === 'hbar', unit: spec.unit });
  if (!spec.share) return bars;
  const key = spec.share;
  const shares = table.rows.map((r) =>
    typeof r[key] === 'number' ? Math.round((r[key] as number) * 1000) / 10 : null,
  );
  return {
    ...bars,
    legend: { bottom: 0 },
    yAxis: [bars.yAxis, { type: 'value', name: '%', min: 0, splitLine: { show: false } }],
    series: [
      { ...bars.series[0], name: table.columns.find((c) => c.key === spec.value)?.title },
      {
        type: 'line',
        name: table.columns.find((c) => c.key === key)?.title,
        yAxisIndex: 1,
        data: shares,
        symbolSize: 7,
        itemStyle: { color: '#fa541c' },
      },
    ],
  };
}

/** A dashboard card: the chart of one table, a click on an item opens the records behind it, and an export. */
export function ChartCard({
  table,
  spec,
  exportHref,
  drillable,
}: {
  table: ChartTable | undefined;
  spec: ChartSpec;
  exportHref: string | null;
  drillable: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (!table) return null;
  const drill = drillable && table.drillPath && table.drill ? { path: table.drillPath, params: table.drill } : null;
  return (
    <Card
      size="small"
      title={table.title}
      data-chart={table.key}
      extra={
        exportHref ? (
          <Tooltip title={t('analysis.exportChart')}>
            <Button
              size="small"
              type="text"
              icon={<DownloadOutlined />}
              href={exportHref}
              aria-label={t('analysis.exportChart')}
            />
          </Tooltip>
        ) : null
      }
    >
      {table.rows.length === 0 ? (
        <div style={{ height: 240, display: 'grid', placeItems: 'center', color: '#999' }}>{t('analysis.noData')}</div>
      ) : (
        <Chart
          label={table.title}
          option={optionOf(table, spec)}
          onSelect={
            drill
              ? (i) => {
                  const params = drill.params[i];
                  if (params) navigate(drillHref(drill.path, params));
                }
              : undefined
          }
        />
      )}
    </Card>
  );
}
