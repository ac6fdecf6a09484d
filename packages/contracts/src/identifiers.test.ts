import { describe, expect, it } from 'vitest';
import { checkIdNumber, checkUscc, idNumberFacts, maskIdNumber, maskPhone, usccCheckChar } from './identifiers.js';

describe('USCC (GB 32100-2015)', () => {
  it('accepts the reference example and computes its check character', () => {
    expect(checkUscc('91110000600037341L')).toEqual({ ok: true, value: '91110000600037341L' });
    expect(usccCheckChar('91110000600037341')).toBe('L');
  });
  it('normalises full-width, lower-case and spaces before checking', () => {
    expect(checkUscc(' ９１１１００００６０００３７３４１ｌ ')).toEqual({ ok: true, value: '91110000600037341L' });
  });
  it('refuses a wrong check character, a wrong length and letters outside the alphabet', () => {
    expect(checkUscc('91110000600037341M')).toEqual({ ok: false, reason: '统一社会信用代码校验位不正确' });
    expect(checkUscc('9111000060003734')).toMatchObject({ ok: false, reason: '统一社会信用代码应为 18 位' });
    expect(checkUscc('91110000600037341I')).toMatchObject({ ok: false });
  });
  it('accepts a letter in position 1', () => {
    const first17 = 'N2350400MA2YXXXX0'.replace(/X/g, '1');
    expect(checkUscc(first17 + usccCheckChar(first17))).toMatchObject({ ok: true });
  });
});

describe('ID number (GB 11643-1999)', () => {
  it('accepts the reference example and reads sex and birth date', () => {
    expect(checkIdNumber('360426199101010071')).toEqual({ ok: true, value: '360426199101010071' });
    expect(idNumberFacts('360426199101010071')).toEqual({ sex: 'M', birthDate: '1991-01-01' });
  });
  it('refuses a wrong check digit and an impossible or future birth date', () => {
    expect(checkIdNumber('360426199101010072')).toEqual({ ok: false, reason: '身份证号码校验位不正确' });
    expect(checkIdNumber('360426199102300071')).toMatchObject({ ok: false, reason: '身份证号码中的出生日期无效' });
    expect(checkIdNumber('360426209901010071', { today: new Date('2026-01-01') })).toMatchObject({ ok: false });
  });
  it('accepts a lower-case x and stores it upper-case', () => {
    expect(checkIdNumber('35042619900101118x')).toEqual({ ok: true, value: '35042619900101118X' });
  });
  it('refuses a legacy 15-digit number unless asked to convert it', () => {
    expect(checkIdNumber('360426910101007')).toEqual({ ok: false, reason: '身份证号码为旧版 15 位，请换用 18 位号码' });
    expect(checkIdNumber('360426910101007', { convertLegacy: true })).toEqual({
      ok: true,
      value: '360426199101010071',
    });
  });
  it('masks ID and phone numbers', () => {
    expect(maskIdNumber('350426199101010071')).toBe('3504**********0071');
    expect(maskPhone('13812341234')).toBe('138****1234');
  });
});
