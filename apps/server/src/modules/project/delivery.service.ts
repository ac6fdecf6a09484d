import {
  type AcceptanceDecisionInput,
  type AcceptancePanelInput,
  CITY_CODE,
  formatFen,
  type PaymentRequest,
  type PaymentResult,
  type TerminateInput,
} from '@yufang/contracts';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import { type Actor, can } from '../../core/auth/actor.js';
import type { Tx } from '../../core/db/index.js';
import { AppError } from '../../core/http/errors.js';
import { paymentByKey, postPayment, releaseCommitment } from '../fund/budget-ledger.js';
import { panel } from '../panel/panel.schema.js';
import { PanelService } from '../panel/panel.service.js';
import { providerEngagement } from '../provider/provider.schema.js';
import type { DeliveryContext } from './delivery.context.js';
import { deliveryPolicy } from './delivery.policy.js';
import {
  acceptanceVerdict,
  addDays,
  balanceAmount,
  deductionProblem,
  isTraineeTarget,
  prepaymentAmount,
  type Target,
  targetResults,
  terminationSettlement,
} from './delivery.rules.js';
import { paymentView, projectPayments } from './delivery.view.js';
import { projectPaymentPolicy } from './project.policy.js';
import { type ProjectRow, projectAcceptance } from './project.schema.js';
import { addProjectEvent, loadProject, moveProject } from './project.store.js';

/**
 * Payments (prepayment, balance — each posted once under the client's idempotency key), the start of implementation,
 * acceptance rounds with the expert panel, rectification, termination with a deduction and close-out (人社部规〔2017〕
 * 13号 第十三、十四条). Every move goes through moveProject; every amount through the budget ledger, in one transaction.
 */

const yuan = (fen: number) => `${formatFen(fen)} 元`;

function invalid(field: string, label: string, message: string) {
  return new AppError('VALIDATION', `${label}：${message}`, [{ field, message }]);
}

export class DeliveryService {
  private readonly panels: PanelService;

  constructor(private readonly ctx: DeliveryContext) {
    this.panels = new PanelService(ctx.core, ctx.clock);
  }

  /**
   * Posts the prepayment (from 'contracted') or the balance (from 'accepted') and moves the project in one
   * transaction. The key is looked up first, under the project row lock: a repeated request returns the payment
   * already posted and posts nothing, whatever the project's status is now.
   */
  async pay(actor: Actor, id: string, kind: 'prepayment' | 'balance', input: PaymentRequest): Promise<PaymentResult> {
    return this.ctx.core.db.transaction(async (tx) => {
      const p = await loadProject(tx, actor, id, true);
      const earlier = await paymentByKey(tx, input.idempotencyKey);
      if (earlier) {
        if (earlier.projectId !== id || earlier.kind !== kind) {
          throw AppError.conflict('该付款请求编号已用于另一笔付款，请刷新后重试');
        }
        return { payment: paymentView(earlier), replayed: true };
      }
      if (p.contractFen === null) throw invalid('contractFen', '合同金额', '项目尚未签订服务协议');
      let amount: { amountFen: number; basis: string };
      if (kind === 'prepayment') {
        if (p.prepaymentPct === null) throw invalid('prepaymentPct', '预付比例', '服务协议未约定预付比例');
        const range = await projectPaymentPolicy(
          tx,
          this.ctx.core.regions,
          p.countyCode,
          p.contractSignedOn ?? this.ctx.today(),
        );
        if (p.prepaymentPct < range.prepaymentMinPct || p.prepaymentPct > range.prepaymentMaxPct) {
          throw invalid(
            'prepaymentPct',
            '预付比例',
            `服务协议约定的 ${p.prepaymentPct}% 不在 ${range.prepaymentMinPct}%–${range.prepaymentMaxPct}% 之间，请先更正服务协议`,
          );
        }
        amount = prepaymentAmount(p.contractFen, p.prepaymentPct);
      } else {
        const prepaid = (await projectPayments(tx, id)).find((x) => x.kind === 'prepayment')?.amountFen ?? 0;
        amount = balanceAmount(p.contractFen, p.deductionFen, prepaid);
      }
      const action = kind === 'prepayment' ? 'prepay' : 'payBalance';
      await moveProject(tx, actor, p, action, {
        version: input.version,
        summary: `${kind === 'prepayment' ? '支付预付款' : '支付余款'} ${yuan(amount.amountFen)}（${amount.basis}）`,
        data: { amountFen: amount.amountFen, idempotencyKey: input.idempotencyKey },
      });
      if (amount.amountFen <= 0) throw invalid('amountFen', '付款金额', `按合同计算应付金额为 0（${amount.basis}）`);
      const { payment } = await postPayment(tx, actor, {
        regionCode: CITY_CODE,
        year: p.year,
        projectId: id,
        kind,
        amountFen: amount.amountFen,
        basis: amount.basis,
        idempotencyKey: input.idempotencyKey,
        demo: p.demo,
      });
      await recordAudit(tx, actor, {
        action: `fund.payment.${kind}`,
        objectType: 'fund_payment',
        objectId: payment.id,
        changes: { after: { projectId: id, kind, amountFen: payment.amountFen, basis: payment.basis } },
      });
      return { payment: paymentView(payment), replayed: false };
    });
  }

