import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { acquireFolderLock, type FolderLock } from './lock.js';
import * as schema from './schema.js';

export { schema };

type Schema = typeof schema;

/** A database handle; a transaction is one too, so repositories take either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A transaction handle: functions that must run inside the caller's transaction (e.g. audit) ask for this. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs the forward-only migrations in apps/server/migrations. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** Extensions the migrations create; PGlite must load them when it opens (PostgreSQL ships them). */
export const PGLITE_EXTENSIONS = { pg_trgm };

const MIGRATIONS = fileURLToPath(new URL('../../../migrations', import.meta.url));

export type DatabaseTarget = { url: string } | { dataDir: string } | { pglite: PGlite };

/**
 * Opens PostgreSQL when a URL is given, otherwise PGlite in a data folder (guarded by a lock file so that
 * two processes never open it at once) or an already open PGlite instance (tests).
 */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process; the pool
    // replaces it on the next query.
    pool.on('error', (error) => process.stderr.write(`PostgreSQL 空闲连接断开：${error.message}\n`));
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      migrate: () => migrateNodePg(db as never, { migrationsFolder: MIGRATIONS }),
      close: () => pool.end(),
    };
  }
  let lock: FolderLock | null = null;
  let client: PGlite;
  if ('dataDir' in target) {
    lock = await acquireFolderLock(target.dataDir);
    try {
      client = await PGlite.create(`${target.dataDir}/pgdata`, { extensions: PGLITE_EXTENSIONS });
    } catch (error) {
      await lock.release();
      throw error;
    }
  } else {
    if (!target.pglite) throw new Error('openDatabase: no PGlite instance given');
    client = target.pglite;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS }),
    close: async () => {
      if ('dataDir' in target) await client.close();
      await lock?.release();
    },
  };
}
