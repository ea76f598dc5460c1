import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { inject } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { openPostgres } from '../../src/db/postgres.js';
import type { Database } from '../../src/db/schema.js';

// The database under test: vitest's `sqlite` project gives each test app a freshly migrated
// in-memory SQLite database; its `postgres` project (TEST_DATABASE=postgres) a fresh database
// cloned from the migrated template on the throwaway cluster (tests/support/postgres-global-setup.ts).

export type TestDialect = 'sqlite' | 'postgres';
export const testDialect: TestDialect = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

export interface TestDatabase {
  /** For fixtures and assertions: sees every organisation (on PostgreSQL the cluster's superuser). */
  db: Kysely<Database>;
  /**
   * For the app under test: on PostgreSQL the app's own role, held by the organisation wall like
   * production's (migrations/20261208T1000_organisation_wall.ts); on SQLite the same as `db`.
   */
  appDb: Kysely<Database>;
  /** The SQLite connection; null on PostgreSQL. */
  sqlite: SQLite.Database | null;
  /** A URL another process (a second app instance, a server) can open the same database with; null on SQLite in memory. */
  url: string | null;
  close(): Promise<void>;
  /** The database goes away under the running app (a crashed server, a deleted file). */
  lose(): Promise<void>;
}

let admin: Kysely<Database> | undefined;
let counter = 0;
const open = new Set<TestDatabase>();

function postgresUrl(name: string): string {
  const url = new URL(inject('postgresAdminUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

export async function openTestDatabase(template?: string): Promise<TestDatabase> {
  if (testDialect === 'sqlite') return openMigratedSqlite(':memory:');
  admin ??= openPostgres(inject('postgresAdminUrl'), { max: 1 });
  const name = `t_${process.pid}_${++counter}`;
  // FILE_COPY: copies the template's files instead of writing every block to the WAL (the
  // default since PostgreSQL 15), much faster for a small template with fsync off.
  await sql.raw(`CREATE DATABASE ${name} TEMPLATE ${template ?? inject('postgresTemplate')} STRATEGY FILE_COPY`).execute(admin);
  const url = postgresUrl(name);
  const db = openPostgres(url, { max: 5 });
  const appUrl = new URL(url);
  appUrl.username = inject('postgresAppRole');
  const appDb = openPostgres(appUrl.toString(), { max: 5 });
  const handle: TestDatabase = {
    db,
    appDb,
    sqlite: null,
    url,
    async close() {
      if (!open.delete(handle)) return;
      await db.destroy();
      await appDb.destroy();
      await sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(admin!);
    },
    async lose() {
      await sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(admin!);
    },
  };
  open.add(handle);
  return handle;
}

/** After a test file: what its tests left open is closed and dropped (the cluster's disk is not endless). */
/**
 * A migrated SQLite file in `dir`, whatever the project: the other end of a move between databases
 * (tests/integration/organisation-move*.test.ts).
 */
export function openSqliteFileDatabase(dir: string, name = 'app.db'): Promise<TestDatabase> {
  return openMigratedSqlite(path.join(dir, name));
}

async function openMigratedSqlite(file: string): Promise<TestDatabase> {
  const { db, sqlite } = openDatabase(file);
  await migrateToLatest(db);
  return {
    db,
    appDb: db,
    sqlite,
    url: null,
    close: () => db.destroy(),
    lose: async () => {
      sqlite.close();
    },
  };
}

export async function closeTestDatabases(): Promise<void> {
  for (const handle of [...open]) await handle.close();
  await admin?.destroy();
  admin = undefined;
}

/**
 * One migrated (or with `migrated: false`, empty) database opened `count` times, as that many app processes would each open it: on
 * SQLite a file in a temporary folder (an in-memory database cannot be shared), on PostgreSQL a
 * fresh clone with one pool per "process".
 */
export async function openSharedTestDatabases(count: number, opts: { migrated?: boolean } = {}): Promise<{ dbs: Kysely<Database>[]; close(): Promise<void> }> {
  const migrated = opts.migrated ?? true;
  if (testDialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-shared-'));
    const file = path.join(dir, 'shared.sqlite');
    const first = openDatabase(file);
    if (migrated) await migrateToLatest(first.db);
    const dbs = [first.db, ...Array.from({ length: count - 1 }, () => openDatabase(file).db)];
    return {
      dbs,
      async close() {
        for (const db of dbs) await db.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const first = await openTestDatabase(migrated ? inject('postgresTemplate') : 'template0');
  const dbs = [first.db, ...Array.from({ length: count - 1 }, () => openPostgres(first.url!, { max: 5 }))];
  return {
    dbs,
    async close() {
      for (const db of dbs.slice(1)) await db.destroy();
      await first.close();
    },
  };
}