  /** Starts implementation after the prepayment (the implementer, the applicant or the bureau). */
  async start(actor: Actor, id: string, version: number) {
    if (!can(actor, 'project.report') && !can(actor, 'project.manage')) {
      throw AppError.forbidden('开始实施须有“项目实施报告”或“项目管理”权限');
    }
    await this.ctx.core.db.transaction(async (tx) => {
      const p = await loadProject(tx, actor, id, true);
      await moveProject(tx, actor, p, 'start', { version, summary: '开始实施' });
    });
  }

  /** The implementer or applicant asks for acceptance (again after rectification): a new round. */
  async requestAcceptance(actor: Actor, id: string, version: number) {
    await this.ctx.core.db.transaction(async (tx) => {
      const p = await loadProject(tx, actor, id, true);
      const round = p.acceptanceRound + 1;
      await moveProject(tx, actor, p, 'requestAcceptance', {
        version,
        set: { acceptanceRound: round },
        summary: `申请第 ${round} 轮验收`,
        data: { round },
      });
      await tx.insert(projectAcceptance).values({ projectId: id, round, delivered: [], outcome: 'pending' });
    });
  }

  private async pendingRound(tx: Tx, p: ProjectRow) {
    const [a] = await tx
      .select()
      .from(projectAcceptance)
      .where(and(eq(projectAcceptance.projectId, p.id), eq(projectAcceptance.round, p.acceptanceRound)))
      .for('update');
    if (a?.outcome !== 'pending' || p.status !== 'acceptance_requested') {
      throw invalid('status', '项目状态', '项目尚未申请验收或本轮验收已有结论');
    }
    return a;
  }

  /** The bureau draws the acceptance panel for the pending round (conflicts with applicant and implementer excluded). */
  async drawPanel(actor: Actor, id: string, input: AcceptancePanelInput) {
    if (!can(actor, 'project.manage')) throw AppError.forbidden('抽取验收专家须有“项目管理”权限');
    return this.ctx.core.db.transaction(async (tx) => {
      const p = await loadProject(tx, actor, id, true);
      if (p.version !== input.version) throw AppError.conflict('项目已被他人更新，请刷新后重试');
      const a = await this.pendingRound(tx, p);
      if (a.panelId) throw invalid('panelId', '验收专家组', `第 ${a.round} 轮验收专家已抽取`);
      const employerId = p.applicantEmployerId;
      const providerId = employerId ? null : (p.applicantProviderId ?? p.implementerProviderId);
      const view = await this.panels.draw(
        actor,
        {
          purpose: 'acceptance',
          subject: `${p.code ?? ''} ${p.title} 第 ${a.round} 轮验收`.trim(),
          subjectRef: p.id,
          countyCode: p.countyCode,
          applicantEmployerId: employerId,
          applicantProviderId: providerId,
          implementerProviderId: p.implementerProviderId,
          mix: input.mix,
        },
        tx,
      );
      await tx.update(projectAcceptance).set({ panelId: view.id }).where(eq(projectAcceptance.id, a.id));
      await addProjectEvent(tx, actor, p, {
        kind: 'acceptancePanel',
        phase: 'after',
        summary: `抽取第 ${a.round} 轮验收专家 ${view.members.length} 名`,
        data: { panelId: view.id, round: a.round },
      });
      return { panelId: view.id };
    });
  }

