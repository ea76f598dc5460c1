import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPLAY_BUDGET_BYTES } from '../../src/auth/replay.js';
import { countRows, makeTestApp, type TestApp } from '../support/app.js';

// A form posted after the session ended is carried through the sign-in page (base64 in a hidden
// field) so nothing typed is lost, but only up to a budget: a bigger body is not echoed back.

let t: TestApp;
const GOOD_PASSWORD = 'paarse olifant fietst traag';
beforeEach(async () => {
  t = await makeTestApp();
  await t.user(await t.organisation(), { email: 'marie@ocmw.be', password: GOOD_PASSWORD });
});
afterEach(async () => {
  await t.close();
});

const payloadIn = (html: string) => /name="replay_payload" value="([^"]*)"/.exec(html)?.[1];

describe('replay of a form sent after the session ended', () => {
  it('carries a form within the budget', async () => {
    const remark = 'Woont sinds maart bij haar zus. '.repeat(1000); // ~32 KB, ~43 KB as base64
    const res = await t.request('/account/language', { form: { locale: 'fr', remark } });
    expect(res.status).toBe(401);
    const payload = payloadIn(await res.text());
    expect(payload).toBeDefined();
    expect(payload!.length).toBeLessThanOrEqual(REPLAY_BUDGET_BYTES);
  });

  it.each([
    ['nl', 'nl-BE', 'het was te groot om hier te bewaren'],
    ['fr', 'fr-BE', 'il était trop volumineux pour être conservé ici'],
    ['en', 'en-GB', 'it was too large to keep here'],
  ])('drops a form over the budget and says so (%s)', async (_l, language, text) => {
    const remark = 'x'.repeat(REPLAY_BUDGET_BYTES); // base64 makes it a third larger still
    const res = await t.request('/account/language', {
      form: { locale: 'fr', remark },
      headers: { 'Accept-Language': language, Referer: 'http://localhost:3000/account' },
    });
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain(text);
    expect(payloadIn(html)).toBeUndefined();
    expect(html).not.toContain('x'.repeat(100));
    expect(html.length).toBeLessThan(REPLAY_BUDGET_BYTES / 4);
    // Back to the page the form came from after signing in; nothing was saved.
    expect(html).toContain('name="next" value="/account"');
    expect(await t.db.selectFrom('app_user').select('locale').executeTakeFirstOrThrow()).toEqual({ locale: 'nl' });
  });

  it('does not echo a replay payload over the budget sent to the sign-in form', async () => {
    const payload = 'A'.repeat(REPLAY_BUDGET_BYTES + 1);
    const wrong = await t.request('/signin', {
      form: { email: 'marie@ocmw.be', password: 'verkeerd wachtwoord 1', replay_action: '/account/language', replay_payload: payload },
    });
    expect(wrong.status).toBe(422);
    expect(payloadIn(await wrong.text())).toBeUndefined();
    const ok = await t.request('/signin', {
      form: { email: 'marie@ocmw.be', password: GOOD_PASSWORD, replay_action: '/account/language', replay_payload: payload },
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('Location')).toBe('/');
    expect(await countRows(t, 'user_session')).toBe(1);
  });
});
