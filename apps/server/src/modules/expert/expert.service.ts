import type { Readable } from 'node:stream';
import {
  CITY_CODE,
  checkIdNumber,
  checkUscc,
  EXPERT_ASSESSMENT_RESULTS,
  EXPERT_DISCIPLINE_KINDS,
  EXPERT_EVENT_KINDS,
  EXPERT_RELATION_KINDS,
  EXPERT_SHARE_COLUMNS,
  EXPERT_STATUSES,
  type ExpertAction,
  type ExpertCreateInput,
  type ExpertDetail,
  type ExpertDisciplineInput,
  type ExpertFilter,
  type ExpertOptions,
  type ExpertProfileInput,
  type ExpertQualificationInput,
  type ExpertRelationInput,
  type ExpertTransitionInput,
  type ExpertUnavailabilityInput,
  type ExpertUnmaskedView,
  type ExpertView,
  maskIdNumber,
  maskPhone,
} from '@yufang/contracts';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { recordAudit, recordAuditEvent } from '../../core/audit/audit.js';
import { type Actor, can } from '../../core/auth/actor.js';
import type { Core } from '../../core/context.js';
import type { Tx } from '../../core/db/index.js';
import { EvidenceStore } from '../../core/files/evidence.js';
import { AppError, type FieldProblem } from '../../core/http/errors.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';
import { notify } from '../../core/notify/notify.js';
import { expertDomains, expertTerm } from './expert.policy.js';
import {
  type ExpertRow,
  expertDossier,
  expertsEndingOn,
  findExpert,
  findExpertByUser,
  groupsInUse,
  latestAssessment,
  listExperts,
  partiesByUscc,
  usersWithPermission,
} from './expert.repo.js';
import {
  availableActions,
  beijingDate,
  daysBetween,
  isMobile,
  nextStatus,
  refusal,
  reminderEndDates,
  renewalStart,
  termEnd,
  termState,
  unknownDomains,
} from './expert.rules.js';
import {
  expert,
  expertDiscipline,
  expertDocument,
  expertEvent,
  expertQualification,
  expertRelation,
  expertUnavailability,
} from './expert.schema.js';

const NOT_FOUND = '专家不存在';
const STALE = '该专家档案已被他人修改，请刷新后重试';
const DUPLICATE = '专家库中已有此身份证号码的专家（一人只能入库一次）';
const EXPORT_PAGE = 500;
const MAX_IMPORT_ROWS = 2000;

interface Context {
  today: string;
  labels: Map<string, string>;
  reminderDays: number[];
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/**
 * The expert pool. The pool is city-managed and city-wide: every holder of expert.read sees every expert (masked);
 * changes need expert.manage and a city-level scope. `clock` is the only source of "now".
 */
export class ExpertService {
  readonly documents: EvidenceStore;

  constructor(
    private readonly core: Core,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.documents = new EvidenceStore(core.config.dataDir, 'expert-documents');
  }

  today(): string {
    return beijingDate(this.clock());
  }

  private async context(): Promise<Context> {
    const today = this.today();
    const [domains, term] = await Promise.all([expertDomains(this.core.db, today), expertTerm(this.core.db, today)]);
    return { today, labels: new Map(domains.map((d) => [d.code, d.label])), reminderDays: term.reminderDays };
  }

  private present(c: Context, r: ExpertRow): ExpertView {
    return {
      id: r.id,
      name: r.name,
      idMasked: r.idMasked,
      phoneMasked: r.phoneMasked,
      workUnit: r.workUnit,
      workUnitUscc: r.workUnitUscc,
      employerId: r.employerId,
      title: r.title,
      domains: r.domains,
      domainLabels: r.domains.map((d) => c.labels.get(d) ?? d),
      groupName: r.groupName,
      countyCode: r.countyCode,
      countyName: this.core.regions.name(r.countyCode),
      status: r.status,
      statusLabel: EXPERT_STATUSES[r.status],
      termStart: r.termStart,
      termEnd: r.termEnd,
      termState: termState(r.status, r.termEnd, c.today, c.reminderDays),
      shareConsent: r.shareConsent,
      sourceCity: r.sourceCity,
      suspendedUntil: r.suspendedUntil,
      version: r.version,
    };
  }

  /** The pool is managed by the city bureau: expert.manage and a city-wide scope. */
  private assertManager(actor: Actor) {
    if (!can(actor, 'expert.manage') || !actor.scope.regions.has(CITY_CODE)) {
      throw AppError.forbidden('专家库由市人社局统一管理，您只能查看');
    }
  }

