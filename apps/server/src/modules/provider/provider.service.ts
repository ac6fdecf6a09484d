import { rename } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import {
  type ComplaintInput,
  type ComplaintResolveInput,
  CURRENT_COUNTIES,
  checkUscc,
  type EngagementInput,
  type ListingApplyInput,
  type ListingDecisionInput,
  maskPhone,
  PROVIDER_LISTS,
  type ProviderCreateInput,
  type ProviderDetail,
  type ProviderList,
  type ProviderListQuery,
  type ProviderOptions,
  type ProviderPage,
  type ProviderSummary,
  type ProviderUpdateInput,
  type PublicProviderLists,
  type PublicProviderProfile,
  type PublicProviderRow,
  type QualificationInput,
  type QualificationView,
  ROLES,
  type SanctionInput,
  type SanctionLiftInput,
} from '@yufang/contracts';
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import { type Actor, can } from '../../core/auth/actor.js';
import { scopeFilter } from '../../core/authz/scope.js';
import type { Core } from '../../core/context.js';
import type { Db, Tx } from '../../core/db/index.js';
import { appUser, auditLog, userRole, userScope } from '../../core/db/schema.js';
import { EvidenceStore } from '../../core/files/evidence.js';
import { AppError } from '../../core/http/errors.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';
import { notify } from '../../core/notify/notify.js';
import { beijingDate } from '../hazard/hazard.rules.js';
import { type CreditPolicy, creditPolicy, reminderPolicy, serviceTypesPolicy } from './provider.policy.js';
import {
  activeSanction,
  computeCredit,
  isEligible,
  listingProblems,
  reminderDue,
  sanctionActive,
} from './provider.rules.js';
import {
  provider,
  providerComplaint,
  providerEngagement,
  providerListing,
  providerQualification,
  providerSanction,
} from './provider.schema.js';

type ProviderRow = typeof provider.$inferSelect;
type Mode = 'manage' | 'self';

const NOT_FOUND = '服务机构不存在或不在您的范围内';
const DOCUMENT = 'document';

/** A validation error naming the field in Chinese (labels of this module are not in the shared table). */
function invalid(field: string, label: string, message: string) {
  return new AppError('VALIDATION', `${label}：${message}`, [{ field, message }]);
}

interface Record_ {
  qualifications: (typeof providerQualification.$inferSelect)[];
  listings: (typeof providerListing.$inferSelect)[];
  engagements: (typeof providerEngagement.$inferSelect)[];
  complaints: (typeof providerComplaint.$inferSelect)[];
  sanctions: (typeof providerSanction.$inferSelect)[];
}

/** Everything recorded about the given organisations, grouped by organisation. */
async function recordsOf(db: Db | Tx, ids: readonly string[]): Promise<Map<string, Record_>> {
  const out = new Map<string, Record_>(
    ids.map((id) => [id, { qualifications: [], listings: [], engagements: [], complaints: [], sanctions: [] }]),
  );
  if (!ids.length) return out;
  const list = [...ids];
  const [q, l, e, c, s] = await Promise.all([
    db
      .select()
      .from(providerQualification)
      .where(inArray(providerQualification.providerId, list))
      .orderBy(asc(providerQualification.validUntil)),
    db
      .select()
      .from(providerListing)
      .where(inArray(providerListing.providerId, list))
      .orderBy(desc(providerListing.appliedOn)),
    db
      .select()
      .from(providerEngagement)
      .where(inArray(providerEngagement.providerId, list))
      .orderBy(desc(providerEngagement.year), asc(providerEngagement.title)),
    db
      .select()
      .from(providerComplaint)
      .where(inArray(providerComplaint.providerId, list))
      .orderBy(desc(providerComplaint.receivedOn)),
    db
      .select()
      .from(providerSanction)
      .where(inArray(providerSanction.providerId, list))
      .orderBy(desc(providerSanction.fromDate)),
  ]);
  for (const r of q) out.get(r.providerId)?.qualifications.push(r);
  for (const r of l) out.get(r.providerId)?.listings.push(r);
  for (const r of e) out.get(r.providerId)?.engagements.push(r);
  for (const r of c) out.get(r.providerId)?.complaints.push(r);
  for (const r of s) out.get(r.providerId)?.sanctions.push(r);
  return out;
}

function creditOf(rec: Record_, policy: CreditPolicy, today: string) {
  const barred = activeSanction(rec.sanctions, today) === 'barring';
  const upheld = rec.complaints.filter((c) => c.upheld === true).length;
  return computeCredit(rec.engagements, upheld, barred, policy);
}