  /**
   * Records the round after the panel concluded: delivered vs contracted per target and the panel's score. Pass
   * (every target met and the panel passed) → accepted; otherwise → acceptance_failed with the reasons.
   */
  async decide(actor: Actor, id: string, input: AcceptanceDecisionInput) {
    if (!can(actor, 'project.manage')) throw AppError.forbidden('登记验收结论须有“项目管理”权限');
    await this.ctx.core.db.transaction(async (tx) => {
      const p = await loadProject(tx, actor, id, true);
      const a = await this.pendingRound(tx, p);
      const [pn] = a.panelId ? await tx.select().from(panel).where(eq(panel.id, a.panelId)) : [];
      if (!pn) throw invalid('panelId', '验收专家组', '请先抽取验收专家');
      if (pn.status !== 'concluded' || !pn.conclusion || pn.conclusionScore === null) {
        throw invalid('panelId', '验收专家组', '验收专家尚未完成评分并汇总结论');
      }
      const targets = (p.targets ?? []) as Target[];
      const missing = targets.filter((t) => input.delivered[t.key] === undefined).map((t) => t.label);
      if (missing.length) throw invalid('delivered', '完成情况', `请填写：${missing.join('、')}`);
      const results = targetResults(targets, input.delivered);
      const verdict = acceptanceVerdict(results, pn.conclusion, pn.conclusionScore);
      const note = [input.note, ...verdict.reasons].filter(Boolean).join('；') || null;
      await tx
        .update(projectAcceptance)
        .set({
          delivered: results,
          score: pn.conclusionScore,
          outcome: verdict.passed ? 'passed' : 'failed',
          note,
          decidedAt: this.ctx.clock(),
          decidedBy: actor.userId,
        })
        .where(eq(projectAcceptance.id, a.id));
      await moveProject(tx, actor, p, verdict.passed ? 'pass' : 'fail', {
        version: input.version,
        summary: verdict.passed
          ? `第 ${a.round} 轮验收合格，专家组评分 ${(pn.conclusionScore / 100).toFixed(2)} 分`
          : `第 ${a.round} 轮验收不合格：${verdict.reasons.join('；')}`,
        data: { round: a.round, results, score: pn.conclusionScore },
      });
      await this.engagement(tx, p, {
        deliveredUnits: this.mainDelivered(targets, input.delivered),
        acceptanceScore: pn.conclusionScore,
        outcome: verdict.passed ? 'passed' : 'failed',
      });
    });
  }

  private mainDelivered(targets: Target[], delivered: Record<string, number>): number | null {
    const main = targets.find(isTraineeTarget) ?? targets[0];
    return main ? Math.round(delivered[main.key] ?? 0) : null;
  }

  private async engagement(tx: Tx, p: ProjectRow, set: Partial<typeof providerEngagement.$inferInsert>) {
    await tx
      .update(providerEngagement)
      .set(set)
      .where(and(eq(providerEngagement.projectRef, p.id), eq(providerEngagement.source, 'project')));
  }

