import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { createLogger } from '../../src/http/logger.js';
import { ORIGIN, sessionCookieFrom, type TestApp } from '../support/app.js';
import { accessToken, apiGet } from '../support/api.js';
import * as fx from '../support/fixtures.js';
import { openSharedTestDatabases } from '../support/test-database.js';

// Several app processes serve one database (WEB_PROCESSES on one SQLite file; several processes on
// several machines on one PostgreSQL database) and a user's requests land on any of them. Two app
// instances, each with its own connection(s) and its own memory, take turns: what one of them
// decided (a session, a sign-out, the API's rate limit) holds in the other. Runs on both databases.

const PASSWORD = 'paarse olifant fietst traag';
let now = Date.UTC(2026, 10, 22, 9, 0, 0);
let close: () => Promise<void>;
let apps: [ReturnType<typeof createApp>, ReturnType<typeof createApp>];
let db: TestApp['db'];
let org: number;

beforeEach(async () => {
  const shared = await openSharedTestDatabases(2);
  close = shared.close;
  db = shared.dbs[0]!;
  const config = testConfig({ publicOrigin: ORIGIN });
  const [a, b] = shared.dbs.map((one) => createApp({ db: one, config, logger: createLogger('silent'), now: () => now }));
  apps = [a!, b!];
  org = await fx.organisation(db, now);
  const team = await fx.team(db, now, org, 'Team Noord');
  await fx.user(db, now, org, { email: 'marie@ocmw.be', password: PASSWORD, teams: [{ teamId: team, role: 'worker' }] });
});
afterEach(async () => {
  await close();
});

/** A request to instance `i` as a browser on our own site sends it. */
function request(i: 0 | 1, path: string, init: { cookie?: string; form?: Record<string, string> } = {}) {
  const headers = new Headers();
  if (init.cookie) headers.set('Cookie', init.cookie);
  if (!init.form) return apps[i].request(path, { headers });
  headers.set('Origin', ORIGIN);
  headers.set('Content-Type', 'application/x-www-form-urlencoded');
  return apps[i].request(path, { method: 'POST', headers, body: new URLSearchParams(init.form).toString() });
}

describe('two app instances on one database', () => {
  it('a session made by one is valid on the other, and a sign-out on the other ends it on both', async () => {
    const signedIn = await request(0, '/signin', { form: { email: 'marie@ocmw.be', password: PASSWORD } });
    expect(signedIn.status).toBe(303);
    const cookie = sessionCookieFrom(signedIn)!;
    expect(cookie).toBeDefined();
    for (const i of [1, 0, 1] as const) expect((await request(i, '/account', { cookie })).status, `instance ${i}`).toBe(200);

    expect((await request(1, '/signout', { cookie, form: {} })).status).toBe(303);
    for (const i of [0, 1] as const) {
      const after = await request(i, '/account', { cookie });
      expect(after.status, `instance ${i}`).toBe(303);
      expect(after.headers.get('Location')).toMatch(/^\/signin/);
    }
  });

  it("a session's idle time is kept in the database: activity on one keeps it alive on the other", async () => {
    const cookie = sessionCookieFrom(await request(0, '/signin', { form: { email: 'marie@ocmw.be', password: PASSWORD } }))!;
    // 20 minutes apart, alternating: never 30 minutes idle, though each instance alone saw 40.
    for (const i of [1, 0, 1, 0] as const) {
      now += 20 * 60_000;
      expect((await request(i, '/account', { cookie })).status, `instance ${i}`).toBe(200);
    }
    now += 31 * 60_000;
    expect((await request(1, '/account', { cookie })).status).toBe(303);
  });

  it("the API's per-client rate limit counts the calls made through both", async () => {
    const cred = await fx.apiClient(db, now, org, { rateLimitPerMinute: 4 });
    const token = await accessToken({ app: apps[0] } as TestApp, cred); // call 1
    const call = (i: 0 | 1) => apiGet({ app: apps[i] } as TestApp, '/api/v1/catalogue', token);
    expect((await call(1)).status).toBe(200); // 2
    expect((await call(0)).status).toBe(200); // 3
    expect((await call(1)).status).toBe(200); // 4
    expect((await call(0)).status).toBe(429);
    expect((await call(1)).status).toBe(429);
    now += 61_000;
    expect((await call(1)).status).toBe(200);
  });
});
