import {
  idNumberFacts,
  maskIdNumber,
  type PersonCreateInput,
  type PersonFilter,
  type PersonListQuery,
  type PersonUpdateInput,
  type PersonView,
  type UnmaskedIdView,
} from '@yufang/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit, recordAuditEvent } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import type { Core } from '../../core/context.js';
import { AppError } from '../../core/http/errors.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';
import { insuredPerson } from './employer.schema.js';
import { presentPerson } from './person.presenter.js';
import {
  employerInScope,
  findCipherInScope,
  findPersonInScope,
  findSpell,
  listPersonsInScope,
  type PersonRow,
} from './person.repo.js';
import { normalisedIdNumber, todayInSanming } from './person.rules.js';

const NOT_FOUND = '参保职工不存在或不在您的管辖范围内';
const DUPLICATE = '该职工在本单位已有同一参保日期的参保记录（身份证号码与参保日期重复）';
const STALE = '该参保职工记录已被他人修改，请刷新后重试';
const EXPORT_PAGE = 1000;

/** The columns that follow from an ID number: ciphertext, keyed hash, masked form, sex and birth date. */
function idColumns(core: Core, idNumber: string) {
  return {
    idCipher: core.pii.encrypt(idNumber),
    idHash: core.pii.hash(idNumber),
    idMasked: maskIdNumber(idNumber),
    ...idNumberFacts(idNumber),
  };
}

/** What the audit log keeps of a person: never the plain ID number, only its masked form. */
function auditable(p: {
  idMasked: string;
  name: string;
  sex: string;
  birthDate: string;
  job: string | null;
  keyRole: string;
  insuredFrom: string;
  insuredTo: string | null;
}) {
  return {
    idMasked: p.idMasked,
    name: p.name,
    sex: p.sex,
    birthDate: p.birthDate,
    job: p.job,
    keyRole: p.keyRole,
    insuredFrom: p.insuredFrom,
    insuredTo: p.insuredTo,
  };
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

export class PersonService {
  constructor(private readonly core: Core) {}

  /** Insured persons in the caller's scope, by name; `idNumber` finds one number exactly through its keyed hash. */
  async list(actor: Actor, query: PersonListQuery) {
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const today = todayInSanming();
    const idHash = query.idNumber ? this.core.pii.hash(normalisedIdNumber(query.idNumber, false)) : undefined;
    const rows = await listPersonsInScope(this.core.db, actor, query, { idHash, today }, after);
    return toPage(
      rows,
      query.limit,
      (r) => [r.name, r.id],
      (r) => presentPerson(actor, r, today),
    );
  }

  /** All persons matching the filter in the caller's scope, page by page (name, id), for the export. */
  async *pages(actor: Actor, filter: PersonFilter): AsyncGenerator<PersonView[]> {
    const today = todayInSanming();
    const idHash = filter.idNumber ? this.core.pii.hash(normalisedIdNumber(filter.idNumber, false)) : undefined;
    let after: [string, string] | null = null;
    for (;;) {
      const rows = await listPersonsInScope(
        this.core.db,
        actor,
        { ...filter, limit: EXPORT_PAGE - 1 },
        { idHash, today },
        after,
      );
      if (rows.length === 0) return;
      yield rows.map((r) => presentPerson(actor, r, today));
      const last = rows[rows.length - 1] as PersonRow;
      after = [last.name, last.id];
    }
  }

  async get(actor: Actor, id: string): Promise<PersonView> {
    return presentPerson(actor, await this.find(actor, id), todayInSanming());
  }

  /** Adds an insured person to an employer in scope; sex and birth date come from the ID number. */
  async create(actor: Actor, input: PersonCreateInput): Promise<PersonView> {
    const { db } = this.core;
    const owner = await employerInScope(db, actor, input.employerId);
    if (!owner) throw AppError.validation('employerId', '所属用人单位不存在或超出您的管辖范围');
    const idNumber = normalisedIdNumber(input.idNumber, input.convertLegacyId);
    const values = {
      employerId: owner.id,
      ...idColumns(this.core, idNumber),
      name: input.name,
      job: input.job || null,
      keyRole: input.keyRole,
      insuredFrom: input.insuredFrom,
      insuredTo: input.insuredTo,
    };
    try {
      const id = await db.transaction(async (tx) => {
        if (await findSpell(tx, values)) throw AppError.conflict(DUPLICATE);
        const [row] = await tx.insert(insuredPerson).values(values).returning({ id: insuredPerson.id });
        const personId = (row as { id: string }).id;
        await recordAudit(tx, actor, {
          action: 'employer.person.create',
          objectType: 'insured_person',
          objectId: personId,
          changes: { after: { employerId: owner.id, ...auditable(values) } },
        });
        return personId;
      });
      return this.get(actor, id);
    } catch (error) {
      if (isUniqueViolation(error)) throw AppError.conflict(DUPLICATE);
      throw error;
    }
  }

  /** Corrects a person's record; a stale `version` gets 409 rather than overwriting someone else's change. */
  async update(actor: Actor, id: string, input: PersonUpdateInput): Promise<PersonView> {
    const { db } = this.core;
    const before = await this.find(actor, id);
    if (before.version !== input.version) throw AppError.conflict(STALE);
    // no ID number in the input keeps the stored one (the form only ever shows it masked)
    const idNumber = input.idNumber === undefined ? null : normalisedIdNumber(input.idNumber, input.convertLegacyId);
    const idHash = idNumber ? this.core.pii.hash(idNumber) : before.idHash;
    const ids = idNumber && idHash !== before.idHash ? idColumns(this.core, idNumber) : {};
    const changes = {
      ...ids,
      name: input.name,
      job: input.job || null,
      keyRole: input.keyRole,
      insuredFrom: input.insuredFrom,
      insuredTo: input.insuredTo,
    };
    const after = { ...before, ...changes };
    try {
      await db.transaction(async (tx) => {
        const spell = await findSpell(tx, { employerId: before.employerId, idHash, insuredFrom: input.insuredFrom });
        if (spell && spell.id !== id) throw AppError.conflict(DUPLICATE);
        const updated = await tx
          .update(insuredPerson)
          .set({ ...changes, version: sql`${insuredPerson.version} + 1` })
          .where(and(eq(insuredPerson.id, id), eq(insuredPerson.version, input.version)))
          .returning({ id: insuredPerson.id });
        if (updated.length === 0) throw AppError.conflict(STALE);
        await recordAudit(tx, actor, {
          action: 'employer.person.update',
          objectType: 'insured_person',
          objectId: id,
          changes: diff(auditable(before), auditable(after)),
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw AppError.conflict(DUPLICATE);
      throw error;
    }
    return this.get(actor, id);
  }

  /** The full ID number of one person in scope; every call leaves an audit row (without the number). */
  async unmask(actor: Actor, id: string): Promise<UnmaskedIdView> {
    const row = await findCipherInScope(this.core.db, actor, id);
    if (!row) throw AppError.notFound(NOT_FOUND);
    const idNumber = this.core.pii.decrypt(row.idCipher);
    await recordAuditEvent(this.core.db, actor, {
      action: 'employer.person.unmask',
      objectType: 'insured_person',
      objectId: id,
      changes: { employerId: row.employerId, idMasked: row.idMasked },
    });
    return { id, idNumber };
  }

  private async find(actor: Actor, id: string): Promise<PersonRow> {
    const row = await findPersonInScope(this.core.db, actor, id);
    if (!row) throw AppError.notFound(NOT_FOUND);
    return row;
  }
}

/** Only the fields that changed, before and after. */
function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (before[key] !== after[key]) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
