import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import * as fx from '../support/fixtures.js';
import { loadGpmiForPrint } from '../../src/gpmi/queries.js';
import { scopeOfUser } from '../../src/auth/scope.js';

// Issue 7: werkpunten and goals on a finalised balance, the GPMI drafted, signed, versioned and
// evaluated. Real HTTP through the app on a fresh database; every refusal checks nothing was written.

let t: TestApp;
let org: number;
let team: number;
let worker: number;
let cookie: string;
let household: number;
let sara: number;
let karim: number;
let lina: number;
let balance: number;

/** Sara, Karim and Lina Peeters, made through the shared fixture as the worker would. */
async function makeHousehold() {
  const h = await fx.household(t.db, t.now(), await fx.scopeOf(t.db, worker), {
    members: [
      { firstName: 'Sara', lastName: 'Peeters', birthYear: 1985, role: 'aanvrager' },
      { firstName: 'Karim', lastName: 'Peeters', birthYear: 1982, role: 'partner' },
      { firstName: 'Lina', lastName: 'Peeters', birthYear: 2016, role: 'kind' },
    ],
  });
  return { id: h.id, members: h.members as [number, number, number] };
}

/** A balance as the balance feature leaves it (Sara took part): scored and, by default, finalised. */
async function makeBalance(
  householdId: number,
  members: [number, number, number],
  takenOn: string,
  scores: Record<string, number | 'nvt'>,
  status: 'final' | 'draft' = 'final',
) {
  return fx.balance(t.db, t.now(), await fx.scopeOf(t.db, worker), householdId, { takenOn, participants: [members[0]], scores, finalise: status === 'final' });
}

const planUrl = () => `/households/${household}/balances/${balance}/plan`;
const priorities = () => t.db.selectFrom('balance_priority').selectAll().where('balance_id', '=', balance).orderBy('id').execute();
const count = async (
  table: 'gpmi' | 'gpmi_version' | 'gpmi_agreement' | 'gpmi_agreement_item' | 'gpmi_evaluation' | 'gpmi_evaluation_item' | 'balance_priority' | 'balance_plan',
) =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeEach(async () => {
  t = await makeTestApp();
  org = await t.organisation('OCMW Plan');
  team = await t.team(org, 'Team Noord');
  worker = await t.user(org, { email: 'w@ocmw.be', name: 'Wendy', teams: [{ teamId: team, role: 'worker' }] });
  cookie = await t.sessionCookie(worker);
  const h = await makeHousehold();
  household = h.id;
  [sara, karim, lina] = h.members;
  balance = await makeBalance(household, h.members, '2026-11-20', {
    'h.verblijfplaats': 1,
    'h.inkomen': 2,
    'h.schulden': 3,
    'h.inzicht': 4,
    [`m${sara}.vangnet`]: 2,
    [`m${sara}.mentale-gezondheid`]: 1,
    [`m${sara}.tewerkstelling`]: 'nvt',
    [`m${sara}.mobiliteit`]: 4,
    [`m${lina}.kind-netwerk`]: 3,
  });
});
afterEach(async () => {
  await t.close();
});

/** The fields the werkpunten table posts for some rows. */
function rows(spec: Record<string, { w?: boolean; p?: string; cp?: string }>) {
  const form: Record<string, string | string[]> = { row: Object.keys(spec) };
  for (const [key, v] of Object.entries(spec)) {
    if (v.w) form[`w.${key}`] = '1';
    form[`p.${key}`] = v.p ?? '';
    form[`cp.${key}`] = v.cp ?? '';
  }
  return form;
}

async function planRevision(): Promise<string> {
  const html = await (await t.request(planUrl(), { cookie })).text();
  return /name="revision" value="(\d+)"/.exec(html)![1]!;
}

async function choose(spec: Record<string, { w?: boolean; p?: string; cp?: string }>, extra: Record<string, string> = {}) {
  return t.request(planUrl(), { cookie, form: { revision: await planRevision(), ...rows(spec), ...extra } });
}

