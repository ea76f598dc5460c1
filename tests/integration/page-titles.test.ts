import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import * as fx from '../support/fixtures.js';

// WCAG 2.4.2 and 3.3.1: a page about a client file names the dossier in its title, most specific
// first, and a page that refuses a form starts its title with "Fout: " (in the user's language).

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(async () => {
  await t.close();
});

function titleOf(html: string): string {
  const m = /<title>([^<]*)<\/title>/.exec(html);
  if (!m) throw new Error('no <title>');
  return m[1]!;
}

async function titleAt(path: string, cookie: string, form?: Record<string, string>) {
  const res = await t.request(path, { cookie, ...(form ? { form } : {}) });
  return { status: res.status, title: titleOf(await res.text()) };
}

/** A worker in Team Noord (Dutch), an English-speaking colleague, an admin; a dossier with a balance and a GPMI. */
async function setup(dossierRef: string | null) {
  const org = await t.organisation();
  const team = await t.team(org, 'Team Noord');
  const worker = await t.user(org, { email: 'wendy@ocmw.be', teams: [{ teamId: team, role: 'worker' }] });
  const english = await t.user(org, { email: 'emma@ocmw.be', locale: 'en', teams: [{ teamId: team, role: 'worker' }] });
  const admin = await t.user(org, { email: 'ann@ocmw.be', isAdmin: true });
  const scope = await fx.scopeOf(t.db, worker);
  const h = await fx.household(t.db, t.now(), scope, { dossierRef, members: [{ firstName: 'Sara', lastName: 'Peeters', birthYear: 1985, role: 'aanvrager' }] });
  const balance = await fx.balance(t.db, t.now(), scope, h.id, { takenOn: '2026-11-20', scores: { 'h.schulden': 2 } });
  const draft = await fx.balance(t.db, t.now(), scope, h.id, { takenOn: '2026-11-21', finalise: false });
  const gpmi = await fx.gpmi(t.db, t.now(), scope, h.id, { balanceId: balance, startOn: '2026-11-22', agreements: [{ domainKey: 'schulden' }] });
  return {
    h,
    balance,
    draft,
    gpmi,
    cookie: await t.sessionCookie(worker),
    english: await t.sessionCookie(english),
    admin: await t.sessionCookie(admin),
  };
}

describe('the title of a page about a client file names the dossier', () => {
  it('by its dossier number, most specific first', async () => {
    const s = await setup('D100050');
    const base = `/households/${s.h.id}`;
    const expected: [string, string][] = [
      [base, 'Huishouden — D100050 — Sociale Balans'],
      [`${base}/members/${s.h.members[0]}`, 'Gezinslid — D100050 — Sociale Balans'],
      [`${base}/balances/new`, 'Nieuwe meting — D100050 — Sociale Balans'],
      [`${base}/balances/${s.draft}`, 'Meting van 21/11/2026 — D100050 — Sociale Balans'],
      [`${base}/balances/${s.balance}`, 'Meting van 20/11/2026 — D100050 — Sociale Balans'],
      [`${base}/balances/${s.balance}/overview`, 'Overzicht van de meting van 20/11/2026 — D100050 — Sociale Balans'],
      [`${base}/evolution`, 'Evolutie van het gezin — D100050 — Sociale Balans'],
      [`${base}/gpmis/${s.gpmi}`, 'GPMI — D100050 — Sociale Balans'],
    ];
    for (const [path, title] of expected) expect({ path, ...(await titleAt(path, s.cookie)) }).toEqual({ path, status: 200, title });
  });

  it('by "Dossier <number>" when it has no dossier number (never a person), in the user’s language', async () => {
    const s = await setup(null);
    const base = `/households/${s.h.id}`;
    expect(await titleAt(base, s.cookie)).toEqual({ status: 200, title: `Huishouden — Dossier ${s.h.id} — Sociale Balans` });
    expect(await titleAt(`${base}/balances/${s.balance}/overview`, s.cookie)).toEqual({
      status: 200,
      title: `Overzicht van de meting van 20/11/2026 — Dossier ${s.h.id} — Sociale Balans`,
    });
    expect(await titleAt(`${base}/gpmis/${s.gpmi}`, s.cookie)).toEqual({ status: 200, title: `GPMI — Dossier ${s.h.id} — Sociale Balans` });
    expect(await titleAt(base, s.english)).toEqual({ status: 200, title: `Household — Case ${s.h.id} — Social Balance` });
  });
});

describe('a page that refuses a form starts its title with "Fout: "', () => {
  it('in every feature', async () => {
    const s = await setup('D100050');
    const base = `/households/${s.h.id}`;
    const refused: [string, string, Record<string, string>][] = [
      ['household', '/households', { member_count: '1', team: '', first_name_0: '' }],
      ['member', `${base}/members/${s.h.members[0]}`, { revision: '0', first_name: '' }],
      ['balance', `${base}/balances`, { takenOn: 'morgen', method: 'raden' }],
      ['GPMI', `${base}/gpmis`, { balance: String(s.balance), start_on: 'gisteren' }],
    ];
    for (const [what, path, form] of refused) {
      const r = await titleAt(path, s.cookie, form);
      expect({ what, status: r.status, fout: r.title.startsWith('Fout: ') }).toEqual({ what, status: 422, fout: true });
    }
    const catalogue = await titleAt('/catalogue/import', s.admin, {});
    expect(catalogue.status).toBe(422);
    expect(catalogue.title).toMatch(/^Fout: /);
    const admin = await titleAt('/admin/users', s.admin, { display_name: 'Nina', email: 'nina@@ocmw' });
    expect(admin.status).toBe(422);
    expect(admin.title).toMatch(/^Fout: /);
    const signIn = await t.request('/signin', { form: { email: '', password: '' } });
    expect(signIn.status).toBe(422);
    expect(titleOf(await signIn.text())).toBe('Fout: Aanmelden — Sociale Balans');
  });

  it('with the dossier after it, and "Error: " for an English-speaking user', async () => {
    const s = await setup('D100050');
    expect(await titleAt(`/households/${s.h.id}/balances`, s.cookie, { takenOn: 'morgen', method: 'raden' })).toEqual({
      status: 422,
      title: 'Fout: Nieuwe meting — D100050 — Sociale Balans',
    });
    expect(await titleAt(`/households/${s.h.id}/balances`, s.english, { takenOn: 'morgen', method: 'raden' })).toEqual({
      status: 422,
      title: 'Error: New balance — D100050 — Social Balance',
    });
    const signIn = await t.request('/signin', { headers: { 'Accept-Language': 'en' }, form: { email: '', password: '' } });
    expect(signIn.status).toBe(422);
    expect(titleOf(await signIn.text())).toMatch(/^Error: /);
  });

  it('not on a page that saved or that only shows', async () => {
    const s = await setup('D100050');
    expect((await titleAt(`/households/${s.h.id}/balances/new`, s.cookie)).title).not.toMatch(/^Fout/);
    expect((await titleAt('/signin', '')).title).toBe('Aanmelden — Sociale Balans');
  });
});
