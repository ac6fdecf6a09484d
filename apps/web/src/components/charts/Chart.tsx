import ReactEChartsCore from 'echarts-for-react/esm/core';
import { type EChartsCoreOption, echarts } from './echarts';

interface Props {
  option: EChartsCoreOption;
  height?: number;
  /** Called with the index of the clicked data item (bar, point, slice or map area). */
  onSelect?: (dataIndex: number, name: string) => void;
  label: string;
}

/** One ECharts chart (SVG, so text stays crisp and the journeys can read it); a click selects a data item. */
export function Chart({ option, height = 280, onSelect, label }: Props) {
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height, width: '100%' }}
        opts={{ renderer: 'svg' }}
        onEvents={
          onSelect ? { click: (e: { dataIndex: number; name: string }) => onSelect(e.dataIndex, e.name) } : undefined
        }
      />
    </div>
  );
}

/** A bar chart of one value per category (horizontal when the names are long). */
export function barOption(
  names: string[],
  values: (number | null)[],
  options: { horizontal?: boolean; unit?: string } = {},
) {
  const category = { type: 'category', data: names, axisLabel: { interval: 0, width: 90, overflow: 'truncate' } };
  const value = { type: 'value', name: options.unit ?? '' };
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: options.horizontal ? 110 : 48, right: 24, top: 32, bottom: options.horizontal ? 24 : 60 },
    xAxis: options.horizontal ? value : { ...category, axisLabel: { ...category.axisLabel, rotate: 30 } },
    yAxis: options.horizontal ? { ...category, inverse: true } : value,
    series: [{ type: 'bar', data: values, itemStyle: { color: '#1677ff' }, cursor: 'pointer' }],
  };
}
