import { randomBytes } from 'node:crypto';
import { idNumberFacts, maskIdNumber, type WorkerLookupView } from '@yufang/contracts';
import type { Actor } from '../../core/auth/actor.js';
import type { Core } from '../../core/context.js';
import type { Db, Tx } from '../../core/db/index.js';
import type { employer } from '../../core/db/schema.js';
import { AppError } from '../../core/http/errors.js';
import { employerInScope, rosterSpell } from './injury.repo.js';
import { ageOn, sexCode, tenureMonthsOn } from './injury.rules.js';

type EmployerRow = typeof employer.$inferSelect;

/** The employer a case is recorded for: it must be in the caller's scope (else it does not exist for them). */
export async function caseEmployer(db: Db, actor: Actor, employerId: string): Promise<EmployerRow> {
  const row = await employerInScope(db, actor, employerId);
  if (!row) throw AppError.validation('employerId', '用人单位不存在或不在您的管辖范围内');
  return row;
}

/** The employer's classification and county at the time of the event, copied onto the case. */
export function classificationOf(e: EmployerRow) {
  return {
    countyCode: e.countyCode,
    industryCode: e.industryCode,
    industryGroup: e.industryGroup,
    riskClass: e.riskClass,
    keyIndustry: e.keyIndustry,
    dustHazard: e.dustHazard,
  };
}

/** The ID-number columns of a case: ciphertext, keyed hash, masked form; sex and birth date read from it. */
export function idColumns(core: Pick<Core, 'pii'>, idNumber: string) {
  const facts = idNumberFacts(idNumber);
  return {
    idCipher: core.pii.encrypt(idNumber),
    idHash: core.pii.hash(idNumber),
    idMasked: maskIdNumber(idNumber),
    sex: sexCode(facts.sex),
    birthDate: facts.birthDate,
  };
}

/**
 * The roster facts of a worker at the employer on the event date: the insured person, the job on the roster (when
 * the form leaves it empty) and the tenure of the insured spell.
 */
export async function rosterFacts(db: Db, employerId: string, idHash: string, eventDate: string) {
  const spell = await rosterSpell(db, employerId, idHash, eventDate);
  if (!spell) return { personId: null, rosterName: null, rosterJob: null, tenureMonths: null };
  return {
    personId: spell.id,
    rosterName: spell.name,
    rosterJob: spell.job,
    tenureMonths: tenureMonthsOn(spell.insuredFrom, eventDate),
  };
}

/** The look-up behind the form: the worker in the employer's roster, by ID number (keyed hash). */
export async function lookUpWorker(
  core: Core,
  actor: Actor,
  input: { employerId: string; idNumber: string; on: string },
): Promise<WorkerLookupView> {
  await caseEmployer(core.db, actor, input.employerId);
  const spell = await rosterSpell(core.db, input.employerId, core.pii.hash(input.idNumber), input.on);
  if (!spell) return { person: null };
  return {
    person: {
      id: spell.id,
      name: spell.name,
      sex: sexCode(spell.sex),
      birthDate: spell.birthDate,
      age: ageOn(spell.birthDate, input.on),
      job: spell.job,
      insuredFrom: spell.insuredFrom,
      tenureMonths: tenureMonthsOn(spell.insuredFrom, input.on),
    },
  };
}

/** A platform number for a record that has none yet (e.g. a case not decided): prefix, Beijing date, random part. */
export function newRecordNo(prefix: string, date: string): string {
  return `${prefix}${date.replaceAll('-', '')}-${randomBytes(3).toString('hex').toUpperCase()}`;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** A write whose unique record number may already exist: that is the caller's conflict, not a server error. */
export async function transactUnique<T>(db: Db, duplicate: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(work);
  } catch (error) {
    if (isUniqueViolation(error)) throw AppError.conflict(duplicate);
    throw error;
  }
}

/**
 * What the audit log keeps of a record: never the ciphertext or the keyed hash of an ID number, nor the
 * bookkeeping columns.
 */
export function auditable<T extends Record<string, unknown>>(row: T) {
  const { idCipher: _c, idHash: _h, createdAt: _a, updatedAt: _u, version: _v, ...rest } = row;
  return rest;
}
