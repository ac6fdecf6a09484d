import type { Readable } from 'node:stream';
import {
  CITY_CODE,
  HAZARD_LEVELS,
  type HazardDetail,
  type HazardListQuery,
  type HazardOptions,
  type HazardReportInput,
} from '@yufang/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import { type Actor, can } from '../../core/auth/actor.js';
import type { Core } from '../../core/context.js';
import type { Tx } from '../../core/db/index.js';
import { employer } from '../../core/db/schema.js';
import { EvidenceStore } from '../../core/files/evidence.js';
import { AppError } from '../../core/http/errors.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';
import { runEscalation } from './hazard.escalation.js';
import { hazardOptions, reportableEmployers } from './hazard.options.js';
import { deadlinePolicy, ladderPolicy } from './hazard.policy.js';
import { abilities, type PresentContext, presentDetail, presentEvidence, presentHazard } from './hazard.presenter.js';
import {
  audience,
  countyCounts,
  findHazard,
  type HazardRow,
  hazardTimeline,
  listHazards,
  memberUnits,
  nextHazardNo,
} from './hazard.repo.js';
import { beijingDate, deadlineFor, type HazardAction, TRANSITIONS } from './hazard.rules.js';
import { hazard, hazardEvent, hazardEvidence } from './hazard.schema.js';
import { writeStep } from './hazard.steps.js';

const NOT_FOUND = '隐患不存在或不在您的管辖范围内';

/** The input of a transition: what the form sent (fields vary by action) and the version it was based on. */
export interface TransitionInput {
  version: number;
  responsiblePerson?: string;
  plan?: string;
  note?: string;
  reason?: string;
}

/**
 * The hazard service. `clock` is the only source of "now" (the rules take dates), so tests move time and run the
 * escalation sweep step by step.
 */
export class HazardService {
  readonly evidence: EvidenceStore;

  constructor(
    private readonly core: Core,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.evidence = new EvidenceStore(core.config.dataDir, 'hazards');
  }

  today(): string {
    return beijingDate(this.clock());
  }

  private async context(actor: Actor): Promise<PresentContext> {
    const today = this.today();
    const [units, ladder] = await Promise.all([
      memberUnits(this.core.db),
      ladderPolicy(this.core.db, this.core.regions, CITY_CODE, today),
    ]);
    return {
      actor,
      regions: this.core.regions,
      units: new Map(units.map((u) => [u.code, u.name])),
      today,
      dueSoonDays: ladder.reminderDaysBefore,
    };
  }

  async list(actor: Actor, query: HazardListQuery) {
    const { limit, cursor, ...filter } = query;
    const after = decodeCursor(cursor, 2) as [string, string] | null;
    const c = await this.context(actor);
    const rows = await listHazards(this.core.db, actor, filter, c.today, after, limit + 1);
    return toPage(
      rows,
      limit,
      (r) => [r.deadline, r.id],
      (r) => presentHazard(c, r),
    );
  }

  async get(actor: Actor, id: string): Promise<HazardDetail> {
    const row = await this.row(actor, id);
    const [c, t] = await Promise.all([this.context(actor), hazardTimeline(this.core.db, id)]);
    return presentDetail(c, row, t.events, t.evidence);
  }

  async summary(actor: Actor) {
    const rows = await countyCounts(this.core.db, actor, this.today());
    return rows.map((r) => ({ ...r, countyName: this.core.regions.name(r.countyCode) }));
  }

  /** The counties, units and employers the caller's forms and filters may offer. */
  options(actor: Actor, q: string | undefined): Promise<HazardOptions> {
    return hazardOptions(this.core, actor, q);
  }

  /**
   * Records a hazard and notifies the employer in the same call (reported → notified): the deadline comes from the
   * level and the policy in force for the county on the day it was found. `selfReport` is the employer's own report.
   */
  async report(actor: Actor, input: HazardReportInput, selfReport = false): Promise<HazardDetail> {
    const row = await this.core.db.transaction((tx) => this.reportIn(tx, actor, input, { selfReport }));
    return this.get(actor, row.id);
  }

