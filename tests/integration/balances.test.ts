import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import * as fx from '../support/fixtures.js';
import { EMPTY_CELL, fingerprint, type CellValue } from '../../src/balances/logic.js';

let t: TestApp;
let org: number;
let team: number;
let worker: number;
let cookie: string;
let household: number;
let adult: number;
let child: number;

/** A household made through the shared fixture, as `userId` (a worker of its team) would make it. */
async function makeHousehold(userId: number, members: { first: string; last: string; year: number; role: 'aanvrager' | 'partner' | 'kind' }[]) {
  return fx.household(t.db, t.now(), await fx.scopeOf(t.db, userId), {
    members: members.map((m) => ({ firstName: m.first, lastName: m.last, birthYear: m.year, role: m.role })),
  });
}

beforeEach(async () => {
  t = await makeTestApp();
  org = await t.organisation('OCMW Balans');
  team = await t.team(org, 'Team Noord');
  worker = await t.user(org, { email: 'w@ocmw.be', name: 'Wendy', teams: [{ teamId: team, role: 'worker' }] });
  cookie = await t.sessionCookie(worker);
  const h = await makeHousehold(worker, [
    { first: 'Sara', last: 'Peeters', year: 1985, role: 'aanvrager' },
    { first: 'Lina', last: 'Peeters', year: 2015, role: 'kind' },
  ]);
  household = h.id;
  adult = h.members[0]!;
  child = h.members[1]!;
});
afterEach(async () => {
  await t.close();
});

async function startBalance(extra: Record<string, string | string[]> = {}) {
  const res = await t.request(`/households/${household}/balances`, {
    cookie,
    form: { takenOn: '2026-11-20', method: 'samen', participants: [String(adult)], ...extra },
  });
  expect(res.status).toBe(303);
  return Number(/balances\/(\d+)$/.exec(res.headers.get('Location')!)![1]);
}

/** The fields a theme form posts for one cell, as the editor rendered it (revision + fingerprint). */
function cellFields(key: string, v: { s?: string; r?: string; c?: string }, shown: CellValue = EMPTY_CELL, revision = 0) {
  return { [`v.${key}`]: String(revision), [`o.${key}`]: fingerprint(shown), [`s.${key}`]: v.s ?? '', [`r.${key}`]: v.r ?? '', [`c.${key}`]: v.c ?? '' };
}

/** The editor token the editor page hands out to this session for this balance. */
async function editorTokenOf(balanceId: number, asCookie: string) {
  const html = await (await t.request(`/households/${household}/balances/${balanceId}`, { cookie: asCookie })).text();
  return /name="editor" value="([^"]+)"/.exec(html)![1]!;
}

async function scoreRows(balanceId: number) {
  return t.db.selectFrom('balance_score').selectAll().where('balance_id', '=', balanceId).orderBy('id').execute();
}

describe('starting a balance', () => {
  it('uses the current catalogue version and the members on that date, adult or child by age', async () => {
    const id = await startBalance();
    const b = await t.db.selectFrom('balance').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const current = await t.db
      .selectFrom('catalogue_version')
      .select('id')
      .where('organisation_id', '=', org)
      .orderBy('number', 'desc')
      .executeTakeFirstOrThrow();
    expect(b).toMatchObject({ household_id: household, catalogue_version_id: current.id, taken_on: '2026-11-20', method: 'samen', status: 'draft' });
    const subjects = await t.db.selectFrom('balance_subject').selectAll().where('balance_id', '=', id).orderBy('member_id').execute();
    expect(subjects.map((s) => [s.member_id, s.level, s.took_part])).toEqual([
      [adult, 'volwassene', 1],
      [child, 'kind', 0],
    ]);
  });

  it('refuses a date in the future, a malformed date and a missing method, writing nothing', async () => {
    for (const form of [
      { takenOn: '2027-01-01', method: 'samen' },
      { takenOn: '2026-02-30', method: 'samen' },
      { takenOn: '2026-11-20', method: 'raden' },
    ]) {
      const res = await t.request(`/households/${household}/balances`, { cookie, form });
      expect(res.status).toBe(422);
    }
    expect(await t.db.selectFrom('balance').selectAll().execute()).toHaveLength(0);
  });

  it('reads the date as people type it where the browser shows a text field (dd/mm/jjjj), as the hint says', async () => {
    const res = await t.request(`/households/${household}/balances`, { cookie, form: { takenOn: '20/11/2026', method: 'samen' } });
    expect(res.status).toBe(303);
    expect(await t.db.selectFrom('balance').select('taken_on').execute()).toEqual([{ taken_on: '2026-11-20' }]);
  });

  it('names what is wrong with the date and the method in the user language, from the form module error codes', async () => {
    const res = await t.request(`/households/${household}/balances`, { cookie, form: { takenOn: 'morgen', method: 'raden' } });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Typ een geldige datum, niet in de toekomst.');
    expect(html).toContain('Kies hoe de meting gemaakt wordt.');
  });

  it('is not possible on a household of another team or organisation (404)', async () => {
    const otherTeam = await t.team(org, 'Team Zuid');
    const colleague = await t.user(org, { email: 'z@ocmw.be', teams: [{ teamId: otherTeam, role: 'worker' }] });
    const other = await makeHousehold(colleague, [{ first: 'Ali', last: 'Demir', year: 1979, role: 'aanvrager' }]);
    expect((await t.request(`/households/${other.id}/balances`, { cookie, form: { takenOn: '2026-11-20', method: 'samen' } })).status).toBe(404);
    expect((await t.request(`/households/${other.id}/balances/new`, { cookie })).status).toBe(404);
    expect(await t.db.selectFrom('balance').selectAll().execute()).toHaveLength(0);
  });
});

