import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';
import type { Database } from './schema.js';
import { openPostgres } from './postgres.js';

/**
 * Kysely's SQLite adapter reports no transactional DDL, so its Migrator would apply migrations
 * outside a transaction and a failing migration could leave half a schema behind. SQLite does
 * roll back CREATE/ALTER inside a transaction, so we say so and get all-or-nothing migrations.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}
/**
 * Transactions start with BEGIN IMMEDIATE: they take the write lock at once. Several processes
 * share the file (WEB_PROCESSES, the CLI, a backup), and a plain (deferred) BEGIN that reads first
 * and writes later fails with SQLITE_BUSY at once, without waiting, when another process committed
 * in between — the busy timeout cannot help there. Every transaction here writes, so taking the
 * lock up front costs nothing and makes the busy timeout apply.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}
class AppSqliteDialect extends SqliteDialect {
  readonly #settings: SqliteDialectConfig;
  constructor(settings: SqliteDialectConfig) {
    super(settings);
    this.#settings = settings;
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#settings);
  }
}

export const REQUIRED_PRAGMAS = {
  journal_mode: 'wal',
  synchronous: 2, // FULL: a committed score survives a power cut of the VM
  foreign_keys: 1,
  busy_timeout: 5000,
  // On: a REPLACE conflict (INSERT OR REPLACE, UPDATE OR REPLACE) deletes the other row, and only
  // with this on does that delete fire DELETE triggers. The no-replace INSERT triggers close
  // INSERT OR REPLACE on any connection; this also closes UPDATE OR REPLACE onto a signed or
  // append-only row on ours. Our triggers only RAISE (no DML), so nothing can recurse.
  recursive_triggers: 1,
} as const;

export interface OpenedDatabase {
  sqlite: SQLite.Database;
  db: Kysely<Database>;
}

/** The database the app runs on: PostgreSQL when DATABASE_URL is set, otherwise the SQLite file. */
export interface AppDatabase {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  /** The SQLite connection (null on PostgreSQL): for the WAL checkpoint at shutdown. */
  sqlite: SQLite.Database | null;
}

export function openAppDatabase(config: { databasePath: string; databaseUrl?: string | undefined }): AppDatabase {
  if (config.databaseUrl) return { db: openPostgres(config.databaseUrl), dialect: 'postgres', sqlite: null };
  return { ...openDatabase(config.databasePath), dialect: 'sqlite' };
}

export function openDatabase(file: string): OpenedDatabase {
  const inMemory = file === ':memory:';
  if (!inMemory) fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${REQUIRED_PRAGMAS.busy_timeout}`);
  sqlite.pragma('recursive_triggers = ON');
  checkPragmas(sqlite, inMemory);
  const db = new Kysely<Database>({ dialect: new AppSqliteDialect({ database: sqlite }) });
  return { sqlite, db };
}

/** Refuse to run on a connection whose durability or integrity settings did not take. */
export function checkPragmas(sqlite: SQLite.Database, inMemory = false): void {
  const actual = readPragmas(sqlite);
  // An in-memory database (tests) cannot use WAL; it reports "memory".
  const expectedJournal = inMemory ? 'memory' : REQUIRED_PRAGMAS.journal_mode;
  const problems: string[] = [];
  if (actual.journal_mode !== expectedJournal) problems.push(`journal_mode is ${actual.journal_mode}, expected ${expectedJournal}`);
  if (actual.synchronous !== REQUIRED_PRAGMAS.synchronous) problems.push(`synchronous is ${actual.synchronous}, expected 2 (FULL)`);
  if (actual.foreign_keys !== REQUIRED_PRAGMAS.foreign_keys) problems.push('foreign_keys is off');
  if (actual.busy_timeout < 1000) problems.push(`busy_timeout is ${actual.busy_timeout}`);
  if (actual.recursive_triggers !== REQUIRED_PRAGMAS.recursive_triggers) problems.push('recursive_triggers is off');
  if (problems.length) throw new Error(`Database settings not applied: ${problems.join('; ')}`);
}

export function readPragmas(sqlite: SQLite.Database) {
  return {
    journal_mode: String(sqlite.pragma('journal_mode', { simple: true })).toLowerCase(),
    synchronous: Number(sqlite.pragma('synchronous', { simple: true })),
    foreign_keys: Number(sqlite.pragma('foreign_keys', { simple: true })),
    busy_timeout: Number(sqlite.pragma('busy_timeout', { simple: true })),
    recursive_triggers: Number(sqlite.pragma('recursive_triggers', { simple: true })),
  };
}
