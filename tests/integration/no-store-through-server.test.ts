import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTestApp, ORIGIN, type TestApp } from '../support/app.js';
import * as fx from '../support/fixtures.js';
import { EMPTY_CELL, fingerprint } from '../../src/balances/logic.js';

// "Cache-Control: no-store on every authenticated response" must hold for what the browser really
// receives: through @hono/node-server, gzipped, for a full page, a fragment rendered by render(),
// a fragment answered with a bare c.html() (the score save), a refusal and an error page. The Node
// adapter's lightweight responses keep their headers in a cache that a later re-wrap (compression)
// can miss, so app.request() alone would not show a loss.

let t: TestApp;
let cookie: string;
let household: number;
let adult: number;
beforeEach(async () => {
  t = await makeTestApp();
  const org = await t.organisation('OCMW Kast');
  const team = await t.team(org, 'Team Noord');
  const worker = await t.user(org, { email: 'w@ocmw.be', name: 'Wendy', teams: [{ teamId: team, role: 'worker' }] });
  cookie = await t.sessionCookie(worker);
  const h = await fx.household(t.db, t.now(), await fx.scopeOf(t.db, worker), {
    members: [{ firstName: 'Sara', lastName: 'Peeters', birthYear: 1985, role: 'aanvrager' }],
  });
  household = h.id;
  adult = h.members[0]!;
});
afterEach(async () => {
  await t.close();
});

it('keeps Cache-Control: no-store on every kind of signed-in answer, compressed, through the Node server', async () => {
  const created = await t.request(`/households/${household}/balances`, {
    cookie,
    form: { takenOn: '2026-11-20', method: 'samen', participants: [String(adult)] },
  });
  const balancePath = created.headers.get('Location')!;
  const editorHtml = await (await t.request(balancePath, { cookie })).text();
  const editor = /name="editor" value="([^"]+)"/.exec(editorHtml)![1]!;

  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  try {
    const { port } = server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const headers = { Cookie: cookie, 'Accept-Encoding': 'gzip', Origin: ORIGIN };
    const htmx = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' };
    const score = (s: string) =>
      new URLSearchParams({
        editor,
        step: 'h:huishouden-wonen',
        'v.h.verblijfplaats': '0',
        'o.h.verblijfplaats': fingerprint(EMPTY_CELL),
        's.h.verblijfplaats': s,
        'r.h.verblijfplaats': 'Een opmerking die lang genoeg is om het antwoord boven de drempel van de compressie te brengen. '.repeat(20),
        'c.h.verblijfplaats': '',
      }).toString();
    const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const answers: [string, Response][] = [
      ['full page', await fetch(`${base}/`, { headers })],
      ['editor page', await fetch(`${base}${balancePath}`, { headers })],
      [
        'score save fragment (bare c.html)',
        await fetch(`${base}${balancePath}/scores`, { method: 'POST', headers: { ...headers, ...htmx, ...form }, body: score('2') }),
      ],
      ['refused score fragment', await fetch(`${base}${balancePath}/scores`, { method: 'POST', headers: { ...headers, ...htmx, ...form }, body: score('7') })],
      ['not found page', await fetch(`${base}/households/999999`, { headers })],
    ];
    for (const [what, res] of answers) {
      await res.arrayBuffer();
      expect(res.headers.get('Cache-Control') ?? '(none)', `${what} (${res.status})`).toMatch(/no-store/);
    }
    // The save fragment was big enough to be compressed: the header survived the re-wrap.
    expect(answers[2]![1].status).toBe(200);
    expect(answers[2]![1].headers.get('Content-Encoding')).toBe('gzip');
  } finally {
    await new Promise((r) => server.close(r));
  }
});
