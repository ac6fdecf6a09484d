import {
  ACCIDENT_CATEGORIES,
  ACCIDENT_GRADES,
  type BulletinFact,
  type BulletinSourceKind,
  EMPLOYER_SIZES,
  INJURY_SEVERITIES,
  industryDivision,
} from '@yufang/contracts';
import type { DisclosurePolicy } from './bulletin.policy.js';

/**
 * The case a bulletin is drafted from, as read from the injury tables. It still holds what must never reach the
 * bulletin (worker names, the exact place, the employer's name): the de-identification below leaves them out and
 * `personalDataProblems` refuses text that contains them.
 */
export interface SourceCase {
  kind: BulletinSourceKind;
  id: string;
  countyCode: string;
  countyName: string;
  employerId: string | null;
  employerName: string | null;
  employerSize: string | null;
  industryCode: string | null;
  /** ISO date of the event (injury, accident) or of the diagnosis (disease). */
  date: string;
  workerNames: string[];
  place: string | null;
  sex: string | null;
  birthDate: string | null;
  job: string | null;
  severity: string | null;
  accidentCategory: string | null;
  injuryNature: string | null;
  bodyPart: string | null;
  diseaseName: string | null;
  stage: number | null;
  exposureMonths: number | null;
  hazardFactor: string | null;
  deaths: number | null;
  seriousInjuries: number | null;
  minorInjuries: number | null;
  legalGrade: string | null;
  /** Cases of the same kind, county and industry division over the policy's window before the event. */
  similarCases: number;
}

const CATEGORY_NAMES = new Map(ACCIDENT_CATEGORIES.map((c) => [c.code, c.name]));
const STAGES = ['', '壹期', '贰期', '叁期'];

/** The picker's one-line summary of a case: category and severity, category and grade, or the disease. */
export function sourceSummary(kind: BulletinSourceKind, category: string | null, detail: string | null): string {
  if (kind === 'disease') return detail ?? '—';
  const names: Record<string, string> = kind === 'injury' ? INJURY_SEVERITIES : ACCIDENT_GRADES;
  return (
    [category ? CATEGORY_NAMES.get(category) : null, detail ? names[detail] : null].filter(Boolean).join(' · ') || '—'
  );
}

/** “2024年3月”: the month, not the day, of the event. */
export function monthLabel(isoDate: string): string {
  const [y, m] = isoDate.split('-');
  return `${y}年${Number(m)}月`;
}

/** The age band (e.g. 30–39岁) of a person born on `birthDate` on the day of `onDate`. */
export function ageBand(birthDate: string, onDate: string, width: number): string {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  const low = Math.floor(age / width) * width;
  return `${low}–${low + width - 1}岁`;
}

/** The exposure band in years (e.g. 5–9年), or “不足N年” for the first band. */
export function exposureBand(months: number, width: number): string {
  const low = Math.floor(months / 12 / width) * width;
  return low === 0 ? `不足${width}年` : `${low}–${low + width - 1}年`;
}

/** A count shown only when the group is large enough; a small group is reported as “少于N起”. */
export function suppressedCount(count: number, minGroupSize: number, unit = '起'): string {
  return count < minGroupSize ? `少于${minGroupSize}${unit}（小样本不予公布）` : `${count}${unit}`;
}

/** The employer as the bulletin names it by default: its industry division and size class (制造业 · 小型企业). */
export function employerDescription(industryCode: string | null, size: string | null): string {
  const industry = industryCode ? (industryDivision(industryCode)?.name ?? '其他行业') : '行业不详';
  const sizeName = size && size in EMPLOYER_SIZES ? EMPLOYER_SIZES[size as keyof typeof EMPLOYER_SIZES] : null;
  return sizeName ? `${industry} · ${sizeName}企业` : `${industry}企业`;
}

function personLine(c: SourceCase, policy: DisclosurePolicy): string {
  const parts: string[] = [];
  if (c.sex === '1' || c.sex === '2') parts.push(c.sex === '1' ? '男' : '女');
  if (c.birthDate) parts.push(ageBand(c.birthDate, c.date, policy.ageBandYears));
  if (c.job) parts.push(c.job);
  return parts.join('，') || '不详';
}

/**
 * The facts a bulletin shows about its case (《个人信息保护法》第七十三条 去标识化): the month instead of the date,
 * the county instead of the place, industry and size class instead of the employer, an age band instead of the age,
 * no names or ID numbers, and counts of similar cases suppressed below the policy's group size.
 */
