import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import * as fx from '../support/fixtures.js';
import type { UserScope } from '../../src/auth/scope.js';

// The living wage per beneficiary (its own resource beside the member) and the "Te doen" list.
// The test clock stands on 22 November 2026.

let t: TestApp;
let org: number;
let team: number;
let worker: number;
let colleague: number;
let scope: UserScope;
let cookie: string;
let household: { id: number; members: number[] };

beforeAll(async () => {
  t = await makeTestApp();
  org = await t.organisation('OCMW Opvolging');
  team = await t.team(org, 'Team Noord');
  worker = await t.user(org, { email: 'wendy@opvolging.be', teams: [{ teamId: team, role: 'worker' }] });
  colleague = await t.user(org, { email: 'koen@opvolging.be', teams: [{ teamId: team, role: 'worker' }] });
  scope = await fx.scopeOf(t.db, worker);
  cookie = await t.sessionCookie(worker);
  household = await fx.household(t.db, t.now(), scope, {
    dossierRef: 'D-2026-0100',
    assignedUserId: worker,
    members: [
      { firstName: 'Sara', lastName: 'Peeters', birthYear: 1985 },
      { firstName: 'Karim', lastName: 'Peeters', birthYear: 1982, role: 'partner' },
    ],
  });
});
afterAll(() => t.close());

/** The evaluation form's fields for every agreement of a version: no note, still "lopend". */
async function agreementFields(versionId: number): Promise<Record<string, string>> {
  const agreements = await t.db.selectFrom('gpmi_agreement').select('id').where('version_id', '=', versionId).execute();
  return Object.fromEntries(
    agreements.flatMap((a) => [
      [`e${a.id}.note`, ''],
      [`e${a.id}.status`, 'lopend'],
    ]),
  );
}

const page = () => `/households/${household.id}/members/${household.members[0]}/living-wage`;
const grants = () => t.db.selectFrom('living_wage').selectAll().execute();

describe('the living wage of a beneficiary', () => {
  it('shows its own page from the member, audited as a read', async () => {
    const member = await (await t.request(`/households/${household.id}/members/${household.members[0]}`, { cookie })).text();
    expect(member).toContain(`href="${page()}"`);
    const res = await t.request(page(), { cookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Leefloon van Sara Peeters');
    expect(html).toContain('Nog geen leefloon ingegeven.');
    // The shared date field (decision 023): format and range said up front, tied to the field.
    expect(html).toContain('<p class="field__hint" id="field-granted_on-hint">Typ dag/maand/jaar: dd/mm/jjjj. Tussen 01/10/2002 en vandaag.</p>');
    expect(html).toContain('<div class="field field--date"><label for="field-granted_on">Leefloon toegekend op</label>');
    expect(html).toMatch(/<input id="field-granted_on" name="granted_on" aria-describedby="field-granted_on-hint"/);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'target_type', 'target_id'])
      .where('request_id', '=', res.headers.get('X-Request-Id')!)
      .execute();
    expect(audit).toEqual([{ action: 'living_wage.viewed', target_type: 'household_member', target_id: String(household.members[0]) }]);
  });

  it('refuses each bad field with its own message and writes nothing', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ granted_on: '', exemption: '' }, 'Vul de datum in waarop het leefloon werd toegekend.'],
      [{ granted_on: '31/02/2026', exemption: '' }, 'Deze datum bestaat niet.'],
      [{ granted_on: '01/12/2026', exemption: '' }, 'De datum ligt in de toekomst.'],
      [{ granted_on: '01/01/1999', exemption: '' }, 'Deze datum ligt voor oktober 2002'],
      [{ granted_on: '01/10/2026', exemption: 'ziekte' }, 'Kies een van de mogelijkheden.'],
    ];
    for (const [form, message] of cases) {
      const res = await t.request(page(), { cookie, form: { ...form, revision: '0' } });
      expect(res.status, JSON.stringify(form)).toBe(422);
      const html = await res.text();
      expect(html).toContain(message);
      expect(html).toContain('<title>Fout: ');
    }
    expect(await grants()).toEqual([]);
  });

  it('saves the grant date and an exemption with its reason, audited in the same change', async () => {
    const res = await t.request(page(), { cookie, form: { granted_on: '01/10/2026', exemption: '', revision: '0' } });
    expect(res.status).toBe(303);
    expect(await grants()).toEqual([expect.objectContaining({ member_id: household.members[0], granted_on: '2026-10-01', exemption: null, revision: 1 })]);
    const html = await (await t.request(`${page()}?saved=1`, { cookie })).text();
    expect(html).toContain('Toegekend op 01/10/2026');
    expect(html).toContain('GPMI tegen 01/01/2027');
    const changed = await t.request(page(), { cookie, form: { granted_on: '01/10/2026', exemption: 'health', revision: '1' } });
    expect(changed.status).toBe(303);
    expect((await grants())[0]).toMatchObject({ exemption: 'health', revision: 2 });
    const audit = await t.db.selectFrom('audit_event').select('action').where('action', '=', 'living_wage.saved').execute();
    expect(audit).toHaveLength(2);
  });

  it('a save on an old revision is a conflict (409) that shows what is stored and keeps what was typed', async () => {
    const res = await t.request(page(), { cookie, form: { granted_on: '15/09/2026', exemption: '', revision: '1' } });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('Iemand anders heeft dit intussen gewijzigd.');
    expect(html).toContain('value="15/09/2026"');
    expect((await grants())[0]).toMatchObject({ granted_on: '2026-10-01', exemption: 'health', revision: 2 });
  });

  it('another household’s member is not found (404, audited as access.denied)', async () => {
    const other = await fx.household(t.db, t.now(), scope, { members: [{ firstName: 'Ander' }] });
    const res = await t.request(`/households/${household.id}/members/${other.members[0]}/living-wage`, {
      cookie,
      form: { granted_on: '01/10/2026', exemption: '', revision: '0' },
    });
    expect(res.status).toBe(404);
    expect(await t.db.selectFrom('living_wage').select('id').where('member_id', '=', other.members[0]!).execute()).toEqual([]);
    const denied = await t.db.selectFrom('audit_event').select('action').where('request_id', '=', res.headers.get('X-Request-Id')!).execute();
    expect(denied).toEqual([{ action: 'access.denied' }]);
  });

  it('can be removed when entered by mistake', async () => {
    const res = await t.request(`${page()}/removal`, { cookie, form: { revision: '2' } });
    expect(res.status).toBe(303);
    expect(await grants()).toEqual([]);
    await fx.livingWage(t.db, t.now(), scope, household.id, household.members[0]!, { grantedOn: '2026-10-01' });
  });
});

