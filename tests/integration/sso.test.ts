import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, ORIGIN, sessionCookieFrom, type TestApp } from '../support/app.js';
import { startIdp, throughIdp, type TestIdp } from '../support/oidc.js';
import * as fx from '../support/fixtures.js';
import { runAdminCommand } from '../../src/cli/admin.js';

// Single sign-on against a real OpenID Connect provider (oidc-provider) started in this process on a
// loopback port: the only place an http:// issuer is allowed (ssoAllowHttpIssuer).

let idp: TestIdp;
let t: TestApp;
let org: number;
let team: number;

beforeAll(async () => {
  idp = await startIdp({ redirectUri: `${ORIGIN}/signin/sso/callback` });
});
afterAll(() => idp.close());

beforeEach(async () => {
  t = await makeTestApp({ ssoAllowHttpIssuer: true });
  org = await t.organisation('OCMW Voorbeeld');
  team = await t.team(org, 'Team Noord');
  idp.accounts.clear();
  await fx.ssoProvider(t.db, t.now(), org, { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, domains: ['ocmw-voorbeeld.be'] });
});
afterEach(() => t.close());

/** The sign-in page's SSO button, without JavaScript: the link to the provider and the state cookie. */
async function start(email: string, extra: Record<string, string> = {}) {
  const res = await t.request('/signin/sso', { form: { email, next: '/catalogue', ...extra } });
  expect(res.status).toBe(200);
  const html = await res.text();
  const href = /<a class="button" href="([^"]+)"/.exec(html)![1]!.replaceAll('&amp;', '&');
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('sb_sso='))!
    .split(';')[0]!;
  return { url: href, cookie };
}

/** A whole sign-in: our page, the provider (as `accountId`, with `amr`), back to our callback. */
async function signIn(email: string, login: TestIdp['nextLogin'], opts: { tamper?: (u: URL) => void; cookie?: string | null } = {}) {
  idp.nextLogin = login;
  const { url, cookie } = await start(email);
  const back = await throughIdp(url, ORIGIN);
  opts.tamper?.(back);
  const res = await t.request(back.pathname + back.search, { cookie: opts.cookie === null ? undefined : (opts.cookie ?? cookie) });
  return { res, back, cookie };
}

const refusals = () =>
  t.db.selectFrom('audit_event').select(['target_id', 'organisation_id', 'actor_user_id']).where('action', '=', 'signin.sso_refused').orderBy('id').execute();
const identities = () => t.db.selectFrom('sso_identity').select(['user_id', 'issuer', 'subject']).orderBy('id').execute();
const sessions = () => t.db.selectFrom('user_session').selectAll().execute();

async function invited(email: string, opts: { teams?: boolean } = {}) {
  return t.user(org, { email, name: 'Sara Peeters', ...(opts.teams === false ? {} : { teams: [{ teamId: team, role: 'worker' as const }] }) });
}

