import { type ChartTable, formatFen } from '@yufang/contracts';

/** Number formatting of the report: Chinese grouping, fixed decimals, a dash for "no data". */
export function fmt(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Year-on-year change of a value as text: 上升 12.3% / 下降 4.0% / 持平 / — without a base. */
export function change(previous: number | null | undefined, current: number | null | undefined): string {
  if (previous === null || previous === undefined || current === null || current === undefined) return '—';
  if (previous === 0) return current === 0 ? '持平' : '—';
  const ratio = current / previous - 1;
  if (Math.abs(ratio) < 0.0005) return '持平';
  return `${ratio > 0 ? '上升' : '下降'} ${fmt(Math.abs(ratio) * 100, 1)}%`;
}

export const percent = (share: number | null | undefined) =>
  share === null || share === undefined ? '—' : `${fmt(share * 100, 1)}%`;

/** Fen as yuan with two decimals (money is integer fen everywhere; this is display only). */
export const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? '—' : `${formatFen(Math.round(fen))}`;

type Row = ChartTable['rows'][number];

export const numberOf = (row: Row | undefined, key: string): number | null => {
  const v = row?.[key];
  return typeof v === 'number' ? v : null;
};

export const textOf = (row: Row | undefined, key: string): string => {
  const v = row?.[key];
  return v === null || v === undefined ? '' : String(v);
};

/** The row of a chart table with a given code (county code, industry code, year …). */
export const rowByCode = (table: ChartTable | undefined, code: string): Row | undefined =>
  table?.rows.find((r) => r.code === code);
