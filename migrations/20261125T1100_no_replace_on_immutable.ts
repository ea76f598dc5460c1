import { sql, type Kysely } from 'kysely';
import { createTrigger, dropTrigger, isPostgres } from './support/postgres.js';

// The append-only and immutable tables refuse `INSERT OR REPLACE` (and `REPLACE INTO`). SQLite
// resolves such a conflict by deleting the existing row, and that delete does not fire a DELETE
// trigger unless recursive_triggers is on for the connection — so the no-update/no-delete
// triggers alone let anyone with a connection rewrite an audit row or a signed GPMI. A BEFORE
// INSERT trigger runs before conflict resolution, on every connection (also a hand-opened sqlite3
// shell), and aborts when the key is already taken. A plain INSERT with a taken key failed anyway
// (UNIQUE constraint); now it fails with this message.
//
// SQLite-specific. PostgreSQL has no REPLACE, and its INSERT ... ON CONFLICT DO UPDATE fires the
// UPDATE triggers, so the no-replace triggers are not made there (the unique keys refuse a taken
// key as they always did); the three no-update/no-delete rules below are made on both.
//
// Also: balance_amendment (corrections after finalising, never a silent edit) was append-only by
// intent without any trigger, and a published catalogue_version could be deleted; both get the
// missing no-update/no-delete rules here. gpmi_version/moment/agreement/item are mutable while the
// version is a draft, but the app never replaces rows in them, so replacement is refused for all.

/** table, its key columns (primary key and every unique constraint), and what the rule is called. */
const TABLES: { table: string; keys: string[][]; rule: string }[] = [
  { table: 'audit_event', keys: [['id']], rule: 'audit_event is append-only' },
  { table: 'catalogue_version', keys: [['id'], ['organisation_id', 'number']], rule: 'catalogue_version is immutable' },
  { table: 'balance_amendment', keys: [['id']], rule: 'balance_amendment is append-only' },
  { table: 'gpmi_version', keys: [['id'], ['gpmi_id', 'number']], rule: 'a signed gpmi version is immutable' },
  { table: 'gpmi_moment', keys: [['id']], rule: 'a signed gpmi version is immutable' },
  { table: 'gpmi_agreement', keys: [['id']], rule: 'a signed gpmi version is immutable' },
  { table: 'gpmi_agreement_item', keys: [['id']], rule: 'a signed gpmi version is immutable' },
  { table: 'gpmi_evaluation', keys: [['id']], rule: 'gpmi evaluations are append-only' },
  { table: 'gpmi_evaluation_item', keys: [['evaluation_id', 'agreement_id']], rule: 'gpmi evaluations are append-only' },
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const { table, keys, rule } of isPostgres(db) ? [] : TABLES) {
    // NEW.id is NULL for an autoincrement insert without an id: `=` is then never true, as intended.
    const taken = keys.map((cols) => `EXISTS (SELECT 1 FROM ${table} WHERE ${cols.map((c) => `${c} = NEW.${c}`).join(' AND ')})`).join(' OR ');
    await sql.raw(`CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table} WHEN ${taken} BEGIN SELECT RAISE(ABORT, '${rule}: no replacing rows'); END`).execute(db);
  }
  await createTrigger(db, `CREATE TRIGGER balance_amendment_no_update BEFORE UPDATE ON balance_amendment BEGIN SELECT RAISE(ABORT, 'balance_amendment is append-only'); END`);
  await createTrigger(db, `CREATE TRIGGER balance_amendment_no_delete BEFORE DELETE ON balance_amendment BEGIN SELECT RAISE(ABORT, 'balance_amendment is append-only'); END`);
  await createTrigger(db, `CREATE TRIGGER catalogue_version_no_delete BEFORE DELETE ON catalogue_version BEGIN SELECT RAISE(ABORT, 'catalogue_version is immutable'); END`);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const { table } of isPostgres(db) ? [] : TABLES) await sql.raw(`DROP TRIGGER IF EXISTS ${table}_no_replace`).execute(db);
  await dropTrigger(db, 'balance_amendment_no_update', 'balance_amendment');
  await dropTrigger(db, 'balance_amendment_no_delete', 'balance_amendment');
  await dropTrigger(db, 'catalogue_version_no_delete', 'catalogue_version');
}