  async options(): Promise<ExpertOptions> {
    const today = this.today();
    const [domains, term, groups] = await Promise.all([
      expertDomains(this.core.db, today),
      expertTerm(this.core.db, today),
      groupsInUse(this.core.db),
    ]);
    return { domains, groups, termYears: term.termYears, reminderDays: term.reminderDays, today };
  }

  async list(query: ExpertFilter & { limit: number; cursor?: string }) {
    const { limit, cursor, ...filter } = query;
    const after = decodeCursor(cursor, 2) as [string, string] | null;
    const c = await this.context();
    const rows = await listExperts(this.core.db, filter, c.today, after, limit + 1);
    return toPage(
      rows,
      limit,
      (r) => [r.name, r.id],
      (r) => this.present(c, r),
    );
  }

  async get(actor: Actor, id: string): Promise<ExpertDetail> {
    const c = await this.context();
    const row = await this.row(id);
    const d = await expertDossier(this.core.db, id);
    const assessment = await latestAssessment(this.core.db, id, row.termStart);
    const canManage = can(actor, 'expert.manage') && actor.scope.regions.has(CITY_CODE);
    return {
      ...this.present(c, row),
      relations: d.relations.map((r) => ({
        id: r.id,
        kind: r.kind,
        kindLabel: EXPERT_RELATION_KINDS[r.kind],
        employerId: r.employerId,
        providerId: r.providerId,
        partyName: r.partyName,
        partyUscc: r.partyUscc,
        nature: r.nature,
        declaredOn: r.declaredOn,
        endedOn: r.endedOn,
      })),
      qualifications: d.qualifications.map((q) => ({
        id: q.id,
        name: q.name,
        number: q.number,
        issuer: q.issuer,
        validUntil: q.validUntil,
      })),
      documents: d.documents.map((f) => ({
        id: f.id,
        qualificationId: f.qualificationId,
        fileName: f.fileName,
        contentType: f.contentType,
        size: f.size,
        uploadedAt: f.uploadedAt.toISOString(),
      })),
      discipline: d.discipline.map((x) => ({
        id: x.id,
        kind: x.kind,
        kindLabel: EXPERT_DISCIPLINE_KINDS[x.kind],
        recordedOn: x.recordedOn,
        suspendedUntil: x.suspendedUntil,
        reason: x.reason,
      })),
      unavailability: d.unavailability.map((u) => ({
        id: u.id,
        fromDate: u.fromDate,
        toDate: u.toDate,
        reason: u.reason,
      })),
      events: d.events.map((e) => ({
        id: e.id,
        kind: e.kind,
        kindLabel: (EXPERT_EVENT_KINDS as Record<string, string>)[e.kind] ?? e.kind,
        at: e.at.toISOString(),
        actorName: e.actorName,
        reason: e.reason,
        detail: e.detail as Record<string, unknown>,
      })),
      assignments: d.assignments,
      canManage,
      canUnmask: can(actor, 'expert.unmask'),
      actions: canManage ? availableActions(row.status, { assessment }) : [],
    };
  }

  /** The signed-in expert's own profile (for their assignment page). */
  async me(actor: Actor): Promise<ExpertView> {
    const c = await this.context();
    const row = await findExpertByUser(this.core.db, actor.userId, c.today);
    if (!row) throw AppError.notFound('您的账号尚未关联专家库中的专家');
    return this.present(c, row);
  }

  /** Checks and normalises what a new profile says; problems name the field. */
  private async checked(input: ExpertCreateInput, prefix = '') {
    const problems: FieldProblem[] = [];
    const id = checkIdNumber(input.idNumber, { today: this.clock() });
    if (!id.ok) problems.push({ field: `${prefix}idNumber`, message: id.reason });
    if (!isMobile(input.mobile.trim())) problems.push({ field: `${prefix}mobile`, message: '手机号码应为 11 位数字' });
    const uscc = this.checkedUnitAndCounty(input, problems, prefix);
    const domains = await expertDomains(this.core.db, this.today());
    const unknown = unknownDomains(input.domains, domains);
    if (unknown.length)
      problems.push({ field: `${prefix}domains`, message: `专业领域代码无效：${unknown.join('、')}` });
    return { problems, idNumber: id.ok ? id.value : '', uscc, domains: [...new Set(input.domains)] };
  }

