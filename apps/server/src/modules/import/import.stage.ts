import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../core/db/index.js';

type PgType = 'text' | 'int' | 'bigint' | 'smallint' | 'bool' | 'date' | 'uuid';

export interface StageTable {
  table: string;
  columns: readonly [name: string, type: PgType][];
}

function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const s = String(value);
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] as string)
    : s;
}

/**
 * Buffers rows and writes them in batches: COPY FROM '/dev/blob' on PGlite (about twice as fast as INSERT there),
 * one INSERT … SELECT FROM unnest(arrays) on PostgreSQL (one parameter per column, whatever the batch size).
 */
export class StageWriter {
  private rows: unknown[][] = [];
  written = 0;

  constructor(
    private readonly database: Database,
    private readonly target: StageTable,
    readonly batchSize = 5000,
  ) {}

  get pending() {
    return this.rows.length;
  }

  add(row: unknown[]) {
    this.rows.push(row);
  }

  async flush(): Promise<void> {
    const rows = this.rows;
    if (!rows.length) return;
    this.rows = [];
    const names = this.target.columns.map(([n]) => `"${n}"`).join(', ');
    if (this.database.kind === 'pglite') {
      const text = rows.map((r) => r.map(copyText).join('\t')).join('\n');
      const client = (this.database.db as unknown as { $client: PgliteLike }).$client;
      await client.query(`COPY ${this.target.table} (${names}) FROM '/dev/blob'`, [], {
        blob: new Blob([`${text}\n`]),
      });
    } else {
      const arrays: SQL[] = this.target.columns.map(([, type], i) => {
        const values = rows.map((r) => r[i] ?? null);
        return sql`${sql.param(values)}::${sql.raw(type === 'bool' ? 'boolean' : type)}[]`;
      });
      await this.database.db.execute(
        sql`insert into ${sql.raw(this.target.table)} (${sql.raw(names)}) select * from unnest(${sql.join(arrays, sql`, `)})`,
      );
    }
    this.written += rows.length;
  }
}

interface PgliteLike {
  query(text: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
}
