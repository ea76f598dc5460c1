import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import * as fx from '../support/fixtures.js';
import type { OrgScope } from '../../src/auth/scope.js';
import { inTransaction } from '../../src/db/transaction.js';
import { updateMember } from '../../src/households/queries.js';

// An OCMW that starts with the tool has its clients' balances on paper. Members get an editable
// "in het gezin sinds" date, so balances dated before the dossier was made can be entered; a date
// later than a balance that already has the member is refused and changes nothing; and a refused
// balance date says what is really wrong. The test clock: 22 November 2026.

let t: TestApp;
let cookie: string;
let scope: OrgScope;
let household: number;
let sara: number;
let lotte: number;

beforeEach(async () => {
  t = await makeTestApp();
  const org = await t.organisation();
  const team = await t.team(org, 'Team Noord');
  const worker = await t.user(org, { email: 'wendy@ocmw.be', name: 'Wendy Werker', teams: [{ teamId: team, role: 'worker' }] });
  cookie = await t.sessionCookie(worker);
  scope = await fx.scopeOf(t.db, worker);
  // Made "today": both members in the household since 22/11/2026, as the dossier form sets it.
  const h = await fx.household(t.db, t.now(), scope, {
    dossierRef: 'D100050',
    joinedOn: '2026-11-22',
    members: [
      { firstName: 'Sara', lastName: 'Peeters', birthYear: 1985 },
      { firstName: 'Lotte', lastName: 'Peeters', birthYear: 2015, role: 'kind' },
    ],
  });
  household = h.id;
  [sara, lotte] = h.members as [number, number];
});
afterEach(async () => t.close());