describe('the sign-in page', () => {
  it('offers the organisation’s sign-in when a provider exists, and finds it from the e-mail domain', async () => {
    await invited('sara@ocmw-voorbeeld.be');
    expect(await (await t.request('/signin')).text()).toContain('formaction="/signin/sso"');
    const unknown = await t.request('/signin/sso', { form: { email: 'iemand@elders.be' } });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain('Voor dit e-mailadres is aanmelden via je organisatie niet ingesteld.');
    const bad = await t.request('/signin/sso', { form: { email: 'geen-adres' } });
    expect(bad.status).toBe(422);
    expect(await t.db.selectFrom('sso_login').selectAll().execute()).toEqual([]);
  });

  it('with htmx, sends the browser straight to the provider (HX-Redirect), with PKCE, state and nonce', async () => {
    const res = await t.request('/signin/sso', { form: { email: 'sara@ocmw-voorbeeld.be' }, htmx: true });
    expect(res.status).toBe(204);
    const url = new URL(res.headers.get('HX-Redirect')!);
    expect(url.origin + url.pathname).toBe(`${idp.issuer}/auth`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('login_hint')).toBe('sara@ocmw-voorbeeld.be');
    const row = await t.db.selectFrom('sso_login').selectAll().executeTakeFirstOrThrow();
    // The state is kept only as a hash; the nonce and verifier to check the answer with.
    expect(row.state_hash).not.toBe(url.searchParams.get('state'));
    expect(row.nonce).toBe(url.searchParams.get('nonce'));
    // Starts nobody finished do not pile up: an expired one goes when the next sign-in starts.
    t.advance(2 * 10 * 60_000 + 1);
    await t.request('/signin/sso', { form: { email: 'sara@ocmw-voorbeeld.be' }, htmx: true });
    expect((await t.db.selectFrom('sso_login').select('state_hash').execute()).map((r) => r.state_hash)).not.toContain(row.state_hash);
  });

  it('does not offer it on an instance where no organisation has a provider', async () => {
    const plain = await makeTestApp();
    expect(await (await plain.request('/signin')).text()).not.toContain('/signin/sso');
    await plain.close();
  });
});

