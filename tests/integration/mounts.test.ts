import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';

// Each resource is a sub-app under its own prefix (src/app.ts): its middleware runs for its own
// paths and never for a sibling's. Were admin mounted at "/" with an unfiltered requireAdmin, a
// worker would be refused their own caseload; were account's requireUser to run for /signin, the
// sign-in page would send a visitor to itself.

let t: TestApp;
let worker: string;
let admin: string;

const deniedRows = async () =>
  (await t.db.selectFrom('audit_event').select(['action', 'target_id']).where('action', '=', 'access.denied').execute()).map((r) => r.target_id);

beforeAll(async () => {
  t = await makeTestApp();
  const org = await t.organisation();
  const team = await t.team(org, 'Team Noord');
  worker = await t.sessionCookie(await t.user(org, { email: 'worker@a.be', teams: [{ teamId: team, role: 'worker' }] }));
  admin = await t.sessionCookie(await t.user(org, { email: 'admin@a.be', isAdmin: true }));
});
afterAll(() => t.close());

describe('a sub-app under its own prefix', () => {
  it("runs requireAdmin for its own paths: a worker is refused /admin and the catalogue's draft, and that is audited", async () => {
    expect((await t.request('/admin/users', { cookie: worker })).status).toBe(403);
    expect((await t.request('/catalogue/draft', { cookie: worker })).status).toBe(403);
    expect(await deniedRows()).toEqual(['/admin/*', '/catalogue/draft']);
  });

  it("does not run requireAdmin for a sibling's paths: the worker reaches the caseload, the account and the catalogue, nothing refused", async () => {
    const before = await deniedRows();
    for (const path of ['/households', '/account', '/catalogue', '/catalogue/versions', '/']) {
      const res = await t.request(path, { cookie: worker });
      expect(res.status, path).toBe(200);
    }
    expect(await deniedRows()).toEqual(before);
  });

  it('does not run requireUser of account, admin or catalogue for the sign-in pages: a visitor gets them, not a redirect', async () => {
    for (const path of ['/signin', '/password/forgotten']) {
      const res = await t.request(path);
      expect(res.status, path).toBe(200);
    }
    // and requireUser does run for the account's own paths
    const account = await t.request('/account');
    expect(account.status).toBe(303);
    expect(account.headers.get('Location')).toBe('/signin?next=%2Faccount');
  });

  it('keeps every public URL: the administrator reaches /admin (redirected to its users), /admin/users and the catalogue draft', async () => {
    const root = await t.request('/admin', { cookie: admin });
    expect(root.status).toBe(303);
    expect(root.headers.get('Location')).toBe('/admin/users');
    expect((await t.request('/admin/users', { cookie: admin })).status).toBe(200);
    expect((await t.request('/catalogue/draft', { cookie: admin })).status).toBe(200);
    expect((await t.request('/catalogue/import', { cookie: admin })).status).toBe(200);
  });
});
