import { checkIdNumber } from '@yufang/contracts';
import { AppError } from '../../core/http/errors.js';

/** Today's date in Sanming (Asia/Shanghai) as YYYY-MM-DD: insured periods are calendar dates there. */
export function todayInSanming(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

/** Age in whole years on `today` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Insured on `today`: the period has begun and has not ended. */
export function isActive(insuredFrom: string, insuredTo: string | null, today: string): boolean {
  return insuredFrom <= today && (insuredTo === null || insuredTo >= today);
}

/**
 * The stored (18-digit, upper-case) form of an ID number the schema has already accepted; a legacy 15-digit
 * number becomes 18 digits only when the input asked for it (GB 11643-1999).
 */
export function normalisedIdNumber(input: string, convertLegacy: boolean): string {
  const check = checkIdNumber(input, { convertLegacy });
  if (!check.ok) throw AppError.validation('idNumber', check.reason);
  return check.value;
}
