import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(async () => {
  await t.close();
});

function expectSecurityHeaders(res: Response) {
  const csp = res.headers.get('Content-Security-Policy') ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
  for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) expect(csp).toContain(d);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  expect(res.headers.get('Referrer-Policy')).toBe('same-origin');
  expect(res.headers.get('Permissions-Policy')).toContain('camera=()');
  expect(res.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
}

describe('security headers', () => {
  it('are on a full page, and the page scripts carry the same nonce', async () => {
    const res = await t.request('/setup');
    expect(res.status).toBe(200);
    expectSecurityHeaders(res);
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get('Content-Security-Policy')!)![1];
    const html = await res.text();
    const scripts = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
    expect(html).not.toMatch(/<script(?![^>]*src=)[^>]*>/); // no inline script
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('Strict-Transport-Security')).toBeNull(); // http origin: no HSTS
  });

  it('differ per request (fresh nonce)', async () => {
    const a = (await t.request('/setup')).headers.get('Content-Security-Policy');
    const b = (await t.request('/setup')).headers.get('Content-Security-Policy');
    expect(a).not.toBe(b);
  });

  it('are on a fragment, with Vary on the htmx headers', async () => {
    await t.organisation();
    const res = await t.request('/signin', { form: { email: '', password: '' }, htmx: true });
    expect(res.status).toBe(422);
    expectSecurityHeaders(res);
    expect(res.headers.get('Vary')).toContain('HX-Request-Type');
    const html = await res.text();
    expect(html.startsWith('<form')).toBe(true); // only the form, not a whole page
    expect(html).not.toContain('<html');
  });

  it('are on error pages, which are in Dutch and without stack traces', async () => {
    const res = await t.request('/does-not-exist');
    expect(res.status).toBe(404);
    expectSecurityHeaders(res);
    const html = await res.text();
    expect(html).toContain('Pagina niet gevonden');
    expect(html).toContain('lang="nl-BE"');
  });

  it('adds HSTS when the public origin is https', async () => {
    const s = await makeTestApp({ publicOrigin: 'https://balans.ocmw.be', secure: true });
    const res = await s.app.request('/setup');
    expect(res.headers.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains');
    await s.close();
  });

  it('serves static files with a content hash and long caching; an unknown file is a 404', async () => {
    const page = await (await t.request('/setup')).text();
    const href = /href="(\/static\/css\/app\.css\?v=[0-9a-f]+)"/.exec(page)![1]!;
    const css = await t.request(href);
    expect(css.status).toBe(200);
    expect(css.headers.get('Cache-Control')).toContain('immutable');
    expectSecurityHeaders(css);
    const htmx = await t.request(/src="(\/static\/vendor\/htmx\.min\.js\?v=[0-9a-f]+)"/.exec(page)![1]!);
    expect(htmx.status).toBe(200);
    expect(await htmx.text()).toContain('htmx');
    expect((await t.request('/static/../package.json')).status).toBe(404);
    expect((await t.request('/static/nothing.css')).status).toBe(404);
  });

  it('serves a favicon at /favicon.ico (an ICO, cached for a week) and links it with an SVG icon in the layout', async () => {
    const page = await (await t.request('/setup')).text();
    expect(page).toContain('<link rel="icon" href="/favicon.ico" sizes="32x32"/>');
    const svgHref = /<link rel="icon" href="(\/static\/img\/icon\.svg\?v=[0-9a-f]+)" type="image\/svg\+xml"\/>/.exec(page)![1]!;
    const ico = await t.request('/favicon.ico');
    expect(ico.status).toBe(200);
    expect(ico.headers.get('Content-Type')).toBe('image/x-icon');
    expect(ico.headers.get('Cache-Control')).toBe('public, max-age=604800');
    const bytes = new Uint8Array(await ico.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0, 0, 1, 0]); // ICO header: reserved 0, type 1 (icon)
    expectSecurityHeaders(ico);
    const svg = await t.request(svgHref);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('Content-Type')).toBe('image/svg+xml');
    expect(svg.headers.get('Cache-Control')).toContain('immutable');
  });
});

describe('language', () => {
  it('follows Accept-Language until the user chooses', async () => {
    const fr = await (await t.request('/setup', { headers: { 'Accept-Language': 'fr-BE,fr;q=0.9,nl;q=0.5' } })).text();
    expect(fr).toContain('lang="fr-BE"');
    expect(fr).toContain('Première installation');
    const en = await (await t.request('/setup', { headers: { 'Accept-Language': 'en-GB,en;q=0.8' } })).text();
    expect(en).toContain('First-time setup');
    const de = await (await t.request('/setup', { headers: { 'Accept-Language': 'de-DE' } })).text();
    expect(de).toContain('lang="nl-BE"');
  });
});

describe('bad input', () => {
  it('answers an oversized body with 413 and processes nothing', async () => {
    const before = await t.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const big = 'email=' + 'a'.repeat(1024 * 1024 + 10) + '&password=x';
    const res = await t.request('/signin', { method: 'POST', body: big, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('Te veel gegevens');
    const after = await t.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('answers malformed form encoding with 400', async () => {
    await t.organisation();
    const res = await t.request('/signin', {
      method: 'POST',
      body: 'email=%E0%A4%A&password=x',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Ongeldige aanvraag');
    const multipart = await t.request('/signin', { method: 'POST', body: 'garbage', headers: { 'Content-Type': 'multipart/form-data; boundary=xyz' } });
    expect(multipart.status).toBe(400);
  });

  it('refuses a cross-origin POST with 403 and changes nothing', async () => {
    await t.organisation();
    const res = await t.request('/signin', { form: { email: 'a@b.be', password: 'whatever-long-password' }, headers: { Origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Aanvraag geweigerd');
    const rows = await t.db.selectFrom('audit_event').selectAll().execute();
    expect(rows).toHaveLength(0);
    const throttle = await t.db.selectFrom('signin_throttle').selectAll().execute();
    expect(throttle).toHaveLength(0);
  });

  it('answers an unknown route with the 404 page', async () => {
    const res = await t.request('/nergens/te/vinden');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('<h1>Pagina niet gevonden</h1>');
  });
});

describe('health', () => {
  it('reports ok when the database answers', async () => {
    const res = await t.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
  it('reports 503 when the database is gone', async () => {
    await t.loseDatabase();
    const res = await t.request('/healthz');
    expect(res.status).toBe(503);
  });
});

describe('logs', () => {
  it('write one line per request with id, route and status, but no query string or form content', async () => {
    await t.organisation();
    await t.request('/signin?next=%2Fzoek%3Fq%3DJanssens', { headers: {} });
    await t.request('/signin', { form: { email: 'marie.peeters@ocmw.be', password: 'geheim-wachtwoord-123' } });
    const all = t.logLines.join('\n');
    expect(all).toContain('"msg":"request"');
    expect(all).toContain('"route":"/signin"');
    expect(all).not.toContain('Janssens');
    expect(all).not.toContain('marie.peeters');
    expect(all).not.toContain('geheim');
  });
});
