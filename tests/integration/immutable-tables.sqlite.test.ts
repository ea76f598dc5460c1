import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type SQLite from 'better-sqlite3';
import { makeTestApp, type TestApp } from '../support/app.js';

// The append-only and immutable tables refuse INSERT OR REPLACE (which deletes the existing row
// without firing DELETE triggers unless recursive_triggers is on), on any connection.

let t: TestApp;
let sqlite: SQLite.Database;
const ids: Record<string, number> = {};

const run = (q: string, ...args: unknown[]) => Number(sqlite.prepare(q).run(...args).lastInsertRowid);
const row = (table: string, where: string, ...args: unknown[]) =>
  sqlite.prepare(`SELECT * FROM ${table} WHERE ${where}`).get(...args) as Record<string, unknown> | undefined;

beforeEach(async () => {
  t = await makeTestApp();
  sqlite = t.sqlite;
  const org = await t.organisation('OCMW Onveranderlijk');
  const team = await t.team(org, 'Team Noord');
  const user = await t.user(org, { email: 'w@ocmw.be', teams: [{ teamId: team, role: 'worker' }] });
  const now = t.now();
  ids.catalogueVersion = Number(row('catalogue_version', 'organisation_id = ?', org)!.id);
  const household = run(`INSERT INTO household (organisation_id, team_id, status, created_at, updated_at) VALUES (?, ?, 'active', ?, ?)`, org, team, now, now);
  const member = run(
    `INSERT INTO household_member (household_id, first_name, last_name, birth_year, role, joined_on, position, created_at, updated_at)
    VALUES (?, 'Sara', 'Peeters', 1985, 'aanvrager', '2020-01-01', 0, ?, ?)`,
    household,
    now,
    now,
  );
  const balance = run(
    `INSERT INTO balance (organisation_id, household_id, catalogue_version_id, taken_on, method, status, created_at, updated_at, finalised_at, finalised_by)
    VALUES (?, ?, ?, '2026-11-20', 'samen', 'final', ?, ?, ?, ?)`,
    org,
    household,
    ids.catalogueVersion,
    now,
    now,
    now,
    user,
  );
  ids.amendment = run(
    `INSERT INTO balance_amendment (balance_id, subject, domain_key, reason, before_state, before_remark, after_state, after_score, after_remark, created_at, created_by)
    VALUES (?, 'h', 'verblijfplaats', 'Tikfout', 'open', '', 'scored', 2, '', ?, ?)`,
    balance,
    now,
    user,
  );
  const gpmi = run(
    `INSERT INTO gpmi (organisation_id, household_id, member_id, balance_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)`,
    org,
    household,
    member,
    balance,
    now,
    user,
  );
  // Version 1 is filled as a draft, then signed; version 2 is the open draft.
  ids.signed = run(
    `INSERT INTO gpmi_version (gpmi_id, number, status, start_on, duration_months, created_at, updated_at) VALUES (?, 1, 'draft', '2026-12-01', 12, ?, ?)`,
    gpmi,
    now,
    now,
  );
  ids.moment = run(`INSERT INTO gpmi_moment (version_id, position, on_date) VALUES (?, 0, '2027-03-01')`, ids.signed);
  ids.agreement = run(
    `INSERT INTO gpmi_agreement (version_id, position, subject, domain_key, text) VALUES (?, 0, 'h', 'verblijfplaats', 'Zoeken naar een woning')`,
    ids.signed,
  );
  ids.item = run(`INSERT INTO gpmi_agreement_item (agreement_id, kind, position, text) VALUES (?, 'client', 0, 'Inschrijven bij het SVK')`, ids.agreement);
  run(
    `UPDATE gpmi_version SET status = 'signed', signed_on = '2026-11-22', signed_client_name = 'Sara Peeters', signed_by = ?, signed_at = ? WHERE id = ?`,
    user,
    now,
    ids.signed,
  );
  ids.draft = run(
    `INSERT INTO gpmi_version (gpmi_id, number, status, start_on, duration_months, reason, created_at, updated_at) VALUES (?, 2, 'draft', '2026-12-01', 12, 'Nieuwe woning', ?, ?)`,
    gpmi,
    now,
    now,
  );
  ids.draftAgreement = run(`INSERT INTO gpmi_agreement (version_id, position, subject, domain_key) VALUES (?, 0, 'h', 'verblijfplaats')`, ids.draft);
  ids.draftItem = run(`INSERT INTO gpmi_agreement_item (agreement_id, kind, position, text) VALUES (?, 'client', 0, 'Nog te bespreken')`, ids.draftAgreement);
  ids.evaluation = run(
    `INSERT INTO gpmi_evaluation (gpmi_id, version_id, held_on, created_at, created_by) VALUES (?, ?, '2027-03-01', ?, ?)`,
    gpmi,
    ids.signed,
    now,
    user,
  );
  run(`INSERT INTO gpmi_evaluation_item (evaluation_id, agreement_id, note, status) VALUES (?, ?, 'Ingeschreven', 'lopend')`, ids.evaluation, ids.agreement);
  ids.audit = run(
    `INSERT INTO audit_event (at, organisation_id, actor_user_id, action, target_type, target_id, outcome) VALUES (?, ?, ?, 'balance.amended', 'balance', ?, 'success')`,
    now,
    org,
    user,
    String(balance),
  );
});
afterEach(async () => {
  await t.close();
});

