import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOVE_PLAN, type TableName } from '../../src/organisation-move/plan.js';
import { openTestDatabase, testDialect, type TestDatabase } from '../support/test-database.js';

// The move of an organisation (src/organisation-move/) must know every table and every id column
// the migrations make: a new table, or a new foreign key in a moved table, fails here until
// plan.ts says what the move does with it.

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

async function tables(): Promise<string[]> {
  const rows =
    testDialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(database.db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(database.db);
  return rows.rows.map((r) => r.name).filter((n) => !n.startsWith('kysely_migration'));
}

/** Every foreign key: table, column, the table it points at. */
async function foreignKeys(): Promise<{ table: string; column: string; references: string }[]> {
  if (testDialect === 'postgres') {
    const rows = await sql<{ table: string; column: string; references: string }>`
      select k.table_name as "table", k.column_name as "column", u.table_name as "references"
      from information_schema.table_constraints c
      join information_schema.key_column_usage k on k.constraint_name = c.constraint_name and k.table_schema = c.table_schema
      join information_schema.constraint_column_usage u on u.constraint_name = c.constraint_name and u.table_schema = c.table_schema
      where c.constraint_type = 'FOREIGN KEY' and c.table_schema = 'public'`.execute(database.db);
    return rows.rows;
  }
  const out: { table: string; column: string; references: string }[] = [];
  for (const table of await tables()) {
    const fks = await sql<{ from: string; table: string }>`select * from pragma_foreign_key_list(${table})`.execute(database.db);
    for (const fk of fks.rows) out.push({ table, column: fk.from, references: fk.table });
  }
  return out;
}

describe('the plan of an organisation move', () => {
  it('places every table of the schema: moved, or left with a reason', async () => {
    expect((await tables()).sort()).toEqual(Object.keys(MOVE_PLAN).sort());
    for (const [table, plan] of Object.entries(MOVE_PLAN)) if (plan.kind === 'left') expect(plan.reason.length, table).toBeGreaterThan(20);
  });

  it('rewrites every foreign key of a moved table, into a moved table', async () => {
    const missing: string[] = [];
    for (const fk of await foreignKeys()) {
      const plan = MOVE_PLAN[fk.table as TableName];
      if (plan.kind !== 'moved') continue;
      const target = MOVE_PLAN[fk.references as TableName];
      // A moved row may not point at a table that stays behind: it would point at nothing in the target.
      if (target.kind !== 'moved') missing.push(`${fk.table}.${fk.column} → ${fk.references} (left behind)`);
      // A kept text id (a client link) is not rewritten, so neither is a key pointing at it.
      else if (target.id === 'kept') continue;
      else if (plan.refs[fk.column] !== fk.references) missing.push(`${fk.table}.${fk.column} → ${fk.references}`);
    }
    expect(missing).toEqual([]);
  });

  it('names a table for every column that holds an id, with or without a foreign key', async () => {
    // Text columns named like ids that are not rewritten through refs: public credentials given by us
    // or a provider, a kept client link, a request's own id, and the audit target (AUDIT_TARGETS).
    const notIds = new Set([
      'api_client.client_id',
      'sso_provider.client_id',
      'client_answer.invitation_id',
      'audit_event.request_id',
      'audit_event.target_id',
    ]);
    const missing: string[] = [];
    for (const [table, plan] of Object.entries(MOVE_PLAN)) {
      if (plan.kind !== 'moved') continue;
      const columns =
        testDialect === 'sqlite'
          ? (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(database.db)).rows
          : (await sql<{ name: string }>`select column_name as name from information_schema.columns where table_name = ${table}`.execute(database.db)).rows;
      for (const { name } of columns) {
        if (name === 'id' || !/(_id|_by)$/.test(name) || notIds.has(`${table}.${name}`)) continue;
        if (!plan.refs[name]) missing.push(`${table}.${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