function factsOf(p: Pick<ProviderRow, 'status' | 'serviceTypes'>, rec: Record_, on: string) {
  return {
    status: p.status,
    serviceTypes: p.serviceTypes,
    qualificationExpiries: rec.qualifications.map((q) => q.validUntil),
    sanction: activeSanction(rec.sanctions, on),
  };
}

/**
 * Whether an organisation may be chosen as an implementer on a day (prevention projects call this): approved, not
 * suspended, not barred, and holding a qualification in force.
 */
export async function providerEligible(db: Db | Tx, providerId: string, on: string): Promise<boolean> {
  const [p] = await db
    .select({ status: provider.status, serviceTypes: provider.serviceTypes })
    .from(provider)
    .where(eq(provider.id, providerId));
  if (!p) return false;
  const rec = (await recordsOf(db, [providerId])).get(providerId) as Record_;
  return isEligible(factsOf(p, rec, on), on);
}

/** Active users holding a permission through one of their roles (the bureau for provider.manage). */
async function holdersOf(tx: Tx | Db, permission: 'provider.manage'): Promise<string[]> {
  const roles = ROLES.filter((r) => (r.permissions as readonly string[]).includes(permission)).map((r) => r.code);
  const rows = await tx
    .selectDistinct({ id: appUser.id })
    .from(userRole)
    .innerJoin(appUser, eq(appUser.id, userRole.userId))
    .where(and(inArray(userRole.roleCode, roles), eq(appUser.disabled, false)));
  return rows.map((r) => r.id);
}

/** The organisation's own accounts (user_scope kind provider). */
async function accountsOf(tx: Tx | Db, providerId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: appUser.id })
    .from(userScope)
    .innerJoin(appUser, eq(appUser.id, userScope.userId))
    .where(and(eq(userScope.kind, 'provider'), eq(userScope.code, providerId), eq(appUser.disabled, false)));
  return rows.map((r) => r.id);
}

/** The provider service; `clock` is the only source of "now" so tests can run the reminder job on a chosen day. */
export class ProviderService {
  readonly documents: EvidenceStore;

  constructor(
    private readonly core: Core,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.documents = new EvidenceStore(core.config.dataDir, 'provider-qualifications');
  }

  today(): string {
    return beijingDate(this.clock());
  }

  eligible(providerId: string, on: string = this.today()): Promise<boolean> {
    return providerEligible(this.core.db, providerId, on);
  }

  private where(actor: Actor, mode: Mode): SQL {
    if (mode === 'self') {
      const own = [...actor.scope.providers];
      return own.length ? inArray(provider.id, own) : sql`false`;
    }
    return scopeFilter(actor, { region: provider.countyCode, provider: provider.id });
  }

  /** The organisation if the caller may see it in this mode; 404 otherwise (never says it exists). */
  private async scoped(actor: Actor, id: string, mode: Mode, tx: Db | Tx = this.core.db): Promise<ProviderRow> {
    const [row] = await tx
      .select()
      .from(provider)
      .where(and(eq(provider.id, id), this.where(actor, mode)));
    if (!row) throw AppError.notFound(NOT_FOUND);
    return row;
  }

  /**
   * The service-type catalogue and the counties the caller may choose (a county officer: their own only; without a
   * caller, for the public pages, every county).
   */
  async options(actor?: Actor): Promise<ProviderOptions> {
    const types = await serviceTypesPolicy(this.core.db, this.core.regions, this.today());
    const regions = actor?.scope.regions;
    const counties = CURRENT_COUNTIES.filter((c) => !regions?.size || regions.has(c.code)).map((c) => ({
      code: c.code,
      name: c.name,
    }));
    return { serviceTypes: types.types, counties };
  }

  private summary(p: ProviderRow, rec: Record_, policy: CreditPolicy, today: string): ProviderSummary {
    const credit = creditOf(rec, policy, today);
    return {
      id: p.id,
      uscc: p.uscc,
      name: p.name,
      countyCode: p.countyCode,
      countyName: this.core.regions.name(p.countyCode),
      serviceTypes: p.serviceTypes,
      status: p.status,
      listed: rec.listings.filter((l) => l.status === 'listed').map((l) => l.list),
      grade: credit.grade,
      score: credit.score,
      sanction: activeSanction(rec.sanctions, today),
      nextExpiry: rec.qualifications[0]?.validUntil ?? null,
      demo: p.demo,
    };
  }

