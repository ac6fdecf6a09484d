import {
  CITY_CODE,
  DrawError,
  drawPanel,
  newDrawSeed,
  PANEL_DRAW_ALGORITHM,
  PANEL_PURPOSES,
  type PanelAssignmentView,
  type PanelDeclineInput,
  type PanelDrawInput,
  type PanelDrawRecord,
  type PanelMemberView,
  type PanelOptions,
  type PanelPage,
  type PanelProxyScoreInput,
  type PanelQuery,
  type PanelScoreInput,
  type PanelSettlementResult,
  type PanelVerifyResult,
  type PanelView,
} from '@yufang/contracts';
import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import { scopeFilter } from '../../core/authz/scope.js';
import type { Core } from '../../core/context.js';
import type { Db, Tx } from '../../core/db/index.js';
import { AppError } from '../../core/http/errors.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';
import { notify } from '../../core/notify/notify.js';
import { expertDomains } from '../expert/expert.policy.js';
import { expert } from '../expert/expert.schema.js';
import { beijingDate } from '../hazard/hazard.rules.js';
import { panelCriteriaPolicy, panelDivergencePolicy, panelDrawPolicy, panelFeesPolicy } from './panel.policy.js';
import { judgeCandidates, loadParties } from './panel.repo.js';
import { type Criterion, divergence, meanTotal, scoreProblems, weightedTotal } from './panel.rules.js';
import { panel, panelCandidate, panelMember } from './panel.schema.js';

const NOT_FOUND = '专家抽取记录不存在或不在您的管辖范围内';
const MEMBER_NOT_FOUND = '评审任务不存在或不是您本人的任务';
type Q = Db | Tx;
type PanelRow = typeof panel.$inferSelect;
type MemberRow = typeof panelMember.$inferSelect;

/**
 * Expert panels: the reproducible draw (sha256-rank-v1, see packages/contracts/src/panel-draw.ts), declines with
 * replacement drawn in the same transaction, scoring, conclusion and the settlement of fees. `draw` takes an
 * optional transaction so other modules (prevention projects) can draw a panel inside their own.
 */