  /** The work unit's USCC (normalised, or null) and the county, checked for applications and profile edits alike. */
  private checkedUnitAndCounty(
    input: { workUnitUscc?: string | null; countyCode: string },
    problems: FieldProblem[],
    prefix = '',
  ): string | null {
    let uscc: string | null = null;
    if (input.workUnitUscc) {
      const u = checkUscc(input.workUnitUscc);
      if (!u.ok) problems.push({ field: `${prefix}workUnitUscc`, message: u.reason });
      else uscc = u.value;
    }
    const county = this.core.regions.get(input.countyCode);
    if (county?.level !== 'county' || !this.core.regions.ancestors(input.countyCode).includes(CITY_CODE)) {
      problems.push({ field: `${prefix}countyCode`, message: '县（市、区）代码不是本市的县区' });
    }
    return uscc;
  }

  /**
   * Edits the contact and work details of a profile (not the ID number; domains and group go through 调整),
   * version-checked; the file records which fields changed, the audit row the values (the mobile masked).
   */
  async updateProfile(actor: Actor, id: string, input: ExpertProfileInput): Promise<ExpertDetail> {
    this.assertManager(actor);
    const before = await this.row(id);
    if (before.version !== input.version) throw AppError.conflict(STALE);
    const problems: FieldProblem[] = [];
    const mobile = (input.mobile ?? '').trim();
    const uscc = this.checkedUnitAndCounty(input, problems);
    AppError.assertNoProblems(problems);
    const { employerId } = await partiesByUscc(this.core.db, uscc);
    const set = {
      name: input.name.trim(),
      workUnit: input.workUnit.trim(),
      workUnitUscc: uscc,
      employerId,
      title: input.title.trim(),
      countyCode: input.countyCode,
      shareConsent: input.shareConsent ?? false,
      ...(mobile ? { phoneCipher: this.core.pii.encrypt(mobile), phoneMasked: maskPhone(mobile) } : {}),
    };
    const shown = {
      name: [before.name, set.name],
      workUnit: [before.workUnit, set.workUnit],
      workUnitUscc: [before.workUnitUscc, set.workUnitUscc],
      title: [before.title, set.title],
      countyCode: [before.countyCode, set.countyCode],
      shareConsent: [before.shareConsent, set.shareConsent],
    };
    const changed: [string, unknown, unknown][] = Object.entries(shown)
      .filter(([, [b, a]]) => b !== a)
      .map(([k, [b, a]]) => [k, b, a]);
    // a new mobile counts as a change (the one on file is not decrypted to compare); audited masked
    if (mobile) changed.push(['mobile', before.phoneMasked, maskPhone(mobile)]);
    if (changed.length === 0) return this.get(actor, id);
    await this.core.db.transaction(async (tx) => {
      const updated = await tx
        .update(expert)
        .set({ ...set, version: sql`${expert.version} + 1`, updatedAt: new Date() })
        .where(and(eq(expert.id, id), eq(expert.version, input.version)))
        .returning({ id: expert.id });
      if (updated.length === 0) throw AppError.conflict(STALE);
      await this.event(tx, actor, id, 'profile', null, { fields: changed.map(([k]) => k) });
      await recordAudit(tx, actor, {
        action: 'expert.update',
        objectType: 'expert',
        objectId: id,
        changes: {
          before: Object.fromEntries(changed.map(([k, b]) => [k, b])),
          after: Object.fromEntries(changed.map(([k, , a]) => [k, a])),
        },
      });
    });
    return this.get(actor, id);
  }

  private async values(input: ExpertCreateInput, idNumber: string, uscc: string | null, domains: string[]) {
    const { employerId } = await partiesByUscc(this.core.db, uscc);
    return {
      name: input.name.trim(),
      idCipher: this.core.pii.encrypt(idNumber),
      idHash: this.core.pii.hash(idNumber),
      idMasked: maskIdNumber(idNumber),
      phoneCipher: this.core.pii.encrypt(input.mobile.trim()),
      phoneMasked: maskPhone(input.mobile.trim()),
      workUnit: input.workUnit.trim(),
      workUnitUscc: uscc,
      employerId,
      title: input.title.trim(),
      domains,
      groupName: input.groupName?.trim() || null,
      countyCode: input.countyCode,
      shareConsent: input.shareConsent ?? false,
    };
  }

