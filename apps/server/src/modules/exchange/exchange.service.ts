import { randomUUID } from 'node:crypto';
import {
  CITY_CODE,
  type DataSetDetail,
  type DataSetView,
  type ExchangeField,
  type LoadView,
  maskIdNumber,
  type RecordQuery,
  type RecordView,
  type RowError,
  type TokenCreateInput,
  type TokenView,
  UNITS,
} from '@yufang/contracts';
import { and, asc, count, desc, eq, gt, gte, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import type { Actor, AuditActor } from '../../core/auth/actor.js';
import { hashExchangeToken, newExchangeToken } from '../../core/auth/exchange-client.js';
import { scopeFilter } from '../../core/authz/scope.js';
import type { Core } from '../../core/context.js';
import { employer } from '../../core/db/schema.js';
import { AppError } from '../../core/http/errors.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';
import { CODE_TABLES, definitionOf } from './exchange.catalog.js';
import { MAX_STORED_ERRORS, validateLoad } from './exchange.rules.js';
import {
  exchangeDataSet,
  exchangeLoad,
  exchangeRecord,
  exchangeSchemaVersion,
  exchangeToken,
} from './exchange.schema.js';

const NOT_FOUND = '数据集不存在';
const CHUNK = 500;
const DAY = 86_400_000;

export interface LoadRequest {
  dataSetCode: string;
  rows: { row: number; record: Record<string, unknown> }[];
  source: 'api' | 'upload' | 'demo';
  tokenId?: string | null;
  tokenName?: string | null;
  userId?: string | null;
  username?: string | null;
  fileName?: string | null;
  demo?: boolean;
}

type LoadRow = typeof exchangeLoad.$inferSelect;

function presentLoad(r: LoadRow): LoadView {
  return {
    id: r.id,
    dataSetCode: r.dataSetCode,
    schemaVersion: r.schemaVersion,
    source: r.source,
    tokenId: r.tokenId,
    tokenName: r.tokenName,
    username: r.username,
    fileName: r.fileName,
    at: r.at.toISOString(),
    received: r.received,
    inserted: r.inserted,
    updated: r.updated,
    rejected: r.rejected,
    status: r.status,
    errors: r.errors as RowError[],
    demo: r.demo,
  };
}

function presentToken(t: typeof exchangeToken.$inferSelect): TokenView {
  return {
    id: t.id,
    name: t.name,
    system: t.system,
    unitCode: t.unitCode,
    dataSets: t.dataSets,
    prefix: t.prefix,
    createdBy: t.createdBy,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

/** The units whose data sets an actor manages: their unit scope; a city-wide scope (joint-meeting office) all. */
export function managedUnits(actor: Actor): Set<string> {
  if (actor.scope.regions.has(CITY_CODE)) return new Set(UNITS.map((u) => u.code));
  return new Set(actor.scope.units);
}

/** Raised by a refused load: the load summary goes back to the caller with the error. */
export class LoadRejected extends AppError {
  constructor(readonly load: LoadView) {
    const first = load.errors[0];
    super(
      'VALIDATION',
      `数据未通过校验，本批 ${load.received} 条均未写入（${load.rejected} 行有错误）${first ? `：${first.message}` : ''}`,
      load.errors.slice(0, 20).map((e) => ({ field: e.field, message: e.message })),
    );
  }
}

export class ExchangeService {
  /** Called after every successful load (reconciliation), outside the load's transaction. */
  afterLoad: ((dataSetCode: string) => Promise<void>) | null = null;

  constructor(private readonly core: Pick<Core, 'db' | 'pii' | 'regions'>) {}

  private async dataSet(code: string) {
    const [row] = await this.core.db.select().from(exchangeDataSet).where(eq(exchangeDataSet.code, code));
    if (!row) throw AppError.notFound(NOT_FOUND);
    return row;
  }

  async catalogue(actor: Actor): Promise<DataSetView[]> {
    const { db } = this.core;
    const sets = await db
      .select()
      .from(exchangeDataSet)
      .orderBy(asc(exchangeDataSet.ownerUnit), asc(exchangeDataSet.code));
    const counts = await db
      .select({ code: exchangeRecord.dataSetCode, n: count() })
      .from(exchangeRecord)
      .groupBy(exchangeRecord.dataSetCode);
    const last = await db
      .select({
        code: exchangeLoad.dataSetCode,
        lastAt: sql<string | null>`max(${exchangeLoad.at})`,
        lastOk: sql<string | null>`max(${exchangeLoad.at}) filter (where ${exchangeLoad.status} = 'succeeded')`,
      })
      .from(exchangeLoad)
      .groupBy(exchangeLoad.dataSetCode);
    const lastStatus = await db
      .selectDistinctOn([exchangeLoad.dataSetCode], { code: exchangeLoad.dataSetCode, status: exchangeLoad.status })
      .from(exchangeLoad)
      .orderBy(exchangeLoad.dataSetCode, desc(exchangeLoad.at));
    const units = managedUnits(actor);
    const canLoad = actor.permissions.has('exchange.load');
    const canRead = actor.permissions.has('exchange.record.read');
    return sets.map((s) => {
      const l = last.find((x) => x.code === s.code);
      const lastOk = l?.lastOk ? new Date(l.lastOk) : null;
      return {
        code: s.code,
        name: s.name,
        description: s.description,
        ownerUnit: s.ownerUnit,
        ownerUnitName: UNITS.find((u) => u.code === s.ownerUnit)?.shortName ?? s.ownerUnit,
        currentVersion: s.currentVersion,
        recordCount: Number(counts.find((c) => c.code === s.code)?.n ?? 0),
        lastLoadAt: l?.lastAt ? new Date(l.lastAt).toISOString() : null,
        lastLoadStatus: lastStatus.find((x) => x.code === s.code)?.status ?? null,
        lastSuccessAt: lastOk?.toISOString() ?? null,
        ageDays: lastOk ? Math.floor((Date.now() - lastOk.getTime()) / DAY) : null,
        can: { load: canLoad && units.has(s.ownerUnit), readRecords: canRead },
      };
    });
  }

  async detail(actor: Actor, code: string): Promise<DataSetDetail> {
    const view = (await this.catalogue(actor)).find((d) => d.code === code);
    if (!view) throw AppError.notFound(NOT_FOUND);
    const versions = await this.core.db
      .select()
      .from(exchangeSchemaVersion)
      .where(eq(exchangeSchemaVersion.dataSetCode, code))
      .orderBy(desc(exchangeSchemaVersion.version));
    const fields = versions.flatMap((v) => v.fields as ExchangeField[]);
    const tables = [...new Set(fields.map((x) => x.codeTable).filter((x): x is string => !!x))];
    return {
      ...view,
      versions: versions.map((v) => ({
        version: v.version,
        fields: v.fields as ExchangeField[],
        naturalKey: v.naturalKey,
        createdAt: v.createdAt.toISOString(),
      })),
      codeTables: Object.fromEntries(tables.map((t) => [t, CODE_TABLES[t] ?? []])),
    };
  }

  async loads(code: string, query: { limit: number; cursor?: string }) {
    await this.dataSet(code);
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const rows = await this.core.db
      .select()
      .from(exchangeLoad)
      .where(
        and(
          eq(exchangeLoad.dataSetCode, code),
          after
            ? or(
                lt(exchangeLoad.at, new Date(after[0])),
                and(eq(exchangeLoad.at, new Date(after[0])), lt(exchangeLoad.id, after[1])),
              )
            : undefined,
        ),
      )
      .orderBy(desc(exchangeLoad.at), desc(exchangeLoad.id))
      .limit(query.limit + 1);
    return toPage(rows, query.limit, (r) => [r.at.toISOString(), r.id], presentLoad);
  }

  /** Records of a data set in the caller's scope: the owner unit, or the region (county / city) of the record. */
  async records(actor: Actor, code: string, query: RecordQuery) {
    await this.dataSet(code);
    const after = decodeCursor(query.cursor, 1) as [string] | null;
    const where: (SQL | undefined)[] = [
      eq(exchangeRecord.dataSetCode, code),
      scopeFilter(actor, { region: exchangeRecord.regionCode, unit: exchangeRecord.ownerUnit }),
      query.countyCode ? eq(exchangeRecord.regionCode, query.countyCode) : undefined,
      query.uscc ? eq(exchangeRecord.employerUscc, query.uscc.toUpperCase()) : undefined,
      query.key ? sql`${exchangeRecord.naturalKey} like ${`%${query.key.replace(/[%_\\]/g, '\\$&')}%`}` : undefined,
      query.from ? gte(exchangeRecord.eventDate, query.from) : undefined,
      query.to ? lte(exchangeRecord.eventDate, query.to) : undefined,
      after ? gt(exchangeRecord.naturalKey, after[0]) : undefined,
    ];
    const rows = await this.core.db
      .select()
      .from(exchangeRecord)
      .where(and(...where))
      .orderBy(asc(exchangeRecord.naturalKey))
      .limit(query.limit + 1);
    return toPage(
      rows,
      query.limit,
      (r) => [r.naturalKey],
      (r): RecordView => ({
        id: r.id,
        naturalKey: r.naturalKey,
        data: r.data as Record<string, unknown>,
        employerId: r.employerId,
        employerUscc: r.employerUscc,
        countyCode: r.regionCode,
        countyName: this.core.regions.name(r.regionCode),
        eventDate: r.eventDate,
        schemaVersion: r.schemaVersion,
        loadId: r.loadId,
        updatedAt: r.updatedAt.toISOString(),
      }),
    );
  }

  /**
   * One load: validated against the data set's current schema version, all or nothing; accepted rows upsert on
   * the natural key. The load row and the audit row are written either way (a refused load writes no records).
   */
  async load(req: LoadRequest, auditActor: AuditActor): Promise<LoadView> {
    const { db, pii } = this.core;
    const set = await this.dataSet(req.dataSetCode);
    const def = definitionOf(set.code);
    const [version] = await db
      .select()
      .from(exchangeSchemaVersion)
      .where(
        and(eq(exchangeSchemaVersion.dataSetCode, set.code), eq(exchangeSchemaVersion.version, set.currentVersion)),
      );
    if (!version) throw new Error(`数据集 ${set.code} 缺少结构版本 ${set.currentVersion}`);
    const fields = version.fields as ExchangeField[];
    const result = validateLoad(fields, version.naturalKey, req.rows, CODE_TABLES);
    const loadId = randomUUID();
    const base = {
      id: loadId,
      dataSetCode: set.code,
      schemaVersion: version.version,
      source: req.source,
      tokenId: req.tokenId ?? null,
      tokenName: req.tokenName ?? null,
      userId: req.userId ?? null,
      username: req.username ?? null,
      fileName: req.fileName ?? null,
      received: req.rows.length,
      demo: req.demo ?? false,
    };
    const action = req.source === 'api' ? 'exchange.push' : 'exchange.load';
    if (result.errors.length > 0) {
      const [row] = await db.transaction(async (tx) => {
        const inserted = await tx
          .insert(exchangeLoad)
          .values({
            ...base,
            rejected: result.rejectedRows,
            status: 'rejected',
            errors: result.errors.slice(0, MAX_STORED_ERRORS),
          })
          .returning();
        await recordAudit(tx, auditActor, {
          action,
          objectType: 'exchange_data_set',
          objectId: set.code,
          changes: {
            tokenId: base.tokenId,
            loadId,
            received: base.received,
            rejected: result.rejectedRows,
            status: 'rejected',
          },
          result: 'failure',
        });
        return inserted;
      });
      throw new LoadRejected(presentLoad(row as LoadRow));
    }

    const usccs = [
      ...new Set(result.clean.map((r) => r.values.employer_uscc).filter((x): x is string => typeof x === 'string')),
    ];
    const employers = new Map<string, { id: string; countyCode: string }>();
    for (let i = 0; i < usccs.length; i += CHUNK) {
      const found = await db
        .select({ id: employer.id, uscc: employer.uscc, countyCode: employer.countyCode })
        .from(employer)
        .where(inArray(employer.uscc, usccs.slice(i, i + CHUNK)));
      for (const e of found) employers.set(e.uscc, e);
    }
    const personal = fields.filter((x) => x.personal);
    const records = result.clean.map((r) => {
      const data: Record<string, unknown> = { ...r.values };
      const secrets: Record<string, { cipher: string; hash: string }> = {};
      for (const field of personal) {
        const value = r.values[field.name];
        if (typeof value !== 'string') continue;
        secrets[field.name] = { cipher: pii.encrypt(value), hash: pii.hash(value) };
        data[field.name] = maskIdNumber(value);
      }
      const uscc = typeof r.values.employer_uscc === 'string' ? r.values.employer_uscc : null;
      const emp = uscc ? employers.get(uscc) : undefined;
      const county = typeof r.values.county_code === 'string' ? r.values.county_code : (emp?.countyCode ?? CITY_CODE);
      const eventValue = def?.eventDateField ? r.values[def.eventDateField] : null;
      return {
        dataSetCode: set.code,
        naturalKey: r.naturalKey,
        ownerUnit: set.ownerUnit,
        regionCode: county,
        employerUscc: uscc,
        employerId: emp?.id ?? null,
        eventDate: typeof eventValue === 'string' ? eventValue.slice(0, 10) : null,
        data,
        pii: personal.length ? secrets : null,
        schemaVersion: version.version,
        loadId,
        demo: req.demo ?? false,
      };
    });
    const row = await db.transaction(async (tx) => {
      let updated = 0;
      for (let i = 0; i < records.length; i += CHUNK) {
        const chunk = records.slice(i, i + CHUNK);
        const existing = await tx
          .select({ n: count() })
          .from(exchangeRecord)
          .where(
            and(
              eq(exchangeRecord.dataSetCode, set.code),
              inArray(
                exchangeRecord.naturalKey,
                chunk.map((c) => c.naturalKey),
              ),
            ),
          );
        updated += Number(existing[0]?.n ?? 0);
        await tx
          .insert(exchangeRecord)
          .values(chunk)
          .onConflictDoUpdate({
            target: [exchangeRecord.dataSetCode, exchangeRecord.naturalKey],
            set: {
              regionCode: sql`excluded.region_code`,
              employerUscc: sql`excluded.employer_uscc`,
              employerId: sql`excluded.employer_id`,
              eventDate: sql`excluded.event_date`,
              data: sql`excluded.data`,
              pii: sql`excluded.pii`,
              schemaVersion: sql`excluded.schema_version`,
              loadId: sql`excluded.load_id`,
              demo: sql`excluded.demo`,
              updatedAt: sql`now()`,
            },
          });
      }
      const [inserted] = await tx
        .insert(exchangeLoad)
        .values({ ...base, inserted: records.length - updated, updated, status: 'succeeded' })
        .returning();
      await recordAudit(tx, auditActor, {
        action,
        objectType: 'exchange_data_set',
        objectId: set.code,
        changes: {
          tokenId: base.tokenId,
          loadId,
          received: base.received,
          inserted: records.length - updated,
          updated,
          status: 'succeeded',
        },
      });
      return inserted as LoadRow;
    });
    if (this.afterLoad) await this.afterLoad(set.code);
    return presentLoad(row);
  }

  /** An upload by a signed-in officer: only into data sets of a unit they manage. */
  async loadAsUser(actor: Actor, code: string, rows: LoadRequest['rows'], fileName: string): Promise<LoadView> {
    const set = await this.dataSet(code);
    if (!managedUnits(actor).has(set.ownerUnit)) throw AppError.forbidden('只能向本单位的数据集上传数据');
    return this.load(
      { dataSetCode: code, rows, source: 'upload', userId: actor.userId, username: actor.username, fileName },
      actor,
    );
  }

  async tokens(actor: Actor): Promise<TokenView[]> {
    const units = [...managedUnits(actor)];
    if (units.length === 0) return [];
    const rows = await this.core.db
      .select()
      .from(exchangeToken)
      .where(inArray(exchangeToken.unitCode, units))
      .orderBy(desc(exchangeToken.createdAt));
    return rows.map(presentToken);
  }

  /** Creates a token for one system, limited to data sets of one unit the actor manages; the secret is shown once. */
  async createToken(actor: Actor, input: TokenCreateInput, opts: { demo?: boolean } = {}) {
    const sets = await this.core.db.select().from(exchangeDataSet).where(inArray(exchangeDataSet.code, input.dataSets));
    const unknown = input.dataSets.filter((c) => !sets.some((s) => s.code === c));
    if (unknown.length) throw AppError.validation('dataSets', `数据集不存在：${unknown.join('、')}`);
    const owners = new Set(sets.map((s) => s.ownerUnit));
    if (owners.size !== 1) throw AppError.validation('dataSets', '一个令牌只能包含同一单位的数据集');
    const unitCode = [...owners][0] as string;
    if (!managedUnits(actor).has(unitCode)) throw AppError.forbidden('只能为本单位的数据集创建接口令牌');
    const secret = newExchangeToken();
    const token = await this.core.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(exchangeToken)
        .values({
          name: input.name,
          system: input.system,
          unitCode,
          dataSets: [...new Set(input.dataSets)],
          tokenHash: hashExchangeToken(secret),
          prefix: secret.slice(0, 10),
          createdBy: actor.username,
          demo: opts.demo ?? false,
        })
        .returning();
      const created = row as typeof exchangeToken.$inferSelect;
      await recordAudit(tx, actor, {
        action: 'exchange.token.create',
        objectType: 'exchange_token',
        objectId: created.id,
        changes: { name: created.name, system: created.system, unitCode, dataSets: created.dataSets },
      });
      return created;
    });
    return { token: presentToken(token), secret };
  }

  async revokeToken(actor: Actor, id: string): Promise<TokenView> {
    const [row] = await this.core.db.select().from(exchangeToken).where(eq(exchangeToken.id, id));
    if (!row || !managedUnits(actor).has(row.unitCode)) throw AppError.notFound('接口令牌不存在或不属于您的单位');
    if (row.revokedAt) return presentToken(row);
    const updated = await this.core.db.transaction(async (tx) => {
      const [u] = await tx
        .update(exchangeToken)
        .set({ revokedAt: new Date(), revokedBy: actor.username })
        .where(eq(exchangeToken.id, id))
        .returning();
      await recordAudit(tx, actor, { action: 'exchange.token.revoke', objectType: 'exchange_token', objectId: id });
      return u as typeof exchangeToken.$inferSelect;
    });
    return presentToken(updated);
  }
}