describe('the editor', () => {
  it("asks the household domains once and each member's domains at their level, one step (theme of one person) at a time", async () => {
    const id = await startBalance();
    const res = await t.request(`/households/${household}/balances/${id}`, { cookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    const version = await t.db.selectFrom('catalogue_version').select('content').where('organisation_id', '=', org).executeTakeFirstOrThrow();
    const catalogue = JSON.parse(String(version.content)) as { themes: { key: string; level: string; domains: { defaultOn: boolean }[] }[] };
    const themes = (level: string) => catalogue.themes.filter((th) => th.level === level && th.domains.some((d) => d.defaultOn));
    const on = (level: string) =>
      themes(level)
        .flatMap((th) => th.domains)
        .filter((d) => d.defaultOn).length;
    const total = on('huishouden') + on('volwassene') + on('kind');
    expect(html).toContain(`0 van ${total} domeinen gescoord`);
    // The first screen is the first step with something to do: the household's first theme.
    expect(html).toContain('<h2 id="step" class="step__title" tabindex="-1">Wonen — Huishouden</h2>');
    expect(html).toContain(`Stap 1 van ${themes('huishouden').length + themes('volwassene').length + themes('kind').length}`);
    // Each level: the short level name in bold as the choice's title, the domain's own words under it.
    expect(html).toMatch(
      /<input type="radio" name="s\.h\.verblijfplaats" value="2"\/><span class="level__body"><strong class="level__title"><span class="level__num">2<\/span> Ruim onvoldoende<\/strong><span class="level__text">[^<]+<\/span>/,
    );
    // The overview has one button per step (it saves the current step and goes there); all steps together ask every cell once.
    const steps = [...html.matchAll(/form="step-form" name="go" value="([^"]+)"/g)].map((m) => m[1]!);
    expect(steps).toEqual([
      ...themes('huishouden').map((th) => `h:${th.key}`),
      ...themes('volwassene').map((th) => `m${adult}:${th.key}`),
      ...themes('kind').map((th) => `m${child}:${th.key}`),
      'afronden',
    ]);
    const asked: string[] = [];
    for (const step of steps.slice(0, -1)) {
      const page = await (await t.request(`/households/${household}/balances/${id}?step=${encodeURIComponent(step)}`, { cookie })).text();
      expect(page).toContain(`name="step" value="${step}"`);
      asked.push(...[...page.matchAll(/<fieldset class="cell[^"]*" id="c-([^"]+)"/g)].map((m) => m[1]!));
    }
    expect(asked).toHaveLength(total);
    expect(new Set(asked).size).toBe(total);
    expect(asked.filter((k) => k.startsWith(`m${adult}-`))).toHaveLength(on('volwassene'));
    expect(asked.filter((k) => k.startsWith(`m${child}-`))).toHaveLength(on('kind'));
    const audit = await t.db.selectFrom('audit_event').select(['action', 'target_id']).where('action', '=', 'balance.viewed').execute();
    expect(audit[0]).toEqual({ action: 'balance.viewed', target_id: String(id) });
  });

  it('saves a score at once through htmx and answers with the new revision and the progress', async () => {
    const id = await startBalance();
    const remark = 'Woont bij zus <script>alert(1)</script> hx-get="/x"';
    const res = await t.request(`/households/${household}/balances/${id}/scores`, {
      cookie,
      htmx: true,
      form: { editor: 'tab-a', step: 'h:huishouden-wonen', ...cellFields('h.verblijfplaats', { s: '2', r: remark, c: '3' }) },
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Opgeslagen om 10:00');
    expect(html).toContain('name="v.h.verblijfplaats" value="1"');
    expect(html).toMatch(/1 van \d+ domeinen gescoord/);
    const rows = await scoreRows(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ subject: 'h', domain_key: 'verblijfplaats', state: 'scored', score: 2, client_score: 3, remark, revision: 1 });
    // The remark is shown as text, never as markup.
    const page = await (await t.request(`/households/${household}/balances/${id}`, { cookie })).text();
    expect(page).toContain('Woont bij zus &lt;script&gt;alert(1)&lt;/script&gt; hx-get=&quot;/x&quot;');
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('De cliënt ziet het anders: de cliënt geeft 3, de hulpverlener 2.');
    const audit = await t.db.selectFrom('audit_event').select('action').where('action', '=', 'balance.scores_saved').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(await t.db.selectFrom('audit_event').selectAll().execute())).not.toContain('zus');
  });

  it('saves a whole step with JS off and comes back to that step', async () => {
    const id = await startBalance();
    const res = await t.request(`/households/${household}/balances/${id}/scores`, {
      cookie,
      form: {
        editor: 'tab-a',
        step: 'h:huishouden-wonen',
        ...cellFields('h.verblijfplaats', { s: '4' }),
        ...cellFields('h.betaalbaarheid-woning', { s: 'nb', r: 'Volgende keer' }),
      },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/households/${household}/balances/${id}?step=h%3Ahuishouden-wonen&saved=1#step`);
    expect((await scoreRows(id)).map((r) => [r.domain_key, r.state, r.score])).toEqual([
      ['verblijfplaats', 'scored', 4],
      ['betaalbaarheid-woning', 'nb', null],
    ]);
    const page = await (await t.request(res.headers.get('Location')!.split('#')[0]!, { cookie })).text();
    expect(page).toContain('<p id="save-status" class="save-status">Opgeslagen om 10:00</p>');
    expect(page).toContain('<h2 id="step" class="step__title" tabindex="-1">Wonen — Huishouden</h2>');
    // Both cells of the step are done: the overview says so in words and with a tick.
    expect(page).toContain('<span id="ss-h-huishouden-wonen" class="step-status step-status--done">✓ klaar</span>');
  });

  it.each([['0'], ['6'], ['3.5'], ['abc'], ['-1'], [' 3']])('refuses score %j with 422 and writes nothing', async (s) => {
    const id = await startBalance();
    const res = await t.request(`/households/${household}/balances/${id}/scores`, { cookie, form: { editor: 'a', ...cellFields('h.verblijfplaats', { s }) } });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Kies een score van 1 tot 5');
    expect(await scoreRows(id)).toHaveLength(0);
  });

  it('without JavaScript, a refused save lists every refused cell in the error summary, each linked to its cell and tied to its message', async () => {
    const id = await startBalance();
    const res = await t.request(`/households/${household}/balances/${id}/scores`, {
      cookie,
      form: {
        editor: 'a',
        step: 'h:huishouden-wonen',
        ...cellFields('h.verblijfplaats', { s: '9' }),
        ...cellFields('h.betaalbaarheid-woning', { s: 'abc' }),
      },
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    const summary = /<div class="error-summary"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(summary).toContain('<a href="#c-h-verblijfplaats">Verblijfplaats — Huishouden: Kies een score van 1 tot 5');
    expect(summary).toContain('<a href="#c-h-betaalbaarheid-woning">Betaalbaarheid woning — Huishouden: Kies een score van 1 tot 5');
    for (const cell of ['c-h-verblijfplaats', 'c-h-betaalbaarheid-woning']) {
      expect(html).toContain(`id="${cell}" aria-describedby="${cell}-q ${cell}-e"`);
      expect(html).toContain(`<p class="field__error" id="${cell}-e">Kies een score van 1 tot 5`);
    }
    expect(await scoreRows(id)).toHaveLength(0);
  });

  it('refuses a remark over 10,000 characters, keeping the text in the form', async () => {
    const id = await startBalance();
    const long = 'x'.repeat(10_001);
    const res = await t.request(`/households/${household}/balances/${id}/scores`, {
      cookie,
      form: { editor: 'a', ...cellFields('h.verblijfplaats', { s: '3', r: long }) },
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('hoogstens 10.000 tekens');
    expect(html).toContain(long);
    expect(await scoreRows(id)).toHaveLength(0);
  });

  it('refuses a domain not in the catalogue version, a member of another household, and nvt where not allowed', async () => {
    const id = await startBalance();
    const other = await makeHousehold(worker, [{ first: 'Ali', last: 'Demir', year: 1979, role: 'aanvrager' }]);
    for (const form of [
      cellFields('h.bestaat-niet', { s: '3' }),
      cellFields(`m${other.members[0]}.mobiliteit`, { s: '3' }),
      cellFields(`m${child}.tewerkstelling`, { s: '3' }), // an adult domain for a child
      cellFields('h.schulden', { s: 'nvt' }),
    ]) {
      const res = await t.request(`/households/${household}/balances/${id}/scores`, { cookie, form: { editor: 'a', ...form } });
      expect(res.status).toBe(422);
    }
    expect(await scoreRows(id)).toHaveLength(0);
  });

  it('detects a concurrent edit: 409 with both versions, nothing overwritten, the text kept; "keep mine" then saves', async () => {
    const id = await startBalance();
    // Tab A and tab B both opened the editor when the cell was empty. B saves first.
    const b = await t.request(`/households/${household}/balances/${id}/scores`, {
      cookie,
      htmx: true,
      form: { editor: 'tab-b', ...cellFields('h.verblijfplaats', { s: '2', r: 'Tekst van B' }) },
    });
    expect(b.status).toBe(200);
    const a = await t.request(`/households/${household}/balances/${id}/scores`, {
      cookie,
      htmx: true,
      form: { editor: 'tab-a', ...cellFields('h.verblijfplaats', { s: '4', r: 'Tekst van A die niet verloren mag gaan' }) },
    });
    expect(a.status).toBe(409);
    const html = await a.text();
    expect(html).toContain('Iemand anders wijzigde dit intussen');
    expect(html).toContain('Tekst van B');
    expect(html).toContain('Tekst van A die niet verloren mag gaan');
    expect(html).toContain('hx-swap-oob="true"');
    // The conflict answer carries B's revision, so "keep mine" is a normal save of A's values.
    expect(html).toContain('name="v.h.verblijfplaats" value="1"');
    let rows = await scoreRows(id);
    expect(rows[0]).toMatchObject({ score: 2, remark: 'Tekst van B', revision: 1 });
    const shownToA: CellValue = { state: 'scored', score: 2, clientScore: null, remark: 'Tekst van B' };
    const keep = await t.request(`/households/${household}/balances/${id}/scores`, {
      cookie,
      htmx: true,
      form: { editor: 'tab-a', ...cellFields('h.verblijfplaats', { s: '4', r: 'Tekst van A die niet verloren mag gaan' }, shownToA, 1) },
    });
    expect(keep.status).toBe(200);
    rows = await scoreRows(id);
    expect(rows[0]).toMatchObject({ score: 4, remark: 'Tekst van A die niet verloren mag gaan', revision: 2 });
  });

  it("a full-page save (JS off) on a stale version shows both versions with the user's text in the form", async () => {
    const id = await startBalance();
    await t.request(`/households/${household}/balances/${id}/scores`, {
      cookie,
      form: { editor: 'tab-b', ...cellFields('h.verblijfplaats', { s: '2', r: 'B' }) },
    });
    const res = await t.request(`/households/${household}/balances/${id}/scores`, {
      cookie,
      form: { editor: 'tab-a', ...cellFields('h.verblijfplaats', { s: '5', r: 'Mijn lange opmerking' }) },
    });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toMatch(/<textarea[^>]*name="r\.h\.verblijfplaats"[^>]*>Mijn lange opmerking<\/textarea>/);
    expect(html).toContain('Bewaard door Wendy om 10:00:');
    expect((await scoreRows(id))[0]).toMatchObject({ score: 2, remark: 'B' });
  });

  it('its own earlier save still in flight is not a conflict (same editor)', async () => {
    const id = await startBalance();
    const editor = await editorTokenOf(id, cookie);
    await t.request(`/households/${household}/balances/${id}/scores`, {
      cookie,
      htmx: true,
      form: { editor, ...cellFields('h.verblijfplaats', { r: 'Eerste woorden' }) },
    });
    // The debounced second request was built before the first answer arrived: revision 0, old fingerprint.
    const res = await t.request(`/households/${household}/balances/${id}/scores`, {
      cookie,
      htmx: true,
      form: { editor, ...cellFields('h.verblijfplaats', { r: 'Eerste woorden en meer' }) },
    });
    expect(res.status).toBe(200);
    expect((await scoreRows(id))[0]).toMatchObject({ remark: 'Eerste woorden en meer', revision: 2, editor_token: editor });
  });

  it('leaves cells alone that the user did not touch, even when someone else changed them', async () => {
    const id = await startBalance();
    await t.request(`/households/${household}/balances/${id}/scores`, {
      cookie,
      form: { editor: 'tab-b', ...cellFields('h.verblijfplaats', { s: '1', r: 'B' }) },
    });
    // Tab A saves the theme with an untouched, empty verblijfplaats and a new score elsewhere.
    const res = await t.request(`/households/${household}/balances/${id}/scores`, {
      cookie,
      form: { editor: 'tab-a', ...cellFields('h.verblijfplaats', {}), ...cellFields('h.schulden', { s: '3' }) },
    });
    expect(res.status).toBe(303);
    const rows = await scoreRows(id);
    expect(rows.find((r) => r.domain_key === 'verblijfplaats')).toMatchObject({ score: 1, remark: 'B' });
    expect(rows.find((r) => r.domain_key === 'schulden')).toMatchObject({ score: 3 });
  });
});

describe('the editor token (who counts as the same editor)', () => {
  /** Two saves of the same cell, both built on revision 0: the second must be a conflict. */
  async function secondSaveOnStaleRevision(id: number, first: { cookie: string; editor?: string }, second: { cookie: string; editor?: string }) {
    const post = (who: { cookie: string; editor?: string }, s: string, r: string) =>
      t.request(`/households/${household}/balances/${id}/scores`, {
        cookie: who.cookie,
        htmx: true,
        form: { ...(who.editor === undefined ? {} : { editor: who.editor }), ...cellFields('h.verblijfplaats', { s, r }) },
      });
    expect((await post(first, '2', 'Eerste')).status).toBe(200);
    const res = await post(second, '4', 'Tweede');
    expect((await scoreRows(id))[0]).toMatchObject({ score: 2, remark: 'Eerste', revision: 1 });
    return res;
  }

  it('two saves that both leave out the editor field: 409, the first value stays', async () => {
    const id = await startBalance();
    const res = await secondSaveOnStaleRevision(id, { cookie }, { cookie });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Iemand anders wijzigde dit intussen');
  });

  it('two saves with the same forged token: 409, the first value stays', async () => {
    const id = await startBalance();
    const forged = 'AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA';
    expect((await secondSaveOnStaleRevision(id, { cookie, editor: forged }, { cookie, editor: forged })).status).toBe(409);
    expect((await scoreRows(id))[0]!.editor_token).toBe('');
  });

  it('a real token replayed from another session (or for another balance) is another editor: 409', async () => {
    const id = await startBalance();
    const mine = await editorTokenOf(id, cookie);
    const colleague = await t.user(org, { email: 'c@ocmw.be', name: 'Chris', teams: [{ teamId: team, role: 'worker' }] });
    const theirCookie = await t.sessionCookie(colleague);
    expect((await secondSaveOnStaleRevision(id, { cookie, editor: mine }, { cookie: theirCookie, editor: mine })).status).toBe(409);
    // A token of this same session but issued for another balance does not carry over.
    const other = await startBalance({ takenOn: '2026-11-21' });
    const forOther = await editorTokenOf(other, cookie);
    expect((await secondSaveOnStaleRevision(other, { cookie, editor: forOther }, { cookie, editor: mine })).status).toBe(409);
  });

  it('a prefilled cell (empty token) is never "the same editor" of a save without a token', async () => {
    const first = await startBalance({ takenOn: '2026-11-01' });
    await t.request(`/households/${household}/balances/${first}/scores`, {
      cookie,
      form: { editor: await editorTokenOf(first, cookie), ...cellFields('h.verblijfplaats', { s: '2', r: 'oud' }) },
    });
    await t.request(`/households/${household}/balances/${first}/finalisation`, { cookie, method: 'POST', form: {} });
    const second = await startBalance({ prefill: '1' });
    expect((await scoreRows(second))[0]).toMatchObject({ prefilled: 1, revision: 1, editor_token: '' });
    // A form built before the prefill (revision 0) cannot overwrite it by leaving the token out.
    const res = await t.request(`/households/${household}/balances/${second}/scores`, { cookie, form: { ...cellFields('h.verblijfplaats', { s: '5' }) } });
    expect(res.status).toBe(409);
    expect((await scoreRows(second))[0]).toMatchObject({ score: 2, prefilled: 1 });
  });
});

describe('finalising and correcting', () => {
  it('makes the balance read-only; later saves get 409; a correction needs a reason and stays visible', async () => {
    const id = await startBalance();
    await t.request(`/households/${household}/balances/${id}/scores`, {
      cookie,
      form: { editor: 'a', ...cellFields('h.verblijfplaats', { s: '2', r: 'Tijdelijk bij zus' }) },
    });
    const fin = await t.request(`/households/${household}/balances/${id}/finalisation`, { cookie, method: 'POST', form: {} });
    expect(fin.status).toBe(303);
    const b = await t.db.selectFrom('balance').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(b.status).toBe('final');
    expect(b.finalised_at).toBe(t.now());
    const view = await (await t.request(`/households/${household}/balances/${id}`, { cookie })).text();
    expect(view).toContain('Afgerond door Wendy');
    expect(view).toContain('Destabiliserend (1 en 2)');
    expect(view).not.toContain('name="s.h.verblijfplaats"');

    const late = await t.request(`/households/${household}/balances/${id}/scores`, {
      cookie,
      form: { editor: 'a', ...cellFields('h.verblijfplaats', { s: '5' }) },
    });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain('al afgerond');
    expect((await scoreRows(id))[0]).toMatchObject({ score: 2 });

    const noReason = await t.request(`/households/${household}/balances/${id}/amendments`, {
      cookie,
      form: { cell: 'h.verblijfplaats', s: '3', r: 'Tijdelijk bij zus', 'reason-a-h-verblijfplaats': '' },
    });
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain('Geef een reden');
    expect(await t.db.selectFrom('balance_amendment').selectAll().execute()).toHaveLength(0);

    const ok = await t.request(`/households/${household}/balances/${id}/amendments`, {
      cookie,
      form: { cell: 'h.verblijfplaats', s: '3', r: 'Tijdelijk bij zus', 'reason-a-h-verblijfplaats': 'Verkeerd aangeklikt' },
    });
    expect(ok.status).toBe(303);
    expect((await scoreRows(id))[0]).toMatchObject({ score: 3 });
    const amendments = await t.db.selectFrom('balance_amendment').selectAll().execute();
    expect(amendments).toMatchObject([{ before_score: 2, after_score: 3, reason: 'Verkeerd aangeklikt' }]);
    const after = await (await t.request(`/households/${household}/balances/${id}`, { cookie })).text();
    expect(after).toContain('Correcties');
    expect(after).toContain('Verkeerd aangeklikt');
    expect(after).toMatch(/2 — Ruim onvoldoende → 3 — Onvoldoende/);
  });

  it('starts from the previous balance as "nog te bevestigen", which must be confirmed before finalising', async () => {
    const first = await startBalance();
    await t.request(`/households/${household}/balances/${first}/scores`, {
      cookie,
      form: { editor: 'a', ...cellFields('h.verblijfplaats', { s: '2', r: 'oud' }) },
    });
    await t.request(`/households/${household}/balances/${first}/finalisation`, { cookie, method: 'POST', form: {} });
    const second = await startBalance({ prefill: '1' });
    const rows = await scoreRows(second);
    expect(rows).toMatchObject([{ domain_key: 'verblijfplaats', score: 2, prefilled: 1, remark: '' }]);
    const page = await (await t.request(`/households/${household}/balances/${second}`, { cookie })).text();
    expect(page).toContain('nog te bevestigen');
    const blocked = await t.request(`/households/${household}/balances/${second}/finalisation`, { cookie, method: 'POST', form: {} });
    expect(blocked.status).toBe(422);
    expect(await blocked.text()).toContain('Bevestig of wijzig eerst de 1 overgenomen score');
    const shown: CellValue = { state: 'scored', score: 2, clientScore: null, remark: '' };
    const confirm = await t.request(`/households/${household}/balances/${second}/scores`, {
      cookie,
      form: { editor: 'a', confirm: 'h.verblijfplaats', ...cellFields('h.verblijfplaats', { s: '2' }, shown, 1) },
    });
    expect(confirm.status).toBe(303);
    expect((await scoreRows(second))[0]).toMatchObject({ prefilled: 0, score: 2 });
    expect((await t.request(`/households/${household}/balances/${second}/finalisation`, { cookie, method: 'POST', form: {} })).status).toBe(303);
  });

  it('balances of other organisations and teams are not found', async () => {
    const id = await startBalance();
    const org2 = await t.organisation('OCMW Elders');
    const team2 = await t.team(org2, 'Team Elders');
    const stranger = await t.user(org2, { email: 's@elders.be', teams: [{ teamId: team2, role: 'worker' }] });
    const sc = await t.sessionCookie(stranger);
    expect((await t.request(`/households/${household}/balances/${id}`, { cookie: sc })).status).toBe(404);
    expect(
      (await t.request(`/households/${household}/balances/${id}/scores`, { cookie: sc, form: { editor: 'x', ...cellFields('h.verblijfplaats', { s: '1' }) } }))
        .status,
    ).toBe(404);
    const admin = await t.user(org, { email: 'admin@ocmw.be', isAdmin: true });
    expect((await t.request(`/households/${household}/balances/${id}`, { cookie: await t.sessionCookie(admin) })).status).toBe(404);
    expect(await scoreRows(id)).toHaveLength(0);
  });
});

describe('sensitive domains', () => {
  it('are shown to the whole team by default, and only to the assigned worker and leads when the organisation says so', async () => {
    const id = await startBalance();
    const editorPath = `/households/${household}/balances/${id}?step=m${adult}%3Avolwassene-justitie`;
    expect(await (await t.request(editorPath, { cookie })).text()).toContain(`name="s.m${adult}.justitie"`);

    await t.db.updateTable('organisation').set({ sensitive_visibility: 'assigned' }).where('id', '=', org).execute();
    const shielded = await (await t.request(editorPath, { cookie })).text();
    expect(shielded).not.toContain(`name="s.m${adult}.justitie"`);
    expect(shielded).not.toContain(`name="s.m${adult}.mentale-gezondheid"`);
    expect(shielded).toMatch(/\d+ gevoelige domeinen zijn afgeschermd/);
    expect(shielded).not.toContain(`value="m${adult}:volwassene-justitie"`);
    expect(shielded).toContain(`name="s.h.verblijfplaats"`);
    const refused = await t.request(`/households/${household}/balances/${id}/scores`, {
      cookie,
      form: { editor: 'a', ...cellFields(`m${adult}.justitie`, { s: '2' }) },
    });
    expect(refused.status).toBe(422);
    expect(await scoreRows(id)).toHaveLength(0);

    // The team lead, and the worker once assigned, see them.
    const lead = await t.user(org, { email: 'lead@ocmw.be', teams: [{ teamId: team, role: 'lead' }] });
    expect(await (await t.request(editorPath, { cookie: await t.sessionCookie(lead) })).text()).toContain(`name="s.m${adult}.justitie"`);
    const me = await t.db.selectFrom('app_user').select('id').where('email', '=', 'w@ocmw.be').executeTakeFirstOrThrow();
    await t.db.updateTable('household').set({ assigned_user_id: me.id }).where('id', '=', household).execute();
    expect(await (await t.request(editorPath, { cookie })).text()).toContain(`name="s.m${adult}.justitie"`);
  });

  it('a correction of a sensitive domain is not listed for a reader from whom the domain is shielded', async () => {
    const id = await startBalance();
    const path = `/households/${household}/balances/${id}`;
    await t.request(`${path}/scores`, { cookie, form: { editor: 'a', ...cellFields(`m${adult}.justitie`, { s: '2' }) } });
    await t.request(`${path}/finalisation`, { cookie, method: 'POST', form: {} });
    const reasonField = `reason-a-m${adult}-justitie`;
    const ok = await t.request(`${path}/amendments`, { cookie, form: { cell: `m${adult}.justitie`, s: '1', r: '', [reasonField]: 'Opschorting herroepen' } });
    expect(ok.status).toBe(303);
    expect(await (await t.request(path, { cookie })).text()).toContain('Opschorting herroepen');

    await t.db.updateTable('organisation').set({ sensitive_visibility: 'assigned' }).where('id', '=', org).execute();
    const shielded = await (await t.request(path, { cookie })).text();
    expect(shielded).toMatch(/\d+ gevoelige domeinen zijn afgeschermd/);
    expect(shielded).not.toContain('Opschorting herroepen');
    expect(shielded).not.toContain('Correcties');
  });

  it('the setting is changed by an administrator, audited, and a bad value is refused', async () => {
    const admin = await t.user(org, { email: 'admin@ocmw.be', isAdmin: true });
    const ac = await t.sessionCookie(admin);
    const bad = await t.request('/admin/settings', { cookie: ac, form: { name: 'OCMW Balans', sensitive_visibility: 'iedereen' } });
    expect(bad.status).toBe(422);
    const ok = await t.request('/admin/settings', { cookie: ac, form: { name: 'OCMW Balans', require_two_factor: '1', sensitive_visibility: 'assigned' } });
    expect(ok.status).toBe(303);
    const o = await t.db.selectFrom('organisation').select('sensitive_visibility').where('id', '=', org).executeTakeFirstOrThrow();
    expect(o.sensitive_visibility).toBe('assigned');
    expect(await t.db.selectFrom('audit_event').select('action').where('action', '=', 'organisation.settings_changed').execute()).toHaveLength(1);
  });
});

describe('corrections: bad input writes nothing', () => {
  it('refuses an unknown cell, an invalid score and a correction that changes nothing', async () => {
    const id = await startBalance();
    await t.request(`/households/${household}/balances/${id}/scores`, { cookie, form: { editor: 'a', ...cellFields('h.verblijfplaats', { s: '2', r: 'x' }) } });
    await t.request(`/households/${household}/balances/${id}/finalisation`, { cookie, method: 'POST', form: {} });
    const before = await scoreRows(id);
    for (const [form, message] of [
      [{ cell: 'h.bestaat-niet', s: '3', r: '', 'reason-x': 'reden' }, 'hoort niet bij deze meting'],
      [{ cell: `m${child}.tewerkstelling`, s: '3', r: '', 'reason-x': 'reden' }, 'hoort niet bij deze meting'],
      [{ cell: 'h.verblijfplaats', s: '7', r: 'x', 'reason-x': 'reden' }, 'Kies een score van 1 tot 5'],
      [{ cell: 'h.verblijfplaats', s: '2', r: 'x', 'reason-x': 'reden' }, 'De correctie verandert niets'],
    ] as const) {
      const res = await t.request(`/households/${household}/balances/${id}/amendments`, { cookie, form });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain(message);
    }
    expect(await scoreRows(id)).toEqual(before);
    expect(await t.db.selectFrom('balance_amendment').selectAll().execute()).toHaveLength(0);
  });

  it('a correction on a draft balance is refused (409) and writes nothing', async () => {
    const id = await startBalance();
    const res = await t.request(`/households/${household}/balances/${id}/amendments`, {
      cookie,
      form: { cell: 'h.verblijfplaats', s: '3', r: '', 'reason-x': 'reden' },
    });
    expect(res.status).toBe(409);
    expect(await scoreRows(id)).toHaveLength(0);
    expect(await t.db.selectFrom('balance_amendment').selectAll().execute()).toHaveLength(0);
  });
});

describe('the editor, one step at a time', () => {
  const editor = (id: number) => `/households/${household}/balances/${id}`;

  it('every navigation button saves the step first, then goes where it says (JS off: 303; htmx: HX-Redirect), one audit row per save', async () => {
    const id = await startBalance();
    // "Volgende" on the first step, without JS.
    const next = await t.request(`${editor(id)}/scores`, {
      cookie,
      form: { editor: 'a', step: 'h:huishouden-wonen', go: 'h:huishouden-financiele-situatie', ...cellFields('h.verblijfplaats', { s: '3', r: 'Huurt' }) },
    });
    expect(next.status).toBe(303);
    expect(next.headers.get('Location')).toBe(`${editor(id)}?step=h%3Ahuishouden-financiele-situatie&saved=1#step`);
    expect((await scoreRows(id)).map((r) => [r.domain_key, r.score, r.remark])).toEqual([['verblijfplaats', 3, 'Huurt']]);
    const page = await (await t.request(next.headers.get('Location')!.split('#')[0]!, { cookie })).text();
    expect(page).toContain('Financiële situatie — Huishouden</h2>');
    expect(page).toContain('Vorige: Wonen — Huishouden');
    // A jump from the overview with htmx: saved, then the browser is sent to the step (HX-Redirect, 204).
    const token = await editorTokenOf(id, cookie);
    const jump = await t.request(`${editor(id)}/scores`, {
      cookie,
      htmx: true,
      form: { editor: token, step: 'h:huishouden-financiele-situatie', go: `m${child}:kind-school`, ...cellFields('h.inkomen', { s: '2' }) },
    });
    expect(jump.status).toBe(204);
    expect(jump.headers.get('HX-Redirect')).toBe(`${editor(id)}?step=m${child}%3Akind-school&saved=1#step`);
    expect((await scoreRows(id)).map((r) => r.domain_key)).toEqual(['verblijfplaats', 'inkomen']);
    // Moving on without changing anything writes nothing and says nothing was saved.
    const idle = await t.request(`${editor(id)}/scores`, { cookie, form: { editor: token, step: `m${child}:kind-school`, go: 'afronden' } });
    expect(idle.headers.get('Location')).toBe(`${editor(id)}?step=afronden#step`);
    expect(await t.db.selectFrom('audit_event').select('action').where('action', '=', 'balance.scores_saved').execute()).toHaveLength(2);
  });

  it('a step nobody asked for is not followed: a made-up `go` or `step` stays where the form came from, or opens the first open step', async () => {
    const id = await startBalance();
    const res = await t.request(`${editor(id)}/scores`, {
      cookie,
      form: { editor: 'a', step: 'h:huishouden-wonen', go: 'https://elders.example/', ...cellFields('h.verblijfplaats', { s: '3' }) },
    });
    expect(res.headers.get('Location')).toBe(`${editor(id)}?step=h%3Ahuishouden-wonen&saved=1#step`);
    const nowhere = await t.request(`${editor(id)}/scores`, {
      cookie,
      form: { editor: 'a', step: 'x:y', go: 'm999:kind-school', ...cellFields('h.betaalbaarheid-woning', { s: '4' }) },
    });
    expect(nowhere.headers.get('Location')).toBe(`${editor(id)}?saved=1`);
    // An unknown ?step= opens the first step with something to do (Wonen is done now).
    const page = await (await t.request(`${editor(id)}?step=bestaat-niet`, { cookie })).text();
    expect(page).toContain('Financiële situatie — Huishouden</h2>');
  });

  it('a navigation button on a stale step does not move on: 409, the step again with both versions, the conflict box focused', async () => {
    const id = await startBalance();
    await t.request(`${editor(id)}/scores`, { cookie, htmx: true, form: { editor: 'tab-b', ...cellFields('h.verblijfplaats', { s: '2', r: 'Van B' }) } });
    const a = await t.request(`${editor(id)}/scores`, {
      cookie,
      form: { editor: 'tab-a', step: 'h:huishouden-wonen', go: 'h:huishouden-veiligheid', ...cellFields('h.verblijfplaats', { s: '4', r: 'Van A' }) },
    });
    expect(a.status).toBe(409);
    const html = await a.text();
    expect(html).toContain('Wonen — Huishouden</h2>');
    expect(html).toContain('Van A');
    expect(html).toContain('Van B');
    // Focus goes to the conflict box (autofocus without JS), a group named by its title; no role="alert" repeats it.
    expect(html).toMatch(/<div class="conflict" id="c-h-verblijfplaats-x" role="group" tabindex="-1" aria-labelledby="c-h-verblijfplaats-xt"[^>]*autofocus/);
    expect(html).not.toContain('role="alert"');
    expect((await scoreRows(id))[0]).toMatchObject({ score: 2, remark: 'Van B' });
    // htmx: the conflicting cell comes back out of band, marked to take focus; the status line is not a live region.
    const ax = await t.request(`${editor(id)}/scores`, {
      cookie,
      htmx: true,
      form: { editor: 'tab-a', step: 'h:huishouden-wonen', go: 'h:huishouden-veiligheid', ...cellFields('h.verblijfplaats', { s: '4', r: 'Van A' }) },
    });
    expect(ax.status).toBe(409);
    expect(ax.headers.get('HX-Redirect')).toBeNull();
    const fragment = await ax.text();
    expect(fragment).toContain('data-conflict="true" data-focus-on-load="true"');
    expect(fragment).not.toContain('data-announce');
    expect(fragment).not.toContain('role="alert"');
    expect(fragment).not.toContain('role="status"');
  });

  it('a taken-over score still to confirm counts as to do: the editor opens on its step, which the overview lists as not done', async () => {
    const first = await startBalance();
    const wonen = { ...cellFields('h.verblijfplaats', { s: '2' }), ...cellFields('h.betaalbaarheid-woning', { s: '3' }) };
    await t.request(`${editor(first)}/scores`, { cookie, form: { editor: 'a', ...wonen } });
    await t.request(`${editor(first)}/finalisation`, { cookie, method: 'POST', form: {} });
    const second = await startBalance({ prefill: '1' });
    const html = await (await t.request(editor(second), { cookie })).text();
    expect(html).toContain('Wonen — Huishouden</h2>');
    expect(html).toContain('<span id="ss-h-huishouden-wonen" class="step-status step-status--todo">nog 2 te doen</span>');
    expect(html).toContain('0 van ');
    expect(html).toContain('2 overgenomen scores moeten nog bevestigd worden.');
    // Confirmed (JS off: the confirm button submits the step and stays on it), the step is done.
    const shown2: CellValue = { state: 'scored', score: 2, clientScore: null, remark: '' };
    const shown3: CellValue = { state: 'scored', score: 3, clientScore: null, remark: '' };
    for (const [key, shown, s] of [
      ['h.verblijfplaats', shown2, '2'],
      ['h.betaalbaarheid-woning', shown3, '3'],
    ] as const) {
      const res = await t.request(`${editor(second)}/scores`, {
        cookie,
        form: {
          editor: 'a',
          step: 'h:huishouden-wonen',
          confirm: key,
          ...cellFields('h.verblijfplaats', { s: '2' }, shown2, 1),
          ...cellFields('h.betaalbaarheid-woning', { s: '3' }, shown3, 1),
          [`s.${key}`]: s,
        },
      });
      expect(res.headers.get('Location')).toBe(`${editor(second)}?step=h%3Ahuishouden-wonen&saved=1#step`);
    }
    const after = await (await t.request(editor(second), { cookie })).text();
    expect(after).toContain('<span id="ss-h-huishouden-wonen" class="step-status step-status--done">✓ klaar</span>');
    expect(after).toContain('Financiële situatie — Huishouden</h2>');
  });

  it('opens on the finish step once everything is done; finalising lands on a focused banner with the next steps', async () => {
    const id = await startBalance();
    const detail = (await t.request(editor(id), { cookie })).text();
    expect(await detail).toContain('Stap 1 van');
    const finish = await (await t.request(`${editor(id)}?step=afronden`, { cookie })).text();
    expect(finish).toContain('<h2 id="step" class="step__title" tabindex="-1">Afronden</h2>');
    expect(finish).toContain('Nog te doen:');
    expect(finish).toContain(`action="/households/${household}/balances/${id}/finalisation"`);
    const done = await t.request(`${editor(id)}/finalisation`, { cookie, method: 'POST', form: {} });
    expect(done.status).toBe(303);
    expect(done.headers.get('Location')).toBe(`${editor(id)}?finalised=1`);
    const view = await (await t.request(`${editor(id)}?finalised=1`, { cookie })).text();
    expect(view).toMatch(
      /<div class="notification-banner" role="alert" aria-labelledby="notification-banner-title" tabindex="-1" data-focus-on-load="true" autofocus="">/,
    );
    expect(view).toContain('De meting is afgerond.');
    expect(view).toContain(`href="/households/${household}/balances/${id}/plan"`);
    expect(view).toContain(`href="/households/${household}/balances/${id}/pdf"`);
    // Without the marker (a later visit) there is no banner.
    expect(await (await t.request(editor(id), { cookie })).text()).not.toContain('notification-banner');
  });

  it('one step of a household of four (core catalogue) weighs at most 30 KB of HTML, every step', async () => {
    const four = await makeHousehold(worker, [
      { first: 'Sara', last: 'Peeters', year: 1985, role: 'aanvrager' },
      { first: 'Karim', last: 'Peeters', year: 1982, role: 'partner' },
      { first: 'Lina', last: 'Peeters', year: 2015, role: 'kind' },
      { first: 'Noor', last: 'Peeters', year: 2018, role: 'kind' },
    ]);
    const res = await t.request(`/households/${four.id}/balances`, {
      cookie,
      form: { takenOn: '2026-11-20', method: 'samen', participants: four.members.map(String) },
    });
    const path = res.headers.get('Location')!;
    const first = await (await t.request(path, { cookie })).text();
    const steps = [...first.matchAll(/form="step-form" name="go" value="([^"]+)"/g)].map((m) => m[1]!);
    expect(steps.length).toBeGreaterThan(20);
    for (const step of steps) {
      const html = await (await t.request(`${path}?step=${encodeURIComponent(step)}`, { cookie })).text();
      expect(Buffer.byteLength(html), step).toBeLessThanOrEqual(30 * 1024);
    }
  });
});
