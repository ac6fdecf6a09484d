import {
  APPLICANT_KINDS,
  CITY_CODE,
  formatFen,
  type PanelMixEntry,
  PROJECT_STATUS_LABELS,
  type ProjectStatus,
  type ProjectView,
  type RankedItem,
  type ReviewApplicationView,
} from '@yufang/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { employer } from '../../core/db/schema.js';
import { AppError } from '../../core/http/errors.js';
import { expert } from '../expert/expert.schema.js';
import { earmark } from '../fund/budget-ledger.js';
import { panel, panelMember } from '../panel/panel.schema.js';
import { PanelService } from '../panel/panel.service.js';
import { projectEligibilityPolicy } from './project.policy.js';
import { evaluateEligibility, rankProjects } from './project.rules.js';
import { project } from './project.schema.js';
import type { ProjectService } from './project.service.js';
import { loadProject, moveProject, projectScope } from './project.store.js';
import { type ProjectContext, reviewSummaries, typeLabels } from './project.view.js';

const OPEN_STATUSES: ProjectStatus[] = ['submitted', 'eligible', 'reviewing'];

/** Eligibility, the review panel, the ranked list, approval (立项, with the earmark) and rejection. */
export class ReviewService {
  private readonly panels: PanelService;
  private readonly ctx: ProjectContext;

  constructor(private readonly projects: ProjectService) {
    this.ctx = projects.ctx;
    this.panels = new PanelService(this.ctx.core, this.ctx.clock);
  }

  private get db() {
    return this.ctx.core.db;
  }

  /** Evaluates the eligibility rules; all pass → eligible, else rejected with the reasons. */
  async checkEligibility(actor: Actor, id: string, version: number, note: string | null): Promise<ProjectView> {
    await this.db.transaction(async (tx) => {
      const p = await loadProject(tx, actor, id, true);
      const policy = await projectEligibilityPolicy(tx, this.ctx.core.regions, p.countyCode, this.ctx.today());
      const [e] = p.applicantEmployerId
        ? await tx
            .select({ workforce: employer.workforce, insuranceStatus: employer.insuranceStatus })
            .from(employer)
            .where(eq(employer.id, p.applicantEmployerId))
        : [];
      const [others] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(project)
        .where(
          and(
            eq(project.callId, p.callId),
            sql`${project.id} <> ${p.id}`,
            inArray(project.status, OPEN_STATUSES),
            p.applicantEmployerId ? eq(project.applicantEmployerId, p.applicantEmployerId) : undefined,
            p.applicantProviderId ? eq(project.applicantProviderId, p.applicantProviderId) : undefined,
            p.applicantUnitCode ? eq(project.applicantUnitCode, p.applicantUnitCode) : undefined,
          ),
        );
      const results = evaluateEligibility(
        {
          kind: p.applicantKind,
          workforce: e?.workforce ?? null,
          insuranceStatus: e?.insuranceStatus ?? null,
          otherOpenInCall: others?.n ?? 0,
        },
        policy,
      );
      const failed = results.filter((r) => !r.ok);
      const reasons = failed.map((r) => r.reason).join('；');
      await moveProject(tx, actor, p, failed.length ? 'checkIneligible' : 'checkEligible', {
        version,
        set: { eligibility: results, rejectReason: failed.length ? `资格审查不通过：${reasons}` : null },
        summary: failed.length ? `资格审查不通过：${reasons}` : `资格审查通过${note ? `（${note}）` : ''}`,
        data: { results, note },
      });
    });
    return this.projects.get(actor, id);
  }

  /** Draws the review panel in the project's transaction (conflicts excluded by the panel module). */
  async startReview(actor: Actor, id: string, version: number, mix: PanelMixEntry[]): Promise<ProjectView> {
    await this.db.transaction(async (tx) => {
      const p = await loadProject(tx, actor, id, true);
      if (p.status === 'eligible' && p.version !== version) throw AppError.conflict('项目已被他人更新，请刷新后重试');
      const drawn =
        p.status === 'eligible'
          ? await this.panels.draw(
              actor,
              {
                purpose: 'review',
                subject: `${p.code ?? ''} ${p.title}`.trim(),
                subjectRef: p.id,
                countyCode: p.countyCode,
                applicantEmployerId: p.applicantEmployerId,
                applicantProviderId: p.applicantProviderId,
                implementerProviderId: null,
                mix,
              },
              tx,
            )
          : null;
      await moveProject(tx, actor, p, 'startReview', {
        version,
        set: { reviewPanelId: drawn?.id ?? null },
        summary: `抽取评审专家 ${drawn?.members.length ?? 0} 名`,
        data: { panelId: drawn?.id },
      });
    });
    return this.projects.get(actor, id);
  }

