import {
  EMPLOYER_SIZES,
  INDUSTRY_DIVISIONS,
  INSURANCE_STATUSES,
  OWNERSHIP_TYPES,
  RISK_CLASSES,
} from '@yufang/contracts';
import type { TFunction } from 'i18next';

export const INSURANCE_COLORS: Record<string, string> = { insured: 'green', uninsured: 'red', suspended: 'orange' };

/** Code → label options; the English UI shows its own words for the same codes. */
export function ownershipOptions(t: TFunction) {
  return Object.keys(OWNERSHIP_TYPES).map((code) => ({ value: code, label: t(`employer.ownership.${code}` as never) }));
}
export function sizeOptions(t: TFunction) {
  return Object.keys(EMPLOYER_SIZES).map((code) => ({ value: code, label: t(`employer.sizes.${code}` as never) }));
}
export function insuranceOptions(t: TFunction) {
  return Object.keys(INSURANCE_STATUSES).map((code) => ({
    value: code,
    label: t(`employer.insurance.${code}` as never),
  }));
}
export function riskOptions(t: TFunction) {
  return RISK_CLASSES.map((r) => ({ value: String(r.riskClass), label: t('employer.riskClassN', { n: r.riskClass }) }));
}
export const industryOptions = INDUSTRY_DIVISIONS.map((d) => ({ value: d.code, label: `${d.code} ${d.name}` }));