describe('the first and later sign-ins', () => {
  it('links an invited account by e-mail once, then knows it by issuer + subject; a changed e-mail claim does not move the link', async () => {
    const sara = await invited('sara@ocmw-voorbeeld.be');
    idp.accounts.set('sara-1', { email: 'sara@ocmw-voorbeeld.be', email_verified: true, name: 'Sara P.' });
    const first = await signIn('sara@ocmw-voorbeeld.be', { accountId: 'sara-1' });
    expect(first.res.status).toBe(303);
    expect(first.res.headers.get('Location')).toBe('/catalogue');
    expect(await identities()).toEqual([{ user_id: sara, issuer: idp.issuer, subject: 'sub:sara-1' }]);
    const cookie = sessionCookieFrom(first.res)!;
    expect((await t.request('/catalogue', { cookie })).status).toBe(200);

    // The provider now says another address: still the same account, nothing relinked or renamed.
    idp.accounts.set('sara-1', { email: 'sara.peeters@ocmw-voorbeeld.be', email_verified: true });
    const again = await signIn('sara.peeters@ocmw-voorbeeld.be', { accountId: 'sara-1' });
    expect(again.res.status).toBe(303);
    expect(await identities()).toHaveLength(1);
    expect((await t.db.selectFrom('app_user').select('email').where('id', '=', sara).executeTakeFirstOrThrow()).email).toBe('sara@ocmw-voorbeeld.be');

    // Someone else at the provider who now carries Sara's address does not get her account.
    idp.accounts.set('intruder', { email: 'sara@ocmw-voorbeeld.be', email_verified: true });
    const stolen = await signIn('sara@ocmw-voorbeeld.be', { accountId: 'intruder' });
    expect(stolen.res.status).toBe(403);
    expect(await stolen.res.text()).toContain('al gekoppeld');
    expect(await identities()).toHaveLength(1);
    expect(sessionCookieFrom(stolen.res)).toBeUndefined();

    const actions = await t.db
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id', 'target_id'])
      .where('action', 'like', '%sso%')
      .orderBy('id')
      .execute();
    expect(actions).toEqual([
      { action: 'sso.identity_linked', actor_user_id: sara, target_id: String(sara) },
      { action: 'signin.sso_success', actor_user_id: sara, target_id: String(sara) },
      { action: 'signin.sso_success', actor_user_id: sara, target_id: String(sara) },
      { action: 'signin.sso_refused', actor_user_id: sara, target_id: 'alreadyLinked' },
    ]);
  });

  it('for Microsoft Entra ID, knows the person by tenant + object id, whatever `sub` the provider sends', async () => {
    const sara = await invited('sara@ocmw-voorbeeld.be');
    idp.accounts.set('pairwise-1', { email: 'sara@ocmw-voorbeeld.be', tid: 'tenant-1', oid: 'object-9' });
    expect((await signIn('sara@ocmw-voorbeeld.be', { accountId: 'pairwise-1' })).res.status).toBe(303);
    expect(await identities()).toEqual([{ user_id: sara, issuer: idp.issuer, subject: 'entra:tenant-1:object-9' }]);
    idp.accounts.set('pairwise-2', { tid: 'tenant-1', oid: 'object-9' });
    const again = await signIn('sara@ocmw-voorbeeld.be', { accountId: 'pairwise-2' });
    expect(again.res.status).toBe(303);
    expect(await identities()).toHaveLength(1);
  });

  it('refuses someone without an account (no account is made), unless the administrator allows it: then one without any role', async () => {
    idp.accounts.set('nieuw', { email: 'nieuw@ocmw-voorbeeld.be', email_verified: true, name: 'Nina Nieuw' });
    const refused = await signIn('nieuw@ocmw-voorbeeld.be', { accountId: 'nieuw' });
    expect(refused.res.status).toBe(403);
    expect(await refused.res.text()).toContain('Er is nog geen account voor dit e-mailadres.');
    expect(await t.db.selectFrom('app_user').select('id').where('email', '=', 'nieuw@ocmw-voorbeeld.be').execute()).toEqual([]);
    expect((await refusals()).map((r) => r.target_id)).toEqual(['unknownUser']);

    await fx.ssoProvider(t.db, t.now(), org, {
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      domains: ['ocmw-voorbeeld.be'],
      autoCreate: true,
    });
    const made = await signIn('nieuw@ocmw-voorbeeld.be', { accountId: 'nieuw' });
    expect(made.res.status).toBe(303);
    const user = await t.db.selectFrom('app_user').selectAll().where('email', '=', 'nieuw@ocmw-voorbeeld.be').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ organisation_id: org, display_name: 'Nina Nieuw', is_admin: 0, password_hash: null });
    expect(await t.db.selectFrom('team_membership').selectAll().where('user_id', '=', user.id).execute()).toEqual([]);
    expect(await t.db.selectFrom('audit_event').select('action').where('action', '=', 'user.created_by_sso').execute()).toHaveLength(1);
    // Without a role, the welcome page: no caseload.
    expect(await (await t.request('/', { cookie: sessionCookieFrom(made.res) })).text()).toContain('Je hebt nog geen rol in een team');
  });

  it('refuses an address outside the provider’s domains, an unverified address, and a disabled account', async () => {
    await t.user(org, { email: 'sara@gmail.com' });
    idp.accounts.set('gmail', { email: 'sara@gmail.com', email_verified: true });
    expect((await signIn('sara@ocmw-voorbeeld.be', { accountId: 'gmail' })).res.status).toBe(403);
    await invited('jan@ocmw-voorbeeld.be');
    idp.accounts.set('jan', { email: 'jan@ocmw-voorbeeld.be', email_verified: false });
    expect((await signIn('jan@ocmw-voorbeeld.be', { accountId: 'jan' })).res.status).toBe(400);
    const piet = await invited('piet@ocmw-voorbeeld.be');
    await t.db.updateTable('app_user').set({ disabled_at: t.now() }).where('id', '=', piet).execute();
    idp.accounts.set('piet', { email: 'piet@ocmw-voorbeeld.be' });
    expect((await signIn('piet@ocmw-voorbeeld.be', { accountId: 'piet' })).res.status).toBe(403);
    expect((await refusals()).map((r) => r.target_id)).toEqual(['domain', 'noEmail', 'disabled']);
    expect(await identities()).toEqual([]);
    expect(await sessions()).toEqual([]);
  });
});

