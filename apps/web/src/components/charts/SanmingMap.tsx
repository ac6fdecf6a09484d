import geoText from '../../../../../packages/contracts/reference/geo/sanming-350400.geojson?raw';
import { Chart } from './Chart';
import { echarts } from './echarts';

// The vendored map of the 11 current counties (after the 2021 changes); features carry the GB/T 2260 code as
// `adcode` and the county's name as `name`, which is what the series data matches on.
const geo = JSON.parse(geoText) as { features: { properties: { adcode: number; name: string } }[] };
echarts.registerMap('sanming', geoText as never);
const NAME_OF_CODE = new Map(geo.features.map((f) => [String(f.properties.adcode), f.properties.name]));

export interface MapValue {
  code: string;
  value: number | null;
}

/** A choropleth of Sanming's counties; counties without a value (out of scope) are drawn grey and not clickable. */
export function SanmingMap({
  values,
  label,
  unit,
  onSelect,
  height = 360,
}: {
  values: MapValue[];
  label: string;
  unit: string;
  onSelect?: (code: string) => void;
  height?: number;
}) {
  const byCode = new Map(values.map((v) => [v.code, v.value]));
  const numbers = values.map((v) => v.value).filter((v): v is number => v !== null);
  const min = numbers.length ? Math.min(...numbers) : 0;
  const max = numbers.length ? Math.max(...numbers) : 0;
  // colours are computed here rather than by a visualMap, so that counties outside the caller's scope can stay grey
  const fill = (v: number | null) => (v === null ? '#f5f5f5' : shade(max > min ? (v - min) / (max - min) : 0.5));
  const data = [...NAME_OF_CODE].map(([code, name]) => {
    const value = byCode.get(code) ?? null;
    return {
      name,
      code,
      value,
      itemStyle: { areaColor: fill(value) },
      label: { color: value === null ? '#bbb' : value > (min + max) / 2 ? '#fff' : '#333' },
    };
  });
  const option = {
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: number }) =>
        `${p.name}<br/>${Number.isFinite(p.value) ? `${p.value.toFixed(2)} ${unit}` : '—'}`,
    },
    series: [
      {
        type: 'map',
        map: 'sanming',
        roam: false,
        selectedMode: false,
        label: { show: true, fontSize: 11 },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffd666' } },
        itemStyle: { borderColor: '#fff' },
        data,
      },
    ],
  };
  return (
    <>
      <Chart
        option={option}
        height={height - 24}
        label={label}
        onSelect={
          onSelect
            ? (_, name) => {
                const hit = data.find((d) => d.name === name);
                if (hit && byCode.has(hit.code)) onSelect(hit.code);
              }
            : undefined
        }
      />
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, fontSize: 12, color: '#666' }}>
        <span>{numbers.length ? min.toFixed(2) : '—'}</span>
        <span style={{ width: 120, height: 8, background: `linear-gradient(90deg, ${shade(0)}, ${shade(1)})` }} />
        <span>{numbers.length ? max.toFixed(2) : '—'}</span>
        <span>{unit}</span>
      </div>
    </>
  );
}

/** Light to dark blue for 0…1. */
function shade(t: number): string {
  const from = [230, 244, 255];
  const to = [9, 88, 217];
  const c = from.map((f, i) => Math.round(f + ((to[i] ?? f) - f) * Math.min(1, Math.max(0, t))));
  return `rgb(${c.join(',')})`;
}
