import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, sessionCookieFrom, countRows, type TestApp } from '../support/app.js';
import { setSetupCodeForTests } from '../../src/auth/setup-code.js';
import { createUserToken, findUserByEmail } from '../../src/auth/queries.js';
import { totpAt } from '../../src/auth/totp.js';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { defaultCatalogue, INSPECTION_EXTRAS, type CatalogueData } from '../../src/catalogue/default-catalogue.js';
import { uncoveredAreas } from '../../src/catalogue/catalogue.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(async () => {
  await t.close();
  setSetupCodeForTests(null);
});

const GOOD_PASSWORD = 'paarse olifant fietst traag';

async function auditActions() {
  return (await t.db.selectFrom('audit_event').select(['action', 'outcome']).orderBy('id').execute()).map((r) => `${r.action}:${r.outcome}`);
}

/** Reads the base32 key shown on the 2FA setup page, as an authenticator app would. */
function keyFromSetupPage(html: string): Uint8Array {
  const text = /id="totp-key">([A-Z2-7 ]+)</.exec(html)![1]!.replace(/ /g, '');
  return decodeBase32IgnorePadding(text);
}

describe('first run (/setup)', () => {
  const form = { code: 'ABCD1234EFGH', organisation: 'OCMW Teststad', name: 'An Beheer', email: 'an@ocmw.be', password: GOOD_PASSWORD };

  it('without users, / leads to /setup', async () => {
    const res = await t.request('/');
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/setup');
  });

  it('says plainly what catalogue the new OCMW gets, and installs exactly that: the core set, the areas it leaves uncovered named (decision 022)', async () => {
    setSetupCodeForTests('ABCD1234EFGH');
    const page = (await (await t.request('/setup')).text()).replace(/&quot;/g, '"');
    const all = defaultCatalogue.themes.flatMap((th) => th.domains);
    expect(page).toContain(
      `Je OCMW krijgt meteen de standaardcatalogus met ${all.length} levensdomeinen. ${all.filter((d) => d.defaultOn).length} ervan staan aan: de kern van het instrument, zodat een balans kort en rustig blijft. Daarmee bekijkt een balans deze domeinen van de POD Maatschappelijke Integratie niet: Zelfvertrouwen, Communicatievaardigheden, Digitale vaardigheden, Organisatie en planning. Wil je ze in elke balans bekijken, zet dan onder "Catalogus" deze levensdomeinen aan: Zelfvertrouwen, Communicatievaardigheden, Computer/smartphone gebruik, Administratie.`,
    );
    expect((await t.request('/setup', { form })).status).toBe(303);
    const version = await t.db.selectFrom('catalogue_version').select('content').executeTakeFirstOrThrow();
    const installed = JSON.parse(version.content) as CatalogueData;
    expect(uncoveredAreas(installed)).toEqual(['zelfvertrouwen', 'communicatie', 'digitale_vaardigheden', 'organisatie_planning']);
    // The four named domains are exactly what covers them.
    for (const th of installed.themes) for (const d of th.domains) if ((INSPECTION_EXTRAS as readonly string[]).includes(d.key)) d.defaultOn = true;
    expect(uncoveredAreas(installed)).toEqual([]);
  });

  it('refuses a wrong setup code and writes nothing', async () => {
    setSetupCodeForTests('ABCD1234EFGH');
    const res = await t.request('/setup', { form: { ...form, code: 'WRONG' } });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Deze installatiecode klopt niet');
    expect(await countRows(t, 'organisation')).toBe(0);
    expect(await countRows(t, 'app_user')).toBe(0);
  });

  it('refuses when no setup code is active (users exist or none was printed)', async () => {
    setSetupCodeForTests(null);
    const res = await t.request('/setup', { form });
    expect(res.status).toBe(422);
    expect(await countRows(t, 'app_user')).toBe(0);
  });

  it('refuses a short or common password and a malformed e-mail, writing nothing', async () => {
    setSetupCodeForTests('ABCD1234EFGH');
    const short = await t.request('/setup', { form: { ...form, password: 'kort' } });
    expect(short.status).toBe(422);
    expect(await short.text()).toContain('minstens 12 tekens');
    const common = await t.request('/setup', { form: { ...form, password: 'qwertyuiop123' } });
    expect(await common.text()).toContain('heel vaak gebruikt');
    const email = await t.request('/setup', { form: { ...form, email: 'niet-een-adres' } });
    expect(email.status).toBe(422);
    expect(await email.text()).toContain('Typ een geldig e-mailadres');
    expect(await countRows(t, 'app_user')).toBe(0);
  });

  it('creates the organisation and administrator, signs in, and asks for 2FA first', async () => {
    setSetupCodeForTests('ABCD1234EFGH');
    const res = await t.request('/setup', { form: { ...form, code: 'abcd1234efgh' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/account/two-factor/setup');
    const user = await findUserByEmail(t.db, 'an@ocmw.be');
    expect(user).toMatchObject({ display_name: 'An Beheer', is_admin: 1 });
    expect(user!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const org = await t.db.selectFrom('organisation').selectAll().executeTakeFirstOrThrow();
    expect(org).toMatchObject({ name: 'OCMW Teststad', require_two_factor: 1 });
    expect(await auditActions()).toEqual(['setup.completed:success']);
    // The code works once.
    const again = await t.request('/setup', { form });
    expect(again.status).toBe(303);
    expect(again.headers.get('Location')).toBe('/signin');
    expect(await countRows(t, 'app_user')).toBe(1);
    // Required 2FA: every page sends the new admin to the setup first.
    const cookie = sessionCookieFrom(res)!;
    const home = await t.request('/', { cookie });
    expect(home.headers.get('Location')).toBe('/account/two-factor/setup');
  });
});

describe('sign-in', () => {
  let org: number;
  beforeEach(async () => {
    org = await t.organisation();
    await t.user(org, { email: 'marie@ocmw.be', password: GOOD_PASSWORD });
  });

  it('signs in with a fresh session whose secret is stored only as a hash', async () => {
    const res = await t.request('/signin', { form: { email: 'Marie@OCMW.be ', password: GOOD_PASSWORD, next: '/account' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/account');
    const setCookie = res.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/sb_session=[a-z2-9]{16}\.[a-z2-9]{26};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    const token = /sb_session=([^;]+)/.exec(setCookie)![1]!;
    const row = await t.db.selectFrom('user_session').selectAll().executeTakeFirstOrThrow();
    expect(row.id).toBe(token.split('.')[0]);
    expect(Buffer.from(row.secret_hash).toString('utf8')).not.toContain(token.split('.')[1]);
    expect(row.secret_hash.byteLength).toBe(32);
    expect(await auditActions()).toEqual(['signin.success:success']);
    const account = await t.request('/account', { cookie: sessionCookieFrom(res) });
    expect(account.status).toBe(200);
    expect(account.headers.get('Cache-Control')).toBe('no-store');
  });

  it('does not follow a next parameter off-site', async () => {
    const res = await t.request('/signin', { form: { email: 'marie@ocmw.be', password: GOOD_PASSWORD, next: '//evil.example/x' } });
    expect(res.headers.get('Location')).toBe('/');
  });

  it('gives the same answer for an unknown e-mail and a wrong password', async () => {
    const wrong = await t.request('/signin', { form: { email: 'marie@ocmw.be', password: 'verkeerd wachtwoord 1' } });
    const unknown = await t.request('/signin', { form: { email: 'niemand@ocmw.be', password: 'verkeerd wachtwoord 1' } });
    expect(wrong.status).toBe(422);
    expect(unknown.status).toBe(422);
    const strip = (h: string) =>
      h
        .replace(/nonce="[^"]+"/g, '')
        .replace(/value="[^"]*@ocmw\.be"/g, '')
        .replace(/\?v=[0-9a-f]+/g, '');
    expect(strip(await wrong.text())).toBe(strip(await unknown.text()));
    expect(await countRows(t, 'user_session')).toBe(0);
    expect(await auditActions()).toEqual(['signin.failure:failure', 'signin.failure:failure']);
  });

  it('locks after 5 failures with a clear message, in the database, and lets in again after the wait', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await t.request('/signin', { form: { email: 'marie@ocmw.be', password: `fout wachtwoord ${i}` } });
      expect(r.status).toBe(422);
    }
    const locked = await t.request('/signin', { form: { email: 'marie@ocmw.be', password: GOOD_PASSWORD } });
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain('Te veel mislukte pogingen. Probeer het opnieuw over 1 minuut.');
    expect(await countRows(t, 'user_session')).toBe(0);
    const rows = await t.db.selectFrom('signin_throttle').selectAll().execute();
    expect(rows.some((r) => r.failures === 5 && r.locked_until > t.now())).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('marie');
    // An unknown address is locked the same way (no account discovery through the lock).
    for (let i = 0; i < 5; i++) await t.request('/signin', { form: { email: 'ghost@ocmw.be', password: `fout wachtwoord ${i}` } });
    expect((await t.request('/signin', { form: { email: 'ghost@ocmw.be', password: 'x'.repeat(12) } })).status).toBe(429);
    t.advance(31_000);
    const ok = await t.request('/signin', { form: { email: 'marie@ocmw.be', password: GOOD_PASSWORD } });
    expect(ok.status).toBe(303);
  });

  it('the htmx sign-in re-renders only the form on error and navigates with HX-Redirect on success', async () => {
    const bad = await t.request('/signin', { form: { email: 'marie@ocmw.be', password: 'verkeerd wachtwoord 1' }, htmx: true });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toMatch(/^<form[^>]*id="signin-form"/);
    expect(html).toContain('horen niet bij elkaar');
    expect(html).toContain('value="marie@ocmw.be"');
    const good = await t.request('/signin', { form: { email: 'marie@ocmw.be', password: GOOD_PASSWORD }, htmx: true });
    expect(good.status).toBe(204);
    expect(good.headers.get('HX-Redirect')).toBe('/');
  });

  it('refuses a disabled user', async () => {
    await t.db.updateTable('app_user').set({ disabled_at: t.now() }).execute();
    const res = await t.request('/signin', { form: { email: 'marie@ocmw.be', password: GOOD_PASSWORD } });
    expect(res.status).toBe(422);
    expect(await countRows(t, 'user_session')).toBe(0);
  });
});

describe('sessions', () => {
  let userId: number;
  beforeEach(async () => {
    const org = await t.organisation();
    userId = await t.user(org, { email: 'marie@ocmw.be', password: GOOD_PASSWORD });
  });

  it('end after 30 minutes idle, and activity keeps them alive', async () => {
    const cookie = await t.sessionCookie(userId);
    t.advance(29 * 60_000);
    expect((await t.request('/account', { cookie })).status).toBe(200);
    t.advance(29 * 60_000);
    expect((await t.request('/account', { cookie })).status).toBe(200);
    t.advance(30 * 60_000);
    const res = await t.request('/account', { cookie });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/signin?next=%2Faccount');
    expect(await countRows(t, 'user_session')).toBe(0);
  });

  it('end after 10 hours whatever the activity', async () => {
    const cookie = await t.sessionCookie(userId);
    for (let i = 0; i < 22; i++) {
      // 22 x 28 min = 10 h 16 min
      t.advance(28 * 60_000);
      await t.request('/session/keepalive', { method: 'POST', cookie });
    }
    expect((await t.request('/account', { cookie })).status).toBe(303);
  });

  it('keepalive moves the idle deadline', async () => {
    const cookie = await t.sessionCookie(userId);
    t.advance(25 * 60_000);
    expect((await t.request('/session/keepalive', { method: 'POST', cookie })).status).toBe(204);
    t.advance(25 * 60_000);
    expect((await t.request('/account', { cookie })).status).toBe(200);
  });

  it('a forged or altered token is no session', async () => {
    const cookie = await t.sessionCookie(userId);
    const forged = cookie.slice(0, -1) + (cookie.endsWith('a') ? 'b' : 'a');
    expect((await t.request('/account', { cookie: forged })).status).toBe(303);
    expect((await t.request('/account', { cookie: 'sb_session=garbage' })).status).toBe(303);
  });

  it('sign-out ends the session', async () => {
    const cookie = await t.sessionCookie(userId);
    const res = await t.request('/signout', { method: 'POST', cookie });
    expect(res.status).toBe(303);
    expect(await countRows(t, 'user_session')).toBe(0);
    expect((await t.request('/account', { cookie })).status).toBe(303);
  });

  it('uses a __Host- cookie with Secure on an https origin', async () => {
    const s = await makeTestApp({ publicOrigin: 'https://balans.ocmw.be', secure: true });
    const org = await s.organisation();
    await s.user(org, { email: 'x@ocmw.be', password: GOOD_PASSWORD });
    const res = await s.app.request('/signin', {
      method: 'POST',
      headers: { Origin: 'https://balans.ocmw.be', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'x@ocmw.be', password: GOOD_PASSWORD }).toString(),
    });
    const cookie = res.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/^__Host-sb_session=/);
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('Path=/');
    await s.close();
  });

  it('a form posted after the session expired comes back after sign-in, nothing lost', async () => {
    const cookie = await t.sessionCookie(userId);
    t.advance(31 * 60_000);
    const remark = 'Woont sinds maart bij haar zus; <script>alert(1)</script> "quotes"';
    const res = await t.request('/account/language', { cookie, form: { locale: 'fr', remark } });
    expect(res.status).toBe(401);
    const page = await res.text();
    expect(page).toContain('Je sessie was verlopen');
    const payload = /name="replay_payload" value="([^"]+)"/.exec(page)![1]!;
    expect(page).toContain('name="replay_action" value="/account/language"');
    const signin = await t.request('/signin', {
      form: { email: 'marie@ocmw.be', password: GOOD_PASSWORD, next: '/account/language', replay_action: '/account/language', replay_payload: payload },
    });
    expect(signin.status).toBe(200);
    const replay = await signin.text();
    expect(replay).toContain('Formulier opnieuw versturen');
    expect(replay).toContain('action="/account/language"');
    expect(replay).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(replay).not.toContain('<script>alert(1)');
    const newCookie = sessionCookieFrom(signin)!;
    const resend = await t.request('/account/language', { cookie: newCookie, form: { locale: 'fr', remark } });
    expect(resend.status).toBe(303);
    const user = await t.db.selectFrom('app_user').select('locale').executeTakeFirstOrThrow();
    expect(user.locale).toBe('fr');
  });

  it('an htmx request without a session is sent to the sign-in page as a whole', async () => {
    const res = await t.request('/account/language', { form: { locale: 'fr' }, htmx: true });
    expect(res.status).toBe(401);
    expect(res.headers.get('HX-Redirect')).toMatch(/^\/signin\?next=/);
  });

  it("users can see and end their own sessions, but not someone else's", async () => {
    const mine = await t.sessionCookie(userId);
    await t.sessionCookie(userId); // a second device
    const page = await (await t.request('/account', { cookie: mine })).text();
    expect(page).toContain('Deze sessie');
    const other = await t.db.selectFrom('user_session').select('id').where('id', '!=', mine.split('=')[1]!.split('.')[0]!).executeTakeFirstOrThrow();
    const org2 = await t.organisation('OCMW Elders');
    const stranger = await t.user(org2, { email: 'z@elders.be' });
    const strangerCookie = await t.sessionCookie(stranger);
    const denied = await t.request(`/account/sessions/${other.id}/ending`, { method: 'POST', cookie: strangerCookie });
    expect(denied.status).toBe(404);
    expect(await countRows(t, 'user_session')).toBe(3);
    const ended = await t.request(`/account/sessions/${other.id}/ending`, { method: 'POST', cookie: mine });
    expect(ended.status).toBe(303);
    expect(await countRows(t, 'user_session')).toBe(2);
  });
});

describe('passwords', () => {
  let userId: number;
  let cookie: string;
  beforeEach(async () => {
    const org = await t.organisation();
    userId = await t.user(org, { email: 'marie@ocmw.be', password: GOOD_PASSWORD });
    cookie = await t.sessionCookie(userId);
  });

  it('change asks the current password and ends other sessions', async () => {
    const other = await t.sessionCookie(userId);
    const wrong = await t.request('/account/password', { cookie, form: { current: 'niet mijn wachtwoord', password: 'een nieuw lang wachtwoord' } });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Je huidige wachtwoord klopt niet');
    const common = await t.request('/account/password', { cookie, form: { current: GOOD_PASSWORD, password: 'wachtwoord123' } });
    expect(common.status).toBe(422);
    const before = (await t.db.selectFrom('app_user').select('password_hash').executeTakeFirstOrThrow()).password_hash;
    const ok = await t.request('/account/password', { cookie, form: { current: GOOD_PASSWORD, password: 'een nieuw lang wachtwoord' } });
    expect(ok.status).toBe(303);
    const after = (await t.db.selectFrom('app_user').select('password_hash').executeTakeFirstOrThrow()).password_hash;
    expect(after).not.toBe(before);
    expect((await t.request('/account', { cookie })).status).toBe(200);
    expect((await t.request('/account', { cookie: other })).status).toBe(303);
    expect(await auditActions()).toContain('password.changed:success');
  });

  it('an unknown language is refused with words, and the language stays', async () => {
    const res = await t.request('/account/language', { cookie, form: { locale: 'de' } });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Kies een van de talen.');
    expect(html).toContain('href="#field-locale"');
    expect((await t.db.selectFrom('app_user').select('locale').where('id', '=', userId).executeTakeFirstOrThrow()).locale).toBe('nl');
  });

  it('accepts 128 characters and pasted long phrases, refuses over 256', async () => {
    const long = 'x'.repeat(100) + ' lange zin met spaties ' + 'y'.repeat(5);
    expect((await t.request('/account/password', { cookie, form: { current: GOOD_PASSWORD, password: long } })).status).toBe(303);
    const tooLong = await t.request('/account/password', { cookie, form: { current: long, password: 'z'.repeat(257) } });
    expect(tooLong.status).toBe(422);
  });

  it('a reset link works once, and not after its hour', async () => {
    const token = await createUserToken(t.db, userId, 'password_reset', t.now());
    const page = await t.request(`/password/${token}`);
    expect(page.status).toBe(200);
    const used = await t.request(`/password/${token}`, { form: { password: 'weer een ander wachtwoord' } });
    expect(used.status).toBe(303);
    const again = await t.request(`/password/${token}`, { form: { password: 'nog een ander wachtwoord' } });
    expect(again.status).toBe(404);
    expect(await again.text()).toContain('ongeldig, verlopen of al gebruikt');
    const late = await createUserToken(t.db, userId, 'password_reset', t.now());
    t.advance(61 * 60_000);
    expect((await t.request(`/password/${late}`, { form: { password: 'nog een ander wachtwoord' } })).status).toBe(404);
    expect((await t.request('/password/not-a-token')).status).toBe(404);
  });

  it('without SMTP the forgotten-password page explains to ask the administrator', async () => {
    const page = await (await t.request('/password/forgotten')).text();
    expect(page).toContain('Vraag je beheerder');
  });
});

describe('two-factor', () => {
  let userId: number;
  let cookie: string;
  beforeEach(async () => {
    const org = await t.organisation('OCMW 2FA', true);
    userId = await t.user(org, { email: 'marie@ocmw.be', password: GOOD_PASSWORD });
    cookie = await t.sessionCookie(userId);
  });

  async function enable(): Promise<{ key: Uint8Array; codes: string[] }> {
    const setup = await t.request('/account/two-factor/setup', { cookie });
    const html = await setup.text();
    expect(html).toContain('<svg');
    const key = keyFromSetupPage(html);
    const res = await t.request('/account/two-factor', { cookie, form: { code: totpAt(key, t.now()) } });
    expect(res.status).toBe(200);
    const page = await res.text();
    const codes = [...page.matchAll(/<li><code>([a-z2-9]{5}-[a-z2-9]{5})<\/code><\/li>/g)].map((m) => m[1]!);
    return { key, codes };
  }

  it('is required before anything else when the organisation says so', async () => {
    const res = await t.request('/account', { cookie });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/account/two-factor/setup');
  });

  it('setup refuses a wrong code, then enables with a right one and shows 10 recovery codes once', async () => {
    await t.request('/account/two-factor/setup', { cookie });
    const wrong = await t.request('/account/two-factor', { cookie, form: { code: '000000' } });
    expect(wrong.status).toBe(422);
    const user = await t.db.selectFrom('app_user').select('totp_enabled_at').executeTakeFirstOrThrow();
    expect(user.totp_enabled_at).toBeNull();
    const { codes } = await enable();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await t.db.selectFrom('recovery_code').select('code_hash').execute();
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(codes[0]!);
    expect((await t.request('/account', { cookie })).status).toBe(200);
    expect(await auditActions()).toContain('twofactor.enabled:success');
  });

  it('sign-in then asks for the code; a wrong or reused code is refused; recovery codes work once', async () => {
    const { key, codes } = await enable();
    t.advance(60_000);
    const signin = await t.request('/signin', { form: { email: 'marie@ocmw.be', password: GOOD_PASSWORD } });
    expect(signin.headers.get('Location')).toBe('/signin/two-factor?next=%2F');
    const pending = sessionCookieFrom(signin)!;
    // Not signed in yet: protected pages send back to the second step.
    const early = await t.request('/account', { cookie: pending });
    expect(early.headers.get('Location')).toBe('/signin/two-factor?next=%2Faccount');
    const wrong = await t.request('/signin/two-factor', { cookie: pending, form: { code: '123456' } });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Deze code klopt niet');
    const code = totpAt(key, t.now());
    const ok = await t.request('/signin/two-factor', { cookie: pending, form: { code } });
    expect(ok.status).toBe(303);
    expect((await t.request('/account', { cookie: pending })).status).toBe(200);
    // The same code in a second sign-in within its 30 seconds: refused (no replay).
    const second = sessionCookieFrom(await t.request('/signin', { form: { email: 'marie@ocmw.be', password: GOOD_PASSWORD } }))!;
    expect((await t.request('/signin/two-factor', { cookie: second, form: { code } })).status).toBe(422);
    // A recovery code once, not twice.
    expect((await t.request('/signin/two-factor', { cookie: second, form: { method: 'recovery', recovery: codes[3]!.toUpperCase() } })).status).toBe(303);
    const third = sessionCookieFrom(await t.request('/signin', { form: { email: 'marie@ocmw.be', password: GOOD_PASSWORD } }))!;
    const reused = await t.request('/signin/two-factor', { cookie: third, form: { method: 'recovery', recovery: codes[3]! } });
    expect(reused.status).toBe(422);
    expect(await reused.text()).toContain('Deze herstelcode klopt niet of is al gebruikt');
    const actions = await auditActions();
    expect(actions).toContain('twofactor.failure:failure');
    expect(actions).toContain('twofactor.recovery_used:success');
  });

  it('audit rows never contain passwords, codes or tokens', async () => {
    const { codes } = await enable();
    const rows = JSON.stringify(await t.db.selectFrom('audit_event').selectAll().execute());
    expect(rows).not.toContain(GOOD_PASSWORD);
    for (const c of codes) expect(rows).not.toContain(c);
    expect(rows).not.toContain('marie@ocmw.be');
  });
});
