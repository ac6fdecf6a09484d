import {
  CITY_CODE,
  type ContractInput,
  formatFen,
  PROCUREMENT_ROUTES,
  type ProcurementAdvice,
  type ProcurementRoute,
  type ProjectView,
} from '@yufang/contracts';
import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import type { Tx } from '../../core/db/index.js';
import { appUser, userScope } from '../../core/db/schema.js';
import { AppError } from '../../core/http/errors.js';
import { notify } from '../../core/notify/notify.js';
import { commitContract } from '../fund/budget-ledger.js';
import { activeSanction } from '../provider/provider.rules.js';
import { provider, providerEngagement, providerSanction } from '../provider/provider.schema.js';
import { providerEligible } from '../provider/provider.service.js';
import {
  PROJECT_PAYMENT_KEY,
  PROJECT_POLICY_SOURCES,
  projectPaymentPolicy,
  projectProcurementPolicy,
} from './project.policy.js';
import { allowedRoutes, mainTarget, prepaymentProblem, routeProblem } from './project.rules.js';
import { project } from './project.schema.js';
import type { ProjectService } from './project.service.js';
import { addProjectEvent, loadProject, moveProject } from './project.store.js';
import type { ProjectContext } from './project.view.js';

/** Procurement route, the implementer from the eligible organisations, and the service agreement. */
export class ContractService {
  private readonly ctx: ProjectContext;

  constructor(private readonly projects: ProjectService) {
    this.ctx = projects.ctx;
  }

  private get db() {
    return this.ctx.core.db;
  }

  /** The route the approved amount requires, the routes allowed, and every approved organisation with eligibility. */
  async advice(actor: Actor, id: string): Promise<ProcurementAdvice> {
    const p = await loadProject(this.db, actor, id);
    const today = this.ctx.today();
    const policy = await projectProcurementPolicy(this.db, this.ctx.core.regions, p.countyCode, today);
    const { need, routes } = allowedRoutes(p.approvedFen ?? p.requestedFen, policy, p.applicantKind);
    const orgs = await this.db.select().from(provider).orderBy(asc(provider.name));
    const sanctions = await this.db.select().from(providerSanction);
    const candidates = [];
    for (const o of orgs) {
      const eligible = await providerEligible(this.db, o.id, today);
      const sanction = activeSanction(
        sanctions.filter((s) => s.providerId === o.id),
        today,
      );
      const reason = eligible
        ? null
        : o.status !== 'approved'
          ? '机构尚未通过审核'
          : sanction === 'barring'
            ? '机构已被禁入'
            : sanction === 'suspension'
              ? '机构处于暂停期'
              : '机构没有在有效期内的资质';
      candidates.push({
        providerId: o.id,
        name: o.name,
        countyName: this.ctx.core.regions.name(o.countyCode),
        serviceTypes: o.serviceTypes,
        eligible,
        reason,
      });
    }
    candidates.sort((a, b) => Number(b.eligible) - Number(a.eligible));
    return {
      requiredRoute: need,
      requiredRouteLabel: PROCUREMENT_ROUTES[need],
      allowed: routes.map((route) => ({ route, label: PROCUREMENT_ROUTES[route] })),
      candidates,
    };
  }

  /** Chooses the procurement route by the approved amount: the required route or a stricter one, with a reason. */
  async startProcurement(actor: Actor, id: string, version: number, route: ProcurementRoute, reason: string) {
    await this.db.transaction(async (tx) => {
      const p = await loadProject(tx, actor, id, true);
      if (p.status === 'approved') {
        const policy = await projectProcurementPolicy(tx, this.ctx.core.regions, p.countyCode, this.ctx.today());
        const problem = routeProblem(route, p.approvedFen ?? 0, policy, p.applicantKind);
        if (problem) throw AppError.validation('route', problem);
      }
      await moveProject(tx, actor, p, 'startProcurement', {
        version,
        set: { procurementRoute: route, procurementReason: reason },
        summary: `采购方式：${PROCUREMENT_ROUTES[route]}（${reason}）`,
      });
    });
    return this.projects.get(actor, id);
  }

