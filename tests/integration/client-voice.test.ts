import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import * as fx from '../support/fixtures.js';
import { CLIENT_REMARK_MAX } from '../../src/client-voice/logic.js';

// "The client scores too" through the routes: the worker starts a link or a hand-over, the client
// answers in their language, the answers land as the client's scores beside the worker's. Every bad
// input is refused with a message in the client's language and writes nothing.

const CLIENT_ORIGIN = 'http://vragen.localhost:3000';

let t: TestApp;
let worker: number;
let cookie: string;
let householdId: number;
let sara: number;
let jan: number;
let balanceId: number;
let otherBalanceId: number;

beforeEach(async () => {
  t = await makeTestApp({ clientOrigin: CLIENT_ORIGIN });
  const org = await t.organisation();
  const team = await t.team(org, 'Team Noord');
  worker = await t.user(org, { email: 'wendy@ocmw.be', name: 'Wendy Werker', teams: [{ teamId: team, role: 'worker' }] });
  cookie = await t.sessionCookie(worker);
  const scope = await fx.scopeOf(t.db, worker);
  const h = await fx.household(t.db, t.now(), scope, {
    members: [
      { firstName: 'Sara', lastName: 'Peeters', birthYear: 1985 },
      { firstName: 'Jan', lastName: 'Peeters', birthYear: 1983, role: 'partner' },
    ],
  });
  householdId = h.id;
  [sara, jan] = h.members as [number, number];
  // The worker already scored Sara's mobility 3 and typed a client score 2 for her physical health.
  balanceId = await fx.balance(t.db, t.now(), scope, h.id, {
    takenOn: '2026-11-20',
    finalise: false,
    scores: { [`m${sara}.mobiliteit`]: 3, [`m${sara}.fysieke-gezondheid`]: { score: 4, clientScore: 2 } },
  });
  const other = await fx.household(t.db, t.now(), scope, { members: [{ firstName: 'Ali', lastName: 'Ahmadi', birthYear: 1990 }] });
  otherBalanceId = await fx.balance(t.db, t.now(), scope, other.id, { takenOn: '2026-11-21', finalise: false });
  await fx.clientLanguageOn(t.db, t.now(), scope, 'ar');
});
afterEach(() => t.close());

const base = () => `/households/${householdId}/balances/${balanceId}/client-voice`;

/** Starts a link for Sara (as the worker's page does) and opens it as the client: the client's cookie. */
async function openLink(opts: { hours?: string; household?: boolean } = {}): Promise<{ client: string; path: string }> {
  const res = await t.request(`${base()}/invitations`, {
    cookie,
    form: { member: String(sara), mode: 'link', hours: opts.hours ?? '72', ...(opts.household ? { household: '1' } : {}) },
  });
  expect(res.status).toBe(200);
  const url = /value="(http[^"]+\/client\/l\/[^"]+)"/.exec(await res.text())![1]!;
  expect(url.startsWith(`${CLIENT_ORIGIN}/client/l/`)).toBe(true);
  const path = new URL(url).pathname;
  const opened = await t.request(path);
  expect(opened.status).toBe(303);
  expect(opened.headers.get('Location')).toBe('/client');
  return { client: opened.headers.getSetCookie()[0]!.split(';')[0]!, path };
}

const clientPost = (path: string, client: string, form: Record<string, string>) =>
  t.request(path, { cookie: client, form, headers: { Origin: CLIENT_ORIGIN, 'Accept-Language': 'ar' } });

async function chooseArabic(client: string) {
  const res = await clientPost('/client/language', client, { lang: 'ar' });
  expect(res.status).toBe(303);
}

/** What a bad input must not change: the client's answers, the balance's cells, the invitations. */
async function snapshot() {
  return {
    answers: await t.db.selectFrom('client_answer').selectAll().orderBy('id').execute(),
    cells: await t.db.selectFrom('balance_score').selectAll().orderBy('id').execute(),
    invitations: await t.db.selectFrom('client_invitation').select(['id', 'lang', 'closed_at', 'closed_reason']).orderBy('id').execute(),
  };
}

async function stepOf(client: string, domainKey: string, subject = `m${sara}`): Promise<number> {
  for (let n = 1; n < 60; n++) {
    const res = await t.request(`/client/q/${n}`, { cookie: client });
    if (res.status !== 200) break;
    if ((await res.text()).includes(`value="${subject}.${domainKey}"`)) return n;
  }
  throw new Error(`no step for ${subject}.${domainKey}`);
}

