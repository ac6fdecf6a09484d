/**
 * Identifier checks with their check characters.
 * USCC: GB 32100-2015. Citizen ID number: GB 11643-1999 (ISO 7064 MOD 11-2).
 * See reference/identifiers.md.
 */

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Trim, upper-case and turn full-width characters into half-width. */
export function normaliseCode(input: string): string {
  return input
    .trim()
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** The USCC check character for the first 17 characters, or null if one is outside the alphabet. */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * (USCC_WEIGHTS[i] as number);
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] as string;
}

export type CheckResult = { ok: true; value: string } | { ok: false; reason: string };

/** Checks a 统一社会信用代码 and returns it normalised, or the rule it breaks (in Chinese). */
export function checkUscc(input: string): CheckResult {
  const value = normaliseCode(input);
  if (value.length !== 18) return { ok: false, reason: '统一社会信用代码应为 18 位' };
  for (const ch of value) {
    if (!USCC_ALPHABET.includes(ch))
      return { ok: false, reason: `统一社会信用代码含非法字符“${ch}”（不使用 I、O、Z、S、V）` };
  }
  if (!/^[0-9]{6}$/.test(value.slice(2, 8))) return { ok: false, reason: '统一社会信用代码第 3–8 位应为行政区划代码' };
  if (usccCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: '统一社会信用代码校验位不正确' };
  return { ok: true, value };
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** ISO 7064 MOD 11-2 check character of the first 17 digits of an ID number. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] as string;
}

function isRealDate(yyyymmdd: string, today: Date): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return y >= 1900 && date.getTime() <= today.getTime();
}

/**
 * Checks a 公民身份号码. A legacy 15-digit number is converted to 18 digits (19 inserted before the year,
 * check character computed) only when `convertLegacy` is set; otherwise it is refused with a clear message.
 */
export function checkIdNumber(input: string, opts: { convertLegacy?: boolean; today?: Date } = {}): CheckResult {
  const today = opts.today ?? new Date();
  let value = normaliseCode(input);
  if (/^[0-9]{15}$/.test(value)) {
    if (!opts.convertLegacy) return { ok: false, reason: '身份证号码为旧版 15 位，请换用 18 位号码' };
    const first17 = `${value.slice(0, 6)}19${value.slice(6)}`;
    value = first17 + idCheckChar(first17);
  }
  if (!/^[0-9]{17}[0-9X]$/.test(value))
    return { ok: false, reason: '身份证号码应为 18 位（前 17 位为数字，末位为数字或 X）' };
  if (!isRealDate(value.slice(6, 14), today)) return { ok: false, reason: '身份证号码中的出生日期无效' };
  if (idCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: '身份证号码校验位不正确' };
  return { ok: true, value };
}

/** Sex and birth date read from a valid 18-digit ID number. */
export function idNumberFacts(id: string): { sex: 'M' | 'F'; birthDate: string } {
  return {
    sex: Number(id[16]) % 2 === 1 ? 'M' : 'F',
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
  };
}

/** Masks an ID number for display: the first four and the last four characters stay. */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/** Masks a mobile number: 138****1234. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