  async list(actor: Actor, query: ProviderListQuery, mode: Mode = 'manage'): Promise<ProviderPage> {
    const { limit, cursor, q, serviceType, status, list, grade, sanctioned, countyCode } = query;
    const after = decodeCursor(cursor, 2) as [string, string] | null;
    const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows = await this.core.db
      .select()
      .from(provider)
      .where(
        and(
          this.where(actor, mode),
          like ? or(ilike(provider.name, like), ilike(provider.uscc, like)) : undefined,
          status ? eq(provider.status, status) : undefined,
          countyCode ? eq(provider.countyCode, countyCode) : undefined,
          serviceType ? sql`${serviceType} = any(${provider.serviceTypes})` : undefined,
        ),
      )
      .orderBy(asc(provider.name), asc(provider.id));
    const today = this.today();
    const policy = await creditPolicy(this.core.db, this.core.regions, today);
    const records = await recordsOf(
      this.core.db,
      rows.map((r) => r.id),
    );
    const views = rows
      .map((r) => this.summary(r, records.get(r.id) as Record_, policy, today))
      .filter((v) => !list || v.listed.includes(list))
      .filter((v) => !grade || v.grade === grade)
      .filter((v) => sanctioned === undefined || (v.sanction !== null) === sanctioned)
      .filter((v) => !after || v.name > after[0] || (v.name === after[0] && v.id > after[1]));
    return toPage(
      views.slice(0, limit + 1),
      limit,
      (v) => [v.name, v.id],
      (v) => v,
    );
  }

