import { drawPanel, PANEL_DRAW_ALGORITHM } from '@yufang/contracts';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../core/db/index.js';
import { appUser, employer } from '../core/db/schema.js';
import { expert } from '../modules/expert/expert.schema.js';
import { PANEL_CRITERIA_KEY, PANEL_FEES_KEY, PANEL_POLICY_DEFAULTS } from '../modules/panel/panel.policy.js';
import { judgeCandidates, loadParties } from '../modules/panel/panel.repo.js';
import { addDays, type Criterion, weightedTotal } from '../modules/panel/panel.rules.js';
import { panel, panelCandidate, panelMember } from '../modules/panel/panel.schema.js';
import { provider } from '../modules/provider/provider.schema.js';
import { Random } from './random.js';

type Purpose = 'review' | 'acceptance' | 'diagnosis';
const sheets = PANEL_POLICY_DEFAULTS.find((d) => d.key === PANEL_CRITERIA_KEY)?.value as Record<
  Purpose,
  { criteria: Criterion[]; passMark: number }
>;
const fees = PANEL_POLICY_DEFAULTS.find((d) => d.key === PANEL_FEES_KEY)?.value as Record<Purpose, number>;

const seedHex = (random: Random) => Array.from({ length: 64 }, () => random.int(0, 15).toString(16)).join('');

interface Plan {
  purpose: Purpose;
  subject: string;
  drawnOn: string;
  employerIndex: number;
  providerIndex: number;
  /** decline the first member of round 0 (a replacement is drawn) */
  decline?: boolean;
  /** draw until expert01 is a member */
  withExpert01?: boolean;
  stage: 'settled' | 'scoring';
}

/**
 * Demo panels from the demo experts and organisations: one concluded and settled, one with a decline and its
 * replacement, one scoring with expert01 awaiting scores. Drawn with the real algorithm on seeds from the demo
 * Random, so the records verify. Skipped when the pool is empty.
 */
