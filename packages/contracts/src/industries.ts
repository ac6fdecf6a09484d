/**
 * GB/T 4754 divisions with the work-injury insurance risk class of 人社部发〔2015〕71号 (reference/industries.json).
 * Records use the 2017 edition's codes.
 */
import industries from '../reference/industries.json' with { type: 'json' };

export interface IndustryDivision {
  code: string;
  section: string;
  name: string;
  riskClass: number | null;
}

export const INDUSTRY_DIVISIONS: readonly IndustryDivision[] = industries.divisions.map((d) => ({
  code: d.code,
  section: d.section,
  name: d.name2017 ?? d.name2011 ?? d.code,
  riskClass: d.riskClass,
}));

export const RISK_CLASSES = industries.riskClasses.map((r) => ({ riskClass: r.class, name: r.name }));

const byCode = new Map(INDUSTRY_DIVISIONS.map((d) => [d.code, d]));

export function industryDivision(code: string): IndustryDivision | undefined {
  return byCode.get(code);
}

/**
 * The risk class of a 2017-edition division (and group where it matters). Division 59 mixes 装卸搬运 (group 591,
 * class 5, as 2011's 58) and 仓储 (class 2); division 79 土地管理业 has no national class (local default 3, flagged
 * in the reference notes).
 */
export function riskClassOf(division: string, group?: string | null): number | null {
  if (division === '59') return group === '591' ? 5 : 2;
  if (division === '58') return 5;
  if (division === '79') return 3;
  return byCode.get(division)?.riskClass ?? null;
}
