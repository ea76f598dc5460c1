import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import * as fx from '../support/fixtures.js';
import { messagesFor } from '../../src/i18n/index.js';

const nl = messagesFor('nl');

// Decision 021 (docs/one-way.md): a full-page POST that worked opens its page with the success
// NotificationBanner (focused, role="alert"), never a role="status" paragraph. One request per page,
// with the marker its POST redirects to.

let t: TestApp;
let admin: string;
let worker: string;
let paths: { household: number; member: number; balance: number; gpmi: number; apiClient: number };

beforeEach(async () => {
  t = await makeTestApp();
  const org = await t.organisation();
  const team = await t.team(org, 'Team Noord');
  const adminId = await t.user(org, { email: 'beheer@ocmw.be', name: 'Bea Beheer', isAdmin: true });
  const workerId = await t.user(org, { email: 'wout@ocmw.be', name: 'Wout Werker', teams: [{ teamId: team, role: 'worker' }] });
  admin = await t.sessionCookie(adminId);
  worker = await t.sessionCookie(workerId);
  const scope = await fx.scopeOf(t.db, workerId);
  await fx.clientLanguageOn(t.db, t.now(), await fx.scopeOf(t.db, adminId), 'ar');
  const h = await fx.household(t.db, t.now(), scope, { dossierRef: 'D1', members: [{ firstName: 'Sara', lastName: 'Peeters' }] });
  const balance = await fx.balance(t.db, t.now(), scope, h.id, { takenOn: '2026-11-20', finalise: false });
  const gpmi = await fx.gpmi(t.db, t.now(), scope, h.id, {
    balanceId: balance,
    memberId: h.members[0]!,
    startOn: '2026-12-01',
    agreements: [{ domainKey: 'verblijfplaats', text: 'Een woning zoeken.' }],
  });
  const apiClient = (await fx.apiClient(t.db, t.now(), org)).id;
  paths = { household: h.id, member: h.members[0]!, balance, gpmi, apiClient };
});
afterEach(async () => t.close());

async function expectBanner(path: string, cookie: string, message: string) {
  const res = await t.request(path, { cookie });
  expect(res.status, path).toBe(200);
  const html = await res.text();
  const banner = /<div class="notification-banner" role="alert"[^>]*data-focus-on-load[^>]*>([\s\S]*?)<\/div>\s*<\/div>/.exec(html);
  expect(banner?.[1], path).toContain(message);
  // The layout's one live region is the only role="status" (docs/one-way.md).
  expect(html.match(/role="status"/g), path).toHaveLength(1);
  expect(html, path).toContain('<div id="live-region" class="live-region" role="status"');
}

describe('success after a full-page POST: the notification banner', () => {
  it('on the API client and single sign-on administration pages', async () => {
    await expectBanner('/admin/api-clients?saved=revoked', admin, 'De koppeling is ingetrokken.');
    await expectBanner(`/admin/api-clients/${paths.apiClient}?saved=1`, admin, 'De wijzigingen zijn opgeslagen.');
    await expectBanner('/admin/sso?saved=1', admin, 'De instellingen zijn opgeslagen.');
  });

  it('on the client-language administration pages', async () => {
    const t_ = nl.clientVoice.admin;
    await expectBanner('/translations?done=saved', admin, t_.saved);
    await expectBanner('/translations/ar?done=on', admin, t_.shownOn);
  });

  it('on the figures settings and the living wage', async () => {
    const m = nl.figures;
    await expectBanner('/figures/settings?saved=1', admin, m.settings.saved);
    await expectBanner(`/households/${paths.household}/members/${paths.member}/living-wage?saved=1`, worker, m.livingWage.saved);
  });

  it('on the worker’s client-voice page and the GPMI texts in the client’s language', async () => {
    const m = nl.clientVoice;
    await expectBanner(`/households/${paths.household}/balances/${paths.balance}/client-voice?done=revoked`, worker, m.revoked);
    await expectBanner(`/households/${paths.household}/gpmis/${paths.gpmi}/client-language?lang=ar&saved=1`, worker, m.gpmi.saved);
  });
});
