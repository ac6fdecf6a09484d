import {
  CITY_CODE,
  type InspectionEmployerResult,
  type InspectionListQuery,
  type InspectionOptions,
  type InspectionPlanDetail,
  type InspectionPlanInput,
  type InspectionPlanUpdate,
  type InspectionPlanView,
  type InspectionStatusInput,
  type InspectionUnitResult,
  type InspectionVisitInput,
} from '@yufang/contracts';
import { and, asc, eq, ilike, inArray, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import { type Actor, can } from '../../core/auth/actor.js';
import type { Core } from '../../core/context.js';
import type { Tx } from '../../core/db/index.js';
import { employer } from '../../core/db/schema.js';
import { AppError } from '../../core/http/errors.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';
import { likeFragment } from '../employer/employer.repo.js';
import { memberUnits } from '../hazard/hazard.repo.js';
import { beijingDate } from '../hazard/hazard.rules.js';
import type { HazardService } from '../hazard/hazard.service.js';
import { checklistPolicy } from './inspection.policy.js';
import {
  type FindingRow,
  findPlan,
  listPlans,
  nextPlanNo,
  type PlanRow,
  planFindings,
  planTargets,
  planUnits,
  type TargetRow,
} from './inspection.repo.js';
import { EDITABLE, planProblems, STATUS_STEPS, visitProblems } from './inspection.rules.js';
import { inspectionFinding, inspectionPlan, inspectionTarget, inspectionUnit } from './inspection.schema.js';

const NOT_FOUND = '检查计划不存在或不在您的管辖范围内';

/** Joint inspections: plans, visits (a failed item becomes a hazard through the hazard service) and results. */
export class InspectionService {
  constructor(
    private readonly core: Core,
    private readonly hazards: HazardService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  today(): string {
    return beijingDate(this.clock());
  }

  /** The city (for a city-wide scope) and the current counties the caller may plan for. */
  private planRegions(actor: Actor) {
    const { regions } = this.core;
    const out: { code: string; name: string }[] = [];
    if (actor.scope.regions.has(CITY_CODE)) out.push({ code: CITY_CODE, name: regions.name(CITY_CODE) });
    for (const code of regions.descendants(CITY_CODE)) {
      const r = regions.get(code);
      if (r?.level === 'county' && !r.replacedBy && actor.scope.regions.has(code)) {
        out.push({ code, name: regions.name(code) });
      }
    }
    return out;
  }

  private async unitNames() {
    return new Map((await memberUnits(this.core.db)).map((u) => [u.code, u.name]));
  }

  private view(actor: Actor, row: PlanRow, units: string[], names: Map<string, string>): InspectionPlanView {
    const participant =
      actor.scope.units.size === 0 ||
      actor.scope.units.has(row.leadUnit) ||
      units.some((u) => actor.scope.units.has(u));
    return {
      id: row.id,
      planNo: row.planNo,
      title: row.title,
      regionCode: row.regionCode,
      regionName: this.core.regions.name(row.regionCode),
      leadUnitCode: row.leadUnit,
      leadUnitName: names.get(row.leadUnit) ?? row.leadUnit,
      units: units.map((code) => ({ code, name: names.get(code) ?? code })),
      startOn: row.startOn,
      endOn: row.endOn,
      items: row.items,
      status: row.status,
      note: row.note,
      createdByName: row.createdByName,
      total: row.total,
      visited: row.visited,
      findings: row.findings,
      demo: row.demo,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      can: {
        edit: can(actor, 'inspection.plan') && EDITABLE.includes(row.status),
        record: can(actor, 'inspection.record') && participant && EDITABLE.includes(row.status),
      },
    };
  }

  async list(actor: Actor, query: InspectionListQuery) {
    const { limit, cursor, ...filter } = query;
    const after = decodeCursor(cursor, 2) as [string, string] | null;
    const regionCodes = filter.regionCode ? this.core.regions.descendants(filter.regionCode) : null;
    const rows = await listPlans(this.core.db, actor, filter, regionCodes, after, limit + 1);
    const [units, names] = await Promise.all([
      planUnits(
        this.core.db,
        rows.map((r) => r.id),
      ),
      this.unitNames(),
    ]);
    return toPage(
      rows,
      limit,
      (r) => [r.startOn, r.id],
      (r) => this.view(actor, r, units.get(r.id) ?? [], names),
    );
  }

  async options(actor: Actor, q: string | undefined, regionCode: string | undefined): Promise<InspectionOptions> {
    const today = this.today();
    const regions = this.planRegions(actor);
    const [units, checklist] = await Promise.all([
      memberUnits(this.core.db),
      checklistPolicy(this.core.db, this.core.regions, regionCode ?? regions[0]?.code ?? CITY_CODE, today),
    ]);
    const conditions: SQL[] = [this.employerFilter(actor, regionCode ?? null)];
    if (q) conditions.push(ilike(employer.name, likeFragment(q)));
    const employers = await this.core.db
      .select({ id: employer.id, name: employer.name, countyCode: employer.countyCode })
      .from(employer)
      .where(and(...conditions))
      .orderBy(asc(employer.name))
      .limit(50);
    return {
      regions,
      units,
      ownUnitCode: [...actor.scope.units][0] ?? null,
      checklist: checklist.items,
      employers: employers.map((e) => ({ ...e, countyName: this.core.regions.name(e.countyCode) })),
    };
  }

  /** Employers of a plan region, within the caller's regions (a unit officer plans nothing). */
  private employerFilter(actor: Actor, regionCode: string | null): SQL {
    const inScope = [...actor.scope.regions];
    const within = regionCode ? new Set(this.core.regions.descendants(regionCode)) : null;
    const counties = within ? inScope.filter((c) => within.has(c)) : inScope;
    return inArray(employer.countyCode, counties.length ? counties : ['-']);
  }

  async get(actor: Actor, id: string): Promise<InspectionPlanDetail> {
    const row = await this.row(actor, id);
    const { db } = this.core;
    const [units, names, targets, findings] = await Promise.all([
      planUnits(db, [id]),
      this.unitNames(),
      planTargets(db, id),
      planFindings(db, id),
    ]);
    const unitCodes = units.get(id) ?? [];
    const itemText = new Map(row.items.map((i) => [i.code, i.text]));
    return {
      ...this.view(actor, row, unitCodes, names),
      targets: targets.map((t) => this.targetView(t)),
      findingList: findings.map((f) => ({
        id: f.id,
        targetId: f.targetId,
        employerName: f.employerName,
        itemCode: f.itemCode,
        itemText: itemText.get(f.itemCode) ?? f.itemCode,
        unitCode: f.unitCode,
        unitName: names.get(f.unitCode) ?? f.unitCode,
        hazardId: f.hazardId,
        hazardNo: f.hazardNo,
        hazardLevel: f.hazardLevel,
        hazardStatus: f.hazardStatus,
        description: f.description,
        deadline: f.deadline,
        closed: f.hazardStatus === 'closed',
        at: f.at.toISOString(),
      })),
      byUnit: unitResults(row.leadUnit, unitCodes, names, findings),
      byEmployer: employerResults(targets, findings),
    };
  }

  private targetView(t: TargetRow) {
    return {
      id: t.id,
      employerId: t.employerId,
      employerName: t.employerName,
      countyCode: t.countyCode,
      countyName: this.core.regions.name(t.countyCode),
      status: t.status,
      visitedOn: t.visitedOn,
      result: t.result,
      itemResults: t.itemResults,
      note: t.note,
      recordedByName: t.recordedByName,
      findings: t.findings,
      version: t.version,
    };
  }

  /** Checks a plan's fields against the caller's scope and returns the employers (with their counties). */
  private async checkPlan(tx: Tx, actor: Actor, input: InspectionPlanInput) {
    const units = new Set((await memberUnits(tx)).map((u) => u.code));
    AppError.assertNoProblems(planProblems(input, units));
    if (!this.planRegions(actor).some((r) => r.code === input.regionCode)) {
      throw AppError.validation('regionCode', '检查范围应为本市或您管辖的县（市、区）');
    }
    const employers = await tx
      .select({ id: employer.id, countyCode: employer.countyCode })
      .from(employer)
      .where(and(inArray(employer.id, input.employerIds), this.employerFilter(actor, input.regionCode)));
    if (employers.length !== input.employerIds.length) {
      throw AppError.validation('employerIds', '检查对象应为检查范围内的用人单位');
    }
    return employers;
  }

  async create(actor: Actor, input: InspectionPlanInput): Promise<InspectionPlanDetail> {
    const at = this.clock();
    const id = await this.core.db.transaction(async (tx) => {
      const employers = await this.checkPlan(tx, actor, input);
      const [plan] = await tx
        .insert(inspectionPlan)
        .values({
          planNo: await nextPlanNo(tx, this.today().slice(0, 4)),
          title: input.title,
          regionCode: input.regionCode,
          leadUnit: input.leadUnitCode,
          startOn: input.startOn,
          endOn: input.endOn,
          items: input.items,
          status: 'planned',
          note: input.note,
          createdBy: actor.userId,
          createdByName: actor.displayName,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: inspectionPlan.id, planNo: inspectionPlan.planNo });
      const planId = (plan as { id: string }).id;
      if (input.unitCodes.length) {
        await tx.insert(inspectionUnit).values(input.unitCodes.map((unitCode) => ({ planId, unitCode })));
      }
      await tx
        .insert(inspectionTarget)
        .values(
          employers.map((e) => ({ planId, employerId: e.id, countyCode: e.countyCode, status: 'pending' as const })),
        );
      await recordAudit(tx, actor, {
        action: 'inspection.plan.create',
        objectType: 'inspection_plan',
        objectId: planId,
        changes: { after: { ...input, planNo: plan?.planNo } },
      });
      return planId;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, input: InspectionPlanUpdate): Promise<InspectionPlanDetail> {
    const before = await this.row(actor, id);
    if (before.version !== input.version) throw AppError.conflict('该检查计划已被他人修改，请刷新后重试');
    if (!EDITABLE.includes(before.status)) throw AppError.conflict('已完成或已取消的检查计划不能修改');
    await this.core.db.transaction(async (tx) => {
      const employers = await this.checkPlan(tx, actor, input);
      const targets = await tx.select().from(inspectionTarget).where(eq(inspectionTarget.planId, id));
      const wanted = new Set(employers.map((e) => e.id));
      const visited = targets.filter((t) => t.status === 'visited');
      if (visited.some((t) => !wanted.has(t.employerId))) {
        throw AppError.validation('employerIds', '已检查的用人单位不能从计划中移除');
      }
      if (visited.length && JSON.stringify(before.items) !== JSON.stringify(input.items)) {
        throw AppError.validation('items', '已有检查记录，检查项不能再修改');
      }
      const updated = await tx
        .update(inspectionPlan)
        .set({
          title: input.title,
          regionCode: input.regionCode,
          leadUnit: input.leadUnitCode,
          startOn: input.startOn,
          endOn: input.endOn,
          items: input.items,
          note: input.note,
          version: before.version + 1,
          updatedAt: this.clock(),
        })
        .where(and(eq(inspectionPlan.id, id), eq(inspectionPlan.version, input.version)))
        .returning({ id: inspectionPlan.id });
      if (updated.length === 0) throw AppError.conflict('该检查计划已被他人修改，请刷新后重试');
      await tx.delete(inspectionUnit).where(eq(inspectionUnit.planId, id));
      if (input.unitCodes.length) {
        await tx.insert(inspectionUnit).values(input.unitCodes.map((unitCode) => ({ planId: id, unitCode })));
      }
      const existing = new Set(targets.map((t) => t.employerId));
      const removed = targets.filter((t) => !wanted.has(t.employerId)).map((t) => t.id);
      if (removed.length) await tx.delete(inspectionTarget).where(inArray(inspectionTarget.id, removed));
      const added = employers.filter((e) => !existing.has(e.id));
      if (added.length) {
        await tx
          .insert(inspectionTarget)
          .values(
            added.map((e) => ({ planId: id, employerId: e.id, countyCode: e.countyCode, status: 'pending' as const })),
          );
      }
      const { version: _v, ...after } = input;
      await recordAudit(tx, actor, {
        action: 'inspection.plan.update',
        objectType: 'inspection_plan',
        objectId: id,
        changes: {
          before: { title: before.title, startOn: before.startOn, endOn: before.endOn, leadUnit: before.leadUnit },
          after,
        },
      });
    });
    return this.get(actor, id);
  }

  async changeStatus(actor: Actor, id: string, input: InspectionStatusInput): Promise<InspectionPlanDetail> {
    const before = await this.row(actor, id);
    if (before.version !== input.version) throw AppError.conflict('该检查计划已被他人修改，请刷新后重试');
    const step = STATUS_STEPS[input.action];
    if (!step.from.includes(before.status)) throw AppError.conflict('检查计划当前状态不能执行此操作，请刷新后查看');
    if (input.action === 'cancel' && !input.reason) throw AppError.validation('reason', '取消检查计划须填写原因');
    await this.core.db.transaction(async (tx) => {
      const updated = await tx
        .update(inspectionPlan)
        .set({
          status: step.to,
          version: before.version + 1,
          updatedAt: this.clock(),
          ...(input.reason ? { note: [before.note, `取消原因：${input.reason}`].filter(Boolean).join('\n') } : {}),
        })
        .where(and(eq(inspectionPlan.id, id), eq(inspectionPlan.version, input.version)))
        .returning({ id: inspectionPlan.id });
      if (updated.length === 0) throw AppError.conflict('该检查计划已被他人修改，请刷新后重试');
      await recordAudit(tx, actor, {
        action: `inspection.plan.${input.action}`,
        objectType: 'inspection_plan',
        objectId: id,
        changes: { from: before.status, to: step.to, reason: input.reason },
      });
    });
    return this.get(actor, id);
  }

  /**
   * Records a visit: the item results, and for every failed item a hazard reported through the hazard module in the
   * same transaction (deadline by level, the employer notified). The first visit starts a planned plan.
   */
  async recordVisit(
    actor: Actor,
    id: string,
    targetId: string,
    input: InspectionVisitInput,
  ): Promise<InspectionPlanDetail> {
    if (!can(actor, 'inspection.record')) throw AppError.forbidden();
    const plan = await this.row(actor, id);
    const units = (await planUnits(this.core.db, [id])).get(id) ?? [];
    const own = [...actor.scope.units][0] ?? null;
    if (own && own !== plan.leadUnit && !units.includes(own)) {
      throw AppError.forbidden('您的单位未参加该联合检查，不能记录检查结果');
    }
    if (!EDITABLE.includes(plan.status)) throw AppError.conflict('已完成或已取消的检查计划不能再记录检查结果');
    const [target] = await this.core.db
      .select()
      .from(inspectionTarget)
      .where(and(eq(inspectionTarget.id, targetId), eq(inspectionTarget.planId, id)));
    if (!target) throw AppError.notFound('检查对象不存在');
    if (target.version !== input.version) throw AppError.conflict('该单位的检查结果已被他人记录，请刷新后重试');
    if (target.status === 'visited') throw AppError.conflict('该单位已记录检查结果');
    AppError.assertNoProblems(visitProblems(plan.items, plan, input, this.today()));
    const foundBy = own ?? plan.leadUnit;
    const itemText = new Map(plan.items.map((i) => [i.code, i.text]));
    const at = this.clock();
    await this.core.db.transaction(async (tx) => {
      const updated = await tx
        .update(inspectionTarget)
        .set({
          status: 'visited',
          visitedOn: input.visitedOn,
          result: input.findings.length ? 'fail' : 'pass',
          itemResults: input.itemResults,
          note: input.note,
          recordedBy: actor.userId,
          recordedByName: actor.displayName,
          version: target.version + 1,
        })
        .where(and(eq(inspectionTarget.id, targetId), eq(inspectionTarget.version, input.version)))
        .returning({ id: inspectionTarget.id });
      if (updated.length === 0) throw AppError.conflict('该单位的检查结果已被他人记录，请刷新后重试');
      const hazardIds: string[] = [];
      for (const f of input.findings) {
        const h = await this.hazards.reportIn(
          tx,
          actor,
          {
            employerId: target.employerId,
            category: f.category,
            hazardFactor: f.hazardFactor,
            level: f.level,
            description: `${f.description}（联合检查 ${plan.planNo}，${f.itemCode} ${itemText.get(f.itemCode) ?? ''}）`,
            location: f.location,
            foundOn: input.visitedOn,
            foundByUnitCode: foundBy,
            responsibleUnitCode: f.responsibleUnitCode,
            responsiblePerson: null,
          },
          { foundByUnit: foundBy },
        );
        hazardIds.push(h.id);
        await tx
          .insert(inspectionFinding)
          .values({ targetId, planId: id, itemCode: f.itemCode, unitCode: foundBy, hazardId: h.id, at });
      }
      if (plan.status === 'planned') {
        await tx
          .update(inspectionPlan)
          .set({ status: 'in_progress', version: plan.version + 1, updatedAt: at })
          .where(eq(inspectionPlan.id, id));
      }
      await recordAudit(tx, actor, {
        action: 'inspection.visit.record',
        objectType: 'inspection_target',
        objectId: targetId,
        changes: { planId: id, ...input, hazardIds },
      });
    });
    return this.get(actor, id);
  }

  /** The export rows: one per finding, or one per employer without findings. */
  async exportRows(actor: Actor, id: string) {
    const detail = await this.get(actor, id);
    const rows: Record<string, string | number | null>[] = [];
    for (const t of detail.targets) {
      const found = detail.findingList.filter((f) => f.targetId === t.id);
      const base = {
        employer: t.employerName,
        county: t.countyName,
        status: t.status === 'visited' ? '已检查' : '待检查',
        visitedOn: t.visitedOn,
        result: t.result === 'pass' ? '合格' : t.result === 'fail' ? '不合格' : null,
        findings: t.findings,
      };
      if (found.length === 0)
        rows.push({ ...base, item: null, unit: null, hazardNo: null, hazardStatus: null, description: null });
      for (const f of found) {
        rows.push({
          ...base,
          item: `${f.itemCode} ${f.itemText}`,
          unit: f.unitName,
          hazardNo: f.hazardNo,
          hazardStatus: f.closed ? '已销号' : '未销号',
          description: f.description,
        });
      }
    }
    return { plan: detail, rows };
  }

  private async row(actor: Actor, id: string): Promise<PlanRow> {
    const row = await findPlan(this.core.db, actor, id);
    if (!row) throw AppError.notFound(NOT_FOUND);
    return row;
  }
}

function unitResults(
  lead: string,
  members: string[],
  names: Map<string, string>,
  findings: FindingRow[],
): InspectionUnitResult[] {
  const codes = [lead, ...members.filter((m) => m !== lead)];
  for (const f of findings) if (!codes.includes(f.unitCode)) codes.push(f.unitCode);
  return codes.map((code) => {
    const own = findings.filter((f) => f.unitCode === code);
    const closed = own.filter((f) => f.hazardStatus === 'closed').length;
    return {
      unitCode: code,
      unitName: names.get(code) ?? code,
      lead: code === lead,
      employers: new Set(own.map((f) => f.targetId)).size,
      findings: own.length,
      closed,
      open: own.length - closed,
    };
  });
}

function employerResults(targets: TargetRow[], findings: FindingRow[]): InspectionEmployerResult[] {
  return targets.map((t) => {
    const own = findings.filter((f) => f.targetId === t.id);
    return {
      employerId: t.employerId,
      employerName: t.employerName,
      result: t.result,
      findings: own.length,
      open: own.filter((f) => f.hazardStatus !== 'closed').length,
    };
  });
}