describe('what the callback checks', () => {
  beforeEach(async () => {
    await invited('sara@ocmw-voorbeeld.be');
    idp.accounts.set('sara', { email: 'sara@ocmw-voorbeeld.be', email_verified: true });
  });

  it('a replayed state: the second use of the same answer is refused', async () => {
    const { res, back, cookie } = await signIn('sara@ocmw-voorbeeld.be', { accountId: 'sara' });
    expect(res.status).toBe(303);
    const replay = await t.request(back.pathname + back.search, { cookie });
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('werd al gebruikt');
    expect(sessionCookieFrom(replay)).toBeUndefined();
    expect((await refusals()).map((r) => r.target_id)).toEqual(['state']);
    expect(await sessions()).toHaveLength(1);
  });

  it('an answer that did not start in this browser (no state cookie) is refused, and the real one still works', async () => {
    idp.nextLogin = { accountId: 'sara' };
    const { url, cookie } = await start('sara@ocmw-voorbeeld.be');
    const back = await throughIdp(url, ORIGIN);
    const foreign = await t.request(back.pathname + back.search);
    expect(foreign.status).toBe(400);
    expect(await sessions()).toEqual([]);
    expect((await t.request(back.pathname + back.search, { cookie })).status).toBe(303);
  });

  it('a bad nonce (the ID token was not made for this sign-in) is refused', async () => {
    idp.nextLogin = { accountId: 'sara' };
    const { url, cookie } = await start('sara@ocmw-voorbeeld.be');
    await t.db.updateTable('sso_login').set({ nonce: 'another-nonce-than-the-one-sent' }).execute();
    const back = await throughIdp(url, ORIGIN);
    const res = await t.request(back.pathname + back.search, { cookie });
    expect(res.status).toBe(400);
    expect((await refusals()).map((r) => r.target_id)).toEqual(['response']);
    expect(await sessions()).toEqual([]);
    expect(await identities()).toEqual([]);
  });

  it('a wrong issuer in the answer is refused', async () => {
    const { res } = await signIn('sara@ocmw-voorbeeld.be', { accountId: 'sara' }, { tamper: (u) => u.searchParams.set('iss', 'https://login.elders.example') });
    expect(res.status).toBe(400);
    expect((await refusals()).map((r) => r.target_id)).toEqual(['response']);
    expect(await sessions()).toEqual([]);
  });

  it('the provider reporting an error (the person cancelled) is refused, audited', async () => {
    idp.nextLogin = { accountId: 'sara' };
    const { url, cookie } = await start('sara@ocmw-voorbeeld.be');
    const state = new URL(url).searchParams.get('state')!;
    const res = await t.request(`/signin/sso/callback?error=access_denied&state=${state}`, { cookie });
    expect(res.status).toBe(400);
    expect(await refusals()).toEqual([{ target_id: 'providerError', organisation_id: org, actor_user_id: null }]);
  });

  it('an expired sign-in (more than 10 minutes at the provider) is refused', async () => {
    idp.nextLogin = { accountId: 'sara' };
    const { url, cookie } = await start('sara@ocmw-voorbeeld.be');
    const back = await throughIdp(url, ORIGIN);
    t.advance(10 * 60_000 + 1);
    expect((await t.request(back.pathname + back.search, { cookie })).status).toBe(400);
  });

  it('carries a form interrupted by an expired session through the sign-in', async () => {
    idp.nextLogin = { accountId: 'sara' };
    const payload = Buffer.from(JSON.stringify([['remark', 'Nog niets verloren']])).toString('base64url');
    const { url, cookie } = await start('sara@ocmw-voorbeeld.be', { replay_action: '/account/language', replay_payload: payload });
    const back = await throughIdp(url, ORIGIN);
    const res = await t.request(back.pathname + back.search, { cookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('action="/account/language"');
    expect(html).toContain('Nog niets verloren');
  });
});

describe('an account that already has a credential of its own', () => {
  it('is not linked by an e-mail claim alone: refused, nothing linked, audited', async () => {
    for (const [name, make] of [
      ['a password', async () => t.user(org, { email: 'jan@ocmw-voorbeeld.be', password: 'een lang en goed wachtwoord' })],
      ['a second step', async () => fx.twoFactor(t.db, t.now(), await invited('jan@ocmw-voorbeeld.be')).then(() => 0)],
    ] as const) {
      await t.db.deleteFrom('app_user').where('email', '=', 'jan@ocmw-voorbeeld.be').execute();
      await make();
      idp.accounts.set('jan', { email: 'jan@ocmw-voorbeeld.be', email_verified: true });
      const { res } = await signIn('jan@ocmw-voorbeeld.be', { accountId: 'jan', amr: ['pwd', 'mfa'] });
      expect(res.status, name).toBe(403);
      expect(await res.text(), name).toContain('Dit account heeft al een eigen wachtwoord.');
      expect(sessionCookieFrom(res), name).toBeUndefined();
      expect(await identities(), name).toEqual([]);
      expect((await refusals()).at(-1), name).toMatchObject({ target_id: 'signInFirst', organisation_id: org });
    }
  });

  it('is linked from its own signed-in session, with the account page’s button', async () => {
    const jan = await t.user(org, { email: 'jan@ocmw-voorbeeld.be', password: 'een lang en goed wachtwoord' });
    idp.accounts.set('jan', { email: 'jan@ocmw-voorbeeld.be', email_verified: true });
    const own = await t.sessionCookie(jan);
    const account = await (await t.request('/account', { cookie: own })).text();
    expect(account).toContain('Aanmelden via je organisatie');
    expect(account).toMatch(/<form method="post" action="\/signin\/sso">/);
    // The button: the same start as the sign-in page's, from Jan's own session.
    idp.nextLogin = { accountId: 'jan' };
    const started = await t.request('/signin/sso', { cookie: own, form: { email: 'jan@ocmw-voorbeeld.be', next: '/account' } });
    const href = /<a class="button" href="([^"]+)"/.exec(await started.text())![1]!.replaceAll('&amp;', '&');
    const state = started.headers
      .getSetCookie()
      .find((c) => c.startsWith('sb_sso='))!
      .split(';')[0]!;
    const back = await throughIdp(href, ORIGIN);
    const res = await t.request(back.pathname + back.search, { cookie: `${own}; ${state}` });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/account');
    expect(await identities()).toEqual([expect.objectContaining({ user_id: jan })]);
    const after = await (await t.request('/account', { cookie: sessionCookieFrom(res) })).text();
    expect(after).toContain('Je account is gekoppeld');
  });
});

