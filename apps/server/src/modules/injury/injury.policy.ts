import { CITY_CODE, REGULATION_ACCIDENT_THRESHOLDS } from '@yufang/contracts';
import { z } from 'zod';
import type { RegionIndex } from '../../core/authz/regions.js';
import type { Db } from '../../core/db/index.js';
import { type PolicyDefault, policyInForce } from '../../core/policy/policy.js';

/**
 * The thresholds of the legal accident grades, most severe first: a grade applies when deaths, serious injuries or
 * the direct loss (fen) reach its minimum ("以上" includes the bound). The lowest grade has no minimum.
 */
export const AccidentGradeThresholds = z.object({
  grades: z.array(
    z.object({
      grade: z.enum(['especially_major', 'major', 'larger']),
      deathsMin: z.number().int().min(1),
      seriousMin: z.number().int().min(1),
      lossFenMin: z.number().int().min(1),
    }),
  ),
});
export type AccidentGradeThresholds = z.infer<typeof AccidentGradeThresholds>;

export const ACCIDENT_GRADE_POLICY = 'injury.accident_grade';

const GRADE_OF_NAME: Record<string, 'especially_major' | 'major' | 'larger'> = {
  特别重大事故: 'especially_major',
  重大事故: 'major',
  较大事故: 'larger',
};

/** 《生产安全事故报告和调查处理条例》（国务院令第493号）第三条, in force from 2007-06-01. */
export const INJURY_POLICY_DEFAULTS: PolicyDefault<AccidentGradeThresholds>[] = [
  {
    key: ACCIDENT_GRADE_POLICY,
    regionCode: CITY_CODE,
    effectiveFrom: '2007-06-01',
    source: '《生产安全事故报告和调查处理条例》（国务院令第493号）第三条',
    value: {
      grades: REGULATION_ACCIDENT_THRESHOLDS.flatMap((g) => {
        const grade = GRADE_OF_NAME[g.name];
        return grade
          ? [{ grade, deathsMin: g.deathsMin, seriousMin: g.seriousMin, lossFenMin: g.lossYuanMin * 100 }]
          : [];
      }),
    },
  },
];

/** The thresholds in force for a county on the accident date (Beijing calendar date). */
export async function accidentGradePolicy(
  db: Db,
  regions: RegionIndex,
  countyCode: string,
  onDate: string,
): Promise<AccidentGradeThresholds> {
  const policy = await policyInForce(db, regions, AccidentGradeThresholds, ACCIDENT_GRADE_POLICY, countyCode, onDate);
  if (!policy) throw new Error(`没有 ${onDate} 有效的事故等级标准（${ACCIDENT_GRADE_POLICY}）`);
  return policy;
}
