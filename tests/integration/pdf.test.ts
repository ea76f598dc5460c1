import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import { readPdf } from '../support/pdf.js';
import type { OrgScope } from '../../src/auth/scope.js';
import * as fx from '../support/fixtures.js';

// GET /households/:hid/balances/:bid/pdf: the balance report, through the real app.

let t: TestApp;
let org: number;
let team: number;
let workerId: number;
let worker: OrgScope;
let cookie: string;
let household: number;
let adult: number;

const NATIONAL_NUMBER = '85073000123';

/** A household in `as`'s first team; every member carries a national number (which no PDF may show). */
async function makeHousehold(
  as: OrgScope,
  dossierRef: string | null,
  members: { first: string; last: string; year: number; role: 'aanvrager' | 'partner' | 'kind' }[],
) {
  return fx.household(t.db, t.now(), as, {
    dossierRef,
    members: members.map((m) => ({ firstName: m.first, lastName: m.last, birthYear: m.year, role: m.role, nationalNumber: NATIONAL_NUMBER })),
  });
}

/** A balance of 20/11/2026 with the member taking part: two household scores and two of the member's (one sensitive, with a remark). */
async function balance(householdId: number, memberId: number, opts: { finalise?: boolean; as?: OrgScope } = {}) {
  return fx.balance(t.db, t.now(), opts.as ?? worker, householdId, {
    takenOn: '2026-11-20',
    participants: [memberId],
    scores: {
      'h.schulden': { score: 1, remark: 'Financiën: twee afbetalingsplannen lopen.' },
      'h.verblijfplaats': 4,
      [`m${memberId}.mentale-gezondheid`]: { score: 2, remark: 'GEHEIM: opname in het voorjaar.' },
      [`m${memberId}.mobiliteit`]: 5,
    },
    finalise: opts.finalise ?? true,
  });
}

async function downloads() {
  return t.db
    .selectFrom('audit_event')
    .select(['action', 'target_type', 'target_id', 'actor_user_id'])
    .where('action', '=', 'balance.pdf_downloaded')
    .execute();
}

beforeEach(async () => {
  t = await makeTestApp();
  org = await t.organisation('OCMW Ruisbroek-Sint-Géry');
  team = await t.team(org, 'Team Noord');
  workerId = await t.user(org, { email: 'w@ocmw.be', name: 'Wendy Maes', teams: [{ teamId: team, role: 'worker' }] });
  cookie = await t.sessionCookie(workerId);
  worker = await fx.scopeOf(t.db, workerId);
  const h = await makeHousehold(worker, 'D-2026/0042', [
    { first: 'Sara', last: 'Peeters', year: 1985, role: 'aanvrager' },
    { first: 'Émile', last: 'Peeters', year: 2017, role: 'kind' },
  ]);
  household = h.id;
  adult = h.members[0]!;
});
afterEach(async () => {
  await t.close();
});

