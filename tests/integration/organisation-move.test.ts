import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAdminCommand } from '../../src/cli/admin.js';
import { totpAt } from '../../src/auth/totp.js';
import { readOrganisation, manifestOfDatabaseRows } from '../../src/organisation-move/export.js';
import type { MoveFile } from '../../src/organisation-move/format.js';
import { makeTestApp, sessionCookieFrom, type TestApp } from '../support/app.js';
import { openSqliteFileDatabase } from '../support/test-database.js';
import { countsOf, MOVE_PASSWORD, organisationToMove, type MovedOrganisation } from '../support/move-fixtures.js';

// Moving one OCMW out of its database into another (src/organisation-move/, decision 037): from
// the project's database (SQLite in memory, or PostgreSQL) into a second, SQLite file that already
// serves another OCMW. The round trip through PostgreSQL is organisation-move.postgres.test.ts.

let dir: string;
let source: TestApp;
let target: TestApp;
let moved: MovedOrganisation;

const run = (t: TestApp, argv: string[]) => runAdminCommand(argv, { db: t.db, config: t.config, now: t.now });

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgmove-'));
  source = await makeTestApp();
  target = await makeTestApp({}, { database: await openSqliteFileDatabase(dir, 'target.db') });
  // The target serves another OCMW already, so every moved id lands on a different number.
  await organisationToMove(target, 'herentals');
  moved = await organisationToMove(source, 'kasterlee');
  // A second OCMW in the source, which stays there.
  await organisationToMove(source, 'geel');
});
afterEach(async () => {
  await source.close();
  await target.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function organisationsOf(t: TestApp) {
  return t.db.selectFrom('organisation').select(['id', 'name']).orderBy('id').execute();
}

async function exportTo(file: string) {
  return run(source, ['export-organisation', '--id', String(moved.organisationId), '--out', file]);
}

describe('export-organisation and import-organisation', () => {
  it('move the organisation with new ids, verified, audited at both ends; its users work there, the others are unchanged', async () => {
    const file = path.join(dir, 'kasterlee.json');
    const before = await countsOf(source, moved.organisationId);
    const herentals = (await organisationsOf(target))[0]!;
    const herentalsBefore = manifestOfDatabaseRows((await readOrganisation(target.db, herentals.id))!);

    const exported = await exportTo(file);
    expect(exported[0]).toMatch(/^Exported organisation \d+ "OCMW kasterlee" to .*kasterlee\.json \(checksum [0-9a-f]{64}\)\.$/);
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
    const content = JSON.parse(fs.readFileSync(file, 'utf8')) as MoveFile;
    // Only this organisation: its two households, not those of the OCMW that stays behind.
    expect(content.tables.household).toHaveLength(2);
    expect(content.tables.organisation).toEqual([expect.objectContaining({ name: 'OCMW kasterlee' })]);
    // Bytes as base64 (the authenticator key), times in milliseconds.
    expect(content.tables.app_user!.find((u) => u.email === moved.admin.email)!.totp_key).toEqual({
      base64: Buffer.from(moved.admin.totpKey).toString('base64'),
    });
    expect(content.tables.household![0]!.created_at).toBe(source.now());
    expect(content.tables.user_session).toBeUndefined();

    const imported = await run(target, ['import-organisation', '--in', file]);
    expect(imported[0]).toMatch(
      /^Imported "OCMW kasterlee" as organisation \d+; read back and verified against the file \(organisation-move:[0-9a-f]{32}\)\.$/,
    );
    expect(imported.at(-1)).toBe('1 active user(s) had no password yet (an open invitation): give them one with reset-password.');
    const orgs = await organisationsOf(target);
    expect(orgs.map((o) => o.name)).toEqual(['OCMW herentals', 'OCMW kasterlee']);
    const newOrg = orgs[1]!.id;

    // Counts equal (the target has one audit row more: the import's own).
    expect(await countsOf(target, newOrg)).toEqual({ ...before, audit_event: before.audit_event + 1 });
    // Checksums equal: the organisation read back from the target gives the file's manifest.
    const back = manifestOfDatabaseRows((await readOrganisation(target.db, newOrg))!);
    for (const [table, m] of Object.entries(content.manifest.tables)) {
      if (table === 'audit_event') expect(back.tables[table]!.count).toBe(m.count + 1);
      else expect(back.tables[table], table).toEqual(m);
    }

    // New ids, and the ids inside the data follow them.
    const household = await target.db.selectFrom('household').selectAll().where('dossier_ref', '=', moved.dossierRef).executeTakeFirstOrThrow();
    expect(household.organisation_id).toBe(newOrg);
    expect(household.id).not.toBe(moved.householdId);
    const members = (await target.db.selectFrom('household_member').select('id').where('household_id', '=', household.id).execute()).map((m) => m.id);
    const subjects = await target.db
      .selectFrom('balance_score')
      .innerJoin('balance', 'balance.id', 'balance_score.balance_id')
      .select('balance_score.subject')
      .where('balance.household_id', '=', household.id)
      .execute();
    for (const { subject } of subjects) expect(subject === 'h' || members.includes(Number(subject.slice(1))), subject).toBe(true);
    const viewed = await target.db
      .selectFrom('audit_event')
      .select('target_id')
      .where('organisation_id', '=', newOrg)
      .where('action', '=', 'household.viewed')
      .executeTakeFirstOrThrow();
    expect(viewed.target_id).toBe(String(household.id));
    const zuid = await target.db
      .selectFrom('team')
      .select('id')
      .where('organisation_id', '=', newOrg)
      .where('name', '=', 'Team Zuid')
      .executeTakeFirstOrThrow();
    const targetOf = async (action: string) =>
      (
        await target.db
          .selectFrom('audit_event')
          .select('target_id')
          .where('organisation_id', '=', newOrg)
          .where('action', '=', action)
          .executeTakeFirstOrThrow()
      ).target_id;
    expect(await targetOf('figures.viewed')).toMatch(new RegExp(`^distribution\\?.*team=${zuid.id}(&|$)`));
    expect(await targetOf('todo.viewed')).toBe(`${zuid.id}.all`);
    // The refused look at household 999999 keeps no number: here it could name someone else's household.
    expect(await targetOf('access.denied')).toBeNull();
    const gpmi = await target.db.selectFrom('gpmi').select('id').where('household_id', '=', household.id).executeTakeFirstOrThrow();
    const version = await target.db.selectFrom('gpmi_version').select('status').where('gpmi_id', '=', gpmi.id).executeTakeFirstOrThrow();
    expect(version.status).toBe('signed');

    // Audited at both ends with the same reference; no content.
    const reference = /\((organisation-move:[0-9a-f]{32})\)/.exec(imported[0]!)![1];
    const exportRow = await source.db.selectFrom('audit_event').selectAll().where('action', '=', 'organisation.exported').executeTakeFirstOrThrow();
    expect(exportRow).toMatchObject({ organisation_id: moved.organisationId, target_type: 'organisation', request_id: reference, actor_user_id: null });
    const importRow = await target.db.selectFrom('audit_event').selectAll().where('action', '=', 'organisation.imported').executeTakeFirstOrThrow();
    expect(importRow).toMatchObject({ organisation_id: newOrg, target_type: 'organisation', target_id: String(newOrg), request_id: reference });

    // The worker signs in on the target with the old password and sees the household and its GPMI.
    const signin = await target.request('/signin', { form: { email: moved.worker.email, password: MOVE_PASSWORD } });
    expect(signin.status).toBe(303);
    const cookie = sessionCookieFrom(signin)!;
    const page = await target.request(`/households/${household.id}`, { cookie });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Peeters');
    expect((await target.request(`/households/${household.id}/gpmis/${gpmi.id}`, { cookie })).status).toBe(200);
    // The administrator's second factor moved with the account.
    const adminSignin = await target.request('/signin', { form: { email: moved.admin.email, password: MOVE_PASSWORD } });
    expect(adminSignin.headers.get('Location')).toBe('/signin/two-factor?next=%2F');
    const pending = sessionCookieFrom(adminSignin)!;
    expect((await target.request('/signin/two-factor', { cookie: pending, form: { code: totpAt(moved.admin.totpKey, target.now()) } })).status).toBe(303);

    // The OCMW that was there already is unchanged.
    expect(manifestOfDatabaseRows((await readOrganisation(target.db, herentals.id))!)).toEqual(herentalsBefore);
  });

  it('refuses a damaged file, a file of another version and a file that is not one, changing nothing', async () => {
    const file = path.join(dir, 'kasterlee.json');
    await exportTo(file);
    const content = JSON.parse(fs.readFileSync(file, 'utf8')) as MoveFile;
    const before = await organisationsOf(target);
    const auditBefore = await countsOf(target, before[0]!.id);

    const damaged = structuredClone(content);
    damaged.tables.household_member![0]!.first_name = 'Iemand anders';
    fs.writeFileSync(path.join(dir, 'damaged.json'), JSON.stringify(damaged));
    await expect(run(target, ['import-organisation', '--in', path.join(dir, 'damaged.json')])).rejects.toThrow(
      /The file is damaged: the rows of "household_member" do not match its checksum/,
    );
    const cut = structuredClone(content);
    cut.tables.balance_score!.pop();
    fs.writeFileSync(path.join(dir, 'cut.json'), JSON.stringify(cut));
    await expect(run(target, ['import-organisation', '--in', path.join(dir, 'cut.json')])).rejects.toThrow(
      /"balance_score" do not match its checksum \(\d+ rows, expected \d+\)/,
    );
    fs.writeFileSync(path.join(dir, 'v2.json'), JSON.stringify({ ...content, version: 2 }));
    await expect(run(target, ['import-organisation', '--in', path.join(dir, 'v2.json')])).rejects.toThrow(
      /format version 2; this version reads version 1 only/,
    );
    fs.writeFileSync(path.join(dir, 'half.json'), fs.readFileSync(file, 'utf8').slice(0, 1000));
    await expect(run(target, ['import-organisation', '--in', path.join(dir, 'half.json')])).rejects.toThrow(/not an organisation move file \(not JSON\)/);
    await expect(run(target, ['import-organisation', '--in', path.join(dir, 'missing.json')])).rejects.toThrow(/cannot read .*missing\.json \(ENOENT\)/);

    expect(await organisationsOf(target)).toEqual(before);
    expect(await countsOf(target, before[0]!.id)).toEqual(auditBefore);
  });

  it('refuses to import the same organisation twice, and undoes an import that does not read back as the file', async () => {
    const file = path.join(dir, 'kasterlee.json');
    await exportTo(file);
    await run(target, ['import-organisation', '--in', file]);
    const after = await organisationsOf(target);
    await expect(run(target, ['import-organisation', '--in', file])).rejects.toThrow(
      /already holds part of organisation "OCMW kasterlee": 3 of its 3 e-mail addresses of its users already have an account here; 1 of its 1 API client ids .*Was it imported before\? Nothing was imported\./,
    );
    expect(await organisationsOf(target)).toEqual(after);

    // A database that changes what it is given (here a trigger) fails the read-back: all undone.
    const other = await makeTestApp({}, { database: await openSqliteFileDatabase(dir, 'other.db') });
    try {
      other.sqlite.exec(`CREATE TRIGGER meddle AFTER INSERT ON household BEGIN UPDATE household SET search_text = 'x' WHERE id = NEW.id; END`);
      await expect(run(other, ['import-organisation', '--in', file])).rejects.toThrow(
        /Verification failed: read back from this database, household differ\(s\) from the file\. Nothing was imported\./,
      );
      expect(await organisationsOf(other)).toEqual([]);
      expect(await other.db.selectFrom('audit_event').select('id').execute()).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('refuses an organisation whose sign-in account at an identity provider is linked to a user here already, changing nothing', async () => {
    // One account at the shared identity provider of a partnership, linked in both databases (to
    // the moved worker in the source, to a user of the OCMW already served by the target).
    const identity = { issuer: 'https://login.partnerschap.be', subject: 'a1b2c3', created_at: source.now(), last_signin_at: null };
    await source.db
      .insertInto('sso_identity')
      .values({ ...identity, user_id: moved.worker.id })
      .execute();
    const herentalsUser = await target.db.selectFrom('app_user').select('id').orderBy('id').executeTakeFirstOrThrow();
    await target.db
      .insertInto('sso_identity')
      .values({ ...identity, user_id: herentalsUser.id })
      .execute();
    const file = path.join(dir, 'kasterlee.json');
    await exportTo(file);
    const before = await organisationsOf(target);
    await expect(run(target, ['import-organisation', '--in', file])).rejects.toThrow(
      /already holds part of organisation "OCMW kasterlee": 1 of its 1 sign-in accounts at an identity provider are already linked to a user here\. .*Nothing was imported\./,
    );
    expect(await organisationsOf(target)).toEqual(before);
    expect(await target.db.selectFrom('sso_identity').select('user_id').execute()).toEqual([{ user_id: herentalsUser.id }]);
  });

  it('exports only an organisation that exists, and never over an existing file', async () => {
    await expect(run(source, ['export-organisation', '--id', '999', '--out', path.join(dir, 'x.json')])).rejects.toThrow(/There is no organisation 999/);
    expect(fs.existsSync(path.join(dir, 'x.json'))).toBe(false);
    const file = path.join(dir, 'taken.json');
    fs.writeFileSync(file, 'iets');
    await expect(exportTo(file)).rejects.toThrow(/exists already; choose a new file\. Nothing was exported\./);
    expect(fs.readFileSync(file, 'utf8')).toBe('iets');
    // The refused export left no audit row behind.
    expect(await source.db.selectFrom('audit_event').select('id').where('action', '=', 'organisation.exported').execute()).toEqual([]);
  });
});
