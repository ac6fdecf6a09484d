/**
 * Row rules of the injury and disease imports: each cell checked and turned into its stored form, or named with the
 * rule it breaks under the template's Chinese header. The same pure rules as the forms (injury.rules.ts).
 */
import {
  ACCIDENT_CATEGORIES,
  checkIdNumber,
  DISEASE_EDITIONS,
  INJURY_SEVERITIES,
  idNumberFacts,
  maskIdNumber,
  normaliseCode,
  RECOGNITION_RESULTS,
} from '@yufang/contracts';
import type { FieldProblem } from '../../core/http/errors.js';
import { done, type HeaderMap, Row, type RowContext, type RowResult } from '../import/import.rules.js';
import { diagnosisProblems, isoOfBeijing, lostWorkdayProblems, recognitionProblems, sexCode } from './injury.rules.js';

const reverse = (entries: [string, string][]) => {
  const m = new Map<string, string>();
  for (const [code, label] of entries) {
    m.set(code, code);
    m.set(label, code);
  }
  return m;
};
const CATEGORIES = reverse(ACCIDENT_CATEGORIES.map((c) => [c.code, c.name]));
for (const c of ACCIDENT_CATEGORIES) CATEGORIES.set(String(Number(c.code)), c.code);
const SEVERITIES = reverse(Object.entries(INJURY_SEVERITIES));
const RESULTS = reverse(Object.entries(RECOGNITION_RESULTS));
RESULTS.set('工伤', 'recognised');
const YES_NO = new Map([
  ['是', true],
  ['否', false],
  ['Y', true],
  ['N', false],
]);

/** "YYYY-MM-DD[ HH:mm]" in Beijing time as an ISO instant with its offset, or null when it is no real time. */
function beijingInstant(text: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0'].map(Number) as number[];
  const at = new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi));
  if (
    at.getUTCMonth() !== (mo as number) - 1 ||
    at.getUTCDate() !== d ||
    (h as number) > 23 ||
    (mi as number) > 59 ||
    (y as number) < 1950
  )
    return null;
  const pad = (n: number | undefined) => String(n).padStart(2, '0');
  return isoOfBeijing(`${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`);
}

/** Both case kinds: employer, number, worker (the ID number leaves only encrypted, hashed and masked). */
function worker(r: Row, ctx: RowContext, noColumn: string) {
  const uscc = r.uscc();
  const caseNo = r.text(noColumn, 64, true);
  const workerName = r.text('姓名', 32, true);
  const idInput = r.required('身份证号码');
  let id: string | null = null;
  if (idInput !== null) {
    const check = checkIdNumber(idInput, { today: ctx.today });
    if (check.ok) id = check.value;
    else r.fail('身份证号码', maskIdNumber(normaliseCode(idInput)), check.reason);
  }
  const job = r.text('岗位/工种', 64);
  if (!uscc || !caseNo || !workerName || !id) return null;
  const facts = idNumberFacts(id);
  return {
    uscc,
    caseNo,
    workerName,
    idCipher: ctx.encrypt(id),
    idHash: ctx.hash(id),
    idMasked: maskIdNumber(id),
    sex: sexCode(facts.sex),
    birthDate: facts.birthDate,
    job,
  };
}

/** A rule's field problems under the template's column names. */
function report(r: Row, problems: FieldProblem[], columns: Record<string, string>, values: Record<string, unknown>) {
  for (const p of problems) r.fail(columns[p.field] ?? p.field, String(values[p.field] ?? ''), p.message);
}

const INJURY_COLUMNS: Record<string, string> = {
  lostWorkdays: '损失工作日',
  recognitionDate: '认定日期',
  disabilityGrade: '伤残等级',
  disabilityAssessedOn: '鉴定日期',
};

/** One injury-case row (统一社会信用代码 … 鉴定日期). */
export function injuryRow(cells: string[], header: HeaderMap, ctx: RowContext): RowResult<InjuryStageRow> {
  const r = new Row(cells, header);
  const w = worker(r, ctx, '编号');
  const atInput = r.required('发生时间');
  let occurredAt: string | null = null;
  if (atInput !== null) {
    occurredAt = beijingInstant(atInput);
    if (!occurredAt) r.fail('发生时间', atInput, '格式应为 YYYY-MM-DD HH:mm（北京时间）的有效时间');
    else if (Date.parse(occurredAt) > ctx.today.getTime()) occurredAt = r.fail('发生时间', atInput, '不能晚于现在');
  }
  const category = r.code('事故类别', CATEGORIES, 'GB 6441 事故类别名称或 01–20 代码');
  if (!r.get('事故类别')) r.fail('事故类别', null, '必填项不能为空');
  const severity = r.code('伤害程度', SEVERITIES, '轻伤、重伤、死亡') as InjuryStageRow['severity'] | null;
  if (!r.get('伤害程度')) r.fail('伤害程度', null, '必填项不能为空');
  const lostWorkdays = r.int('损失工作日', 0, 6000, true);
  const commutingInput = r.get('上下班途中');
  const commuting = commutingInput ? YES_NO.get(commutingInput) : false;
  if (commuting === undefined) r.fail('上下班途中', commutingInput, '应为“是”或“否”');
  const recognitionResult = (r.code('认定结论', RESULTS, '待认定、认定为工伤、视同工伤、不予认定') ??
    (r.get('认定结论') ? null : 'pending')) as InjuryStageRow['recognitionResult'] | null;
  const recognitionDate = r.date('认定日期', false, ctx.today);
  const disabilityGrade = r.int('伤残等级', 1, 10, false);
  const disabilityAssessedOn = r.date('鉴定日期', false, ctx.today);
  if (severity && lostWorkdays !== null)
    report(r, lostWorkdayProblems(severity, lostWorkdays), INJURY_COLUMNS, { lostWorkdays });
  const facts = { recognitionDate, disabilityGrade, disabilityAssessedOn };
  if (occurredAt && recognitionResult)
    report(
      r,
      recognitionProblems({ eventDate: occurredAt.slice(0, 10), recognitionResult, ...facts }),
      INJURY_COLUMNS,
      facts,
    );
  const place = r.text('发生地点', 200);
  const rest = {
    injuryNature: r.text('受伤性质', 32),
    bodyPart: r.text('受伤部位', 32),
    cause: r.text('起因物', 64),
    harmingObject: r.text('致害物', 64),
    activity: r.text('作业活动', 200),
  };
  if (
    !w ||
    !occurredAt ||
    !category ||
    !severity ||
    lostWorkdays === null ||
    !recognitionResult ||
    commuting === undefined
  )
    return done<InjuryStageRow>(r, null);
  return done(r, {
    ...w,
    occurredAt,
    place,
    accidentCategory: category,
    ...rest,
    severity,
    lostWorkdays,
    commuting,
    recognitionResult,
    ...facts,
  });
}

