/**
 * Pure rules of injury, occupational-disease and accident records; unit-tested in injury.rules.test.ts.
 */
import {
  type AccidentGrade,
  diseaseEdition,
  diseaseEditionOn,
  type InjurySeverity,
  isPneumoconiosis,
  LISTED_DISEASES,
  LOST_WORKDAYS,
  RECOGNISED_RESULTS,
  type RecognitionResult,
} from '@yufang/contracts';
import type { FieldProblem } from '../../core/http/errors.js';
import type { AccidentGradeThresholds } from './injury.policy.js';

/**
 * The legal grade of a production-safety accident (《生产安全事故报告和调查处理条例》第三条): the most severe grade
 * whose bound any of deaths, serious injuries (incl. acute industrial poisoning) or direct loss reaches; "以上"
 * includes the bound, so exactly 3 deaths is 较大事故.
 */
export function legalGrade(
  facts: { deaths: number; seriousInjuries: number; directLossFen: number | null },
  thresholds: AccidentGradeThresholds,
): AccidentGrade {
  const hit = thresholds.grades.find(
    (g) =>
      facts.deaths >= g.deathsMin ||
      facts.seriousInjuries >= g.seriousMin ||
      (facts.directLossFen ?? 0) >= g.lossFenMin,
  );
  return hit?.grade ?? 'general';
}

/** GB 6441-86: a death is 6000 lost workdays, a serious injury 105 to 5999, a minor injury 1 to 104. */
export function lostWorkdayProblems(severity: InjurySeverity, lostWorkdays: number): FieldProblem[] {
  const field = 'lostWorkdays';
  if (severity === 'death' && lostWorkdays !== LOST_WORKDAYS.death)
    return [{ field, message: `死亡按 ${LOST_WORKDAYS.death} 个损失工作日计（GB 6441）` }];
  if (severity === 'serious' && (lostWorkdays < LOST_WORKDAYS.seriousMin || lostWorkdays >= LOST_WORKDAYS.death))
    return [
      {
        field,
        message: `重伤的损失工作日应在 ${LOST_WORKDAYS.seriousMin}–${LOST_WORKDAYS.death - 1} 日之间（GB 6441）`,
      },
    ];
  if (severity === 'minor' && (lostWorkdays < LOST_WORKDAYS.minorMin || lostWorkdays >= LOST_WORKDAYS.seriousMin))
    return [
      {
        field,
        message: `轻伤的损失工作日应在 ${LOST_WORKDAYS.minorMin}–${LOST_WORKDAYS.seriousMin - 1} 日之间，105 日及以上为重伤（GB 6441）`,
      },
    ];
  return [];
}

/**
 * The recognition decision and the disability assessment in order: a decided case has its decision date (not
 * before the event), a pending one none; a disability grade (GB/T 16180, 1–10) only on a recognised or deemed case
 * (劳动能力鉴定 follows recognition, 《工伤保险条例》第二十一条), with its assessment date not before the decision.
 */