export class PanelService {
  constructor(
    private readonly core: Core,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  today(): string {
    return beijingDate(this.clock());
  }

  private async domainLabels(db: Q, on: string): Promise<Map<string, string>> {
    try {
      return new Map((await expertDomains(db as Db, on)).map((d) => [d.code, d.label]));
    } catch {
      return new Map();
    }
  }

  private scoped(actor: Actor) {
    return scopeFilter(actor, { region: panel.countyCode });
  }

  /** The domains (for the mix rows) and the city's cool-down in force today. */
  async options(): Promise<PanelOptions> {
    const on = this.today();
    const labels = await this.domainLabels(this.core.db, on);
    const { coolDownDays } = await panelDrawPolicy(this.core.db, this.core.regions, CITY_CODE, on);
    return { domains: [...labels].map(([code, label]) => ({ code, label })), coolDownDays };
  }

  // ------------------------------------------------------------------------------------------------------------
  // Draw

  /** Draws a panel (in `tx` when given, else in a transaction of its own); nothing is written when short. */
  async draw(actor: Actor, input: PanelDrawInput, tx?: Tx): Promise<PanelView> {
    if (!actor.scope.regions.has(input.countyCode)) {
      throw AppError.validation('countyCode', '所选县（市、区）不在您的管辖范围内');
    }
    const drawnOn = this.today();
    const labels = await this.domainLabels(tx ?? this.core.db, drawnOn);
    for (const m of input.mix) {
      if (labels.size && !labels.has(m.domain)) throw AppError.validation('mix', `没有专业领域“${m.domain}”`);
    }
    const run = async (t: Tx) => {
      const { applicant, implementer } = await loadParties(t, input);
      if ((input.applicantEmployerId || input.applicantProviderId) && !applicant) {
        throw AppError.validation(
          input.applicantEmployerId ? 'applicantEmployerId' : 'applicantProviderId',
          '申请单位不存在',
        );
      }
      if (input.implementerProviderId && !implementer) {
        throw AppError.validation('implementerProviderId', '实施单位（服务机构）不存在');
      }
      const parties = [applicant, implementer].filter((x) => x !== null);
      const { coolDownDays } = await panelDrawPolicy(t, this.core.regions, input.countyCode, drawnOn);
      const sheets = await panelCriteriaPolicy(t, this.core.regions, input.countyCode, drawnOn);
      const sheet = sheets[input.purpose];
      const candidates = await judgeCandidates(
        t,
        input.mix.map((m) => m.domain),
        parties,
        drawnOn,
        coolDownDays,
      );
      const seed = newDrawSeed();
      const result = await drawPanel({
        algorithm: PANEL_DRAW_ALGORITHM,
        seed,
        mix: input.mix,
        candidates,
        declines: [],
      });
      const short = result.shortages[0];
      if (short) {
        const label = labels.get(short.domain) ?? short.domain;
        const excluded = candidates.filter((c) => c.domains.includes(short.domain) && c.exclusion).length;
        throw AppError.validation(
          'mix',
          `专业领域“${label}”需要 ${short.needed} 名专家，符合条件的只有 ${short.available} 名` +
            `（该领域另有 ${excluded} 名专家被回避或排除），请调整抽取人数`,
        );
      }
      const [row] = await t
        .insert(panel)
        .values({
          purpose: input.purpose,
          subject: input.subject,
          subjectRef: input.subjectRef,
          countyCode: input.countyCode,
          applicantEmployerId: input.applicantEmployerId,
          applicantProviderId: input.applicantProviderId,
          implementerProviderId: input.implementerProviderId,
          mix: input.mix,
          seed,
          algorithm: PANEL_DRAW_ALGORITHM,
          drawnOn,
          drawnAt: this.clock(),
          drawnBy: actor.userId,
          drawnByName: actor.displayName,
          criteria: sheet.criteria,
          passMark: sheet.passMark,
          status: 'drawn',
        })
        .returning({ id: panel.id });
      const panelId = (row as { id: string }).id;
      if (candidates.length) {
        await t.insert(panelCandidate).values(
          candidates.map((c) => ({
            panelId,
            expertId: c.expertId,
            domains: c.domains,
            rankKey: result.rankKeys[c.expertId] as string,
            exclusion: c.exclusion,
          })),
        );
      }
      await t.insert(panelMember).values(
        result.members.map((m) => ({
          panelId,
          expertId: m.expertId,
          domain: m.domain,
          round: 0,
          status: 'notified' as const,
        })),
      );
      await this.notifyExperts(
        t,
        result.members.map((m) => m.expertId),
        input.subject,
        input.purpose,
      );
      await recordAudit(t, actor, {
        action: 'panel.draw',
        objectType: 'panel',
        objectId: panelId,
        changes: {
          after: {
            purpose: input.purpose,
            subject: input.subject,
            countyCode: input.countyCode,
            mix: input.mix,
            seed,
            algorithm: PANEL_DRAW_ALGORITHM,
            drawnOn,
            members: result.members.map((m) => m.expertId),
            excluded: candidates.filter((c) => c.exclusion).length,
          },
        },
      });
      return panelId;
    };
    const id = tx ? await run(tx) : await this.core.db.transaction(run);
    return this.view(tx ?? this.core.db, id);
  }

  private async notifyExperts(tx: Tx, expertIds: string[], subject: string, purpose: keyof typeof PANEL_PURPOSES) {
    if (!expertIds.length) return;
    const users = await tx.select({ userId: expert.userId }).from(expert).where(inArray(expert.id, expertIds));
    await notify(
      tx,
      users.flatMap((u) => (u.userId ? [u.userId] : [])),
      {
        title: `专家抽取通知：${PANEL_PURPOSES[purpose]}`,
        body: `您被抽取为“${subject}”的${PANEL_PURPOSES[purpose]}专家，请在“我的评审任务”中确认参加或申请回避。`,
        link: '/my-assignments',
        email: true,
      },
    );
  }

  // ------------------------------------------------------------------------------------------------------------
  // Reading

  async list(actor: Actor, query: PanelQuery): Promise<PanelPage> {
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const rows = await this.core.db
      .select()
      .from(panel)
      .where(
        and(
          this.scoped(actor),
          query.status ? eq(panel.status, query.status) : undefined,
          query.purpose ? eq(panel.purpose, query.purpose) : undefined,
          after
            ? or(
                lt(panel.drawnAt, new Date(after[0])),
                and(eq(panel.drawnAt, new Date(after[0])), lt(panel.id, after[1])),
              )
            : undefined,
        ),
      )
      .orderBy(desc(panel.drawnAt), desc(panel.id))
      .limit(query.limit + 1);
    const ids = rows.map((r) => r.id);
    const counts = ids.length
      ? await this.core.db
          .select({
            panelId: panelMember.panelId,
            members: sql<number>`count(*) filter (where ${panelMember.status} <> 'declined')::int`,
            accepted: sql<number>`count(*) filter (where ${panelMember.status} in ('accepted','scored'))::int`,
            scored: sql<number>`count(*) filter (where ${panelMember.status} = 'scored')::int`,
          })
          .from(panelMember)
          .where(inArray(panelMember.panelId, ids))
          .groupBy(panelMember.panelId)
      : [];
    const names = await this.partyNames(rows);
    return toPage(
      rows,
      query.limit,
      (r) => [r.drawnAt.toISOString(), r.id],
      (r) => {
        const c = counts.find((x) => x.panelId === r.id);
        return {
          id: r.id,
          purpose: r.purpose,
          subject: r.subject,
          countyCode: r.countyCode,
          countyName: this.core.regions.name(r.countyCode),
          applicantName: names.get(r.applicantEmployerId ?? r.applicantProviderId ?? '') ?? '—',
          drawnOn: r.drawnOn,
          drawnByName: r.drawnByName,
          status: r.status,
          conclusion: r.conclusion,
          demo: r.demo,
          memberCount: c?.members ?? 0,
          accepted: c?.accepted ?? 0,
          scored: c?.scored ?? 0,
        };
      },
    );
  }

  private async partyNames(rows: PanelRow[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const r of rows) {
      const { applicant, implementer } = await loadParties(this.core.db, r);
      if (applicant) names.set(applicant.employerId ?? applicant.providerId ?? '', applicant.name);
      if (implementer) names.set(implementer.providerId ?? '', implementer.name);
    }
    return names;
  }

  private async scopedPanel(db: Q, actor: Actor, id: string, lock = false): Promise<PanelRow> {
    const q = db
      .select()
      .from(panel)
      .where(and(eq(panel.id, id), this.scoped(actor)));
    const [row] = lock ? await q.for('update') : await q;
    if (!row) throw AppError.notFound(NOT_FOUND);
    return row;
  }

  async get(actor: Actor, id: string): Promise<PanelView> {
    await this.scopedPanel(this.core.db, actor, id);
    return this.view(this.core.db, id);
  }

  private async view(db: Q, id: string): Promise<PanelView> {
    const [p] = await db.select().from(panel).where(eq(panel.id, id));
    if (!p) throw AppError.notFound(NOT_FOUND);
    const labels = await this.domainLabels(db, p.drawnOn);
    const { applicant, implementer } = await loadParties(db, p);
    const members = await db
      .select({ m: panelMember, name: expert.name, title: expert.title, workUnit: expert.workUnit })
      .from(panelMember)
      .innerJoin(expert, eq(expert.id, panelMember.expertId))
      .where(eq(panelMember.panelId, id))
      .orderBy(asc(panelMember.round), asc(panelMember.respondedAt), asc(expert.name));
    const [counts] = await db
      .select({
        all: sql<number>`count(*)::int`,
        excluded: sql<number>`count(${panelCandidate.exclusion})::int`,
      })
      .from(panelCandidate)
      .where(eq(panelCandidate.panelId, id));
    const scored = members.filter((x) => x.m.total !== null && x.m.status === 'scored');
    const { points } = await panelDivergencePolicy(db, this.core.regions, p.countyCode, p.drawnOn);
    const div = divergence(
      scored.map((x) => ({ id: x.m.id, total: x.m.total as number })),
      points,
    );
    const nameOf = new Map(members.map((x) => [x.m.id, x.name]));
    const memberViews: PanelMemberView[] = members.map(({ m, name, title, workUnit }) => ({
      id: m.id,
      expertId: m.expertId,
      name,
      title,
      workUnit,
      domain: m.domain,
      domainLabel: labels.get(m.domain) ?? m.domain,
      round: m.round,
      replaces: m.replaces,
      replacesName: m.replaces ? (nameOf.get(m.replaces) ?? null) : null,
      status: m.status,
      declineReason: m.declineReason,
      respondedAt: m.respondedAt?.toISOString() ?? null,
      scores: (m.scores as Record<string, number> | null) ?? null,
      total: m.total,
      comment: m.comment,
      scoredAt: m.scoredAt?.toISOString() ?? null,
      outlier: div.outliers.includes(m.id),
      feeFen: m.feeFen,
      settledAt: m.settledAt?.toISOString() ?? null,
      version: m.version,
    }));
    const mix = p.mix as { domain: string; count: number }[];
    const shortfall = mix.flatMap((e) => {
      const active = members.filter((x) => x.m.domain === e.domain && x.m.status !== 'declined').length;
      return active < e.count
        ? [{ domain: e.domain, domainLabel: labels.get(e.domain) ?? e.domain, missing: e.count - active }]
        : [];
    });
    return {
      id: p.id,
      purpose: p.purpose,
      subject: p.subject,
      subjectRef: p.subjectRef,
      countyCode: p.countyCode,
      countyName: this.core.regions.name(p.countyCode),
      applicantName: applicant?.name ?? '—',
      applicantEmployerId: p.applicantEmployerId,
      applicantProviderId: p.applicantProviderId,
      implementerName: implementer?.name ?? null,
      implementerProviderId: p.implementerProviderId,
      mix: mix.map((e) => ({ ...e, domainLabel: labels.get(e.domain) ?? e.domain })),
      algorithm: p.algorithm,
      seed: p.seed,
      drawnOn: p.drawnOn,
      drawnAt: p.drawnAt.toISOString(),
      drawnByName: p.drawnByName,
      criteria: p.criteria as Criterion[],
      passMark: p.passMark,
      status: p.status,
      members: memberViews,
      shortfall,
      candidateCount: counts?.all ?? 0,
      excludedCount: counts?.excluded ?? 0,
      divergence: div,
      meanScore: scored.length ? meanTotal(scored.map((x) => x.m.total as number)) : null,
      conclusionScore: p.conclusionScore,
      conclusion: p.conclusion,
      conclusionNote: p.conclusionNote,
      concludedAt: p.concludedAt?.toISOString() ?? null,
      settledFen: members.reduce((a, x) => a + (x.m.settledAt ? (x.m.feeFen ?? 0) : 0), 0),
      settleable: members.filter((x) => x.m.status === 'scored' && !x.m.settledAt).length,
      demo: p.demo,
      version: p.version,
    };
  }

  /** The full draw record: enough for anyone to re-run the draw with `drawPanel`. */
  async record(actor: Actor, id: string): Promise<PanelDrawRecord> {
    const p = await this.scopedPanel(this.core.db, actor, id);
    return this.recordOf(this.core.db, p);
  }

  private async recordOf(db: Q, p: PanelRow): Promise<PanelDrawRecord> {
    const candidates = await db
      .select({
        expertId: panelCandidate.expertId,
        name: expert.name,
        domains: panelCandidate.domains,
        rankKey: panelCandidate.rankKey,
        exclusion: panelCandidate.exclusion,
      })
      .from(panelCandidate)
      .innerJoin(expert, eq(expert.id, panelCandidate.expertId))
      .where(eq(panelCandidate.panelId, p.id))
      .orderBy(asc(panelCandidate.rankKey));
    const declines = await db
      .select({ expertId: panelMember.expertId, at: panelMember.respondedAt, reason: panelMember.declineReason })
      .from(panelMember)
      .where(and(eq(panelMember.panelId, p.id), eq(panelMember.status, 'declined')))
      .orderBy(asc(panelMember.respondedAt), asc(panelMember.round));
    return {
      panelId: p.id,
      algorithm: p.algorithm,
      seed: p.seed,
      drawnOn: p.drawnOn,
      mix: p.mix as { domain: string; count: number }[],
      candidates,
      declines: declines.map((d) => ({
        expertId: d.expertId,
        at: d.at?.toISOString(),
        reason: d.reason ?? undefined,
      })),
    };
  }

  /** Re-runs the draw on a posted record (public: no names needed, nothing read from the database). */
  async verify(record: PanelDrawRecord): Promise<PanelVerifyResult> {
    try {
      const result = await drawPanel({
        algorithm: record.algorithm,
        seed: record.seed,
        mix: record.mix,
        candidates: record.candidates.map((c) => ({
          expertId: c.expertId,
          domains: c.domains,
          exclusion: c.exclusion,
        })),
        declines: record.declines.map((d) => d.expertId),
      });
      return {
        algorithm: result.algorithm,
        members: result.members,
        shortages: result.shortages,
        shortfall: result.shortfall,
        rankKeyMismatches: record.candidates
          .filter((c) => c.rankKey !== undefined && c.rankKey !== result.rankKeys[c.expertId])
          .map((c) => c.expertId),
      };
    } catch (e) {
      if (e instanceof DrawError) throw AppError.validation('record', e.message);
      throw e;
    }
  }

  // ------------------------------------------------------------------------------------------------------------
  // Assignments

  private async ownMember(db: Q, actor: Actor, memberId: string, lock = false) {
    const q = db
      .select({ m: panelMember })
      .from(panelMember)
      .innerJoin(expert, eq(expert.id, panelMember.expertId))
      .where(and(eq(panelMember.id, memberId), eq(expert.userId, actor.userId)));
    const [row] = lock ? await q.for('update') : await q;
    if (!row) throw AppError.notFound(MEMBER_NOT_FOUND);
    return row.m;
  }

  async myAssignments(actor: Actor): Promise<PanelAssignmentView[]> {
    const rows = await this.core.db
      .select({ panelId: panelMember.panelId, memberId: panelMember.id })
      .from(panelMember)
      .innerJoin(expert, eq(expert.id, panelMember.expertId))
      .innerJoin(panel, eq(panel.id, panelMember.panelId))
      .where(eq(expert.userId, actor.userId))
      .orderBy(desc(panel.drawnAt));
    return Promise.all(rows.map((r) => this.assignmentView(this.core.db, r.panelId, r.memberId)));
  }

  private async assignmentView(db: Q, panelId: string, memberId: string): Promise<PanelAssignmentView> {
    const v = await this.view(db, panelId);
    const member = v.members.find((m) => m.id === memberId) as PanelMemberView;
    return {
      member,
      panel: {
        id: v.id,
        purpose: v.purpose,
        subject: v.subject,
        countyName: v.countyName,
        applicantName: v.applicantName,
        implementerName: v.implementerName,
        drawnOn: v.drawnOn,
        status: v.status,
        criteria: v.criteria,
        passMark: v.passMark,
      },
    };
  }

  private static open(p: PanelRow) {
    if (p.status === 'concluded' || p.status === 'cancelled') {
      throw AppError.validation(
        'status',
        `本次抽取${p.status === 'concluded' ? '已出评审结论' : '已取消'}，不能再变更`,
      );
    }
  }

  /** Updates a member row at the expected version (409 when stale) and bumps the panel's version. */
  private async updateMember(tx: Tx, m: MemberRow, version: number, values: Partial<MemberRow>) {
    const [row] = await tx
      .update(panelMember)
      .set({ ...values, version: m.version + 1 })
      .where(and(eq(panelMember.id, m.id), eq(panelMember.version, version)))
      .returning({ id: panelMember.id });
    if (!row) throw AppError.conflict('该评审任务已被他人更新，请刷新后重试');
    await tx
      .update(panel)
      .set({ version: sql`${panel.version} + 1` })
      .where(eq(panel.id, m.panelId));
  }

  async accept(actor: Actor, memberId: string, version: number): Promise<PanelAssignmentView> {
    const panelId = await this.core.db.transaction(async (tx) => {
      const m = await this.ownMember(tx, actor, memberId, true);
      const [p] = await tx.select().from(panel).where(eq(panel.id, m.panelId)).for('update');
      PanelService.open(p as PanelRow);
      if (m.version !== version) throw AppError.conflict('该评审任务已被他人更新，请刷新后重试');
      if (m.status !== 'notified') {
        throw AppError.validation(
          'status',
          `该任务当前为“${m.status === 'declined' ? '已回避' : '已接受'}”，不能再接受`,
        );
      }
      await this.updateMember(tx, m, version, { status: 'accepted', respondedAt: this.clock() });
      await tx
        .update(panel)
        .set({ status: 'scoring' })
        .where(and(eq(panel.id, m.panelId), eq(panel.status, 'drawn')));
      await recordAudit(tx, actor, {
        action: 'panel.accept',
        objectType: 'panel_member',
        objectId: m.id,
        changes: { before: { status: m.status }, after: { status: 'accepted' } },
      });
      return m.panelId;
    });
    return this.assignmentView(this.core.db, panelId, memberId);
  }

  async declineOwn(actor: Actor, memberId: string, input: PanelDeclineInput): Promise<PanelAssignmentView> {
    const panelId = await this.core.db.transaction(async (tx) => {
      const m = await this.ownMember(tx, actor, memberId);
      const [p] = await tx.select().from(panel).where(eq(panel.id, m.panelId)).for('update');
      await this.decline(tx, actor, p as PanelRow, m.id, input, false);
      return m.panelId;
    });
    return this.assignmentView(this.core.db, panelId, memberId);
  }

  /** The bureau records a decline on the expert's behalf (e.g. by phone). */
  async declineOnBehalf(actor: Actor, panelId: string, memberId: string, input: PanelDeclineInput) {
    await this.core.db.transaction(async (tx) => {
      const p = await this.scopedPanel(tx, actor, panelId, true);
      await this.decline(tx, actor, p, memberId, input, true);
    });
    return this.view(this.core.db, panelId);
  }

  /**
   * Records a decline and draws the replacement in the same transaction: the record's declines with this one
   * appended, re-run through `drawPanel`; the one new member is the replacement (none: the shortfall shows).
   */
  private async decline(
    tx: Tx,
    actor: Actor,
    p: PanelRow,
    memberId: string,
    input: PanelDeclineInput,
    byBureau: boolean,
  ) {
    PanelService.open(p);
    const [m] = await tx
      .select()
      .from(panelMember)
      .where(and(eq(panelMember.id, memberId), eq(panelMember.panelId, p.id)))
      .for('update');
    if (!m) throw AppError.notFound(byBureau ? '该专家不是本次抽取的成员' : MEMBER_NOT_FOUND);
    if (m.version !== input.version) throw AppError.conflict('该评审任务已被他人更新，请刷新后重试');
    if (m.status === 'declined') throw AppError.validation('status', '该专家已回避');
    if (m.status === 'scored') throw AppError.validation('status', '该专家已评分，不能再回避');
    // declines are replayed in respondedAt order: keep them strictly increasing
    const [last] = await tx
      .select({ at: sql<Date | null>`max(${panelMember.respondedAt})` })
      .from(panelMember)
      .where(and(eq(panelMember.panelId, p.id), eq(panelMember.status, 'declined')));
    let at = this.clock();
    const lastAt = last?.at ? new Date(last.at) : null;
    if (lastAt && at.getTime() <= lastAt.getTime()) at = new Date(lastAt.getTime() + 1);
    const reason = byBureau ? `${input.reason}（${actor.displayName}代为登记）` : input.reason;
    await this.updateMember(tx, m, input.version, { status: 'declined', declineReason: reason, respondedAt: at });
    const record = await this.recordOf(tx, p);
    const result = await drawPanel({
      algorithm: record.algorithm,
      seed: record.seed,
      mix: record.mix,
      candidates: record.candidates,
      declines: record.declines.map((d) => d.expertId),
    });
    const existing = await tx
      .select({ id: panelMember.id, expertId: panelMember.expertId })
      .from(panelMember)
      .where(eq(panelMember.panelId, p.id));
    const known = new Set(existing.map((e) => e.expertId));
    const fresh = result.members.filter((x) => !known.has(x.expertId));
    let replacement: string | null = null;
    for (const f of fresh) {
      const replaces = existing.find((e) => e.expertId === f.replaces)?.id ?? null;
      await tx.insert(panelMember).values({
        panelId: p.id,
        expertId: f.expertId,
        domain: f.domain,
        round: f.round,
        replaces,
        status: 'notified',
      });
      replacement = f.expertId;
    }
    if (fresh.length) {
      await this.notifyExperts(
        tx,
        fresh.map((f) => f.expertId),
        p.subject,
        p.purpose,
      );
    }
    await recordAudit(tx, actor, {
      action: byBureau ? 'panel.decline.record' : 'panel.decline',
      objectType: 'panel_member',
      objectId: m.id,
      changes: {
        before: { status: m.status },
        after: { status: 'declined', reason, replacement, round: m.round + 1 },
      },
    });
  }

  async score(actor: Actor, memberId: string, input: PanelScoreInput): Promise<PanelAssignmentView> {
    const panelId = await this.core.db.transaction(async (tx) => {
      const m = await this.ownMember(tx, actor, memberId, true);
      const [p] = await tx.select().from(panel).where(eq(panel.id, m.panelId)).for('update');
      PanelService.open(p as PanelRow);
      if (m.version !== input.version) throw AppError.conflict('该评审任务已被他人更新，请刷新后重试');
      if (m.status !== 'accepted' && m.status !== 'scored') {
        throw AppError.validation('status', '请先确认参加评审，再评分');
      }
      const criteria = (p as PanelRow).criteria as Criterion[];
      AppError.assertNoProblems(scoreProblems(criteria, input.scores));
      const total = weightedTotal(criteria, input.scores);
      await this.updateMember(tx, m, input.version, {
        status: 'scored',
        scores: input.scores,
        total,
        comment: input.comment,
        scoredAt: this.clock(),
      });
      await recordAudit(tx, actor, {
        action: 'panel.score',
        objectType: 'panel_member',
        objectId: m.id,
        changes: { before: { scores: m.scores, total: m.total }, after: { scores: input.scores, total } },
      });
      return m.panelId;
    });
    return this.assignmentView(this.core.db, panelId, memberId);
  }

  /** 代录评分: the bureau enters a member's paper scoring sheet (same rules as the expert's own), with a note. */
  async scoreOnBehalf(
    actor: Actor,
    panelId: string,
    memberId: string,
    input: PanelProxyScoreInput,
  ): Promise<PanelView> {
    await this.core.db.transaction(async (tx) => {
      const p = await this.scopedPanel(tx, actor, panelId, true);
      PanelService.open(p);
      const [m] = await tx
        .select()
        .from(panelMember)
        .where(and(eq(panelMember.id, memberId), eq(panelMember.panelId, panelId)))
        .for('update');
      if (!m) throw AppError.notFound('该专家不是本次抽取的成员');
      if (m.version !== input.version) throw AppError.conflict('该评审任务已被他人更新，请刷新后重试');
      if (m.status === 'declined') throw AppError.validation('status', '该专家已回避，不能代录评分');
      const criteria = p.criteria as Criterion[];
      AppError.assertNoProblems(scoreProblems(criteria, input.scores));
      const total = weightedTotal(criteria, input.scores);
      await this.updateMember(tx, m, input.version, {
        status: 'scored',
        scores: input.scores,
        total,
        comment: input.comment,
        respondedAt: m.respondedAt ?? this.clock(),
        scoredAt: this.clock(),
      });
      await tx
        .update(panel)
        .set({ status: 'scoring' })
        .where(and(eq(panel.id, panelId), eq(panel.status, 'drawn')));
      await recordAudit(tx, actor, {
        action: 'panel.score.proxy',
        objectType: 'panel_member',
        objectId: m.id,
        changes: {
          before: { scores: m.scores, total: m.total },
          after: { scores: input.scores, total, note: input.note },
        },
      });
    });
    return this.view(this.core.db, panelId);
  }

  // ------------------------------------------------------------------------------------------------------------
  // Conclusion and settlement

  async conclude(actor: Actor, panelId: string, note: string | null, version: number): Promise<PanelView> {
    await this.core.db.transaction(async (tx) => {
      const p = await this.scopedPanel(tx, actor, panelId, true);
      if (p.version !== version) throw AppError.conflict();
      PanelService.open(p);
      const v = await this.view(tx, panelId);
      const pending = v.members.filter((m) => m.status === 'notified' || m.status === 'accepted');
      if (pending.length) {
        throw AppError.validation(
          'status',
          `还有 ${pending.length} 名专家未完成评分（${pending.map((m) => m.name).join('、')}），不能汇总结论`,
        );
      }
      const totals = v.members.filter((m) => m.status === 'scored').map((m) => m.total as number);
      if (!totals.length) throw AppError.validation('status', '还没有专家评分，不能汇总结论');
      if (v.divergence.flagged && !note) {
        const names = v.members.filter((m) => m.outlier).map((m) => m.name);
        throw AppError.validation(
          'note',
          `专家评分分歧较大（最高与最低相差 ${(v.divergence.spread / 100).toFixed(2)} 分，超过 ${v.divergence.thresholdPoints} 分；偏离较大：${names.join('、')}），请填写结论说明`,
        );
      }
      const mean = meanTotal(totals);
      const conclusion = mean >= p.passMark * 100 ? 'pass' : 'fail';
      await tx
        .update(panel)
        .set({
          status: 'concluded',
          conclusionScore: mean,
          conclusion,
          conclusionNote: note,
          concludedAt: this.clock(),
          version: p.version + 1,
        })
        .where(eq(panel.id, panelId));
      await recordAudit(tx, actor, {
        action: 'panel.conclude',
        objectType: 'panel',
        objectId: panelId,
        changes: {
          before: { status: p.status },
          after: { status: 'concluded', conclusionScore: mean, conclusion, note },
        },
      });
    });
    return this.view(this.core.db, panelId);
  }

  /** Settles each scored member's fee once: members already settled are left as they are (idempotent). */
  async settle(actor: Actor, panelId: string): Promise<PanelSettlementResult> {
    const { settled, settledFen } = await this.core.db.transaction(async (tx) => {
      const p = await this.scopedPanel(tx, actor, panelId, true);
      if (p.status !== 'concluded') throw AppError.validation('status', '评审结论作出后才能结算劳务费');
      const fees = await panelFeesPolicy(tx, this.core.regions, p.countyCode, p.drawnOn);
      const fee = fees[p.purpose];
      const rows = await tx
        .update(panelMember)
        .set({
          feeFen: fee,
          settledAt: this.clock(),
          settledBy: actor.userId,
          version: sql`${panelMember.version} + 1`,
        })
        .where(and(eq(panelMember.panelId, panelId), eq(panelMember.status, 'scored'), isNull(panelMember.settledAt)))
        .returning({ id: panelMember.id, expertId: panelMember.expertId });
      if (rows.length) {
        await recordAudit(tx, actor, {
          action: 'panel.settle',
          objectType: 'panel',
          objectId: panelId,
          changes: { after: { members: rows.map((r) => r.expertId), feeFen: fee, totalFen: fee * rows.length } },
        });
      }
      return { settled: rows.length, settledFen: fee * rows.length };
    });
    return { settled, settledFen, panel: await this.view(this.core.db, panelId) };
  }
}