const DISEASE_CATEGORIES = new Map<string, number>();
for (const e of DISEASE_EDITIONS)
  for (const c of e.categories) {
    DISEASE_CATEGORIES.set(String(c.no), c.no);
    DISEASE_CATEGORIES.set(c.name, c.no);
  }

/** One occupational-disease row; the catalogue edition is the one in force on the diagnosis date. */
export function diseaseRow(cells: string[], header: HeaderMap, ctx: RowContext): RowResult<DiseaseStageRow> {
  const r = new Row(cells, header);
  const w = worker(r, ctx, '病例编号');
  const diagnosedOn = r.date('诊断日期', true, ctx.today);
  const categoryInput = r.required('病种分类');
  const categoryNo =
    categoryInput === null
      ? null
      : (DISEASE_CATEGORIES.get(categoryInput) ??
        r.fail('病种分类', categoryInput, '应为目录的分类序号（1–12）或分类名称'));
  const diseaseName = r.text('职业病名称', 100, true);
  const stage = r.int('尘肺病期别', 1, 3, false);
  const exposureMonths = r.int('接害工龄（月）', 0, 1200, false);
  const hazardFactor = r.text('职业病危害因素', 64);
  const recognitionResult = (r.code('认定结论', RESULTS, '待认定、认定为工伤、视同工伤、不予认定') ??
    (r.get('认定结论') ? null : 'pending')) as DiseaseStageRow['recognitionResult'] | null;
  const disabilityGrade = r.int('伤残等级', 1, 10, false);
  if (!w || !diagnosedOn || categoryNo === null || !diseaseName || !recognitionResult)
    return done<DiseaseStageRow>(r, null);
  const diagnosis = diagnosisProblems({ diagnosedOn, categoryNo, diseaseName, stage });
  report(
    r,
    diagnosis.problems,
    { diagnosedOn: '诊断日期', categoryNo: '病种分类', stage: '尘肺病期别' },
    { diagnosedOn, categoryNo, stage },
  );
  if (disabilityGrade !== null && recognitionResult !== 'recognised' && recognitionResult !== 'deemed')
    r.fail('伤残等级', String(disabilityGrade), '只有认定（或视同）工伤的病例才能评定伤残等级');
  return done(r, {
    ...w,
    diagnosedOn,
    catalogueEdition: diagnosis.edition ?? '',
    categoryNo,
    diseaseName,
    pneumoconiosis: diagnosis.pneumoconiosis,
    stage,
    exposureMonths,
    hazardFactor,
    recognitionResult,
    disabilityGrade,
  });
}

export interface InjuryStageRow {
  uscc: string;
  caseNo: string;
  workerName: string;
  idCipher: string;
  idHash: string;
  idMasked: string;
  sex: string;
  birthDate: string;
  job: string | null;
  occurredAt: string;
  place: string | null;
  accidentCategory: string;
  injuryNature: string | null;
  bodyPart: string | null;
  cause: string | null;
  harmingObject: string | null;
  activity: string | null;
  severity: 'minor' | 'serious' | 'death';
  lostWorkdays: number;
  commuting: boolean;
  recognitionResult: 'pending' | 'recognised' | 'deemed' | 'not_recognised';
  recognitionDate: string | null;
  disabilityGrade: number | null;
  disabilityAssessedOn: string | null;
}

export type DiseaseStageRow = Omit<
  InjuryStageRow,
  | 'occurredAt'
  | 'place'
  | 'accidentCategory'
  | 'injuryNature'
  | 'bodyPart'
  | 'cause'
  | 'harmingObject'
  | 'activity'
  | 'severity'
  | 'lostWorkdays'
  | 'commuting'
  | 'recognitionDate'
  | 'disabilityAssessedOn'
> & {
  diagnosedOn: string;
  catalogueEdition: string;
  categoryNo: number;
  diseaseName: string;
  pneumoconiosis: boolean;
  stage: number | null;
  exposureMonths: number | null;
  hazardFactor: string | null;
};
