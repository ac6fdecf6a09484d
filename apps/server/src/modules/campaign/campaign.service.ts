import type { Readable } from 'node:stream';
import {
  type CampaignCheckInput,
  type CampaignCheckView,
  type CampaignDashboard,
  type CampaignEmployerPage,
  type CampaignEmployerQuery,
  type CampaignEmployerView,
  CITY_CODE,
} from '@yufang/contracts';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../core/audit/audit.js';
import { type Actor, can } from '../../core/auth/actor.js';
import type { Core } from '../../core/context.js';
import { employer } from '../../core/db/schema.js';
import { EvidenceStore } from '../../core/files/evidence.js';
import { AppError } from '../../core/http/errors.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';
import { policyInForce } from '../../core/policy/policy.js';
import { DUST_INDUSTRIES, type IndustrySet } from '../employer/industry-policy.js';
import { beijingDate } from '../hazard/hazard.rules.js';
import { aggregateCoverage, belowTarget, coverageBy, coveragePct } from './campaign.coverage.js';
import { type CampaignPolicy, campaignPolicy } from './campaign.policy.js';
import {
  aggregateScope,
  type DustEmployerRow,
  dustCategory,
  dustEmployers,
  employerScope,
  latestChecks,
} from './campaign.repo.js';
import { campaignCheck, campaignCheckEvidence, campaignSnapshot } from './campaign.schema.js';

const NOT_FOUND = '用人单位不存在或不在您的管辖范围内';
const DustSet = z.object({ categories: z.array(z.object({ name: z.string(), codes: z.array(z.string()) })) });

interface LiveRow extends DustEmployerRow {
  category: string;
  targetPct: number;
}

const monthOf = (date: string) => `${date.slice(0, 7)}-01`;

/** The campaign service; `clock` is the only source of "now" so tests can run the year-end job on a chosen day. */
export class CampaignService {
  readonly evidence: EvidenceStore;

  constructor(
    private readonly core: Core,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.evidence = new EvidenceStore(core.config.dataDir, 'campaign-checks');
  }

  today(): string {
    return beijingDate(this.clock());
  }

  private async dustSet(onDate: string): Promise<IndustrySet | null> {
    return policyInForce(this.core.db, this.core.regions, DustSet, DUST_INDUSTRIES, CITY_CODE, onDate);
  }

  /** Live coverage of the dust employers matching `where`, with category and the county's target on `today`. */
  private async live(today: string, where: Parameters<typeof dustEmployers>[2]): Promise<LiveRow[]> {
    const [rows, set] = await Promise.all([dustEmployers(this.core.db, monthOf(today), where), this.dustSet(today)]);
    const targets = new Map<string, number>();
    const out: LiveRow[] = [];
    for (const r of rows) {
      let t = targets.get(r.countyCode);
      if (t === undefined) {
        t = (await campaignPolicy(this.core.db, this.core.regions, r.countyCode, today)).targetPct;
        targets.set(r.countyCode, t);
      }
      out.push({ ...r, category: dustCategory(set, r.industryCode, r.industryGroup), targetPct: t });
    }
    return out;
  }

  async dashboard(actor: Actor): Promise<CampaignDashboard> {
    const today = this.today();
    const year = Number(today.slice(0, 4));
    const policy = await campaignPolicy(this.core.db, this.core.regions, CITY_CODE, today);
    const scope = aggregateScope(actor);
    const rows = await this.live(today, scope);
    const checks = await latestChecks(this.core.db);
    const ids = new Set(rows.map((r) => r.employerId));
    const failedChecks = [...checks.entries()].filter(([id, c]) => ids.has(id) && c.result === 'fail').length;
    return {
      today,
      startYear: policy.startYear,
      endYear: policy.endYear,
      targetPct: policy.targetPct,
      city: aggregateCoverage(rows),
      counties: coverageBy(rows, (r) => r.countyCode).map(({ key, ...c }) => ({
        countyCode: key,
        countyName: this.core.regions.name(key),
        ...c,
      })),
      categories: coverageBy(rows, (r) => r.category).map(({ key, ...c }) => ({ category: key, ...c })),
      progress: await this.progress(actor, policy, year, rows),
      failedChecks,
      employerList: can(actor, 'employer.read'),
    };
  }