  /** Chooses the implementer among the organisations eligible today (the status stays 采购中). */
  async chooseImplementer(actor: Actor, id: string, version: number, providerId: string, reason: string) {
    await this.db.transaction(async (tx) => {
      const p = await loadProject(tx, actor, id, true);
      if (p.status !== 'procuring') throw AppError.validation('status', '确定采购方式后才能选定实施单位');
      if (p.version !== version) throw AppError.conflict('项目已被他人更新，请刷新后重试');
      const [org] = await tx.select().from(provider).where(eq(provider.id, providerId));
      if (!org) throw AppError.validation('providerId', '服务机构不存在');
      if (!(await providerEligible(tx, providerId, this.ctx.today()))) {
        throw AppError.validation(
          'providerId',
          `“${org.name}”今日不符合承接条件（须审核通过、资质在有效期内、未被暂停或禁入）`,
        );
      }
      const [updated] = await tx
        .update(project)
        .set({
          implementerProviderId: providerId,
          selectionReason: reason,
          version: p.version + 1,
          updatedAt: this.ctx.clock(),
        })
        .where(and(eq(project.id, id), eq(project.version, version)))
        .returning();
      if (!updated) throw AppError.conflict('项目已被他人更新，请刷新后重试');
      await addProjectEvent(tx, actor, p, {
        kind: 'selectImplementer',
        summary: `选定实施单位“${org.name}”（${reason}）`,
        data: { providerId, reason },
      });
      await recordAudit(tx, actor, {
        action: 'project.selectImplementer',
        objectType: 'project',
        objectId: id,
        changes: {
          before: { implementerProviderId: p.implementerProviderId },
          after: { implementerProviderId: providerId, reason },
        },
      });
    });
    return this.projects.get(actor, id);
  }

  /** Signs the service agreement: commits the contract on the budget, records the engagement, tells the implementer. */
  async signContract(actor: Actor, id: string, input: ContractInput): Promise<ProjectView> {
    await this.db.transaction(async (tx) => {
      const p = await loadProject(tx, actor, id, true);
      if (p.status === 'procuring') {
        if (!p.implementerProviderId) throw AppError.validation('implementerProviderId', '请先选定实施单位');
        const payment = await projectPaymentPolicy(tx, this.ctx.core.regions, p.countyCode, this.ctx.today());
        const source = PROJECT_POLICY_SOURCES[PROJECT_PAYMENT_KEY]?.split('：')[0] ?? PROJECT_PAYMENT_KEY;
        const pct = prepaymentProblem(input.prepaymentPct, payment, source);
        if (pct) throw AppError.validation('prepaymentPct', pct);
        if (input.contractFen > (p.approvedFen ?? 0)) {
          throw AppError.validation(
            'contractFen',
            `合同金额 ${formatFen(input.contractFen)} 元不能超过立项金额 ${formatFen(p.approvedFen ?? 0)} 元`,
          );
        }
        if (input.endsOn < input.signedOn) throw AppError.validation('endsOn', '合同截止日期不能早于签订日期');
      }
      const updated = await moveProject(tx, actor, p, 'signContract', {
        version: input.version,
        set: {
          contractNo: input.contractNo,
          contractFen: input.contractFen,
          contractSignedOn: input.signedOn,
          endsOn: input.endsOn,
          deliverables: input.deliverables,
          targets: input.targets,
          prepaymentPct: input.prepaymentPct,
        },
        summary: `签订服务协议 ${input.contractNo}，合同金额 ${formatFen(input.contractFen)} 元，预付 ${input.prepaymentPct}%`,
      });
      await commitContract(tx, CITY_CODE, p.year, p.approvedFen ?? 0, input.contractFen, 'contractFen');
      await this.engage(tx, updated, input);
    });
    return this.projects.get(actor, id);
  }

  private async engage(tx: Tx, p: typeof project.$inferSelect, input: ContractInput) {
    const providerId = p.implementerProviderId as string;
    const main = mainTarget(input.targets);
    await tx.insert(providerEngagement).values({
      providerId,
      year: p.year,
      title: p.title,
      projectRef: p.id,
      contractedFen: input.contractFen,
      unit: main.unit,
      contractedUnits: main.units,
      outcome: 'in_progress',
      source: 'project',
      demo: p.demo,
    });
    const accounts = await tx
      .select({ id: appUser.id })
      .from(userScope)
      .innerJoin(appUser, eq(appUser.id, userScope.userId))
      .where(and(eq(userScope.kind, 'provider'), eq(userScope.code, providerId), eq(appUser.disabled, false)));
    await notify(
      tx,
      accounts.map((a) => a.id),
      {
        title: '工伤预防项目服务协议已签订',
        body: `您机构承接的“${p.title}”已签订服务协议（${input.contractNo}，${formatFen(input.contractFen)} 元），请按进度报送实施情况。`,
        link: `/projects/${p.id}`,
        email: true,
      },
    );
  }
}