/** Per table: which existing row, and what a replacement would change in it. */
const cases: { table: string; where: () => [string, ...unknown[]]; change: () => Record<string, unknown> }[] = [
  { table: 'audit_event', where: () => ['id = ?', ids.audit], change: () => ({ action: 'signout' }) },
  { table: 'catalogue_version', where: () => ['id = ?', ids.catalogueVersion], change: () => ({ note: 'herschreven' }) },
  { table: 'balance_amendment', where: () => ['id = ?', ids.amendment], change: () => ({ reason: 'Een andere reden', after_score: 5 }) },
  {
    table: 'gpmi_version',
    where: () => ['id = ?', ids.signed],
    change: () => ({ status: 'draft', signed_on: null, signed_client_name: null, signed_by: null, signed_at: null }),
  },
  // The replacement names the draft version, so the older "no insert into a signed version" trigger does not see it.
  { table: 'gpmi_moment', where: () => ['id = ?', ids.moment], change: () => ({ version_id: ids.draft, on_date: '2030-01-01' }) },
  { table: 'gpmi_agreement', where: () => ['id = ?', ids.agreement], change: () => ({ version_id: ids.draft, text: 'Iets anders' }) },
  { table: 'gpmi_agreement_item', where: () => ['id = ?', ids.item], change: () => ({ agreement_id: ids.draftAgreement, text: 'Iets anders' }) },
  { table: 'gpmi_evaluation', where: () => ['id = ?', ids.evaluation], change: () => ({ held_on: '2030-01-01' }) },
  {
    table: 'gpmi_evaluation_item',
    where: () => ['evaluation_id = ? AND agreement_id = ?', ids.evaluation, ids.agreement],
    change: () => ({ note: 'Herschreven', status: 'bereikt' }),
  },
];