export function recognitionProblems(c: {
  eventDate: string;
  recognitionResult: RecognitionResult;
  recognitionDate: string | null;
  disabilityGrade: number | null;
  disabilityAssessedOn: string | null;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (c.recognitionResult === 'pending' && c.recognitionDate)
    problems.push({ field: 'recognitionDate', message: '待认定的案件不能有认定日期' });
  if (c.recognitionResult !== 'pending' && !c.recognitionDate)
    problems.push({ field: 'recognitionDate', message: '已作出认定结论的案件须填写认定日期' });
  if (c.recognitionDate && c.recognitionDate < c.eventDate)
    problems.push({ field: 'recognitionDate', message: '认定日期不能早于事故日期' });
  problems.push(...gradeProblems(c.recognitionResult, c.disabilityGrade));
  if (c.disabilityGrade !== null && !c.disabilityAssessedOn)
    problems.push({ field: 'disabilityAssessedOn', message: '填写伤残等级时须填写鉴定日期' });
  if (c.disabilityGrade === null && c.disabilityAssessedOn)
    problems.push({ field: 'disabilityGrade', message: '填写鉴定日期时须填写伤残等级' });
  if (c.disabilityAssessedOn && c.recognitionDate && c.disabilityAssessedOn < c.recognitionDate)
    problems.push({ field: 'disabilityAssessedOn', message: '鉴定日期不能早于认定日期' });
  return problems;
}

/** A disability grade only on a recognised (or deemed) case. */
export function gradeProblems(result: RecognitionResult, grade: number | null): FieldProblem[] {
  if (grade !== null && !RECOGNISED_RESULTS.includes(result))
    return [{ field: 'disabilityGrade', message: '只有认定（或视同）工伤的案件才能评定伤残等级' }];
  return [];
}

/**
 * The catalogue edition in force on the diagnosis date (2013 before 2025-08-01, 2024 from then); the category must
 * exist in that edition; a stage (期别) only for a pneumoconiosis.
 */
export function diagnosisProblems(d: {
  diagnosedOn: string;
  catalogueEdition?: string | undefined;
  categoryNo: number;
  diseaseName: string;
  stage: number | null;
}): { edition: string | null; pneumoconiosis: boolean; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const inForce = diseaseEditionOn(d.diagnosedOn);
  if (!inForce) {
    problems.push({ field: 'diagnosedOn', message: '诊断日期早于现行《职业病分类和目录》（2013-12-23）' });
    return { edition: null, pneumoconiosis: false, problems };
  }
  if (d.catalogueEdition && d.catalogueEdition !== inForce.edition)
    problems.push({
      field: 'catalogueEdition',
      message: `诊断日期 ${d.diagnosedOn} 适用 ${inForce.edition} 版目录，不是 ${d.catalogueEdition} 版`,
    });
  const categories = diseaseEdition(inForce.edition)?.categories ?? [];
  if (!categories.some((c) => c.no === d.categoryNo))
    problems.push({ field: 'categoryNo', message: `${inForce.edition} 版目录只有 1–${categories.length} 类` });
  const pneumoconiosis = isPneumoconiosis(inForce.edition, d.categoryNo, d.diseaseName);
  if (d.stage !== null && !pneumoconiosis) problems.push({ field: 'stage', message: '只有尘肺病才有期别' });
  return { edition: inForce.edition, pneumoconiosis, problems };
}

/** Full years of age on a date (YYYY-MM-DD), from a birth date. */
export function ageOn(birthDate: string, onDate: string): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Full months insured at the employer before a date (0 in the first month), from the start of the insured spell. */
export function tenureMonthsOn(insuredFrom: string, onDate: string): number {
  const months =
    (Number(onDate.slice(0, 4)) - Number(insuredFrom.slice(0, 4))) * 12 +
    (Number(onDate.slice(5, 7)) - Number(insuredFrom.slice(5, 7)));
  const full = onDate.slice(8) < insuredFrom.slice(8) ? months - 1 : months;
  return Math.max(0, full);
}

/** The calendar date in Beijing of an instant (policies and the analysis count events by that date). */
export function beijingDate(at: Date): string {
  return at.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** ID numbers' sex digit as GB/T 2261.1 codes ('1' male, '2' female), as the case tables store it. */
export function sexCode(sex: string): string {
  return sex === 'M' || sex === '1' ? '1' : '2';
}

/**
 * The catalogue category of a disease named by a source that sends only the name (wjw.od_case): by the
 * edition's own lists where the reference file has them (categories 1–4), else by the words that name the other
 * categories (中毒, 放射, 肿瘤 …); what matches nothing falls in 其他职业病, the catalogue's last category.
 */
export function diseaseCategoryOf(edition: string, name: string): number {
  const e = diseaseEdition(edition);
  const last = e?.categories.length ?? 10;
  const listed = LISTED_DISEASES.find((l) => l.names.includes(name));
  if (listed) return listed.categoryNo;
  if (isPneumoconiosis(edition, 1, name)) return 1;
  const byWord: [RegExp, number][] = [
    [/放射/, 7],
    [/中毒/, 5],
    [/癌|瘤|白血病|间皮瘤/, 9],
    [/中暑|减压病|高原病|航空病|振动病|冻伤|激光/, 6],
    [/布鲁氏菌病|森林脑炎|炭疽|莱姆病|艾滋病/, 8],
  ];
  const hit = byWord.find(([re]) => re.test(name));
  return hit ? hit[1] : last;
}

/** A Beijing wall-clock time (YYYY-MM-DD, YYYY-MM-DDTHH:mm or …:ss) as an ISO instant with its +08:00 offset. */
export function isoOfBeijing(local: string): string {
  const [date, time = '00:00'] = local.split('T');
  return `${date}T${time.length === 5 ? `${time}:00` : time}+08:00`;
}