  async detail(actor: Actor, id: string, mode: Mode = 'manage'): Promise<ProviderDetail> {
    const p = await this.scoped(actor, id, mode);
    const today = this.today();
    const policy = await creditPolicy(this.core.db, this.core.regions, today);
    const rec = (await recordsOf(this.core.db, [id])).get(id) as Record_;
    const credit = creditOf(rec, policy, today);
    const history = await this.core.db
      .select({ at: auditLog.at, username: auditLog.username, action: auditLog.action, changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.objectType, 'provider'), eq(auditLog.objectId, id)))
      .orderBy(desc(auditLog.id))
      .limit(200);
    return {
      ...this.summary(p, rec, policy, today),
      address: p.address,
      legalRepresentative: p.legalRepresentative,
      contactName: p.contactName,
      contactPhoneMasked: p.contactPhoneMasked,
      introduction: p.introduction,
      staff: p.staff as ProviderDetail['staff'],
      equipment: p.equipment as ProviderDetail['equipment'],
      reviewNote: p.reviewNote,
      reviewedAt: p.reviewedAt?.toISOString() ?? null,
      version: p.version,
      createdAt: p.createdAt.toISOString(),
      qualifications: rec.qualifications.map((q) => this.qualificationView(q, today)),
      listings: rec.listings.map((l) => ({
        id: l.id,
        list: l.list,
        status: l.status,
        appliedOn: l.appliedOn,
        listedOn: l.listedOn,
        delistedOn: l.delistedOn,
        reason: l.reason,
        version: l.version,
      })),
      engagements: rec.engagements.map((e) => ({
        id: e.id,
        year: e.year,
        title: e.title,
        contractedFen: e.contractedFen,
        deductionFen: e.deductionFen,
        unit: e.unit,
        contractedUnits: e.contractedUnits,
        deliveredUnits: e.deliveredUnits,
        acceptanceScore: e.acceptanceScore,
        outcome: e.outcome,
        source: e.source,
      })),
      complaints: rec.complaints.map((c) => ({
        id: c.id,
        receivedOn: c.receivedOn,
        summary: c.summary,
        upheld: c.upheld,
        resolution: c.resolution,
        resolvedOn: c.resolvedOn,
        version: c.version,
      })),
      sanctions: rec.sanctions.map((s) => ({
        id: s.id,
        kind: s.kind,
        fromDate: s.fromDate,
        untilDate: s.untilDate,
        reason: s.reason,
        liftedOn: s.liftedOn,
        liftReason: s.liftReason,
        active: sanctionActive(s, today),
      })),
      credit: { ...credit, asOf: today },
      history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
      can: { manage: mode === 'manage' && can(actor, 'provider.manage'), self: mode === 'self' },
    };
  }

  private qualificationView(q: typeof providerQualification.$inferSelect, today: string): QualificationView {
    return {
      id: q.id,
      name: q.name,
      number: q.number,
      issuer: q.issuer,
      validUntil: q.validUntil,
      inForce: q.validUntil >= today,
      fileName: q.fileName,
      contentType: q.contentType,
      size: q.size,
    };
  }

  private async checkServiceTypes(types: readonly string[]) {
    const policy = await serviceTypesPolicy(this.core.db, this.core.regions, this.today());
    const known = new Set(policy.types.map((t) => t.code));
    const unknown = types.filter((t) => !known.has(t));
    if (unknown.length) throw invalid('serviceTypes', '服务类型', `不在服务类型目录中：${unknown.join('、')}`);
    if (new Set(types).size !== types.length) throw invalid('serviceTypes', '服务类型', '服务类型重复');
  }

  private checkCounty(code: string) {
    if (!CURRENT_COUNTIES.some((c) => c.code === code)) {
      throw invalid('countyCode', '所在县（市、区）', '应为三明市所辖县（市、区）');
    }
  }

  /** Registers an organisation (status registered) by its USCC, checked with its check character and unique. */
  async create(actor: Actor, input: ProviderCreateInput): Promise<ProviderDetail> {
    const uscc = checkUscc(input.uscc);
    if (!uscc.ok) throw invalid('uscc', '统一社会信用代码', uscc.reason);
    this.checkCounty(input.countyCode);
    if (!actor.scope.regions.has(input.countyCode)) {
      throw invalid('countyCode', '所在县（市、区）', '不在您的管辖范围内');
    }
    await this.checkServiceTypes(input.serviceTypes);
    const [dup] = await this.core.db
      .select({ name: provider.name })
      .from(provider)
      .where(eq(provider.uscc, uscc.value));
    if (dup) throw invalid('uscc', '统一社会信用代码', `已登记（${dup.name}），不能重复登记`);
    const { contactPhone, uscc: _raw, ...profile } = input;
    const id = await this.core.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(provider)
        .values({
          ...profile,
          uscc: uscc.value,
          contactPhoneCipher: this.core.pii.encrypt(contactPhone),
          contactPhoneMasked: maskPhone(contactPhone),
          status: 'registered',
          createdAt: this.clock(),
          updatedAt: this.clock(),
        })
        .returning({ id: provider.id });
      const newId = (row as { id: string }).id;
      await recordAudit(tx, actor, {
        action: 'provider.create',
        objectType: 'provider',
        objectId: newId,
        changes: { after: { ...profile, uscc: uscc.value, contactPhone: maskPhone(contactPhone) } },
      });
      return newId;
    });
    return this.detail(actor, id);
  }

  /** Version-checked update of the profile (the bureau, or the organisation itself). */
  async update(actor: Actor, id: string, input: ProviderUpdateInput, mode: Mode): Promise<ProviderDetail> {
    const before = await this.scoped(actor, id, mode);
    this.checkCounty(input.countyCode);
    if (mode === 'manage' && !actor.scope.regions.has(input.countyCode)) {
      throw invalid('countyCode', '所在县（市、区）', '不在您的管辖范围内');
    }
    await this.checkServiceTypes(input.serviceTypes);
    const { contactPhone, version, ...profile } = input;
    await this.core.db.transaction(async (tx) => {
      const updated = await tx
        .update(provider)
        .set({
          ...profile,
          ...(contactPhone
            ? { contactPhoneCipher: this.core.pii.encrypt(contactPhone), contactPhoneMasked: maskPhone(contactPhone) }
            : {}),
          version: sql`${provider.version} + 1`,
          updatedAt: this.clock(),
        })
        .where(and(eq(provider.id, id), eq(provider.version, version)))
        .returning({ id: provider.id });
      if (!updated.length) throw AppError.conflict();
      const changed = Object.fromEntries(
        Object.entries(profile).filter(
          ([k, v]) => JSON.stringify((before as Record<string, unknown>)[k]) !== JSON.stringify(v),
        ),
      );
      await recordAudit(tx, actor, {
        action: mode === 'self' ? 'provider.self.update' : 'provider.update',
        objectType: 'provider',
        objectId: id,
        changes: {
          before: Object.fromEntries(Object.keys(changed).map((k) => [k, (before as Record<string, unknown>)[k]])),
          after: { ...changed, ...(contactPhone ? { contactPhone: maskPhone(contactPhone) } : {}) },
        },
      });
    });
    return this.detail(actor, id, mode);
  }

  async review(actor: Actor, id: string, input: { decision: 'approved' | 'rejected'; note: string; version: number }) {
    const p = await this.scoped(actor, id, 'manage');
    if (p.status === input.decision)
      throw AppError.conflict(`机构已是“${input.decision === 'approved' ? '已通过' : '未通过'}”状态`);
    if (input.decision === 'rejected' && !input.note) throw invalid('note', '审核意见', '不通过时请填写理由');
    await this.core.db.transaction(async (tx) => {
      const updated = await tx
        .update(provider)
        .set({
          status: input.decision,
          reviewNote: input.note || null,
          reviewedAt: this.clock(),
          version: sql`${provider.version} + 1`,
          updatedAt: this.clock(),
        })
        .where(and(eq(provider.id, id), eq(provider.version, input.version)))
        .returning({ id: provider.id });
      if (!updated.length) throw AppError.conflict();
      await recordAudit(tx, actor, {
        action: 'provider.review',
        objectType: 'provider',
        objectId: id,
        changes: { before: { status: p.status }, after: { status: input.decision, note: input.note } },
      });
      await notify(tx, await accountsOf(tx, id), {
        title: input.decision === 'approved' ? '机构登记审核通过' : '机构登记审核未通过',
        body: `${p.name}：${input.decision === 'approved' ? '登记已审核通过' : `登记未通过审核。${input.note}`}`,
        link: '/my-provider',
      });
    });
    return this.detail(actor, id);
  }

  async addQualification(actor: Actor, id: string, input: QualificationInput, mode: Mode): Promise<QualificationView> {
    await this.scoped(actor, id, mode);
    const row = await this.core.db.transaction(async (tx) => {
      const [q] = await tx
        .insert(providerQualification)
        .values({ providerId: id, ...input, createdAt: this.clock() })
        .returning();
      const saved = q as typeof providerQualification.$inferSelect;
      await recordAudit(tx, actor, {
        action: 'provider.qualification.add',
        objectType: 'provider',
        objectId: id,
        changes: { after: { qualificationId: saved.id, ...input } },
      });
      return saved;
    });
    return this.qualificationView(row, this.today());
  }

  private async qualification(actor: Actor, id: string, qid: string, mode: Mode) {
    await this.scoped(actor, id, mode);
    const [q] = await this.core.db
      .select()
      .from(providerQualification)
      .where(and(eq(providerQualification.id, qid), eq(providerQualification.providerId, id)));
    if (!q) throw AppError.notFound('资质不存在');
    return q;
  }

  /** Stores the qualification's document (content checked by the store); one document per qualification. */
  async uploadDocument(actor: Actor, id: string, qid: string, fileName: string, body: Readable, mode: Mode) {
    await this.qualification(actor, id, qid, mode);
    const stored = await this.documents.save(qid, fileName, body);
    const incoming = this.documents.file(qid, stored.id);
    try {
      await this.core.db.transaction(async (tx) => {
        await tx
          .update(providerQualification)
          .set({ fileName, contentType: stored.contentType, size: stored.size })
          .where(eq(providerQualification.id, qid));
        await recordAudit(tx, actor, {
          action: 'provider.qualification.document',
          objectType: 'provider',
          objectId: id,
          changes: { qualificationId: qid, fileName, size: stored.size, sha256: stored.sha256 },
        });
        // the row has no evidence id: the file keeps a fixed name in the qualification's folder
        await rename(incoming, this.documents.file(qid, DOCUMENT));
      });
    } catch (error) {
      await this.documents.remove(qid, stored.id);
      throw error;
    }
    const q = await this.qualification(actor, id, qid, mode);
    return this.qualificationView(q, this.today());
  }

  async document(actor: Actor, id: string, qid: string, mode: Mode) {
    const q = await this.qualification(actor, id, qid, mode);
    if (!q.fileName || !q.contentType) throw AppError.notFound('该资质没有上传证明文件');
    return {
      file: { fileName: q.fileName, contentType: q.contentType },
      stream: this.documents.read(qid, DOCUMENT),
    };
  }

  /** Applies for a recommended list; refused when the organisation cannot be listed now or already is/applied. */
  async apply(actor: Actor, id: string, input: ListingApplyInput, mode: Mode) {
    const p = await this.scoped(actor, id, mode);
    const today = this.today();
    const rec = (await recordsOf(this.core.db, [id])).get(id) as Record_;
    AppError.assertNoProblems(listingProblems(factsOf(p, rec, today), input.list, today));
    const open = rec.listings.find((l) => l.list === input.list && (l.status === 'applied' || l.status === 'listed'));
    if (open) {
      throw invalid('list', '推荐名录', open.status === 'listed' ? '已列入该名录' : '已申请，等待审核');
    }
    await this.core.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(providerListing)
        .values({ providerId: id, list: input.list, status: 'applied', appliedOn: today })
        .returning({ id: providerListing.id });
      await recordAudit(tx, actor, {
        action: 'provider.listing.apply',
        objectType: 'provider',
        objectId: id,
        changes: { listingId: (row as { id: string }).id, list: input.list },
      });
      if (mode === 'self') {
        await notify(tx, await holdersOf(tx, 'provider.manage'), {
          title: `服务机构申请列入${PROVIDER_LISTS[input.list]}`,
          body: `${p.name}申请列入${PROVIDER_LISTS[input.list]}，请审核。`,
          link: `/providers/${id}`,
        });
      }
    });
    return this.detail(actor, id, mode);
  }

  /** applied → listed | rejected; listed → delisted; listing re-checks eligibility; rejection and delisting need a reason. */
  async decideListing(actor: Actor, id: string, listingId: string, input: ListingDecisionInput) {
    const p = await this.scoped(actor, id, 'manage');
    const [l] = await this.core.db
      .select()
      .from(providerListing)
      .where(and(eq(providerListing.id, listingId), eq(providerListing.providerId, id)));
    if (!l) throw AppError.notFound('名录申请不存在');
    const today = this.today();
    const from = input.decision === 'delisted' ? 'listed' : 'applied';
    if (l.status !== from) {
      throw AppError.conflict(
        input.decision === 'delisted' ? '只有已列入的机构可以移出名录' : '只有待审核的申请可以列入或不予列入',
      );
    }
    if (input.decision !== 'listed' && !input.reason) throw invalid('reason', '理由', '不予列入或移出名录须填写理由');
    if (input.decision === 'listed') {
      const rec = (await recordsOf(this.core.db, [id])).get(id) as Record_;
      AppError.assertNoProblems(listingProblems(factsOf(p, rec, today), l.list, today));
    }
    await this.core.db.transaction(async (tx) => {
      const updated = await tx
        .update(providerListing)
        .set({
          status: input.decision,
          reason: input.reason || null,
          decidedBy: actor.userId,
          ...(input.decision === 'listed' ? { listedOn: today } : {}),
          ...(input.decision === 'delisted' ? { delistedOn: today } : {}),
          version: sql`${providerListing.version} + 1`,
        })
        .where(and(eq(providerListing.id, listingId), eq(providerListing.version, input.version)))
        .returning({ id: providerListing.id });
      if (!updated.length) throw AppError.conflict();
      await recordAudit(tx, actor, {
        action: `provider.listing.${input.decision}`,
        objectType: 'provider',
        objectId: id,
        changes: { listingId, list: l.list, before: l.status, after: input.decision, reason: input.reason },
      });
      const verb = { listed: '已列入', rejected: '未被列入', delisted: '已被移出' }[input.decision];
      await notify(tx, await accountsOf(tx, id), {
        title: `${PROVIDER_LISTS[l.list]}：${verb}`,
        body: `${p.name}${verb}${PROVIDER_LISTS[l.list]}。${input.reason}`,
        link: '/my-provider',
      });
    });
    return this.detail(actor, id);
  }

  async addEngagement(actor: Actor, id: string, input: EngagementInput) {
    await this.scoped(actor, id, 'manage');
    if (input.deductionFen > input.contractedFen) throw invalid('deductionFen', '扣减金额', '不能超过合同金额');
    if (input.outcome === 'in_progress' && input.acceptanceScore !== null) {
      throw invalid('acceptanceScore', '验收得分', '实施中的项目尚未验收，不能填写验收得分');
    }
    await this.core.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(providerEngagement)
        .values({ providerId: id, ...input, source: 'manual', createdAt: this.clock() })
        .returning({ id: providerEngagement.id });
      await recordAudit(tx, actor, {
        action: 'provider.engagement.add',
        objectType: 'provider',
        objectId: id,
        changes: { engagementId: (row as { id: string }).id, after: input },
      });
    });
    return this.detail(actor, id);
  }

  async addComplaint(actor: Actor, id: string, input: ComplaintInput) {
    await this.scoped(actor, id, 'manage');
    if (input.receivedOn > this.today()) throw invalid('receivedOn', '收到日期', '不能晚于今天');
    await this.core.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(providerComplaint)
        .values({ providerId: id, ...input })
        .returning({ id: providerComplaint.id });
      await recordAudit(tx, actor, {
        action: 'provider.complaint.add',
        objectType: 'provider',
        objectId: id,
        changes: { complaintId: (row as { id: string }).id, after: input },
      });
    });
    return this.detail(actor, id);
  }

  async resolveComplaint(actor: Actor, id: string, complaintId: string, input: ComplaintResolveInput) {
    await this.scoped(actor, id, 'manage');
    const [c] = await this.core.db
      .select()
      .from(providerComplaint)
      .where(and(eq(providerComplaint.id, complaintId), eq(providerComplaint.providerId, id)));
    if (!c) throw AppError.notFound('投诉不存在');
    if (c.upheld !== null) throw AppError.conflict('该投诉已处理');
    await this.core.db.transaction(async (tx) => {
      const updated = await tx
        .update(providerComplaint)
        .set({
          upheld: input.upheld,
          resolution: input.resolution,
          resolvedOn: this.today(),
          version: sql`${providerComplaint.version} + 1`,
        })
        .where(and(eq(providerComplaint.id, complaintId), eq(providerComplaint.version, input.version)))
        .returning({ id: providerComplaint.id });
      if (!updated.length) throw AppError.conflict();
      await recordAudit(tx, actor, {
        action: 'provider.complaint.resolve',
        objectType: 'provider',
        objectId: id,
        changes: { complaintId, upheld: input.upheld, resolution: input.resolution },
      });
    });
    return this.detail(actor, id);
  }

  /** Suspends (until a date) or bars the organisation; its accounts are notified in the same transaction. */
  async sanction(actor: Actor, id: string, input: SanctionInput) {
    const p = await this.scoped(actor, id, 'manage');
    if (input.kind === 'suspension' && !input.untilDate)
      throw invalid('untilDate', '暂停截止日期', '暂停须填写截止日期');
    if (input.untilDate && input.untilDate < input.fromDate) {
      throw invalid('untilDate', '暂停截止日期', '不能早于开始日期');
    }
    const rec = (await recordsOf(this.core.db, [id])).get(id) as Record_;
    if (rec.sanctions.some((s) => s.kind === 'barring' && !s.liftedOn)) {
      throw AppError.conflict('该机构已被禁入，请先解除禁入');
    }
    const label = input.kind === 'barring' ? '禁入' : '暂停';
    await this.core.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(providerSanction)
        .values({
          providerId: id,
          kind: input.kind,
          fromDate: input.fromDate,
          untilDate: input.kind === 'barring' ? null : input.untilDate,
          reason: input.reason,
          recordedBy: actor.userId,
          createdAt: this.clock(),
        })
        .returning({ id: providerSanction.id });
      await recordAudit(tx, actor, {
        action: `provider.sanction.${input.kind}`,
        objectType: 'provider',
        objectId: id,
        changes: { sanctionId: (row as { id: string }).id, after: input },
      });
      await notify(tx, await accountsOf(tx, id), {
        title: `服务机构${label}通知`,
        body:
          input.kind === 'barring'
            ? `${p.name}自 ${input.fromDate} 起被禁入工伤预防项目。理由：${input.reason}`
            : `${p.name}自 ${input.fromDate} 至 ${input.untilDate} 暂停承接工伤预防项目。理由：${input.reason}`,
        link: '/my-provider',
        email: true,
      });
    });
    return this.detail(actor, id);
  }

  async liftSanction(actor: Actor, id: string, sanctionId: string, input: SanctionLiftInput) {
    const p = await this.scoped(actor, id, 'manage');
    const [s] = await this.core.db
      .select()
      .from(providerSanction)
      .where(and(eq(providerSanction.id, sanctionId), eq(providerSanction.providerId, id)));
    if (!s) throw AppError.notFound('处理记录不存在');
    const today = this.today();
    if (s.liftedOn || (s.kind === 'suspension' && s.untilDate && s.untilDate < today)) {
      throw AppError.conflict('该处理已解除或已到期');
    }
    const label = s.kind === 'barring' ? '禁入' : '暂停';
    await this.core.db.transaction(async (tx) => {
      const updated = await tx
        .update(providerSanction)
        .set({ liftedOn: today, liftReason: input.reason })
        .where(and(eq(providerSanction.id, sanctionId), sql`${providerSanction.liftedOn} is null`))
        .returning({ id: providerSanction.id });
      if (!updated.length) throw AppError.conflict();
      await recordAudit(tx, actor, {
        action: 'provider.sanction.lift',
        objectType: 'provider',
        objectId: id,
        changes: { sanctionId, kind: s.kind, reason: input.reason },
      });
      await notify(tx, await accountsOf(tx, id), {
        title: `服务机构${label}已解除`,
        body: `${p.name}的${label}自 ${today} 起解除。理由：${input.reason}`,
        link: '/my-provider',
        email: true,
      });
    });
    return this.detail(actor, id);
  }

  /** The public recommended lists: listed, approved, neither suspended nor barred today; no personal data. */
  async publicLists(): Promise<PublicProviderLists> {
    const today = this.today();
    const rows = await this.publicRows(today);
    const types = await serviceTypesPolicy(this.core.db, this.core.regions, today);
    return {
      today,
      serviceTypes: types.types,
      training: rows.filter((r) => r.list === 'training').map((r) => r.row),
      online_platform: rows.filter((r) => r.list === 'online_platform').map((r) => r.row),
    };
  }

  private async publicRows(today: string, onlyId?: string) {
    const listings = await this.core.db
      .select({
        providerId: providerListing.providerId,
        list: providerListing.list,
        listedOn: providerListing.listedOn,
      })
      .from(providerListing)
      .innerJoin(provider, eq(provider.id, providerListing.providerId))
      .where(
        and(
          eq(providerListing.status, 'listed'),
          eq(provider.status, 'approved'),
          onlyId ? eq(provider.id, onlyId) : undefined,
        ),
      );
    const ids = [...new Set(listings.map((l) => l.providerId))];
    if (!ids.length) return [];
    const providers = await this.core.db.select().from(provider).where(inArray(provider.id, ids));
    const records = await recordsOf(this.core.db, ids);
    const policy = await creditPolicy(this.core.db, this.core.regions, today);
    const byId = new Map(providers.map((p) => [p.id, p]));
    const out: { list: ProviderList; row: PublicProviderRow; provider: ProviderRow; record: Record_ }[] = [];
    for (const l of listings) {
      const p = byId.get(l.providerId) as ProviderRow;
      const rec = records.get(l.providerId) as Record_;
      if (activeSanction(rec.sanctions, today)) continue;
      out.push({
        list: l.list,
        provider: p,
        record: rec,
        row: {
          id: p.id,
          name: p.name,
          uscc: p.uscc,
          countyName: this.core.regions.name(p.countyCode),
          serviceTypes: p.serviceTypes,
          qualifications: rec.qualifications
            .filter((q) => q.validUntil >= today)
            .map((q) => ({ name: q.name, number: q.number, validUntil: q.validUntil })),
          grade: creditOf(rec, policy, today).grade,
          listedSince: l.listedOn ?? today,
        },
      });
    }
    out.sort((a, b) => a.row.listedSince.localeCompare(b.row.listedSince) || a.row.name.localeCompare(b.row.name));
    return out;
  }

  /** A listed organisation's public profile with its project record (no contact, no staff names). */
  async publicProfile(id: string): Promise<PublicProviderProfile> {
    const rows = await this.publicRows(this.today(), id);
    const first = rows[0];
    if (!first) throw AppError.notFound('该机构不在推荐名录中');
    const { listedSince: _l, ...row } = first.row;
    return {
      ...row,
      introduction: first.provider.introduction,
      lists: rows.map((r) => ({ list: r.list, listedSince: r.row.listedSince })),
      engagements: first.record.engagements.map((e) => ({
        year: e.year,
        title: e.title,
        contractedFen: e.contractedFen,
        outcome: e.outcome,
        acceptanceScore: e.acceptanceScore,
      })),
    };
  }

  async publicList(list: ProviderList): Promise<PublicProviderRow[]> {
    const lists = await this.publicLists();
    return lists[list];
  }

  /**
   * The daily reminder: qualifications expiring in exactly one of the policy's days (or today) are announced to the
   * bureau (provider.manage holders) and the organisation's accounts. Returns the number of qualifications announced.
   */
  async remind(): Promise<number> {
    const today = this.today();
    const policy = await reminderPolicy(this.core.db, this.core.regions, today);
    const dates = [0, ...policy.days].map((d) => {
      const at = new Date(`${today}T00:00:00Z`);
      at.setUTCDate(at.getUTCDate() + d);
      return at.toISOString().slice(0, 10);
    });
    const due = await this.core.db
      .select({ q: providerQualification, name: provider.name })
      .from(providerQualification)
      .innerJoin(provider, eq(provider.id, providerQualification.providerId))
      .where(and(inArray(providerQualification.validUntil, dates), sql`${provider.status} <> 'rejected'`));
    if (!due.length) return 0;
    await this.core.db.transaction(async (tx) => {
      const bureau = await holdersOf(tx, 'provider.manage');
      for (const { q, name } of due) {
        const days = reminderDue(q.validUntil, today, policy.days);
        if (days === null) continue;
        const when = days === 0 ? '今天到期' : `将于 ${days} 天后（${q.validUntil}）到期`;
        const body = `${name}的资质“${q.name}”（证书编号 ${q.number}）${when}，请及时办理延续并更新资质信息。`;
        const title = `服务机构资质${days === 0 ? '今日到期' : '即将到期'}：${name}`;
        await notify(tx, bureau, { title, body, link: `/providers/${q.providerId}` });
        await notify(tx, await accountsOf(tx, q.providerId), { title, body, link: '/my-provider', email: true });
      }
    });
    return due.length;
  }
}
