import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

// The server-side key (table server_secret, see its migration for why it lives in the database).
// Read once per database handle: it never changes while the process runs, and a save should not
// pay a query for it.
const cache = new WeakMap<object, Buffer>();

export async function serverSecret(db: Kysely<Database>): Promise<Buffer> {
  const hit = cache.get(db);
  if (hit) return hit;
  const read = () => db.selectFrom('server_secret').select('key').where('id', '=', 1).executeTakeFirst();
  let row = await read();
  if (!row) {
    // Filled by the migration; should the row ever be gone (deleted to rotate), the first caller
    // creates it and every process then reads that same one.
    await db
      .insertInto('server_secret')
      .values({ id: 1, key: randomBytes(32), created_at: Date.now() })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    row = (await read())!;
  }
  const key = Buffer.from(row.key);
  cache.set(db, key);
  return key;
}
