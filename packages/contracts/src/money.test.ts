import { describe, expect, it } from 'vitest';
import { formatFen, percentOf, yuanToFen } from './money.js';

describe('money in fen', () => {
  it('parses yuan text without floating point', () => {
    expect(yuanToFen('1,234.56')).toBe(123456);
    expect(yuanToFen('￥0.1')).toBe(10);
    expect(yuanToFen('19.99')).toBe(1999);
    expect(yuanToFen('-5')).toBe(-500);
    expect(() => yuanToFen('1.234')).toThrow('金额格式不正确');
    expect(() => yuanToFen('abc')).toThrow();
  });
  it('formats fen as yuan', () => {
    expect(formatFen(123456)).toBe('1,234.56');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(-100)).toBe('-1.00');
    expect(() => formatFen(1.5)).toThrow();
  });
  it('takes percentages in basis points, rounding half up to the fen', () => {
    expect(percentOf(100_000_00, 300)).toBe(3_000_00);
    expect(percentOf(1, 5000)).toBe(1);
    expect(percentOf(333, 3000)).toBe(100);
  });
});
