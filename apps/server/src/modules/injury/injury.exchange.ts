/**
 * Shared data sets become platform records: yjj.accident → safety_accident, rsj.recognition → injury_case,
 * wjw.od_case → disease_case. Each record is keyed by its exchange record id (source='exchange',
 * source_ref = exchange_record.id) and its natural key, so running again changes nothing; a data set is carried over
 * in one transaction after its load has committed (never half-written), and a periodic sweep retries what failed.
 */
import { diseaseEditionOn, idNumberFacts } from '@yufang/contracts';
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../core/audit/audit.js';
import type { AuditActor } from '../../core/auth/actor.js';
import type { Core } from '../../core/context.js';
import type { Tx } from '../../core/db/index.js';
import { employer } from '../../core/db/schema.js';
import { exchangeRecord } from '../exchange/exchange.schema.js';
import { accidentGradePolicy } from './injury.policy.js';
import { rosterSpell } from './injury.repo.js';
import { diseaseCategoryOf, isoOfBeijing, legalGrade, sexCode, tenureMonthsOn } from './injury.rules.js';
import { diseaseCase, injuryCase, safetyAccident } from './injury.schema.js';
import { classificationOf } from './injury.worker.js';

export const EXCHANGE_ACTOR: AuditActor = {
  userId: null,
  username: 'system:exchange',
  roles: [],
  ip: null,
  requestId: null,
};

type Row = typeof exchangeRecord.$inferSelect;
type Target = typeof safetyAccident | typeof injuryCase | typeof diseaseCase;
type SyncCore = Pick<Core, 'db' | 'pii' | 'regions'>;
type Employer = typeof employer.$inferSelect;

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** An exchange datetime without a zone is Beijing time (the sources are local systems). */
function instantOf(value: string): Date {
  return new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? value : isoOfBeijing(value));
}

/**
 * Inserts a record or, when its number exists, updates the fields `update` names — only on a record the exchange
 * wrote (a form or import record keeps its own data) and only when a value differs, so a re-push changes nothing.
 * Returns the rows written.
 */
async function upsert(
  tx: Tx,
  table: Target,
  values: Record<string, unknown>,
  key: AnyPgColumn,
  update: Record<string, unknown>,
): Promise<number> {
  const columns = Object.keys(update).map((k) => (table as unknown as Record<string, AnyPgColumn>)[k] as AnyPgColumn);
  const current = sql.join(
    columns.map((c) => sql`${c}`),
    sql`, `,
  );
  const incoming = sql.join(
    columns.map((c) => sql.raw(`excluded."${c.name}"`)),
    sql`, `,
  );
  const rows = await tx
    .insert(table)
    .values(values as never)
    .onConflictDoUpdate({
      target: key,
      set: { ...update, version: sql`${table.version} + 1`, updatedAt: new Date() } as never,
      setWhere: and(eq(table.source, 'exchange'), sql`(${current}) is distinct from (${incoming})`),
    })
    .returning({ id: table.id });
  return rows.length;
}

interface Carrier {
  target: Target;
  /** Writes one record: the platform rows it changed (0 when already up to date), or null when it cannot be
   * carried (no employer known, say). */
  write(core: SyncCore, tx: Tx, r: Row, emp: Employer | null): Promise<number | null>;
}

const accidentCarrier: Carrier = {
  target: safetyAccident,
  async write(core, tx, r, emp) {
    const d = r.data as Record<string, unknown>;
    const occurredAt = instantOf(String(d.occurred_at));
    const countyCode = str(d.county_code) ?? emp?.countyCode ?? r.regionCode;
    const facts = {
      deaths: num(d.deaths) ?? 0,
      seriousInjuries: num(d.serious_injuries) ?? 0,
      directLossFen: num(d.direct_loss),
    };
    const date = occurredAt.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const values = {
      accidentNo: String(d.accident_no),
      employerId: emp?.id ?? null,
      countyCode,
      occurredAt,
      category: String(d.category),
      ...facts,
      minorInjuries: num(d.minor_injuries) ?? 0,
      legalGrade: legalGrade(facts, await accidentGradePolicy(tx, core.regions, countyCode, date)),
      summary: str(d.summary),
      reportedByUnit: r.ownerUnit,
      source: 'exchange' as const,
      sourceRef: r.id,
      demo: r.demo,
    };
    return upsert(tx, safetyAccident, values, safetyAccident.accidentNo, values);
  },
};

