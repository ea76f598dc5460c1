import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import * as fx from '../support/fixtures.js';

// Client languages and texts for administrators: a language reaches clients only once switched on
// (with a deliberate yes while drafts remain), every switch is audited, and the translator exchange
// (PO) refuses a bad file whole.

let t: TestApp;
let admin: string;
let workerCookie: string;

beforeEach(async () => {
  t = await makeTestApp();
  const org = await t.organisation();
  const team = await t.team(org, 'Team Noord');
  admin = await t.sessionCookie(await t.user(org, { email: 'beheer@ocmw.be', isAdmin: true }));
  workerCookie = await t.sessionCookie(await t.user(org, { email: 'w@ocmw.be', teams: [{ teamId: team, role: 'worker' }] }));
});
afterEach(() => t.close());

const textsWritten = () => t.db.selectFrom('client_text').selectAll().execute();
const languageRows = () => t.db.selectFrom('client_language').selectAll().execute();

function upload(path: string, content: string, name = 'ar.po') {
  const body = new FormData();
  body.set('file', new File([content], name, { type: 'text/x-gettext-translation' }));
  return t.request(path, { method: 'POST', cookie: admin, body });
}

describe('/translations', () => {
  it('is for administrators: a worker is refused', async () => {
    expect((await t.request('/translations', { cookie: workerCookie })).status).toBe(403);
    expect((await t.request('/translations', { cookie: admin })).status).toBe(200);
  });

  it('lists the shipped languages as drafts, all off for clients, and says the drafts are not reviewed', async () => {
    const html = await (await t.request('/translations', { cookie: admin })).text();
    for (const name of ['Arabisch', 'Turks', 'Roemeens', 'Oekraïens', 'Pools', 'Engels', 'Frans']) expect(html).toContain(name);
    expect(html).toContain('niet nagekeken door een beëdigd vertaler');
    expect(html).not.toMatch(/<td>Aan<\/td>/);
  });

  it('switching a language with drafts on needs a deliberate yes; without it nothing changes', async () => {
    const refused = await t.request('/translations/ar/visibility', { cookie: admin, form: { shown: '1' } });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Vink aan dat je weet');
    expect(await languageRows()).toEqual([]);
    const done = await t.request('/translations/ar/visibility', { cookie: admin, form: { shown: '1', accept_drafts: '1' } });
    expect(done.status).toBe(303);
    expect(await languageRows()).toEqual([expect.objectContaining({ lang: 'ar', shown_to_clients: 1 })]);
    const audit = await t.db.selectFrom('audit_event').select(['action', 'target_id']).where('action', 'like', 'client_language.%').execute();
    expect(audit).toEqual([{ action: 'client_language.shown', target_id: 'ar' }]);
    expect((await t.request('/translations/ar/visibility', { cookie: admin, form: { shown: '0' } })).status).toBe(303);
    expect((await languageRows())[0]!.shown_to_clients).toBe(0);
  });

  it('unknown languages and Dutch have no page; a language can be added once', async () => {
    expect((await t.request('/translations/xx', { cookie: admin })).status).toBe(404);
    expect((await t.request('/translations/nl', { cookie: admin })).status).toBe(404);
    expect((await t.request('/translations/languages', { cookie: admin, form: { lang: 'xx' } })).status).toBe(422);
    expect((await t.request('/translations/languages', { cookie: admin, form: { lang: 'ti' } })).status).toBe(303);
    expect((await t.request('/translations/languages', { cookie: admin, form: { lang: 'ti' } })).status).toBe(422);
    expect((await t.request('/translations/ti', { cookie: admin })).status).toBe(200);
  });
});

