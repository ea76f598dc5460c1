import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, makeTestApp, sessionCookieFrom, type TestApp } from '../support/app.js';

// Where the sign-in and two-factor steps send the browser afterwards, and what a bad target does
// to the answer and to the logs. The value checks themselves are in tests/unit/redirect-target.test.ts.

let t: TestApp;
let userId: number;
const GOOD_PASSWORD = 'paarse olifant fietst traag';
// A marker that must never reach a log line.
const MARK = 'zz-marker-7f3';

beforeEach(async () => {
  t = await makeTestApp();
  const org = await t.organisation();
  userId = await t.user(org, { email: 'marie@ocmw.be', password: GOOD_PASSWORD });
});
afterEach(async () => {
  await t.close();
});

// As they arrive in a form field or a query parameter once decoded, and once more encoded
// (a value that some other layer might decode again).
const offSite = [
  '/\t/evil.example',
  '/%09/evil.example',
  '/\t\\evil.example',
  '/%09%5Cevil.example',
  '/\\evil.example',
  '//evil.example',
  '/%2F%2Fevil.example',
  'https:evil.example',
  'javascript:alert(1)',
];
const breaksHeaders = [`/\n/${MARK}`, `/\r\n/${MARK}`, `/%0A/${MARK}`, `/%0D%0ASet-Cookie:%20${MARK}=1`];

function logsMention(needle: string) {
  return t.logLines.some((l) => l.includes(needle) || l.includes(JSON.stringify(needle).slice(1, -1)));
}

describe('sign-in target (next)', () => {
  it.each([...offSite, ...breaksHeaders])('POST /signin with next %j signs in and goes to /', async (next) => {
    const res = await t.request('/signin', { form: { email: 'marie@ocmw.be', password: GOOD_PASSWORD, next } });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/');
    expect(await countRows(t, 'user_session')).toBe(1);
    expect(logsMention(MARK)).toBe(false);
  });

  it('an htmx sign-in with a bad next navigates to / too', async () => {
    const res = await t.request('/signin', { form: { email: 'marie@ocmw.be', password: GOOD_PASSWORD, next: '/%09/evil.example' }, htmx: true });
    expect(res.status).toBe(204);
    expect(res.headers.get('HX-Redirect')).toBe('/');
  });

  it('a good next is still followed', async () => {
    const res = await t.request('/signin', { form: { email: 'marie@ocmw.be', password: GOOD_PASSWORD, next: '/households/12?tab=x' } });
    expect(res.headers.get('Location')).toBe('/households/12?tab=x');
  });

  it.each([...offSite, ...breaksHeaders])('GET /signin?next=%j shows the page carrying / instead', async (next) => {
    const res = await t.request(`/signin?next=${encodeURIComponent(next)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('name="next" value="/"');
    expect(html).not.toContain('evil.example');
    expect(logsMention(MARK)).toBe(false);
  });

  it.each([...offSite, ...breaksHeaders])('a signed-in GET /signin?next=%j goes to /', async (next) => {
    const cookie = await t.sessionCookie(userId);
    const res = await t.request(`/signin?next=${encodeURIComponent(next)}`, { cookie });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/');
  });
});

describe('two-factor target (next)', () => {
  async function pendingCookie() {
    await t.db
      .updateTable('app_user')
      .set({ totp_key: Buffer.alloc(20, 1), totp_enabled_at: t.now() })
      .where('id', '=', userId)
      .execute();
    const res = await t.request('/signin', { form: { email: 'marie@ocmw.be', password: GOOD_PASSWORD, next: '/%09/evil.example' } });
    expect(res.headers.get('Location')).toBe('/signin/two-factor?next=%2F');
    return sessionCookieFrom(res)!;
  }

  it.each([...offSite, ...breaksHeaders])('GET /signin/two-factor?next=%j carries / instead', async (next) => {
    const cookie = await pendingCookie();
    const res = await t.request(`/signin/two-factor?next=${encodeURIComponent(next)}`, { cookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('name="next" value="/"');
    expect(html).not.toContain('evil.example');
  });

  it('a wrong code with a bad next re-renders the form carrying /', async () => {
    const cookie = await pendingCookie();
    const res = await t.request('/signin/two-factor', { cookie, form: { code: '000000', next: `/\n/${MARK}` } });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('name="next" value="/"');
    expect(logsMention(MARK)).toBe(false);
  });
});

describe('replayed form target', () => {
  it('a replay action that is not one of our paths is not offered', async () => {
    const payload = Buffer.from(JSON.stringify([['locale', 'fr']]), 'utf8').toString('base64url');
    for (const action of ['//evil.example/x', '/%09/evil.example', `/\n/${MARK}`]) {
      const res = await t.request('/signin', { form: { email: 'marie@ocmw.be', password: GOOD_PASSWORD, replay_action: action, replay_payload: payload } });
      expect(res.status).toBe(303);
      expect(res.headers.get('Location')).toBe('/');
    }
    expect(logsMention(MARK)).toBe(false);
  });

  it('a signed-out POST with a Referer from elsewhere or one that does not parse gets the sign-in page, not 500', async () => {
    for (const referer of ['https://evil.example/households', 'not a url', `http://localhost:3000/%0A/${MARK}`]) {
      const res = await t.request('/account/language', { form: { locale: 'fr' }, headers: { Referer: referer }, htmx: true });
      expect(res.status).toBe(401);
      expect(res.headers.get('HX-Redirect')).toBe('/signin?next=%2F&expired=1');
    }
    expect(logsMention(MARK)).toBe(false);
  });

  it('a signed-out GET keeps its own path and query as the target', async () => {
    const res = await t.request('/households?q=Jan%20Peeters');
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/signin?next=${encodeURIComponent('/households?q=Jan%20Peeters')}`);
  });
});

describe('error log lines', () => {
  it('name the error class and route pattern, never the message (it can hold user input)', async () => {
    // A route that fails the way Headers do on a bad value: the message repeats the input.
    t.app.get('/test-only/failing/:id', (c) => {
      throw new TypeError(`Invalid header value: "/\n/${MARK}${c.req.param('id')}"`);
    });
    const res = await t.request(`/test-only/failing/${MARK}?q=${MARK}`);
    expect(res.status).toBe(500);
    const line = t.logLines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'unhandled error');
    expect(line).toMatchObject({ level: 'error', error: 'TypeError', route: '/test-only/failing/:id' });
    expect(logsMention(MARK)).toBe(false);
  });
});
