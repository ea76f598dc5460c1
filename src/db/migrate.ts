import { Migrator, PostgresAdapter, sql, type Kysely, type MigrationResultSet } from 'kysely';
import { migrations } from '../../migrations/index.js';
import { acrossOrganisations } from './organisation-scope.js';
import { grantAppRole, MIGRATION_LOCK_KEY, openPostgres, PostgresSchemaTypesPlugin } from './postgres.js';

/**
 * Migrations are listed statically in migrations/index.ts rather than read from a folder at run
 * time: the same list then works from TypeScript (tests, tsx) and from the compiled dist/ build.
 */
export function createMigrator(db: Kysely<any>, list = migrations): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => list } });
}

export class MigrationError extends Error {}

/**
 * Migrates the app's database at start (server, CLI). With MIGRATION_DATABASE_URL (PostgreSQL in
 * production) through the owner role, which then gives DATABASE_URL's role its data rights
 * (grantAppRole); otherwise through the app's own connection.
 */
export async function migrateAppDatabase(
  db: Kysely<any>,
  config: { databaseUrl?: string | undefined; migrationDatabaseUrl?: string | undefined },
): Promise<MigrationResultSet> {
  if (!config.migrationDatabaseUrl || !config.databaseUrl) {
    // PostgreSQL with one URL: in a shared deployment that is the app role, whose migrations an
    // owner already ran (a one-shot job before the app processes, compose.yaml). It may read the
    // migration list (grantAppRole) but not take Kysely's migration lock, so a schema that is
    // already current is left alone instead of "migrated". The SQLite path stays as it was.
    if (config.databaseUrl && (await schemaIsCurrent(db))) return { results: [] };
    return migrateToLatest(db);
  }
  const owner = openPostgres(config.migrationDatabaseUrl, { max: 1 });
  try {
    const result = await migrateToLatest(owner);
    await grantAppRole(owner, decodeURIComponent(new URL(config.databaseUrl).username));
    return result;
  } finally {
    await owner.destroy();
  }
}

export async function migrateToLatest(db: Kysely<any>, list = migrations): Promise<MigrationResultSet> {
  // A migration that moves data sees every organisation's rows (on PostgreSQL, behind the wall of
  // migration 20261208T1000 from then on).
  const result = await acrossOrganisations('migration', () =>
    db.getExecutor().adapter instanceof PostgresAdapter ? migratePostgres(db, list) : createMigrator(db, list).migrateToLatest(),
  );
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new MigrationError(
      `Migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}. No migration of this run was applied; the database keeps its previous schema.`,
    );
  }
  return result;
}

/**
 * PostgreSQL: several app processes may start at once against one database. Kysely's own lock is
 * taken only after it has created its bookkeeping tables, so two first starts could race on those;
 * a session-level advisory lock around the whole run makes one process migrate while the others
 * wait and then find nothing left to do. The migrations run with SQLite's column types translated
 * (PostgresSchemaTypesPlugin).
 */
async function migratePostgres(db: Kysely<any>, list: Record<string, import('kysely').Migration>): Promise<MigrationResultSet> {
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(connection);
    try {
      return await createMigrator(connection.withPlugin(new PostgresSchemaTypesPlugin()), list).migrateToLatest();
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(connection);
    }
  });
}

export interface SchemaStatus {
  /** The code's migrations the database has not recorded, in order (all of them on an empty database). */
  pending: string[];
  /** Migrations the database has recorded that this code does not know: it is newer than the code. */
  unknown: string[];
}

/**
 * Compares the migrations recorded in the database (kysely_migration) with the code's list, for
 * readiness (src/health/routes.ts) and for a start that has nothing to migrate. Throws when the
 * database does not answer; a database without the bookkeeping table has everything pending.
 */
export async function schemaStatus(db: Kysely<any>, list = migrations): Promise<SchemaStatus> {
  const rows = await db
    .selectFrom('kysely_migration')
    .select('name')
    .execute()
    .catch((error: unknown) => {
      if (isMissingTable(error)) return [];
      throw error;
    });
  const recorded = new Set(rows.map((r: { name: string }) => r.name));
  const known = Object.keys(list).sort();
  return { pending: known.filter((name) => !recorded.has(name)), unknown: [...recorded].filter((name) => !(name in list)).sort() };
}

async function schemaIsCurrent(db: Kysely<any>): Promise<boolean> {
  try {
    const status = await schemaStatus(db);
    return status.pending.length === 0 && status.unknown.length === 0;
  } catch {
    return false; // unreadable (an older grant, say): migrating reports the real reason
  }
}

/** "No such table": PostgreSQL's SQLSTATE 42P01, SQLite's message (it has no codes for this). */
function isMissingTable(error: unknown): boolean {
  if ((error as { code?: unknown } | null)?.code === '42P01') return true;
  return error instanceof Error && /no such table/i.test(error.message);
}
