/**
 * The injury indicators the platform reports, in one place (packages/contracts/reference/formulas.md):
 * GB 6441-86 section 6 (千人死亡率, 千人重伤率, 伤害频率 A, 伤害严重率 B, 伤害平均严重率 N), the programme's
 * 工伤发生率 per 1,000 insured workers, and the OSHA rate per 200,000 hours for international comparison.
 *
 * Pure functions on counts: every rate is `null` when its denominator is missing or zero, so a county with no insured
 * headcount shows "no data" rather than a rate of 0 or infinity. Results are unrounded; round only for display.
 */

/** GB 6441 counts a death as 6000 lost workdays and a serious injury as at least 105. */
export const DEATH_LOST_WORKDAYS = 6000;
export const SERIOUS_MIN_LOST_WORKDAYS = 105;

export type Severity = 'minor' | 'serious' | 'death';

/** What happened in a period, summed over cases. */
export interface InjuryTally {
  /** Injured persons (all severities, deaths included) — the numerator of A and N. */
  injured: number;
  deaths: number;
  serious: number;
  /** Total lost workdays, deaths and serious injuries counted by the GB 6441 rule. */
  lostWorkdays: number;
  /** Recognised (or deemed) work injuries — the numerator of 工伤发生率. */
  recognised?: number;
}

/** The exposure of the same period. */
export interface Exposure {
  /** Average number of workers (mean of the monthly insured headcounts). */
  averageWorkers: number | null;
  /** Total hours worked, where known. */
  hours?: number | null;
}

export interface Indicators {
  /** 工伤发生率 (‰): recognised injuries per 1,000 average insured workers. */
  incidencePerThousand: number | null;
  /** 千人死亡率 */
  deathRatePerThousand: number | null;
  /** 千人重伤率 */
  seriousRatePerThousand: number | null;
  /** 伤害频率 A: injured per million hours. */
  frequencyA: number | null;
  /** 伤害严重率 B: lost workdays per million hours. */
  severityB: number | null;
  /** 伤害平均严重率 N: lost workdays per injured person (= B ÷ A). */
  averageSeverityN: number | null;
  /** OSHA incidence rate: cases per 200,000 hours (100 full-time workers a year). */
  oshaRate: number | null;
}

const ratio = (numerator: number, denominator: number | null | undefined, scale: number): number | null =>
  denominator === null || denominator === undefined || !(denominator > 0) ? null : (numerator / denominator) * scale;

/** The lost workdays GB 6441 counts for one case: 6000 for a death, at least 105 for a serious injury. */
export function countedLostWorkdays(severity: Severity, recordedDays: number): number {
  if (severity === 'death') return DEATH_LOST_WORKDAYS;
  if (severity === 'serious') return Math.max(SERIOUS_MIN_LOST_WORKDAYS, recordedDays);
  return Math.max(0, recordedDays);
}

/** Average workers of a period: the mean of its monthly headcounts (months without a figure are left out). */
export function averageHeadcount(monthly: readonly (number | null | undefined)[]): number | null {
  const known = monthly.filter((n): n is number => typeof n === 'number' && Number.isFinite(n));
  return known.length === 0 ? null : known.reduce((s, n) => s + n, 0) / known.length;
}

/** 工伤发生率 per 1,000 insured workers. */
export const incidencePerThousand = (recognised: number, averageWorkers: number | null): number | null =>
  ratio(recognised, averageWorkers, 1e3);

/** GB 6441 千人死亡率. */
export const deathRatePerThousand = (deaths: number, averageWorkers: number | null): number | null =>
  ratio(deaths, averageWorkers, 1e3);

/** GB 6441 千人重伤率. */
export const seriousRatePerThousand = (serious: number, averageWorkers: number | null): number | null =>
  ratio(serious, averageWorkers, 1e3);

/** GB 6441 伤害频率 A (百万工时伤害率). */
export const frequencyA = (injured: number, hours: number | null | undefined): number | null =>
  ratio(injured, hours, 1e6);

/** GB 6441 伤害严重率 B. */
export const severityB = (lostWorkdays: number, hours: number | null | undefined): number | null =>
  ratio(lostWorkdays, hours, 1e6);

/** GB 6441 伤害平均严重率 N. */
export const averageSeverityN = (lostWorkdays: number, injured: number): number | null =>
  ratio(lostWorkdays, injured, 1);

/** OSHA rate per 200,000 hours (TCIR with all recordable cases, DART with days-away/restricted cases). */
export const oshaRate = (cases: number, hours: number | null | undefined): number | null => ratio(cases, hours, 2e5);

/** Hours worked from a headcount and a working schedule (e.g. 8 h × 21.75 days × 12 months). */
export function scheduledHours(
  averageWorkers: number,
  schedule: { hoursPerDay: number; daysPerMonth: number },
  months: number,
): number {
  return averageWorkers * schedule.hoursPerDay * schedule.daysPerMonth * months;
}

/** Every indicator of a period at once. */
export function computeIndicators(tally: InjuryTally, exposure: Exposure): Indicators {
  return {
    incidencePerThousand: incidencePerThousand(tally.recognised ?? tally.injured, exposure.averageWorkers),
    deathRatePerThousand: deathRatePerThousand(tally.deaths, exposure.averageWorkers),
    seriousRatePerThousand: seriousRatePerThousand(tally.serious, exposure.averageWorkers),
    frequencyA: frequencyA(tally.injured, exposure.hours),
    severityB: severityB(tally.lostWorkdays, exposure.hours),
    averageSeverityN: averageSeverityN(tally.lostWorkdays, tally.injured),
    oshaRate: oshaRate(tally.injured, exposure.hours),
  };
}

/** Relative change from a base value (−0.2 = down 20%); null without a positive base. */
export const relativeChange = (base: number | null, value: number | null): number | null =>
  base === null || value === null || !(base > 0) ? null : value / base - 1;

/** Rounds for display (half away from zero); keeps null. */
export function roundTo(value: number | null, digits: number): number | null {
  if (value === null) return null;
  const f = 10 ** digits;
  return (Math.sign(value) * Math.round(Math.abs(value) * f)) / f;
}
