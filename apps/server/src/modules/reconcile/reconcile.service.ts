import {
  type FindingQuery,
  type FindingStatus,
  type FindingTransition,
  type FindingView,
  RECONCILE_RULES,
  type ReconcileRule,
} from '@yufang/contracts';
import { and, desc, eq, isNotNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import type { RegionIndex } from '../../core/authz/regions.js';
import { scopeFilter } from '../../core/authz/scope.js';
import type { Core } from '../../core/context.js';
import type { Db } from '../../core/db/index.js';
import { employer, exchangeRecord, reconcileFinding } from '../../core/db/schema.js';
import { AppError } from '../../core/http/errors.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';
import { policyInForce } from '../../core/policy/policy.js';
import { latestHeadcount } from '../employer/coverage.js';
import { MARGIN_KEY, MarginPct, WINDOW_KEY, WindowDays } from './reconcile.policy.js';
import {
  type AccidentFact,
  accidentsWithoutRecognition,
  type Desired,
  type ProjectFact,
  projectsWithoutInsurance,
  type RecognitionFact,
  recognitionsWithoutAccident,
  type WorkforceFact,
  workforceExceedsInsured,
} from './reconcile.rules.js';

const NOT_FOUND = '核查事项不存在或不在您的管辖范围内';
const SYSTEM = '系统';
const ACTIVE: FindingStatus[] = ['open', 'checking'];

type FindingRow = typeof reconcileFinding.$inferSelect;
interface Note {
  at: string;
  username: string;
  from: FindingStatus | null;
  to: FindingStatus;
  note: string;
}

export function beijingToday(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** Allowed status changes; the ones into resolved/dismissed (and reopening) need a note. */
const TRANSITIONS: Record<FindingStatus, FindingStatus[]> = {
  open: ['checking', 'resolved', 'dismissed'],
  checking: ['open', 'resolved', 'dismissed'],
  resolved: ['open'],
  dismissed: ['open'],
};

async function cachedPolicy<T>(
  db: Db,
  regions: RegionIndex,
  schema: typeof WindowDays | typeof MarginPct,
  key: string,
  fallback: number,
  codes: string[],
  today: string,
): Promise<(code: string) => T> {
  const values = new Map<string, number>();
  for (const code of new Set(codes)) {
    values.set(code, ((await policyInForce(db, regions, schema, key, code, today)) as number | null) ?? fallback);
  }
  return (code: string) => (values.get(code) ?? fallback) as T;
}

const int = (field: string) => sql<number>`coalesce((${exchangeRecord.data}->>${field})::int, 0)`;

/** Computes every rule now and brings the findings in line: new ones opened, vanished ones closed. */
export async function runReconciliation(
  db: Db,
  regions: RegionIndex,
  today = beijingToday(),
): Promise<{ opened: number; closed: number; reopened: number }> {
  const accidents: AccidentFact[] = await db
    .select({
      key: exchangeRecord.naturalKey,
      uscc: exchangeRecord.employerUscc,
      employerId: exchangeRecord.employerId,
      regionCode: exchangeRecord.regionCode,
      date: exchangeRecord.eventDate,
      deaths: int('deaths'),
      serious: int('serious_injuries'),
      minor: int('minor_injuries'),
    })
    .from(exchangeRecord)
    .where(eq(exchangeRecord.dataSetCode, 'yjj.accident'));
  const recognitions: RecognitionFact[] = await db
    .select({
      key: exchangeRecord.naturalKey,
      uscc: exchangeRecord.employerUscc,
      employerId: exchangeRecord.employerId,
      regionCode: exchangeRecord.regionCode,
      date: exchangeRecord.eventDate,
      injuryKind: sql<string | null>`${exchangeRecord.data}->>'injury_kind'`,
    })
    .from(exchangeRecord)
    .where(eq(exchangeRecord.dataSetCode, 'rsj.recognition'));
  const projects: ProjectFact[] = await db
    .select({
      key: exchangeRecord.naturalKey,
      name: sql<string>`coalesce(${exchangeRecord.data}->>'project_name', '')`,
      employerId: exchangeRecord.employerId,
      regionCode: exchangeRecord.regionCode,
      insured: sql<boolean>`coalesce((${exchangeRecord.data}->>'project_insured')::boolean, false)`,
    })
    .from(exchangeRecord)
    .where(eq(exchangeRecord.dataSetCode, 'zjj.project'));
  const latest = latestHeadcount(db);
  const workforce: WorkforceFact[] = (
    await db
      .select({
        employerId: employer.id,
        name: employer.name,
        regionCode: employer.countyCode,
        workforce: employer.workforce,
        insured: latest.insured,
        month: latest.month,
      })
      .from(employer)
      .innerJoin(latest, eq(latest.employerId, employer.id))
      .where(isNotNull(employer.workforce))
  ).map((r) => ({ ...r, workforce: r.workforce ?? 0 }));

  const windowOf = await cachedPolicy<number>(
    db,
    regions,
    WindowDays,
    WINDOW_KEY,
    60,
    accidents.map((a) => a.regionCode),
    today,
  );
  const marginOf = await cachedPolicy<number>(
    db,
    regions,
    MarginPct,
    MARGIN_KEY,
    10,
    workforce.map((w) => w.regionCode),
    today,
  );
  const desired: Desired[] = [
    ...accidentsWithoutRecognition(accidents, recognitions, windowOf, today),
    ...recognitionsWithoutAccident(recognitions, accidents),
    ...workforceExceedsInsured(workforce, marginOf),
    ...projectsWithoutInsurance(projects),
  ];
  return syncFindings(db, desired);
}

async function syncFindings(db: Db, desired: Desired[]) {
  const existing = await db
    .select({
      id: reconcileFinding.id,
      rule: reconcileFinding.rule,
      subjectKey: reconcileFinding.subjectKey,
      status: reconcileFinding.status,
      autoClosed: reconcileFinding.autoClosed,
      notes: reconcileFinding.notes,
    })
    .from(reconcileFinding);
  const id = (rule: string, key: string) => `${rule}\u0000${key}`;
  const byKey = new Map(existing.map((e) => [id(e.rule, e.subjectKey), e]));
  const wanted = new Set(desired.map((d) => id(d.rule, d.subjectKey)));
  const at = new Date();
  const note = (from: FindingStatus | null, to: FindingStatus, text: string): Note => ({
    at: at.toISOString(),
    username: SYSTEM,
    from,
    to,
    note: text,
  });
  let opened = 0;
  let closed = 0;
  let reopened = 0;
  await db.transaction(async (tx) => {
    const fresh = desired.filter((d) => !byKey.has(id(d.rule, d.subjectKey)));
    for (let i = 0; i < fresh.length; i += 500) {
      const rows = await tx
        .insert(reconcileFinding)
        .values(
          fresh
            .slice(i, i + 500)
            .map((d) => ({ ...d, notes: [note(null, 'open', `核查规则“${RECONCILE_RULES[d.rule]}”发现`)] })),
        )
        .onConflictDoNothing()
        .returning({ id: reconcileFinding.id });
      opened += rows.length;
    }
    for (const e of existing) {
      const present = wanted.has(id(e.rule, e.subjectKey));
      const notes = e.notes as Note[];
      if (!present && ACTIVE.includes(e.status)) {
        await tx
          .update(reconcileFinding)
          .set({
            status: 'resolved',
            autoClosed: true,
            notes: [...notes, note(e.status, 'resolved', '引起该事项的数据已不存在或已一致，系统自动关闭')],
            version: sql`${reconcileFinding.version} + 1`,
            updatedAt: at,
          })
          .where(and(eq(reconcileFinding.id, e.id), eq(reconcileFinding.status, e.status)));
        closed++;
      } else if (present && e.autoClosed && e.status === 'resolved') {
        await tx
          .update(reconcileFinding)
          .set({
            status: 'open',
            autoClosed: false,
            notes: [...notes, note('resolved', 'open', '不一致再次出现，系统重新打开')],
            version: sql`${reconcileFinding.version} + 1`,
            updatedAt: at,
          })
          .where(eq(reconcileFinding.id, e.id));
        reopened++;
      }
    }
  });
  return { opened, closed, reopened };
}

export class ReconcileService {
  constructor(private readonly core: Core) {}

  run(today?: string) {
    return runReconciliation(this.core.db, this.core.regions, today);
  }

  private present(actor: Actor, r: FindingRow & { employerName: string | null }): FindingView {
    return {
      id: r.id,
      rule: r.rule as ReconcileRule,
      subjectKey: r.subjectKey,
      dataSetCode: r.dataSetCode,
      recordKey: r.recordKey,
      employerId: r.employerId,
      employerName: r.employerName,
      countyCode: r.regionCode,
      countyName: this.core.regions.name(r.regionCode),
      ownerUnit: r.ownerUnit,
      summary: r.summary,
      status: r.status,
      notes: r.notes as Note[],
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      can: { update: actor.permissions.has('reconcile.update') },
    };
  }

  private select(actor: Actor, where: (SQL | undefined)[]) {
    return this.core.db
      .select({ f: reconcileFinding, employerName: employer.name })
      .from(reconcileFinding)
      .leftJoin(employer, eq(employer.id, reconcileFinding.employerId))
      .where(
        and(scopeFilter(actor, { region: reconcileFinding.regionCode, unit: reconcileFinding.ownerUnit }), ...where),
      );
  }

  async list(actor: Actor, query: FindingQuery) {
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const rows = await this.select(actor, [
      query.rule ? eq(reconcileFinding.rule, query.rule) : undefined,
      query.status ? eq(reconcileFinding.status, query.status) : undefined,
      query.countyCode ? eq(reconcileFinding.regionCode, query.countyCode) : undefined,
      after
        ? or(
            lt(reconcileFinding.createdAt, new Date(after[0])),
            and(eq(reconcileFinding.createdAt, new Date(after[0])), lt(reconcileFinding.id, after[1])),
          )
        : undefined,
    ])
      .orderBy(desc(reconcileFinding.createdAt), desc(reconcileFinding.id))
      .limit(query.limit + 1);
    return toPage(
      rows,
      query.limit,
      (r) => [r.f.createdAt.toISOString(), r.f.id],
      (r) => this.present(actor, { ...r.f, employerName: r.employerName }),
    );
  }

  async get(actor: Actor, id: string): Promise<FindingView> {
    const [r] = await this.select(actor, [eq(reconcileFinding.id, id)]);
    if (!r) throw AppError.notFound(NOT_FOUND);
    return this.present(actor, { ...r.f, employerName: r.employerName });
  }

  /** Moves a finding through its statuses: a stale version is a conflict; resolving, dismissing, reopening need a note. */
  async transition(actor: Actor, id: string, input: FindingTransition): Promise<FindingView> {
    const before = await this.get(actor, id);
    if (before.version !== input.version) throw AppError.conflict('该核查事项已被他人处理，请刷新后重试');
    if (!TRANSITIONS[before.status].includes(input.status)) {
      throw AppError.validation('status', `不能从“${before.status}”改为“${input.status}”`);
    }
    const needsNote = input.status !== 'checking';
    if (needsNote && !input.note) throw AppError.validation('note', '请填写处理说明');
    const notes: Note[] = [
      ...before.notes,
      {
        at: new Date().toISOString(),
        username: actor.username,
        from: before.status,
        to: input.status,
        note: input.note,
      },
    ];
    await this.core.db.transaction(async (tx) => {
      const updated = await tx
        .update(reconcileFinding)
        .set({
          status: input.status,
          notes,
          autoClosed: false,
          version: sql`${reconcileFinding.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(reconcileFinding.id, id), eq(reconcileFinding.version, input.version)))
        .returning({ id: reconcileFinding.id });
      if (updated.length === 0) throw AppError.conflict('该核查事项已被他人处理，请刷新后重试');
      await recordAudit(tx, actor, {
        action: 'reconcile.finding.transition',
        objectType: 'reconcile_finding',
        objectId: id,
        changes: { before: { status: before.status }, after: { status: input.status }, note: input.note },
      });
    });
    return this.get(actor, id);
  }
}
