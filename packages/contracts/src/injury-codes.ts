/**
 * Code tables of work injuries, occupational disease and production-safety accidents, read from the vendored
 * reference files (../reference/accident-categories.json, occupational-diseases.json, disability-grades.json) where
 * they hold the table, transcribed here with their source where they do not.
 */
import accidentReference from '../reference/accident-categories.json' with { type: 'json' };
import diseaseReference from '../reference/occupational-diseases.json' with { type: 'json' };

const keysOf = <T extends Record<string, string>>(map: T) =>
  Object.keys(map) as [keyof T & string, ...(keyof T & string)[]];

/** GB 6441-86 伤害程度: the codes the database stores. */
export const INJURY_SEVERITIES = { minor: '轻伤', serious: '重伤', death: '死亡' } as const;
export const INJURY_SEVERITY_CODES = keysOf(INJURY_SEVERITIES);

/**
 * GB 6441-86 损失工作日: a death counts 6000 days, a serious injury at least 105 (重伤), a minor injury is a disabling
 * injury of at least one and fewer than 105 days (轻伤). These are definitions of the standard, not policy.
 */
export const LOST_WORKDAYS = { death: 6000, seriousMin: 105, minorMin: 1 } as const;

/** GB 6441-86 附录A 受伤性质. */
export const INJURY_NATURES: readonly string[] = accidentReference.natureOfInjury.items;

/** GB 6441-86 附录A 受伤部位 (A.1), transcribed from the standard's appendix. */
export const BODY_PARTS: readonly string[] = [
  '颅脑',
  '面颌部',
  '眼部',
  '鼻',
  '耳',
  '口',
  '颈部',
  '胸部',
  '腹部',
  '腰部',
  '脊柱',
  '上肢',
  '腕及手',
  '下肢',
  '多部位',
];

/** 工伤认定结论 (《工伤保险条例》第十四、十五、十六条): pending until the decision. */
export const RECOGNITION_RESULTS = {
  pending: '待认定',
  recognised: '认定为工伤',
  deemed: '视同工伤',
  not_recognised: '不予认定',
} as const;
type RecognitionResultCode = keyof typeof RECOGNITION_RESULTS;
export const RECOGNITION_RESULT_CODES = keysOf(RECOGNITION_RESULTS);
/** The results under which a disability assessment (劳动能力鉴定) may follow. */
export const RECOGNISED_RESULTS: readonly RecognitionResultCode[] = ['recognised', 'deemed'];

/**
 * Record-list filters on the recognition result: one result, or a group as the dashboards count — `accepted` is
 * what they count as recognised work injuries (认定 or 视同工伤), `counted` everything but 不予认定 (their deaths,
 * serious injuries and occupational-disease cases) — so that a drill-down lists exactly the records behind a number.
 */
export const RECOGNITION_FILTERS = { ...RECOGNITION_RESULTS, accepted: '认定或视同', counted: '除不予认定外' } as const;
export const RECOGNITION_FILTER_CODES = keysOf(RECOGNITION_FILTERS);
export type RecognitionFilterCode = (typeof RECOGNITION_FILTER_CODES)[number];
/** The results a filter value stands for. */
export function recognitionResultsOf(filter: RecognitionFilterCode): readonly RecognitionResultCode[] {
  if (filter === 'accepted') return RECOGNISED_RESULTS;
  if (filter === 'counted') return ['pending', ...RECOGNISED_RESULTS];
  return [filter];
}

/**
 * Work-injury fund spending items (《工伤保险条例》第三十条至第三十九条), each with the group the data set
 * sbzx.fund_spending reports it under (medical / disability / death / rehabilitation / other).
 */
export const INJURY_COST_ITEMS = {
  medical: { name: '医疗费', group: 'medical' },
  hospital_food: { name: '住院伙食补助费', group: 'medical' },
  rehabilitation: { name: '康复费', group: 'rehabilitation' },
  assistive_device: { name: '辅助器具费', group: 'rehabilitation' },
  paid_leave_wage: { name: '停工留薪期工资', group: 'other' },
  nursing: { name: '生活护理费', group: 'disability' },
  disability_lump_sum: { name: '一次性伤残补助金', group: 'disability' },
  disability_allowance: { name: '伤残津贴', group: 'disability' },
  medical_lump_sum: { name: '一次性工伤医疗补助金', group: 'disability' },
  funeral: { name: '丧葬补助金', group: 'death' },
  survivor_pension: { name: '供养亲属抚恤金', group: 'death' },
  death_lump_sum: { name: '一次性工亡补助金', group: 'death' },
  other: { name: '其他', group: 'other' },
} as const;
type InjuryCostItemCode = keyof typeof INJURY_COST_ITEMS;
export const INJURY_COST_ITEM_CODES = Object.keys(INJURY_COST_ITEMS) as [InjuryCostItemCode, ...InjuryCostItemCode[]];