  /** Registers an application (status applied); one expert per person (keyed hash of the ID number). */
  async create(actor: Actor, input: ExpertCreateInput): Promise<ExpertDetail> {
    this.assertManager(actor);
    const { problems, idNumber, uscc, domains } = await this.checked(input);
    AppError.assertNoProblems(problems);
    const values = await this.values(input, idNumber, uscc, domains);
    try {
      const id = await this.core.db.transaction(async (tx) => {
        const [dup] = await tx.select({ id: expert.id }).from(expert).where(eq(expert.idHash, values.idHash));
        if (dup) throw AppError.conflict(DUPLICATE);
        const [row] = await tx
          .insert(expert)
          .values({ ...values, status: 'applied' })
          .returning({ id: expert.id });
        const expertId = (row as { id: string }).id;
        await this.event(tx, actor, expertId, 'applied', null, { domains });
        await recordAudit(tx, actor, {
          action: 'expert.create',
          objectType: 'expert',
          objectId: expertId,
          changes: { after: auditable(values) },
        });
        return expertId;
      });
      return this.get(actor, id);
    } catch (error) {
      if (isUniqueViolation(error)) throw AppError.conflict(DUPLICATE);
      throw error;
    }
  }

  /** One step of the life cycle, checked against the transition table, version-checked, recorded and audited. */
  async transition(
    actor: Actor,
    id: string,
    action: ExpertAction,
    input: ExpertTransitionInput,
  ): Promise<ExpertDetail> {
    this.assertManager(actor);
    const today = this.today();
    const before = await this.row(id);
    if (before.version !== input.version) throw AppError.conflict(STALE);
    const assessment = await latestAssessment(this.core.db, id, before.termStart);
    const refused = refusal(action, before.status, { assessment });
    if (refused) throw AppError.conflict(refused);
    const set: Partial<typeof expert.$inferInsert> = { status: nextStatus(action, before.status) };
    const detail: Record<string, unknown> = {};
    if (action === 'appoint' || action === 'renew') {
      const term = await expertTerm(this.core.db, today);
      const start = action === 'appoint' ? (input.termStart as string) : renewalStart(before.termEnd, today);
      if (action === 'appoint' && daysBetween(today, start) > 90) {
        throw AppError.validation('termStart', '聘期开始日期最多在 90 日之后');
      }
      set.termStart = start;
      set.termEnd = termEnd(start, term.termYears);
      Object.assign(detail, { termStart: set.termStart, termEnd: set.termEnd, termYears: term.termYears });
      if (action === 'renew') Object.assign(detail, { previousTermEnd: before.termEnd });
    }
    if (action === 'assess') {
      Object.assign(detail, {
        result: input.result,
        resultLabel: EXPERT_ASSESSMENT_RESULTS[input.result as keyof typeof EXPERT_ASSESSMENT_RESULTS],
        termStart: before.termStart,
        termEnd: before.termEnd,
      });
    }
    if (action === 'adjust') {
      const domains = await expertDomains(this.core.db, today);
      const unknown = unknownDomains(input.domains ?? [], domains);
      if (unknown.length) throw AppError.validation('domains', `专业领域代码无效：${unknown.join('、')}`);
      set.domains = [...new Set(input.domains)];
      set.groupName = input.groupName?.trim() || null;
      Object.assign(detail, {
        before: { domains: before.domains, groupName: before.groupName },
        after: { domains: set.domains, groupName: set.groupName },
      });
    }
    if (input.note) detail.note = input.note;
    const reason = input.reason ?? (action === 'assess' ? (input.note ?? null) : null);
    await this.core.db.transaction(async (tx) => {
      const updated = await tx
        .update(expert)
        .set({ ...set, version: sql`${expert.version} + 1`, updatedAt: new Date() })
        .where(and(eq(expert.id, id), eq(expert.version, input.version)))
        .returning({ id: expert.id });
      if (updated.length === 0) throw AppError.conflict(STALE);
      if (action === 'dismiss') {
        await tx.insert(expertDiscipline).values({
          expertId: id,
          kind: 'dismissal',
          recordedOn: today,
          reason: input.reason as string,
          recordedBy: actor.userId,
        });
      }
      await this.event(tx, actor, id, action, reason, detail);
      await recordAudit(tx, actor, {
        action: `expert.${action}`,
        objectType: 'expert',
        objectId: id,
        changes: { before: { status: before.status }, after: { status: set.status }, detail, reason },
      });
    });
    return this.get(actor, id);
  }

