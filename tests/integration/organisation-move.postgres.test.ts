import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { runAdminCommand } from '../../src/cli/admin.js';
import { refreshPlannerStatistics } from '../../src/db/statistics.js';
import { readOrganisation, manifestOfDatabaseRows } from '../../src/organisation-move/export.js';
import type { MoveFile } from '../../src/organisation-move/format.js';
import { makeTestApp, sessionCookieFrom, type TestApp } from '../support/app.js';
import { openSqliteFileDatabase } from '../support/test-database.js';
import { countsOf, MOVE_PASSWORD, organisationToMove, type MovedOrganisation } from '../support/move-fixtures.js';

// An OCMW joins a partnership and leaves it again: from its own SQLite file into the shared
// PostgreSQL database (which serves another OCMW already), and from there into a new SQLite file.
// At each step the counts and checksums are those of the first file, and its worker can work.

let dir: string;
let sqliteSource: TestApp;
let shared: TestApp;
let sqliteBack: TestApp;
let moved: MovedOrganisation;

const run = (t: TestApp, argv: string[]) => runAdminCommand(argv, { db: t.db, config: t.config, now: t.now });
const manifestIn = async (t: TestApp, organisationId: number) => manifestOfDatabaseRows((await readOrganisation(t.db, organisationId))!);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgmove-pg-'));
  sqliteSource = await makeTestApp({}, { database: await openSqliteFileDatabase(dir, 'own.db') });
  shared = await makeTestApp();
  sqliteBack = await makeTestApp({}, { database: await openSqliteFileDatabase(dir, 'back.db') });
  await organisationToMove(shared, 'neteland');
  moved = await organisationToMove(sqliteSource, 'kasterlee');
});
afterAll(async () => {
  await Promise.all([sqliteSource.close(), shared.close(), sqliteBack.close()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

async function signInAndSeeHousehold(t: TestApp, organisationId: number) {
  const household = await t.db
    .selectFrom('household')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('dossier_ref', '=', moved.dossierRef)
    .executeTakeFirstOrThrow();
  const signin = await t.request('/signin', { form: { email: moved.worker.email, password: MOVE_PASSWORD } });
  expect(signin.status).toBe(303);
  const page = await t.request(`/households/${household.id}`, { cookie: sessionCookieFrom(signin)! });
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('Sara');
}

describe('an organisation from SQLite to PostgreSQL and back', () => {
  it('arrives with the same counts and checksums at each end, and works there', async () => {
    const counts = await countsOf(sqliteSource, moved.organisationId);
    const neteland = (await shared.db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id;
    const netelandBefore = await manifestIn(shared, neteland);

    const first = path.join(dir, 'in.json');
    await run(sqliteSource, ['export-organisation', '--id', String(moved.organisationId), '--out', first]);
    const inFile = JSON.parse(fs.readFileSync(first, 'utf8')) as MoveFile;
    const lines = await run(shared, ['import-organisation', '--in', first]);
    // The planner learns of the new rows at once (as the cluster's superuser, who may ANALYZE).
    expect(lines).toContain("The database's planner statistics of these tables are refreshed (ANALYZE).");
    const analysed = await sql<{ relname: string }>`select relname from pg_stat_user_tables where last_analyze is not null`.execute(shared.db);
    expect(analysed.rows.map((r) => r.relname)).toEqual(expect.arrayContaining(['household', 'household_member', 'balance', 'balance_score']));
    const onShared = (await shared.db.selectFrom('organisation').select('id').where('name', '=', 'OCMW kasterlee').executeTakeFirstOrThrow()).id;
    expect(await countsOf(shared, onShared)).toEqual({ ...counts, audit_event: counts.audit_event + 1 });
    await signInAndSeeHousehold(shared, onShared);
    expect(await manifestIn(shared, neteland)).toEqual(netelandBefore);

    // Leaving the partnership: out of PostgreSQL into a new SQLite file.
    const second = path.join(dir, 'out.json');
    await run(shared, ['export-organisation', '--id', String(onShared), '--out', second]);
    const outFile = JSON.parse(fs.readFileSync(second, 'utf8')) as MoveFile;
    // The same data as the first file; only the audit log grew (imported, signed in, viewed).
    for (const [table, m] of Object.entries(inFile.manifest.tables)) if (table !== 'audit_event') expect(outFile.manifest.tables[table], table).toEqual(m);
    expect(outFile.manifest.tables.audit_event!.count).toBeGreaterThan(inFile.manifest.tables.audit_event!.count);
    // SQLite plans without statistics here: nothing to refresh, nothing said.
    expect((await run(sqliteBack, ['import-organisation', '--in', second])).join('\n')).not.toMatch(/ANALYZE/);
    const back = (await sqliteBack.db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id;
    const backManifest = await manifestIn(sqliteBack, back);
    for (const [table, m] of Object.entries(outFile.manifest.tables))
      if (table === 'audit_event') expect(backManifest.tables[table]!.count).toBe(m.count + 1);
      else expect(backManifest.tables[table], table).toEqual(m);
    expect((await countsOf(sqliteBack, back)).household_member).toBe(counts.household_member);
    await signInAndSeeHousehold(sqliteBack, back);
    // The shared database keeps the organisation until someone removes it: the move copies.
    expect(await countsOf(shared, onShared)).toMatchObject({ household: counts.household });
  });
});

describe('the planner statistics after an import', () => {
  it("are refreshed only by the tables' owner: the app role is told so, or goes through MIGRATION_DATABASE_URL", async () => {
    const appRole = shared.deps.db;
    expect(await refreshPlannerStatistics(appRole, {}, ['household'])).toBe('not-owner');
    expect(await refreshPlannerStatistics(appRole, { migrationDatabaseUrl: shared.databaseUrl! }, ['household'])).toBe('refreshed');
    expect(await refreshPlannerStatistics(sqliteBack.db, {}, ['household'])).toBe('not-needed');
  });

  it('that cannot be refreshed leave the import standing, and the command says what to do', async () => {
    const file = path.join(dir, 'again.json');
    await run(sqliteSource, ['export-organisation', '--id', String(moved.organisationId), '--out', file]);
    const fresh = await makeTestApp();
    try {
      // An owner URL that answers nothing (port 1): the statistics fail after the import committed.
      const config = { ...fresh.config, migrationDatabaseUrl: 'postgres://owner@127.0.0.1:1/none' };
      const lines = await runAdminCommand(['import-organisation', '--in', file], { db: fresh.db, config, now: fresh.now });
      expect(lines[0]).toMatch(/^Imported "OCMW kasterlee" as organisation \d+/);
      expect(lines.join('\n')).toMatch(/The planner statistics of these tables were not refreshed \(.+\): run ANALYZE as their owner/);
      expect(await fresh.db.selectFrom('organisation').select('name').execute()).toEqual([{ name: 'OCMW kasterlee' }]);
    } finally {
      await fresh.close();
    }
  });
});
