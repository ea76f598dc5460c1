import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

// One server-side secret, kept in the database rather than in the environment (decision 012):
// every app process that shares this database shares the key without anyone distributing it, a
// deployment cannot run with a forgotten default, and a restored backup keeps working. It signs
// tokens the server hands out and later checks (the balance editor token); it encrypts nothing.
// Filled here with random bytes; src/db/server-secret.ts also fills it on first use should the row
// ever be missing. Rotating it: delete the row (open editors then see their next save as another
// editor's, a harmless conflict).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('server_secret')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('key', 'blob', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('server_secret').values({ id: 1, key: randomBytes(32), created_at: Date.now() }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('server_secret').execute();
}
