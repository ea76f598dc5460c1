import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { createOrganisation } from '../../src/auth/queries.js';
import { migrateAppDatabase } from '../../src/db/migrate.js';
import { openPostgres } from '../../src/db/postgres.js';
import { inTransaction } from '../../src/db/transaction.js';
import { acrossOrganisations, inOrganisation } from '../../src/db/organisation-scope.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

// Production on PostgreSQL has two roles: migrations run as the owner of the tables
// (MIGRATION_DATABASE_URL), the app connects as a role that may read and write rows but cannot
// change the schema, so it cannot drop a table or switch off the triggers that keep the audit log
// and signed GPMIs unchanged (src/db/postgres.ts, grantAppRole). PostgreSQL only: SQLite has no roles.

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

const APP_ROLE = `sb_app_${process.pid}`;

/** An empty database (no migration run yet) and a connection to it as the app's role. */
async function emptyDatabaseWithAppRole() {
  database = await openTestDatabase('template0');
  await sql`DO $$ BEGIN CREATE ROLE ${sql.id(APP_ROLE)} LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`.execute(database.db);
  const appUrl = new URL(database.url!);
  appUrl.username = APP_ROLE;
  return { app: openPostgres(appUrl.toString(), { max: 2 }), appUrl, ownerUrl: database.url! };
}

describe('the app role on PostgreSQL', () => {
  it('is migrated for by the owner, then writes rows but changes no schema, no trigger and no audit row', async () => {
    const { app, appUrl, ownerUrl } = await emptyDatabaseWithAppRole();
    try {
      const config = { databaseUrl: appUrl.toString(), migrationDatabaseUrl: ownerUrl };
      const result = await migrateAppDatabase(app, config);
      expect(result.results?.every((r) => r.status === 'Success')).toBe(true);
      // A second start finds nothing to do and grants again without harm.
      expect((await migrateAppDatabase(app, config)).results).toEqual([]);

      const now = Date.now();
      // As the app makes an organisation (setup, the command line): across organisations, by name;
      // its rows are then written in its own scope (the organisation wall, decision 036).
      const org = await acrossOrganisations('setup', () => inTransaction(app, (trx) => createOrganisation(trx, 'OCMW Rolstad', now)));
      await inOrganisation(org, () =>
        app
          .insertInto('audit_event')
          .values({ at: now, organisation_id: org, actor_user_id: null, action: 'organisation.created', outcome: 'success' })
          .execute(),
      );
      expect(await app.selectFrom('organisation').select('name').where('id', '=', org).execute()).toEqual([{ name: 'OCMW Rolstad' }]);
      await app.updateTable('organisation').set({ name: 'OCMW Rolstad-Oost' }).where('id', '=', org).execute();

      await expect(sql`CREATE TABLE intruder (id bigint)`.execute(app)).rejects.toThrow(/permission denied/);
      await expect(sql`DROP TABLE household`.execute(app)).rejects.toThrow(/must be owner/);
      await expect(sql`ALTER TABLE audit_event DISABLE TRIGGER ALL`.execute(app)).rejects.toThrow(/must be owner/);
      await expect(app.updateTable('audit_event').set({ action: 'x' }).execute()).rejects.toThrow(/permission denied/);
      await expect(app.deleteFrom('audit_event').execute()).rejects.toThrow(/permission denied/);
      // The migrations' bookkeeping: readable (readiness, a start without migrating), nothing more.
      expect(
        await app
          .selectFrom('kysely_migration' as never)
          .select('name' as never)
          .execute(),
      ).toHaveLength(Object.keys(migrations).length);
      await expect(sql`DELETE FROM kysely_migration`.execute(app)).rejects.toThrow(/permission denied/);
      await expect(sql`SELECT * FROM kysely_migration_lock`.execute(app)).rejects.toThrow(/permission denied/);
    } finally {
      await app.destroy();
    }
  });

  it('starts as the app role alone once the owner has migrated, and is refused clearly before', async () => {
    const { app, appUrl, ownerUrl } = await emptyDatabaseWithAppRole();
    try {
      // Before the owner's migration job: the app role may not create the schema itself.
      await expect(migrateAppDatabase(app, { databaseUrl: appUrl.toString() })).rejects.toThrow(/permission denied/);
      await migrateAppDatabase(app, { databaseUrl: appUrl.toString(), migrationDatabaseUrl: ownerUrl });
      // After it (compose.yaml's one-shot job): a process with only the app role's URL starts.
      expect((await migrateAppDatabase(app, { databaseUrl: appUrl.toString() })).results).toEqual([]);
    } finally {
      await app.destroy();
    }
  });
});
