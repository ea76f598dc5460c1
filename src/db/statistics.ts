import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { openPostgres } from './postgres.js';

/**
 * After a bulk write (an organisation imported): PostgreSQL plans every query from its statistics
 * of the tables, which autovacuum refreshes only once a tenth of a table has changed; until then a
 * page is planned as if the new rows were not there (after the bench's bulk load the caseload
 * search took 1.7 s, docs/benchmarks.md). ANALYZE is for the tables' owner: through
 * MIGRATION_DATABASE_URL when it is set, else through `db` if its role owns them. SQLite plans
 * without such statistics here (the app never runs ANALYZE on it), so there is nothing to do.
 */
export async function refreshPlannerStatistics(
  db: Kysely<any>,
  config: { migrationDatabaseUrl?: string | undefined },
  tables: readonly string[],
): Promise<'refreshed' | 'not-owner' | 'not-needed'> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return 'not-needed';
  const owner = config.migrationDatabaseUrl ? openPostgres(config.migrationDatabaseUrl, { max: 1 }) : db;
  try {
    // ANALYZE by someone else only warns and skips the table: ask first, so the answer is true.
    const { rows } = await sql<{ others: number }>`
      select count(*)::int as others from pg_tables
      where schemaname = current_schema() and tablename = any(${tables as string[]})
        and not pg_has_role(current_user, tableowner, 'MEMBER')`.execute(owner);
    if (rows[0]!.others > 0) return 'not-owner';
    await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(owner);
    return 'refreshed';
  } finally {
    if (owner !== db) await owner.destroy();
  }
}
