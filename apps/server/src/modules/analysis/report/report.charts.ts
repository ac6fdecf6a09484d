import { renderAsync } from '@resvg/resvg-js';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, SVGRenderer]);

/** A chart for the report: SVG for Word (text stays text, sharp at any zoom) and a PNG for viewers without SVG. */
export interface ReportChart {
  svg: string;
  png: Buffer;
  width: number;
  height: number;
}

export interface Series {
  name: string;
  values: (number | null)[];
  kind: 'bar' | 'line';
  /** A dashed line (the target path). */
  dashed?: boolean;
  /** Drawn against a second value axis on the right (a rate beside counts). */
  right?: boolean;
}

const WIDTH = 640;
const HEIGHT = 300;
// Word and LibreOffice pick the CJK font by name; resvg falls back through the installed system fonts.
const FONT = 'Microsoft YaHei, SimHei, Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif';
const COLORS = ['#1677ff', '#fa8c16', '#52c41a', '#eb2f96', '#722ed1'];

/** What a chart shows; the model builds these, renderChart draws them when the document is written. */
export interface ChartSpec {
  title: string;
  categories: readonly string[];
  series: readonly Series[];
  units: { left: string; right?: string };
}

/**
 * Renders a bar/line chart with ECharts on the server (SSR to an SVG string, no DOM) and rasterises it with resvg
 * for the PNG fallback that the docx format requires next to an SVG picture. The rasterising runs on the libuv
 * thread pool (renderAsync), so the charts of a report render in parallel and the event loop stays free.
 */
export async function renderChart({ title, categories, series, units }: ChartSpec): Promise<ReportChart> {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  chart.setOption({
    animation: false,
    color: COLORS,
    textStyle: { fontFamily: FONT },
    title: { text: title, left: 'center', textStyle: { fontSize: 14, fontFamily: FONT } },
    legend: series.length > 1 ? { bottom: 0, textStyle: { fontFamily: FONT } } : undefined,
    grid: { left: 56, right: units.right ? 56 : 24, top: 48, bottom: series.length > 1 ? 64 : 40 },
    xAxis: {
      type: 'category',
      data: categories,
      axisLabel: { interval: 0, rotate: categories.length > 8 ? 30 : 0, fontFamily: FONT },
    },
    yAxis: [
      { type: 'value', name: units.left, nameTextStyle: { fontFamily: FONT } },
      ...(units.right
        ? [{ type: 'value', name: units.right, nameTextStyle: { fontFamily: FONT }, splitLine: { show: false } }]
        : []),
    ],
    series: series.map((s) => ({
      yAxisIndex: s.right && units.right ? 1 : 0,
      name: s.name,
      type: s.kind,
      data: s.values,
      label: s.kind === 'bar' && categories.length <= 12 ? { show: true, position: 'top', fontSize: 10 } : undefined,
      lineStyle: s.dashed ? { type: 'dashed' } : undefined,
      symbol: s.kind === 'line' ? 'circle' : undefined,
    })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: WIDTH * 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
  });
  return { svg, png: image.asPng(), width: WIDTH, height: HEIGHT };
}
