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
  if (!config.migrationDatabaseUrl || !config.databaseUrl) return migrateToLatest(db);
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
