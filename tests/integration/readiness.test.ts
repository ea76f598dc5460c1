import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { createApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createLogger } from '../../src/http/logger.js';
import { makeTestApp, ORIGIN, type TestApp } from '../support/app.js';
import { openSharedTestDatabases } from '../support/test-database.js';

// Liveness (/healthz) and readiness (/readyz), as the reverse proxy and the container runtime of a
// shared deployment ask them (README, "Shared deployment"): ready only when the database answers
// and its schema is exactly the code's latest migration. Runs on both databases.

let t: TestApp | undefined;
let closeShared: (() => Promise<void>) | undefined;
afterEach(async () => {
  await t?.close();
  await closeShared?.();
  t = undefined;
  closeShared = undefined;
});

/** An app on a database of our own making: empty, or migrated with the first `upTo` of the code's migrations (in name order, as they run). */
async function appOn(upTo: number | 'none') {
  const shared = await openSharedTestDatabases(1, { migrated: false });
  closeShared = shared.close;
  const db = shared.dbs[0]!;
  if (upTo !== 'none')
    await migrateToLatest(
      db,
      Object.fromEntries(
        Object.entries(migrations)
          .sort(([a], [b]) => a.localeCompare(b))
          .slice(0, upTo),
      ),
    );
  return { db, app: createApp({ db, config: testConfig({ publicOrigin: ORIGIN }), logger: createLogger('silent'), now: () => Date.now() }) };
}

async function answer(res: Response) {
  return { status: res.status, cacheControl: res.headers.get('Cache-Control'), body: await res.json() };
}

describe('readiness and liveness', () => {
  it('a migrated database: both say yes, uncached', async () => {
    t = await makeTestApp();
    expect(await answer(await t.request('/readyz'))).toEqual({ status: 200, cacheControl: 'no-store', body: { status: 'ready' } });
    expect(await answer(await t.request('/healthz'))).toEqual({ status: 200, cacheControl: 'no-store', body: { status: 'ok' } });
  });

  it('an empty database: alive, not ready, every migration pending', async () => {
    const { app } = await appOn('none');
    expect(await answer(await app.request('/readyz'))).toEqual({
      status: 503,
      cacheControl: 'no-store',
      body: { status: 'not-ready', reason: 'migrations-pending', pending: Object.keys(migrations).length },
    });
    expect((await app.request('/healthz')).status).toBe(200);
  });

  it('a database one migration behind the code: not ready until it is migrated', async () => {
    const { db, app } = await appOn(Object.keys(migrations).length - 1);
    expect((await answer(await app.request('/readyz'))).body).toEqual({ status: 'not-ready', reason: 'migrations-pending', pending: 1 });
    await migrateToLatest(db);
    expect((await answer(await app.request('/readyz'))).body).toEqual({ status: 'ready' });
  });

  it('a database migrated by a newer version of the code: not ready', async () => {
    t = await makeTestApp();
    await sql`insert into kysely_migration (name, timestamp) values ('29991231T0000_from_the_future', '2999-12-31T00:00:00.000Z')`.execute(t.db);
    expect(await answer(await t.request('/readyz'))).toEqual({
      status: 503,
      cacheControl: 'no-store',
      body: { status: 'not-ready', reason: 'schema-newer-than-code', unknown: 1 },
    });
  });

  it('a lost database: neither alive nor ready, and nothing but the reason is said', async () => {
    t = await makeTestApp();
    await t.loseDatabase();
    expect(await answer(await t.request('/readyz'))).toEqual({
      status: 503,
      cacheControl: 'no-store',
      body: { status: 'not-ready', reason: 'database-unavailable' },
    });
    expect(await answer(await t.request('/healthz'))).toEqual({ status: 503, cacheControl: 'no-store', body: { status: 'error', database: 'unavailable' } });
  });
});
