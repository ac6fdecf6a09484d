import { type Fen, formatFen, yuanToFen } from '@yufang/contracts';
import type { FormRule } from 'antd';

/** A form rule: the text must be a yuan amount (≥ 0, at most two decimals), as the server will store it in fen. */
export function yuanRule(message: string): FormRule {
  return {
    validator: async (_rule, value) => {
      if (value === undefined || value === null || value === '') throw new Error(message);
      let fen: Fen;
      try {
        fen = yuanToFen(String(value));
      } catch (error) {
        throw new Error((error as Error).message);
      }
      if (fen < 0) throw new Error(message);
    },
  };
}

/** Fen as a yuan text for a form field ("1234.56", no separators). */
export const fenToInput = (fen: Fen) => formatFen(fen).replace(/,/g, '');

/** Fen in 万元 for the chart (display only). */
export const wan = (fen: Fen | null | undefined) =>
  fen === null || fen === undefined ? null : Math.round(fen / 1_000_000);