  /** Coverage at the end of each campaign year from the snapshots, and the current year live. */
  private async progress(actor: Actor, policy: CampaignPolicy, year: number, live: LiveRow[]) {
    const scope = actor.scope.regions.size ? inArray(campaignSnapshot.countyCode, [...actor.scope.regions]) : undefined;
    const snaps = await this.core.db
      .select({
        year: campaignSnapshot.year,
        workforce: sql<number>`sum(${campaignSnapshot.workforce})::int`,
        insured: sql<number>`sum(least(${campaignSnapshot.insured}, ${campaignSnapshot.workforce}))::int`,
      })
      .from(campaignSnapshot)
      .where(scope)
      .groupBy(campaignSnapshot.year)
      .orderBy(asc(campaignSnapshot.year));
    const last = Math.max(policy.endYear, year);
    const points = [];
    for (let y = policy.startYear; y <= last; y++) {
      const milestone =
        policy.milestones.find((m) => m.year === y)?.pct ?? (y >= policy.endYear ? policy.targetPct : null);
      if (y === year) {
        const c = aggregateCoverage(live);
        points.push({
          year: y,
          workforce: c.workforce,
          insured: c.insured,
          coveragePct: c.coveragePct,
          milestonePct: milestone,
          live: true,
        });
        continue;
      }
      if (y > year) {
        points.push({ year: y, workforce: 0, insured: 0, coveragePct: null, milestonePct: milestone, live: false });
        continue;
      }
      const s = snaps.find((p) => p.year === y);
      // years after the campaign without a snapshot are left out; campaign years show as gaps
      if (!s && y > policy.endYear) continue;
      points.push({
        year: y,
        workforce: s?.workforce ?? 0,
        insured: s?.insured ?? 0,
        coveragePct: s ? coveragePct(s.insured, s.workforce) : null,
        milestonePct: milestone,
        live: false,
      });
    }
    return points;
  }

  /** The employer list, sorted by coverage gap (largest first), keyset by [gap, id]. */
  async employers(actor: Actor, query: CampaignEmployerQuery): Promise<CampaignEmployerPage> {
    if (!can(actor, 'employer.read')) throw AppError.forbidden('成员单位人员只能查看全市汇总，不能查看用人单位名单');
    const { limit, cursor, countyCode, category, belowTarget: below, check } = query;
    const after = decodeCursor(cursor, 2) as [number, string] | null;
    const today = this.today();
    const where = and(employerScope(actor), countyCode ? eq(employer.countyCode, countyCode) : undefined);
    const [rows, checks] = await Promise.all([this.live(today, where), latestChecks(this.core.db)]);
    const views: CampaignEmployerView[] = rows
      .map((r) => {
        const last = checks.get(r.employerId) ?? null;
        return {
          employerId: r.employerId,
          name: r.name,
          countyCode: r.countyCode,
          countyName: this.core.regions.name(r.countyCode),
          category: r.category,
          workforce: r.workforce,
          insured: r.insured,
          coveragePct: coveragePct(r.insured, r.workforce),
          gap: Math.max(0, Math.ceil((r.targetPct * r.workforce) / 100) - r.insured),
          belowTarget: belowTarget(r.insured, r.workforce, r.targetPct),
          lastCheck: last,
        };
      })
      .filter((v) => !category || v.category === category)
      .filter((v) => below === undefined || v.belowTarget === below)
      .filter((v) => !check || (check === 'none' ? !v.lastCheck : v.lastCheck?.result === check))
      .sort((a, b) => b.gap - a.gap || a.employerId.localeCompare(b.employerId))
      .filter((v) => !after || v.gap < after[0] || (v.gap === after[0] && v.employerId > after[1]));
    return toPage(
      views.slice(0, limit + 1),
      limit,
      (v) => [v.gap, v.employerId],
      (v) => v,
    );
  }

  private async scopedEmployer(actor: Actor, employerId: string) {
    const [emp] = await this.core.db
      .select({ id: employer.id, countyCode: employer.countyCode, name: employer.name, dust: employer.dustHazard })
      .from(employer)
      .where(and(eq(employer.id, employerId), employerScope(actor)));
    return emp;
  }