  async addRelation(actor: Actor, id: string, input: ExpertRelationInput): Promise<ExpertDetail> {
    this.assertManager(actor);
    await this.row(id);
    let uscc: string | null = null;
    if (input.partyUscc) {
      const u = checkUscc(input.partyUscc);
      if (!u.ok) throw AppError.validation('partyUscc', u.reason);
      uscc = u.value;
    }
    if (input.endedOn && input.endedOn < input.declaredOn) {
      throw AppError.validation('endedOn', '结束日期不能早于申报日期');
    }
    const parties = await partiesByUscc(this.core.db, uscc);
    const values = {
      expertId: id,
      kind: input.kind,
      employerId: input.kind === 'employer' ? parties.employerId : null,
      providerId: input.kind === 'provider' ? parties.providerId : null,
      partyName: input.partyName.trim(),
      partyUscc: uscc,
      nature: input.nature.trim(),
      declaredOn: input.declaredOn,
      endedOn: input.endedOn ?? null,
    };
    await this.core.db.transaction(async (tx) => {
      const [row] = await tx.insert(expertRelation).values(values).returning({ id: expertRelation.id });
      await this.touch(tx, id);
      await this.event(tx, actor, id, 'relation', null, { partyName: values.partyName, nature: values.nature });
      await recordAudit(tx, actor, {
        action: 'expert.relation.create',
        objectType: 'expert_relation',
        objectId: row?.id,
        changes: { after: values },
      });
    });
    return this.get(actor, id);
  }

  async addQualification(actor: Actor, id: string, input: ExpertQualificationInput): Promise<ExpertDetail> {
    this.assertManager(actor);
    await this.row(id);
    const values = {
      expertId: id,
      name: input.name.trim(),
      number: input.number?.trim() || null,
      issuer: input.issuer?.trim() || null,
      validUntil: input.validUntil ?? null,
    };
    await this.core.db.transaction(async (tx) => {
      const [row] = await tx.insert(expertQualification).values(values).returning({ id: expertQualification.id });
      await this.touch(tx, id);
      await this.event(tx, actor, id, 'qualification', null, { name: values.name });
      await recordAudit(tx, actor, {
        action: 'expert.qualification.create',
        objectType: 'expert_qualification',
        objectId: row?.id,
        changes: { after: values },
      });
    });
    return this.get(actor, id);
  }

  /** Stores a document (content sniffed by the evidence store), optionally for one of the expert's qualifications. */
  async uploadDocument(
    actor: Actor,
    id: string,
    fileName: string,
    body: Readable,
    qualificationId: string | null,
  ): Promise<ExpertDetail> {
    this.assertManager(actor);
    await this.row(id);
    if (qualificationId) {
      const [q] = await this.core.db
        .select({ id: expertQualification.id })
        .from(expertQualification)
        .where(and(eq(expertQualification.id, qualificationId), eq(expertQualification.expertId, id)));
      if (!q) throw AppError.validation('qualificationId', '该资质不属于此专家');
    }
    const stored = await this.documents.save(id, fileName, body);
    try {
      await this.core.db.transaction(async (tx) => {
        await tx.insert(expertDocument).values({
          id: stored.id,
          expertId: id,
          qualificationId,
          fileName,
          contentType: stored.contentType,
          size: stored.size,
          uploadedBy: actor.userId,
        });
        await this.touch(tx, id);
        await recordAudit(tx, actor, {
          action: 'expert.document.upload',
          objectType: 'expert_document',
          objectId: stored.id,
          changes: { after: { expertId: id, fileName, size: stored.size, sha256: stored.sha256 } },
        });
      });
    } catch (error) {
      await this.documents.remove(id, stored.id);
      throw error;
    }
    return this.get(actor, id);
  }

  async documentFile(id: string, documentId: string) {
    const [file] = await this.core.db
      .select()
      .from(expertDocument)
      .where(and(eq(expertDocument.id, documentId), eq(expertDocument.expertId, id)));
    if (!file) throw AppError.notFound('文件不存在');
    return { file, stream: this.documents.read(id, documentId) };
  }

