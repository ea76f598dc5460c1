import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import { createHousehold } from '../../src/households/queries.js';
import type { OrgScope } from '../../src/auth/scope.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(async () => {
  await t.close();
});

// The clock of makeTestApp: 22 November 2026, 10:00 in Brussels.
const SARA_NN = '85.07.30-123.35';
const SARA_DIGITS = '85073012335';

/** A valid number for someone born from 2000 on: check digits over "2" + the first 9 digits. */
function nn2000(first9: string): string {
  return first9 + String(97 - ((2_000_000_000 + Number(first9)) % 97)).padStart(2, '0');
}

/**
 * OCMW Teststad with Team Noord (worker Wendy, colleague Kim, lead Lars) and Team Zuid (worker Zeno),
 * a beheerder without a team (Ann), and another OCMW with its own worker (Vera).
 */
async function setup() {
  const org = await t.organisation();
  const noord = await t.team(org, 'Team Noord');
  const zuid = await t.team(org, 'Team Zuid');
  const wendy = await t.user(org, { email: 'wendy@ocmw.be', name: 'Wendy Werker', teams: [{ teamId: noord, role: 'worker' }] });
  const kim = await t.user(org, { email: 'kim@ocmw.be', name: 'Kim Collega', teams: [{ teamId: noord, role: 'worker' }] });
  const lars = await t.user(org, { email: 'lars@ocmw.be', name: 'Lars Lead', teams: [{ teamId: noord, role: 'lead' }] });
  const zeno = await t.user(org, { email: 'zeno@ocmw.be', name: 'Zeno Zuid', teams: [{ teamId: zuid, role: 'worker' }] });
  const ann = await t.user(org, { email: 'ann@ocmw.be', name: 'Ann Beheer', isAdmin: true });
  const other = await t.organisation('OCMW Elders');
  const elders = await t.team(other, 'Team Elders');
  const vera = await t.user(other, { email: 'vera@elders.be', name: 'Vera Vreemd', isAdmin: true, teams: [{ teamId: elders, role: 'lead' }] });
  const cookies = {
    wendy: await t.sessionCookie(wendy),
    kim: await t.sessionCookie(kim),
    lars: await t.sessionCookie(lars),
    zeno: await t.sessionCookie(zeno),
    ann: await t.sessionCookie(ann),
    vera: await t.sessionCookie(vera),
  };
  return { org, noord, zuid, other, elders, wendy, kim, lars, zeno, ann, vera, cookies };
}
type World = Awaited<ReturnType<typeof setup>>;

function scopeOf(w: World, userId: number, teamIds: number[], organisationId = w.org): OrgScope {
  return { organisationId, userId, isAdmin: false, teamIds, leadTeamIds: [], sensitiveVisibility: 'team' };
}

const sara = { m0_first_name: 'Sára', m0_last_name: 'Peeters', m0_birth_year: '1985', m0_role: 'aanvrager', m0_adult: 'auto', m0_national_number: SARA_NN };

/** Creates a household through the form, as a worker would; returns its id. */
async function newHousehold(cookie: string, form: Record<string, string>) {
  const res = await t.request('/households', { cookie, form: { member_count: '1', ...form } });
  expect(res.status, await res.clone().text()).toBe(303);
  return Number(/^\/households\/(\d+)\?saved=created$/.exec(res.headers.get('Location')!)![1]);
}

/** Wendy's household in Team Noord: Sara (applicant), Tom (partner), Lotte (child). */
async function peeters(w: World) {
  return newHousehold(w.cookies.wendy, {
    team: String(w.noord),
    worker: String(w.wendy),
    dossier_ref: '2024/0012',
    member_count: '3',
    ...sara,
    m1_first_name: 'Tom',
    m1_last_name: 'Peeters',
    m1_birth_year: '1983',
    m1_role: 'partner',
    m1_adult: 'auto',
    m2_first_name: 'Lotte',
    m2_last_name: 'Peeters',
    m2_birth_year: '2015',
    m2_role: 'kind',
    m2_adult: 'auto',
  });
}

async function householdRow(id: number) {
  return t.db.selectFrom('household').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}
async function members(householdId: number) {
  return t.db.selectFrom('household_member').selectAll().where('household_id', '=', householdId).orderBy('position').execute();
}
async function auditRows(action?: string) {
  let q = t.db.selectFrom('audit_event').selectAll().orderBy('id');
  if (action) q = q.where('action', '=', action);
  return q.execute();
}
/** The household tables, to assert "nothing was written". */
async function snapshot() {
  return JSON.stringify([await t.db.selectFrom('household').selectAll().execute(), await t.db.selectFrom('household_member').selectAll().execute()]);
}
function hiddenRevision(html: string, action: string): string {
  const form = html.slice(html.indexOf(`action="${action}"`));
  return /name="revision" value="(\d+)"/.exec(form)![1]!;
}

// ---------------------------------------------------------------- caseload