const recognitionCarrier: Carrier = {
  target: injuryCase,
  async write(core, tx, r, emp) {
    const d = r.data as Record<string, unknown>;
    const secret = (r.pii as Record<string, { cipher: string; hash: string }> | null)?.id_number;
    if (!emp || !secret) return null;
    const eventDate = String(d.accident_date);
    const recognition = {
      recognitionResult: String(d.result) as 'recognised' | 'deemed' | 'not_recognised',
      recognitionDate: str(d.decided_on),
    };
    // a case already registered for this worker and day (by form or import) takes the decision
    const [known] = await tx
      .select({ id: injuryCase.id })
      .from(injuryCase)
      .where(
        and(
          eq(injuryCase.employerId, emp.id),
          eq(injuryCase.idHash, secret.hash),
          sql`(${injuryCase.occurredAt} at time zone 'Asia/Shanghai')::date = ${eventDate}::date`,
          sql`${injuryCase.source} <> 'exchange'`,
        ),
      )
      .limit(1);
    const decided = sql`(${injuryCase.recognitionResult}, ${injuryCase.recognitionDate}) is distinct from
      (${recognition.recognitionResult}, ${recognition.recognitionDate}::date)`;
    if (known) {
      const changed = await tx
        .update(injuryCase)
        .set({ ...recognition, version: sql`${injuryCase.version} + 1`, updatedAt: new Date() })
        .where(and(eq(injuryCase.id, known.id), decided))
        .returning({ id: injuryCase.id });
      return changed.length;
    }
    const spell = await rosterSpell(tx, emp.id, secret.hash, eventDate);
    const facts = idNumberFacts(core.pii.decrypt(secret.cipher));
    const values = {
      caseNo: String(d.decision_no),
      employerId: emp.id,
      ...classificationOf(emp),
      personId: spell?.id ?? null,
      // the data set carries no name: the roster's, or a placeholder a clerk replaces
      workerName: spell?.name ?? '（未在参保名册中）',
      idCipher: secret.cipher,
      idHash: secret.hash,
      idMasked: str(d.id_number),
      sex: sexCode(facts.sex),
      birthDate: facts.birthDate,
      job: spell?.job ?? null,
      tenureMonths: spell ? tenureMonthsOn(spell.insuredFrom, eventDate) : null,
      occurredAt: new Date(isoOfBeijing(`${eventDate}T00:00`)),
      accidentCategory: str(d.category),
      // the data set has no severity: recorded as minor until a clerk completes the case
      severity: 'minor' as const,
      commuting: d.injury_kind === 'traffic',
      ...recognition,
      source: 'exchange' as const,
      sourceRef: r.id,
      demo: r.demo,
    };
    return upsert(tx, injuryCase, values, injuryCase.caseNo, recognition);
  },
};

const diseaseCarrier: Carrier = {
  target: diseaseCase,
  async write(_core, tx, r, emp) {
    const d = r.data as Record<string, unknown>;
    const diagnosedOn = String(d.diagnosed_on);
    const edition = diseaseEditionOn(diagnosedOn);
    if (!emp || !edition) return null;
    const name = String(d.disease);
    const categoryNo = diseaseCategoryOf(edition.edition, name);
    const years = num(d.exposure_years);
    const values = {
      caseNo: String(d.case_no),
      employerId: emp.id,
      ...classificationOf(emp),
      workerName: '（数据共享未提供）',
      job: str(d.job),
      diagnosedOn,
      catalogueEdition: edition.edition,
      categoryNo,
      diseaseName: name,
      pneumoconiosis: categoryNo === 1 && /尘肺|矽肺|石棉肺/.test(name),
      exposureMonths: years === null ? null : years * 12,
      source: 'exchange' as const,
      sourceRef: r.id,
      demo: r.demo,
    };
    const { caseNo: _n, employerId: _e, ...changed } = values;
    return upsert(tx, diseaseCase, values, diseaseCase.caseNo, changed);
  },
};

export const CARRIERS: Record<string, Carrier> = {
  'yjj.accident': accidentCarrier,
  'rsj.recognition': recognitionCarrier,
  'wjw.od_case': diseaseCarrier,
};

/**
 * Carries the records of one data set that are new or changed since they were carried (by updated_at), in one
 * transaction with its audit row. Returns the platform rows written and the records that could not be carried.
 */
export async function syncDataSet(core: SyncCore, dataSetCode: string): Promise<{ written: number; skipped: number }> {
  const carrier = CARRIERS[dataSetCode];
  if (!carrier) return { written: 0, skipped: 0 };
  const t = carrier.target;
  return core.db.transaction(async (tx) => {
    const pending = await tx
      .select({ record: exchangeRecord, emp: employer })
      .from(exchangeRecord)
      .leftJoin(employer, eq(employer.id, exchangeRecord.employerId))
      .leftJoin(t, and(eq(t.source, 'exchange'), eq(t.sourceRef, sql`${exchangeRecord.id}::text`)))
      .where(
        and(
          eq(exchangeRecord.dataSetCode, dataSetCode),
          // the demo seed writes its own injury records (demo/injuries.ts): carrying the demo loads too would
          // count the same demo events twice
          eq(exchangeRecord.demo, false),
          or(isNull(t.id), gt(exchangeRecord.updatedAt, t.updatedAt)),
        ),
      );
    let written = 0;
    let skipped = 0;
    for (const p of pending) {
      const n = await carrier.write(core, tx, p.record, p.emp);
      if (n === null) skipped++;
      else written += n;
    }
    // records that cannot be carried are looked at again by every sweep: only a change is worth an audit row
    if (written > 0)
      await recordAudit(tx, EXCHANGE_ACTOR, {
        action: 'injury.exchange.sync',
        objectType: 'exchange_data_set',
        objectId: dataSetCode,
        changes: { written, skipped },
      });
    return { written, skipped };
  });
}

/** The sweep: every data set that feeds platform records. */
export async function syncAll(core: SyncCore): Promise<void> {
  for (const code of Object.keys(CARRIERS)) await syncDataSet(core, code);
}
