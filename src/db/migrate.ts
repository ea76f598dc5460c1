import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import { migrations } from '../../migrations/index.js';

/**
 * Migrations are listed statically in migrations/index.ts rather than read from a folder at run
 * time: the same list then works from TypeScript (tests, tsx) and from the compiled dist/ build.
 */
export function createMigrator(db: Kysely<any>, list = migrations): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => list } });
}

export class MigrationError extends Error {}

export async function migrateToLatest(db: Kysely<any>, list = migrations): Promise<MigrationResultSet> {
  const result = await createMigrator(db, list).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new MigrationError(
      `Migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}. No migration of this run was applied; the database keeps its previous schema.`,
    );
  }
  return result;
}