  async addDiscipline(actor: Actor, id: string, input: ExpertDisciplineInput): Promise<ExpertDetail> {
    this.assertManager(actor);
    const row = await this.row(id);
    if (row.status !== 'appointed') throw AppError.conflict('只能对已聘任的专家登记奖惩记录');
    const values = {
      expertId: id,
      kind: input.kind,
      recordedOn: input.recordedOn,
      suspendedUntil: input.kind === 'suspension' ? (input.suspendedUntil ?? null) : null,
      reason: input.reason.trim(),
      recordedBy: actor.userId,
    };
    await this.core.db.transaction(async (tx) => {
      const [d] = await tx.insert(expertDiscipline).values(values).returning({ id: expertDiscipline.id });
      await this.touch(tx, id);
      await this.event(tx, actor, id, 'discipline', values.reason, {
        kind: values.kind,
        kindLabel: EXPERT_DISCIPLINE_KINDS[values.kind],
        suspendedUntil: values.suspendedUntil,
      });
      await recordAudit(tx, actor, {
        action: 'expert.discipline.create',
        objectType: 'expert_discipline',
        objectId: d?.id,
        changes: { after: values },
      });
    });
    return this.get(actor, id);
  }

  async addUnavailability(actor: Actor, id: string, input: ExpertUnavailabilityInput): Promise<ExpertDetail> {
    this.assertManager(actor);
    await this.row(id);
    const values = { expertId: id, fromDate: input.fromDate, toDate: input.toDate, reason: input.reason.trim() };
    await this.core.db.transaction(async (tx) => {
      const [u] = await tx.insert(expertUnavailability).values(values).returning({ id: expertUnavailability.id });
      await this.touch(tx, id);
      await this.event(tx, actor, id, 'unavailable', values.reason, {
        fromDate: values.fromDate,
        toDate: values.toDate,
      });
      await recordAudit(tx, actor, {
        action: 'expert.unavailability.create',
        objectType: 'expert_unavailability',
        objectId: u?.id,
        changes: { after: values },
      });
    });
    return this.get(actor, id);
  }

  /** The full ID number and mobile; every call leaves an audit row (without the numbers). */
  async unmask(actor: Actor, id: string): Promise<ExpertUnmaskedView> {
    const [row] = await this.core.db
      .select({ idCipher: expert.idCipher, phoneCipher: expert.phoneCipher, idMasked: expert.idMasked })
      .from(expert)
      .where(eq(expert.id, id));
    if (!row) throw AppError.notFound(NOT_FOUND);
    await recordAuditEvent(this.core.db, actor, {
      action: 'expert.unmask',
      objectType: 'expert',
      objectId: id,
      changes: { idMasked: row.idMasked },
    });
    return { id, idNumber: this.core.pii.decrypt(row.idCipher), mobile: this.core.pii.decrypt(row.phoneCipher) };
  }

  /**
   * The consented experts of this city's own pool for a neighbouring city, page by page: full ID number and mobile
   * (the import on the other side checks and deduplicates them), with the source city and the consent on each row.
   */
  async *sharePages(): AsyncGenerator<string[][]> {
    let after: [string, string] | null = null;
    const cityName = this.core.regions.name(CITY_CODE);
    for (;;) {
      const c = [eq(expert.shareConsent, true), sql`${expert.sourceCity} is null`, eq(expert.status, 'appointed')];
      if (after) c.push(sql`(${expert.name}, ${expert.id}) > (${after[0]}, ${after[1]}::uuid)`);
      const rows = await this.core.db
        .select()
        .from(expert)
        .where(and(...c))
        .orderBy(expert.name, expert.id)
        .limit(EXPORT_PAGE);
      if (rows.length === 0) return;
      yield rows.map((r) => [
        r.name,
        this.core.pii.decrypt(r.idCipher),
        this.core.pii.decrypt(r.phoneCipher),
        r.workUnit,
        r.workUnitUscc ?? '',
        r.title,
        r.domains.join(','),
        r.groupName ?? '',
        r.countyCode,
        cityName,
        '本人已书面同意共享',
      ]);
      const last = rows[rows.length - 1] as (typeof rows)[number];
      after = [last.name, last.id];
    }
  }

  async shareCount(): Promise<number> {
    const [row] = await this.core.db
      .select({ n: sql<number>`count(*)::int` })
      .from(expert)
      .where(and(eq(expert.shareConsent, true), sql`${expert.sourceCity} is null`, eq(expert.status, 'appointed')));
    return row?.n ?? 0;
  }

