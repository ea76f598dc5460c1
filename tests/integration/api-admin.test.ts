import { beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import { accessToken, tokenRequest } from '../support/api.js';
import * as fx from '../support/fixtures.js';

// /admin/api-clients: registering, changing, renewing and revoking API clients.

let t: TestApp;
let org: number;
let team: number;
let cookie: string;

const clients = () => t.db.selectFrom('api_client').selectAll().orderBy('id').execute();
const audit = (action: string) => t.db.selectFrom('audit_event').select(['actor_user_id', 'target_id', 'api_client_id']).where('action', '=', action).execute();

const form = (over: Record<string, string | string[]> = {}) => ({
  name: 'Cevi-koppeling',
  scopes: ['households:read', 'balances:read'],
  team: '',
  ip_allow_list: '',
  rate_limit: '120',
  ...over,
});

beforeEach(async () => {
  t = await makeTestApp();
  org = await t.organisation('OCMW A');
  team = await t.team(org, 'Team Noord');
  const admin = await t.user(org, { email: 'beheer@a.be', name: 'Bea Beheer', isAdmin: true });
  cookie = await t.sessionCookie(admin);
});

describe('registering an API client', () => {
  it('shows the client id and the secret once (uncompressed, not stored), keeps only an argon2 hash, and audits it', async () => {
    const res = await t.request('/admin/api-clients', {
      cookie,
      form: form({ team: String(team), ip_allow_list: '10.0.0.0/8\n192.0.2.1/32', rate_limit: '60' }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('Cache-Control')).toBe('no-store, no-transform');
    const html = await res.text();
    const clientId = /id="field-client-id" value="(sbc_[a-z2-9]{20})"/.exec(html)![1]!;
    const secret = /id="field-client-secret" value="(sbs_[a-z2-9]{40})"/.exec(html)![1]!;
    const [row] = await clients();
    expect(row).toMatchObject({
      client_id: clientId,
      name: 'Cevi-koppeling',
      scopes: 'households:read balances:read',
      team_id: team,
      ip_allow_list: '10.0.0.0/8\n192.0.2.1',
      rate_limit_per_minute: 60,
    });
    expect(row!.secret_hash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(await audit('api_client.created')).toEqual([expect.objectContaining({ target_id: String(row!.id) })]);
    // The credentials work, from the addresses allowed (a request without a known address is not one).
    expect((await tokenRequest(t, { grant_type: 'client_credentials' }, { clientId, clientSecret: secret })).status).toBe(403);
    await t.db.updateTable('api_client').set({ ip_allow_list: null }).execute();
    expect((await tokenRequest(t, { grant_type: 'client_credentials' }, { clientId, clientSecret: secret })).status).toBe(200);
    // The list shows it, never the secret.
    const list = await (await t.request('/admin/api-clients', { cookie })).text();
    expect(list).toContain('Cevi-koppeling');
    expect(list).toContain(clientId);
    expect(list).not.toContain(secret);
  });

  it.each([
    ['no name', { name: '  ' }, 'Geef de koppeling een naam.'],
    ['no scope', { scopes: [] }, 'Vink minstens één recht aan.'],
    ['an unknown scope', { scopes: ['households:read', 'everything'] }, 'Kies alleen rechten uit de lijst.'],
    ['PDFs without remarks', { scopes: ['households:read', 'documents:read'] }, 'Een PDF bevat de opmerkingen'],
    ['writing without reading', { scopes: ['households:write'] }, 'moet ze ook mogen opzoeken'],
    ['a team of another organisation', { team: '999' }, 'Kies een team uit de lijst.'],
    ['a line that is no address', { ip_allow_list: '10.0.0.1\nintranet.ocmw.be' }, 'Dit is geen IP-adres of reeks: intranet.ocmw.be.'],
    ['a range with a wrong prefix', { ip_allow_list: '10.0.0.0/33' }, 'Dit is geen IP-adres of reeks: 10.0.0.0/33.'],
    ['a rate of zero', { rate_limit: '0' }, 'Geef een getal van 1 tot 6000.'],
    ['a rate that is no number', { rate_limit: 'veel' }, 'Geef een getal van 1 tot 6000.'],
  ])('refuses %s with 422 and a message; nothing is written', async (_name, over, message) => {
    const res = await t.request('/admin/api-clients', { cookie, form: form(over as Record<string, string | string[]>) });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(message);
    expect(html).toMatch(/<title>Fout: /);
    expect(await clients()).toEqual([]);
    expect(await audit('api_client.created')).toEqual([]);
  });

  it('refuses a second active client with the same name', async () => {
    await fx.apiClient(t.db, t.now(), org, { name: 'Cevi-koppeling' });
    const res = await t.request('/admin/api-clients', { cookie, form: form() });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Er is al een actieve koppeling met deze naam.');
    expect(await clients()).toHaveLength(1);
  });
});

describe('an existing API client', () => {
  it('saves new scopes, team, addresses and limit at the revision the administrator saw', async () => {
    const cred = await fx.apiClient(t.db, t.now(), org);
    const res = await t.request(`/admin/api-clients/${cred.id}`, {
      cookie,
      form: form({ name: 'Sierra', scopes: ['catalogue:read'], team: String(team), ip_allow_list: '2001:db8::/32', rate_limit: '30', revision: '0' }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/admin/api-clients/${cred.id}?saved=1`);
    const [row] = await clients();
    expect(row).toMatchObject({
      name: 'Sierra',
      scopes: 'catalogue:read',
      team_id: team,
      ip_allow_list: '2001:db8::/32',
      rate_limit_per_minute: 30,
      revision: 1,
    });
    expect(await audit('api_client.updated')).toHaveLength(1);
    // Saving the same again changes nothing and writes no row.
    await t.request(`/admin/api-clients/${cred.id}`, {
      cookie,
      form: form({ name: 'Sierra', scopes: ['catalogue:read'], team: String(team), ip_allow_list: '2001:db8::/32', rate_limit: '30', revision: '1' }),
    });
    expect(await audit('api_client.updated')).toHaveLength(1);
  });

  it('detects a concurrent change: 409, the stored values shown, what was typed kept, nothing overwritten', async () => {
    const cred = await fx.apiClient(t.db, t.now(), org);
    await t.request(`/admin/api-clients/${cred.id}`, { cookie, form: form({ name: 'Eerste', revision: '0' }) });
    const res = await t.request(`/admin/api-clients/${cred.id}`, { cookie, form: form({ name: 'Tweede', revision: '0' }) });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('Iemand anders wijzigde deze koppeling');
    expect(html).toContain('value="Tweede"');
    expect(html).toContain('name="revision" value="1"');
    expect((await clients())[0]!.name).toBe('Eerste');
  });

  it('makes a new secret: the old secret and its tokens stop at once, audited', async () => {
    const cred = await fx.apiClient(t.db, t.now(), org);
    await accessToken(t, cred);
    const res = await t.request(`/admin/api-clients/${cred.id}/secret`, { cookie, form: {} });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Nieuw geheim gemaakt');
    expect(await t.db.selectFrom('api_token').selectAll().execute()).toEqual([]);
    expect((await tokenRequest(t, { grant_type: 'client_credentials' }, cred)).status).toBe(401);
    expect(await audit('api_client.secret_rotated')).toHaveLength(1);
  });

  it('revokes it for good: no tokens, no changes, still listed', async () => {
    const cred = await fx.apiClient(t.db, t.now(), org);
    await accessToken(t, cred);
    const res = await t.request(`/admin/api-clients/${cred.id}/revocation`, { cookie, form: {} });
    expect(res.status).toBe(303);
    expect(await t.db.selectFrom('api_token').selectAll().execute()).toEqual([]);
    expect((await clients())[0]!.revoked_at).toBe(t.now());
    expect(await audit('api_client.revoked')).toHaveLength(1);
    expect((await t.request(`/admin/api-clients/${cred.id}`, { cookie, form: form({ name: 'Weer', revision: '1' }) })).status).toBe(409);
    expect((await t.request(`/admin/api-clients/${cred.id}/secret`, { cookie, form: {} })).status).toBe(409);
    expect((await clients())[0]!.name).toBe('Cliëntdossier');
    const list = await (await t.request('/admin/api-clients', { cookie })).text();
    expect(list).toContain('Ingetrokken op');
  });

  it("another organisation's client is a 404 on every route, and changes nothing", async () => {
    const other = await t.organisation('OCMW B');
    const cred = await fx.apiClient(t.db, t.now(), other);
    for (const [path, init] of [
      [`/admin/api-clients/${cred.id}`, {}],
      [`/admin/api-clients/${cred.id}`, { form: form({ revision: '0' }) }],
      [`/admin/api-clients/${cred.id}/secret`, { form: {} }],
      [`/admin/api-clients/${cred.id}/revocation`, { form: {} }],
    ] as const) {
      expect((await t.request(path, { cookie, ...init })).status, path).toBe(404);
    }
    expect((await clients())[0]).toMatchObject({ name: 'Cliëntdossier', revision: 0, revoked_at: null });
  });
});