describe('two-step verification', () => {
  let sara: number;
  beforeEach(async () => {
    sara = await invited('sara@ocmw-voorbeeld.be');
    idp.accounts.set('sara', { email: 'sara@ocmw-voorbeeld.be', email_verified: true });
    // Sara linked her invited account at her first sign-in through the provider, earlier.
    expect((await signIn('sara@ocmw-voorbeeld.be', { accountId: 'sara' })).res.status).toBe(303);
    await t.db.deleteFrom('user_session').execute();
  });

  it('is still asked when the provider does not say it asked a second factor', async () => {
    await fx.twoFactor(t.db, t.now(), sara);
    const { res } = await signIn('sara@ocmw-voorbeeld.be', { accountId: 'sara', amr: ['pwd'] });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/signin/two-factor?next=%2Fcatalogue');
    const cookie = sessionCookieFrom(res)!;
    expect((await t.request('/catalogue', { cookie })).headers.get('Location')).toMatch(/^\/signin\/two-factor/);
  });

  it('is skipped when the provider asserts MFA (amr), also its set-up where the organisation requires it', async () => {
    await t.db.updateTable('organisation').set({ require_two_factor: 1 }).where('id', '=', org).execute();
    await fx.twoFactor(t.db, t.now(), sara);
    const { res } = await signIn('sara@ocmw-voorbeeld.be', { accountId: 'sara', amr: ['pwd', 'mfa'] });
    expect(res.headers.get('Location')).toBe('/catalogue');
    expect((await t.request('/catalogue', { cookie: sessionCookieFrom(res) })).status).toBe(200);
    expect(await sessions()).toEqual([expect.objectContaining({ provider_mfa: 1, two_factor_verified: 1 })]);

    const other = await invited('jan@ocmw-voorbeeld.be');
    idp.accounts.set('jan', { email: 'jan@ocmw-voorbeeld.be' });
    const jan = await signIn('jan@ocmw-voorbeeld.be', { accountId: 'jan', acr: 'http://schemas.openid.net/pape/policies/2007/06/multi-factor' });
    expect(jan.res.headers.get('Location')).toBe('/catalogue');
    // Jan has no authenticator app and the organisation requires one: not asked, the provider did it.
    expect((await t.request('/', { cookie: sessionCookieFrom(jan.res) })).status).toBe(200);
    expect(other).toBeGreaterThan(0);
  });

  it('without MFA from the provider, an organisation that requires two-step verification still sends to its set-up', async () => {
    await t.db.updateTable('organisation').set({ require_two_factor: 1 }).where('id', '=', org).execute();
    const { res } = await signIn('sara@ocmw-voorbeeld.be', { accountId: 'sara', amr: ['pwd'] });
    const home = await t.request('/', { cookie: sessionCookieFrom(res) });
    expect(home.headers.get('Location')).toBe('/account/two-factor/setup');
  });

  it('is skipped when an administrator recorded that the provider always asks MFA', async () => {
    await fx.twoFactor(t.db, t.now(), sara);
    await fx.ssoProvider(t.db, t.now(), org, {
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      domains: ['ocmw-voorbeeld.be'],
      mfaEnforced: true,
    });
    const { res } = await signIn('sara@ocmw-voorbeeld.be', { accountId: 'sara', amr: ['pwd'] });
    expect(res.headers.get('Location')).toBe('/catalogue');
  });
});