  /**
   * The same in the caller's transaction (a joint-inspection finding becomes a hazard with its visit):
   * `foundByUnit` names the unit that found it when the caller decides it (else the officer's own unit).
   */
  async reportIn(
    tx: Tx,
    actor: Actor,
    input: HazardReportInput,
    options: { selfReport?: boolean; foundByUnit?: string } = {},
  ): Promise<HazardRow> {
    const { regions } = this.core;
    const selfReport = options.selfReport ?? false;
    const today = this.today();
    if (input.foundOn > today) throw AppError.validation('foundOn', '发现日期不能晚于今天');
    const [emp] = await tx
      .select({ id: employer.id, countyCode: employer.countyCode, name: employer.name })
      .from(employer)
      .where(and(eq(employer.id, input.employerId), reportableEmployers(actor)));
    if (!emp) throw AppError.validation('employerId', '用人单位不存在或不在您的管辖范围内');
    const unitCodes = new Set((await memberUnits(tx)).map((u) => u.code));
    const own = [...actor.scope.units][0] ?? null;
    const foundBy = selfReport ? null : (options.foundByUnit ?? own ?? input.foundByUnitCode);
    if (foundBy && !unitCodes.has(foundBy))
      throw AppError.validation('foundByUnitCode', '发现部门应为联席会议成员单位');
    if (!unitCodes.has(input.responsibleUnitCode)) {
      throw AppError.validation('responsibleUnitCode', '负责部门应为联席会议成员单位');
    }
    if (input.category === 'exposure' && !input.hazardFactor) {
      throw AppError.validation('hazardFactor', '职业病危害因素超标须填写危害因素（如矽尘、噪声）');
    }
    const policy = await deadlinePolicy(tx, regions, emp.countyCode, input.foundOn);
    const deadline = deadlineFor(input.level, input.foundOn, policy);
    const at = this.clock();
    const [created] = await tx
      .insert(hazard)
      .values({
        hazardNo: await nextHazardNo(tx, today),
        employerId: emp.id,
        countyCode: emp.countyCode,
        category: input.category,
        hazardFactor: input.hazardFactor,
        level: input.level,
        description: input.description,
        location: input.location,
        foundOn: input.foundOn,
        foundByUnit: foundBy,
        responsibleUnit: input.responsibleUnitCode,
        responsiblePerson: input.responsiblePerson,
        deadline,
        status: 'reported',
        source: selfReport ? 'self_report' : 'department',
        reportedBy: actor.userId,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    const row = { ...(created as typeof hazard.$inferSelect), employerName: emp.name };
    await tx.insert(hazardEvent).values({
      hazardId: row.id,
      at,
      userId: actor.userId,
      username: actor.username,
      action: 'report',
      toStatus: 'reported',
      note: `整改期限 ${deadline}`,
    });
    await recordAudit(tx, actor, {
      action: 'hazard.report',
      objectType: 'hazard',
      objectId: row.id,
      changes: { after: { ...input, deadline, hazardNo: row.hazardNo } },
    });
    await this.notifyEmployer(tx, actor, row, at);
    return row;
  }

  private async notifyEmployer(tx: Parameters<typeof writeStep>[0], actor: Actor, row: HazardRow, at: Date) {
    await writeStep(tx, actor, row, {
      action: 'notify',
      at,
      set: { status: 'notified' },
      note: `请于 ${row.deadline} 前完成整改`,
      recipients: await audience.employer(tx, row),
      message: {
        title: `隐患整改通知：${HAZARD_LEVELS[row.level]} ${row.hazardNo}`,
        body: `${row.employerName}：${row.description}（${row.location}）。请于 ${row.deadline} 前完成整改并上传整改材料。`,
      },
    });
  }

  /** One life-cycle step by a person: permission, scope, the transition table, then the change in one transaction. */
  async transition(actor: Actor, id: string, action: HazardAction, input: TransitionInput): Promise<HazardDetail> {
    const t = TRANSITIONS[action];
    if (!can(actor, t.permission)) throw AppError.forbidden();
    const row = await this.row(actor, id);
    if (row.version !== input.version) throw AppError.conflict('该隐患已被他人处理，请刷新后重试');
    if (!abilities(actor, row.status)[action]) {
      throw AppError.conflict(`隐患当前状态不能执行“${t.label}”，请刷新后查看`);
    }
    const at = this.clock();
    await this.core.db.transaction(async (tx) => {
      if (action === 'notify') return this.notifyEmployer(tx, actor, row, at);
      if (action === 'submit') {
        const [files] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(hazardEvidence)
          .where(and(eq(hazardEvidence.hazardId, id), eq(hazardEvidence.purpose, 'rectification')));
        if (!files?.n) throw AppError.validation('file', '请先上传整改后的照片或材料，再提交核查');
      }
      const toEmployer = action === 'verify' || action === 'reject';
      const note = input.reason ?? input.note ?? input.plan ?? null;
      await writeStep(tx, actor, row, {
        action,
        at,
        set: {
          status: t.to,
          ...(action === 'respond' ? { responsiblePerson: input.responsiblePerson ?? row.responsiblePerson } : {}),
          ...(action === 'verify' ? { closedAt: at } : {}),
        },
        note: note || null,
        recipients: toEmployer ? await audience.employer(tx, row) : await audience.departments(tx, row),
        message: {
          title: `隐患${t.label}：${row.hazardNo}`,
          body: `${row.employerName}：${row.description}${note ? `。${action === 'reject' ? '退回原因' : '说明'}：${note}` : ''}`,
        },
      });
    });
    return this.get(actor, id);
  }

  /** Stores an evidence file and its timeline and audit rows; a refused or failed write leaves no file behind. */
  async uploadEvidence(actor: Actor, id: string, fileName: string, body: Readable) {
    if (!can(actor, 'hazard.respond') && !can(actor, 'hazard.report')) throw AppError.forbidden();
    const row = await this.row(actor, id);
    if (!abilities(actor, row.status).uploadEvidence) {
      throw AppError.conflict('隐患当前状态不能上传材料（整改中可上传整改材料）');
    }
    const stored = await this.evidence.save(id, fileName, body);
    const purpose = can(actor, 'hazard.respond') ? 'rectification' : 'report';
    try {
      const [saved] = await this.core.db.transaction(async (tx) => {
        const inserted = await tx
          .insert(hazardEvidence)
          .values({
            hazardId: id,
            purpose,
            fileName,
            ...stored,
            userId: actor.userId,
            username: actor.username,
            at: this.clock(),
          })
          .returning();
        await tx.insert(hazardEvent).values({
          hazardId: id,
          at: this.clock(),
          userId: actor.userId,
          username: actor.username,
          action: 'evidence',
          note: fileName,
        });
        await recordAudit(tx, actor, {
          action: 'hazard.evidence.upload',
          objectType: 'hazard',
          objectId: id,
          changes: { evidenceId: stored.id, fileName, size: stored.size, sha256: stored.sha256, purpose },
        });
        return inserted;
      });
      return presentEvidence(saved as typeof hazardEvidence.$inferSelect);
    } catch (error) {
      await this.evidence.remove(id, stored.id);
      throw error;
    }
  }

  async evidenceFile(actor: Actor, id: string, evidenceId: string) {
    await this.row(actor, id);
    const [file] = await this.core.db
      .select()
      .from(hazardEvidence)
      .where(and(eq(hazardEvidence.id, evidenceId), eq(hazardEvidence.hazardId, id)));
    if (!file) throw AppError.notFound('材料不存在');
    return { file, stream: this.evidence.read(id, evidenceId) };
  }

  /** The periodic escalation sweep (hazard.escalation job) at the service's clock. */
  sweep(): Promise<number> {
    return runEscalation(this.core, this.clock());
  }

  private async row(actor: Actor, id: string): Promise<HazardRow> {
    const row = await findHazard(this.core.db, actor, id);
    if (!row) throw AppError.notFound(NOT_FOUND);
    return row;
  }
}
