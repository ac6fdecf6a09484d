import { CITY_CODE, riskClassOf } from '@yufang/contracts';
import { z } from 'zod';
import type { RegionIndex } from '../../core/authz/regions.js';
import type { Db } from '../../core/db/index.js';
import { type PolicyDefault, policyInForce } from '../../core/policy/policy.js';

/** A set of industries as GB/T 4754-2017 codes: 2-digit divisions or 3-digit groups. */
const IndustrySet = z.object({
  categories: z.array(z.object({ name: z.string(), codes: z.array(z.string().regex(/^\d{2,3}$/)) })),
});
export type IndustrySet = z.infer<typeof IndustrySet>;

export const KEY_INDUSTRIES = 'industry.key';
export const DUST_INDUSTRIES = 'industry.dust';

/**
 * The 2021–2025 cycle of the Sanming plan: key industries (三(三)1) and dust industries of the pneumoconiosis
 * campaign (三(三)3), open-ended until the next cycle's rows are entered.
 */
export const INDUSTRY_POLICY_DEFAULTS: PolicyDefault<IndustrySet>[] = [
  {
    key: KEY_INDUSTRIES,
    regionCode: CITY_CODE,
    effectiveFrom: '2021-01-01',
    source: '三明市工伤预防五年行动计划（2021—2025年）实施方案 三(三)1',
    value: {
      categories: [
        { name: '煤炭采掘', codes: ['06'] },
        { name: '矿山开采', codes: ['07', '08', '09', '10', '11', '12'] },
        { name: '危险化学品', codes: ['25', '26'] },
        { name: '建筑施工', codes: ['47', '48', '49', '50'] },
        { name: '交通运输', codes: ['53', '54', '55', '56'] },
        { name: '机械制造', codes: ['33', '34', '35', '36', '37', '38'] },
      ],
    },
  },
  {
    key: DUST_INDUSTRIES,
    regionCode: CITY_CODE,
    effectiveFrom: '2021-01-01',
    source: '三明市工伤预防五年行动计划（2021—2025年）实施方案 三(三)3；闽人社文〔2020〕14号',
    value: {
      categories: [
        { name: '煤炭', codes: ['06'] },
        { name: '非煤矿山', codes: ['08', '09', '10'] },
        { name: '冶金', codes: ['31', '32'] },
        { name: '建材', codes: ['302', '304', '305', '306', '308', '309'] },
        { name: '陶瓷制造', codes: ['307'] },
        { name: '水泥制造', codes: ['301'] },
        { name: '石材加工', codes: ['303'] },
      ],
    },
  },
];

export interface IndustryPolicy {
  key: IndustrySet | null;
  dust: IndustrySet | null;
}

export async function loadIndustryPolicy(
  db: Db,
  regions: RegionIndex,
  regionCode: string,
  onDate: string,
): Promise<IndustryPolicy> {
  const [key, dust] = await Promise.all([
    policyInForce(db, regions, IndustrySet, KEY_INDUSTRIES, regionCode, onDate),
    policyInForce(db, regions, IndustrySet, DUST_INDUSTRIES, regionCode, onDate),
  ]);
  return { key, dust };
}

function inSet(set: IndustrySet | null, division: string, group: string | null): boolean {
  return !!set?.categories.some((c) => c.codes.some((code) => code === division || (group !== null && code === group)));
}

/**
 * Risk class (人社部发〔2015〕71号), key-industry and dust-hazard flags of an employer from its industry code and
 * the policy in force. A 3-digit code in a set matches that group only.
 */
export function classifyEmployer(division: string, group: string | null, policy: IndustryPolicy) {
  return {
    riskClass: riskClassOf(division, group),
    keyIndustry: inSet(policy.key, division, group),
    dustHazard: inSet(policy.dust, division, group),
  };
}