describe('Te doen', () => {
  it('lists what is due in my case files, with its date and a link, late first', async () => {
    // A balance in May 2026: the next one is due in November (6 months) — late by the 22nd.
    await fx.finalisedBalance(t.db, t.now(), scope, household.id, { takenOn: '2026-05-10', scores: { 'h.verblijfplaats': 2 } });
    const res = await t.request('/todo', { cookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('10/11/2026');
    expect(html).toContain('(te laat)');
    expect(html).toContain(`href="/households/${household.id}/balances/new"`);
    // The living wage of 1 October asks for a GPMI for Sara by 1 January.
    expect(html).toContain('GPMI voor Sara');
    expect(html).toContain('01/01/2027');
    expect(html).toContain(`href="/households/${household.id}/gpmis/new"`);
    expect(html.indexOf('10/11/2026')).toBeLessThan(html.indexOf('01/01/2027'));
    const audit = await t.db.selectFrom('audit_event').select(['action', 'target_id']).where('request_id', '=', res.headers.get('X-Request-Id')!).execute();
    expect(audit).toEqual([{ action: 'todo.viewed', target_id: 'mine.all' }]);
  });

  it('asks for an evaluation 4 months after signing, in person when the rule needs it', async () => {
    const balance = await fx.finalisedBalance(t.db, t.now(), scope, household.id, { takenOn: '2026-07-01', scores: { 'h.verblijfplaats': 2 } });
    const gpmi = await fx.gpmi(t.db, t.now(), scope, household.id, {
      balanceId: balance,
      memberId: household.members[0]!,
      startOn: '2026-07-15',
      durationMonths: 12,
      agreements: [{ domainKey: 'verblijfplaats', text: 'Een woning zoeken' }],
      signed: { on: '2026-07-15', clientName: 'Sara Peeters' },
    });
    const html = await (await t.request('/todo?kind=evaluation', { cookie })).text();
    expect(html).toContain('15/11/2026');
    expect(html).toContain('Evaluatie van het GPMI van Sara');
    expect(html).toContain(`href="/households/${household.id}/gpmis/${gpmi}/evaluations/new"`);
    expect(html).not.toContain('GPMI voor Sara');
    // The evaluation form asks whether it was a personal conversation: without the answer, nothing is written.
    const version = await t.db.selectFrom('gpmi_version').select('id').where('gpmi_id', '=', gpmi).executeTakeFirstOrThrow();
    const refused = await t.request(`/households/${household.id}/gpmis/${gpmi}/evaluations`, {
      cookie,
      form: { held_on: '20/11/2026', version_id: String(version.id), ...(await agreementFields(version.id)) },
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Kies of de evaluatie een persoonlijk gesprek was.');
    expect(await t.db.selectFrom('gpmi_evaluation').select('id').where('gpmi_id', '=', gpmi).execute()).toEqual([]);
    // After an evaluation by phone on 20 November, the next is due on 20 March, and should be in person.
    const byPhone = await t.request(`/households/${household.id}/gpmis/${gpmi}/evaluations`, {
      cookie,
      form: { held_on: '20/11/2026', in_person: 'no', version_id: String(version.id), ...(await agreementFields(version.id)) },
    });
    expect(byPhone.status).toBe(303);
    expect(await t.db.selectFrom('gpmi_evaluation').select('in_person').where('gpmi_id', '=', gpmi).execute()).toEqual([{ in_person: 0 }]);
    expect(await (await t.request(`/households/${household.id}/gpmis/${gpmi}`, { cookie })).text()).toContain('(geen persoonlijk gesprek)');
    const next = await (await t.request('/todo?kind=evaluation', { cookie })).text();
    expect(next).not.toContain('15/11/2026');
    // Within the 30 days shown? 20 March is later: nothing listed for evaluations now.
    expect(next).toContain('Niets te doen in deze selectie.');
  });

  it('filters on the caseload: mine, or all of my teams', async () => {
    const koen = await t.sessionCookie(colleague);
    const mine = await (await t.request('/todo', { cookie: koen })).text();
    expect(mine).toContain('Niets te doen in deze selectie.');
    const teams = await (await t.request('/todo?whose=teams', { cookie: koen })).text();
    expect(teams).toContain('D-2026-0100');
  });

  it('refuses a filter outside the choices (422) and users without a team (403)', async () => {
    for (const q of ['whose=iedereen', 'kind=koffie', `whose=99999`]) {
      const res = await t.request(`/todo?${q}`, { cookie });
      expect(res.status, q).toBe(422);
      expect(await res.text()).toContain('Kies uit de lijsten.');
    }
    const admin = await t.user(org, { email: 'beheer@opvolging.be', isAdmin: true });
    expect((await t.request('/todo', { cookie: await t.sessionCookie(admin) })).status).toBe(403);
  });
});
