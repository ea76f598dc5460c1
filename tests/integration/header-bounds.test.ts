import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import * as fx from '../support/fixtures.js';
import { EMPTY_CELL, fingerprint } from '../../src/balances/logic.js';
import { boundedLocation } from '../../src/http/htmx.js';

// A request value that ends up in a response header (Location, HX-Redirect) is bounded: a 100 kB
// form field must never become a 100 kB header, which a reverse proxy answers with a 502 for a
// save that did happen.

const HUGE = 'x'.repeat(100_000);
const SHORT = 1024;
const PASSWORD = 'lange-zin-als-wachtwoord-42';

let t: TestApp;
let org: number;
let team: number;
let worker: number;
let cookie: string;

beforeEach(async () => {
  t = await makeTestApp();
  org = await t.organisation('OCMW Koppen');
  team = await t.team(org, 'Team Noord');
  worker = await t.user(org, { email: 'w@ocmw.be', name: 'Wendy', password: PASSWORD, teams: [{ teamId: team, role: 'worker' }] });
  cookie = await t.sessionCookie(worker);
});
afterEach(async () => {
  await t.close();
});

async function draftBalance() {
  const h = await fx.household(t.db, t.now(), await fx.scopeOf(t.db, worker), { members: [{ firstName: 'Sara', lastName: 'Peeters', birthYear: 1985 }] });
  const res = await t.request(`/households/${h.id}/balances`, { cookie, form: { takenOn: '2026-11-20', method: 'samen' } });
  return { household: h.id, balance: Number(/balances\/(\d+)$/.exec(res.headers.get('Location')!)![1]) };
}

const cell = (s: string) => ({
  'v.h.verblijfplaats': '0',
  'o.h.verblijfplaats': fingerprint(EMPTY_CELL),
  's.h.verblijfplaats': s,
  'r.h.verblijfplaats': '',
  'c.h.verblijfplaats': '',
});

describe('request values in headers are bounded', () => {
  it('a balance save (JS off) with 100 kB step and go fields: saved, 303 back to the editor with a short Location', async () => {
    const { household, balance } = await draftBalance();
    const res = await t.request(`/households/${household}/balances/${balance}/scores`, { cookie, form: { step: HUGE, go: HUGE, ...cell('3') } });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/households/${household}/balances/${balance}?saved=1`);
    const row = await t.db.selectFrom('balance_score').select(['score']).where('balance_id', '=', balance).executeTakeFirstOrThrow();
    expect(row.score).toBe(3);
  });

  it('a real step still brings the user back to that step, or on to the step asked for', async () => {
    const { household, balance } = await draftBalance();
    const res = await t.request(`/households/${household}/balances/${balance}/scores`, { cookie, form: { step: 'h:huishouden-wonen', ...cell('2') } });
    expect(res.headers.get('Location')).toBe(`/households/${household}/balances/${balance}?step=h%3Ahuishouden-wonen&saved=1#step`);
    const on = await t.request(`/households/${household}/balances/${balance}/scores`, {
      cookie,
      form: { step: 'h:huishouden-wonen', go: 'h:huishouden-veiligheid', ...cell('2') },
    });
    expect(on.headers.get('Location')).toBe(`/households/${household}/balances/${balance}?step=h%3Ahuishouden-veiligheid#step`);
  });

  it('signing in with a 100 kB "next": signed in, 303 to the home page', async () => {
    const res = await t.request('/signin', { form: { email: 'w@ocmw.be', password: PASSWORD, next: `/households?q=${HUGE}` } });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('sb_session='))).toBe(true);
  });

  it('a signed-out GET of a 100 kB URL: to the sign-in page with a short Location', async () => {
    const res = await t.request(`/households?q=${HUGE}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')!.length).toBeLessThan(SHORT);
    expect(res.headers.get('Location')).toBe('/signin?next=%2F');
  });

  it('a signed-out htmx request with a 100 kB Referer: HX-Redirect stays short', async () => {
    const res = await t.request('/households/1/balances/1/scores', {
      method: 'POST',
      htmx: true,
      form: {},
      headers: { Referer: `http://localhost:3000/${HUGE}` },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('HX-Redirect')!.length).toBeLessThan(SHORT);
  });

  it('no header of any of these answers is long', async () => {
    const { household, balance } = await draftBalance();
    const answers = [
      await t.request(`/households/${household}/balances/${balance}/scores`, { cookie, form: { step: HUGE, ...cell('4') } }),
      await t.request(`/households/${household}/balances/${balance}/scores`, { cookie, htmx: true, form: { step: HUGE, go: HUGE, ...cell('5') } }),
      await t.request('/signin', { form: { email: 'w@ocmw.be', password: PASSWORD, next: `/${HUGE}` } }),
    ];
    for (const res of answers) for (const [name, value] of res.headers) expect(value.length, name).toBeLessThan(SHORT);
  });
});

describe('boundedLocation (the last line of defence in redirectAfterPost)', () => {
  it('keeps a normal location, drops an over-long query or fragment, and falls back to /', () => {
    expect(boundedLocation('/households/7?saved=details#x')).toBe('/households/7?saved=details#x');
    expect(boundedLocation(`/households/7?saved=${HUGE}`)).toBe('/households/7');
    expect(boundedLocation(`/households/7#${HUGE}`)).toBe('/households/7');
    expect(boundedLocation(`/${HUGE}`)).toBe('/');
  });
});
