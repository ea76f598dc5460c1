import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import * as fx from '../support/fixtures.js';

// The database itself refuses to change what must never change (the audit log, a published
// catalogue version, corrections after finalising, a signed GPMI, evaluations), whatever query
// reaches it: on SQLite through triggers, on PostgreSQL through trigger functions made from the same
// migrations (migrations/support/postgres.ts). Runs on both databases.

let t: TestApp;
let org: number;
let signedVersion: number;
let draftVersion: number;

beforeEach(async () => {
  t = await makeTestApp();
  org = await t.organisation('OCMW Onveranderlijk');
  const team = await t.team(org, 'Team Noord');
  const worker = await t.user(org, { email: 'w@ocmw.be', teams: [{ teamId: team, role: 'worker' }] });
  const scope = await fx.scopeOf(t.db, worker);
  const h = await fx.household(t.db, t.now(), scope, { members: [{ firstName: 'Sara' }] });
  const balanceId = await fx.finalisedBalance(t.db, t.now(), scope, h.id, { takenOn: '2026-11-20' });
  const gpmiId = await fx.gpmi(t.db, t.now(), scope, h.id, {
    balanceId,
    startOn: '2026-12-01',
    agreements: [{ domainKey: 'verblijfplaats', text: 'Zoeken naar een woning' }],
    signed: { on: '2026-11-22', clientName: 'Sara Test' },
  });
  signedVersion = (await t.db.selectFrom('gpmi_version').select('id').where('gpmi_id', '=', gpmiId).executeTakeFirstOrThrow()).id;
  await fx.evaluation(t.db, t.now(), scope, gpmiId, { heldOn: '2027-03-01', inPerson: true });
  draftVersion = (
    await t.db
      .insertInto('gpmi_version')
      .values({
        gpmi_id: gpmiId,
        number: 2,
        status: 'draft',
        start_on: '2026-12-01',
        duration_months: 12,
        reason: 'Nieuwe woning',
        created_at: t.now(),
        updated_at: t.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await t.db
    .insertInto('audit_event')
    .values({ at: t.now(), organisation_id: org, actor_user_id: worker, action: 'household.viewed', outcome: 'success' })
    .execute();
});
afterEach(async () => {
  await t.close();
});

describe('rules the database keeps', () => {
  it('the audit log is append-only', async () => {
    await expect(t.db.updateTable('audit_event').set({ action: 'signout' }).execute()).rejects.toThrow(/audit_event is append-only/);
    await expect(t.db.deleteFrom('audit_event').execute()).rejects.toThrow(/audit_event is append-only/);
  });

  it('a published catalogue version never changes and is never deleted', async () => {
    await expect(t.db.updateTable('catalogue_version').set({ note: 'herschreven' }).where('organisation_id', '=', org).execute()).rejects.toThrow(
      /catalogue_version is immutable/,
    );
    await expect(t.db.deleteFrom('catalogue_version').where('organisation_id', '=', org).execute()).rejects.toThrow(/catalogue_version is immutable/);
  });

  it('a signed GPMI version, its moments, agreements and items never change; a draft does', async () => {
    const rule = /a signed gpmi version is immutable/;
    await expect(t.db.updateTable('gpmi_version').set({ duration_months: 3 }).where('id', '=', signedVersion).execute()).rejects.toThrow(rule);
    await expect(t.db.deleteFrom('gpmi_version').where('id', '=', signedVersion).execute()).rejects.toThrow(rule);
    await expect(t.db.updateTable('gpmi_agreement').set({ text: 'Iets anders' }).where('version_id', '=', signedVersion).execute()).rejects.toThrow(rule);
    await expect(
      t.db.insertInto('gpmi_agreement').values({ version_id: signedVersion, position: 9, subject: 'h', domain_key: 'werk' }).execute(),
    ).rejects.toThrow(rule);
    await expect(t.db.insertInto('gpmi_moment').values({ version_id: signedVersion, position: 9, on_date: '2027-06-01' }).execute()).rejects.toThrow(rule);
    // Moving an agreement out of the signed version is refused as well (its old version is signed).
    await expect(t.db.updateTable('gpmi_agreement').set({ version_id: draftVersion }).where('version_id', '=', signedVersion).execute()).rejects.toThrow(rule);

    const updated = await t.db.updateTable('gpmi_version').set({ duration_months: 3 }).where('id', '=', draftVersion).executeTakeFirst();
    expect(Number(updated.numUpdatedRows)).toBe(1);
    await t.db.insertInto('gpmi_moment').values({ version_id: draftVersion, position: 0, on_date: '2027-06-01' }).execute();
    const stillSigned = await t.db.selectFrom('gpmi_version').select(['status', 'duration_months']).where('id', '=', signedVersion).executeTakeFirstOrThrow();
    expect(stillSigned).toEqual({ status: 'signed', duration_months: 6 });
  });

  it('evaluations are append-only', async () => {
    await expect(t.db.updateTable('gpmi_evaluation').set({ held_on: '2030-01-01' }).execute()).rejects.toThrow(/gpmi evaluations are append-only/);
    await expect(t.db.deleteFrom('gpmi_evaluation').execute()).rejects.toThrow(/gpmi evaluations are append-only/);
  });

  it('a refused change inside a transaction rolls back what that transaction wrote before it', async () => {
    const before = await t.db.selectFrom('organisation').select('name').where('id', '=', org).executeTakeFirstOrThrow();
    await expect(
      t.db.transaction().execute(async (trx) => {
        await trx.updateTable('organisation').set({ name: 'Anders' }).where('id', '=', org).execute();
        await sql`UPDATE audit_event SET action = 'x'`.execute(trx);
      }),
    ).rejects.toThrow(/append-only/);
    expect(await t.db.selectFrom('organisation').select('name').where('id', '=', org).executeTakeFirstOrThrow()).toEqual(before);
  });
});
