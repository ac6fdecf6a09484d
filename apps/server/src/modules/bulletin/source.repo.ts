import type { BulletinSourceKind } from '@yufang/contracts';
import { type AnyColumn, and, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { scopeFilter } from '../../core/authz/scope.js';
import type { Db } from '../../core/db/index.js';
import { employer } from '../../core/db/schema.js';
import { likeFragment } from '../employer/employer.repo.js';
import { diseaseCase, injuryCase, safetyAccident } from '../injury/injury.schema.js';

const localDate = (column: AnyColumn) => sql<string>`(${column} at time zone 'Asia/Shanghai')::date::text`;

/** The columns every source kind shares: the picker lists them, the similar-case count filters on them. */
function columnsOf(kind: BulletinSourceKind) {
  if (kind === 'injury') {
    return {
      table: injuryCase,
      id: injuryCase.id,
      caseNo: injuryCase.caseNo,
      countyCode: injuryCase.countyCode,
      employerId: injuryCase.employerId,
      date: localDate(injuryCase.occurredAt),
      industryCode: sql<string | null>`${injuryCase.industryCode}`,
      category: sql<string | null>`${injuryCase.accidentCategory}`,
      detail: sql<string | null>`${injuryCase.severity}`,
    };
  }
  if (kind === 'disease') {
    return {
      table: diseaseCase,
      id: diseaseCase.id,
      caseNo: diseaseCase.caseNo,
      countyCode: diseaseCase.countyCode,
      employerId: diseaseCase.employerId,
      date: sql<string>`${diseaseCase.diagnosedOn}::text`,
      industryCode: sql<string | null>`${diseaseCase.industryCode}`,
      category: sql<string | null>`null`,
      detail: sql<string | null>`${diseaseCase.diseaseName}`,
    };
  }
  return {
    table: safetyAccident,
    id: safetyAccident.id,
    caseNo: safetyAccident.accidentNo,
    countyCode: safetyAccident.countyCode,
    employerId: safetyAccident.employerId,
    date: localDate(safetyAccident.occurredAt),
    // an accident has no classification of its own: the employer's is used
    industryCode: sql<string | null>`${employer.industryCode}`,
    category: sql<string | null>`${safetyAccident.category}`,
    detail: sql<string | null>`${safetyAccident.legalGrade}`,
  };
}

export interface SourceRow {
  id: string;
  caseNo: string;
  date: string;
  countyCode: string;
  employerName: string | null;
  industryCode: string | null;
  /** GB 6441 category code (injuries, accidents). */
  category: string | null;
  /** Severity code (injury), legal grade code (accident) or the disease name. */
  detail: string | null;
}

/** Cases in the caller's scope (by the case's county), newest first, optionally matched on number or employer. */
export async function listSources(
  db: Db,
  actor: Actor,
  kind: BulletinSourceKind,
  q: string | undefined,
  after: [string, string] | null,
  take: number,
): Promise<SourceRow[]> {
  const c = columnsOf(kind);
  const conditions: SQL[] = [scopeFilter(actor, { region: c.countyCode })];
  if (q) conditions.push(or(ilike(c.caseNo, likeFragment(q)), ilike(employer.name, likeFragment(q))) as SQL);
  if (after) conditions.push(sql`(${c.date}, ${c.id}::text) < (${after[0]}, ${after[1]})`);
  return db
    .select({
      id: c.id,
      caseNo: c.caseNo,
      date: c.date,
      countyCode: c.countyCode,
      employerName: employer.name,
      industryCode: c.industryCode,
      category: c.category,
      detail: c.detail,
    })
    .from(c.table)
    .leftJoin(employer, eq(employer.id, c.employerId))
    .where(and(...conditions))
    .orderBy(desc(c.date), desc(sql`${c.id}::text`))
    .limit(take);
}

/** A case with everything the de-identification needs (and the sensitive terms it must keep out), in scope. */
export async function findSource(db: Db, actor: Actor, kind: BulletinSourceKind, id: string) {
  return kind === 'accident' ? findAccident(db, actor, id) : findCase(db, actor, kind, id);
}

const EMPTY = {
  workerNames: [] as string[],
  place: null,
  sex: null,
  birthDate: null,
  job: null,
  severity: null,
  accidentCategory: null,
  injuryNature: null,
  bodyPart: null,
  diseaseName: null,
  stage: null,
  exposureMonths: null,
  hazardFactor: null,
  deaths: null,
  seriousInjuries: null,
  minorInjuries: null,
  legalGrade: null,
};

async function findCase(db: Db, actor: Actor, kind: 'injury' | 'disease', id: string) {
  if (kind === 'injury') {
    const t = injuryCase;
    const [r] = await db
      .select({ c: t, employerName: employer.name, employerSize: employer.size })
      .from(t)
      .innerJoin(employer, eq(employer.id, t.employerId))
      .where(and(eq(t.id, id), scopeFilter(actor, { region: t.countyCode })));
    if (!r) return null;
    const c = r.c;
    return {
      ...EMPTY,
      kind,
      id: c.id,
      countyCode: c.countyCode,
      employerId: c.employerId,
      employerName: r.employerName,
      employerSize: r.employerSize,
      industryCode: c.industryCode,
      date: c.occurredAt.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }),
      workerNames: [c.workerName],
      place: c.place,
      sex: c.sex,
      birthDate: c.birthDate,
      job: c.job,
      severity: c.severity,
      accidentCategory: c.accidentCategory,
      injuryNature: c.injuryNature,
      bodyPart: c.bodyPart,
    };
  }
  const t = diseaseCase;
  const [r] = await db
    .select({ c: t, employerName: employer.name, employerSize: employer.size })
    .from(t)
    .innerJoin(employer, eq(employer.id, t.employerId))
    .where(and(eq(t.id, id), scopeFilter(actor, { region: t.countyCode })));
  if (!r) return null;
  const c = r.c;
  return {
    ...EMPTY,
    kind,
    id: c.id,
    countyCode: c.countyCode,
    employerId: c.employerId,
    employerName: r.employerName,
    employerSize: r.employerSize,
    industryCode: c.industryCode,
    date: c.diagnosedOn,
    workerNames: [c.workerName],
    sex: c.sex,
    birthDate: c.birthDate,
    job: c.job,
    diseaseName: c.diseaseName,
    stage: c.stage,
    exposureMonths: c.exposureMonths,
    hazardFactor: c.hazardFactor,
  };
}

