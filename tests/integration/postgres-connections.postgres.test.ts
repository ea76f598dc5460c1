import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOrganisation } from '../../src/auth/queries.js';
import { acrossOrganisations, inOrganisation } from '../../src/db/organisation-scope.js';
import { openPostgres, ORGANISATION_WRITE_LOCK_SPACE } from '../../src/db/postgres.js';
import type { Database } from '../../src/db/schema.js';
import { inTransaction } from '../../src/db/transaction.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

// How the app uses its connections to PostgreSQL (src/db/postgres.ts): statements prepared once
// per connection, a transaction opened with its write locks in one round trip, and the look-ups
// across organisations in a pool of their own. What each saves is in docs/benchmarks.md; these are
// the properties that must hold while it does.

let database: TestDatabase;
let app: Kysely<Database>;
let organisationId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = await acrossOrganisations('command-line', () =>
    inTransaction(database.db, (trx) => createOrganisation(trx, 'OCMW Verbindingen', Date.now())),
  );
  // One connection per pool: what one connection was asked, the next query meets again.
  const url = new URL(database.url!);
  url.username = inject('postgresAppRole');
  app = openPostgres(url.toString(), { max: 1 });
});
afterAll(async () => {
  await app.destroy();
  await database.close();
});

const prepared = () =>
  inOrganisation(organisationId, async () =>
    (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(app)).rows.map((r) => r.statement),
  );

describe('connections to PostgreSQL', () => {
  it('prepares a statement with parameters once per connection, and not one with a long list', async () => {
    const byName = (name: string) => inOrganisation(organisationId, () => app.selectFrom('team').select('id').where('name', '=', name).execute());
    await byName('Noord');
    await byName('Zuid');
    const teams = (await prepared()).filter((s) => s.includes('from "team" where "name" = $1'));
    expect(teams).toHaveLength(1);
    const ids = Array.from({ length: 40 }, (_, i) => i + 1);
    await inOrganisation(organisationId, () => app.selectFrom('team').select('id').where('id', 'in', ids).execute());
    expect((await prepared()).filter((s) => s.includes('"id" in ('))).toHaveLength(0);
  });

  it('prepares a statement anew after a migration changed its table under the running process', async () => {
    const all = () => inOrganisation(organisationId, () => app.selectFrom('team').selectAll().where('organisation_id', '=', organisationId).execute());
    await all();
    await sql`alter table team add column upgrade_note text`.execute(database.db);
    try {
      // PostgreSQL refuses the prepared statement once (its result has a column more)…
      await expect(all()).rejects.toThrow(/cached plan must not change result type/);
      // …and the next request prepares it anew.
      expect((await all()).every((row) => 'upgrade_note' in row)).toBe(true);
    } finally {
      await sql`alter table team drop column upgrade_note`.execute(database.db);
    }
    await expect(all()).rejects.toThrow(/cached plan must not change result type/);
    expect((await all()).every((row) => !('upgrade_note' in row))).toBe(true);
  });

  it('ends a transaction whose write lock cannot be had, so its connection goes back clean', async () => {
    // Another writer of the same organisation holds its lock (session level, on the superuser's connection).
    await database.db.connection().execute(async (holder) => {
      await sql`select pg_advisory_lock(${ORGANISATION_WRITE_LOCK_SPACE}, ${organisationId})`.execute(holder);
      try {
        await inOrganisation(organisationId, async () => {
          await sql`set lock_timeout = '200ms'`.execute(app);
          await expect(inTransaction(app, (trx) => trx.selectFrom('team').select('id').execute())).rejects.toThrow(/lock timeout/);
          // The pool's one connection is usable: not left inside an aborted transaction.
          expect((await sql<{ n: number }>`select 1 as n`.execute(app)).rows).toEqual([{ n: 1 }]);
          await sql`reset lock_timeout`.execute(app);
        });
      } finally {
        await sql`select pg_advisory_unlock(${ORGANISATION_WRITE_LOCK_SPACE}, ${organisationId})`.execute(holder);
      }
    });
    // And a transaction after it takes the lock and commits.
    await inOrganisation(organisationId, () =>
      inTransaction(app, (trx) =>
        trx.insertInto('team').values({ organisation_id: organisationId, name: 'Na de wachttijd', created_at: Date.now() }).execute(),
      ),
    );
    const names = await inOrganisation(organisationId, () => app.selectFrom('team').select('name').execute());
    expect(names.map((r) => r.name)).toContain('Na de wachttijd');
  });

  it('looks up across organisations while every connection of the organisation pool is taken', async () => {
    const found = await inOrganisation(organisationId, () =>
      inTransaction(app, async () =>
        // The organisation pool's one connection is this transaction's; the look-up takes the other pool's.
        acrossOrganisations('command-line', () => app.selectFrom('organisation').select('name').where('id', '=', organisationId).executeTakeFirst()),
      ),
    );
    expect(found?.name).toBe('OCMW Verbindingen');
  });
});
