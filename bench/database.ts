/**
 * The database a benchmark measures on: the SQLite file (WAL, synchronous=FULL, as in production)
 * or, with `npm run bench -- --postgres`, a database on a throwaway PostgreSQL cluster
 * (scripts/postgres-cluster.ts) started with fsync, synchronous_commit and full_page_writes on —
 * PostgreSQL's defaults, so a commit waits for its WAL flush, as the SQLite file's does. Both live
 * in the system's temporary folder, on the same disk.
 *
 * On PostgreSQL the production setup of two roles: the set-up (migrations, the generated data,
 * sessions) runs as the cluster's superuser, who owns the tables and whom row-level security does
 * not stop, as an import would; the app under test connects as a role without DDL rights that owns
 * nothing (grantAppRole), over TCP on 127.0.0.1, as app processes reach a database server over
 * the network.
 *
 * `root` is the checkout whose database code is used (bench/load.ts's LOAD_SERVER_ROOT), so that
 * the schema matches the server being measured.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../src/db/schema.js';
import { startCluster, type Cluster } from '../scripts/postgres-cluster.js';

export type BenchDialect = 'sqlite' | 'postgres';

export const DIALECT_LABEL: Record<BenchDialect, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

/** This checkout. */
export const THIS_CHECKOUT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** The role the app connects as on PostgreSQL: rights on rows, none on the schema. */
const APP_ROLE = 'sb_bench_app';

let cluster: Promise<Cluster> | undefined;
let databases = 0;

/** The one durable cluster of this bench run, started on first use. */
function benchCluster(): Promise<Cluster> {
  cluster ??= startCluster({ durable: true }).then(async (c) => {
    await query(c.adminUrl, `CREATE ROLE ${APP_ROLE} LOGIN`);
    return c;
  });
  return cluster;
}

/** Stops the cluster if this run started one (and removes its files). */
export async function stopBenchCluster(): Promise<void> {
  const c = await cluster;
  cluster = undefined;
  await c?.stop();
}

/** The pid of the cluster's server process (its CPU includes every connection's backend), or null. */
export async function benchClusterPid(): Promise<number | null> {
  return cluster ? (await cluster).pid : null;
}

async function query(url: string, text: string): Promise<string[][]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query({ text, rowMode: 'array' })).rows.map((r: unknown[]) => r.map(String));
  } finally {
    await client.end();
  }
}

/** What a cluster's settings say about durability, for the bench's header. */
export async function postgresSettings(): Promise<string> {
  const c = await benchCluster();
  const [row] = await query(
    c.adminUrl,
    `SELECT version(), current_setting('fsync'), current_setting('synchronous_commit'), current_setting('full_page_writes')`,
  );
  const [version, fsync, commit, pages] = row!;
  return `${version!.split(' on ')[0]}; fsync=${fsync}, synchronous_commit=${commit}, full_page_writes=${pages}`;
}

/** An empty database and the environment a server process needs to use it (it migrates at start). */
export interface FreshDatabase {
  dialect: BenchDialect;
  /** DATABASE_PATH, or DATABASE_URL (the app role) and MIGRATION_DATABASE_URL (the owner). */
  env: Record<string, string>;
  /** Deletes the file or drops the database (after every process using it has stopped). */
  remove(): Promise<void>;
}

export async function freshDatabase(dialect: BenchDialect, name: string): Promise<FreshDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sb-${name}-`));
    return {
      dialect,
      env: { DATABASE_PATH: path.join(dir, `${name}.sqlite`) },
      remove: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const c = await benchCluster();
  const database = `sb_${name.replace(/\W/g, '_')}_${++databases}`;
  await query(c.adminUrl, `CREATE DATABASE ${database}`);
  const app = new URL(c.urlFor(database, 'tcp'));
  app.username = APP_ROLE;
  return {
    dialect,
    env: { DATABASE_URL: app.toString(), MIGRATION_DATABASE_URL: c.urlFor(database) },
    remove: async () => void (await query(c.adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)),
  };
}

/** A migrated database, opened by the bench. */
export interface BenchDatabase extends FreshDatabase {
  /** For the set-up: generating data, sessions, draft balances (the owner on PostgreSQL). */
  db: Kysely<Database>;
  /** What an app in this process connects with (the app role on PostgreSQL; `db` on SQLite). */
  appDb: Kysely<Database>;
  /** The database's size on disk. */
  sizeBytes(): Promise<number>;
  /** Closes this process's connections; server processes may go on using the database. */
  close(): Promise<void>;
}

export async function createBenchDatabase(dialect: BenchDialect, name: string, root = THIS_CHECKOUT): Promise<BenchDatabase> {
  const fresh = await freshDatabase(dialect, name);
  const from = <T>(file: string): Promise<T> => import(path.join(root, file)) as Promise<T>;
  const { migrateToLatest, migrateAppDatabase } = await from<typeof import('../src/db/migrate.js')>('src/db/migrate.ts');
  if (dialect === 'sqlite') {
    const { openDatabase } = await from<typeof import('../src/db/database.js')>('src/db/database.ts');
    const file = fresh.env.DATABASE_PATH!;
    const { db, sqlite } = openDatabase(file);
    await migrateToLatest(db);
    return {
      ...fresh,
      db,
      appDb: db,
      // The file and its WAL: the pages written since the last checkpoint are only there.
      sizeBytes: async () => [file, `${file}-wal`].reduce((n, f) => n + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0),
      async close() {
        await db.destroy();
        if (sqlite.open) sqlite.close();
      },
    };
  }
  const { openPostgres } = await from<typeof import('../src/db/postgres.js')>('src/db/postgres.ts');
  const config = { databaseUrl: fresh.env.DATABASE_URL!, migrationDatabaseUrl: fresh.env.MIGRATION_DATABASE_URL! };
  const db = openPostgres(config.migrationDatabaseUrl);
  // The pool of one app process (openPostgres's default size), as the server opens it.
  const appDb = openPostgres(config.databaseUrl);
  await migrateAppDatabase(appDb, config);
  // The HTTP rows hold an app on each database in this one process, and the figures keep their
  // data per process by organisation id (src/figures/queries.ts): the generated organisation gets
  // id 101 here and 1 on SQLite, so the two apps never take each other's cached figures.
  await sql`select setval(pg_get_serial_sequence('organisation', 'id'), 100)`.execute(db);
  return {
    ...fresh,
    db,
    appDb,
    sizeBytes: async () => Number((await sql<{ n: number }>`select pg_database_size(current_database()) as n`.execute(db)).rows[0]!.n),
    async close() {
      await Promise.all([db.destroy(), appDb.destroy()]);
    },
  };
}