async function findAccident(db: Db, actor: Actor, id: string) {
  const t = safetyAccident;
  const [r] = await db
    .select({ c: t, employerName: employer.name, employerSize: employer.size, industryCode: employer.industryCode })
    .from(t)
    .leftJoin(employer, eq(employer.id, t.employerId))
    .where(and(eq(t.id, id), scopeFilter(actor, { region: t.countyCode })));
  if (!r) return null;
  const c = r.c;
  // the injured of the accident are named on their injury cases: the text check must know those names too
  const workers = await db
    .select({ name: injuryCase.workerName, place: injuryCase.place })
    .from(injuryCase)
    .where(eq(injuryCase.accidentId, id));
  return {
    ...EMPTY,
    kind: 'accident' as const,
    id: c.id,
    countyCode: c.countyCode,
    employerId: c.employerId,
    employerName: r.employerName,
    employerSize: r.employerSize,
    industryCode: r.industryCode,
    date: c.occurredAt.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }),
    workerNames: workers.map((w) => w.name),
    place: workers.find((w) => w.place)?.place ?? null,
    accidentCategory: c.category,
    deaths: c.deaths,
    seriousInjuries: c.seriousInjuries,
    minorInjuries: c.minorInjuries,
    legalGrade: c.legalGrade,
  };
}

/** Cases of the same kind, county and industry division in the `years` before the event (the event included). */
export async function countSimilar(
  db: Db,
  kind: BulletinSourceKind,
  source: { countyCode: string; industryCode: string | null; date: string },
  years: number,
): Promise<number> {
  if (!source.industryCode) return 0;
  const c = columnsOf(kind);
  const from = `${Number(source.date.slice(0, 4)) - years}${source.date.slice(4)}`;
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(c.table)
    .leftJoin(employer, eq(employer.id, c.employerId))
    .where(
      and(
        eq(c.countyCode, source.countyCode),
        sql`${c.industryCode} = ${source.industryCode}`,
        sql`${c.date} between ${from} and ${source.date}`,
      ),
    );
  return r?.n ?? 0;
}