describe('the link', () => {
  it('is random, stored only as a hash, and works for that person and balance only', async () => {
    const { path } = await openLink();
    const token = path.split('/').pop()!;
    const [, secret] = token.split('.');
    expect(secret!.length * 5).toBeGreaterThanOrEqual(128);
    const row = await t.db.selectFrom('client_invitation').selectAll().executeTakeFirstOrThrow();
    expect(row.member_id).toBe(sara);
    expect(row.balance_id).toBe(balanceId);
    expect(Buffer.from(row.secret_hash).toString('latin1')).not.toContain(secret);
    const everything = JSON.stringify(await t.db.selectFrom('client_invitation').selectAll().execute());
    expect(everything).not.toContain(secret);
  });

  it('opening it is audited without an actor, and the client view sends no referrer and is not stored', async () => {
    const { client } = await openLink();
    const opened = await t.db.selectFrom('audit_event').selectAll().where('action', '=', 'client_voice.link_opened').execute();
    expect(opened).toHaveLength(1);
    expect(opened[0]!.actor_user_id).toBeNull();
    const page = await t.request('/client/language', { cookie: client });
    expect(page.status).toBe(200);
    // Every page the client is shown is a read of the client file, audited like any other.
    expect(
      await t.db
        .selectFrom('audit_event')
        .select(['action', 'target_type', 'actor_user_id'])
        .where('request_id', '=', page.headers.get('X-Request-Id')!)
        .execute(),
    ).toEqual([{ action: 'client_voice.viewed', target_type: 'client_invitation', actor_user_id: null }]);
    expect(page.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(page.headers.get('Cache-Control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('<meta name="referrer" content="no-referrer"');
  });

  it('keeps "no referrer" and "not stored" through the Node server, compressed too', async () => {
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    try {
      const { port } = server.address() as AddressInfo;
      for (const path of ['/client/l/aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaa', '/client/language']) {
        const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { 'Accept-Encoding': 'gzip' }, redirect: 'manual' });
        expect(res.headers.get('Content-Encoding'), path).toBe('gzip');
        expect(res.headers.get('Referrer-Policy'), path).toBe('no-referrer');
        expect(res.headers.get('Cache-Control'), path).toBe('no-store');
      }
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('shows no name but the client’s first name: not the partner’s, not the worker’s, no last name', async () => {
    const { client } = await openLink({ household: true });
    await chooseArabic(client);
    const pages = [
      await t.request('/client', { cookie: client }),
      await t.request('/client/q/1', { cookie: client }),
      await t.request('/client/review', { cookie: client }),
    ];
    const html = (await Promise.all(pages.map((p) => p.text()))).join('\n');
    expect(html).toContain('Sara');
    for (const other of ['Peeters', 'Jan', 'Wendy', 'Werker', 'Ahmadi']) expect(html, other).not.toContain(other);
  });

  it('offers only Dutch and the languages switched on for clients; another is refused and nothing is written', async () => {
    const { client } = await openLink();
    const picker = await (await t.request('/client/language', { cookie: client })).text();
    expect(picker).toContain('value="ar"');
    expect(picker).toContain('value="nl"');
    expect(picker).not.toContain('value="tr"'); // shipped, but not switched on
    const before = await snapshot();
    const res = await clientPost('/client/language', client, { lang: 'tr' });
    expect(res.status).toBe(422);
    expect(await snapshot()).toEqual(before);
  });

  it('is refused with an unknown token, in Dutch (the organisation is not known), writing nothing', async () => {
    const before = await snapshot();
    const res = await t.request('/client/l/aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaa');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Deze link werkt niet.');
    expect(await snapshot()).toEqual(before);
  });

  it('is rate-limited: after many wrong tokens from one address, guesses wait; a real link and a client half-way do not', async () => {
    const { path } = await openLink();
    const from = { headers: { 'X-Forwarded-For': '203.0.113.9' } };
    // The address comes from the proxy's header here (app.request() has no socket).
    t.config.trustProxy = true;
    // A client already answering from that address (a shared town-hall wifi).
    const halfway = (await t.request(path, from)).headers.getSetCookie()[0]!.split(';')[0]!;
    const guess = (i: number) => `/client/l/aaaaaaaaaaaaaaa${'bcdefghijkmnpqrstuvwxyz23'[i]}.aaaaaaaaaaaaaaaaaaaaaaaaaa`;
    for (let i = 0; i < 24; i++) await t.request(guess(i), from);
    const refused = await t.request(guess(24), from);
    expect(refused.status).toBe(429);
    expect(refused.headers.getSetCookie()).toEqual([]);
    // A forged cookie is a guess too.
    const forged = `${halfway.split('=')[0]}=aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaa`;
    expect((await t.request('/client/language', { ...from, cookie: forged })).status).toBe(429);
    // Someone else's failures do not lock out the holder of a real link, nor a client half-way.
    expect((await t.request(path, from)).status).toBe(303);
    expect((await t.request('/client/language', { ...from, cookie: halfway })).status).toBe(200);
    // Another address is not affected.
    expect((await t.request(path, { headers: { 'X-Forwarded-For': '198.51.100.7' } })).status).toBe(303);
  });
});

describe('answering and sending', () => {
  it('lands three scores as the client’s scores beside the worker’s; a skipped question and the worker’s own scores stay as they were', async () => {
    const { client } = await openLink();
    await chooseArabic(client);
    const arabic = await (await t.request('/client/q/1', { cookie: client })).text();
    expect(arabic).toContain('lang="ar" dir="rtl"');
    const steps = {
      mobiliteit: await stepOf(client, 'mobiliteit'),
      netwerk: await stepOf(client, 'vangnet'),
      justitie: await stepOf(client, 'justitie'),
      skip: await stepOf(client, 'tewerkstelling'),
    };
    expect((await clientPost(`/client/q/${steps.mobiliteit}`, client, { cell: `m${sara}.mobiliteit`, choice: '4', remark: 'أستعمل الحافلة' })).status).toBe(
      303,
    );
    expect((await clientPost(`/client/q/${steps.netwerk}`, client, { cell: `m${sara}.vangnet`, choice: '2', remark: '' })).status).toBe(303);
    expect((await clientPost(`/client/q/${steps.justitie}`, client, { cell: `m${sara}.justitie`, choice: '5', remark: '' })).status).toBe(303);
    expect((await clientPost(`/client/q/${steps.skip}`, client, { cell: `m${sara}.tewerkstelling`, choice: '', remark: '', skip: '1' })).status).toBe(303);
    // Nothing reaches the worker before sending.
    expect(await t.db.selectFrom('balance_score').select('client_score').where('domain_key', '=', 'vangnet').executeTakeFirst()).toBeUndefined();
    const sent = await clientPost('/client/sending', client, {});
    expect(sent.status).toBe(303);
    expect(sent.headers.get('Location')).toBe('/client/sent');
    const cells = Object.fromEntries(
      (
        await t.db.selectFrom('balance_score').select(['subject', 'domain_key', 'state', 'score', 'client_score']).where('balance_id', '=', balanceId).execute()
      ).map((c) => [`${c.subject}.${c.domain_key}`, c]),
    );
    expect(cells[`m${sara}.mobiliteit`]).toMatchObject({ state: 'scored', score: 3, client_score: 4 });
    expect(cells[`m${sara}.vangnet`]).toMatchObject({ state: 'open', score: null, client_score: 2 });
    expect(cells[`m${sara}.justitie`]).toMatchObject({ client_score: 5 });
    expect(cells[`m${sara}.tewerkstelling`]).toBeUndefined();
    expect(Object.keys(cells).filter((k) => k.startsWith(`m${jan}`))).toEqual([]);
    // The thank-you page, in Arabic; the worker sees the three scores and the remark.
    const thanks = await t.request('/client/sent', { cookie: client });
    expect(await thanks.text()).toContain('شكرًا!');
    expect(await t.db.selectFrom('audit_event').select('action').where('request_id', '=', thanks.headers.get('X-Request-Id')!).execute()).toEqual([
      { action: 'client_voice.viewed' },
    ]);
    const page = await (await t.request(base(), { cookie })).text();
    expect(page).toContain('أستعمل الحافلة');
    // The editor works one step (a theme of one person) at a time: open Sara's mobility step.
    const editor = await (
      await t.request(`/households/${householdId}/balances/${balanceId}?step=${encodeURIComponent(`m${sara}:volwassene-mobiliteit`)}`, { cookie })
    ).text();
    expect(editor).toMatch(/name="c\.m\d+\.mobiliteit"[\s\S]*?<option value="4" selected/);
  });

  it('a client score the worker had typed is replaced only after the worker confirms', async () => {
    const { client } = await openLink();
    await chooseArabic(client);
    const n = await stepOf(client, 'fysieke-gezondheid');
    await clientPost(`/client/q/${n}`, client, { cell: `m${sara}.fysieke-gezondheid`, choice: '5', remark: '' });
    await clientPost('/client/sending', client, {});
    const cell = () =>
      t.db.selectFrom('balance_score').select(['score', 'client_score']).where('domain_key', '=', 'fysieke-gezondheid').executeTakeFirstOrThrow();
    expect(await cell()).toEqual({ score: 4, client_score: 2 });
    const answer = await t.db.selectFrom('client_answer').selectAll().executeTakeFirstOrThrow();
    expect(answer.state).toBe('pending');
    const waiting = await (await t.request(base(), { cookie })).text();
    expect(waiting).toContain('Wacht op jouw keuze');
    // The buttons name the person too: two people (or a person and the household) can answer one domain.
    expect(waiting).toMatch(/aria-label="Neem het antwoord van de cliënt voor [^"]+ — Sara"/);
    expect(waiting).toMatch(/aria-label="Houd wat er staat voor [^"]+ — Sara"/);
    const decided = await t.request(`${base()}/answers/${answer.id}/decision`, { cookie, form: { decision: 'accept' } });
    expect(decided.status).toBe(303);
    expect(await cell()).toEqual({ score: 4, client_score: 5 });
    // Deciding twice is refused and changes nothing.
    expect((await t.request(`${base()}/answers/${answer.id}/decision`, { cookie, form: { decision: 'keep' } })).status).toBe(409);
    expect(await cell()).toEqual({ score: 4, client_score: 5 });
  });

  it('works without any language but Dutch, and the Dutch is one tap away in Arabic', async () => {
    const { client } = await openLink();
    await chooseArabic(client);
    const withDutch = await (await t.request('/client/q/1?nl=1', { cookie: client })).text();
    expect(withDutch).toContain('lang="nl" dir="ltr"');
    expect(withDutch).toContain('Is er iemand bij wie je terecht kunt als het moeilijk gaat?');
  });
});

describe('bad input: a clear message in the client’s language, nothing written', () => {
  async function ready() {
    const { client, path } = await openLink();
    await chooseArabic(client);
    return { client, path, n: await stepOf(client, 'mobiliteit') };
  }

  it('a score of 7', async () => {
    const { client, n } = await ready();
    const before = await snapshot();
    const res = await clientPost(`/client/q/${n}`, client, { cell: `m${sara}.mobiliteit`, choice: '7', remark: '' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('هذه الإجابة غير معروفة');
    expect(await snapshot()).toEqual(before);
  });

  it('a remark of 100 kB', async () => {
    const { client, n } = await ready();
    const before = await snapshot();
    const res = await clientPost(`/client/q/${n}`, client, { cell: `m${sara}.mobiliteit`, choice: '3', remark: 'x'.repeat(100 * 1024) });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(`النص طويل جدًا. الحد الأقصى للأحرف: ${CLIENT_REMARK_MAX}`);
    expect(html.length).toBeLessThan(100 * 1024);
    expect(await snapshot()).toEqual(before);
  });

  it('a forged cell: another person’s domain, or a household domain not asked', async () => {
    const { client, n } = await ready();
    const before = await snapshot();
    for (const cell of [`m${jan}.mobiliteit`, 'h.verblijfplaats', `m${sara}.fysieke-gezondheid`]) {
      const res = await clientPost(`/client/q/${n}`, client, { cell, choice: '1', remark: '' });
      expect(res.status, cell).toBe(422);
      expect(await res.text()).toContain('هذا السؤال ليس من أسئلتك');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('another balance’s domain, and a domain this balance does not ask', async () => {
    const { client, n } = await ready();
    const before = await snapshot();
    const otherMember = (await t.db.selectFrom('balance_subject').select('member_id').where('balance_id', '=', otherBalanceId).executeTakeFirstOrThrow())
      .member_id;
    for (const cell of [`m${otherMember}.mobiliteit`, `m${sara}.spaargeld`]) {
      const res = await clientPost(`/client/q/${n}`, client, { cell, choice: '2', remark: '' });
      expect(res.status, cell).toBe(422);
    }
    expect((await clientPost('/client/q/999', client, { cell: `m${sara}.mobiliteit`, choice: '2', remark: '' })).status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('an expired link', async () => {
    const { client, path, n } = await ready();
    t.advance(73 * 3_600_000);
    const before = await snapshot();
    const res = await clientPost(`/client/q/${n}`, client, { cell: `m${sara}.mobiliteit`, choice: '2', remark: '' });
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('انتهت صلاحية هذا الرابط');
    expect((await t.request(path)).status).toBe(410);
    expect(await snapshot()).toEqual(before);
  });

  it('a link used again after sending', async () => {
    const { client, path, n } = await ready();
    await clientPost(`/client/q/${n}`, client, { cell: `m${sara}.mobiliteit`, choice: '2', remark: '' });
    expect((await clientPost('/client/sending', client, {})).status).toBe(303);
    const before = await snapshot();
    const again = await t.request(path);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('تم إرسال إجاباتك من قبل');
    expect((await clientPost(`/client/q/${n}`, client, { cell: `m${sara}.mobiliteit`, choice: '5', remark: '' })).status).toBe(410);
    expect((await clientPost('/client/sending', client, {})).status).toBe(410);
    expect(await snapshot()).toEqual(before);
  });

  it('sending with nothing answered', async () => {
    const { client } = await ready();
    const before = await snapshot();
    const res = await clientPost('/client/sending', client, {});
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('لم تتم الإجابة عن أي سؤال بعد');
    expect(await snapshot()).toEqual(before);
  });

  it('a withdrawn link, and a finalised balance', async () => {
    const { client, n } = await ready();
    const inv = await t.db.selectFrom('client_invitation').select('id').executeTakeFirstOrThrow();
    expect((await t.request(`${base()}/invitations/${inv.id}/revocation`, { cookie, form: {} })).status).toBe(303);
    const before = await snapshot();
    const res = await clientPost(`/client/q/${n}`, client, { cell: `m${sara}.mobiliteit`, choice: '2', remark: '' });
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('أغلق مساعدك الاجتماعي هذه الأسئلة');
    expect(await snapshot()).toEqual(before);
    // A second "withdraw" (a double click, another tab): back to the page, nothing written, no audit row.
    const auditBefore = await t.db.selectFrom('audit_event').select('id').where('action', '=', 'client_voice.revoked').execute();
    const again = await t.request(`${base()}/invitations/${inv.id}/revocation`, { cookie, form: {} });
    expect(again.status).toBe(303);
    expect(again.headers.get('Location')).not.toContain('done=revoked');
    expect(await snapshot()).toEqual(before);
    expect(await t.db.selectFrom('audit_event').select('id').where('action', '=', 'client_voice.revoked').execute()).toEqual(auditBefore);
  });
});

describe('finalising', () => {
  it('warns while a link is open, and closing it with the balance makes the link stop working', async () => {
    const { client } = await openLink();
    const warn = await t.request(`/households/${householdId}/balances/${balanceId}/finalisation`, { cookie, form: {} });
    expect(warn.status).toBe(303);
    expect(warn.headers.get('Location')).toContain('client-voice?finalise=1');
    expect((await t.db.selectFrom('balance').select('status').where('id', '=', balanceId).executeTakeFirstOrThrow()).status).toBe('draft');
    expect(await (await t.request(`${base()}?finalise=1`, { cookie })).text()).toContain('Er staat nog een uitnodiging open');
    const done = await t.request(`/households/${householdId}/balances/${balanceId}/finalisation`, { cookie, form: { client_links: 'close' } });
    expect(done.status).toBe(303);
    expect(await t.db.selectFrom('client_invitation').select('closed_reason').executeTakeFirstOrThrow()).toEqual({ closed_reason: 'finalised' });
    expect((await t.request('/client', { cookie: client })).status).toBe(410);
  });
});

describe('starting', () => {
  it('refuses what it cannot do, saying why, and starts nothing', async () => {
    const cases: [Record<string, string>, number, string][] = [
      [{ member: '999999', mode: 'link', hours: '72' }, 422, 'Kies wie invult.'],
      [{ member: String(sara), mode: 'link', hours: '0' }, 422, 'Geef een aantal uren van 1 tot 336.'],
      [{ member: String(sara), mode: 'link', hours: '100000' }, 422, 'Geef een aantal uren van 1 tot 336.'],
      [{ member: String(sara), mode: 'teleport', hours: '72' }, 422, 'Kies hoe de cliënt invult.'],
      [{ member: String(sara), mode: 'handover', hours: '' }, 422, 'Je scherm doorgeven kan alleen met tweestapsverificatie.'],
    ];
    for (const [form, status, message] of cases) {
      const res = await t.request(`${base()}/invitations`, { cookie, form });
      expect(res.status, JSON.stringify(form)).toBe(status);
      expect(await res.text()).toContain(message);
    }
    expect(await t.db.selectFrom('client_invitation').selectAll().execute()).toEqual([]);
  });

  it('offers no link where no client-facing address is configured, and says why', async () => {
    t.config.clientOrigin = undefined;
    const page = await (await t.request(base(), { cookie })).text();
    expect(page).toContain('Een link kan niet op deze installatie');
    const res = await t.request(`${base()}/invitations`, { cookie, form: { member: String(sara), mode: 'link', hours: '72' } });
    expect(res.status).toBe(422);
    expect(await t.db.selectFrom('client_invitation').selectAll().execute()).toEqual([]);
  });

  it('one open invitation per person: a second is refused until the first is withdrawn', async () => {
    await openLink();
    const res = await t.request(`${base()}/invitations`, { cookie, form: { member: String(sara), mode: 'link', hours: '72' } });
    expect(res.status).toBe(409);
    expect(await t.db.selectFrom('client_invitation').selectAll().execute()).toHaveLength(1);
  });
});

describe('the hand-over', () => {
  it('locks the worker’s session to the client view: every other page shows the lock until the worker signs in again', async () => {
    await fx.twoFactor(t.db, t.now(), worker);
    const locked = await t.sessionCookie(worker, { twoFactorVerified: true });
    const start = await t.request(`${base()}/invitations`, { cookie: locked, form: { member: String(sara), mode: 'handover' } });
    expect(start.status).toBe(303);
    expect(start.headers.get('Location')).toBe('/client');
    expect(start.headers.get('Clear-Site-Data')).toBe('"cache"');
    // Back, a new tab, a typed address: the lock, no data of any client file.
    for (const path of ['/', '/households', `/households/${householdId}`, base(), '/account', '/admin/users', '/catalogue']) {
      const res = await t.request(path, { cookie: locked });
      expect(res.status, path).toBe(423);
      const html = await res.text();
      expect(html, path).toContain('Dit scherm is vergrendeld');
      expect(html, path).not.toContain('Peeters');
      expect(html, path).not.toContain('idle-dialog');
    }
    expect((await t.request(`${base()}/invitations`, { cookie: locked, form: { member: String(jan), mode: 'link', hours: '1' } })).status).toBe(423);
    // The client view works on the same session.
    expect((await t.request('/client/language', { cookie: locked })).status).toBe(200);
    await t.request('/client/language', { cookie: locked, form: { lang: 'nl' } });
    expect((await t.request('/client/q/1', { cookie: locked })).status).toBe(200);
    // Taking the screen back ends the session: sign in again (with the second step).
    const back = await t.request('/client/handover/end', { cookie: locked, form: {} });
    expect(back.status).toBe(303);
    expect(back.headers.get('Location')).toBe(`/signin?next=${encodeURIComponent(base())}`);
    expect((await t.request('/households', { cookie: locked })).headers.get('Location')).toMatch(/^\/signin/);
    expect(await t.db.selectFrom('client_session_lock').selectAll().execute()).toEqual([]);
    const ended = await t.db.selectFrom('client_invitation').select('closed_reason').executeTakeFirstOrThrow();
    expect(ended.closed_reason).toBe('handover_ended');
  });
});

describe('the client-facing address', () => {
  it('serves the client view only', async () => {
    const host = new URL(CLIENT_ORIGIN).host;
    expect((await t.request('/households', { cookie, headers: { Host: host } })).status).toBe(404);
    expect((await t.request('/signin', { headers: { Host: host } })).status).toBe(404);
    expect((await t.request('/client/l/aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaa', { headers: { Host: host } })).status).toBe(404);
    expect((await t.request('/static/css/client.css', { headers: { Host: host } })).status).toBe(200);
  });

  it('its forms are accepted for the client view, never for a worker page', async () => {
    const res = await t.request(`${base()}/invitations`, {
      cookie,
      form: { member: String(sara), mode: 'link', hours: '72' },
      headers: { Origin: CLIENT_ORIGIN },
    });
    expect(res.status).toBe(403);
    expect(await t.db.selectFrom('client_invitation').selectAll().execute()).toEqual([]);
  });
});
