import {
  CITY_CODE,
  type MonitoringAddInput,
  type MonitoringCounts,
  type MonitoringDetail,
  type MonitoringEntryView,
  type MonitoringListQuery,
  type MonitoringOptions,
  type MonitoringReason,
} from '@yufang/contracts';
import { and, asc, desc, eq, getTableColumns, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import { scopeFilter } from '../../core/authz/scope.js';
import type { Core } from '../../core/context.js';
import { appUser, employer, userRole, userScope } from '../../core/db/schema.js';
import { AppError } from '../../core/http/errors.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';
import { beijingDate, daysBetween } from '../hazard/hazard.rules.js';
import { monitoringAction, monitoringEntry } from './monitoring.schema.js';
import { runSweep } from './monitoring.sweep.js';

const NOT_FOUND = '重点监控记录不存在或不在您的管辖范围内';
type EntryRow = typeof monitoringEntry.$inferSelect & { employerName: string };

/** The key monitoring list. `clock` is the only source of "today", so tests move time. */
export class MonitoringService {
  constructor(
    private readonly core: Core,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  today(): string {
    return beijingDate(this.clock());
  }

  private scope(actor: Actor): SQL {
    return scopeFilter(actor, { region: monitoringEntry.countyCode, employer: monitoringEntry.employerId });
  }

  private present(r: EntryRow): MonitoringEntryView {
    return {
      id: r.id,
      employerId: r.employerId,
      employerName: r.employerName,
      countyCode: r.countyCode,
      countyName: this.core.regions.name(r.countyCode),
      reason: r.reason,
      detail: r.detail,
      source: r.source,
      enteredOn: r.enteredOn,
      ownerId: r.ownerId,
      ownerName: r.ownerName,
      status: r.status,
      exitedOn: r.exitedOn,
      exitReason: r.exitReason,
      daysOnList: daysBetween(r.enteredOn, r.exitedOn ?? this.today()),
      demo: r.demo,
      version: r.version,
    };
  }

  private select() {
    return this.core.db
      .select({ ...getTableColumns(monitoringEntry), employerName: employer.name })
      .from(monitoringEntry)
      .innerJoin(employer, eq(employer.id, monitoringEntry.employerId));
  }

  private filters(actor: Actor, q: Omit<MonitoringListQuery, 'limit' | 'cursor'>): SQL[] {
    const parts: SQL[] = [this.scope(actor), eq(monitoringEntry.status, q.status)];
    if (q.countyCode) parts.push(eq(monitoringEntry.countyCode, q.countyCode));
    if (q.reason) parts.push(eq(monitoringEntry.reason, q.reason));
    if (q.ownerId) parts.push(eq(monitoringEntry.ownerId, q.ownerId));
    return parts;
  }

  /** Newest entries first, keyset on (entered_on desc, id desc). */
  async listRows(actor: Actor, q: MonitoringListQuery): Promise<EntryRow[]> {
    const { limit, cursor, ...filter } = q;
    const after = decodeCursor(cursor, 2) as [string, string] | null;
    const parts = this.filters(actor, filter);
    if (after) {
      parts.push(
        or(
          lt(monitoringEntry.enteredOn, after[0]),
          and(eq(monitoringEntry.enteredOn, after[0]), lt(monitoringEntry.id, after[1])),
        ) as SQL,
      );
    }
    return (await this.select()
      .where(and(...parts))
      .orderBy(desc(monitoringEntry.enteredOn), desc(monitoringEntry.id))
      .limit(limit + 1)) as EntryRow[];
  }

  async list(actor: Actor, q: MonitoringListQuery) {
    const rows = await this.listRows(actor, q);
    return toPage(
      rows,
      q.limit,
      (r) => [r.enteredOn, r.id],
      (r) => this.present(r),
    );
  }

  /** All pages of a filter, for the export. */
  async *pages(actor: Actor, q: MonitoringListQuery): AsyncIterable<MonitoringEntryView[]> {
    let cursor: string | undefined;
    do {
      const page = await this.list(actor, { ...q, limit: 200, cursor });
      yield page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  async counts(actor: Actor, q: { countyCode?: string; status: 'active' | 'exited' }): Promise<MonitoringCounts> {
    const rows = await this.core.db
      .select({ reason: monitoringEntry.reason, count: sql<number>`count(*)::int` })
      .from(monitoringEntry)
      .where(and(...this.filters(actor, { status: q.status, countyCode: q.countyCode })))
      .groupBy(monitoringEntry.reason);
    return {
      ...(q.countyCode ? { countyCode: q.countyCode } : {}),
      byReason: rows.map((r) => ({ reason: r.reason as MonitoringReason, count: r.count })),
      total: rows.reduce((s, r) => s + r.count, 0),
    };
  }

  async get(actor: Actor, id: string): Promise<MonitoringDetail> {
    const row = await this.row(actor, id);
    const actions = await this.core.db
      .select()
      .from(monitoringAction)
      .where(eq(monitoringAction.entryId, id))
      .orderBy(asc(monitoringAction.id));
    return {
      ...this.present(row),
      actions: actions.map((a) => ({
        id: a.id,
        at: a.at.toISOString(),
        username: a.username,
        kind: a.kind,
        note: a.note,
      })),
    };
  }

  /** Counties and the officers who may own entries, within the caller's scope. */
  async options(actor: Actor): Promise<MonitoringOptions> {
    const counties = this.core.regions
      .descendants(CITY_CODE)
      .filter((c) => c !== CITY_CODE && actor.scope.regions.has(c) && c.length === 6 && !c.endsWith('00'))
      .map((code) => ({ code, name: this.core.regions.name(code) }));
    const codes = [...actor.scope.regions];
    const owners = codes.length
      ? await this.core.db
          .selectDistinct({ id: appUser.id, name: appUser.displayName, countyCode: userScope.code })
          .from(appUser)
          .innerJoin(userScope, eq(userScope.userId, appUser.id))
          .innerJoin(userRole, eq(userRole.userId, appUser.id))
          .where(
            and(
              eq(appUser.disabled, false),
              eq(userScope.kind, 'region'),
              inArray(userScope.code, codes),
              inArray(userRole.roleCode, ['county_officer', 'city_admin']),
            ),
          )
      : [];
    return { counties, owners };
  }

  async sweep(actor?: Actor) {
    return runSweep(this.core.db, this.core.regions, this.today(), actor);
  }

  async add(actor: Actor, input: MonitoringAddInput): Promise<MonitoringDetail> {
    const [emp] = await this.core.db
      .select({ id: employer.id, countyCode: employer.countyCode })
      .from(employer)
      .where(
        and(
          eq(employer.id, input.employerId),
          scopeFilter(actor, { region: employer.countyCode, employer: employer.id }),
        ),
      );
    if (!emp) throw AppError.validation('employerId', '用人单位不存在或不在您的管辖范围内');
    const today = this.today();
    const id = await this.core.db.transaction(async (tx) => {
      const [dup] = await tx
        .select({ id: monitoringEntry.id })
        .from(monitoringEntry)
        .where(
          and(
            eq(monitoringEntry.employerId, emp.id),
            eq(monitoringEntry.reason, input.reason),
            eq(monitoringEntry.status, 'active'),
          ),
        );
      if (dup) throw AppError.validation('reason', '该用人单位已因此原因列入重点监控');
      const at = this.clock();
      const [created] = await tx
        .insert(monitoringEntry)
        .values({
          employerId: emp.id,
          countyCode: emp.countyCode,
          reason: input.reason,
          detail: input.detail,
          source: 'officer',
          enteredOn: today,
          enteredBy: actor.userId,
          status: 'active',
          demo: actor.demo,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: monitoringEntry.id });
      const entryId = (created as { id: string }).id;
      await recordAudit(tx, actor, {
        action: 'monitoring.add',
        objectType: 'monitoring_entry',
        objectId: entryId,
        changes: { after: { ...input, enteredOn: today } },
      });
      return entryId;
    });
    return this.get(actor, id);
  }

  async setOwner(actor: Actor, id: string, input: { version: number; ownerId: string }) {
    const row = await this.editable(actor, id, input.version);
    const owners = await this.options(actor);
    const owner = owners.owners.find(
      (o) => o.id === input.ownerId && (o.countyCode === row.countyCode || o.countyCode === CITY_CODE),
    );
    if (!owner) throw AppError.validation('ownerId', '负责人应为本县（市、区）的经办人员');
    await this.core.db.transaction(async (tx) => {
      await this.bump(tx, row, { ownerId: owner.id, ownerName: owner.name });
      await recordAudit(tx, actor, {
        action: 'monitoring.owner',
        objectType: 'monitoring_entry',
        objectId: id,
        changes: { before: { ownerId: row.ownerId }, after: { ownerId: owner.id, ownerName: owner.name } },
      });
    });
    return this.get(actor, id);
  }

  async addAction(actor: Actor, id: string, input: { version: number; kind: string; note: string }) {
    const row = await this.editable(actor, id, input.version);
    await this.core.db.transaction(async (tx) => {
      await this.bump(tx, row, {});
      await tx.insert(monitoringAction).values({
        entryId: id,
        at: this.clock(),
        userId: actor.userId,
        username: actor.username,
        kind: input.kind as typeof monitoringAction.$inferInsert.kind,
        note: input.note,
      });
      await recordAudit(tx, actor, {
        action: 'monitoring.action',
        objectType: 'monitoring_entry',
        objectId: id,
        changes: { kind: input.kind, note: input.note },
      });
    });
    return this.get(actor, id);
  }

  async exit(actor: Actor, id: string, input: { version: number; reason: string }) {
    const row = await this.editable(actor, id, input.version);
    await this.core.db.transaction(async (tx) => {
      await this.bump(tx, row, {
        status: 'exited',
        exitedOn: this.today(),
        exitReason: input.reason,
        exitedBy: actor.userId,
      });
      await recordAudit(tx, actor, {
        action: 'monitoring.exit',
        objectType: 'monitoring_entry',
        objectId: id,
        changes: { before: { status: 'active' }, after: { status: 'exited', exitReason: input.reason } },
      });
    });
    return this.get(actor, id);
  }

  private async bump(
    tx: Parameters<Parameters<Core['db']['transaction']>[0]>[0],
    row: EntryRow,
    set: Partial<typeof monitoringEntry.$inferInsert>,
  ) {
    const updated = await tx
      .update(monitoringEntry)
      .set({ ...set, version: row.version + 1, updatedAt: this.clock() })
      .where(and(eq(monitoringEntry.id, row.id), eq(monitoringEntry.version, row.version)))
      .returning({ id: monitoringEntry.id });
    if (updated.length === 0) throw AppError.conflict('该记录已被他人修改，请刷新后重试');
  }

  private async editable(actor: Actor, id: string, version: number): Promise<EntryRow> {
    const row = await this.row(actor, id);
    if (row.version !== version) throw AppError.conflict('该记录已被他人修改，请刷新后重试');
    if (row.status !== 'active') throw AppError.conflict('该单位已移出重点监控，不能再操作');
    return row;
  }

  private async row(actor: Actor, id: string): Promise<EntryRow> {
    const [row] = await this.select().where(and(eq(monitoringEntry.id, id), this.scope(actor)));
    if (!row) throw AppError.notFound(NOT_FOUND);
    return row as EntryRow;
  }
}
