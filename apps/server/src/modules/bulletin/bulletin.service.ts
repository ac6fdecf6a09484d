import {
  type BulletinAckInput,
  type BulletinCreateInput,
  type BulletinListQuery,
  type BulletinSourceQuery,
  type BulletinTargeting,
  type BulletinTransitionInput,
  type BulletinUpdateInput,
  type BulletinView,
  industryDivision,
} from '@yufang/contracts';
import { recordAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import type { Core } from '../../core/context.js';
import type { FieldProblem } from '../../core/http/errors.js';
import { AppError } from '../../core/http/errors.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';
import { policyInForce } from '../../core/policy/policy.js';
import { notifyTransition } from './bulletin.notices.js';
import { DISCLOSURE_KEY, type DisclosurePolicy, DisclosurePolicy as DisclosureSchema } from './bulletin.policy.js';
import { ackStats, ownsBulletin, presentBulletin, presentListItem } from './bulletin.presenter.js';
import * as repo from './bulletin.repo.js';
import { refuseTransition, TRANSITIONS } from './bulletin.rules.js';
import { bulletin } from './bulletin.schema.js';
import { renderWechatText } from './channels.js';
import { deidentify, draftText, personalDataProblems, type SourceCase, sourceSummary } from './deidentify.js';
import { countSimilar, findSource, listSources } from './source.repo.js';

const NOT_FOUND = '通报不存在或不在您的管辖范围内';
const SOURCE_NOT_FOUND = '案例不存在或不在您的管辖范围内';
const CONFLICT = '该通报已被他人修改，请刷新后重试';
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/** Drafting, review, publication and acknowledgement of typical-case bulletins. */
export class BulletinService {
  /**
   * Only the database and the region index: the demo seed drives the same service before the app is built. `tell`
   * notifies the people concerned by a step; the demo passes one that tells nobody (its bulletins are history).
   */
  constructor(
    private readonly core: Pick<Core, 'db' | 'regions'>,
    private readonly tell: typeof notifyTransition = notifyTransition,
  ) {}

  /** The disclosure policy in force today for a county. */
  async policy(countyCode: string): Promise<DisclosurePolicy> {
    const p = await policyInForce(
      this.core.db,
      this.core.regions,
      DisclosureSchema,
      DISCLOSURE_KEY,
      countyCode,
      today(),
    );
    if (!p) throw new AppError('INTERNAL', '缺少通报去标识化政策设置（bulletin.disclosure）');
    return p;
  }

  async sources(actor: Actor, query: BulletinSourceQuery) {
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const rows = await listSources(this.core.db, actor, query.kind, query.q, after, query.limit + 1);
    return toPage(
      rows,
      query.limit,
      (r) => [r.date, r.id],
      (r) => ({
        kind: query.kind,
        id: r.id,
        caseNo: r.caseNo,
        date: r.date,
        countyName: this.core.regions.name(r.countyCode),
        employerName: r.employerName,
        industryName: r.industryCode ? (industryDivision(r.industryCode)?.name ?? r.industryCode) : '—',
        summary: sourceSummary(query.kind, r.category, r.detail),
      }),
    );
  }

  /** A new draft from a case in the caller's scope: de-identified facts, a drafted opening, the case's industry. */
  async create(actor: Actor, input: BulletinCreateInput): Promise<BulletinView> {
    const { source, policy } = await this.source(actor, input.sourceKind, input.sourceId);
    const facts = deidentify(source, policy);
    const text = draftText(source, facts, policy);
    const targeting = this.checkTargeting(actor, {
      industryCodes: source.industryCode ? [source.industryCode] : [],
      riskClasses: [],
      keyIndustryOnly: false,
      countyCodes: [],
    });
    const now = new Date();
    const id = await this.core.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(bulletin)
        .values({
          title: text.title,
          status: 'draft',
          sourceKind: source.kind,
          sourceId: source.id,
          countyCode: source.countyCode,
          facts,
          employerId: source.employerId,
          employerName: source.employerName,
          narrative: text.narrative,
          targeting,
          authorId: actor.userId,
          authorName: actor.displayName,
          // milliseconds, as every later update writes: the list's keyset cursor carries a JS Date
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: bulletin.id });
      const created = (row as { id: string }).id;
      await recordAudit(tx, actor, {
        action: 'bulletin.create',
        objectType: 'bulletin',
        objectId: created,
        changes: { after: { sourceKind: source.kind, sourceId: source.id, title: text.title } },
      });
      return created;
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<BulletinView> {
    const row = await this.row(actor, id);
    const counts = await repo.ackCounts(this.core.db, actor, id);
    const own = await repo.ownAcks(this.core.db, actor, [id]);
    return presentBulletin(actor, this.core.regions, row, ackStats(this.core.regions, counts), own.get(id));
  }

  async list(actor: Actor, query: BulletinListQuery) {
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const rows = await repo.listBulletins(this.core.db, actor, query.status, after, query.limit + 1);
    const ids = rows.map((r) => r.id);
    const counts = await repo.ackCountsOf(this.core.db, actor, ids);
    const own = await repo.ownAcks(this.core.db, actor, ids);
    return toPage(
      rows,
      query.limit,
      (r) => [r.updatedAt.toISOString(), r.id],
      (r) => presentListItem(actor, this.core.regions, r, counts.get(r.id), own.get(r.id)),
    );
  }

  /**
   * Saves the editor's text and targeting of a draft. Refused when the text still identifies someone (ID number,
   * phone, the worker's name, the exact place, the employer's name) or when the targeting leaves the caller's scope.
   */
  async update(actor: Actor, id: string, input: BulletinUpdateInput): Promise<BulletinView> {
    const before = await this.row(actor, id);
    if (!ownsBulletin(actor, before)) throw AppError.forbidden('只能修改本辖区起草的通报');
    if (before.status !== 'draft') throw AppError.conflict('只有草稿可以修改（已提交的通报需先退回）');
    if (before.version !== input.version) throw AppError.conflict(CONFLICT);
    const { source } = await this.source(actor, before.sourceKind, before.sourceId);
    const terms = { workerNames: source.workerNames, place: source.place, employerName: source.employerName };
    const problems: FieldProblem[] = (['title', 'narrative', 'causes', 'lessons'] as const).flatMap((field) =>
      personalDataProblems(input[field], terms).map((message) => ({ field, message })),
    );
    AppError.assertNoProblems(problems);
    const targeting = this.checkTargeting(actor, input.targeting);
    const next = {
      title: input.title,
      narrative: input.narrative,
      causes: input.causes,
      lessons: input.lessons,
      targeting,
    };
    const changed = Object.keys(next).filter(
      (k) => JSON.stringify(next[k as keyof typeof next]) !== JSON.stringify(before[k as keyof typeof next]),
    );
    await this.core.db.transaction(async (tx) => {
      const row = await repo.updateBulletin(tx, id, input.version, next);
      if (!row) throw AppError.conflict(CONFLICT);
      await recordAudit(tx, actor, {
        action: 'bulletin.update',
        objectType: 'bulletin',
        objectId: id,
        changes: { fields: changed },
      });
    });
    return this.get(actor, id);
  }

  /** Takes one step of the life cycle (bulletin.rules.ts), audits it and notifies whoever has the next step. */
  async transition(actor: Actor, id: string, input: BulletinTransitionInput): Promise<BulletinView> {
    const before = await this.row(actor, id);
    if (!ownsBulletin(actor, before)) throw AppError.forbidden('只能处理本辖区起草的通报');
    const refusal = refuseTransition(before, actor, input.action, input.reason);
    if (refusal?.code === 'VALIDATION') throw AppError.validation(refusal.field, refusal.message);
    if (refusal) throw new AppError(refusal.code, refusal.message);
    if (before.version !== input.version) throw AppError.conflict(CONFLICT);
    const { to } = TRANSITIONS[input.action];
    const reason = input.reason?.trim() || null;
    const now = new Date();
    const values: Partial<typeof bulletin.$inferInsert> = { status: to };
    if (input.action === 'submit') Object.assign(values, { submittedBy: actor.userId, submittedAt: now });
    if (input.action === 'return')
      Object.assign(values, { returnReason: reason, submittedBy: null, submittedAt: null });
    if (input.action === 'publish') {
      Object.assign(values, {
        reviewerId: actor.userId,
        reviewerName: actor.displayName,
        publishedAt: now,
        returnReason: null,
        employerNamed: input.nameEmployer === true && before.employerName !== null,
      });
    }
    if (input.action === 'withdraw') Object.assign(values, { withdrawReason: reason, withdrawnAt: now });
    await this.core.db.transaction(async (tx) => {
      const row = await repo.updateBulletin(tx, id, input.version, values);
      if (!row) throw AppError.conflict(CONFLICT);
      let targeted: number | undefined;
      if (input.action === 'publish')
        targeted = await repo.createAcks(tx, actor, id, before.targeting as BulletinTargeting);
      await recordAudit(tx, actor, {
        action: `bulletin.${input.action}`,
        objectType: 'bulletin',
        objectId: id,
        changes: {
          before: { status: before.status },
          after: { status: to },
          reason,
          targeted,
          nameEmployer: input.nameEmployer,
        },
      });
      await this.tell(tx, this.core.regions, actor, before, { action: input.action, reason, targeted });
    });
    return this.get(actor, id);
  }

  /** The employer's safety head acknowledges a published bulletin pushed to the employer. */
  async acknowledge(actor: Actor, id: string, input: BulletinAckInput): Promise<BulletinView> {
    const row = await this.row(actor, id);
    const own = (await repo.ownAcks(this.core.db, actor, [id])).get(id);
    if (row.status !== 'published' || !own) throw AppError.notFound('本单位不在该通报的推送范围内');
    if (own.acknowledgedAt) throw AppError.conflict('本单位已签收该通报');
    await this.core.db.transaction(async (tx) => {
      const changed = await repo.acknowledge(tx, actor, id, input.safetyHeadName);
      if (changed.length === 0) throw AppError.conflict('本单位已签收该通报');
      await recordAudit(tx, actor, {
        action: 'bulletin.acknowledge',
        objectType: 'bulletin',
        objectId: id,
        changes: { employers: changed.map((c) => c.employerId), safetyHeadName: input.safetyHeadName },
      });
    });
    return this.get(actor, id);
  }

  /** Targeted employers in the caller's scope that have not acknowledged yet. */
  async pending(actor: Actor, id: string, query: { limit: number; cursor?: string }) {
    const row = await this.row(actor, id);
    if (actor.scope.regions.size === 0) throw AppError.forbidden('签收情况仅供主管部门查看');
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const rows = await repo.listPending(this.core.db, actor, row.id, after, query.limit + 1);
    return toPage(
      rows,
      query.limit,
      (r) => [r.employerName, r.employerId],
      (r) => ({
        employerId: r.employerId,
        employerName: r.employerName,
        countyName: this.core.regions.name(r.countyCode),
        industryName: industryDivision(r.industryCode)?.name ?? r.industryCode,
      }),
    );
  }

  /** The WeChat official-account text, linking to the bulletin on the public page at `origin`. */
  async wechat(actor: Actor, id: string, origin: string) {
    const view = await this.get(actor, id);
    const { wechatMaxChars } = await this.policy(view.countyCode);
    return { ...renderWechatText(view, `${origin}/public/bulletins/${id}`, wechatMaxChars), limit: wechatMaxChars };
  }

  /** Target counties must be counties of the caller's scope; none given means all of them. */
  private checkTargeting(actor: Actor, t: BulletinTargeting): BulletinTargeting {
    const own = this.core.regions
      .all()
      .filter((r) => r.level === 'county' && !r.replacedBy && actor.scope.regions.has(r.code))
      .map((r) => r.code)
      .sort();
    if (t.countyCodes.some((c) => !own.includes(c))) {
      throw AppError.validation('countyCodes', '只能推送到您管辖范围内的县（市、区）');
    }
    const unknown = t.industryCodes.find((c) => !industryDivision(c));
    if (unknown) throw AppError.validation('industryCodes', `行业代码 ${unknown} 不是 GB/T 4754 的大类`);
    return {
      industryCodes: [...new Set(t.industryCodes)].sort(),
      riskClasses: [...new Set(t.riskClasses)].sort(),
      keyIndustryOnly: t.keyIndustryOnly,
      countyCodes: t.countyCodes.length ? [...new Set(t.countyCodes)].sort() : own,
    };
  }

  /** The case with its similar-case count, and the disclosure policy of its county. */
  private async source(actor: Actor, kind: BulletinCreateInput['sourceKind'], id: string) {
    const found = await findSource(this.core.db, actor, kind, id);
    if (!found) throw AppError.notFound(SOURCE_NOT_FOUND);
    const policy = await this.policy(found.countyCode);
    const similarCases = await countSimilar(this.core.db, kind, found, policy.similarYears);
    const source: SourceCase = { ...found, similarCases, countyName: this.core.regions.name(found.countyCode) };
    return { source, policy };
  }

  private async row(actor: Actor, id: string) {
    const row = await repo.findBulletin(this.core.db, actor, id);
    if (!row) throw AppError.notFound(NOT_FOUND);
    return row;
  }
}
