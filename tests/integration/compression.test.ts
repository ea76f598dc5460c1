import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';

// Answers are gzipped for browsers that accept it (issue: nothing was compressed, the 105 KB editor
// travelled as 105 KB); pages that show a lasting secret are not (BREACH, src/http/compression.ts).

let t: TestApp;
let userId: number;
beforeEach(async () => {
  t = await makeTestApp();
  // With no account at all every page leads to /setup; the sign-in page needs one to exist.
  userId = await t.user(await t.organisation(), { email: 'mw@ocmw.be' });
});
afterEach(async () => {
  await t.close();
});

const gzip = { 'Accept-Encoding': 'gzip, deflate, br' };

async function bodyBytes(res: Response) {
  return Buffer.from(await res.arrayBuffer());
}

describe('compression', () => {
  it('gzips a page for a browser that accepts it and leaves it plain for one that does not', async () => {
    const zipped = await t.request('/signin', { headers: gzip });
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('Content-Encoding')).toBe('gzip');
    expect(zipped.headers.get('Vary')).toMatch(/Accept-Encoding/);
    const packed = await bodyBytes(zipped);
    const html = gunzipSync(packed).toString('utf8');
    expect(html).toContain('<form');

    const plain = await t.request('/signin');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    const text = await plain.text();
    expect(text).toContain('<form');
    expect(packed.length).toBeLessThan(text.length / 2);
  });

  it('serves static text files gzipped once at start, and plain when gzip is refused', async () => {
    const page = await (await t.request('/signin')).text();
    const css = page.match(/href="(\/static\/css\/app\.css\?v=[^"]+)"/)![1]!;
    const zipped = await t.request(css, { headers: gzip });
    expect(zipped.headers.get('Content-Encoding')).toBe('gzip');
    expect(zipped.headers.get('Cache-Control')).toContain('immutable');
    const unzipped = gunzipSync(await bodyBytes(zipped)).toString('utf8');

    const refused = await t.request(css, { headers: { 'Accept-Encoding': 'gzip;q=0, identity' } });
    expect(refused.headers.get('Content-Encoding')).toBeNull();
    expect(await refused.text()).toBe(unzipped);
  });

  it('keeps the first visit (sign-in page and everything it loads) under 60 kB on the wire', async () => {
    const res = await t.request('/signin', { headers: gzip });
    let total = (await bodyBytes(res)).length;
    const html = await (await t.request('/signin')).text();
    const assets = [...html.matchAll(/(?:href|src)="(\/static\/[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(assets.length).toBeGreaterThanOrEqual(3); // stylesheet(s), htmx, our script
    for (const a of new Set(assets)) {
      const r = await t.request(a, { headers: gzip });
      expect(r.status).toBe(200);
      total += (await bodyBytes(r)).length;
    }
    expect(total).toBeLessThanOrEqual(60_000);
  });

  it('does not compress a page that shows a lasting secret (two-step verification key)', async () => {
    const cookie = await t.sessionCookie(userId);
    const res = await t.request('/account/two-factor/setup', { cookie, headers: gzip });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(res.headers.get('Cache-Control')).toBe('no-store, no-transform');
    expect(await res.text()).toMatch(/<svg/); // the QR code with the key, readable as is
  });
});