  /** Records a notice check: pass when the notice is posted and current; audited in the same transaction. */
  async recordCheck(actor: Actor, input: CampaignCheckInput): Promise<CampaignCheckView> {
    const emp = await this.scopedEmployer(actor, input.employerId);
    if (!emp) throw AppError.validation('employerId', NOT_FOUND);
    if (!emp.dust) throw AppError.validation('employerId', '该单位不是粉尘危害重点行业单位，无需参保公示检查');
    if (input.checkedOn > this.today()) throw AppError.validation('checkedOn', '检查日期不能晚于今天');
    if (!input.posted && input.current) {
      throw AppError.validation('current', '未张贴公示时不能选择“公示为当期且人数一致”');
    }
    const result = input.posted && input.current ? 'pass' : 'fail';
    if (result === 'fail' && !input.note) throw AppError.validation('note', '检查不合格时请填写说明（存在的问题）');
    const id = await this.core.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(campaignCheck)
        .values({
          employerId: emp.id,
          countyCode: emp.countyCode,
          checkedOn: input.checkedOn,
          inspectorId: actor.userId,
          inspectorName: actor.displayName,
          unitCode: [...actor.scope.units][0] ?? null,
          posted: input.posted,
          current: input.current,
          result,
          note: input.note || null,
          createdAt: this.clock(),
        })
        .returning({ id: campaignCheck.id });
      const checkId = (row as { id: string }).id;
      await recordAudit(tx, actor, {
        action: 'campaign.check',
        objectType: 'campaign_check',
        objectId: checkId,
        changes: { after: { ...input, result } },
      });
      return checkId;
    });
    return this.check(actor, id);
  }

  async check(actor: Actor, id: string): Promise<CampaignCheckView> {
    const [row] = await this.core.db
      .select()
      .from(campaignCheck)
      .innerJoin(employer, eq(employer.id, campaignCheck.employerId))
      .where(and(eq(campaignCheck.id, id), employerScope(actor)));
    if (!row) throw AppError.notFound('检查记录不存在或不在您的管辖范围内');
    return (await this.present([row.campaign_check]))[0] as CampaignCheckView;
  }

  async checksOf(actor: Actor, employerId: string): Promise<CampaignCheckView[]> {
    if (!can(actor, 'employer.read')) throw AppError.forbidden();
    const emp = await this.scopedEmployer(actor, employerId);
    if (!emp) throw AppError.notFound(NOT_FOUND);
    const rows = await this.core.db
      .select()
      .from(campaignCheck)
      .where(eq(campaignCheck.employerId, employerId))
      .orderBy(desc(campaignCheck.checkedOn), desc(campaignCheck.createdAt));
    return this.present(rows);
  }

  private async present(rows: (typeof campaignCheck.$inferSelect)[]): Promise<CampaignCheckView[]> {
    const files = rows.length
      ? await this.core.db
          .select()
          .from(campaignCheckEvidence)
          .where(
            inArray(
              campaignCheckEvidence.checkId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(campaignCheckEvidence.at))
      : [];
    return rows.map((r) => ({
      id: r.id,
      employerId: r.employerId,
      countyCode: r.countyCode,
      checkedOn: r.checkedOn,
      inspectorName: r.inspectorName,
      posted: r.posted,
      current: r.current,
      result: r.result,
      note: r.note,
      createdAt: r.createdAt.toISOString(),
      evidence: files
        .filter((f) => f.checkId === r.id)
        .map((f) => ({
          id: f.id,
          fileName: f.fileName,
          contentType: f.contentType,
          size: f.size,
          username: f.username,
          at: f.at.toISOString(),
        })),
    }));
  }

  /** Stores an evidence file of a check (content checked by the store); a failed write leaves no file behind. */
  async uploadEvidence(actor: Actor, checkId: string, fileName: string, body: Readable) {
    await this.check(actor, checkId);
    const stored = await this.evidence.save(checkId, fileName, body);
    try {
      const saved = await this.core.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(campaignCheckEvidence)
          .values({ checkId, fileName, ...stored, userId: actor.userId, username: actor.username, at: this.clock() })
          .returning();
        await recordAudit(tx, actor, {
          action: 'campaign.check.evidence',
          objectType: 'campaign_check',
          objectId: checkId,
          changes: { evidenceId: stored.id, fileName, size: stored.size, sha256: stored.sha256 },
        });
        return row as typeof campaignCheckEvidence.$inferSelect;
      });
      return {
        id: saved.id,
        fileName: saved.fileName,
        contentType: saved.contentType,
        size: saved.size,
        username: saved.username,
        at: saved.at.toISOString(),
      };
    } catch (error) {
      await this.evidence.remove(checkId, stored.id);
      throw error;
    }
  }

  async evidenceFile(actor: Actor, checkId: string, evidenceId: string) {
    await this.check(actor, checkId);
    const [file] = await this.core.db
      .select()
      .from(campaignCheckEvidence)
      .where(and(eq(campaignCheckEvidence.id, evidenceId), eq(campaignCheckEvidence.checkId, checkId)));
    if (!file) throw AppError.notFound('材料不存在');
    return { file, stream: this.evidence.read(checkId, evidenceId) };
  }

  /**
   * The year-end snapshot job: writes the previous year's coverage of every dust employer once (nothing when that
   * year already has rows or is before the campaign). Returns the number of rows written.
   */
  async snapshotPreviousYear(): Promise<number> {
    const today = this.today();
    const year = Number(today.slice(0, 4)) - 1;
    const yearEnd = `${year}-12-31`;
    const policy = await campaignPolicy(this.core.db, this.core.regions, CITY_CODE, yearEnd).catch(() => null);
    if (!policy || year < policy.startYear) return 0;
    const [existing] = await this.core.db
      .select({ n: sql<number>`count(*)::int` })
      .from(campaignSnapshot)
      .where(eq(campaignSnapshot.year, year));
    if (existing?.n) return 0;
    const [rows, set] = await Promise.all([dustEmployers(this.core.db, `${year}-12-01`), this.dustSet(yearEnd)]);
    if (!rows.length) return 0;
    const takenAt = this.clock();
    const written = await this.core.db
      .insert(campaignSnapshot)
      .values(
        rows.map((r) => ({
          year,
          employerId: r.employerId,
          countyCode: r.countyCode,
          industryCode: r.industryCode,
          category: dustCategory(set, r.industryCode, r.industryGroup),
          workforce: r.workforce,
          insured: r.insured,
          takenAt,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: campaignSnapshot.employerId });
    return written.length;
  }
}