describe('the caseload ("Mijn dossiers")', () => {
  it('is the start page of a worker, listing only their teams’ households with members, number, team and worker', async () => {
    const w = await setup();
    await peeters(w);
    await newHousehold(w.cookies.zeno, {
      team: String(w.zuid),
      worker: '',
      m0_first_name: 'Zita',
      m0_last_name: 'Zuidkant',
      m0_birth_year: '1990',
      m0_role: 'aanvrager',
      m0_adult: 'auto',
    });
    await newHousehold(w.cookies.vera, {
      team: String(w.elders),
      worker: '',
      m0_first_name: 'Elke',
      m0_last_name: 'Elders',
      m0_birth_year: '1970',
      m0_role: 'aanvrager',
      m0_adult: 'auto',
    });

    const res = await t.request('/', { cookie: w.cookies.wendy });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Mijn dossiers</h1>');
    expect(html).toContain('Maatschappelijk werker — Team Noord');
    expect(html).toContain('1 huishouden gevonden');
    expect(html).toContain('Sára, Tom, Lotte');
    expect(html).toContain('2024/0012');
    expect(html).toContain('Wendy Werker');
    expect(html).not.toContain('Zita');
    expect(html).not.toContain('Elke');
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toMatch(/<caption class="visually-hidden">Huishoudens, pagina 1 van 1<\/caption>/);
    expect(html).toContain('<th scope="col">Gezinsleden</th>');
    // The lead of the team sees the same; /households is the same list.
    expect(await (await t.request('/households', { cookie: w.cookies.lars })).text()).toContain('Sára, Tom, Lotte');
    // Viewing is audited without the search text.
    const viewed = await auditRows('caseload.viewed');
    expect(viewed.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(viewed)).not.toContain('Peeters');
  });

  it('keeps the welcome page for users without a team, and refuses them the caseload itself (403)', async () => {
    const w = await setup();
    const home = await t.request('/', { cookie: w.cookies.ann });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Welkom');
    for (const path of ['/households', '/households/new']) {
      const res = await t.request(path, { cookie: w.cookies.ann });
      expect(res.status, path).toBe(403);
    }
    const post = await t.request('/households', { cookie: w.cookies.ann, form: { team: String(w.noord), ...sara } });
    expect(post.status).toBe(403);
    expect(await t.db.selectFrom('household').selectAll().execute()).toEqual([]);
    expect((await auditRows('access.denied')).length).toBe(3);
  });

  it('finds households by member name and dossier number, ignoring case and accents; filters team, status and "mijn dossiers"', async () => {
    const w = await setup();
    // Lars leads Team Noord and also works in Team Zuid.
    await t.db.insertInto('team_membership').values({ team_id: w.zuid, user_id: w.lars, role: 'worker' }).execute();
    const larsCookie = await t.sessionCookie(w.lars);
    const a = await peeters(w);
    const b = await newHousehold(w.cookies.lars, {
      team: String(w.noord),
      worker: String(w.kim),
      dossier_ref: 'X-77',
      m0_first_name: 'Éloïse',
      m0_last_name: "D'Hondt",
      m0_birth_year: '1991',
      m0_role: 'aanvrager',
      m0_adult: 'auto',
    });
    const c = await newHousehold(w.cookies.zeno, {
      team: String(w.zuid),
      worker: '',
      m0_first_name: 'Zita',
      m0_last_name: 'Peeters',
      m0_birth_year: '1990',
      m0_role: 'aanvrager',
      m0_adult: 'auto',
    });
    await t.request(`/households/${b}/closure`, { cookie: w.cookies.kim, form: {} });

    const list = async (query: string, cookie = larsCookie) => {
      const html = await (await t.request(`/households${query}`, { cookie })).text();
      return [a, b, c].filter((id) => html.includes(`href="/households/${id}"`));
    };
    expect(await list('')).toEqual([a, c]);
    expect(await list('?q=SARA')).toEqual([a]);
    expect(await list('?q=peeters')).toEqual([a, c]);
    expect(await list('?q=peeters+zita')).toEqual([c]);
    expect(await list('?q=2024%2F0012')).toEqual([a]);
    expect(await list('?q=0012')).toEqual([a]);
    expect(await list('?q=eloise+dhondt&status=closed')).toEqual([]);
    expect(await list('?q=eloise+d%27hondt&status=closed')).toEqual([b]);
    expect(await list('?q=%25')).toEqual([a, c]);
    expect(await list('?status=all')).toEqual([a, b, c]);
    expect(await list(`?team=${w.zuid}`)).toEqual([c]);
    // A team the user is not in is ignored, not obeyed.
    expect(await list(`?team=${w.elders}&status=all`)).toEqual([a, b, c]);
    expect(await list('?mine=1&status=all', w.cookies.kim)).toEqual([b]);
    expect(await list('?mine=1', w.cookies.wendy)).toEqual([a]);
  });

  it('sorts by created or changed date and shows 25 per page with page links that keep the filters', async () => {
    const w = await setup();
    const scope = scopeOf(w, w.wendy, [w.noord]);
    const ids: number[] = [];
    for (let i = 1; i <= 30; i++) {
      t.advance(1000);
      ids.push(
        await t.db
          .transaction()
          .execute((trx) =>
            createHousehold(
              trx,
              scope,
              { teamId: w.noord, assignedUserId: null, dossierRef: `D-${i}` },
              [{ firstName: `Naam${i}`, lastName: 'Test', birthYear: 1980, birthDate: null, role: 'aanvrager', adultOverride: null, nationalNumber: null }],
              '2026-11-22',
              t.now(),
            ),
          ),
      );
    }
    const page1 = await (await t.request('/households?q=test', { cookie: w.cookies.wendy })).text();
    expect(page1).toContain('30 huishoudens gevonden');
    expect(page1.match(/<tr>/g)).toHaveLength(26); // header + 25
    expect(page1).toContain('href="/households/' + ids[29] + '"');
    expect(page1).not.toContain('href="/households/' + ids[0] + '"');
    expect(page1).toContain('href="/households?q=test&amp;page=2"');
    expect(page1).toContain('aria-current="page"');
    const page2 = await (await t.request('/households?q=test&page=2', { cookie: w.cookies.wendy })).text();
    expect(page2.match(/<tr>/g)).toHaveLength(6);
    expect(page2).toContain('href="/households/' + ids[0] + '"');
    // A page past the end shows the last page.
    expect(await (await t.request('/households?q=test&page=9', { cookie: w.cookies.wendy })).text()).toContain('href="/households/' + ids[0] + '"');
    const oldest = await (await t.request('/households?sort=created_asc', { cookie: w.cookies.wendy })).text();
    expect(oldest.indexOf(`/households/${ids[0]}"`)).toBeGreaterThan(-1);
    expect(oldest.indexOf(`/households/${ids[0]}"`)).toBeLessThan(oldest.indexOf(`/households/${ids[1]}"`));
    // Changing a household moves it to the top of "laatst gewijzigd".
    t.advance(1000);
    await t.request(`/households/${ids[0]}/members`, {
      cookie: w.cookies.wendy,
      form: { first_name: 'Nieuw', last_name: 'Lid', birth_year: '2000', role: 'ander', adult: 'auto' },
    });
    const recent = await (await t.request('/households', { cookie: w.cookies.wendy })).text();
    expect(recent.indexOf(`/households/${ids[0]}"`)).toBeLessThan(recent.indexOf(`/households/${ids[29]}"`));
  });

  it('works as a GET form without script, and gives htmx only the results region', async () => {
    const w = await setup();
    await peeters(w);
    const page = await (await t.request('/households?q=sara', { cookie: w.cookies.wendy })).text();
    expect(page).toMatch(
      /<form method="get" action="\/households"[^>]*hx-get="\/households" hx-target="#caseload-results" hx-swap="outerHTML" hx-trigger="submit, input changed delay:400ms" hx-push-url="true"/,
    );
    expect(page).toContain('<label for="field-q">Zoek op naam of dossiernummer</label>');
    expect(page).toContain('value="sara"');
    const res = await t.request('/households?q=sara', { cookie: w.cookies.wendy, htmx: true });
    expect(res.status).toBe(200);
    expect(res.headers.get('Vary')).toContain('HX-Request-Type');
    const fragment = await res.text();
    expect(fragment.startsWith('<section id="caseload-results"')).toBe(true);
    expect(fragment).not.toContain('<html');
    expect(fragment).toContain('Sára, Tom, Lotte');
    expect(page).toContain(fragment);
  });
});