  /**
   * Imports a neighbouring city's shared pool file: every row checked (ID check character, mobile, domain codes,
   * county, duplicates in the file and in the pool); nothing is written unless every row passes. Imported experts
   * land as applied with their source city and go through review here.
   */
  async importShared(actor: Actor, sourceCity: string, file: Buffer): Promise<{ imported: number }> {
    if (!can(actor, 'expert.share') || !actor.scope.regions.has(CITY_CODE)) throw AppError.forbidden();
    if (file.length < 4 || file[0] !== 0x50 || file[1] !== 0x4b) {
      throw AppError.validation('file', '文件内容不是有效的 Excel（.xlsx）工作簿');
    }
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
    } catch {
      throw AppError.validation('file', '无法读取 Excel 工作簿，请用专家库导出的模板');
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw AppError.validation('file', '工作簿中没有工作表');
    const header = EXPERT_SHARE_COLUMNS.map((_, i) => cellText(sheet.getRow(1).getCell(i + 1).value));
    const missing = EXPERT_SHARE_COLUMNS.filter((h, i) => header[i] !== h);
    if (missing.length) throw AppError.validation('file', `表头应为：${EXPERT_SHARE_COLUMNS.join('、')}`);
    const problems: FieldProblem[] = [];
    const rows: { rowNo: number; values: Awaited<ReturnType<ExpertService['values']>> }[] = [];
    const seen = new Map<string, number>();
    for (let rowNo = 2; rowNo <= sheet.rowCount; rowNo++) {
      const cells = EXPERT_SHARE_COLUMNS.map((_, i) => cellText(sheet.getRow(rowNo).getCell(i + 1).value));
      if (cells.every((c) => c === '')) continue;
      if (rows.length + problems.length >= MAX_IMPORT_ROWS) {
        throw AppError.validation('file', `一次最多导入 ${MAX_IMPORT_ROWS} 名专家`);
      }
      const [name, idNumber, mobile, workUnit, uscc, title, domains, groupName, countyCode] = cells as string[];
      const input: ExpertCreateInput = {
        name: name ?? '',
        idNumber: idNumber ?? '',
        mobile: mobile ?? '',
        workUnit: workUnit ?? '',
        workUnitUscc: uscc || null,
        title: title ?? '',
        domains: (domains ?? '')
          .split(/[,，、\s]+/)
          .map((d) => d.trim())
          .filter(Boolean),
        groupName: groupName || null,
        countyCode: countyCode ?? '',
        shareConsent: true,
      };
      const rowProblems: FieldProblem[] = [];
      const at = (column: string, message: string) =>
        rowProblems.push({ field: `rows.${rowNo}.${column}`, message: `第 ${rowNo} 行${column}：${message}` });
      if ((input.name as string).length < 2) at('姓名', '请填写姓名');
      if ((input.workUnit as string).length < 2) at('工作单位', '请填写工作单位');
      if ((input.title as string).length < 2) at('职称', '请填写职称');
      if (input.domains.length === 0) at('专业领域代码', '请填写专业领域代码');
      const checked = await this.checked(input, 'x.');
      const labels: Record<string, string> = {
        'x.idNumber': '身份证号码',
        'x.mobile': '手机号码',
        'x.workUnitUscc': '统一社会信用代码',
        'x.domains': '专业领域代码',
        'x.countyCode': '县区代码',
      };
      for (const p of checked.problems) at(labels[p.field] ?? p.field, p.message);
      if (checked.idNumber) {
        const first = seen.get(checked.idNumber);
        if (first) at('身份证号码', `与第 ${first} 行重复`);
        else seen.set(checked.idNumber, rowNo);
      }
      if (rowProblems.length) {
        problems.push(...rowProblems);
        continue;
      }
      rows.push({ rowNo, values: await this.values(input, checked.idNumber, checked.uscc, checked.domains) });
    }
    if (rows.length === 0 && problems.length === 0) throw AppError.validation('file', '文件中没有专家数据');
    // duplicates against the pool, by keyed hash
    if (rows.length) {
      const hashes = rows.map((r) => r.values.idHash);
      const existing = await this.core.db
        .select({ idHash: expert.idHash })
        .from(expert)
        .where(sql`${expert.idHash} = any(${sql.param(hashes)}::varchar[])`);
      const inPool = new Set(existing.map((e) => e.idHash));
      for (const r of rows) {
        if (inPool.has(r.values.idHash)) {
          problems.push({
            field: `rows.${r.rowNo}.身份证号码`,
            message: `第 ${r.rowNo} 行身份证号码：专家库中已有此人`,
          });
        }
      }
    }
    if (problems.length) {
      problems.sort((a, b) => Number(a.field.split('.')[1]) - Number(b.field.split('.')[1]));
      throw new AppError(
        'VALIDATION',
        `导入未执行：${problems.length} 处错误，请改正后重新导入。${problems
          .slice(0, 5)
          .map((p) => p.message)
          .join('；')}`,
        problems,
      );
    }
    await this.core.db.transaction(async (tx) => {
      const inserted = await tx
        .insert(expert)
        .values(rows.map((r) => ({ ...r.values, status: 'applied' as const, sourceCity })))
        .returning({ id: expert.id });
      await tx.insert(expertEvent).values(
        inserted.map((e) => ({
          expertId: e.id,
          kind: 'imported',
          actorId: actor.userId,
          actorName: actor.displayName,
          detail: { sourceCity },
        })),
      );
      await recordAudit(tx, actor, {
        action: 'expert.import',
        objectType: 'expert',
        changes: { sourceCity, count: inserted.length, idMasked: rows.map((r) => r.values.idMasked) },
      });
    });
    return { imported: rows.length };
  }

