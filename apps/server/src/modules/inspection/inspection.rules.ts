import type { InspectionItem, InspectionPlanInput, InspectionStatus, InspectionVisitInput } from '@yufang/contracts';
import type { FieldProblem } from '../../core/http/errors.js';

/** What a plan's fields must satisfy (beyond their types): dates in order, units and items well formed. */
export function planProblems(input: InspectionPlanInput, memberUnits: ReadonlySet<string>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.endOn < input.startOn) problems.push({ field: 'endOn', message: '结束日期不能早于开始日期' });
  if (!memberUnits.has(input.leadUnitCode)) {
    problems.push({ field: 'leadUnitCode', message: '牵头单位应为联席会议成员单位' });
  }
  const units = new Set<string>();
  for (const code of input.unitCodes) {
    if (!memberUnits.has(code)) problems.push({ field: 'unitCodes', message: `参加单位 ${code} 不是联席会议成员单位` });
    else if (units.has(code)) problems.push({ field: 'unitCodes', message: '参加单位不能重复' });
    else if (code === input.leadUnitCode) problems.push({ field: 'unitCodes', message: '牵头单位不必再列为参加单位' });
    units.add(code);
  }
  if (input.items.length === 0) problems.push({ field: 'items', message: '请至少列出一项检查内容' });
  const codes = new Set<string>();
  for (const item of input.items) {
    if (codes.has(item.code)) problems.push({ field: 'items', message: `检查项编号 ${item.code} 重复` });
    codes.add(item.code);
  }
  if (input.employerIds.length === 0) problems.push({ field: 'employerIds', message: '请至少选择一家检查对象' });
  if (new Set(input.employerIds).size !== input.employerIds.length) {
    problems.push({ field: 'employerIds', message: '检查对象不能重复' });
  }
  return problems;
}

/** The status steps of a plan. */
export const STATUS_STEPS: Record<'start' | 'complete' | 'cancel', { from: InspectionStatus[]; to: InspectionStatus }> =
  {
    start: { from: ['planned'], to: 'in_progress' },
    complete: { from: ['in_progress'], to: 'completed' },
    cancel: { from: ['planned', 'in_progress'], to: 'cancelled' },
  };

export const EDITABLE: readonly InspectionStatus[] = ['planned', 'in_progress'];

/**
 * A visit's results: one result for every checklist item, a finding for every failed item (and only for those),
 * a visit date within the plan's period and not after today.
 */
export function visitProblems(
  items: readonly InspectionItem[],
  period: { startOn: string; endOn: string },
  input: InspectionVisitInput,
  today: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.visitedOn > today) problems.push({ field: 'visitedOn', message: '检查日期不能晚于今天' });
  if (input.visitedOn < period.startOn || input.visitedOn > period.endOn) {
    problems.push({ field: 'visitedOn', message: `检查日期应在计划期间 ${period.startOn} 至 ${period.endOn} 内` });
  }
  const known = new Set(items.map((i) => i.code));
  const results = new Map<string, string>();
  for (const r of input.itemResults) {
    if (!known.has(r.code)) problems.push({ field: 'itemResults', message: `检查项 ${r.code} 不在本计划的清单中` });
    else if (results.has(r.code)) problems.push({ field: 'itemResults', message: `检查项 ${r.code} 重复填写` });
    results.set(r.code, r.result);
  }
  for (const item of items) {
    if (!results.has(item.code)) problems.push({ field: 'itemResults', message: `请填写检查项 ${item.code} 的结果` });
  }
  const withFinding = new Set(input.findings.map((f) => f.itemCode));
  for (const f of input.findings) {
    if (results.get(f.itemCode) !== 'fail') {
      problems.push({ field: 'findings', message: `检查项 ${f.itemCode} 未判为不合格，不能登记问题` });
    }
  }
  for (const [code, result] of results) {
    if (result === 'fail' && !withFinding.has(code)) {
      problems.push({ field: 'findings', message: `检查项 ${code} 不合格，请登记发现的问题（将转为隐患）` });
    }
  }
  return problems;
}
