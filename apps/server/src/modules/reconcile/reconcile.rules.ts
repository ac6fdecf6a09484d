import type { ReconcileRule } from '@yufang/contracts';

/** A mismatch a rule found now; (rule, subjectKey) identifies it across runs. */
export interface Desired {
  rule: ReconcileRule;
  subjectKey: string;
  dataSetCode: string | null;
  recordKey: string | null;
  employerId: string | null;
  regionCode: string;
  ownerUnit: string;
  summary: string;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface AccidentFact {
  key: string;
  uscc: string | null;
  employerId: string | null;
  regionCode: string;
  date: string | null;
  deaths: number;
  serious: number;
  minor: number;
}

export interface RecognitionFact {
  key: string;
  uscc: string | null;
  employerId: string | null;
  regionCode: string;
  date: string | null;
  injuryKind: string | null;
}

/**
 * (a) An accident with casualties whose window has passed with no work-injury recognition of the same employer
 * for an accident date within [accident date, accident date + window].
 */
export function accidentsWithoutRecognition(
  accidents: AccidentFact[],
  recognitions: RecognitionFact[],
  windowOf: (regionCode: string) => number,
  today: string,
): Desired[] {
  const byUscc = new Map<string, string[]>();
  for (const r of recognitions) {
    if (!r.uscc || !r.date) continue;
    byUscc.set(r.uscc, [...(byUscc.get(r.uscc) ?? []), r.date]);
  }
  const out: Desired[] = [];
  for (const a of accidents) {
    const casualties = a.deaths + a.serious + a.minor;
    if (casualties <= 0 || !a.uscc || !a.date) continue;
    const window = windowOf(a.regionCode);
    const start = a.date;
    const end = addDays(start, window);
    if (end >= today) continue; // still within the window
    const found = (byUscc.get(a.uscc) ?? []).some((d) => d >= start && d <= end);
    if (found) continue;
    out.push({
      rule: 'accident_without_recognition',
      subjectKey: `yjj.accident:${a.key}`,
      dataSetCode: 'yjj.accident',
      recordKey: a.key,
      employerId: a.employerId,
      regionCode: a.regionCode,
      ownerUnit: 'rsj',
      summary: `事故 ${a.key}（${a.date}，死亡 ${a.deaths} 人、重伤 ${a.serious} 人、轻伤 ${a.minor} 人）发生后 ${window} 天内无该单位的工伤认定记录`,
    });
  }
  return out;
}

/** (b) A recognition of a production-safety accident with no accident of the same employer within a day. */
export function recognitionsWithoutAccident(recognitions: RecognitionFact[], accidents: AccidentFact[]): Desired[] {
  const byUscc = new Map<string, string[]>();
  for (const a of accidents) {
    if (!a.uscc || !a.date) continue;
    byUscc.set(a.uscc, [...(byUscc.get(a.uscc) ?? []), a.date]);
  }
  const out: Desired[] = [];
  for (const r of recognitions) {
    if (r.injuryKind !== 'production_safety' || !r.uscc || !r.date) continue;
    const from = addDays(r.date, -1);
    const to = addDays(r.date, 1);
    if ((byUscc.get(r.uscc) ?? []).some((d) => d >= from && d <= to)) continue;
    out.push({
      rule: 'recognition_without_accident',
      subjectKey: `rsj.recognition:${r.key}`,
      dataSetCode: 'rsj.recognition',
      recordKey: r.key,
      employerId: r.employerId,
      regionCode: r.regionCode,
      ownerUnit: 'yjj',
      summary: `工伤认定 ${r.key}（事故日期 ${r.date}，生产安全事故）在应急部门无对应的事故记录`,
    });
  }
  return out;
}

export interface WorkforceFact {
  employerId: string;
  name: string;
  regionCode: string;
  workforce: number;
  insured: number;
  month: string;
}

/** (c) An employer whose workforce exceeds its latest monthly insured headcount by more than the margin. */
export function workforceExceedsInsured(facts: WorkforceFact[], marginOf: (regionCode: string) => number): Desired[] {
  const out: Desired[] = [];
  for (const f of facts) {
    const margin = marginOf(f.regionCode);
    if (f.workforce * 100 <= f.insured * (100 + margin)) continue;
    out.push({
      rule: 'workforce_exceeds_insured',
      subjectKey: `employer:${f.employerId}`,
      dataSetCode: null,
      recordKey: null,
      employerId: f.employerId,
      regionCode: f.regionCode,
      ownerUnit: 'sbzx',
      summary: `${f.name} 职工人数 ${f.workforce} 人，${f.month.slice(0, 7)} 参保 ${f.insured} 人，超出 ${margin}% 的核查界限`,
    });
  }
  return out;
}

export interface ProjectFact {
  key: string;
  name: string;
  employerId: string | null;
  regionCode: string;
  insured: boolean;
}

/** (d) A construction project not insured per project. */
export function projectsWithoutInsurance(projects: ProjectFact[]): Desired[] {
  return projects
    .filter((p) => !p.insured)
    .map((p) => ({
      rule: 'project_without_insurance' as const,
      subjectKey: `zjj.project:${p.key}`,
      dataSetCode: 'zjj.project',
      recordKey: p.key,
      employerId: p.employerId,
      regionCode: p.regionCode,
      ownerUnit: 'zjj',
      summary: `建设项目 ${p.key}“${p.name}”未按项目参加工伤保险`,
    }));
}
