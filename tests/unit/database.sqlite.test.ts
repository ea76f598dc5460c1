import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely, type Migration } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { checkPragmas, openDatabase, readPragmas } from '../../src/db/database.js';
import { migrateToLatest, MigrationError } from '../../src/db/migrate.js';
import { migrations } from '../../migrations/index.js';

const dirs: string[] = [];
function tempFile() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-db-'));
  dirs.push(dir);
  return path.join(dir, 'nested', 'test.sqlite');
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function tables(db: Kysely<any>) {
  const rows = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

describe('openDatabase', () => {
  it('creates the folder and file and applies WAL, synchronous=FULL, foreign keys, a busy timeout and recursive triggers', async () => {
    const file = tempFile();
    const { sqlite, db } = openDatabase(file);
    expect(fs.existsSync(file)).toBe(true);
    expect(readPragmas(sqlite)).toEqual({ journal_mode: 'wal', synchronous: 2, foreign_keys: 1, busy_timeout: 5000, recursive_triggers: 1 });
    await db.destroy();
  });

  it('refuses a connection whose settings are off', () => {
    const raw = new SQLite(':memory:');
    raw.pragma('synchronous = NORMAL');
    raw.pragma('foreign_keys = OFF');
    expect(() => checkPragmas(raw, true)).toThrow(/synchronous is .*expected 2 \(FULL\).*foreign_keys is off.*recursive_triggers is off/);
    raw.close();
  });

  it('takes the write lock when a transaction begins, so another process writing in between cannot make it fail', async () => {
    // Several processes share the file (WEB_PROCESSES). A deferred BEGIN that reads, then writes
    // after another process committed, fails at once with SQLITE_BUSY (a 500 for a save that
    // should have waited its turn); BEGIN IMMEDIATE makes the other process wait instead.
    const file = tempFile();
    const { db } = openDatabase(file);
    await db.schema.createTable('counter').addColumn('n', 'integer').execute();
    await db
      .insertInto('counter' as never)
      .values({ n: 0 } as never)
      .execute();
    const other = new SQLite(file);
    other.pragma('busy_timeout = 0');
    let otherWrote = false;
    await db.transaction().execute(async (trx) => {
      await sql`select n from counter`.execute(trx);
      try {
        other.prepare('update counter set n = n + 10').run();
        otherWrote = true;
      } catch {
        /* locked out until we commit: the point of BEGIN IMMEDIATE */
      }
      await sql`update counter set n = n + 1`.execute(trx);
    });
    expect(otherWrote).toBe(false);
    expect(other.prepare('select n from counter').get()).toEqual({ n: 1 });
    other.close();
    await db.destroy();
  });
});

describe('migrations', () => {
  it('migrate an empty database, then do nothing on an already-migrated one', async () => {
    const file = tempFile();
    const first = openDatabase(file);
    const r1 = await migrateToLatest(first.db);
    expect(r1.results?.map((r) => r.status)).toEqual(Object.keys(migrations).map(() => 'Success'));
    const schema = await tables(first.db);
    expect(schema).toEqual(expect.arrayContaining(['organisation', 'app_user', 'user_session', 'audit_event']));
    await first.db.destroy();

    const second = openDatabase(file);
    const r2 = await migrateToLatest(second.db);
    expect(r2.results).toEqual([]);
    expect(await tables(second.db)).toEqual(schema);
    await second.db.destroy();
  });

  it('leave the previous schema intact when a migration fails, and say which one', async () => {
    const file = tempFile();
    const { db } = openDatabase(file);
    await migrateToLatest(db);
    const before = await tables(db);
    const broken: Migration = {
      async up(trx) {
        await trx.schema.createTable('half_done').addColumn('id', 'integer').execute();
        await sql`this is not sql`.execute(trx);
      },
    };
    const list = { ...migrations, '29991231T0000_broken': broken };
    await expect(migrateToLatest(db, list)).rejects.toThrow(MigrationError);
    await expect(migrateToLatest(db, list)).rejects.toThrow(/Migration 29991231T0000_broken failed: .*previous schema/);
    expect(await tables(db)).toEqual(before);
    await db.destroy();
  });

  it('keeps the audit log append-only', async () => {
    const { db } = openDatabase(':memory:');
    await migrateToLatest(db);
    await db
      .insertInto('audit_event')
      .values({
        at: 1,
        organisation_id: null,
        actor_user_id: null,
        action: 'signout',
        target_type: null,
        target_id: null,
        request_id: null,
        outcome: 'success',
      })
      .execute();
    await expect(db.updateTable('audit_event').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_event').execute()).rejects.toThrow(/append-only/);
    await db.destroy();
  });
});