describe('werkpunten and goals', () => {
  it("shows the domains lowest score first, with checkbox, priority and the client's own order per row", async () => {
    const res = await t.request(planUrl(), { cookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Werkpunten en doelen</h1>');
    // Household rows: Verblijfplaats (1) before Inkomen (2) before Schulden (3) before Inzicht (4).
    const order = ['Verblijfplaats', 'Inkomen', 'Schulden', 'Inzicht'].map((n) => html.indexOf(`<th scope="row">${n}</th>`));
    expect(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]!))).toBe(true);
    expect(html).toContain('name="w.h.verblijfplaats"');
    expect(html).toContain('Werkpunt: Verblijfplaats, Huishouden');
    expect(html).toContain('Wat vind jij het belangrijkst?');
    // "Niet van toepassing" cannot be chosen as a werkpunt: no checkbox for it.
    expect(html).not.toContain(`name="w.m${sara}.tewerkstelling"`);
    const low = await (await t.request(`${planUrl()}?show=low`, { cookie })).text();
    expect(low).toContain('name="w.h.inkomen"');
    expect(low).not.toContain('name="w.h.schulden"');
    const audit = await t.db.selectFrom('audit_event').select(['action', 'target_id']).where('action', '=', 'plan.viewed').execute();
    expect(audit).toEqual([
      { action: 'plan.viewed', target_id: String(balance) },
      { action: 'plan.viewed', target_id: String(balance) },
    ]);
  });

  it("saves three werkpunten (free numbers given in row order), the client's order separately, then the goals", async () => {
    const res = await choose({
      'h.verblijfplaats': { w: true, cp: '2' },
      'h.inkomen': { w: true, p: '1' },
      [`m${sara}.vangnet`]: { w: true },
      'h.schulden': { cp: '1' },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`${planUrl()}?saved=1`);
    const saved = await priorities();
    expect(saved.map((r) => [r.subject, r.domain_key, r.priority, r.client_priority])).toEqual([
      ['h', 'verblijfplaats', 2, 2],
      ['h', 'inkomen', 1, null],
      [`m${sara}`, 'vangnet', 1, null],
      ['h', 'schulden', null, 1],
    ]);
    // The goal fields now show for the three werkpunten.
    const page = await (await t.request(planUrl(), { cookie })).text();
    expect(page).toContain('name="lt.h.verblijfplaats"');
    expect(page).toContain(`name="ts.m${sara}.vangnet"`);
    expect(page).not.toContain('name="lt.h.schulden"');
    expect(page).toContain('Niet lager dan de score nu (1 Acuut probleem).');
    const goals = await t.request(planUrl(), {
      cookie,
      form: {
        revision: await planRevision(),
        'lt.h.verblijfplaats': 'Ik woon alleen.\r\nIn een betaalbare woning.',
        'st.h.verblijfplaats': 'Inschrijven bij twee SVK’s',
        'ts.h.verblijfplaats': '3',
      },
    });
    expect(goals.status).toBe(303);
    const row = (await priorities()).find((r) => r.domain_key === 'verblijfplaats')!;
    expect(row).toMatchObject({
      long_term_goal: 'Ik woon alleen.\nIn een betaalbare woning.',
      short_term_goal: 'Inschrijven bij twee SVK’s',
      target_score: 3,
      priority: 2,
    });
    expect(await t.db.selectFrom('audit_event').select('action').where('action', '=', 'plan.saved').execute()).toHaveLength(2);
  });

  it('warns above three werkpunten for one person and refuses more than five, saying why', async () => {
    const four = await choose({ 'h.verblijfplaats': { w: true }, 'h.inkomen': { w: true }, 'h.schulden': { w: true }, 'h.inzicht': { w: true } });
    expect(four.status).toBe(303);
    const page = await (await t.request(planUrl(), { cookie })).text();
    expect(page).toContain('Huishouden heeft 4 werkpunten. Dat is veel');
    const before = await priorities();
    const six = await choose({ 'h.betaalbaarheid-woning': { w: true }, 'h.zorg-voor-kinderen': { w: true } });
    expect(six.status).toBe(422);
    expect(await six.text()).toContain('Huishouden heeft meer dan 5 werkpunten. Dat kan niet');
    expect(await priorities()).toEqual(before);
  });

  it('refuses bad input with a message and writes nothing', async () => {
    const cases: [Record<string, string | string[]>, string][] = [
      [rows({ 'h.bestaat-niet': { w: true } }), 'hoort niet bij deze meting'],
      // A child's domain for an adult, an adult's domain for a child.
      [rows({ [`m${sara}.kind-netwerk`]: { w: true } }), 'hoort niet bij deze meting'],
      [rows({ [`m${lina}.vangnet`]: { w: true } }), 'hoort niet bij deze meting'],
      // A member who is not in this household.
      [rows({ 'm999999.vangnet': { w: true } }), 'hoort niet bij deze meting'],
      [{ ...rows({ 'h.verblijfplaats': { w: true } }), 'lt.h.verblijfplaats': '', 'st.h.verblijfplaats': '', 'ts.h.verblijfplaats': '6' }, 'score van 1 tot 5'],
      [{ ...rows({ 'h.verblijfplaats': { w: true } }), 'lt.h.verblijfplaats': '', 'st.h.verblijfplaats': '', 'ts.h.verblijfplaats': '0' }, 'score van 1 tot 5'],
      [{ ...rows({ 'h.schulden': { w: true } }), 'lt.h.schulden': '', 'st.h.schulden': '', 'ts.h.schulden': '2' }, 'niet lager zijn dan de score nu'],
      [rows({ 'h.verblijfplaats': { w: true, p: '1' }, 'h.inkomen': { w: true, p: '1' } }), 'dezelfde prioriteit'],
      [rows({ 'h.verblijfplaats': { w: true, p: '7' } }), 'prioriteit van 1 tot 5'],
      [rows({ 'h.verblijfplaats': { cp: '1' }, 'h.inkomen': { cp: '1' } }), 'komt een nummer twee keer voor'],
      [rows({ [`m${sara}.tewerkstelling`]: { w: true } }), 'niet van toepassing'],
    ];
    for (const [form, message] of cases) {
      const res = await t.request(planUrl(), { cookie, form: { revision: '0', ...form } });
      expect(res.status, JSON.stringify(form)).toBe(422);
      expect(await res.text()).toContain(message);
    }
    expect(await count('balance_priority')).toBe(0);
    expect(await t.db.selectFrom('balance_plan').selectAll().execute()).toHaveLength(0);
  });

  it('keeps hidden sensitive domains out of the page and refuses them', async () => {
    await t.db.updateTable('organisation').set({ sensitive_visibility: 'assigned' }).where('id', '=', org).execute();
    const other = await t.user(org, { email: 'x@ocmw.be', teams: [{ teamId: team, role: 'worker' }] });
    await t.db.updateTable('household').set({ assigned_user_id: other }).where('id', '=', household).execute();
    const page = await (await t.request(planUrl(), { cookie })).text();
    expect(page).not.toContain('mentale-gezondheid');
    expect(page).not.toContain('Mentale gezondheid');
    const res = await choose({ [`m${sara}.mentale-gezondheid`]: { w: true } });
    expect(res.status).toBe(422);
    expect(await count('balance_priority')).toBe(0);
  });

  it('checks limits and priorities among the rows the user can see; hidden rows stay as stored and are never named', async () => {
    // The assigned worker chose four werkpunten for Sara, three on sensitive domains.
    await t.db.updateTable('organisation').set({ sensitive_visibility: 'assigned' }).where('id', '=', org).execute();
    const assigned = await t.user(org, { email: 'a@ocmw.be', teams: [{ teamId: team, role: 'worker' }] });
    const assignedCookie = await t.sessionCookie(assigned);
    await t.db.updateTable('household').set({ assigned_user_id: assigned }).where('id', '=', household).execute();
    const theirRevision = /name="revision" value="(\d+)"/.exec(await (await t.request(planUrl(), { cookie: assignedCookie })).text())![1]!;
    const s = `m${sara}`;
    const setup = await t.request(planUrl(), {
      cookie: assignedCookie,
      form: {
        revision: theirRevision,
        ...rows({
          [`${s}.vangnet`]: { w: true, p: '2' },
          [`${s}.mentale-gezondheid`]: { w: true, p: '1', cp: '1' },
          [`${s}.fysieke-gezondheid`]: { w: true, p: '3' },
          [`${s}.justitie`]: { w: true, p: '4' },
        }),
        [`lt.${s}.mentale-gezondheid`]: 'Rust vinden',
        [`st.${s}.mentale-gezondheid`]: '',
        [`ts.${s}.mentale-gezondheid`]: '',
      },
    });
    expect(setup.status, (await setup.text()).match(/alert[^>]*>[^<]*|<li><a[^>]*>[^<]*/g)?.join(' | ')).toBe(303);
    const hiddenBefore = (await priorities()).filter((r) => r.domain_key !== 'vangnet');

    // A colleague who may not see sensitive domains: one werkpunt for Sara, no crowded warning.
    const page = await (await t.request(planUrl(), { cookie })).text();
    expect(page).not.toContain('heeft 4 werkpunten');
    expect(page).not.toMatch(/mentale|Mentale|justitie|Justitie|fysieke|Fysieke/);
    // Vangnet to 1 (the hidden row has 1 too), the client's order 1 (the hidden row too), and two more
    // visible werkpunten: 3 visible + 3 hidden is more than 5 in all, but only visible rows count.
    const res = await choose({ [`${s}.vangnet`]: { w: true, p: '1', cp: '1' }, [`${s}.mobiliteit`]: { w: true }, [`${s}.opleiding`]: { w: true } });
    expect(res.status).toBe(303);
    const after = await priorities();
    expect(after.find((r) => r.domain_key === 'vangnet')).toMatchObject({ priority: 1, client_priority: 1 });
    expect(after.filter((r) => r.subject === s && r.priority !== null && ['mobiliteit', 'opleiding'].includes(r.domain_key)).map((r) => r.priority)).toEqual([
      2, 3,
    ]);
    expect(after.filter((r) => !['vangnet', 'mobiliteit', 'opleiding'].includes(r.domain_key)).map(({ id: _id, ...r }) => r)).toEqual(
      hiddenBefore.map(({ id: _id, ...r }) => r),
    );
    // A refusal among visible rows names only visible ones.
    const twice = await choose({ [`${s}.vangnet`]: { w: true, p: '2' }, [`${s}.mobiliteit`]: { w: true, p: '2' } });
    expect(twice.status).toBe(422);
    const html = await twice.text();
    expect(html).toContain('Twee werkpunten van Sara Peeters hebben dezelfde prioriteit');
    expect(html).not.toMatch(/mentale|Mentale|justitie|Justitie|fysieke|Fysieke/);
  });

  it('keeps what was typed when a stale form names a row that is no longer visible', async () => {
    const s = `m${sara}`;
    expect((await choose({ [`${s}.vangnet`]: { w: true } })).status).toBe(303);
    const revision = await planRevision();
    // The form was opened while the sensitive row was visible; then the household was assigned to someone else.
    await t.db.updateTable('organisation').set({ sensitive_visibility: 'assigned' }).where('id', '=', org).execute();
    const other = await t.user(org, { email: 'x@ocmw.be', teams: [{ teamId: team, role: 'worker' }] });
    await t.db.updateTable('household').set({ assigned_user_id: other }).where('id', '=', household).execute();
    const res = await t.request(planUrl(), {
      cookie,
      form: {
        revision,
        ...rows({ [`${s}.vangnet`]: { w: true, p: '1' }, [`${s}.mentale-gezondheid`]: { w: true, p: '2' } }),
        [`lt.${s}.vangnet`]: 'Een buur die ik kan bellen',
        [`st.${s}.vangnet`]: 'Elke week iemand spreken',
        [`ts.${s}.vangnet`]: '4',
        [`lt.${s}.mentale-gezondheid`]: 'Geheim doel',
        [`st.${s}.mentale-gezondheid`]: '',
        [`ts.${s}.mentale-gezondheid`]: '',
      },
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Dat deel is weggelaten; de rest van wat je invulde staat er nog.');
    expect(html).toContain('Een buur die ik kan bellen');
    expect(html).toContain('Elke week iemand spreken');
    expect(html).not.toMatch(/mentale|Mentale|Geheim doel/);
    expect((await priorities()).map((r) => [r.domain_key, r.long_term_goal])).toEqual([['vangnet', '']]);
  });

  it('refuses werkpunten on a draft balance with a message', async () => {
    const draft = await makeBalance(household, [sara, karim, lina], '2026-11-21', { 'h.verblijfplaats': 2 }, 'draft');
    const get = await t.request(`/households/${household}/balances/${draft}/plan`, { cookie });
    expect(get.status).toBe(200);
    expect(await get.text()).toContain('Deze meting is nog niet afgerond');
    const res = await t.request(`/households/${household}/balances/${draft}/plan`, {
      cookie,
      form: { revision: '0', ...rows({ 'h.verblijfplaats': { w: true } }) },
    });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Werkpunten kies je pas na het afronden. Er werd niets bewaard.');
    expect(await count('balance_priority')).toBe(0);
  });

  it('detects a stale save: 409 with both versions, nothing overwritten', async () => {
    const stale = await planRevision();
    expect((await choose({ 'h.verblijfplaats': { w: true } })).status).toBe(303);
    const res = await t.request(planUrl(), { cookie, form: { revision: stale, ...rows({ 'h.inkomen': { w: true } }) } });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('Iemand anders bewaarde de werkpunten intussen');
    expect(html).toMatch(/Prioriteit 1: Verblijfplaats — Huishouden/); // theirs
    expect(html).toMatch(/name="w\.h\.inkomen" value="1" checked/); // mine, still in the form
    expect(html).toContain('name="revision" value="1"');
    expect((await priorities()).map((r) => r.domain_key)).toEqual(['verblijfplaats']);
  });

  it('a form without its revision is stale, even on a plan nobody saved yet: 409, nothing written', async () => {
    // Read as 0, a missing revision would match the unsaved plan and skip the check.
    for (const revision of [undefined, '', 'x']) {
      const res = await t.request(planUrl(), {
        cookie,
        form: { ...(revision === undefined ? {} : { revision }), ...rows({ 'h.verblijfplaats': { w: true } }) },
      });
      expect(res.status).toBe(409);
    }
    expect(await priorities()).toEqual([]);
    expect(await count('balance_plan')).toBe(0);
  });
});

describe('access from elsewhere', () => {
  it("answers 404 for another team's or organisation's balance and GPMI, writing nothing", async () => {
    const gpmi = await startGpmi();
    const otherOrg = await t.organisation('OCMW Elders');
    const otherTeam = await t.team(otherOrg, 'Team Elders');
    const outsider = await t.user(otherOrg, { email: 'o@elders.be', teams: [{ teamId: otherTeam, role: 'worker' }] });
    const sameOrgOtherTeam = await t.team(org, 'Team Zuid');
    const neighbour = await t.user(org, { email: 'z@ocmw.be', teams: [{ teamId: sameOrgOtherTeam, role: 'worker' }] });
    for (const who of [outsider, neighbour]) {
      const c = await t.sessionCookie(who);
      for (const [path, form] of [
        [planUrl(), undefined],
        [planUrl(), { revision: '0', ...rows({ 'h.verblijfplaats': { w: true } }) }],
        [`/households/${household}/gpmis/new?balance=${balance}`, undefined],
        [`/households/${household}/gpmis`, { balance: String(balance), for_whom: String(sara), start_on: '01/12/2026', duration: '12', moments: '' }],
        [`/households/${household}/gpmis/${gpmi}`, undefined],
        [`/households/${household}/gpmis/${gpmi}`, { revision: '1' }],
        [`/households/${household}/gpmis/${gpmi}`, { revision: '1', action: 'sign', signed_on: '22/11/2026', client_name: 'Sara' }],
        [`/households/${household}/gpmis/${gpmi}/versions`, { reason: 'x' }],
        [`/households/${household}/gpmis/${gpmi}/evaluations/new`, undefined],
        [`/households/${household}/gpmis/${gpmi}/evaluations`, { held_on: '22/11/2026' }],
      ] as [string, Record<string, string | string[]> | undefined][]) {
        const res = await t.request(path, { cookie: c, ...(form ? { form } : {}) });
        expect(res.status, `${path} ${form ? 'POST' : 'GET'}`).toBe(404);
      }
    }
    expect(await count('gpmi')).toBe(1);
    expect(await count('balance_priority')).toBe(3);
    expect((await t.db.selectFrom('gpmi_version').select('status').execute()).map((v) => v.status)).toEqual(['draft']);
    expect(
      await loadGpmiForPrint(
        t.db,
        scopeOfUser({ id: outsider, organisationId: otherOrg, memberships: [{ teamId: otherTeam, role: 'worker' }], isAdmin: false } as never),
        household,
        gpmi,
        { locale: 'nl', hideSensitive: false },
      ),
    ).toBeUndefined();
  });
});

/** Three werkpunten with goals, then a GPMI for Sara; returns its id. */
async function startGpmi(extra: Record<string, string> = {}) {
  expect((await choose({ 'h.verblijfplaats': { w: true }, 'h.inkomen': { w: true }, [`m${sara}.vangnet`]: { w: true } })).status).toBe(303);
  expect(
    (
      await t.request(planUrl(), {
        cookie,
        form: {
          revision: await planRevision(),
          'lt.h.verblijfplaats': 'Alleen wonen',
          'st.h.verblijfplaats': 'Zoeken naar huisvesting',
          'ts.h.verblijfplaats': '3',
          [`lt.m${sara}.vangnet`]: 'Mensen om op terug te vallen',
          [`st.m${sara}.vangnet`]: '',
          [`ts.m${sara}.vangnet`]: '',
        },
      })
    ).status,
  ).toBe(303);
  const res = await t.request(`/households/${household}/gpmis`, {
    cookie,
    form: { balance: String(balance), for_whom: String(sara), start_on: '01/12/2026', duration: '12', moments: '', ...extra },
  });
  expect(res.status).toBe(303);
  return Number(/gpmis\/(\d+)$/.exec(res.headers.get('Location')!)![1]);
}

const gpmiUrl = (id: number) => `/households/${household}/gpmis/${id}`;
const agreementsOf = (versionId: number) => t.db.selectFrom('gpmi_agreement').selectAll().where('version_id', '=', versionId).orderBy('position').execute();
const versionsOf = (gpmiId: number) => t.db.selectFrom('gpmi_version').selectAll().where('gpmi_id', '=', gpmiId).orderBy('number').execute();

/** The draft form as the page renders it, with changes on top. */
async function draftForm(id: number, changes: (agreements: { id: number; domain_key: string }[]) => Record<string, string>) {
  const html = await (await t.request(gpmiUrl(id), { cookie })).text();
  const revision = /<input type="hidden" name="revision" value="(\d+)"/.exec(html)![1]!;
  const [v] = await versionsOf(id);
  const latest = (await versionsOf(id)).at(-1)!;
  const agreements = await agreementsOf(latest.id);
  const form: Record<string, string> = { revision, start_on: '01/12/2026', duration: '12', moments: '01/03/2027\n01/06/2027', action: 'save' };
  for (const a of agreements) {
    Object.assign(form, {
      [`a${a.id}.text`]: a.text,
      [`a${a.id}.client`]: '',
      [`a${a.id}.ocmw`]: '',
      [`a${a.id}.partners`]: '',
      [`a${a.id}.lt`]: a.long_term_goal,
      [`a${a.id}.st`]: a.short_term_goal,
      [`a${a.id}.ts`]: a.target_score === null ? '' : String(a.target_score),
      [`a${a.id}.due`]: '',
      [`a${a.id}.status`]: a.status,
    });
  }
  void v;
  return { ...form, ...changes(agreements) };
}

/** The draft form as the page renders it, sent with "Als ondertekend bewaren" (action=sign). */
async function signForm(id: number, changes: (agreements: { id: number; domain_key: string }[]) => Record<string, string> = () => ({})) {
  return draftForm(id, (a) => ({ action: 'sign', signed_on: '22/11/2026', client_name: 'Sara Peeters', ...changes(a) }));
}

describe('the GPMI', () => {
  it("starts from the werkpunten: the person's own first, then the household's, by priority; moments every three months", async () => {
    const id = await startGpmi();
    const [v] = await versionsOf(id);
    expect(v).toMatchObject({ number: 1, status: 'draft', start_on: '2026-12-01', duration_months: 12, reason: null });
    const agreements = await agreementsOf(v!.id);
    expect(agreements.map((a) => [a.subject, a.domain_key, a.text, a.target_score, a.status])).toEqual([
      [`m${sara}`, 'vangnet', 'Mensen om op terug te vallen', null, 'lopend'],
      ['h', 'verblijfplaats', 'Zoeken naar huisvesting', 3, 'lopend'],
      ['h', 'inkomen', '', null, 'lopend'],
    ]);
    const moments = await t.db.selectFrom('gpmi_moment').select('on_date').where('version_id', '=', v!.id).orderBy('position').execute();
    expect(moments.map((m) => m.on_date)).toEqual(['2027-03-01', '2027-06-01', '2027-09-01', '2027-12-01']);
    const page = await (await t.request(gpmiUrl(id), { cookie })).text();
    expect(page).toContain('<h1>GPMI van Sara Peeters</h1>');
    expect(page).toContain('Schrijf zoals je tegen de cliënt praat');
    expect(page).toContain('Wat doe jij?');
    expect(page).toContain('Wat doet het OCMW?');
    expect(await t.db.selectFrom('audit_event').select('action').where('action', 'in', ['gpmi.created', 'gpmi.viewed']).execute()).toHaveLength(2);
    // The dossier lists it.
    const dossier = await (await t.request(`/households/${household}`, { cookie })).text();
    expect(dossier).toContain('Ontwerp, nog niet ondertekend');
  });

  it('refuses a GPMI for a child, from a draft balance, or with a bad date, writing nothing', async () => {
    expect((await choose({ 'h.verblijfplaats': { w: true } })).status).toBe(303);
    const draft = await makeBalance(household, [sara, karim, lina], '2026-11-21', {}, 'draft');
    const base = { balance: String(balance), for_whom: String(sara), start_on: '01/12/2026', duration: '12', moments: '' };
    for (const [form, status, message] of [
      [{ ...base, for_whom: String(lina) }, 422, 'Kies voor wie het GPMI is'],
      [{ ...base, balance: String(draft) }, 409, 'Rond de meting eerst af'],
      [{ ...base, start_on: '31/02/2026' }, 422, 'geldige startdatum'],
      [{ ...base, duration: '0' }, 422, 'duur van 1 tot 60'],
      [{ ...base, moments: '01/03/2030' }, 422, 'tussen de startdatum en het einde'],
      // Plausible dates only: a year back to five years ahead of today (22/11/2026).
      [{ ...base, start_on: '31/12/9999' }, 422, 'De startdatum ligt tussen 22/11/2025 en 22/11/2031'],
      [{ ...base, start_on: '21/11/2025' }, 422, 'De startdatum ligt tussen 22/11/2025 en 22/11/2031'],
      [{ ...base, start_on: '23/11/2031' }, 422, 'De startdatum ligt tussen'],
    ] as [Record<string, string>, number, string][]) {
      const res = await t.request(`/households/${household}/gpmis`, { cookie, form });
      expect(res.status, JSON.stringify(form)).toBe(status);
      expect(await res.text()).toContain(message);
    }
    expect(await count('gpmi')).toBe(0);
  });

  it('saves the draft: lists one item per line, stored normalised; an agreement without text is refused', async () => {
    const id = await startGpmi();
    const form = await draftForm(id, (a) => ({
      [`a${a[2]!.id}.text`]: 'Je vraagt je rechten op een toeslag na.',
      [`a${a[1]!.id}.client`]: '- Je belt elke maandag het SVK.\r\n\r\n• Je gaat in op elk aanbod.\n   ',
      [`a${a[1]!.id}.ocmw`]: 'Het OCMW helpt met het dossier.',
      [`a${a[1]!.id}.partners`]: 'De Lommer: begeleiding',
      [`a${a[1]!.id}.due`]: '01/03/2027',
    }));
    const res = await t.request(gpmiUrl(id), { cookie, form });
    expect(res.status).toBe(303);
    const [v] = await versionsOf(id);
    const agreements = await agreementsOf(v!.id);
    const items = await t.db
      .selectFrom('gpmi_agreement_item')
      .select(['kind', 'position', 'text'])
      .where('agreement_id', '=', agreements[1]!.id)
      .orderBy('kind')
      .orderBy('position')
      .execute();
    expect(items).toEqual([
      { kind: 'client', position: 0, text: 'Je belt elke maandag het SVK.' },
      { kind: 'client', position: 1, text: 'Je gaat in op elk aanbod.' },
      { kind: 'ocmw', position: 0, text: 'Het OCMW helpt met het dossier.' },
      { kind: 'partner', position: 0, text: 'De Lommer: begeleiding' },
    ]);
    expect(agreements[1]!.due_on).toBe('2027-03-01');
    expect(v!.revision).toBe(2);

    const empty = await draftForm(id, (a) => ({ [`a${a[0]!.id}.text`]: '   ', [`a${a[1]!.id}.client`]: 'Iets nieuws' }));
    const refused = await t.request(gpmiUrl(id), { cookie, form: empty });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('Schrijf de afspraak in één zin.');
    expect(html).toContain('Iets nieuws'); // what was typed stays
    expect((await versionsOf(id))[0]!.revision).toBe(2);
    expect((await agreementsOf(v!.id))[0]!.text).toBe('Mensen om op terug te vallen');

    // Dates out of any plausible range: refused with the range, nothing written.
    for (const [changes, message] of [
      [{ start_on: '31/12/9999' }, 'De startdatum ligt tussen 22/11/2025 en 22/11/2031'],
      [{ [`a${agreements[1]!.id}.due`]: '31/12/9999' }, 'Die datum ligt tussen 22/11/2025 en 22/11/2031'],
      [{ [`a${agreements[1]!.id}.due`]: '01/01/2020' }, 'Die datum ligt tussen 22/11/2025 en 22/11/2031'],
    ] as [Record<string, string>, string][]) {
      const res = await t.request(gpmiUrl(id), { cookie, form: await draftForm(id, () => changes) });
      expect(res.status, JSON.stringify(changes)).toBe(422);
      expect(await res.text()).toContain(message);
    }
    expect((await versionsOf(id))[0]).toMatchObject({ revision: 2, start_on: '2026-12-01' });
  });

  it('detects a concurrent edit of the draft: 409 with both versions, nothing lost', async () => {
    const id = await startGpmi();
    const first = await draftForm(id, (a) => ({ [`a${a[2]!.id}.text`]: 'Versie van collega A' }));
    const second = await draftForm(id, (a) => ({ [`a${a[2]!.id}.text`]: 'Versie van collega B' }));
    expect((await t.request(gpmiUrl(id), { cookie, form: first })).status).toBe(303);
    const res = await t.request(gpmiUrl(id), { cookie, form: second });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('Iemand anders bewaarde dit ontwerp intussen');
    expect(html).toContain('Versie van collega A');
    expect(html).toContain('value="Versie van collega B"');
    expect(html).toContain('<input type="hidden" name="revision" value="2"/>');
    const [v] = await versionsOf(id);
    expect((await agreementsOf(v!.id))[2]!.text).toBe('Versie van collega A');
  });

  it('adds an agreement for another domain of the balance, never one outside it', async () => {
    const id = await startGpmi();
    const ok = await t.request(gpmiUrl(id), {
      cookie,
      form: await draftForm(id, (a) => ({ [`a${a[2]!.id}.text`]: 'Inkomen', action: 'add', add_domain: `m${sara}.mobiliteit` })),
    });
    expect(ok.status).toBe(303);
    const [v] = await versionsOf(id);
    expect((await agreementsOf(v!.id)).map((a) => a.domain_key)).toEqual(['vangnet', 'verblijfplaats', 'inkomen', 'mobiliteit']);
    for (const bad of [`m${lina}.kind-netwerk`, `m${karim}.vangnet`, 'h.bestaat-niet', 'h.verblijfplaats', `m${sara}.tewerkstelling`]) {
      const res = await t.request(gpmiUrl(id), {
        cookie,
        form: await draftForm(id, (a) => ({ [`a${a[2]!.id}.text`]: 'Inkomen', [`a${a[3]!.id}.text`]: 'Mobiliteit', action: 'add', add_domain: bad })),
      });
      expect(res.status, bad).toBe(422);
    }
    expect(await agreementsOf(v!.id)).toHaveLength(4);
  });

  it('is signed, then never changes; a change is a new version with a reason; old versions stay readable', async () => {
    const id = await startGpmi();
    expect((await t.request(gpmiUrl(id), { cookie, form: await draftForm(id, (a) => ({ [`a${a[2]!.id}.text`]: 'Je vraagt een toeslag aan.' })) })).status).toBe(
      303,
    );
    const revision = (await versionsOf(id))[0]!.revision;
    // Not without a name, not in the future, not more than a year before the start (01/12/2026).
    for (const [sign, message] of [
      [{ signed_on: '22/11/2026', client_name: ' ' }, 'Typ de naam van de cliënt die tekende.'],
      [{ signed_on: '23/11/2027', client_name: 'Sara Peeters' }, 'niet in de toekomst'],
      [{ signed_on: '30/11/2025', client_name: 'Sara Peeters' }, 'De datum van ondertekening ligt niet voor 01/12/2025'],
    ] as [Record<string, string>, string][]) {
      const res = await t.request(gpmiUrl(id), { cookie, form: await signForm(id, () => sign) });
      expect(res.status, JSON.stringify(sign)).toBe(422);
      expect(await res.text()).toContain(message);
    }
    const stale = await signForm(id);
    expect((await t.request(gpmiUrl(id), { cookie, form: { ...stale, revision: String(revision - 1) } })).status).toBe(409);
    expect((await versionsOf(id))[0]).toMatchObject({ status: 'draft', revision });
    const signed = await t.request(gpmiUrl(id), { cookie, form: stale });
    expect(signed.status).toBe(303);
    expect(signed.headers.get('Location')).toBe(`${gpmiUrl(id)}?saved=signed`);
    const [v1] = await versionsOf(id);
    expect(v1).toMatchObject({ status: 'signed', signed_on: '2026-11-22', signed_client_name: 'Sara Peeters', signed_by: worker });
    const page = await (await t.request(gpmiUrl(id), { cookie })).text();
    expect(page).toContain('Ondertekend op 22/11/2026 door Sara Peeters en Wendy.');
    expect(page).toContain('Je vraagt een toeslag aan.');

    // Editing the signed version: refused, nothing changes. The database refuses too.
    const edit = await t.request(gpmiUrl(id), {
      cookie,
      form: {
        revision: String(v1!.revision),
        start_on: '01/12/2026',
        duration: '6',
        moments: '01/03/2027',
        [`a${(await agreementsOf(v1!.id))[0]!.id}.text`]: 'Anders',
      },
    });
    expect(edit.status).toBe(409);
    expect(await edit.text()).toContain('Maak een nieuwe versie, met de reden.');
    await expect(t.db.updateTable('gpmi_version').set({ duration_months: 6 }).where('id', '=', v1!.id).execute()).rejects.toThrow(/immutable/);
    await expect(t.db.updateTable('gpmi_agreement').set({ text: 'Anders' }).where('version_id', '=', v1!.id).execute()).rejects.toThrow(/immutable/);
    await expect(
      t.db
        .insertInto('gpmi_agreement_item')
        .values({ agreement_id: (await agreementsOf(v1!.id))[0]!.id, kind: 'client', position: 0, text: 'Stiekem' })
        .execute(),
    ).rejects.toThrow(/immutable/);
    await expect(t.db.insertInto('gpmi_moment').values({ version_id: v1!.id, position: 9, on_date: '2027-01-01' }).execute()).rejects.toThrow(/immutable/);

    // A new version needs a reason.
    const noReason = await t.request(`${gpmiUrl(id)}/versions`, { cookie, form: { reason: '  ' } });
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain('Schrijf waarom je het GPMI verandert.');
    expect(await versionsOf(id)).toHaveLength(1);
    const next = await t.request(`${gpmiUrl(id)}/versions`, { cookie, form: { reason: 'Na de evaluatie: afspraak over werk.' } });
    expect(next.status).toBe(303);
    const [, v2] = await versionsOf(id);
    expect(v2).toMatchObject({ number: 2, status: 'draft', reason: 'Na de evaluatie: afspraak over werk.' });
    expect((await agreementsOf(v2!.id)).map((a) => a.text)).toEqual((await agreementsOf(v1!.id)).map((a) => a.text));
    // A second new version while the draft exists: refused.
    expect((await t.request(`${gpmiUrl(id)}/versions`, { cookie, form: { reason: 'Nog eens' } })).status).toBe(409);
    expect(await versionsOf(id)).toHaveLength(2);
    // Change and sign version 2; version 1 stays readable as it was.
    expect(
      (await t.request(gpmiUrl(id), { cookie, form: await draftForm(id, (a) => ({ [`a${a[2]!.id}.text`]: 'Je zoekt werk met hulp van de VDAB.' })) })).status,
    ).toBe(303);
    expect((await t.request(gpmiUrl(id), { cookie, form: await signForm(id) })).status).toBe(303);
    const old = await (await t.request(`${gpmiUrl(id)}?version=1`, { cookie })).text();
    expect(old).toContain('Je bekijkt versie 1. De nieuwste versie is versie 2.');
    expect(old).toContain('Je vraagt een toeslag aan.');
    expect(old).not.toContain('VDAB');
    const latest = await (await t.request(gpmiUrl(id), { cookie })).text();
    expect(latest).toContain('Na de evaluatie: afspraak over werk.');
    expect(latest).toContain('Je zoekt werk met hulp van de VDAB.');
    expect((await t.request(`${gpmiUrl(id)}?version=9`, { cookie })).status).toBe(404);
    const actions = (await t.db.selectFrom('audit_event').select('action').where('action', 'like', 'gpmi.%').execute()).map((a) => a.action);
    expect(actions.filter((a) => a === 'gpmi.signed')).toHaveLength(2);
    expect(actions.filter((a) => a === 'gpmi.version_created')).toHaveLength(1);
  });
});

describe('evaluation', () => {
  async function signedGpmi() {
    const id = await startGpmi();
    expect((await t.request(gpmiUrl(id), { cookie, form: await draftForm(id, (a) => ({ [`a${a[2]!.id}.text`]: 'Je vraagt een toeslag aan.' })) })).status).toBe(
      303,
    );
    expect((await t.request(gpmiUrl(id), { cookie, form: await signForm(id) })).status).toBe(303);
    return id;
  }

  it('shows each agreement beside the score at the start and in the latest balance, and records what happened', async () => {
    const id = await signedGpmi();
    await makeBalance(household, [sara, karim, lina], '2026-11-22', { 'h.verblijfplaats': 3, 'h.inkomen': 1, [`m${sara}.vangnet`]: 2 });
    const page = await t.request(`${gpmiUrl(id)}/evaluations/new`, { cookie });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Bij de start (meting van 20/11/2026)');
    expect(html).toContain('Nu (meting van 22/11/2026)');
    expect(html).toMatch(/<span class="movement movement--better">beter /);
    expect(html).toMatch(/<span class="movement movement--worse">slechter /);
    expect(html).toMatch(/<span class="movement movement--same">gelijk /);
    expect(html).toContain('<span class="chip chip--3"><span class="chip__num">3</span><span class="chip__label"> Onvoldoende</span></span>');

    // The caseload counts three open agreements now.
    const caseload = await (await t.request('/households', { cookie })).text();
    expect(caseload).toContain('Open afspraken');
    expect(caseload).toMatch(/<td>3<\/td>\s*<\/tr>/);

    const [v] = await versionsOf(id);
    const agreements = await agreementsOf(v!.id);
    const res = await t.request(`${gpmiUrl(id)}/evaluations`, {
      cookie,
      form: {
        held_on: '22/11/2026',
        in_person: 'yes',
        version_id: String(v!.id),
        [`e${agreements[0]!.id}.note`]: 'Ze heeft nu een buddy.',
        [`e${agreements[0]!.id}.status`]: 'bereikt',
        [`e${agreements[1]!.id}.note`]: '',
        [`e${agreements[1]!.id}.status`]: 'bijgestuurd',
        [`e${agreements[2]!.id}.note`]: 'Niet gelukt.',
        [`e${agreements[2]!.id}.status`]: 'gestopt',
      },
    });
    expect(res.status).toBe(303);
    const items = await t.db.selectFrom('gpmi_evaluation_item').select(['agreement_id', 'note', 'status']).orderBy('agreement_id').execute();
    expect(items.map((i) => i.status)).toEqual(['bereikt', 'bijgestuurd', 'gestopt']);
    const evaluation = await t.db.selectFrom('gpmi_evaluation').selectAll().executeTakeFirstOrThrow();
    expect(evaluation).toMatchObject({ held_on: '2026-11-22', in_person: 1, gpmi_id: id, version_id: v!.id });
    const after = await (await t.request(gpmiUrl(id), { cookie })).text();
    expect(after).toContain('Evaluatie van 22/11/2026 — Bereikt');
    expect(after).toContain('Ze heeft nu een buddy.');
    // Only the "bijgestuurd" one is still open.
    expect(await (await t.request('/households', { cookie })).text()).toMatch(/<td>1<\/td>\s*<\/tr>/);
    // The PDF: the client's copy (the default) shows how it went but not the workers' notes; the
    // copy for the client file (?copy=file, linked from the GPMI page) keeps them.
    const { readPdf } = await import('../support/pdf.js');
    expect(after).toContain(`${gpmiUrl(id)}/pdf?copy=file`);
    const clientCopy = await readPdf(await (await t.request(`${gpmiUrl(id)}/pdf`, { cookie })).arrayBuffer());
    expect(clientCopy.text).toContain('22/11/2026');
    expect(clientCopy.text).not.toContain('Ze heeft nu een buddy.');
    const fileRes = await t.request(`${gpmiUrl(id)}/pdf?copy=file`, { cookie });
    expect(fileRes.headers.get('Content-Disposition')).toMatch(/^attachment; filename="gpmi-dossierkopie_/);
    const fileCopy = await readPdf(await fileRes.arrayBuffer());
    expect(fileCopy.text).toContain('Ze heeft nu een buddy.');
    expect((await t.request(`${gpmiUrl(id)}/pdf?copy=iedereen`, { cookie })).status).toBe(404);
    // A new version takes over the statuses after the evaluation.
    expect((await t.request(`${gpmiUrl(id)}/versions`, { cookie, form: { reason: 'Bijsturen' } })).status).toBe(303);
    const v2 = (await versionsOf(id))[1]!;
    expect((await agreementsOf(v2.id)).map((a) => a.status)).toEqual(['bereikt', 'bijgestuurd', 'gestopt']);
  });

  it("a note marked as shared is on the client's copy; the others only on the copy for the file", async () => {
    const id = await signedGpmi();
    const [v] = await versionsOf(id);
    const agreements = await agreementsOf(v!.id);
    const form = await (await t.request(`${gpmiUrl(id)}/evaluations/new`, { cookie })).text();
    expect(form).toContain(`name="e${agreements[0]!.id}.shared"`);
    expect(form).toContain('Deze notitie delen met de cliënt');
    const res = await t.request(`${gpmiUrl(id)}/evaluations`, {
      cookie,
      form: {
        held_on: '22/11/2026',
        in_person: 'yes',
        version_id: String(v!.id),
        [`e${agreements[0]!.id}.note`]: 'Je hebt nu een buddy, goed gedaan.',
        [`e${agreements[0]!.id}.shared`]: '1',
        [`e${agreements[0]!.id}.status`]: 'bereikt',
        [`e${agreements[1]!.id}.note`]: 'Intern: opvolgen met de schuldbemiddelaar.',
        [`e${agreements[1]!.id}.status`]: 'bijgestuurd',
        // A mark on an empty note is not kept: there is nothing to share.
        [`e${agreements[2]!.id}.note`]: '',
        [`e${agreements[2]!.id}.shared`]: '1',
        [`e${agreements[2]!.id}.status`]: 'lopend',
      },
    });
    expect(res.status).toBe(303);
    const items = await t.db.selectFrom('gpmi_evaluation_item').select(['agreement_id', 'shared_with_client']).orderBy('agreement_id').execute();
    expect(items.map((i) => i.shared_with_client)).toEqual([1, 0, 0]);
    const page = await (await t.request(gpmiUrl(id), { cookie })).text();
    expect(page).toContain('Notitie gedeeld met de cliënt: staat ook op het exemplaar van de cliënt.');
    expect(page).toContain('Notitie voor het dossier: niet op het exemplaar van de cliënt.');

    const { readPdf } = await import('../support/pdf.js');
    const clientCopy = await readPdf(await (await t.request(`${gpmiUrl(id)}/pdf`, { cookie })).arrayBuffer());
    expect(clientCopy.text).toContain('Je hebt nu een buddy, goed gedaan.');
    expect(clientCopy.text).not.toContain('Intern: opvolgen met de schuldbemiddelaar.');
    const fileCopy = await readPdf(await (await t.request(`${gpmiUrl(id)}/pdf?copy=file`, { cookie })).arrayBuffer());
    expect(fileCopy.text).toContain('Je hebt nu een buddy, goed gedaan.');
    expect(fileCopy.text).toContain('(gedeeld met de cliënt)');
    expect(fileCopy.text).toContain('Intern: opvolgen met de schuldbemiddelaar.');
  });

  it("refuses an evaluation naming another household's agreement (404), a bad status or date, and before signing", async () => {
    const id = await signedGpmi();
    const [v] = await versionsOf(id);
    const agreements = await agreementsOf(v!.id);
    // Another household of the same team, with its own GPMI.
    const other = await makeHousehold();
    const otherBalance = await makeBalance(other.id, other.members, '2026-11-20', { 'h.verblijfplaats': 2 });
    const otherGpmiId = await fx.gpmi(t.db, t.now(), await fx.scopeOf(t.db, worker), other.id, {
      balanceId: otherBalance,
      startOn: '2026-12-01',
      durationMonths: 12,
      agreements: [{ domainKey: 'verblijfplaats', text: 'x' }],
    });
    const otherGpmi = { id: otherGpmiId };
    const otherVersion = await t.db.selectFrom('gpmi_version').select('id').where('gpmi_id', '=', otherGpmiId).executeTakeFirstOrThrow();
    const foreign = await t.db.selectFrom('gpmi_agreement').select('id').where('version_id', '=', otherVersion.id).executeTakeFirstOrThrow();
    const good = {
      in_person: 'no',
      version_id: String(v!.id),
      ...Object.fromEntries(
        agreements.flatMap((a) => [
          [`e${a.id}.note`, ''],
          [`e${a.id}.status`, 'lopend'],
        ]),
      ),
    };
    const foreignRes = await t.request(`${gpmiUrl(id)}/evaluations`, {
      cookie,
      form: { held_on: '22/11/2026', ...good, [`e${foreign.id}.note`]: 'x', [`e${foreign.id}.status`]: 'bereikt' },
    });
    expect(foreignRes.status).toBe(404);
    // Another household's GPMI through this household's address: 404 too.
    expect((await t.request(`/households/${household}/gpmis/${otherGpmi.id}/evaluations`, { cookie, form: { held_on: '22/11/2026' } })).status).toBe(404);
    for (const form of [
      { held_on: '22/11/2026', ...good, [`e${agreements[0]!.id}.status`]: 'klaar' },
      { held_on: '30/02/2026', ...good },
      { held_on: '01/01/2030', ...good },
      { held_on: '22/11/2026', ...good, in_person: '' },
      { held_on: '22/11/2026', ...good, in_person: 'misschien' },
    ]) {
      expect((await t.request(`${gpmiUrl(id)}/evaluations`, { cookie, form })).status).toBe(422);
    }
    // Not more than a year before the start (01/12/2026).
    const early = await t.request(`${gpmiUrl(id)}/evaluations`, { cookie, form: { held_on: '30/11/2025', ...good } });
    expect(early.status).toBe(422);
    expect(await early.text()).toContain('De datum van de evaluatie ligt niet voor 01/12/2025');
    // A version id that is not one of this GPMI's: not found.
    expect(
      (await t.request(`${gpmiUrl(id)}/evaluations`, { cookie, form: { held_on: '22/11/2026', ...good, version_id: String(otherVersion.id) } })).status,
    ).toBe(404);
    // Before signing: nothing to evaluate.
    const draftOnly = await t.request(`/households/${other.id}/gpmis/${otherGpmi.id}/evaluations`, { cookie, form: { held_on: '22/11/2026' } });
    expect(draftOnly.status).toBe(409);
    expect(await count('gpmi_evaluation')).toBe(0);
    expect(await count('gpmi_evaluation_item')).toBe(0);
  });
});

describe('stale forms keep what was typed', () => {
  it('a draft save naming an agreement a colleague removed meanwhile is a 409 with both versions, the typed text kept', async () => {
    const id = await startGpmi();
    const mine = await draftForm(id, (a) => ({ [`a${a[0]!.id}.text`]: 'Je belt elke week je zus.', [`a${a[1]!.id}.text`]: 'Mijn tekst over de woning' }));
    // A colleague removes the first agreement.
    const removed = (await agreementsOf((await versionsOf(id))[0]!.id))[0]!;
    expect(
      (await t.request(gpmiUrl(id), { cookie, form: await draftForm(id, (a) => ({ [`a${a[0]!.id}.remove`]: '1', [`a${a[2]!.id}.text`]: 'Inkomen' })) })).status,
    ).toBe(303);
    const res = await t.request(gpmiUrl(id), { cookie, form: mine });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('Iemand anders bewaarde dit ontwerp intussen');
    expect(html).toContain('value="Mijn tekst over de woning"');
    expect(html).not.toContain(`name="a${removed.id}.text"`);
    const [v] = await versionsOf(id);
    expect((await agreementsOf(v!.id)).map((a) => a.text)).toEqual(['Zoeken naar huisvesting', 'Inkomen']);
  });

  it('signing saves what was typed in the draft form with it, in one go; a refusal keeps everything typed and signs nothing', async () => {
    const id = await startGpmi();
    // The inkomen agreement has no text yet; typed in the form together with the signature.
    const refused = await t.request(gpmiUrl(id), {
      cookie,
      form: await signForm(id, (a) => ({ [`a${a[2]!.id}.text`]: 'Je vraagt een leefloon aan.', [`a${a[1]!.id}.client`]: 'Je belt het SVK.', client_name: '' })),
    });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('value="Je vraagt een leefloon aan."');
    expect(html).toContain('Je belt het SVK.');
    expect(html).toContain('Typ de naam van de cliënt die tekende.');
    const [before] = await versionsOf(id);
    expect(before).toMatchObject({ status: 'draft', revision: 1 });
    expect((await agreementsOf(before!.id))[2]!.text).toBe('');

    const signed = await t.request(gpmiUrl(id), {
      cookie,
      form: await signForm(id, (a) => ({ [`a${a[2]!.id}.text`]: 'Je vraagt een leefloon aan.', [`a${a[1]!.id}.client`]: 'Je belt het SVK.' })),
    });
    expect(signed.status).toBe(303);
    const [v] = await versionsOf(id);
    expect(v).toMatchObject({ status: 'signed', signed_on: '2026-11-22', signed_client_name: 'Sara Peeters' });
    const agreements = await agreementsOf(v!.id);
    expect(agreements[2]!.text).toBe('Je vraagt een leefloon aan.');
    expect(await t.db.selectFrom('gpmi_agreement_item').select('text').where('agreement_id', '=', agreements[1]!.id).execute()).toEqual([
      { text: 'Je belt het SVK.' },
    ]);
    const actions = (await t.db.selectFrom('audit_event').select('action').where('action', 'in', ['gpmi.updated', 'gpmi.signed']).execute()).map(
      (a) => a.action,
    );
    expect(actions).toEqual(['gpmi.updated', 'gpmi.signed']);
  });

  it('an evaluation form opened before a new version was signed is a 409 with the typed notes kept, no access.denied', async () => {
    const id = await startGpmi();
    expect((await t.request(gpmiUrl(id), { cookie, form: await signForm(id, (a) => ({ [`a${a[2]!.id}.text`]: 'Je vraagt een toeslag aan.' })) })).status).toBe(
      303,
    );
    const [v1] = await versionsOf(id);
    const old = await agreementsOf(v1!.id);
    // The evaluation form is opened on version 1 ...
    const form = {
      held_on: '22/11/2026',
      in_person: 'yes',
      version_id: String(v1!.id),
      [`e${old[0]!.id}.note`]: 'Ze heeft nu een buddy.',
      [`e${old[0]!.id}.status`]: 'bereikt',
      [`e${old[1]!.id}.note`]: 'Nog op de wachtlijst.',
      [`e${old[1]!.id}.status`]: 'lopend',
      [`e${old[2]!.id}.note`]: '',
      [`e${old[2]!.id}.status`]: 'lopend',
    };
    // ... while a colleague makes version 2 without the woning agreement and signs it.
    expect((await t.request(`${gpmiUrl(id)}/versions`, { cookie, form: { reason: 'Woning gevonden' } })).status).toBe(303);
    expect((await t.request(gpmiUrl(id), { cookie, form: await signForm(id, (a) => ({ [`a${a[1]!.id}.remove`]: '1' })) })).status).toBe(303);
    const res = await t.request(`${gpmiUrl(id)}/evaluations`, { cookie, form });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('Intussen werd een nieuwe versie van het GPMI ondertekend.');
    expect(html).toContain('Ze heeft nu een buddy.'); // in the form, on the same domain of version 2
    expect(html).toMatch(/<textarea[^>]*name="e\d+\.note"[^>]*>Ze heeft nu een buddy\.<\/textarea>/);
    expect(html).toContain('Nog op de wachtlijst.'); // shown: that agreement is no longer in the GPMI
    const [, v2] = await versionsOf(id);
    expect(html).toContain(`name="version_id" value="${v2!.id}"`);
    expect(await count('gpmi_evaluation')).toBe(0);
    expect(await t.db.selectFrom('audit_event').select('action').where('action', '=', 'access.denied').execute()).toEqual([]);
  });
});

describe('loadGpmiForPrint', () => {
  it("gives everything a printed GPMI needs, in the user's language, without hidden sensitive agreements", async () => {
    // A werkpunt on a sensitive domain, then the GPMI.
    expect((await choose({ [`m${sara}.mentale-gezondheid`]: { w: true } })).status).toBe(303);
    const id = await startGpmi();
    const user = { id: worker, organisationId: org, memberships: [{ teamId: team, role: 'worker' as const }], isAdmin: false };
    const s = scopeOfUser(user as never);
    const full = (await loadGpmiForPrint(t.db, s, household, id, { locale: 'fr', hideSensitive: false }))!;
    expect(full.organisationName).toBe('OCMW Plan');
    expect(full.person).toEqual({ memberId: sara, firstName: 'Sara', lastName: 'Peeters' });
    expect(full.members.map((m) => [m.firstName, m.adult])).toEqual([
      ['Sara', true],
      ['Karim', true],
      ['Lina', false],
    ]);
    expect(full.version).toMatchObject({
      number: 1,
      status: 'draft',
      startOn: '2026-12-01',
      durationMonths: 12,
      endsOn: '2027-12-01',
      moments: ['2027-03-01', '2027-06-01', '2027-09-01', '2027-12-01'],
    });
    expect(full.agreements.map((a) => [a.domainKey, a.subjectLabel, a.scoreAtStart, a.status])).toEqual([
      ['mentale-gezondheid', 'Sara Peeters', 1, 'lopend'],
      ['vangnet', 'Sara Peeters', 2, 'lopend'],
      ['verblijfplaats', 'Ménage', 1, 'lopend'],
      ['inkomen', 'Ménage', 2, 'lopend'],
    ]);
    expect(full.agreements[2]).toMatchObject({ domainName: 'Lieu de vie', text: 'Zoeken naar huisvesting', targetScore: 3, longTermGoal: 'Alleen wonen' });
    const hidden = (await loadGpmiForPrint(t.db, s, household, id, { locale: 'nl', hideSensitive: true }))!;
    expect(hidden.agreements.map((a) => a.domainKey)).not.toContain('mentale-gezondheid');
    expect(hidden.hiddenAgreements).toBe(1);
    expect(await loadGpmiForPrint(t.db, s, household, id, { version: 2, locale: 'nl', hideSensitive: false })).toBeUndefined();
  });
});

describe('the GPMI as PDF', () => {
  const pdfDownloads = () => t.db.selectFrom('audit_event').select(['target_id', 'actor_user_id']).where('action', '=', 'gpmi.pdf_downloaded').execute();

  it('downloads the agreements in the je-form with signature blocks, each version by number, audited; others get 404', async () => {
    const { readPdf } = await import('../support/pdf.js');
    const id = await startGpmi();
    expect(
      (
        await t.request(gpmiUrl(id), {
          cookie,
          form: await draftForm(id, (a) => ({
            [`a${a[1]!.id}.text`]: 'Je zoekt een betaalbare woning.',
            [`a${a[1]!.id}.client`]: 'Je schrijft je in bij twee huisvestingsmaatschappijen.\nJe gaat mee naar de woonwinkel.',
            [`a${a[1]!.id}.ocmw`]: 'Het OCMW zoekt mee naar een woning.',
            [`a${a[1]!.id}.partners`]: 'Sociaal Verhuurkantoor',
            [`a${a[2]!.id}.text`]: 'Je vraagt een toeslag aan.',
          })),
        })
      ).status,
    ).toBe(303);
    await t.db.updateTable('household').set({ dossier_ref: 'D/2026 0042' }).where('id', '=', household).execute();

    const draft = await t.request(`${gpmiUrl(id)}/pdf`, { cookie });
    expect(draft.status).toBe(200);
    expect(draft.headers.get('Content-Type')).toBe('application/pdf');
    expect(draft.headers.get('Content-Disposition')).toBe('attachment; filename="gpmi_D-2026-0042_2026-12-01.pdf"');
    const d = await readPdf(await draft.arrayBuffer());
    expect(d.info.Title).toBe('GPMI van Sara Peeters');
    expect(d.text).toContain('ONTWERP');
    expect(d.text).toContain('Je zoekt een betaalbare woning.');
    expect(d.text).toContain('Je schrijft je in bij twee huisvestingsmaatschappijen.');
    expect(d.text).toContain('Het OCMW zoekt mee naar een woning.');
    expect(d.text).toContain('Sociaal Verhuurkantoor');
    expect(d.text).toContain('Verblijfplaats');
    expect(d.text).toContain('OCMW Plan');

    expect((await t.request(gpmiUrl(id), { cookie, form: await signForm(id) })).status).toBe(303);
    expect((await t.request(`${gpmiUrl(id)}/versions`, { cookie, form: { reason: 'Andere woonst gevonden' } })).status).toBe(303);
    expect(
      (await t.request(gpmiUrl(id), { cookie, form: await draftForm(id, (a) => ({ [`a${a[1]!.id}.text`]: 'Je verhuist naar de nieuwe woning.' })) })).status,
    ).toBe(303);

    // Version 1 as signed: no draft mark, the signature date, the old text; file named after the signing day.
    const v1 = await t.request(`${gpmiUrl(id)}/pdf?version=1`, { cookie });
    expect(v1.headers.get('Content-Disposition')).toBe('attachment; filename="gpmi_D-2026-0042_2026-11-22.pdf"');
    const p1 = await readPdf(await v1.arrayBuffer());
    expect(p1.text).not.toContain('ONTWERP');
    expect(p1.text).toContain('Je zoekt een betaalbare woning.');
    expect(p1.text).toContain('22/11/2026');
    expect(p1.text).toMatch(/Pagina 1 van \d+/);
    // The newest version is the new draft.
    const p2 = await readPdf(await (await t.request(`${gpmiUrl(id)}/pdf`, { cookie })).arrayBuffer());
    expect(p2.text).toContain('Je verhuist naar de nieuwe woning.');
    expect(p2.text).toContain('ONTWERP');
    expect(await pdfDownloads()).toEqual(Array(3).fill({ target_id: String(id), actor_user_id: worker }));

    // Unknown version, bad version, another team, another organisation: 404 and nothing audited.
    for (const path of [`${gpmiUrl(id)}/pdf?version=7`, `${gpmiUrl(id)}/pdf?version=abc`, `/households/${household}/gpmis/99999/pdf`]) {
      expect((await t.request(path, { cookie })).status, path).toBe(404);
    }
    const otherOrg = await t.organisation('OCMW Elders');
    const otherTeam = await t.team(otherOrg, 'Team Elders');
    const outsider = await t.sessionCookie(await t.user(otherOrg, { email: 'o@elders.be', teams: [{ teamId: otherTeam, role: 'worker' }] }));
    const neighbour = await t.sessionCookie(await t.user(org, { email: 'z@ocmw.be', teams: [{ teamId: await t.team(org, 'Team Zuid'), role: 'worker' }] }));
    for (const c of [outsider, neighbour]) expect((await t.request(`${gpmiUrl(id)}/pdf`, { cookie: c })).status).toBe(404);
    expect(await pdfDownloads()).toHaveLength(3);
  });

  it("leaves out an agreement on a sensitive domain shielded from the reader, and follows the reader's language", async () => {
    const { readPdf } = await import('../support/pdf.js');
    expect((await choose({ [`m${sara}.mentale-gezondheid`]: { w: true } })).status).toBe(303);
    const id = await startGpmi();
    expect(
      (
        await t.request(gpmiUrl(id), {
          cookie,
          form: await draftForm(id, (a) => ({
            [`a${a.find((x) => x.domain_key === 'mentale-gezondheid')!.id}.text`]: 'Je gaat naar het CGG.',
            [`a${a.find((x) => x.domain_key === 'inkomen')!.id}.text`]: 'Je vraagt een toeslag aan.',
          })),
        })
      ).status,
    ).toBe(303);
    expect((await readPdf(await (await t.request(`${gpmiUrl(id)}/pdf`, { cookie })).arrayBuffer())).text).toContain('Je gaat naar het CGG.');
    await t.db.updateTable('organisation').set({ sensitive_visibility: 'assigned' }).where('id', '=', org).execute();
    const shielded = await readPdf(await (await t.request(`${gpmiUrl(id)}/pdf`, { cookie })).arrayBuffer());
    expect(shielded.text).not.toContain('CGG');
    expect(shielded.text).toContain('1 afspraak over een afgeschermd domein staat niet in dit document.');
    expect(shielded.text).toContain('Verblijfplaats');
    await t.db.updateTable('app_user').set({ locale: 'fr' }).where('id', '=', worker).execute();
    const fr = await readPdf(await (await t.request(`${gpmiUrl(id)}/pdf`, { cookie })).arrayBuffer());
    expect(fr.text).toContain('Lieu de vie');
  });
});
