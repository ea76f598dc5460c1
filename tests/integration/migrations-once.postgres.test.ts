import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/db/migrate.js';
import { migrations } from '../../migrations/index.js';
import { openSharedTestDatabases } from '../support/test-database.js';

// Several app processes, on several machines, that start together on one empty PostgreSQL
// database: every one of them starts, and every migration is applied exactly once (the migrator's
// advisory lock, src/db/migrate.ts). PostgreSQL only: on SQLite the supervisor migrates before it
// starts the serving processes (src/server.ts), and better-sqlite3's connections in one test
// process would wait for each other's locks synchronously, blocking the very event loop that
// would release them.

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('migrations when several processes start at once', () => {
  it('are applied once, by one of them; the others wait and find nothing left to do', async () => {
    const shared = await openSharedTestDatabases(4, { migrated: false });
    close = shared.close;
    const results = await Promise.all(shared.dbs.map((db) => migrateToLatest(db)));
    const applied = results.flatMap((r) => r.results?.filter((m) => m.status === 'Success').map((m) => m.migrationName) ?? []);
    expect(applied.sort()).toEqual(Object.keys(migrations).sort());
    const recorded = await shared.dbs[0]!.selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    expect(recorded).toHaveLength(Object.keys(migrations).length);
    // And the schema is there for every one of them.
    for (const db of shared.dbs) expect(await db.selectFrom('organisation').select('id').execute()).toEqual([]);
  });
});
