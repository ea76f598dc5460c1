import { afterEach, describe, expect, it } from 'vitest';
import { countRows, makeTestApp, type TestApp } from '../support/app.js';

// Which origins may send a form (the CSRF check), and what a refused one is told.

const GOOD_PASSWORD = 'paarse olifant fietst traag';
let t: TestApp;
afterEach(async () => {
  await t.close();
});

async function appWithUser(overrides: Parameters<typeof makeTestApp>[0] = {}) {
  t = await makeTestApp(overrides);
  await t.user(await t.organisation(), { email: 'marie@ocmw.be', password: GOOD_PASSWORD });
}
const signIn = (origin: string, language = 'nl-BE') =>
  t.request('/signin', { form: { email: 'marie@ocmw.be', password: GOOD_PASSWORD }, headers: { Origin: origin, 'Accept-Language': language } });

describe('without PUBLIC_ORIGIN (demo, first install)', () => {
  it.each(['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000'])('accepts a form from the loopback name %s', async (origin) => {
    await appWithUser();
    expect(t.config.publicOriginExplicit).toBe(false);
    const res = await signIn(origin);
    expect(res.status).toBe(303);
    expect(await countRows(t, 'user_session')).toBe(1);
  });

  it.each(['http://127.0.0.1:4000', 'http://192.168.1.5:3000', 'https://evil.example'])('still refuses %s, writing nothing', async (origin) => {
    await appWithUser();
    const res = await signIn(origin);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('http://localhost:3000');
    expect(await countRows(t, 'user_session')).toBe(0);
  });
});

describe('with PUBLIC_ORIGIN set', () => {
  const configured = { publicOrigin: 'https://balans.ocmw.be', publicOriginExplicit: true, secure: true };

  it('accepts only that origin', async () => {
    await appWithUser(configured);
    expect((await signIn('https://balans.ocmw.be')).status).toBe(303);
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://balans.ocmw.be', 'https://balans.ocmw.be.evil.example']) {
      expect((await signIn(origin)).status).toBe(403);
    }
    expect(await countRows(t, 'user_session')).toBe(1);
  });

  it.each([
    ['nl-BE', 'Sociale Balans werkt op het adres https://balans.ocmw.be.'],
    ['fr-BE', 'Bilan social fonctionne à l’adresse https://balans.ocmw.be.'],
    ['en-GB', 'Sociale Balans works at the address https://balans.ocmw.be.'],
  ])('the refusal page names the configured address and links to it (%s)', async (language, sentence) => {
    await appWithUser(configured);
    const res = await signIn('http://10.0.0.5:3000', language);
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain(sentence);
    expect(html).toContain('href="https://balans.ocmw.be/"');
    expect(await countRows(t, 'user_session')).toBe(0);
  });

  it('an htmx request refused for its origin gets the address in the fragment too', async () => {
    await appWithUser(configured);
    const res = await t.request('/signin', {
      form: { email: 'marie@ocmw.be', password: GOOD_PASSWORD },
      headers: { Origin: 'http://10.0.0.5:3000' },
      htmx: true,
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('https://balans.ocmw.be');
  });
});
