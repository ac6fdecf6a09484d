/**
 * Demo data of the pneumoconiosis insurance campaign (flagged demo where the table has the flag): year-end
 * snapshots of every dust employer for the campaign years up to last year with rising coverage, and about 30
 * notice checks (some failed). Deterministic: the same seed gives the same data.
 */
import { CITY_CODE } from '@yufang/contracts';
import { sql } from 'drizzle-orm';

import { recordAudit } from '../core/audit/audit.js';
import { RegionIndex } from '../core/authz/regions.js';
import type { Db } from '../core/db/index.js';
import { campaignPolicy } from '../modules/campaign/campaign.policy.js';
import { dustCategory, dustEmployers } from '../modules/campaign/campaign.repo.js';
import { campaignCheck, campaignSnapshot } from '../modules/campaign/campaign.schema.js';
import { DUST_INDUSTRIES, INDUSTRY_POLICY_DEFAULTS, type IndustrySet } from '../modules/employer/industry-policy.js';
import { addDays } from '../modules/hazard/hazard.rules.js';
import { Random } from './random.js';

const SYSTEM = { userId: null, username: 'system', roles: [], ip: null, requestId: null };
const INSPECTORS = ['陈建华', '林志强', '黄丽萍', '张国栋'];
const FAIL_NOTES = ['未在醒目位置张贴参保公示', '公示为上年度，未更新', '公示参保人数与实际在岗人数不一致'];

export async function seedDemoCampaign(db: Db, seed: number, today: string): Promise<void> {
  const random = new Random(seed);
  const regions = await RegionIndex.load(db);
  const policy = await campaignPolicy(db, regions, CITY_CODE, today);
  const set = INDUSTRY_POLICY_DEFAULTS.find((d) => d.key === DUST_INDUSTRIES)?.value as IndustrySet;
  const rows = (await dustEmployers(db, `${today.slice(0, 7)}-01`)).sort((a, b) =>
    a.employerId.localeCompare(b.employerId),
  );
  if (!rows.length) return;
  // most employers close to full coverage have in fact covered everyone: their declared workforce is the insured
  // headcount (the generated series wanders a few per cent around it); the rest stay below target for the campaign
  const caughtUp = rows.filter(
    (r) => r.insured < r.workforce && r.insured >= r.workforce * 0.9 && random.next() < 0.85,
  );
  for (const r of caughtUp) r.workforce = r.insured;
  for (let i = 0; i < caughtUp.length; i += 500) {
    const chunk = caughtUp.slice(i, i + 500);
    await db.execute(
      sql`update employer e set workforce = v.w from (values ${sql.join(
        chunk.map((r) => sql`(${r.employerId}::uuid, ${r.workforce}::int)`),
        sql`, `,
      )}) as v(id, w) where e.id = v.id`,
    );
  }
  const thisYear = Number(today.slice(0, 4));
  const snapshots: (typeof campaignSnapshot.$inferInsert)[] = [];
  for (let year = policy.startYear; year < thisYear; year++) {
    // coverage rises through the campaign years towards today's headcount
    const step = Math.min(1, (year - policy.startYear + 1) / (policy.endYear - policy.startYear + 1));
    for (const r of rows) {
      const start = 0.55 + random.next() * 0.25;
      const share = start + (r.insured / r.workforce - start) * step;
      snapshots.push({
        year,
        employerId: r.employerId,
        countyCode: r.countyCode,
        industryCode: r.industryCode,
        category: dustCategory(set, r.industryCode, r.industryGroup),
        workforce: r.workforce,
        insured: Math.max(0, Math.min(r.workforce, Math.round(r.workforce * share))),
        takenAt: new Date(`${year + 1}-01-01T02:00:00+08:00`),
      });
    }
  }
  for (let i = 0; i < snapshots.length; i += 1000) {
    await db
      .insert(campaignSnapshot)
      .values(snapshots.slice(i, i + 1000))
      .onConflictDoNothing();
  }
  const checks: (typeof campaignCheck.$inferInsert)[] = [];
  // about 30 checks: in every county the three employers with the largest gap (the ones inspectors visit first)
  const byCounty = new Map<string, typeof rows>();
  for (const r of rows) byCounty.set(r.countyCode, [...(byCounty.get(r.countyCode) ?? []), r]);
  const picked = [...byCounty.values()].flatMap((group) =>
    group.sort((a, b) => b.workforce - b.insured - (a.workforce - a.insured)).slice(0, 3),
  );
  for (const r of picked) {
    const posted = random.next() > 0.15;
    const current = posted && random.next() > 0.2;
    checks.push({
      employerId: r.employerId,
      countyCode: r.countyCode,
      checkedOn: addDays(today, -random.int(3, 240)),
      inspectorName: random.pick(INSPECTORS),
      posted,
      current,
      result: posted && current ? 'pass' : 'fail',
      note: posted && current ? '公示已张贴，人数与参保名单一致' : random.pick(FAIL_NOTES),
      demo: true,
    });
  }
  await db.transaction(async (tx) => {
    await tx.insert(campaignCheck).values(checks);
    await recordAudit(tx, SYSTEM, {
      action: 'demo.seed.campaign',
      changes: { snapshots: snapshots.length, checks: checks.length },
    });
  });
}
