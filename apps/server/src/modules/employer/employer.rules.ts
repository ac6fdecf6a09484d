import { type EmployerUpdateInput, industryDivision } from '@yufang/contracts';

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Problems with an edited employer profile beyond the shape the schema checks: the industry must be a GB/T
 * 4754-2017 division, a group must lie in it (its first two digits), and the size must fit the workforce
 * (统计上大中小微型企业划分办法（2017）, by employees: large ≥ 1000, medium ≥ 300, small ≥ 20 — the industrial
 * thresholds; other sectors use lower ones, so only a clear mismatch is refused).
 */
export function employerProblems(input: EmployerUpdateInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!industryDivision(input.industryCode)) {
    problems.push({ field: 'industryCode', message: `“${input.industryCode}”不是 GB/T 4754-2017 的行业大类代码` });
  } else if (input.industryGroup && !input.industryGroup.startsWith(input.industryCode)) {
    problems.push({ field: 'industryGroup', message: `中类“${input.industryGroup}”不属于大类“${input.industryCode}”` });
  }
  if (input.size && input.workforce !== null) {
    const w = input.workforce;
    if ((input.size === 'micro' && w >= 300) || (input.size === 'large' && w < 300)) {
      problems.push({ field: 'size', message: `与职工人数 ${w} 人明显不符` });
    }
  }
  return problems;
}

/** Only the fields that changed, before and after (for the history row and the audit row). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a };
}