export function deidentify(c: SourceCase, policy: DisclosurePolicy): BulletinFact[] {
  const facts: BulletinFact[] = [
    { label: c.kind === 'disease' ? '诊断时间' : '发生时间', value: monthLabel(c.date) },
    { label: '地区', value: `三明市${c.countyName}` },
    { label: '单位', value: employerDescription(c.industryCode, c.employerSize) },
  ];
  const add = (label: string, value: string | null | undefined) => {
    if (value) facts.push({ label, value });
  };
  if (c.kind === 'injury') {
    add('事故类别', c.accidentCategory ? CATEGORY_NAMES.get(c.accidentCategory) : null);
    add('伤害程度', c.severity ? INJURY_SEVERITIES[c.severity as keyof typeof INJURY_SEVERITIES] : null);
    add('受伤部位', c.bodyPart);
    add('受伤性质', c.injuryNature);
    add('受伤人员', personLine(c, policy));
  } else if (c.kind === 'disease') {
    add('职业病', c.diseaseName ? `${c.diseaseName}${c.stage ? `（${STAGES[c.stage] ?? ''}）` : ''}` : null);
    add('危害因素', c.hazardFactor);
    add('接害工龄', c.exposureMonths === null ? null : exposureBand(c.exposureMonths, policy.exposureBandYears));
    add('患者', personLine(c, policy));
  } else {
    add('事故类别', c.accidentCategory ? CATEGORY_NAMES.get(c.accidentCategory) : null);
    add('事故等级', c.legalGrade ? ACCIDENT_GRADES[c.legalGrade as keyof typeof ACCIDENT_GRADES] : null);
    add('伤亡情况', `死亡${c.deaths ?? 0}人，重伤${c.seriousInjuries ?? 0}人，轻伤${c.minorInjuries ?? 0}人`);
  }
  facts.push({
    label: `本县同行业近${policy.similarYears}年同类案例`,
    value: suppressedCount(c.similarCases, policy.minGroupSize),
  });
  return facts;
}

/** A title and opening paragraph made from the de-identified facts only, for the editor to rework. */
export function draftText(
  c: SourceCase,
  facts: BulletinFact[],
  policy: DisclosurePolicy,
): { title: string; narrative: string } {
  const fact = (label: string) => facts.find((f) => f.label === label)?.value;
  const person = `${c.birthDate ? ageBand(c.birthDate, c.date, policy.ageBandYears) : ''}${
    c.sex === '1' ? '男性' : c.sex === '2' ? '女性' : ''
  }${c.job ?? '职工'}`;
  const employer = employerDescription(c.industryCode, c.employerSize).replace(' · ', '');
  const what =
    c.kind === 'disease'
      ? `一名${person}经诊断患${fact('职业病') ?? '职业病'}`
      : c.kind === 'accident'
        ? `发生一起${fact('事故类别') ?? '生产安全'}事故，造成${fact('伤亡情况') ?? '人员伤亡'}`
        : `一名${person}在作业中发生${fact('事故类别') ?? '工伤'}事故，造成${fact('伤害程度') ?? '伤害'}`;
  const kind = c.kind === 'disease' ? '职业病' : (fact('事故类别') ?? '工伤');
  return {
    title: `${c.countyName}${employer}${kind}${c.kind === 'disease' ? '' : '事故'}典型案例`,
    narrative: `${fact(c.kind === 'disease' ? '诊断时间' : '发生时间')}，${c.countyName}某${employer}${what}。`,
  };
}

export interface SensitiveTerms {
  workerNames: string[];
  place: string | null;
  employerName: string | null;
}

// Digits written with spaces, hyphens or full-width forms are still the number: normalise before matching.
const normalise = (text: string) => text.normalize('NFKC').replace(/[\s\-‐－—]/g, '');
const ID_NUMBER = /(?<!\d)(\d{17}[\dXx]|\d{15})(?!\d)/;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const LANDLINE = /(?<!\d)0\d{2,3}\d{7,8}(?!\d)/;

/**
 * What in a bulletin's text would identify a person: an ID number, a phone number, the worker's name, the exact
 * place, or the employer's name (named only by the reviewer's choice, never in the text). One message per rule.
 */
export function personalDataProblems(text: string, terms: SensitiveTerms): string[] {
  const compact = normalise(text);
  const problems: string[] = [];
  if (ID_NUMBER.test(compact)) problems.push('含有疑似身份证号码');
  if (MOBILE.test(compact) || LANDLINE.test(compact)) problems.push('含有疑似电话号码');
  if (terms.workerNames.some((n) => n.trim().length >= 2 && compact.includes(normalise(n)))) {
    problems.push('含有当事职工的姓名，请改用“一名职工”“某某”等称谓');
  }
  if (terms.place && normalise(terms.place).length >= 4 && compact.includes(normalise(terms.place))) {
    problems.push('含有事故发生的详细地点，请只写到县（市、区）');
  }
  if (terms.employerName && compact.includes(normalise(terms.employerName))) {
    problems.push('含有单位名称，请以行业和规模描述（是否点名由审核人在发布时决定）');
  }
  return problems;
}