const member = (id: number) => t.db.selectFrom('household_member').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const audits = (action: string) => t.db.selectFrom('audit_event').select(['action', 'target_id']).where('action', '=', action).execute();
/** As the page writes a text: quotes escaped. */
const html = (text: string) => text.replace(/"/g, '&quot;');
const balances = () => t.db.selectFrom('balance').select(['taken_on']).orderBy('taken_on').execute();

/** The member form as the page posts it, with this "in het gezin sinds". */
function memberForm(revision: number, joinedOn: string, over: Record<string, string> = {}) {
  return {
    revision: String(revision),
    first_name: 'Sara',
    last_name: 'Peeters',
    birth_year: '1985',
    birth_date: '',
    role: 'aanvrager',
    adult: 'auto',
    national_number: '',
    joined_on: joinedOn,
    ...over,
  };
}

describe('a refused balance date says what is really wrong', () => {
  it('before anyone was in the household: names the day and the first "in het gezin sinds", writes nothing', async () => {
    const res = await t.request(`/households/${household}/balances`, { cookie, form: { takenOn: '12/03/2025', method: 'samen' } });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Op 12/03/2025 was nog niemand lid van dit gezin: het eerste gezinslid is er sinds 22/11/2026.');
    expect(html).toContain('In het gezin sinds');
    expect(await balances()).toEqual([]);
  });

  it('a day in the future is not called invalid, and an impossible day is', async () => {
    const future = await (await t.request(`/households/${household}/balances`, { cookie, form: { takenOn: '23/11/2026', method: 'samen' } })).text();
    expect(future).toContain('Die datum ligt in de toekomst.');
    const impossible = await (await t.request(`/households/${household}/balances`, { cookie, form: { takenOn: '31/02/2026', method: 'samen' } })).text();
    expect(impossible).toContain('Typ een geldige datum');
    expect(await balances()).toEqual([]);
  });

  it('after everyone left: says so, with the last departure', async () => {
    for (const id of [sara, lotte]) {
      const m = await member(id);
      const res = await t.request(`/households/${household}/members/${id}/departure`, {
        cookie,
        form: { revision: String(m.revision), left_on: '22/11/2026' },
      });
      expect(res.status).toBe(303);
    }
    // The dossier is still open, but nobody is a member any more on or after 22/11/2026.
    const html = await (await t.request(`/households/${household}/balances`, { cookie, form: { takenOn: '22/11/2026', method: 'samen' } })).text();
    expect(html).toContain('Op 22/11/2026 was iedereen al vertrokken uit dit gezin (het laatste vertrek was op 22/11/2026).');
  });

  it('the form says the allowed range up front: from the first member until today, as dd/mm/jjjj', async () => {
    const html = await (await t.request(`/households/${household}/balances/new`, { cookie })).text();
    expect(html).toContain('Typ dag/maand/jaar: dd/mm/jjjj. Tussen 22/11/2026 en vandaag.');
    expect(html).toMatch(/<input id="field-takenOn" name="takenOn" aria-describedby="field-takenOn-hint"[^>]*type="text" value="22\/11\/2026"/);
  });
});

describe('"in het gezin sinds"', () => {
  it('an earlier date lets the paper balances be entered: audited, and the balance has the member', async () => {
    const before = await member(sara);
    const res = await t.request(`/households/${household}/members/${sara}`, { cookie, form: memberForm(before.revision, '01/09/2024') });
    expect(res.status).toBe(303);
    expect((await member(sara)).joined_on).toBe('2024-09-01');
    expect(await audits('household_member.updated')).toEqual([{ action: 'household_member.updated', target_id: String(sara) }]);

    const created = await t.request(`/households/${household}/balances`, {
      cookie,
      form: { takenOn: '12/03/2025', method: 'samen', participants: String(sara) },
    });
    expect(created.status).toBe(303);
    const id = Number(/balances\/(\d+)$/.exec(created.headers.get('Location')!)![1]);
    const subjects = await t.db.selectFrom('balance_subject').select('member_id').where('balance_id', '=', id).execute();
    // Lotte joined on 22/11/2026: she is not part of a balance of March 2025.
    expect(subjects).toEqual([{ member_id: sara }]);
  });

  it('later than a balance that already has the member: refused with the balance date, nothing changed', async () => {
    const m = await member(sara);
    await t.request(`/households/${household}/members/${sara}`, { cookie, form: memberForm(m.revision, '01/09/2024') });
    await fx.balance(t.db, t.now(), scope, household, { takenOn: '2025-03-12', finalise: false });
    const stored = await member(sara);
    const updatesBefore = (await audits('household_member.updated')).length;

    const res = await t.request(`/households/${household}/members/${sara}`, {
      cookie,
      form: memberForm(stored.revision, '01/04/2025', { first_name: 'Sarah' }),
    });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain(
      html('Dit gezinslid hoort al bij de meting van 12/03/2025. "In het gezin sinds" kan dus niet later zijn dan 12/03/2025. Er werd niets gewijzigd.'),
    );
    expect(page).toMatch(/<title>Fout: /);
    expect(await member(sara)).toEqual(stored);
    expect(await audits('household_member.updated')).toHaveLength(updatesBefore);
    // The page says the range before anyone tries: from birth until that balance.
    expect(page).toContain('Tussen 01/01/1985 en 12/03/2025.');
  });

  it('the same rule holds in the transaction that writes: a balance started meanwhile counts too', async () => {
    const m = await member(sara);
    await t.request(`/households/${household}/members/${sara}`, { cookie, form: memberForm(m.revision, '01/09/2024') });
    const stored = await member(sara);
    // The form was checked before this balance existed; the save itself must still refuse.
    await fx.balance(t.db, t.now(), scope, household, { takenOn: '2025-03-12', finalise: false });
    const values = {
      firstName: 'Sara',
      lastName: 'Peeters',
      birthYear: 1985,
      birthDate: null,
      role: 'aanvrager' as const,
      adultOverride: null,
      nationalNumber: null,
    };
    const result = await inTransaction(t.db, (trx) =>
      updateMember(trx, scope, household, sara, stored.revision, { ...values, joinedOn: '2025-06-01' }, t.now()),
    );
    expect(result).toEqual({ status: 'joinedAfterBalance', balanceOn: '2025-03-12' });
    expect(await member(sara)).toEqual(stored);
  });

  it('refuses a day that is not a day, in the future, before birth or after leaving, each in words, changing nothing', async () => {
    const m = await member(lotte);
    const lotteForm = (joined: string) => memberForm(m.revision, joined, { first_name: 'Lotte', birth_year: '2015', role: 'kind' });
    for (const [joined, message] of [
      ['31/02/2020', 'Vul een bestaande datum in als dag/maand/jaar, bijvoorbeeld 01/09/2024.'],
      ['23/11/2026', '"In het gezin sinds" kan niet in de toekomst liggen.'],
      ['31/12/2014', '"In het gezin sinds" kan niet voor de geboorte liggen (01/01/2015).'],
      ['', 'Vul in sinds wanneer dit gezinslid in het gezin is.'],
    ] as const) {
      const res = await t.request(`/households/${household}/members/${lotte}`, { cookie, form: lotteForm(joined) });
      expect(res.status, joined).toBe(422);
      expect(await res.text(), joined).toContain(html(message));
    }
    expect(await member(lotte)).toEqual(m);

    // She joined in 2020 and left on 01/06/2026: she cannot have joined after she left.
    expect((await t.request(`/households/${household}/members/${lotte}`, { cookie, form: lotteForm('01/01/2020') })).status).toBe(303);
    const joined = await member(lotte);
    const left = await t.request(`/households/${household}/members/${lotte}/departure`, {
      cookie,
      form: { revision: String(joined.revision), left_on: '01/06/2026' },
    });
    expect(left.status).toBe(303);
    const gone = await member(lotte);
    const late = await t.request(`/households/${household}/members/${lotte}`, {
      cookie,
      form: { ...lotteForm('01/07/2026'), revision: String(gone.revision) },
    });
    expect(late.status).toBe(422);
    expect(await late.text()).toContain(html('"In het gezin sinds" kan niet na het vertrek liggen (01/06/2026).'));
    expect(await member(lotte)).toEqual(gone);
  });

  it('a new member can be added with an earlier day; left empty it is the day of adding', async () => {
    const add = (over: Record<string, string>) =>
      t.request(`/households/${household}/members`, {
        cookie,
        form: { first_name: 'Tom', last_name: 'Peeters', birth_year: '1983', role: 'partner', adult: 'auto', national_number: '', birth_date: '', ...over },
      });
    expect((await add({ joined_on: '15/01/2023' })).status).toBe(303);
    expect((await add({ first_name: 'Jan', joined_on: '' })).status).toBe(303);
    const rows = await t.db
      .selectFrom('household_member')
      .select(['first_name', 'joined_on'])
      .where('first_name', 'in', ['Tom', 'Jan'])
      .orderBy('first_name')
      .execute();
    expect(rows).toEqual([
      { first_name: 'Jan', joined_on: '2026-11-22' },
      { first_name: 'Tom', joined_on: '2023-01-15' },
    ]);
    const bad = await add({ first_name: 'Piet', joined_on: '01/01/1970' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain(html('"In het gezin sinds" kan niet voor de geboorte liggen (01/01/1983).'));
    expect(await t.db.selectFrom('household_member').select('id').where('first_name', '=', 'Piet').execute()).toEqual([]);
  });

  it('a form without the field (a page opened before it existed) keeps the stored day', async () => {
    const m = await member(sara);
    const { joined_on: _dropped, ...old } = memberForm(m.revision, '');
    const res = await t.request(`/households/${household}/members/${sara}`, { cookie, form: { ...old, first_name: 'Sarah' } });
    expect(res.status).toBe(303);
    expect(await member(sara)).toMatchObject({ first_name: 'Sarah', joined_on: '2026-11-22' });
  });
});