describe('append-only and immutable tables refuse INSERT OR REPLACE', () => {
  for (const { table, where, change } of cases) {
    // Off: what a hand-opened sqlite3 shell has. On: what the app's own connection has.
    for (const recursive of [false, true]) {
      it(`${table} (recursive_triggers ${recursive ? 'on' : 'off'}): aborts and the original row stays`, () => {
        sqlite.pragma(`recursive_triggers = ${recursive ? 'ON' : 'OFF'}`);
        const [clause, ...args] = where();
        const original = row(table, clause, ...args)!;
        const replacement = { ...original, ...change() };
        const cols = Object.keys(replacement);
        for (const verb of ['INSERT OR REPLACE INTO', 'REPLACE INTO']) {
          expect(() => sqlite.prepare(`${verb} ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(replacement)).toThrow(
            /immutable|append-only/,
          );
        }
        expect(row(table, clause, ...args)).toEqual(original);
      });
    }
  }

  it('normal inserts still work on each of them', () => {
    const now = t.now();
    run(`INSERT INTO audit_event (at, action, outcome) VALUES (?, 'signout', 'success')`, now);
    const cv = row('catalogue_version', 'id = ?', ids.catalogueVersion)!;
    run(
      `INSERT INTO catalogue_version (organisation_id, number, published_at, changes, content) VALUES (?, 99, ?, '[]', ?)`,
      cv.organisation_id,
      now,
      cv.content,
    );
    const amendment = row('balance_amendment', 'id = ?', ids.amendment)!;
    run(
      `INSERT INTO balance_amendment (balance_id, subject, domain_key, reason, before_state, before_remark, after_state, after_remark, created_at) VALUES (?, 'h', 'schulden', 'x', 'open', '', 'nvt', '', ?)`,
      amendment.balance_id,
      now,
    );
    const gpmi = row('gpmi_version', 'id = ?', ids.draft)!.gpmi_id;
    run(`INSERT INTO gpmi_moment (version_id, position, on_date) VALUES (?, 1, '2027-06-01')`, ids.draft);
    const agreement = run(`INSERT INTO gpmi_agreement (version_id, position, subject, domain_key) VALUES (?, 1, 'h', 'schulden')`, ids.draft);
    run(`INSERT INTO gpmi_agreement_item (agreement_id, kind, position, text) VALUES (?, 'ocmw', 0, 'Budgetbegeleiding')`, agreement);
    const evaluation = run(`INSERT INTO gpmi_evaluation (gpmi_id, version_id, held_on, created_at) VALUES (?, ?, '2027-06-01', ?)`, gpmi, ids.signed, now);
    run(`INSERT INTO gpmi_evaluation_item (evaluation_id, agreement_id, note, status) VALUES (?, ?, 'Gevonden', 'bereikt')`, evaluation, ids.agreement);
    run(
      `INSERT INTO gpmi_version (gpmi_id, number, status, start_on, duration_months, reason, created_at, updated_at) VALUES (?, 3, 'draft', '2027-01-01', 6, 'x', ?, ?)`,
      gpmi,
      now,
      now,
    );
    expect(row('gpmi_evaluation_item', 'evaluation_id = ?', evaluation)).toMatchObject({ note: 'Gevonden' });
  });

  it('corrections and published catalogue versions can be neither changed nor deleted', () => {
    expect(() => run(`UPDATE balance_amendment SET reason = 'x' WHERE id = ?`, ids.amendment)).toThrow(/append-only/);
    expect(() => run(`DELETE FROM balance_amendment WHERE id = ?`, ids.amendment)).toThrow(/append-only/);
    const unused = run(
      `INSERT INTO catalogue_version (organisation_id, number, published_at, changes, content) SELECT organisation_id, 98, published_at, changes, content FROM catalogue_version WHERE id = ?`,
      ids.catalogueVersion,
    );
    expect(() => run(`DELETE FROM catalogue_version WHERE id = ?`, unused)).toThrow(/immutable/);
  });

  it('the app connection has recursive_triggers on, so UPDATE OR REPLACE cannot delete a signed row either', () => {
    expect(Number(sqlite.pragma('recursive_triggers', { simple: true }))).toBe(1);
    // Moving a draft item onto a signed item's id would delete the signed item as a "conflict".
    const signedItem = row('gpmi_agreement_item', 'id = ?', ids.item);
    expect(() => run(`UPDATE OR REPLACE gpmi_agreement_item SET id = ? WHERE id = ?`, ids.item, ids.draftItem)).toThrow(/immutable/);
    expect(row('gpmi_agreement_item', 'id = ?', ids.item)).toEqual(signedItem);
  });
});