/** GB/T 16180-2014 致残等级: 1 (most severe) … 10. */
export const DISABILITY_GRADES: readonly number[] = Array.from({ length: 10 }, (_, i) => i + 1);

/** 《生产安全事故报告和调查处理条例》第三条 事故等级 (the thresholds are policy: injury.accident_grade). */
export const ACCIDENT_GRADES = {
  general: '一般事故',
  larger: '较大事故',
  major: '重大事故',
  especially_major: '特别重大事故',
} as const;
export const ACCIDENT_GRADE_CODES = keysOf(ACCIDENT_GRADES);

/** The 条例's own thresholds, as the reference file gives them (the policy default is built from these). */
export const REGULATION_ACCIDENT_THRESHOLDS = accidentReference.legalAccidentGrades.grades;

export interface DiseaseEdition {
  edition: string;
  effectiveFrom: string;
  /** Last day in force, or null while in force. */
  effectiveUntil: string | null;
  categories: readonly { no: number; name: string }[];
  pneumoconioses: readonly string[];
}

const [edition2013] = diseaseReference.editions;
const pneumoconioses2013: readonly string[] = edition2013?.pneumoconioses ?? [];

/**
 * 《职业病分类和目录》 by edition. The 2013 categories come from the reference file; the 2024 revision's twelve
 * categories (two new ones inserted before 其他职业病, per the reference file's list of changes) are transcribed here —
 * check them against the published catalogue. Its pneumoconiosis list is taken as unchanged from 2013.
 */
export const DISEASE_EDITIONS: readonly DiseaseEdition[] = [
  {
    edition: '2013',
    effectiveFrom: edition2013?.effectiveFrom ?? '2013-12-23',
    effectiveUntil: edition2013?.effectiveUntil ?? '2025-07-31',
    categories: (edition2013?.categories ?? []).map((c) => ({ no: c.no, name: c.name })),
    pneumoconioses: pneumoconioses2013,
  },
  {
    edition: '2024',
    effectiveFrom: diseaseReference.editions[1]?.effectiveFrom ?? '2025-08-01',
    effectiveUntil: null,
    categories: [
      '职业性尘肺病及其他呼吸系统疾病',
      '职业性皮肤病',
      '职业性眼病',
      '职业性耳鼻喉口腔疾病',
      '职业性化学中毒',
      '物理因素所致职业病',
      '职业性放射性疾病',
      '职业性传染病',
      '职业性肿瘤',
      '职业性肌肉骨骼疾病',
      '职业性精神和行为障碍',
      '其他职业病',
    ].map((name, i) => ({ no: i + 1, name })),
    pneumoconioses: pneumoconioses2013,
  },
];
export const DISEASE_EDITION_CODES = ['2013', '2024'] as const;

/** The catalogue edition in force on a diagnosis date (YYYY-MM-DD), or null before the 2013 catalogue. */
export function diseaseEditionOn(date: string): DiseaseEdition | null {
  return (
    DISEASE_EDITIONS.find((e) => e.effectiveFrom <= date && (e.effectiveUntil === null || date <= e.effectiveUntil)) ??
    null
  );
}

export function diseaseEdition(edition: string): DiseaseEdition | undefined {
  return DISEASE_EDITIONS.find((e) => e.edition === edition);
}

/**
 * The diseases the reference file names, by category (1–4; the same in both editions): pneumoconioses and other
 * respiratory diseases, skin, eye, ear-nose-throat-mouth. The other categories' names are not vendored yet.
 */
export const LISTED_DISEASES: readonly { categoryNo: number; names: readonly string[] }[] = [
  { categoryNo: 1, names: [...pneumoconioses2013, ...(edition2013?.otherRespiratory ?? [])] },
  { categoryNo: 2, names: edition2013?.skin ?? [] },
  { categoryNo: 3, names: edition2013?.eye ?? [] },
  { categoryNo: 4, names: edition2013?.entOral ?? [] },
];

/** The pneumoconiosis category (职业性尘肺病及其他呼吸系统疾病) is number 1 in both editions. */
export const PNEUMOCONIOSIS_CATEGORY = 1;

/** Whether a diagnosis is a pneumoconiosis of the catalogue (category 1, named in the edition's list). */
export function isPneumoconiosis(edition: string, categoryNo: number, diseaseName: string): boolean {
  if (categoryNo !== PNEUMOCONIOSIS_CATEGORY) return false;
  const list = diseaseEdition(edition)?.pneumoconioses ?? [];
  return list.includes(diseaseName) || /尘肺|矽肺|石棉肺/.test(diseaseName);
}