describe('downloading a balance as PDF', () => {
  it('answers a PDF download with a safe file name, not cached, with the scores, names and remarks, and audits it', async () => {
    const id = await balance(household, adult);
    const res = await t.request(`/households/${household}/balances/${id}/pdf`, { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/pdf');
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="sociale-balans_D-2026-0042_2026-11-20.pdf"');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const pdf = await readPdf(bytes);
    expect(pdf.info.Title).toBe('Sociale balans van 20/11/2026');
    expect(pdf.info.Language).toBe('nl-BE');
    expect(pdf.markInfo).toMatchObject({ Marked: true });
    for (const s of [
      'OCMW Ruisbroek-Sint-Géry',
      'Sara Peeters',
      'Émile Peeters',
      'Aanvrager',
      'Schulden',
      '1 Acuut probleem',
      '4 Voldoende',
      '5 Zelfredzaam',
      'Financiën: twee afbetalingsplannen lopen.',
      'Afgerond door Wendy Maes op 22/11/2026',
      'Niet besproken',
      `Pagina 1 van ${pdf.numPages}`,
    ])
      expect(pdf.text, s).toContain(s);
    // Assigned to nobody and sensitiveVisibility "team": the whole team sees the sensitive domains.
    expect(pdf.text).toContain('GEHEIM: opname in het voorjaar.');
    expect(pdf.text).not.toContain(NATIONAL_NUMBER);
    expect(await downloads()).toEqual([{ action: 'balance.pdf_downloaded', target_type: 'balance', target_id: String(id), actor_user_id: workerId }]);
  });

  it('names the file after the household id when there is no dossier number', async () => {
    const other = await makeHousehold(worker, null, [{ first: 'Ali', last: 'Demir', year: 1979, role: 'aanvrager' }]);
    const id = await balance(other.id, other.members[0]!);
    const res = await t.request(`/households/${other.id}/balances/${id}/pdf`, { cookie });
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="sociale-balans_gezin-${other.id}_2026-11-20.pdf"`);
  });

  it('leaves out sensitive domains for a user the organisation shields them from', async () => {
    const id = await balance(household, adult);
    const assigned = await t.user(org, { email: 'a@ocmw.be', teams: [{ teamId: team, role: 'worker' }] });
    await t.db.updateTable('household').set({ assigned_user_id: assigned }).where('id', '=', household).execute();
    await t.db.updateTable('organisation').set({ sensitive_visibility: 'assigned' }).where('id', '=', org).execute();
    const restricted = await readPdf(new Uint8Array(await (await t.request(`/households/${household}/balances/${id}/pdf`, { cookie })).arrayBuffer()));
    for (const s of ['GEHEIM', 'Mentale gezondheid', 'Fysieke gezondheid', 'Justitie']) expect(restricted.text, s).not.toContain(s);
    expect(restricted.text).toMatch(/gevoelige domeinen zijn afgeschermd/);
    expect(restricted.text).toContain('Mobiliteit');
    // The assigned worker does see them.
    const mine = await readPdf(
      new Uint8Array(await (await t.request(`/households/${household}/balances/${id}/pdf`, { cookie: await t.sessionCookie(assigned) })).arrayBuffer()),
    );
    expect(mine.text).toContain('GEHEIM: opname in het voorjaar.');
    expect(mine.text).toContain('Mentale gezondheid');
  });

  it('follows the language the user chose', async () => {
    const id = await balance(household, adult);
    await t.db.updateTable('app_user').set({ locale: 'fr' }).where('id', '=', workerId).execute();
    const res = await t.request(`/households/${household}/balances/${id}/pdf`, { cookie, headers: { 'Accept-Language': 'nl-BE' } });
    const pdf = await readPdf(new Uint8Array(await res.arrayBuffer()));
    expect(pdf.info.Language).toBe('fr-BE');
    expect(pdf.info.Title).toBe('Bilan social du 20/11/2026');
    for (const s of ['Santé mentale', 'Dettes', 'Problème aigu', 'Demandeur', `Page 1 sur ${pdf.numPages}`]) expect(pdf.text, s).toContain(s);
    expect(pdf.text).not.toContain('Pagina');
  });

  it('allows a draft, marked as such on every page', async () => {
    const id = await balance(household, adult, { finalise: false });
    const res = await t.request(`/households/${household}/balances/${id}/pdf`, { cookie });
    expect(res.status).toBe(200);
    const pdf = await readPdf(new Uint8Array(await res.arrayBuffer()));
    for (const page of pdf.pages) expect(page).toContain('ONTWERP — nog niet afgerond');
    expect(await downloads()).toHaveLength(1);
  });

  it('is a 404, with nothing audited as a download, for another team, another organisation, a missing balance or a balance of another household', async () => {
    const mine = await balance(household, adult);
    const otherTeam = await t.team(org, 'Team Zuid');
    const lead = await fx.scopeOf(t.db, await t.user(org, { email: 'z@ocmw.be', teams: [{ teamId: otherTeam, role: 'lead' }] }));
    const elsewhere = await makeHousehold(lead, 'D-9', [{ first: 'Ali', last: 'Demir', year: 1979, role: 'aanvrager' }]);
    const theirs = await balance(elsewhere.id, elsewhere.members[0]!, { as: lead });
    const otherOrg = await t.organisation('OCMW Elders');
    const foreignTeam = await t.team(otherOrg, 'Team Elders');
    const foreignUser = await t.user(otherOrg, { email: 'x@elders.be', teams: [{ teamId: foreignTeam, role: 'worker' }] });
    const before = await downloads();
    for (const [path, as] of [
      [`/households/${elsewhere.id}/balances/${theirs}/pdf`, cookie], // another team's household
      [`/households/${household}/balances/${theirs}/pdf`, cookie], // another household's balance under my household
      [`/households/${household}/balances/999999/pdf`, cookie], // missing
      [`/households/${household}/balances/abc/pdf`, cookie], // not an id
      [`/households/${household}/balances/${mine}/pdf`, await t.sessionCookie(foreignUser)], // another organisation
    ] as const) {
      const res = await t.request(path, { cookie: as });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('Content-Type'), path).toContain('text/html');
    }
    expect(await downloads()).toEqual(before);
    // Not signed in: to the sign-in page, nothing generated.
    const anonymous = await t.request(`/households/${household}/balances/${mine}/pdf`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('Location')).toMatch(/^\/signin/);
  });

  it('is offered as a link on the finalised balance page', async () => {
    const id = await balance(household, adult);
    const html = await (await t.request(`/households/${household}/balances/${id}`, { cookie })).text();
    expect(html).toContain(`href="/households/${household}/balances/${id}/pdf"`);
    expect(html).toContain('PDF downloaden');
  });
});
