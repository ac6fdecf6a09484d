import { CITY_CODE, RiskIndexParams } from '@yufang/contracts';
import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { RegionIndex } from '../../core/authz/regions.js';
import type { Db } from '../../core/db/index.js';
import { policySetting } from '../../core/db/schema.js';
import { type PolicyDefault, policyInForce } from '../../core/policy/policy.js';

export const RISK_INDEX_KEY = 'analysis.risk_index';

/**
 * The platform's starting parameters of the employer risk index, for the joint-meeting office to adjust: the plan
 * asks for key monitoring of accident-prone employers (三明市工伤预防五年行动计划 三(二)3) but sets no formula, so
 * weights, caps and the threshold are the platform's defaults, stated as such in the source.
 */
export const RISK_INDEX_POLICY_DEFAULTS: PolicyDefault<RiskIndexParams>[] = [
  {
    key: RISK_INDEX_KEY,
    regionCode: CITY_CODE,
    effectiveFrom: '2020-01-01',
    source:
      '平台默认参数（三明市工伤预防五年行动计划 三(二)3“对事故多发企业重点监控”未规定计算方法）：发生率40%、严重程度30%、趋势15%、隐患15%（年末未销号一般隐患1分、重大隐患3分、已超期另加2分，6分计满），指数≥30且统计期内不少于3起建议纳入重点监控；联席会议办公室可调整',
    value: {
      windowYears: 3,
      weights: { incidence: 0.4, severity: 0.3, trend: 0.15, hazards: 0.15 },
      incidenceCap: 3,
      severityCap: 3,
      trendCap: 3,
      severityPoints: { death: 10, serious: 3, minor: 1 },
      lostDaysPerPoint: 100,
      severityPriorCases: 5,
      trendPseudoCases: 10,
      priorVarianceFloor: 0.05,
      monitorThreshold: 30,
      monitorMinCases: 3,
      hazardPoints: { general: 1, major: 3, overdue: 2 },
      hazardCap: 6,
    },
  },
];

export interface RiskPolicy {
  params: RiskIndexParams;
  source: string;
}

/** The parameters in force at the end of the scored year (city-wide: one ranking compares every employer alike). */
export async function loadRiskPolicy(db: Db, regions: RegionIndex, year: number): Promise<RiskPolicy> {
  const onDate = `${year}-12-31`;
  const params = await policyInForce(db, regions, RiskIndexParams, RISK_INDEX_KEY, CITY_CODE, onDate);
  const [row] = await db
    .select({ source: policySetting.source })
    .from(policySetting)
    .where(
      and(
        eq(policySetting.key, RISK_INDEX_KEY),
        eq(policySetting.regionCode, CITY_CODE),
        lte(policySetting.effectiveFrom, onDate),
        or(isNull(policySetting.effectiveTo), gt(policySetting.effectiveTo, onDate)),
      ),
    );
  if (!params || !row) throw new Error(`风险指数参数（${RISK_INDEX_KEY}）在 ${onDate} 没有生效的设置`);
  return { params, source: row.source };
}