  /**
   * The daily term reminder: the bureau (users holding expert.manage) and the expert hear of a term that ends in
   * exactly one of the policy's reminder days. A reminder already sent for the same term and day is not repeated.
   */
  async remindTerms(): Promise<number> {
    const today = this.today();
    const term = await expertTerm(this.core.db, today);
    const ending = await expertsEndingOn(this.core.db, reminderEndDates(today, term.reminderDays));
    let sent = 0;
    for (const e of ending) {
      const days = daysBetween(today, e.termEnd as string);
      await this.core.db.transaction(async (tx) => {
        const [done] = await tx
          .select({ id: expertEvent.id })
          .from(expertEvent)
          .where(
            and(
              eq(expertEvent.expertId, e.id),
              eq(expertEvent.kind, 'reminder'),
              sql`${expertEvent.detail}->>'termEnd' = ${e.termEnd}`,
              sql`(${expertEvent.detail}->>'days')::int = ${days}`,
            ),
          );
        if (done) return;
        const bureau = await usersWithPermission(tx, 'expert.manage');
        const body = `专家 ${e.name} 的聘期将于 ${e.termEnd} 届满（还有 ${days} 天），请及时组织聘期考核与续聘。`;
        await notify(tx, bureau, {
          title: `专家聘期 ${days} 天后届满：${e.name}`,
          body,
          link: `/experts/${e.id}`,
          email: true,
        });
        if (e.userId) {
          await notify(tx, [e.userId], {
            title: `您的专家聘期 ${days} 天后届满`,
            body: `您在三明市工伤预防专家库的聘期将于 ${e.termEnd} 届满，请留意聘期考核安排。`,
            email: true,
          });
        }
        await tx.insert(expertEvent).values({
          expertId: e.id,
          kind: 'reminder',
          actorName: '系统',
          detail: { termEnd: e.termEnd, days },
        });
        sent++;
      });
    }
    return sent;
  }

  private async row(id: string): Promise<ExpertRow> {
    const row = await findExpert(this.core.db, id, this.today());
    if (!row) throw AppError.notFound(NOT_FOUND);
    return row;
  }

  private async touch(tx: Tx, id: string) {
    await tx
      .update(expert)
      .set({ version: sql`${expert.version} + 1`, updatedAt: new Date() })
      .where(eq(expert.id, id));
  }

  private async event(
    tx: Tx,
    actor: Actor,
    expertId: string,
    kind: string,
    reason: string | null,
    detail: Record<string, unknown>,
  ) {
    await tx.insert(expertEvent).values({
      expertId,
      kind,
      actorId: actor.userId,
      actorName: actor.displayName,
      reason,
      detail,
    });
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return String(value.result ?? '').trim();
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value).trim();
}

/** What the audit log keeps of a profile: never the plain ID number or mobile. */
function auditable(v: {
  name: string;
  idMasked: string;
  phoneMasked: string;
  workUnit: string;
  title: string;
  domains: string[];
  groupName: string | null;
  countyCode: string;
  shareConsent: boolean;
}) {
  return {
    name: v.name,
    idMasked: v.idMasked,
    phoneMasked: v.phoneMasked,
    workUnit: v.workUnit,
    title: v.title,
    domains: v.domains,
    groupName: v.groupName,
    countyCode: v.countyCode,
    shareConsent: v.shareConsent,
  };
}