describe('the administrator’s screen', () => {
  let admin: number;
  let cookie: string;
  const form = (over: Record<string, string> = {}) => ({
    issuer: idp.issuer,
    client_id: idp.clientId,
    client_secret: '',
    domains: 'ocmw-voorbeeld.be\nvoorbeeld.be',
    auto_create: '',
    mfa_enforced: '',
    password_signin: '1',
    revision: '1',
    ...over,
  });

  beforeEach(async () => {
    admin = await t.user(org, { email: 'beheer@ocmw-voorbeeld.be', name: 'Bea Beheer', isAdmin: true });
    cookie = await t.sessionCookie(admin);
  });

  it('saves the provider after checking it for real, keeps the stored secret when the field is left empty, and audits', async () => {
    const res = await t.request('/admin/sso', { cookie, form: form({ mfa_enforced: '1' }) });
    expect(res.status).toBe(303);
    const row = await t.db.selectFrom('sso_provider').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ client_secret: idp.clientSecret, mfa_enforced: 1, revision: 2 });
    expect((await t.db.selectFrom('sso_domain').select('domain').orderBy('domain').execute()).map((d) => d.domain)).toEqual([
      'ocmw-voorbeeld.be',
      'voorbeeld.be',
    ]);
    const actions = (await t.db.selectFrom('audit_event').select('action').where('actor_user_id', '=', admin).execute()).map((r) => r.action);
    expect(actions).toEqual(['sso.configured', 'sso.mfa_enforcement_recorded']);
    const page = await (await t.request('/admin/sso', { cookie })).text();
    expect(page).not.toContain(idp.clientSecret);
    expect(page).toContain(`${ORIGIN}/signin/sso/callback`);
  });

  it.each([
    ['an address that is no https URL', { issuer: 'ftp://idp.example' }, 'issuer', 'begint met https://'],
    ['no client id', { client_id: ' ' }, 'client_id', 'Geef de client-id'],
    ['no domain', { domains: '' }, 'domains', 'Geef minstens één e-maildomein'],
    ['a word that is no domain', { domains: 'ocmw-voorbeeld.be\nniet een domein' }, 'domains', 'Dit is geen e-maildomein:'],
    ['a provider that does not answer', { issuer: 'http://127.0.0.1:9/nobody' }, 'issuer', 'antwoordt niet op dit adres'],
  ])('refuses %s with 422 and a message; nothing is changed', async (_name, over, _field, message) => {
    const before = await t.db.selectFrom('sso_provider').selectAll().execute();
    const res = await t.request('/admin/sso', { cookie, form: form(over) });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(message);
    expect(await t.db.selectFrom('sso_provider').selectAll().execute()).toEqual(before);
  });

  it('refuses a provider at an address whose metadata names another issuer', async () => {
    // A server that hands out the real provider's discovery document at another address.
    const imposter = http.createServer(async (_req, res) => {
      const doc = await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).text();
      res.setHeader('Content-Type', 'application/json');
      res.end(doc);
    });
    await new Promise<void>((r) => imposter.listen(0, '127.0.0.1', r));
    const address = `http://127.0.0.1:${(imposter.address() as AddressInfo).port}`;
    try {
      const res = await t.request('/admin/sso', { cookie, form: form({ issuer: address }) });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain('die een ander adres als zijn eigen opgeeft');
    } finally {
      imposter.close();
    }
  });

  it('refuses an http:// issuer where the deployment does not allow it (everywhere but the tests)', async () => {
    const strict = await makeTestApp();
    const o = await strict.organisation();
    const a = await strict.user(o, { email: 'a@x.be', isAdmin: true });
    const res = await strict.request('/admin/sso', { cookie: await strict.sessionCookie(a), form: form({ revision: '0', client_secret: 'x' }) });
    expect(res.status).toBe(422);
    expect(await strict.db.selectFrom('sso_provider').selectAll().execute()).toEqual([]);
    await strict.close();
  });

  it('refuses a domain another organisation uses (without naming it)', async () => {
    const other = await t.organisation('OCMW Elders');
    await fx.ssoProvider(t.db, t.now(), other, { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, domains: ['elders.be'] });
    const res = await t.request('/admin/sso', { cookie, form: form({ domains: 'ocmw-voorbeeld.be\nelders.be' }) });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Deze domeinen horen al bij een andere organisatie: elders.be.');
    expect(html).not.toContain('OCMW Elders');
  });

  it('detects a concurrent change (409), keeping what was typed', async () => {
    expect((await t.request('/admin/sso', { cookie, form: form({ domains: 'ocmw-voorbeeld.be\neerst.be' }) })).status).toBe(303);
    const res = await t.request('/admin/sso', { cookie, form: form({ domains: 'ocmw-voorbeeld.be\nander.be' }) });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('ander.be');
    expect(html).toContain('name="revision" value="2"');
    expect((await t.db.selectFrom('sso_domain').select('domain').orderBy('domain').execute()).map((d) => d.domain)).toEqual(['eerst.be', 'ocmw-voorbeeld.be']);
  });

  it('switches password sign-in off only for an administrator who signed in through the provider; the command line switches it on again', async () => {
    const off = form({ password_signin: '', domains: 'ocmw-voorbeeld.be' });
    const refused = await t.request('/admin/sso', { cookie, form: off });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Meld je eerst zelf eens aan via je organisatie');

    idp.accounts.set('bea', { email: 'beheer@ocmw-voorbeeld.be', email_verified: true });
    expect((await signIn('beheer@ocmw-voorbeeld.be', { accountId: 'bea' })).res.status).toBe(303);
    expect((await t.request('/admin/sso', { cookie, form: off })).status).toBe(303);
    expect(await t.db.selectFrom('audit_event').select('action').where('action', '=', 'sso.password_signin_changed').execute()).toHaveLength(1);

    // Password sign-in is refused for the organisation's users (the password itself is right).
    const jan = await t.user(org, { email: 'jan@ocmw-voorbeeld.be', password: 'een lang en goed wachtwoord' });
    const pw = await t.request('/signin', { form: { email: 'jan@ocmw-voorbeeld.be', password: 'een lang en goed wachtwoord' } });
    expect(pw.status).toBe(422);
    expect(await pw.text()).toContain('Je organisatie meldt aan met haar eigen account');
    expect(sessionCookieFrom(pw)).toBeUndefined();
    // ... and a password link gives no way around it.
    const [link] = await runAdminCommand(['reset-password', '--email', 'jan@ocmw-voorbeeld.be'], { db: t.db, config: t.config, now: t.now }).then((l) =>
      l.slice(1),
    );
    const token = link!.split('/password/')[1]!;
    const page = await t.request(`/password/${token}`);
    expect(page.status).toBe(403);
    expect((await t.request(`/password/${token}`, { form: { password: 'nog een lang goed wachtwoord' } })).status).toBe(403);
    expect((await t.db.selectFrom('app_user').select('password_hash').where('id', '=', jan).executeTakeFirstOrThrow()).password_hash).not.toBeNull();

    // The server's administrator keeps a way in.
    const out = await runAdminCommand(['allow-password-signin', '--organisation', String(org)], { db: t.db, config: t.config, now: t.now });
    expect(out[0]).toContain('is on again');
    const back = await t.request('/signin', { form: { email: 'jan@ocmw-voorbeeld.be', password: 'een lang en goed wachtwoord' } });
    expect(back.status).toBe(303);
    expect(await t.db.selectFrom('audit_event').select(['action', 'actor_user_id']).where('action', '=', 'sso.password_signin_changed').execute()).toEqual([
      { action: 'sso.password_signin_changed', actor_user_id: admin },
      { action: 'sso.password_signin_changed', actor_user_id: null },
    ]);
  });

  it('turns sign-in through the organisation off again, audited', async () => {
    const res = await t.request('/admin/sso/removal', { cookie, form: {} });
    expect(res.status).toBe(303);
    expect(await t.db.selectFrom('sso_provider').selectAll().execute()).toEqual([]);
    expect(await t.db.selectFrom('audit_event').select('action').where('action', '=', 'sso.removed').execute()).toHaveLength(1);
    expect((await t.request('/signin/sso', { form: { email: 'sara@ocmw-voorbeeld.be' } })).status).toBe(422);
  });

  it('is for administrators only', async () => {
    const worker = await t.sessionCookie(await invited('w@ocmw-voorbeeld.be'));
    expect((await t.request('/admin/sso', { cookie: worker })).status).toBe(403);
    expect((await t.request('/admin/sso', { cookie: worker, form: form() })).status).toBe(403);
    expect((await t.db.selectFrom('sso_provider').select('revision').executeTakeFirstOrThrow()).revision).toBe(1);
  });
});

describe('a provider that gives the e-mail address only at its userinfo endpoint', () => {
  it('reads it from there (the ID token still decides who the person is)', async () => {
    const other = await startIdp({ redirectUri: `${ORIGIN}/signin/sso/callback`, userinfoOnly: true });
    try {
      await fx.ssoProvider(t.db, t.now(), org, {
        issuer: other.issuer,
        clientId: other.clientId,
        clientSecret: other.clientSecret,
        domains: ['ocmw-voorbeeld.be'],
      });
      const sara = await invited('sara@ocmw-voorbeeld.be');
      other.accounts.set('sara', { email: 'sara@ocmw-voorbeeld.be', email_verified: true });
      other.nextLogin = { accountId: 'sara' };
      const { url, cookie } = await start('sara@ocmw-voorbeeld.be');
      const back = await throughIdp(url, ORIGIN);
      expect((await t.request(back.pathname + back.search, { cookie })).status).toBe(303);
      expect(await identities()).toEqual([{ user_id: sara, issuer: other.issuer, subject: 'sub:sara' }]);
    } finally {
      await other.close();
    }
  });
});
