import {
  ACCIDENT_CATEGORIES,
  ACCIDENT_GRADES,
  BODY_PARTS,
  DISABILITY_GRADES,
  DISEASE_EDITIONS,
  INJURY_COST_ITEMS,
  INJURY_NATURES,
  INJURY_SEVERITIES,
  RECOGNITION_FILTERS,
  RECOGNITION_RESULTS,
} from '@yufang/contracts';

/**
 * Select options of the code tables. Their names are those of the national standards (GB 6441, GB/T 16180,
 * 《职业病分类和目录》) and show as they are in either language, like the industry names.
 */
const optionsOf = (map: Record<string, string>) => Object.entries(map).map(([value, label]) => ({ value, label }));

export const categoryOptions = ACCIDENT_CATEGORIES.map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }));
export const severityOptions = optionsOf(INJURY_SEVERITIES);
export const recognitionOptions = optionsOf(RECOGNITION_RESULTS);
/** The list filters: each result, 认定或视同 (what the dashboards count as recognised) and 除不予认定外. */
export const recognitionFilterOptions = optionsOf(RECOGNITION_FILTERS);
export const gradeOptions = optionsOf(ACCIDENT_GRADES);
export const natureOptions = INJURY_NATURES.map((n) => ({ value: n, label: n }));
export const bodyPartOptions = BODY_PARTS.map((n) => ({ value: n, label: n }));
export const costItemOptions = Object.entries(INJURY_COST_ITEMS).map(([value, v]) => ({ value, label: v.name }));
export const disabilityOptions = DISABILITY_GRADES.map((g) => ({ value: g, label: `${g} 级` }));
export const editionOptions = DISEASE_EDITIONS.map((e) => ({ value: e.edition, label: `${e.edition} 版` }));

/** The categories of an edition (the form offers those of the edition in force on the diagnosis date). */
export function diseaseCategoryOptions(edition: string | null) {
  const e = DISEASE_EDITIONS.find((x) => x.edition === edition) ?? DISEASE_EDITIONS.at(-1);
  return (e?.categories ?? []).map((c) => ({ value: c.no, label: `${c.no} ${c.name}` }));
}

export const SEVERITY_COLORS: Record<string, string> = { minor: 'blue', serious: 'orange', death: 'red' };
export const RECOGNITION_COLORS: Record<string, string> = {
  pending: 'default',
  recognised: 'green',
  deemed: 'cyan',
  not_recognised: 'red',
};
export const GRADE_COLORS: Record<string, string> = {
  general: 'blue',
  larger: 'orange',
  major: 'red',
  especially_major: 'magenta',
};

export const sexLabel = (sex: string | null) => (sex === '1' ? '男' : sex === '2' ? '女' : '—');