export async function seedDemoPanels(db: Db, seed: number, today: string): Promise<void> {
  const [any] = await db.select({ id: expert.id }).from(expert).where(eq(expert.status, 'appointed')).limit(1);
  if (!any) return;
  const random = new Random(seed);
  const employers = await db
    .select({ id: employer.id, countyCode: employer.countyCode })
    .from(employer)
    .where(eq(employer.demo, true))
    .orderBy(asc(employer.uscc))
    .limit(40);
  const providers = await db
    .select({ id: provider.id })
    .from(provider)
    .where(and(eq(provider.demo, true), eq(provider.status, 'approved')))
    .orderBy(asc(provider.uscc))
    .limit(10);
  if (!employers.length) return;
  const [e01] = await db
    .select({ id: expert.id })
    .from(expert)
    .innerJoin(appUser, eq(appUser.id, expert.userId))
    .where(eq(appUser.username, 'expert01'));
  const plans: Plan[] = [
    {
      purpose: 'review',
      subject: '2026 年度建筑施工企业安全培训项目申报评审',
      drawnOn: addDays(today, -75),
      employerIndex: 3,
      providerIndex: 0,
      stage: 'settled',
    },
    {
      purpose: 'acceptance',
      subject: '尘肺病防治宣传进企业项目验收',
      drawnOn: addDays(today, -12),
      employerIndex: 11,
      providerIndex: 1,
      decline: true,
      stage: 'scoring',
    },
    {
      purpose: 'review',
      subject: '重点行业工伤预防能力提升项目评审',
      drawnOn: addDays(today, -3),
      employerIndex: 19,
      providerIndex: 2,
      withExpert01: true,
      stage: 'scoring',
    },
  ];
  for (const plan of plans) {
    const emp = employers[plan.employerIndex % employers.length] as { id: string; countyCode: string };
    const prov = providers.length ? (providers[plan.providerIndex % providers.length] as { id: string }) : null;
    const ids = { applicantEmployerId: emp.id, applicantProviderId: null, implementerProviderId: prov?.id ?? null };
    const { applicant, implementer } = await loadParties(db, ids);
    const parties = [applicant, implementer].filter((p) => p !== null);
    const judged = await judgeCandidates(
      db,
      ['work_safety', 'injury_prevention', 'occupational_health', 'finance'],
      parties,
      plan.drawnOn,
      180,
    );
    // the mix: as many as the pool allows of 2 + 1 + 1 + 1
    const want = [
      { domain: 'work_safety', count: 2 },
      { domain: 'injury_prevention', count: 1 },
      { domain: 'occupational_health', count: 1 },
      { domain: 'finance', count: 1 },
    ];
    const taken = new Set<string>();
    const mix = want.flatMap((w) => {
      const pool = judged.filter((c) => !c.exclusion && c.domains.includes(w.domain) && !taken.has(c.expertId));
      const count = Math.min(w.count, pool.length - (plan.decline && w.domain === want[0]?.domain ? 1 : 0));
      for (const c of pool.slice(0, Math.max(count, 0))) taken.add(c.expertId);
      return count > 0 ? [{ domain: w.domain, count }] : [];
    });
    if (!mix.length) continue;
    const candidates = judged.filter((c) => c.domains.some((d) => mix.some((m) => m.domain === d)));
    let drawSeed = seedHex(random);
    let result = await drawPanel({ algorithm: PANEL_DRAW_ALGORITHM, seed: drawSeed, mix, candidates, declines: [] });
    for (let i = 0; plan.withExpert01 && e01 && i < 300; i++) {
      if (result.members.some((m) => m.expertId === e01.id)) break;
      drawSeed = seedHex(random);
      result = await drawPanel({ algorithm: PANEL_DRAW_ALGORITHM, seed: drawSeed, mix, candidates, declines: [] });
    }
    if (result.shortages.length) continue;
    const declines = plan.decline && result.members[0] ? [result.members[0].expertId] : [];
    if (declines.length) {
      result = await drawPanel({ algorithm: PANEL_DRAW_ALGORITHM, seed: drawSeed, mix, candidates, declines });
    }
    const sheet = sheets[plan.purpose];
    const drawnAt = new Date(`${plan.drawnOn}T02:30:00Z`);
    const panelId = crypto.randomUUID();
    const concluded = plan.stage === 'settled';
    const memberRows: (typeof panelMember.$inferInsert)[] = [];
    const memberIds = new Map<string, string>();
    const totals: number[] = [];
    for (const [i, m] of result.members.entries()) {
      const id = crypto.randomUUID();
      memberIds.set(m.expertId, id);
      const isE01 = e01?.id === m.expertId;
      const scoreIt = concluded || (!isE01 && !m.declined && i % 2 === 0);
      const scores = scoreIt ? Object.fromEntries(sheet.criteria.map((c) => [c.key, random.int(12, 20) / 2])) : null;
      const total = scores ? weightedTotal(sheet.criteria, scores) : null;
      if (total !== null) totals.push(total);
      const respondedAt = new Date(drawnAt.getTime() + (i + 1) * 3_600_000);
      memberRows.push({
        id,
        panelId,
        expertId: m.expertId,
        domain: m.domain,
        round: m.round,
        replaces: m.replaces ? (memberIds.get(m.replaces) ?? null) : null,
        status: m.declined ? 'declined' : scores ? 'scored' : 'accepted',
        declineReason: m.declined ? '与评审日期冲突（外地出差）' : null,
        respondedAt,
        scores,
        total,
        comment: scores ? random.pick(['方案可行，建议通过', '目标明确，预算基本合理', '建议细化实施计划']) : null,
        scoredAt: scores ? new Date(respondedAt.getTime() + 86_400_000) : null,
        feeFen: concluded ? fees[plan.purpose] : null,
        settledAt: concluded ? new Date(drawnAt.getTime() + 20 * 86_400_000) : null,
      });
    }
    const mean = totals.length
      ? Math.floor((2 * totals.reduce((a, b) => a + b, 0) + totals.length) / (2 * totals.length))
      : null;
    await db.insert(panel).values({
      id: panelId,
      purpose: plan.purpose,
      subject: plan.subject,
      countyCode: emp.countyCode,
      applicantEmployerId: emp.id,
      implementerProviderId: prov?.id ?? null,
      mix,
      seed: drawSeed,
      algorithm: PANEL_DRAW_ALGORITHM,
      drawnOn: plan.drawnOn,
      drawnAt,
      drawnByName: '市人社局管理员（演示）',
      criteria: sheet.criteria,
      passMark: sheet.passMark,
      status: concluded ? 'concluded' : 'scoring',
      conclusionScore: concluded ? mean : null,
      conclusion: concluded && mean !== null ? (mean >= sheet.passMark * 100 ? 'pass' : 'fail') : null,
      conclusionNote: null,
      concludedAt: concluded ? new Date(drawnAt.getTime() + 10 * 86_400_000) : null,
      demo: true,
    });
    await db.insert(panelCandidate).values(
      candidates.map((c) => ({
        panelId,
        expertId: c.expertId,
        domains: c.domains,
        rankKey: result.rankKeys[c.expertId] as string,
        exclusion: c.exclusion,
      })),
    );
    await db.insert(panelMember).values(memberRows);
  }
}
