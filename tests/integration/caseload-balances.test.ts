import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import { monthsBefore } from '../../src/households/logic.js';

let t: TestApp;
let org: number;
let team: number;
let cookie: string;

async function household(name: string) {
  const now = t.now();
  const h = await t.db
    .insertInto('household')
    .values({
      organisation_id: org,
      team_id: team,
      dossier_ref: name,
      status: 'active',
      search_text: name.toLowerCase(),
      created_at: now,
      updated_at: now,
      assigned_user_id: null,
      closed_at: null,
      created_by: null,
      updated_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('household_member')
    .values({
      household_id: h.id,
      first_name: name,
      last_name: 'Test',
      birth_year: 1980,
      birth_date: null,
      role: 'aanvrager',
      adult_override: null,
      national_number: null,
      joined_on: '2020-01-01',
      left_on: null,
      position: 0,
      created_at: now,
      updated_at: now,
      updated_by: null,
    })
    .execute();
  return h.id;
}

/** A finalised balance with one household-level score (verblijfplaats), and `more` household-level scores. */
async function balance(householdId: number, takenOn: string, score: number, more: Record<string, number> = {}) {
  const version = await t.db.selectFrom('catalogue_version').select('id').where('organisation_id', '=', org).executeTakeFirstOrThrow();
  const now = t.now();
  const b = await t.db
    .insertInto('balance')
    .values({
      organisation_id: org,
      household_id: householdId,
      catalogue_version_id: version.id,
      taken_on: takenOn,
      method: 'samen',
      status: 'final',
      created_at: now,
      created_by: null,
      updated_at: now,
      finalised_at: now,
      finalised_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [domain, value] of Object.entries({ verblijfplaats: score, ...more })) {
    await t.db
      .insertInto('balance_score')
      .values({
        balance_id: b.id,
        subject: 'h',
        member_id: null,
        domain_key: domain,
        state: 'scored',
        score: value,
        client_score: null,
        remark: '',
        prefilled: 0,
        revision: 1,
        editor_token: '',
        updated_at: now,
        updated_by: null,
      })
      .execute();
  }
  return b.id;
}

beforeEach(async () => {
  t = await makeTestApp();
  org = await t.organisation();
  team = await t.team(org, 'Team Noord');
  cookie = await t.sessionCookie(await t.user(org, { email: 'w@ocmw.be', teams: [{ teamId: team, role: 'worker' }] }));
});
afterEach(async () => {
  await t.close();
});

function rowOf(html: string, name: string): string {
  const i = html.indexOf(`>${name}</a>`);
  return html.slice(i, html.indexOf('</tr>', i));
}

describe('caseload with balances', () => {
  it('shows the last balance date and the direction since the previous one, in words', async () => {
    const better = await household('Anna');
    await balance(better, '2026-03-01', 2);
    await balance(better, '2026-09-01', 4);
    const worse = await household('Bert');
    await balance(worse, '2026-03-01', 4);
    await balance(worse, '2026-09-15', 1);
    const single = await household('Cas');
    await balance(single, '2026-05-01', 3);
    await household('Dirk');
    const html = await (await t.request('/households', { cookie })).text();
    expect(rowOf(html, 'Anna')).toContain('01/09/2026');
    expect(rowOf(html, 'Anna')).toContain('beter');
    expect(rowOf(html, 'Bert')).toContain('15/09/2026');
    expect(rowOf(html, 'Bert')).toContain('slechter');
    expect(rowOf(html, 'Cas')).toContain('01/05/2026');
    expect(rowOf(html, 'Cas')).not.toMatch(/beter|slechter|gelijk/);
    expect(rowOf(html, 'Dirk')).toContain('nog geen meting');
  });

  it('filters on "no balance in the last N months" and sorts by the last balance date', async () => {
    const recent = await household('Recent');
    await balance(recent, '2026-10-01', 3);
    const old = await household('Oud');
    await balance(old, '2026-01-15', 3);
    await household('Nooit');
    const filtered = await (await t.request('/households?stale=6', { cookie })).text();
    expect(filtered).toContain('>Oud</a>');
    expect(filtered).toContain('>Nooit</a>');
    expect(filtered).not.toContain('>Recent</a>');
    const sorted = await (await t.request('/households?sort=balance_asc', { cookie })).text();
    const order = ['Nooit', 'Oud', 'Recent'].map((n) => sorted.indexOf(`>${n}</a>`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const desc = await (await t.request('/households?sort=balance_desc', { cookie })).text();
    expect(desc.indexOf('>Recent</a>')).toBeLessThan(desc.indexOf('>Oud</a>'));
  });

  it("leaves hidden sensitive scores and agreements out of a shielded viewer's direction and count", async () => {
    // veiligheid is a sensitive household domain; verblijfplaats is not.
    await t.db.updateTable('organisation').set({ sensitive_visibility: 'assigned' }).where('id', '=', org).execute();
    const leadId = await t.user(org, { email: 'lead@ocmw.be', teams: [{ teamId: team, role: 'lead' }] });
    const leadCookie = await t.sessionCookie(leadId);
    const h = await household('Els');
    await balance(h, '2026-03-01', 3, { veiligheid: 2 });
    const latest = await balance(h, '2026-09-01', 3, { veiligheid: 4 });
    // A signed GPMI from the latest balance: one open agreement on each domain.
    const now = t.now();
    const gpmi = await t.db
      .insertInto('gpmi')
      .values({ organisation_id: org, household_id: h, member_id: null, balance_id: latest, created_at: now, created_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const version = await t.db
      .insertInto('gpmi_version')
      .values({
        gpmi_id: gpmi.id,
        number: 1,
        start_on: '2026-10-01',
        duration_months: 12,
        reason: null,
        created_at: now,
        created_by: null,
        updated_at: now,
        updated_by: null,
        signed_on: null,
        signed_client_name: null,
        signed_by: null,
        signed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [position, domain] of ['verblijfplaats', 'veiligheid'].entries()) {
      await t.db
        .insertInto('gpmi_agreement')
        .values({ version_id: version.id, position, subject: 'h', member_id: null, domain_key: domain, text: 'x', target_score: null, due_on: null })
        .execute();
    }
    await t.db
      .updateTable('gpmi_version')
      .set({ status: 'signed', signed_on: '2026-10-01', signed_client_name: 'Els Test', signed_by: leadId, signed_at: now })
      .where('id', '=', version.id)
      .execute();
    const openCount = (row: string) => row.match(/<td>(\d+)<\/td>\s*$/)?.[1];
    // The lead sees sensitive domains: the veiligheid score went up, two agreements are open.
    const lead = rowOf(await (await t.request('/households', { cookie: leadCookie })).text(), 'Els');
    expect(lead).toContain('beter');
    expect(openCount(lead)).toBe('2');
    // A worker not assigned to the household does not: only verblijfplaats (unchanged) and its agreement count.
    const worker = rowOf(await (await t.request('/households', { cookie })).text(), 'Els');
    expect(worker).toContain('gelijk');
    expect(worker).not.toContain('beter');
    expect(openCount(worker)).toBe('1');
  });

  it('ignores an unknown filter value instead of failing', async () => {
    expect((await t.request('/households?stale=7&sort=zzz', { cookie })).status).toBe(200);
  });
});

describe('monthsBefore', () => {
  it.each([
    ['2026-11-22', 6, '2026-05-22'],
    ['2026-03-31', 1, '2026-02-28'],
    ['2026-01-15', 3, '2025-10-15'],
    ['2024-08-31', 6, '2024-02-29'],
  ])('%s minus %i months is %s', (iso, n, expected) => {
    expect(monthsBefore(iso, n)).toBe(expected);
  });
});
