import { PostgresAdapter, sql, type Kysely } from 'kysely';

// PostgreSQL branches of the migrations (docs/decisions/017-postgresql.md). The migrations were
// written for SQLite and stay exactly as they were on SQLite; where a statement has no
// dialect-neutral form (the triggers), a migration asks `isPostgres` and runs the PostgreSQL
// counterpart made here. Column types are translated for PostgreSQL by the migrator itself
// (src/db/postgres.ts, PostgresSchemaTypesPlugin). Like the migrations, this file is frozen once
// landed: a change of rule is a new migration.

/** Whether the migration runs on PostgreSQL (otherwise: SQLite). */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Runs one of the migrations' refusal triggers, written in SQLite's syntax:
 *   CREATE TRIGGER <name> BEFORE <INSERT|UPDATE|DELETE> ON <table> [WHEN <condition>]
 *   BEGIN SELECT RAISE(ABORT, '<message>'); END
 * On SQLite the statement runs as written. On PostgreSQL it becomes a row trigger calling a
 * PL/pgSQL function of the same name that raises the same message when the condition holds; the
 * condition goes into the function body because PostgreSQL allows no subqueries in a trigger's
 * WHEN (the GPMI rules look up the version's status). Every trigger of the migrations has exactly
 * this form; anything else is refused rather than guessed at.
 */
export async function createTrigger(db: Kysely<any>, statement: string): Promise<void> {
  if (!isPostgres(db)) {
    await sql.raw(statement).execute(db);
    return;
  }
  const m = /^CREATE TRIGGER (\w+) BEFORE (INSERT|UPDATE|DELETE) ON (\w+)(?: WHEN (.+))? BEGIN SELECT RAISE\(ABORT, '([^']+)'\); END$/.exec(statement);
  if (!m) throw new Error(`no PostgreSQL form for trigger: ${statement}`);
  const [, name, event, table, when, message] = m;
  await sql
    .raw(
      `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF ${when ?? 'true'} THEN RAISE EXCEPTION '${message}' USING ERRCODE = 'restrict_violation'; END IF; IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$`,
    )
    .execute(db);
  await sql.raw(`CREATE TRIGGER ${name} BEFORE ${event} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`).execute(db);
}

/** DROP TRIGGER for either dialect (PostgreSQL names the table and drops the function too). */
export async function dropTrigger(db: Kysely<any>, name: string, table: string): Promise<void> {
  if (!isPostgres(db)) {
    await sql.raw(`DROP TRIGGER IF EXISTS ${name}`).execute(db);
    return;
  }
  await sql.raw(`DROP TRIGGER IF EXISTS ${name} ON ${table}`).execute(db);
  await sql.raw(`DROP FUNCTION IF EXISTS ${name}()`).execute(db);
}