describe('the translator exchange (PO)', () => {
  it('exports a language for a translator, drafts marked fuzzy, and the export is audited', async () => {
    const res = await t.request('/translations/ar/po', { cookie: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('text/x-gettext-translation');
    const po = await res.text();
    expect(po).toContain('"Language: ar\\n"');
    expect(po).toContain('nplurals=6');
    expect(po).toContain('msgctxt "domain:verblijfplaats:question"');
    expect(po).toContain('msgstr "هل لديك مكان ثابت للسكن؟"');
    expect(po).toContain('#, fuzzy');
    expect(await t.db.selectFrom('audit_event').select('action').where('action', '=', 'client_texts.exported').execute()).toHaveLength(1);
  });

  it('imports a reviewed file: what the translator reviewed becomes the organisation’s text, reviewed', async () => {
    const po = await (await t.request('/translations/ar/po', { cookie: admin })).text();
    const reviewed = po
      .replace(/#, fuzzy\nmsgctxt "domain:verblijfplaats:question"/, 'msgctxt "domain:verblijfplaats:question"')
      .replace('msgstr "هل لديك مكان ثابت للسكن؟"', 'msgstr "هل لديك مكان دائم تسكن فيه؟"');
    const res = await upload('/translations/ar/import', reviewed);
    expect(res.status).toBe(303);
    const rows = await textsWritten();
    expect(rows.length).toBeGreaterThan(300);
    const q = rows.find((r) => r.context === 'domain:verblijfplaats:question')!;
    expect(q).toMatchObject({ status: 'reviewed', source: 'Heb je een vaste plek om te wonen?' });
    expect(JSON.parse(q.forms)).toEqual(['هل لديك مكان دائم تسكن فيه؟']);
    expect(rows.filter((r) => r.status === 'reviewed')).toHaveLength(1);
    const page = await (await t.request('/translations/ar', { cookie: admin })).text();
    expect(page).toContain('1 tekst is nagekeken door een vertaler.');
  });

  it('refuses a bad file whole, saying why, and writes nothing', async () => {
    const good = await (await t.request('/translations/ar/po', { cookie: admin })).text();
    const cases: [string, string, string][] = [
      ['another language', good.replace('Language: ar', 'Language: tr'), 'Het bestand is voor een andere taal'],
      [
        'a translation of a changed Dutch text',
        good.replace('msgid "Heb je een vaste plek om te wonen?"', 'msgid "Heb je een huis?"'),
        'de Nederlandse tekst is intussen veranderd',
      ],
      ['a placeholder dropped', good.replace('msgstr "مرحبًا {name}"', 'msgstr "مرحبًا"'), 'de vertaling moet {name} behouden'],
      ['not a PO file', '%PDF-1.7 not a po file "', 'Dit is geen leesbaar PO-bestand.'],
    ];
    for (const [what, file, message] of cases) {
      const res = await upload('/translations/ar/import', file);
      expect(res.status, what).toBe(422);
      expect(await res.text(), what).toContain(message);
    }
    const noFile = await t.request('/translations/ar/import', { method: 'POST', cookie: admin, body: new FormData() });
    expect(noFile.status).toBe(422);
    const big = await upload('/translations/ar/import', `# ${'x'.repeat(600 * 1024)}\n`);
    expect(big.status).toBe(413);
    const notUtf8 = new FormData();
    notUtf8.set('file', new File([new Uint8Array([0x6d, 0x73, 0x67, 0xff, 0xfe, 0x22])], 'x.po'));
    expect((await t.request('/translations/ar/import', { method: 'POST', cookie: admin, body: notUtf8 })).status).toBe(422);
    expect(await textsWritten()).toEqual([]);
    expect(await t.db.selectFrom('audit_event').select('action').where('action', '=', 'client_texts.imported').execute()).toEqual([]);
  });

  it('an imported text is what clients read from then on', async () => {
    const org = (await t.db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id;
    const po = await (await t.request('/translations/ar/po', { cookie: admin })).text();
    await upload('/translations/ar/import', po.replace('msgstr "التالي"', 'msgstr "السؤال التالي"'));
    const { clientTextEntries } = await import('../../src/client-voice/queries.js');
    const entries = await clientTextEntries(t.db, { organisationId: org }, 'ar');
    expect(entries.get('ui:next')).toMatchObject({ forms: ['السؤال التالي'], origin: 'organisation', status: 'draft' });
    expect(fx).toBeTruthy();
  });
});

describe('which language binds on the client’s copy', () => {
  it('is Dutch until set; only nl, fr or nl-fr are accepted; the change is audited', async () => {
    expect((await t.request('/translations/official-language', { cookie: admin, form: { official: 'de' } })).status).toBe(422);
    expect(await t.db.selectFrom('client_setting').selectAll().execute()).toEqual([]);
    expect((await t.request('/translations/official-language', { cookie: admin, form: { official: 'nl-fr' } })).status).toBe(303);
    expect(await t.db.selectFrom('client_setting').select('official_language').execute()).toEqual([{ official_language: 'nl-fr' }]);
    expect(await t.db.selectFrom('audit_event').select('action').where('action', '=', 'client_setting.changed').execute()).toHaveLength(1);
  });
});