  /** Projects of a call under review (or decided after review), ranked by their panel's conclusion score. */
  async ranked(actor: Actor, callId: string): Promise<RankedItem[]> {
    const rows = await this.db
      .select()
      .from(project)
      .where(
        and(
          eq(project.callId, callId),
          projectScope(actor),
          sql`${project.reviewPanelId} is not null`,
          inArray(project.status, ['reviewing', 'approved', 'rejected', 'procuring', 'contracted']),
        ),
      );
    const reviews = await reviewSummaries(
      this.db,
      rows.map((r) => r.reviewPanelId as string),
    );
    return rankProjects(
      rows.map((r) => {
        const review = reviews.get(r.reviewPanelId as string);
        const status = r.status as ProjectStatus;
        return {
          id: r.id,
          code: r.code,
          title: r.title,
          applicantName: r.applicantName,
          requestedFen: r.requestedFen,
          status,
          statusLabel: PROJECT_STATUS_LABELS[status],
          score: review?.conclusionScore ?? review?.meanScore ?? null,
          conclusion: review?.conclusion ?? null,
          divergent: review?.divergent ?? false,
          scored: review?.scored ?? 0,
          members: review?.members ?? 0,
        };
      }),
    );
  }

  /** 立项: the panel must have concluded "pass"; the amount ≤ requested and ≤ the year's remaining budget. */
  async approve(actor: Actor, id: string, version: number, approvedFen: number, note: string | null) {
    await this.db.transaction(async (tx) => {
      const p = await loadProject(tx, actor, id, true);
      if (p.status === 'reviewing') {
        const [pl] = p.reviewPanelId ? await tx.select().from(panel).where(eq(panel.id, p.reviewPanelId)) : [];
        if (pl?.status !== 'concluded') throw AppError.validation('status', '评审专家尚未作出评审结论，不能立项');
        if (pl.conclusion !== 'pass') {
          throw AppError.validation(
            'status',
            `专家评审结论为“不通过”（${((pl.conclusionScore ?? 0) / 100).toFixed(2)} 分，及格 ${pl.passMark} 分），不能立项`,
          );
        }
        if (approvedFen > p.requestedFen) {
          throw AppError.validation(
            'approvedFen',
            `立项金额 ${formatFen(approvedFen)} 元不能超过申请金额 ${formatFen(p.requestedFen)} 元`,
          );
        }
      }
      const updated = await moveProject(tx, actor, p, 'approve', {
        version,
        set: { approvedFen, approvalNote: note, approvedAt: this.ctx.clock(), publishedAt: this.ctx.clock() },
        summary: `立项，金额 ${formatFen(approvedFen)} 元，并向社会公示`,
        data: { approvedFen, note },
      });
      await earmark(tx, CITY_CODE, updated.year, approvedFen, 'approvedFen');
    });
    return this.projects.get(actor, id);
  }

  async reject(actor: Actor, id: string, version: number, reason: string): Promise<ProjectView> {
    await this.db.transaction(async (tx) => {
      const p = await loadProject(tx, actor, id, true);
      await moveProject(tx, actor, p, 'reject', {
        version,
        set: { rejectReason: reason },
        summary: `不予立项：${reason}`,
      });
    });
    return this.projects.get(actor, id);
  }

  /** The application under review for the expert's own assignment (no personal data). */
  async forAssignment(actor: Actor, memberId: string): Promise<ReviewApplicationView> {
    const [row] = await this.db
      .select({ p: project })
      .from(panelMember)
      .innerJoin(expert, eq(expert.id, panelMember.expertId))
      .innerJoin(panel, eq(panel.id, panelMember.panelId))
      .innerJoin(project, eq(project.reviewPanelId, panel.id))
      .where(and(eq(panelMember.id, memberId), eq(expert.userId, actor.userId)));
    if (!row) throw AppError.notFound('评审任务不存在或不是您本人的项目评审任务');
    const p = row.p;
    const types = await typeLabels(this.ctx);
    return {
      code: p.code,
      title: p.title,
      typeLabel: types.get(p.type) ?? p.type,
      applicantKindLabel: APPLICANT_KINDS[p.applicantKind],
      applicantName: p.applicantName,
      countyName: this.ctx.core.regions.name(p.countyCode),
      content: p.content,
      targetGroups: p.targetGroups as ReviewApplicationView['targetGroups'],
      schedule: p.schedule as ReviewApplicationView['schedule'],
      budgetLines: p.budgetLines as ReviewApplicationView['budgetLines'],
      requestedFen: p.requestedFen,
      targets: p.targets as ReviewApplicationView['targets'],
    };
  }
}
