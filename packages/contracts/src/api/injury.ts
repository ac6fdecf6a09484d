import { z } from 'zod';
import { ACCIDENT_CATEGORIES } from '../codes.js';
import { checkIdNumber } from '../identifiers.js';
import {
  ACCIDENT_GRADE_CODES,
  DISEASE_EDITION_CODES,
  INJURY_COST_ITEM_CODES,
  INJURY_SEVERITY_CODES,
  RECOGNITION_FILTER_CODES,
  RECOGNITION_RESULT_CODES,
} from '../injury-codes.js';
import { PageQuery, pageOf, Timestamp } from './common.js';

const IsoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
/** An instant with its offset (the web sends Beijing time as +08:00); stored in UTC. */
const Instant = z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601（带时区）' });
const flag = z.stringbool({ error: '应为 true 或 false' });
const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多 ${max} 个字符`)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v));
const count = (label: string) =>
  z.number().int(`${label}应为整数`).min(0, `${label}不能为负数`).max(100_000, `${label}过大`);

export const InjurySeverity = z.enum(INJURY_SEVERITY_CODES, { error: '伤害程度应为轻伤、重伤或死亡' });
export type InjurySeverity = z.infer<typeof InjurySeverity>;
export const RecognitionResult = z.enum(RECOGNITION_RESULT_CODES, {
  error: '认定结论应为待认定、认定为工伤、视同工伤或不予认定',
});
export type RecognitionResult = z.infer<typeof RecognitionResult>;
/** A list filter: one result, `accepted` (认定或视同工伤) or `counted` (all but 不予认定), see RECOGNITION_FILTERS. */
export const RecognitionFilter = z.enum(RECOGNITION_FILTER_CODES, {
  error: '认定结论应为待认定、认定为工伤、视同工伤、不予认定、认定或视同（accepted）或除不予认定外（counted）',
});
export const AccidentGrade = z.enum(ACCIDENT_GRADE_CODES);
export type AccidentGrade = z.infer<typeof AccidentGrade>;
export const InjuryCostItem = z.enum(INJURY_COST_ITEM_CODES, { error: '请选择支出项目' });
export type InjuryCostItem = z.infer<typeof InjuryCostItem>;
export const AccidentCategory = z.enum(ACCIDENT_CATEGORIES.map((c) => c.code) as [string, ...string[]], {
  error: '事故类别应为 GB 6441 的 01–20',
});
export const DiseaseEditionCode = z.enum(DISEASE_EDITION_CODES, { error: '目录版本应为 2013 或 2024' });

/**
 * Filters shared by the lists, the exports and the web's URL query string (a dashboard links to
 * /injuries?year=2024&county=350403&industry=06&category=09&severity=serious&keyIndustry=true, or for a key-industry
 * category /injuries?industry=07,08,09,10,11,12&recognition=accepted).
 */
const RecordFilter = z.object({
  year: z.coerce.number().int().min(2000, '年份应在 2000 年以后').max(2100, '年份无效').optional(),
  /** Calendar dates in Beijing time, inclusive. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  county: z
    .string()
    .regex(/^\d{6}$/, '区划代码应为 6 位数字')
    .optional(),
  /**
   * GB/T 4754 divisions (2 digits) or groups (3 digits), several separated by commas (a key-industry category such as
   * 矿山开采 is 07,08,09,10,11,12): records in any of them.
   */
  industry: z
    .string()
    .max(200, '行业代码过多')
    .regex(/^\d{2,3}(,\d{2,3})*$/, '行业代码应为 2 位大类或 3 位中类，多个以逗号分隔')
    .optional(),
  keyIndustry: flag.optional(),
  employerId: z.uuid('用人单位编号格式不正确').optional(),
  /** A fragment of the case number or the worker's name. */
  q: z.string().trim().max(64, '关键字最多 64 个字符').optional(),
});

export const InjuryFilter = RecordFilter.extend({
  category: AccidentCategory.optional(),
  severity: InjurySeverity.optional(),
  recognition: RecognitionFilter.optional(),
  commuting: flag.optional(),
  accidentId: z.uuid('事故编号格式不正确').optional(),
});
export type InjuryFilter = z.infer<typeof InjuryFilter>;
export const InjuryListQuery = PageQuery.extend(InjuryFilter.shape);
export type InjuryListQuery = z.infer<typeof InjuryListQuery>;

export const DiseaseFilter = RecordFilter.extend({
  edition: DiseaseEditionCode.optional(),
  categoryNo: z.coerce.number().int().min(1, '病种分类应为 1–12').max(12, '病种分类应为 1–12').optional(),
  pneumoconiosis: flag.optional(),
  recognition: RecognitionFilter.optional(),
});
export type DiseaseFilter = z.infer<typeof DiseaseFilter>;
export const DiseaseListQuery = PageQuery.extend(DiseaseFilter.shape);
export type DiseaseListQuery = z.infer<typeof DiseaseListQuery>;

export const AccidentFilter = RecordFilter.extend({
  category: AccidentCategory.optional(),
  grade: AccidentGrade.optional(),
});
export type AccidentFilter = z.infer<typeof AccidentFilter>;
export const AccidentListQuery = PageQuery.extend(AccidentFilter.shape);
export type AccidentListQuery = z.infer<typeof AccidentListQuery>;

export const RecordAbilities = z.object({ update: z.boolean(), export: z.boolean() });

/** The worker and the employer's classification as captured on the record (both case kinds). */
const CaseBase = z.object({
  id: z.uuid(),
  caseNo: z.string(),
  employerId: z.uuid(),
  employerName: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  personId: z.uuid().nullable(),
  workerName: z.string(),
  /** Masked only; the full number stays encrypted. */
  idMasked: z.string().nullable(),
  /** '1' male, '2' female (GB/T 2261.1). */
  sex: z.string().nullable(),
  birthDate: z.string().nullable(),
  /** Full years at the event (or diagnosis) date. */
  age: z.number().int().nullable(),
  job: z.string().nullable(),
  tenureMonths: z.number().int().nullable(),
  industryCode: z.string(),
  industryGroup: z.string().nullable(),
  industryName: z.string(),
  riskClass: z.number().int().nullable(),
  keyIndustry: z.boolean(),
  dustHazard: z.boolean(),
  recognitionResult: RecognitionResult,
  disabilityGrade: z.number().int().nullable(),
  /** form | import | exchange */
  source: z.string(),
  demo: z.boolean(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  can: RecordAbilities,
});

export const InjuryCaseView = CaseBase.extend({
  occurredAt: Timestamp,
  place: z.string().nullable(),
  accidentCategory: z.string().nullable(),
  accidentCategoryName: z.string().nullable(),
  injuryNature: z.string().nullable(),
  bodyPart: z.string().nullable(),
  cause: z.string().nullable(),
  harmingObject: z.string().nullable(),
  activity: z.string().nullable(),
  severity: InjurySeverity,
  lostWorkdays: z.number().int(),
  commuting: z.boolean(),
  recognitionDate: z.string().nullable(),
  disabilityAssessedOn: z.string().nullable(),
  accidentId: z.uuid().nullable(),
  accidentNo: z.string().nullable(),
  /** Sum of the fund spending items, in fen. */
  totalCostFen: z.number().int(),
});
export type InjuryCaseView = z.infer<typeof InjuryCaseView>;
export const InjuryCasePage = pageOf(InjuryCaseView);

export const InjuryCostView = z.object({
  id: z.number().int(),
  item: InjuryCostItem,
  itemName: z.string(),
  amountFen: z.number().int(),
  paidOn: z.string(),
  createdAt: Timestamp,
});
export type InjuryCostView = z.infer<typeof InjuryCostView>;

/** One step of a case's life: the event, the recognition decision, the disability assessment, each payment. */
export const TimelineEntry = z.object({
  /** YYYY-MM-DD (Beijing time). */
  date: z.string(),
  kind: z.enum(['event', 'recognition', 'assessment', 'cost', 'recorded']),
  label: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const InjuryCaseDetail = InjuryCaseView.extend({
  costs: z.array(InjuryCostView),
  timeline: z.array(TimelineEntry),
  can: RecordAbilities.extend({ addCost: z.boolean() }),
});
export type InjuryCaseDetail = z.infer<typeof InjuryCaseDetail>;

const IdNumberInput = z
  .string()
  .trim()
  .max(32, '身份证号码最多 18 位')
  .superRefine((value, ctx) => {
    const check = checkIdNumber(value);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: check.reason });
  });

/** The worker fields of a form: the roster fills sex, birth date, job and tenure from the ID number. */
const WorkerInput = z.object({
  idNumber: IdNumberInput,
  workerName: z.string().trim().min(1, '请输入职工姓名').max(32, '职工姓名最多 32 个字符'),
  job: text(64, '岗位（工种）'),
  caseNo: z.string().trim().max(64, '编号最多 64 个字符').optional(),
});

const Grade = z.number().int().min(1, '伤残等级应为 1–10 级').max(10, '伤残等级应为 1–10 级').nullable().default(null);

export const InjuryCaseInput = WorkerInput.extend({
  employerId: z.uuid('请选择用人单位'),
  occurredAt: Instant,
  place: text(200, '发生地点'),
  accidentCategory: AccidentCategory,
  injuryNature: text(32, '受伤性质'),
  bodyPart: text(32, '受伤部位'),
  cause: text(64, '起因物'),
  harmingObject: text(64, '致害物'),
  activity: text(200, '作业活动'),
  severity: InjurySeverity,
  lostWorkdays: count('损失工作日'),
  commuting: z.boolean().default(false),
  recognitionResult: RecognitionResult.default('pending'),
  recognitionDate: IsoDate.nullable().default(null),
  disabilityGrade: Grade,
  disabilityAssessedOn: IsoDate.nullable().default(null),
  accidentId: z.uuid('事故编号格式不正确').nullable().default(null),
});
export type InjuryCaseInput = z.infer<typeof InjuryCaseInput>;
export type InjuryCaseForm = z.input<typeof InjuryCaseInput>;

/** An edit: the employer stays (its classification was captured at the event); the ID number only when it changes. */
export const InjuryCaseUpdate = InjuryCaseInput.omit({ employerId: true }).extend({
  idNumber: IdNumberInput.optional(),
  version: z.number().int().min(0),
});
export type InjuryCaseUpdate = z.infer<typeof InjuryCaseUpdate>;

export const InjuryCostInput = z.object({
  item: InjuryCostItem,
  amountFen: z.number().int('金额应为整数（分）').min(1, '金额应大于 0').max(100_000_000_00, '金额过大'),
  paidOn: IsoDate,
});
export type InjuryCostInput = z.infer<typeof InjuryCostInput>;
export const CostParams = z.object({ id: z.uuid('编号格式不正确'), costId: z.coerce.number().int().min(1) });

/** Looks a worker up in an employer's roster by ID number (a body, so the number never sits in a URL or log). */
export const WorkerLookupInput = z.object({
  employerId: z.uuid('请选择用人单位'),
  idNumber: IdNumberInput,
  /** The event date: the insured spell covering it gives the tenure. */
  on: IsoDate,
});
export const WorkerLookupView = z.object({
  person: z
    .object({
      id: z.uuid(),
      name: z.string(),
      sex: z.string(),
      birthDate: z.string(),
      age: z.number().int(),
      job: z.string().nullable(),
      insuredFrom: z.string(),
      tenureMonths: z.number().int(),
    })
    .nullable(),
});
export type WorkerLookupView = z.infer<typeof WorkerLookupView>;

export const DiseaseCaseView = CaseBase.extend({
  diagnosedOn: z.string(),
  catalogueEdition: DiseaseEditionCode,
  categoryNo: z.number().int(),
  categoryName: z.string(),
  diseaseName: z.string(),
  pneumoconiosis: z.boolean(),
  stage: z.number().int().nullable(),
  exposureMonths: z.number().int().nullable(),
  hazardFactor: z.string().nullable(),
});
export type DiseaseCaseView = z.infer<typeof DiseaseCaseView>;
export const DiseaseCasePage = pageOf(DiseaseCaseView);

export const DiseaseCaseInput = WorkerInput.extend({
  employerId: z.uuid('请选择用人单位'),
  diagnosedOn: IsoDate,
  /** Optional: the edition in force on the diagnosis date is used; when given it must be that one. */
  catalogueEdition: DiseaseEditionCode.optional(),
  categoryNo: z.number().int().min(1, '病种分类应为 1–12').max(12, '病种分类应为 1–12'),
  diseaseName: z.string().trim().min(1, '请输入职业病名称').max(100, '职业病名称最多 100 个字符'),
  stage: z.number().int().min(1, '尘肺病期别应为 1–3').max(3, '尘肺病期别应为 1–3').nullable().default(null),
  exposureMonths: count('接害工龄（月）').nullable().default(null),
  hazardFactor: text(64, '职业病危害因素'),
  recognitionResult: RecognitionResult.default('pending'),
  disabilityGrade: Grade,
});
export type DiseaseCaseInput = z.infer<typeof DiseaseCaseInput>;
export type DiseaseCaseForm = z.input<typeof DiseaseCaseInput>;
export const DiseaseCaseUpdate = DiseaseCaseInput.omit({ employerId: true }).extend({
  idNumber: IdNumberInput.optional(),
  version: z.number().int().min(0),
});
export type DiseaseCaseUpdate = z.infer<typeof DiseaseCaseUpdate>;

export const AccidentView = z.object({
  id: z.uuid(),
  accidentNo: z.string(),
  employerId: z.uuid().nullable(),
  employerName: z.string().nullable(),
  countyCode: z.string(),
  countyName: z.string(),
  occurredAt: Timestamp,
  category: z.string(),
  categoryName: z.string(),
  deaths: z.number().int(),
  seriousInjuries: z.number().int(),
  minorInjuries: z.number().int(),
  directLossFen: z.number().int().nullable(),
  legalGrade: AccidentGrade,
  legalGradeName: z.string(),
  summary: z.string().nullable(),
  reportedByUnit: z.string().nullable(),
  source: z.string(),
  demo: z.boolean(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  can: RecordAbilities,
});
export type AccidentView = z.infer<typeof AccidentView>;
export const AccidentPage = pageOf(AccidentView);
export const AccidentDetail = AccidentView.extend({ injuries: z.array(InjuryCaseView) });
export type AccidentDetail = z.infer<typeof AccidentDetail>;

export const AccidentInput = z.object({
  accidentNo: z.string().trim().max(64, '事故编号最多 64 个字符').optional(),
  employerId: z.uuid('用人单位编号格式不正确').nullable().default(null),
  /** Required without an employer; with one, the employer's county. */
  countyCode: z
    .string()
    .regex(/^\d{6}$/, '区划代码应为 6 位数字')
    .nullable()
    .default(null),
  occurredAt: Instant,
  category: AccidentCategory,
  deaths: count('死亡人数').default(0),
  seriousInjuries: count('重伤人数').default(0),
  minorInjuries: count('轻伤人数').default(0),
  directLossFen: z.number().int('金额应为整数（分）').min(0, '直接经济损失不能为负数').nullable().default(null),
  summary: text(2000, '简要经过'),
  reportedByUnit: z.string().max(32).nullable().default(null),
});
export type AccidentInput = z.infer<typeof AccidentInput>;
export type AccidentForm = z.input<typeof AccidentInput>;
export const AccidentUpdate = AccidentInput.extend({ version: z.number().int().min(0) });
export type AccidentUpdate = z.infer<typeof AccidentUpdate>;

type ImportColumn = { header: string; required: boolean; example: string };

/** Template columns of the injury-case import (the header row must name them; order may differ). */
export const INJURY_IMPORT_COLUMNS: readonly ImportColumn[] = [
  { header: '统一社会信用代码', required: true, example: '91350481MA31234567' },
  { header: '编号', required: true, example: 'SMRD-2024-0001' },
  { header: '姓名', required: true, example: '王五' },
  { header: '身份证号码', required: true, example: '35048119900101123X' },
  { header: '岗位/工种', required: false, example: '冲压工' },
  { header: '发生时间', required: true, example: '2024-03-15 09:30' },
  { header: '发生地点', required: false, example: '冲压车间' },
  { header: '事故类别', required: true, example: '机械伤害' },
  { header: '受伤性质', required: false, example: '骨折' },
  { header: '受伤部位', required: false, example: '腕及手' },
  { header: '起因物', required: false, example: '冲压机' },
  { header: '致害物', required: false, example: '模具' },
  { header: '作业活动', required: false, example: '更换模具' },
  { header: '伤害程度', required: true, example: '重伤' },
  { header: '损失工作日', required: true, example: '150' },
  { header: '上下班途中', required: false, example: '否' },
  { header: '认定结论', required: false, example: '认定为工伤' },
  { header: '认定日期', required: false, example: '2024-04-20' },
  { header: '伤残等级', required: false, example: '9' },
  { header: '鉴定日期', required: false, example: '2024-08-01' },
];

/** Template columns of the occupational-disease import; the catalogue edition follows the diagnosis date. */
export const DISEASE_IMPORT_COLUMNS: readonly ImportColumn[] = [
  { header: '统一社会信用代码', required: true, example: '91350481MA31234567' },
  { header: '病例编号', required: true, example: 'ZYB-2024-0001' },
  { header: '姓名', required: true, example: '孙八' },
  { header: '身份证号码', required: true, example: '35048119900101123X' },
  { header: '岗位/工种', required: false, example: '凿岩工' },
  { header: '诊断日期', required: true, example: '2024-05-20' },
  { header: '病种分类', required: true, example: '1' },
  { header: '职业病名称', required: true, example: '矽肺' },
  { header: '尘肺病期别', required: false, example: '1' },
  { header: '接害工龄（月）', required: false, example: '50' },
  { header: '职业病危害因素', required: false, example: '矽尘' },
  { header: '认定结论', required: false, example: '待认定' },
  { header: '伤残等级', required: false, example: '' },
];