// ---------------------------------------------------------------- new household

describe('a new household', () => {
  it('preselects the only team and the worker, and asks only what is needed', async () => {
    const w = await setup();
    const html = await (await t.request('/households/new', { cookie: w.cookies.wendy })).text();
    expect(html).toMatch(new RegExp(`<option value="${w.noord}" selected="">Team Noord</option>`));
    expect(html).toMatch(new RegExp(`<option value="${w.wendy}" selected="">Wendy Werker</option>`));
    expect(html).toContain('<legend>Rol in het gezin</legend>');
    expect(html).toMatch(/<input type="radio" id="field-m0_role" name="m0_role" value="aanvrager" checked=""/);
    for (const label of ['Voornaam', 'Achternaam', 'Geboortejaar', 'Geboortedatum', 'Rijksregisternummer', 'Dossiernummer', 'Team']) {
      expect(html, label).toMatch(new RegExp(`<label for="field-[a-z0-9_]+">${label}</label>`));
    }
  });

  it('creates the household and its members, audits it, and opens the dossier', async () => {
    const w = await setup();
    const id = await peeters(w);
    const h = await householdRow(id);
    expect(h).toMatchObject({
      organisation_id: w.org,
      team_id: w.noord,
      assigned_user_id: w.wendy,
      dossier_ref: '2024/0012',
      status: 'active',
      revision: 0,
      created_by: w.wendy,
    });
    expect(h.search_text).toBe(' 2024 0012 sara peeters tom peeters lotte peeters ');
    const m = await members(id);
    expect(m.map((x) => [x.first_name, x.last_name, x.birth_year, x.role, x.position, x.joined_on, x.national_number])).toEqual([
      ['Sára', 'Peeters', 1985, 'aanvrager', 0, '2026-11-22', SARA_DIGITS],
      ['Tom', 'Peeters', 1983, 'partner', 1, '2026-11-22', null],
      ['Lotte', 'Peeters', 2015, 'kind', 2, '2026-11-22', null],
    ]);
    const audits = await auditRows('household.created');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_user_id: w.wendy, target_type: 'household', target_id: String(id), organisation_id: w.org });
    const page = await (await t.request(`/households/${id}?saved=created`, { cookie: w.cookies.wendy })).text();
    expect(page).toContain('Het huishouden is aangemaakt.');
  });

  it('adds a member row without script, writing nothing, and skips rows left empty', async () => {
    const w = await setup();
    const res = await t.request('/households', { cookie: w.cookies.wendy, form: { team: String(w.noord), member_count: '1', ...sara, action: 'add_row' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<legend>Gezinslid 2</legend>');
    expect(html).toContain('value="Sára"');
    expect(html).toContain('name="member_count" value="2"');
    expect(html).toMatch(/id="field-m1_first_name"[^>]*autofocus/);
    expect(await t.db.selectFrom('household').selectAll().execute()).toEqual([]);
    const id = await newHousehold(w.cookies.wendy, { team: String(w.noord), member_count: '2', ...sara, m1_role: 'partner', m1_adult: 'auto' });
    expect(await members(id)).toHaveLength(1);
  });

  const bad: [string, Record<string, string>, string][] = [
    ['a birth year in the future', { m0_birth_year: '2027' }, 'Het geboortejaar kan niet na 2026 liggen.'],
    ['a birth year before 1900', { m0_birth_year: '1899' }, 'Het geboortejaar kan niet voor 1900 liggen.'],
    ['a birth year that is not a year', { m0_birth_year: '85' }, 'Vul het geboortejaar in met 4 cijfers, bijvoorbeeld 1985.'],
    ['no birth year', { m0_birth_year: '' }, 'Vul het geboortejaar in, bijvoorbeeld 1985.'],
    ['an empty first name', { m0_first_name: '  ' }, 'Vul de voornaam in.'],
    ['an empty last name', { m0_last_name: '' }, 'Vul de achternaam in.'],
    ['a name over 100 characters', { m0_last_name: 'x'.repeat(101) }, 'Gebruik hoogstens 100 tekens.'],
    [
      'a national number with a wrong checksum',
      { m0_national_number: '85.07.30-123.34' },
      'Dit rijksregisternummer bestaat niet: de laatste 2 cijfers kloppen niet.',
    ],
    ['a national number of the wrong length', { m0_national_number: '85.07.30-123' }, 'Een rijksregisternummer heeft 11 cijfers.'],
    ['a national number with letters', { m0_national_number: '85.07.30-I23.35' }, 'Een rijksregisternummer bestaat alleen uit cijfers.'],
    [
      'a national number of another birth year',
      { m0_birth_year: '1986' },
      'Dit rijksregisternummer hoort bij iemand geboren in 1985, maar het geboortejaar is 1986.',
    ],
    ['a national number of another birth date', { m0_birth_date: '31/07/1985' }, 'Dit rijksregisternummer hoort bij geboortedatum 30/07/1985.'],
    ['a birth date outside the birth year', { m0_birth_date: '30/07/1984', m0_national_number: '' }, 'De geboortedatum valt niet in het geboortejaar.'],
    ['a birth date that does not exist', { m0_birth_date: '31/02/1985' }, 'Vul een bestaande datum in'],
    ['no role', { m0_role: '' }, 'Kies de rol van dit gezinslid.'],
    ['an unknown role', { m0_role: 'baas' }, 'Kies de rol van dit gezinslid.'],
    ['no member at all', { m0_first_name: '', m0_last_name: '', m0_birth_year: '', m0_national_number: '' }, 'Vul de voornaam in.'],
    ['a team of which the user is not a member', { team: 'ZUID' }, 'Kies een van je teams.'],
    ['a worker of another team', { worker: 'ZENO' }, 'Deze persoon werkt niet in het gekozen team.'],
    ['a dossier number over 50 characters', { dossier_ref: 'D'.repeat(51) }, 'Een dossiernummer heeft hoogstens 50 tekens.'],
  ];
  it.each(bad)('refuses %s with 422, a Dutch message, and nothing written', async (_name, change, message) => {
    const w = await setup();
    const form: Record<string, string> = { team: String(w.noord), worker: String(w.wendy), ...sara, ...change };
    if (form.team === 'ZUID') form.team = String(w.zuid);
    if (form.worker === 'ZENO') form.worker = String(w.zeno);
    const res = await t.request('/households', { cookie: w.cookies.wendy, form: { member_count: '1', ...form } });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(message.replace(/'/g, '&#39;'));
    expect(html).toContain('Er ging iets mis. Kijk deze velden na:');
    expect(await t.db.selectFrom('household').selectAll().execute()).toEqual([]);
    expect(await t.db.selectFrom('household_member').selectAll().execute()).toEqual([]);
    expect(await auditRows('household.created')).toEqual([]);
  });

  it('refuses a dossier number already used in the organisation, also in another team', async () => {
    const w = await setup();
    await newHousehold(w.cookies.zeno, {
      team: String(w.zuid),
      dossier_ref: 'Z-1',
      m0_first_name: 'Zita',
      m0_last_name: 'Z',
      m0_birth_year: '1990',
      m0_role: 'aanvrager',
      m0_adult: 'auto',
    });
    const before = await snapshot();
    const res = await t.request('/households', {
      cookie: w.cookies.wendy,
      form: { member_count: '1', team: String(w.noord), dossier_ref: ' Z-1 ', ...sara },
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Dit dossiernummer is al in gebruik in jullie OCMW.');
    expect(html).not.toContain('Zita');
    expect(await snapshot()).toBe(before);
    // Another organisation may use the same number.
    await newHousehold(w.cookies.vera, {
      team: String(w.elders),
      dossier_ref: 'Z-1',
      m0_first_name: 'Elke',
      m0_last_name: 'E',
      m0_birth_year: '1970',
      m0_role: 'aanvrager',
      m0_adult: 'auto',
    });
  });

  it('accepts a national number of someone born from 2000 on, and a birth date without a birth year', async () => {
    const w = await setup();
    const id = await newHousehold(w.cookies.wendy, {
      team: String(w.noord),
      m0_first_name: 'Noor',
      m0_last_name: 'Nieuw',
      m0_birth_year: '',
      m0_birth_date: '15/03/2001',
      m0_role: 'aanvrager',
      m0_adult: 'auto',
      m0_national_number: nn2000('010315123'),
    });
    expect((await members(id))[0]).toMatchObject({ birth_year: 2001, birth_date: '2001-03-15', national_number: nn2000('010315123') });
  });
});

// ---------------------------------------------------------------- the dossier

describe('the household dossier', () => {
  it('shows the members with birth year, role, adult or child, and a masked national number; opening it is audited', async () => {
    const w = await setup();
    const id = await peeters(w);
    const res = await t.request(`/households/${id}`, { cookie: w.cookies.wendy });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Huishouden van Sára Peeters</h1>');
    expect(html.match(/<h1/g)).toHaveLength(1);
    // The window title (browser history on shared PCs) names the dossier, not the person.
    expect(html).toContain('<title>Huishouden — 2024/0012 — Sociale Balans</title>');
    expect(html).toContain('<caption>Huidige gezinsleden</caption>');
    expect(html).toContain('<th scope="row">Sára Peeters</th>');
    expect(html).toContain('85.07.30-xxx.xx');
    expect(html).not.toContain('123.35');
    expect(html).not.toContain(SARA_DIGITS);
    expect(html).toMatch(/<td>Aanvrager<\/td><td>Volwassene<\/td>/);
    expect(html).toMatch(/<td>2015<\/td><td>Kind<\/td><td>Kind<\/td>/);
    expect(html).toContain('aria-label="Lid Sára Peeters bewerken"');
    expect(html).toContain('<legend>Rol in het gezin</legend>');
    const audits = await auditRows('household.viewed');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_user_id: w.wendy, target_type: 'household', target_id: String(id), outcome: 'success' });
    // The lead and a colleague of the team may open it too.
    expect((await t.request(`/households/${id}`, { cookie: w.cookies.lars })).status).toBe(200);
    expect((await t.request(`/households/${id}`, { cookie: w.cookies.kim })).status).toBe(200);
  });

  it('is a 404 for another team, another organisation, a beheerder without the team, and unknown ids; nothing changes', async () => {
    const w = await setup();
    const id = await peeters(w);
    const memberId = (await members(id))[0]!.id;
    const before = await snapshot();
    const requests: [string, Record<string, string> | undefined][] = [
      [`/households/${id}`, undefined],
      [`/households/${id}`, { revision: '0', team: String(w.noord), worker: '', dossier_ref: 'GESTOLEN' }],
      [`/households/${id}/members`, { first_name: 'In', last_name: 'Dringer', birth_year: '1990', role: 'ander', adult: 'auto' }],
      [`/households/${id}/members/${memberId}`, undefined],
      [`/households/${id}/members/${memberId}`, { revision: '0', first_name: 'X', last_name: 'Y', birth_year: '1990', role: 'ander', adult: 'auto' }],
      [`/households/${id}/members/${memberId}/departure`, { revision: '0', left_on: '01/11/2026' }],
      [`/households/${id}/closure`, {}],
      [`/households/${id}/reopening`, {}],
    ];
    for (const who of ['zeno', 'vera', 'ann'] as const) {
      for (const [path, form] of requests) {
        const res = await t.request(path, { cookie: w.cookies[who], ...(form ? { form } : {}) });
        const label = `${who} ${form ? 'POST' : 'GET'} ${path}`;
        expect(res.status, label).toBe(404);
        const html = await res.text();
        expect(html, label).toContain('Pagina niet gevonden');
        expect(html, label).not.toContain('Peeters');
      }
    }
    for (const path of ['/households/999999', '/households/abc', '/households/1e3', `/households/${id}/members/999999`]) {
      expect((await t.request(path, { cookie: w.cookies.wendy })).status, path).toBe(404);
    }
    expect(await snapshot()).toBe(before);
    const denied = await auditRows('access.denied');
    expect(denied.length).toBeGreaterThanOrEqual(24);
    expect(denied[0]).toMatchObject({ target_type: 'household', target_id: String(id), outcome: 'denied' });
    expect(await auditRows('household.viewed')).toEqual([]);
  });

  it('is a 404 for a member of another household, and changes neither', async () => {
    const w = await setup();
    const a = await peeters(w);
    const b = await newHousehold(w.cookies.wendy, {
      team: String(w.noord),
      m0_first_name: 'Ander',
      m0_last_name: 'Gezin',
      m0_birth_year: '1970',
      m0_role: 'aanvrager',
      m0_adult: 'auto',
    });
    const memberOfB = (await members(b))[0]!.id;
    const before = await snapshot();
    expect((await t.request(`/households/${a}/members/${memberOfB}`, { cookie: w.cookies.wendy })).status).toBe(404);
    const post = await t.request(`/households/${a}/members/${memberOfB}`, {
      cookie: w.cookies.wendy,
      form: { revision: '0', first_name: 'Fout', last_name: 'Gezin', birth_year: '1970', role: 'aanvrager', adult: 'auto' },
    });
    expect(post.status).toBe(404);
    const departure = await t.request(`/households/${a}/members/${memberOfB}/departure`, {
      cookie: w.cookies.wendy,
      form: { revision: '0', left_on: '01/11/2026' },
    });
    expect(departure.status).toBe(404);
    expect(await snapshot()).toBe(before);
  });

  it('changes team, worker and dossier number (audited), and moves the household to another team of the user', async () => {
    const w = await setup();
    await t.db.insertInto('team_membership').values({ team_id: w.zuid, user_id: w.wendy, role: 'worker' }).execute();
    const id = await peeters(w);
    const res = await t.request(`/households/${id}`, {
      cookie: w.cookies.wendy,
      form: { revision: '0', team: String(w.noord), worker: String(w.kim), dossier_ref: '2024/0099' },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/households/${id}?saved=details`);
    expect(await householdRow(id)).toMatchObject({ assigned_user_id: w.kim, dossier_ref: '2024/0099', revision: 1, updated_by: w.wendy });
    expect((await householdRow(id)).search_text).toContain('2024 0099');
    expect(await auditRows('household.updated')).toHaveLength(1);
    // Saving the same values again changes nothing and audits nothing.
    await t.request(`/households/${id}`, {
      cookie: w.cookies.wendy,
      form: { revision: '1', team: String(w.noord), worker: String(w.kim), dossier_ref: '2024/0099' },
    });
    expect(await householdRow(id)).toMatchObject({ revision: 1 });
    expect(await auditRows('household.updated')).toHaveLength(1);
    // Moved to Team Zuid: Kim (Team Noord) can no longer open it, Zeno can.
    const move = await t.request(`/households/${id}`, {
      cookie: w.cookies.wendy,
      form: { revision: '1', team: String(w.zuid), worker: String(w.zeno), dossier_ref: '2024/0099' },
    });
    expect(move.status).toBe(303);
    expect((await t.request(`/households/${id}`, { cookie: w.cookies.kim })).status).toBe(404);
    expect((await t.request(`/households/${id}`, { cookie: w.cookies.zeno })).status).toBe(200);
  });

  it('refuses to move a household to a team the user is not in, or to assign someone of another team (422, nothing written)', async () => {
    const w = await setup();
    const id = await peeters(w);
    const before = await snapshot();
    const team = await t.request(`/households/${id}`, {
      cookie: w.cookies.wendy,
      form: { revision: '0', team: String(w.zuid), worker: '', dossier_ref: '2024/0012' },
    });
    expect(team.status).toBe(422);
    expect(await team.text()).toContain('Kies een van je teams.');
    const worker = await t.request(`/households/${id}`, {
      cookie: w.cookies.wendy,
      form: { revision: '0', team: String(w.noord), worker: String(w.vera), dossier_ref: '2024/0012' },
    });
    expect(worker.status).toBe(422);
    const html = await worker.text();
    expect(html).toContain('Deze persoon werkt niet in het gekozen team.');
    // The refused form keeps the revision it was loaded with (a later save cannot skip a conflict).
    expect(hiddenRevision(html, `/households/${id}`)).toBe('0');
    expect(await snapshot()).toBe(before);
  });

  it('adds a member, and refuses bad input with 422 and nothing written', async () => {
    const w = await setup();
    const id = await peeters(w);
    const ok = await t.request(`/households/${id}/members`, {
      cookie: w.cookies.kim,
      form: { first_name: 'Oma', last_name: 'Peeters', birth_year: '1950', role: 'ander', adult: 'auto' },
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('Location')).toBe(`/households/${id}?saved=added`);
    const added = (await members(id))[3]!;
    expect(added).toMatchObject({ first_name: 'Oma', position: 3, role: 'ander', joined_on: '2026-11-22' });
    expect((await auditRows('household_member.added'))[0]).toMatchObject({
      target_type: 'household_member',
      target_id: String(added.id),
      actor_user_id: w.kim,
    });
    const before = await snapshot();
    for (const [form, message] of [
      [{ first_name: '', last_name: 'X', birth_year: '2000', role: 'kind', adult: 'auto' }, 'Vul de voornaam in.'],
      [{ first_name: 'X', last_name: 'X', birth_year: '2031', role: 'kind', adult: 'auto' }, 'Het geboortejaar kan niet na 2026 liggen.'],
      [
        { first_name: 'X', last_name: 'X', birth_year: '2000', role: 'kind', adult: 'auto', national_number: '12345678901' },
        'Dit rijksregisternummer bestaat niet',
      ],
      [{ first_name: 'X', last_name: 'X', birth_year: '2000', role: 'kind', adult: 'misschien' }, 'Kies of dit gezinslid als volwassene of als kind telt.'],
    ] as [Record<string, string>, string][]) {
      const res = await t.request(`/households/${id}/members`, { cookie: w.cookies.kim, form });
      expect(res.status, message).toBe(422);
      const html = await res.text();
      expect(html, message).toContain(message);
      expect(html).toContain(`value="${form.first_name}"`);
    }
    expect(await snapshot()).toBe(before);
  });

  it('edits a member: the full national number only in the edit field, the change audited by id', async () => {
    const w = await setup();
    const id = await peeters(w);
    const saraId = (await members(id))[0]!.id;
    const page = await t.request(`/households/${id}/members/${saraId}`, { cookie: w.cookies.wendy });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`value="${SARA_NN}"`);
    expect(html).toContain('<h1>Gezinslid Sára Peeters</h1>');
    expect(html).toContain('Vertrek van Sára Peeters registreren');
    expect((await auditRows('household_member.viewed'))[0]).toMatchObject({ target_type: 'household_member', target_id: String(saraId) });
    const res = await t.request(`/households/${id}/members/${saraId}`, {
      cookie: w.cookies.wendy,
      form: {
        revision: '0',
        first_name: 'Sara',
        last_name: 'Peeters',
        birth_year: '1985',
        birth_date: '30/07/1985',
        role: 'aanvrager',
        adult: 'child',
        national_number: SARA_DIGITS,
      },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/households/${id}?saved=member`);
    expect((await members(id))[0]).toMatchObject({
      first_name: 'Sara',
      birth_date: '1985-07-30',
      adult_override: 0,
      revision: 1,
      national_number: SARA_DIGITS,
    });
    expect((await householdRow(id)).search_text).toContain('sara peeters');
    const updated = await auditRows('household_member.updated');
    expect(updated).toHaveLength(1);
    expect(JSON.stringify(await auditRows())).not.toMatch(/Peeters|Sara|85073012335/);
    const dossier = await (await t.request(`/households/${id}`, { cookie: w.cookies.wendy })).text();
    expect(dossier).toContain('30/07/1985');
    expect(dossier).toContain('Kind (aangepast)');
  });

  it('ends a membership: the member stays in the history as "vertrokken op"', async () => {
    const w = await setup();
    const id = await peeters(w);
    const tom = (await members(id))[1]!;
    t.advance(3 * 86_400_000); // 25 November: a new day, so a new session
    w.cookies.wendy = await t.sessionCookie(w.wendy);
    const before = await snapshot();
    for (const [left, message] of [
      ['', 'Vul de vertrekdatum in.'],
      ['32/11/2026', 'Vul een bestaande datum in'],
      ['30/11/2026', 'De vertrekdatum kan niet in de toekomst liggen.'],
      ['21/11/2026', 'De vertrekdatum kan niet voor 22/11/2026 liggen'],
    ] as const) {
      const res = await t.request(`/households/${id}/members/${tom.id}/departure`, { cookie: w.cookies.wendy, form: { revision: '0', left_on: left } });
      expect(res.status, left).toBe(422);
      expect(await res.text(), left).toContain(message);
    }
    expect(await snapshot()).toBe(before);
    const res = await t.request(`/households/${id}/members/${tom.id}/departure`, { cookie: w.cookies.wendy, form: { revision: '0', left_on: '24/11/2026' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/households/${id}?saved=departed`);
    expect((await members(id))[1]).toMatchObject({ left_on: '2026-11-24', revision: 1 });
    expect(await auditRows('household_member.departed')).toHaveLength(1);
    const dossier = await (await t.request(`/households/${id}`, { cookie: w.cookies.wendy })).text();
    expect(dossier).toContain('<caption>Gezinsleden die vertrokken zijn</caption>');
    expect(dossier).toContain('vertrokken op 24/11/2026');
    const caseload = await (await t.request('/', { cookie: w.cookies.wendy })).text();
    expect(caseload).toContain('Sára, Lotte');
    // Former members can still be found by name.
    expect(await (await t.request('/?q=tom', { cookie: w.cookies.wendy })).text()).toContain(`href="/households/${id}"`);
  });

  it('closes and reopens a dossier; a closed dossier refuses every change with 409 and shows what was typed', async () => {
    const w = await setup();
    const id = await peeters(w);
    const saraId = (await members(id))[0]!.id;
    const close = await t.request(`/households/${id}/closure`, { cookie: w.cookies.wendy, form: {} });
    expect(close.status).toBe(303);
    expect(await householdRow(id)).toMatchObject({ status: 'closed', closed_at: t.now(), revision: 1 });
    expect(await auditRows('household.closed')).toHaveLength(1);
    // Closing again changes nothing.
    await t.request(`/households/${id}/closure`, { cookie: w.cookies.wendy, form: {} });
    expect(await auditRows('household.closed')).toHaveLength(1);
    const page = await (await t.request(`/households/${id}`, { cookie: w.cookies.wendy })).text();
    expect(page).toContain('Dit dossier is afgesloten op 22/11/2026.');
    expect(page).not.toContain(`action="/households/${id}/members"`);
    expect(page).toContain(`action="/households/${id}/reopening"`);
    // Closed dossiers are not in the default caseload.
    expect(await (await t.request('/', { cookie: w.cookies.wendy })).text()).not.toContain(`href="/households/${id}"`);

    const before = await snapshot();
    const refused: [string, Record<string, string>, string][] = [
      [`/households/${id}/members`, { first_name: 'Laat', last_name: 'Komer', birth_year: '1990', role: 'ander', adult: 'auto' }, 'Laat'],
      [
        `/households/${id}/members/${saraId}`,
        { revision: '0', first_name: 'Sarah', last_name: 'Peeters', birth_year: '1985', role: 'aanvrager', adult: 'auto' },
        'Sarah',
      ],
      [`/households/${id}/members/${saraId}/departure`, { revision: '0', left_on: '21/11/2026' }, '21/11/2026'],
      [`/households/${id}`, { revision: '1', team: String(w.noord), worker: '', dossier_ref: 'NIEUW-1' }, 'NIEUW-1'],
    ];
    for (const [path, form, typed] of refused) {
      const res = await t.request(path, { cookie: w.cookies.wendy, form });
      expect(res.status, path).toBe(409);
      const html = await res.text();
      expect(html, path).toContain('Dit dossier is afgesloten');
      expect(html, path).toContain('Heropen het dossier eerst.');
      expect(html, path).toContain(typed);
    }
    expect(await snapshot()).toBe(before);

    const reopen = await t.request(`/households/${id}/reopening`, { cookie: w.cookies.wendy, form: {} });
    expect(reopen.status).toBe(303);
    expect(await householdRow(id)).toMatchObject({ status: 'active', closed_at: null, revision: 2 });
    expect(await auditRows('household.reopened')).toHaveLength(1);
    const add = await t.request(`/households/${id}/members`, {
      cookie: w.cookies.wendy,
      form: { first_name: 'Laat', last_name: 'Komer', birth_year: '1990', role: 'ander', adult: 'auto' },
    });
    expect(add.status).toBe(303);
  });

  it('answers an htmx form post with HX-Redirect instead of a 303', async () => {
    const w = await setup();
    const id = await peeters(w);
    const res = await t.request(`/households/${id}/closure`, { cookie: w.cookies.wendy, form: {}, htmx: true });
    expect(res.status).toBe(204);
    expect(res.headers.get('HX-Redirect')).toBe(`/households/${id}?saved=closed`);
  });
});

// ---------------------------------------------------------------- concurrency

describe('two people saving the same thing', () => {
  it('gives the later dossier save a 409 with both values, and saves mine only when re-submitted with the new revision', async () => {
    const w = await setup();
    const id = await peeters(w);
    // Both open the dossier at revision 0.
    const kimForm = await (await t.request(`/households/${id}`, { cookie: w.cookies.kim })).text();
    expect(hiddenRevision(kimForm, `/households/${id}`)).toBe('0');
    t.advance(60_000);
    const first = await t.request(`/households/${id}`, {
      cookie: w.cookies.wendy,
      form: { revision: '0', team: String(w.noord), worker: String(w.wendy), dossier_ref: 'WENDY-1' },
    });
    expect(first.status).toBe(303);

    const late = await t.request(`/households/${id}`, {
      cookie: w.cookies.kim,
      form: { revision: '0', team: String(w.noord), worker: String(w.kim), dossier_ref: 'KIM-2' },
    });
    expect(late.status).toBe(409);
    const html = await late.text();
    expect(html).toContain('Iemand anders heeft dit intussen aangepast');
    expect(html).toContain('Opgeslagen door Wendy Werker op 22/11/2026 10:01.');
    expect(html).toMatch(/<th scope="row">Dossiernummer<\/th><td class="pre-wrap">WENDY-1<\/td><td class="pre-wrap">KIM-2<\/td>/);
    expect(html).toMatch(
      /<th scope="row">Toegewezen maatschappelijk werker<\/th><td class="pre-wrap">Wendy Werker<\/td><td class="pre-wrap">Kim Collega<\/td>/,
    );
    // "Keep theirs" and "save mine", with what Kim typed still in the form and the new revision.
    expect(html).toContain(`href="/households/${id}"`);
    expect(html).toContain('Opgeslagen versie houden');
    expect(html).toContain('value="KIM-2"');
    expect(hiddenRevision(html, `/households/${id}`)).toBe('1');
    expect(html).toContain('Mijn versie opslaan');
    expect(await householdRow(id)).toMatchObject({ dossier_ref: 'WENDY-1', assigned_user_id: w.wendy, revision: 1 });

    const mine = await t.request(`/households/${id}`, {
      cookie: w.cookies.kim,
      form: { revision: '1', team: String(w.noord), worker: String(w.kim), dossier_ref: 'KIM-2' },
    });
    expect(mine.status).toBe(303);
    expect(await householdRow(id)).toMatchObject({ dossier_ref: 'KIM-2', assigned_user_id: w.kim, revision: 2 });
  });

  it('gives the later member save a 409 that loses no typed text, masks the numbers in the table, and keeps the full one in the field', async () => {
    const w = await setup();
    const id = await peeters(w);
    const saraId = (await members(id))[0]!.id;
    const base = { first_name: 'Sára', last_name: 'Peeters', birth_year: '1985', role: 'aanvrager', adult: 'auto', national_number: SARA_NN };
    const first = await t.request(`/households/${id}/members/${saraId}`, { cookie: w.cookies.wendy, form: { ...base, revision: '0', first_name: 'Sarah' } });
    expect(first.status).toBe(303);
    const late = await t.request(`/households/${id}/members/${saraId}`, {
      cookie: w.cookies.lars,
      form: { ...base, revision: '0', last_name: 'Peeters-Janssens' },
    });
    expect(late.status).toBe(409);
    const html = await late.text();
    expect(html).toMatch(/<th scope="row">Voornaam<\/th><td class="pre-wrap">Sarah<\/td><td class="pre-wrap">Sára<\/td>/);
    expect(html).toMatch(/<th scope="row">Achternaam<\/th><td class="pre-wrap">Peeters<\/td><td class="pre-wrap">Peeters-Janssens<\/td>/);
    expect(html).not.toMatch(/<th scope="row">Rijksregisternummer/);
    expect(html).toContain('value="Peeters-Janssens"');
    expect(html).toContain(`value="${SARA_NN}"`);
    expect(hiddenRevision(html, `/households/${id}/members/${saraId}`)).toBe('1');
    expect((await members(id))[0]).toMatchObject({ first_name: 'Sarah', last_name: 'Peeters', revision: 1 });
    // Lars keeps his last name and takes over Wendy's first name, then saves with the new revision.
    const mine = await t.request(`/households/${id}/members/${saraId}`, {
      cookie: w.cookies.lars,
      form: { ...base, revision: '1', first_name: 'Sarah', last_name: 'Peeters-Janssens' },
    });
    expect(mine.status).toBe(303);
    expect((await members(id))[0]).toMatchObject({ first_name: 'Sarah', last_name: 'Peeters-Janssens', revision: 2 });
    expect(await auditRows('household_member.updated')).toHaveLength(2);
  });

  it('gives a departure on a stale revision a 409 with both dates, and an edit after a departure a 409 too', async () => {
    const w = await setup();
    const id = await peeters(w);
    const tom = (await members(id))[1]!;
    t.advance(86_400_000); // 23 November
    const wendy = await t.sessionCookie(w.wendy);
    const kim = await t.sessionCookie(w.kim);
    expect((await t.request(`/households/${id}/members/${tom.id}/departure`, { cookie: wendy, form: { revision: '0', left_on: '22/11/2026' } })).status).toBe(
      303,
    );
    // Kim registers the same day from a page loaded before: nothing to decide.
    expect((await t.request(`/households/${id}/members/${tom.id}/departure`, { cookie: kim, form: { revision: '0', left_on: '2026-11-22' } })).status).toBe(
      303,
    );
    // Another day: both dates, and Kim's date stays in the form with the new revision.
    const late = await t.request(`/households/${id}/members/${tom.id}/departure`, { cookie: kim, form: { revision: '0', left_on: '23/11/2026' } });
    expect(late.status).toBe(409);
    const html = await late.text();
    expect(html).toMatch(/<th scope="row">Vertrekdatum<\/th><td class="pre-wrap">22\/11\/2026<\/td><td class="pre-wrap">23\/11\/2026<\/td>/);
    expect(html).toContain('value="23/11/2026"');
    expect(hiddenRevision(html, `/households/${id}/members/${tom.id}/departure`)).toBe('1');
    expect((await members(id))[1]).toMatchObject({ left_on: '2026-11-22', revision: 1 });
    const mine = await t.request(`/households/${id}/members/${tom.id}/departure`, { cookie: kim, form: { revision: '1', left_on: '23/11/2026' } });
    expect(mine.status).toBe(303);
    expect((await members(id))[1]).toMatchObject({ left_on: '2026-11-23', revision: 2 });
    // An edit from a page loaded before the departure.
    const edit = await t.request(`/households/${id}/members/${tom.id}`, {
      cookie: kim,
      form: { revision: '0', first_name: 'Thomas', last_name: 'Peeters', birth_year: '1983', role: 'partner', adult: 'auto' },
    });
    expect(edit.status).toBe(409);
    expect(await edit.text()).toContain('value="Thomas"');
    expect((await members(id))[1]).toMatchObject({ first_name: 'Tom' });
  });

  it('treats a missing or unreadable revision as stale', async () => {
    const w = await setup();
    const id = await peeters(w);
    const res = await t.request(`/households/${id}`, { cookie: w.cookies.wendy, form: { team: String(w.noord), worker: '', dossier_ref: 'ZONDER' } });
    expect(res.status).toBe(409);
    expect((await householdRow(id)).dossier_ref).toBe('2024/0012');
  });
});

// ---------------------------------------------------------------- payloads in names

describe('script and htmx payloads typed in names', () => {
  it('are shown as text on every page', async () => {
    const w = await setup();
    const img = '<img src=x onerror=alert(1)>';
    const hx = 'hx-get="/x" hx-trigger="load"';
    const id = await newHousehold(w.cookies.wendy, {
      team: String(w.noord),
      dossier_ref: '<script>alert(2)</script>',
      member_count: '2',
      m0_first_name: img,
      m0_last_name: hx,
      m0_birth_year: '1980',
      m0_role: 'aanvrager',
      m0_adult: 'auto',
      m1_first_name: `"><svg onload=alert(3)>`,
      m1_last_name: "' hx-post='/signout",
      m1_birth_year: '1981',
      m1_role: 'partner',
      m1_adult: 'auto',
    });
    const memberId = (await members(id))[0]!.id;
    const conflict = await t.request(`/households/${id}/members/${memberId}`, {
      cookie: w.cookies.wendy,
      form: { revision: '9', first_name: img + '!', last_name: hx, birth_year: '1980', role: 'aanvrager', adult: 'auto' },
    });
    expect(conflict.status).toBe(409);
    const refused = await t.request('/households', {
      cookie: w.cookies.wendy,
      form: { member_count: '1', team: String(w.noord), m0_first_name: img, m0_last_name: hx, m0_birth_year: '2999', m0_role: 'aanvrager' },
    });
    expect(refused.status).toBe(422);
    const pages = {
      caseload: await (await t.request('/', { cookie: w.cookies.wendy })).text(),
      search: await (await t.request(`/households?q=${encodeURIComponent(img)}`, { cookie: w.cookies.wendy })).text(),
      fragment: await (await t.request('/households?q=img', { cookie: w.cookies.wendy, htmx: true })).text(),
      dossier: await (await t.request(`/households/${id}`, { cookie: w.cookies.wendy })).text(),
      member: await (await t.request(`/households/${id}/members/${memberId}`, { cookie: w.cookies.wendy })).text(),
      conflict: await conflict.text(),
      refused: await refused.text(),
    };
    for (const [name, html] of Object.entries(pages)) {
      expect(html, name).not.toContain('<img src=x');
      expect(html, name).not.toContain('<svg');
      expect(html, name).not.toContain('<script>alert');
      expect(html, name).not.toContain('hx-get="/x"');
      expect(html, name).not.toContain("hx-post='/signout");
      expect(html, name).not.toMatch(/hx-trigger="load"/);
    }
    expect(pages.dossier).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(pages.dossier).toContain('hx-get=&quot;/x&quot;');
    expect(pages.dossier).toContain('aria-label="Lid &lt;img src=x onerror=alert(1)&gt; hx-get=&quot;/x&quot; hx-trigger=&quot;load&quot; bewerken"');
    expect(pages.caseload).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(pages.fragment).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