  /** Orders rectification after a failed round, with the deadline from the policy. */
  async rectify(actor: Actor, id: string, version: number, note: string | null) {
    if (!can(actor, 'project.manage')) throw AppError.forbidden('下达整改须有“项目管理”权限');
    await this.ctx.core.db.transaction(async (tx) => {
      const p = await loadProject(tx, actor, id, true);
      const today = this.ctx.today();
      const { rectifyDays } = await deliveryPolicy(tx, this.ctx.core.regions, p.countyCode, today);
      const by = addDays(today, rectifyDays);
      await moveProject(tx, actor, p, 'rectify', {
        version,
        set: { rectifyBy: by },
        summary: `限期整改至 ${by}${note ? `：${note}` : ''}，整改后重新申请验收`,
      });
    });
  }

  /**
   * Terminates with a deduction of part or all of the contract: the deduction goes back to the budget; prepaid beyond
   * what remains payable is recovered (追回); what remains payable beyond the prepayment is settled.
   */
  async terminate(actor: Actor, id: string, input: TerminateInput) {
    if (!can(actor, 'project.manage')) throw AppError.forbidden('终止项目须有“项目管理”权限');
    await this.ctx.core.db.transaction(async (tx) => {
      const p = await loadProject(tx, actor, id, true);
      if (p.contractFen === null) throw invalid('contractFen', '合同金额', '项目尚未签订服务协议');
      const problem = deductionProblem(p.contractFen, input.deductionFen);
      if (problem) throw invalid('deductionFen', '扣减金额', problem);
      const prepaid = (await projectPayments(tx, id)).find((x) => x.kind === 'prepayment')?.amountFen ?? 0;
      const s = terminationSettlement(p.contractFen, input.deductionFen, prepaid);
      await moveProject(tx, actor, p, 'terminate', {
        version: input.version,
        set: { deductionFen: input.deductionFen, terminationReason: input.reason },
        summary:
          `终止项目，扣减合同款 ${yuan(input.deductionFen)}（合同 ${yuan(p.contractFen)}，已预付 ${yuan(prepaid)}）` +
          (s.recoveryFen ? `，追回 ${yuan(s.recoveryFen)}` : '') +
          (s.finalFen ? `，结算 ${yuan(s.finalFen)}` : '') +
          `。理由：${input.reason}`,
        data: { deductionFen: input.deductionFen, ...s },
      });
      const base = { regionCode: CITY_CODE, year: p.year, projectId: id, demo: p.demo };
      if (s.recoveryFen) {
        await postPayment(tx, actor, {
          ...base,
          kind: 'recovery',
          amountFen: s.recoveryFen,
          basis: `已预付 ${yuan(prepaid)} − 扣减后应付 ${yuan(s.payableFen)} = 追回 ${yuan(s.recoveryFen)}`,
          idempotencyKey: `recovery:${id}`,
        });
      }
      await releaseCommitment(tx, CITY_CODE, p.year, input.deductionFen);
      if (s.finalFen) {
        await postPayment(tx, actor, {
          ...base,
          kind: 'balance',
          amountFen: s.finalFen,
          basis: `终止结算：合同 ${yuan(p.contractFen)} − 扣减 ${yuan(input.deductionFen)} − 已预付 ${yuan(prepaid)} = ${yuan(s.finalFen)}`,
          idempotencyKey: `termination:${id}`,
        });
      }
      await this.engagement(tx, p, { deductionFen: input.deductionFen, outcome: 'terminated' });
    });
  }

  /** Closes the file after the balance (or a termination). */
  async close(actor: Actor, id: string, version: number) {
    if (!can(actor, 'project.manage')) throw AppError.forbidden('结项须有“项目管理”权限');
    await this.ctx.core.db.transaction(async (tx) => {
      const p = await loadProject(tx, actor, id, true);
      await moveProject(tx, actor, p, 'close', { version, set: { closedAt: this.ctx.clock() }, summary: '结项归档' });
    });
  }
}
