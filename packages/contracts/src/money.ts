/**
 * Money is integer fen (分) everywhere: storage, arithmetic and JSON (reference/formulas.md).
 * These helpers convert only at the edges, from and to the yuan strings people type and read.
 */

export type Fen = number;

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Parses a yuan amount typed by a person ("1,234.5", "￥12.30") into fen, without floating point. */
export function yuanToFen(input: string): Fen {
  const text = input
    .trim()
    .replace(/[,，\s]/g, '')
    .replace(/^[¥￥]/, '');
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new Error(`金额格式不正确：“${input}”（最多两位小数）`);
  const [, sign, whole, frac = ''] = match;
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) throw new Error(`金额超出范围：“${input}”`);
  return sign === '-' ? -fen : fen;
}

/** Formats fen as a yuan string with thousands separators: 123456 → "1,234.56". */
export function formatFen(fen: Fen): string {
  if (!isFen(fen)) throw new Error('金额必须是以分为单位的整数');
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** Splits an amount by percentage in basis points (1% = 100), rounding half up to the fen. */
export function percentOf(fen: Fen, basisPoints: number): Fen {
  if (!isFen(fen) || !Number.isInteger(basisPoints)) throw new Error('金额与比例必须是整数');
  return Math.floor((fen * basisPoints + 5000) / 10000);
}
