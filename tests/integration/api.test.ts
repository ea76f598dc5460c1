import { beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import { accessToken, apiGet, apiPost, auditRowsOf, basic, tokenRequest } from '../support/api.js';
import { readPdf } from '../support/pdf.js';
import * as fx from '../support/fixtures.js';
import type { UserScope } from '../../src/auth/scope.js';
import type { ClientCredentials } from '../../src/api/queries.js';
import {
  BalanceListSchema,
  BalanceSchema,
  CatalogueSchema,
  GpmiListSchema,
  GpmiSchema,
  HouseholdListSchema,
  HouseholdSchema,
  ProblemSchema,
  TokenResponseSchema,
} from '../../src/api/schemas.js';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue.js';

/** The secret with its last character changed (to one it is not: a secret may end in any letter). */
function wrongSecret(secret: string): string {
  return secret.slice(0, -1) + (secret.endsWith('x') ? 'y' : 'x');
}

// The API through the real app: tokens, every route, every refusal. Each answer is also checked
// against the schema the OpenAPI document publishes for it, so the document cannot promise
// what the API does not send.

let t: TestApp;
let org: number;
let teamA: number;
let teamB: number;
let worker: UserScope;
let household: { id: number; members: number[] };
let balanceId: number;
let gpmiId: number;

const anchor = (key: string, score: number, lang: 'nl' | 'fr' | 'en' = 'nl') =>
  defaultCatalogue.themes.flatMap((th) => th.domains).find((d) => d.key === key)!.anchors[score - 1]![lang];

async function problemOf(res: Response) {
  expect(res.headers.get('Content-Type')).toBe('application/problem+json');
  return ProblemSchema.parse(await res.json());
}

const count = async (table: 'api_token' | 'household' | 'household_member' | 'api_client') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeEach(async () => {
  t = await makeTestApp();
  org = await t.organisation('OCMW A');
  teamA = await t.team(org, 'Team Noord');
  teamB = await t.team(org, 'Team Zuid');
  const workerId = await t.user(org, {
    email: 'w@a.be',
    name: 'Wendy Maes',
    teams: [
      { teamId: teamA, role: 'worker' },
      { teamId: teamB, role: 'worker' },
    ],
  });
  worker = await fx.scopeOf(t.db, workerId);
  household = await fx.household(t.db, t.now(), worker, {
    teamId: teamA,
    dossierRef: 'D-100',
    assignedUserId: workerId,
    members: [{ firstName: 'Sara', lastName: 'Peeters', birthYear: 1985 }],
  });
  const member = household.members[0]!;
  balanceId = await fx.finalisedBalance(t.db, t.now(), worker, household.id, {
    takenOn: '2026-11-01',
    participants: [member],
    scores: {
      'h.verblijfplaats': { score: 2, clientScore: 3, remark: 'Woont tijdelijk bij haar zus.' },
      'h.veiligheid': { score: 1, remark: 'GEVOELIG: politie kwam langs.' },
      [`m${member}.mobiliteit`]: 4,
    },
  });
  gpmiId = await fx.gpmi(t.db, t.now(), worker, household.id, {
    balanceId,
    startOn: '2026-11-15',
    agreements: [
      { domainKey: 'verblijfplaats', text: 'Een woning zoeken' },
      { domainKey: 'veiligheid', text: 'GEVOELIG: contact met het CAW' },
    ],
    signed: { on: '2026-11-15', clientName: 'Sara Peeters' },
  });
});

describe('the token endpoint', () => {
  it('gives a 15-minute Bearer token for the client id and secret (HTTP Basic), stored only as a hash, and audits it', async () => {
    const cred = await fx.apiClient(t.db, t.now(), org);
    const res = await tokenRequest(t, { grant_type: 'client_credentials' }, cred);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const body = TokenResponseSchema.parse(await res.json());
    expect(body.expires_in).toBe(900);
    expect(body.token_type).toBe('Bearer');
    const [id, secret] = body.access_token.split('.') as [string, string];
    const row = await t.db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.expires_at - t.now()).toBe(15 * 60_000);
    expect(Buffer.from(row.secret_hash).toString('utf8')).not.toContain(secret);
    const client = await t.db.selectFrom('api_client').select(['secret_hash']).executeTakeFirstOrThrow();
    expect(client.secret_hash).toMatch(/^\$argon2id\$/);
    expect(client.secret_hash).not.toContain(cred.clientSecret);
    expect(await auditRowsOf(t, res)).toEqual([
      expect.objectContaining({
        action: 'api.token_issued',
        organisation_id: org,
        api_client_id: cred.id,
        actor_user_id: null,
        route: 'POST /api/oauth/token',
      }),
    ]);
  });

  it('also takes the id and secret in the form, and narrows the token to the scopes asked', async () => {
    const cred = await fx.apiClient(t.db, t.now(), org);
    const res = await tokenRequest(t, {
      grant_type: 'client_credentials',
      client_id: cred.clientId,
      client_secret: cred.clientSecret,
      scope: 'catalogue:read',
    });
    expect(res.status).toBe(200);
    const { access_token, scope } = TokenResponseSchema.parse(await res.json());
    expect(scope).toBe('catalogue:read');
    expect((await apiGet(t, '/api/v1/catalogue', access_token)).status).toBe(200);
    expect((await apiGet(t, `/api/v1/households/${household.id}`, access_token)).status).toBe(403);
  });

  it.each([
    ['a wrong secret', (c: ClientCredentials) => ({ ...c, clientSecret: wrongSecret(c.clientSecret) }), 401, 'invalid-client', 'invalid_client'],
    ['an unknown client id', (c: ClientCredentials) => ({ ...c, clientId: 'sbc_aaaaaaaaaaaaaaaaaaaa' }), 401, 'invalid-client', 'invalid_client'],
  ])('refuses %s with 401 and a problem document, and issues nothing', async (_name, change, status, type, error) => {
    const cred = await fx.apiClient(t.db, t.now(), org);
    const res = await tokenRequest(t, { grant_type: 'client_credentials' }, change(cred));
    expect(res.status).toBe(status);
    expect(res.headers.get('WWW-Authenticate')).toContain('Basic');
    const p = await problemOf(res);
    expect(p.type).toBe(`http://localhost:3000/api/reference#problem-${type}`);
    expect(p.error).toBe(error);
    expect(p.title).toBe('Koppeling niet herkend');
    expect(await count('api_token')).toBe(0);
    expect(await auditRowsOf(t, res)).toEqual([expect.objectContaining({ action: 'api.token_refused', outcome: 'denied' })]);
  });

  it('refuses another grant type, credentials sent twice, and scopes the client does not have, with 400', async () => {
    const cred = await fx.apiClient(t.db, t.now(), org, { scopes: ['catalogue:read'] });
    const cases: [Record<string, string>, boolean, string][] = [
      [{ grant_type: 'password' }, true, 'unsupported_grant_type'],
      [{ grant_type: 'client_credentials', client_id: cred.clientId, client_secret: cred.clientSecret }, true, 'invalid_request'],
      [{ grant_type: 'client_credentials', scope: 'balances:read' }, true, 'invalid_scope'],
      [{ grant_type: 'client_credentials', scope: 'catalogue:read everything' }, true, 'invalid_scope'],
    ];
    for (const [body, withBasic, error] of cases) {
      const res = await tokenRequest(t, body, withBasic ? cred : undefined);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await problemOf(res)).error).toBe(error);
    }
    expect(await count('api_token')).toBe(0);
  });

  it('answers a body that is not a token form (JSON, no grant type, a field twice) with invalid_request, audited', async () => {
    const cred = await fx.apiClient(t.db, t.now(), org);
    const post = (contentType: string, body: string) =>
      t.app.request('/api/oauth/token', { method: 'POST', headers: { 'Content-Type': contentType, Authorization: basic(cred) }, body });
    for (const [contentType, body] of [
      ['application/json', '{"grant_type":"client_credentials"}'],
      ['text/plain', 'grant_type=client_credentials'],
      ['application/x-www-form-urlencoded', ''],
      ['application/x-www-form-urlencoded', 'grant_type=client_credentials&grant_type=client_credentials'],
    ] as const) {
      const res = await post(contentType, body);
      expect(res.status, `${contentType} ${body}`).toBe(400);
      expect((await problemOf(res)).error).toBe('invalid_request');
      expect(await auditRowsOf(t, res)).toEqual([expect.objectContaining({ action: 'api.token_refused', route: 'POST /api/oauth/token' })]);
    }
    expect(await count('api_token')).toBe(0);
  });

  it('answers in the language asked for', async () => {
    const res = await tokenRequest(t, { grant_type: 'client_credentials', client_id: 'sbc_aaaaaaaaaaaaaaaaaaaa', client_secret: 'x' }, undefined, {
      'Accept-Language': 'fr-BE',
    });
    expect(res.headers.get('Content-Language')).toBe('fr-BE');
    expect((await problemOf(res)).title).toBe('Liaison non reconnue');
  });

  it('refuses a revoked client, and a secret that was rotated away', async () => {
    const cred = await fx.apiClient(t.db, t.now(), org);
    await t.db.updateTable('api_client').set({ revoked_at: t.now() }).where('id', '=', cred.id).execute();
    expect((await tokenRequest(t, { grant_type: 'client_credentials' }, cred)).status).toBe(401);
  });
});

describe('a call with a Bearer token', () => {
  it('without a token, with a made-up one, or with an expired one: 401 with a problem document, audited', async () => {
    const cred = await fx.apiClient(t.db, t.now(), org);
    const token = await accessToken(t, cred);
    const path = `/api/v1/households/${household.id}`;
    for (const bad of [null, 'nonsense', 'aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaa', token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a')]) {
      const res = await apiGet(t, path, bad);
      expect(res.status, String(bad)).toBe(401);
      expect(res.headers.get('WWW-Authenticate')).toBe('Bearer error="invalid_token"');
      expect((await problemOf(res)).status).toBe(401);
      expect(await auditRowsOf(t, res)).toEqual([
        expect.objectContaining({ action: 'api.unauthorized', outcome: 'denied', route: 'GET /api/v1/households/:householdId' }),
      ]);
    }
    expect((await apiGet(t, path, token)).status).toBe(200);
    t.advance(15 * 60_000);
    const expired = await apiGet(t, path, token);
    expect(expired.status).toBe(401);
    // The client is known (its token id), so the refusal shows in its organisation's audit log.
    expect(await auditRowsOf(t, expired)).toEqual([expect.objectContaining({ action: 'api.unauthorized', organisation_id: org, api_client_id: cred.id })]);
  });

  it('a session cookie is no credential for the API', async () => {
    const cookie = await t.sessionCookie(worker.userId);
    const res = await t.request(`/api/v1/households/${household.id}`, { cookie });
    expect(res.status).toBe(401);
  });

  it('stops working when the secret is rotated or the client revoked', async () => {
    const cred = await fx.apiClient(t.db, t.now(), org);
    const token = await accessToken(t, cred);
    const admin = await t.user(org, { email: 'beheer@a.be', isAdmin: true });
    const cookie = await t.sessionCookie(admin);
    const rotated = await t.request(`/admin/api-clients/${cred.id}/secret`, { form: {}, cookie });
    expect(rotated.status).toBe(200);
    expect((await apiGet(t, '/api/v1/catalogue', token)).status).toBe(401);
    expect((await tokenRequest(t, { grant_type: 'client_credentials' }, cred)).status).toBe(401);
    const secret = /id="field-client-secret" value="(sbs_[a-z2-9]+)"/.exec(await rotated.text())![1]!;
    const fresh = await accessToken(t, { ...cred, clientSecret: secret });
    expect((await apiGet(t, '/api/v1/catalogue', fresh)).status).toBe(200);
    expect((await t.request(`/admin/api-clients/${cred.id}/revocation`, { form: {}, cookie })).status).toBe(303);
    expect((await apiGet(t, '/api/v1/catalogue', fresh)).status).toBe(401);
  });

  it('a missing scope is a 403 before any id is looked at, and fewer scopes count at once', async () => {
    const cred = await fx.apiClient(t.db, t.now(), org, { scopes: ['households:read', 'catalogue:read'] });
    const token = await accessToken(t, cred);
    for (const path of [`/api/v1/households/${household.id}/balances/${balanceId}`, `/api/v1/households/999999/balances/1`]) {
      const res = await apiGet(t, path, token);
      expect(res.status, path).toBe(403);
      expect(res.headers.get('WWW-Authenticate')).toBe('Bearer error="insufficient_scope", scope="balances:read"');
      const p = await problemOf(res);
      expect(p.requiredScopes).toEqual(['balances:read']);
      expect(await auditRowsOf(t, res)).toEqual([expect.objectContaining({ action: 'access.denied', outcome: 'denied', api_client_id: cred.id })]);
    }
    expect((await apiGet(t, `/api/v1/households/${household.id}`, token)).status).toBe(200);
    await t.db.updateTable('api_client').set({ scopes: 'catalogue:read' }).where('id', '=', cred.id).execute();
    expect((await apiGet(t, `/api/v1/households/${household.id}`, token)).status).toBe(403);
  });

  it('from an address outside the allow-list: 403, at the token endpoint too', async () => {
    const t2 = await makeTestApp({ trustProxy: true });
    const o = await t2.organisation();
    const cred = await fx.apiClient(t2.db, t2.now(), o, { ipAllowList: '10.20.0.0/16\n2001:db8::1' });
    const from = (ip: string) => ({ 'X-Forwarded-For': ip });
    expect((await tokenRequest(t2, { grant_type: 'client_credentials' }, cred, from('192.0.2.7'))).status).toBe(403);
    const ok = await tokenRequest(t2, { grant_type: 'client_credentials' }, cred, from('10.20.3.4'));
    expect(ok.status).toBe(200);
    const token = ((await ok.json()) as { access_token: string }).access_token;
    expect((await apiGet(t2, '/api/v1/catalogue', token, from('10.20.3.4'))).status).toBe(200);
    expect((await apiGet(t2, '/api/v1/catalogue', token, from('2001:db8::1'))).status).toBe(200);
    const refused = await apiGet(t2, '/api/v1/catalogue', token, from('10.21.0.1'));
    expect(refused.status).toBe(403);
    expect((await problemOf(refused)).type).toContain('#problem-address-not-allowed');
    await t2.close();
  });

  it('someone who knows a client id and guesses secrets locks out their own address, never the client', async () => {
    const t2 = await makeTestApp({ trustProxy: true });
    try {
      const o = await t2.organisation();
      const cred = await fx.apiClient(t2.db, t2.now(), o, { ipAllowList: '10.20.0.0/16', rateLimitPerMinute: 5 });
      const from = (ip: string) => ({ 'X-Forwarded-For': ip });
      const wrong = { ...cred, clientSecret: wrongSecret(cred.clientSecret) };
      // Outside the allow-list and without the secret, a known id answers as an unknown one does.
      const unknown = await tokenRequest(t2, { grant_type: 'client_credentials' }, { ...cred, clientId: 'sbc_aaaaaaaaaaaaaaaaaaaa' }, from('192.0.2.9'));
      const known = await tokenRequest(t2, { grant_type: 'client_credentials' }, wrong, from('192.0.2.9'));
      expect([unknown.status, known.status]).toEqual([401, 401]);
      // Twenty more wrong secrets from that address (far over the client's 5 a minute) ...
      for (let i = 0; i < 20; i++) await tokenRequest(t2, { grant_type: 'client_credentials' }, wrong, from('192.0.2.9'));
      const locked = await tokenRequest(t2, { grant_type: 'client_credentials' }, cred, from('192.0.2.9'));
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(0);
      expect((await problemOf(locked)).detail).toContain('adres');
      // ... while the client itself, from its own address, gets its token and makes its calls.
      const ok = await tokenRequest(t2, { grant_type: 'client_credentials' }, cred, from('10.20.3.4'));
      expect(ok.status).toBe(200);
      const token = ((await ok.json()) as { access_token: string }).access_token;
      for (let i = 0; i < 4; i++) expect((await apiGet(t2, '/api/v1/catalogue', token, from('10.20.3.4'))).status).toBe(200);
      // The right secret from outside the allow-list learns why (403), from an address not locked.
      expect((await tokenRequest(t2, { grant_type: 'client_credentials' }, cred, from('198.51.100.3'))).status).toBe(403);
    } finally {
      await t2.close();
    }
  });

  it('over the per-client rate limit: 429 with Retry-After, until the earliest call leaves the minute', async () => {
    const cred = await fx.apiClient(t.db, t.now(), org, { rateLimitPerMinute: 3 });
    const other = await fx.apiClient(t.db, t.now(), org, { name: 'Ander pakket', rateLimitPerMinute: 3 });
    const token = await accessToken(t, cred); // 1
    expect((await apiGet(t, '/api/v1/catalogue', token)).status).toBe(200); // 2
    t.advance(10_000);
    expect((await apiGet(t, '/api/v1/catalogue', token)).status).toBe(200); // 3
    const limited = await apiGet(t, '/api/v1/catalogue', token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('50');
    expect((await problemOf(limited)).detail).toContain('3');
    expect(await auditRowsOf(t, limited)).toEqual([expect.objectContaining({ action: 'api.rate_limited', api_client_id: cred.id })]);
    // Per client: another client is not held back.
    expect((await apiGet(t, '/api/v1/catalogue', await accessToken(t, other))).status).toBe(200);
    t.advance(50_001);
    expect((await apiGet(t, '/api/v1/catalogue', token)).status).toBe(200);
  });
});

describe('reading client files', () => {
  let cred: ClientCredentials;
  let token: string;
  beforeEach(async () => {
    cred = await fx.apiClient(t.db, t.now(), org);
    token = await accessToken(t, cred);
  });

  it('finds households by dossier number, in pages with a cursor', async () => {
    const more = [];
    for (const ref of ['D-101', 'D-102']) more.push(await fx.household(t.db, t.now(), worker, { dossierRef: ref, members: [{ firstName: 'X' }] }));
    const one = HouseholdListSchema.parse(await (await apiGet(t, '/api/v1/households?dossierRef=D-101', token)).json());
    expect(one.items.map((h) => h.id)).toEqual([more[0]!.id]);
    expect(one.nextCursor).toBeNull();
    const ids: number[] = [];
    let next: string | null = '';
    while (next !== null) {
      const res = await apiGet(t, `/api/v1/households?limit=2${next ? `&cursor=${next}` : ''}`, token);
      const page = HouseholdListSchema.parse(await res.json());
      ids.push(...page.items.map((h) => h.id));
      next = page.nextCursor;
    }
    expect(ids).toEqual([household.id, more[0]!.id, more[1]!.id]);
    const bad = await apiGet(t, '/api/v1/households?cursor=bm9wZQ', token);
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).errors).toEqual([expect.objectContaining({ in: 'query', name: 'cursor' })]);
    const tooMany = await apiGet(t, '/api/v1/households?limit=1000', token);
    expect(tooMany.status).toBe(400);
    expect((await problemOf(tooMany)).errors).toEqual([expect.objectContaining({ in: 'query', name: 'limit', code: 'too_big' })]);
  });

  it('reads a household with its members, audited as the page is', async () => {
    const res = await apiGet(t, `/api/v1/households/${household.id}`, token);
    expect(res.status).toBe(200);
    const h = HouseholdSchema.parse(await res.json());
    expect(h).toMatchObject({ dossierRef: 'D-100', team: { id: teamA, name: 'Team Noord' }, assignedWorker: 'Wendy Maes' });
    expect(h.members).toEqual([expect.objectContaining({ firstName: 'Sara', lastName: 'Peeters', birthYear: 1985, adult: true })]);
    expect(await auditRowsOf(t, res)).toEqual([
      {
        action: 'household.viewed',
        organisation_id: org,
        actor_user_id: null,
        api_client_id: cred.id,
        route: 'GET /api/v1/households/:householdId',
        target_type: 'household',
        target_id: String(household.id),
        outcome: 'success',
      },
    ]);
  });

  it('reads a balance with every score, the anchor text it was scored against, the client’s score and (with the scope) the remarks', async () => {
    const list = BalanceListSchema.parse(await (await apiGet(t, `/api/v1/households/${household.id}/balances`, token)).json());
    expect(list.items.map((b) => b.id)).toEqual([balanceId]);
    const res = await apiGet(t, `/api/v1/households/${household.id}/balances/${balanceId}`, token);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Language')).toBe('nl-BE');
    const b = BalanceSchema.parse(await res.json());
    const cell = b.scores.find((s) => s.domainKey === 'verblijfplaats')!;
    expect(cell).toMatchObject({
      state: 'scored',
      score: 2,
      anchorText: anchor('verblijfplaats', 2),
      clientScore: 3,
      clientAnchorText: anchor('verblijfplaats', 3),
      remark: 'Woont tijdelijk bij haar zus.',
    });
    expect(b.scores.find((s) => s.subject === `m${household.members[0]}` && s.domainKey === 'mobiliteit')).toMatchObject({
      score: 4,
      anchorText: anchor('mobiliteit', 4),
    });
    // Domains not scored are there too, as "open" is not a score.
    expect(b.scores.find((s) => s.domainKey === 'schulden')).toMatchObject({ state: 'nb', score: null, anchorText: null });
    const fr = BalanceSchema.parse(
      await (await apiGet(t, `/api/v1/households/${household.id}/balances/${balanceId}`, token, { 'Accept-Language': 'fr' })).json(),
    );
    expect(fr.scores.find((s) => s.domainKey === 'verblijfplaats')!.anchorText).toBe(anchor('verblijfplaats', 2, 'fr'));
    expect(fr.language).toBe('fr');
  });

  it('leaves remarks, correction reasons and evaluation notes out without remarks:read', async () => {
    const narrow = await accessToken(t, cred, 'households:read balances:read gpmi:read sensitive:read');
    const b = await (await apiGet(t, `/api/v1/households/${household.id}/balances/${balanceId}`, narrow)).text();
    expect(b).not.toContain('remark');
    expect(b).not.toContain('Woont tijdelijk');
    const g = GpmiSchema.parse(await (await apiGet(t, `/api/v1/households/${household.id}/gpmis/${gpmiId}`, narrow)).json());
    expect(g.versions[0]!.agreements.length).toBe(2);
  });

  it('shows sensitive domains only with sensitive:read AND the organisation letting the whole team see them', async () => {
    const withScope = await accessToken(t, cred);
    const withoutScope = await accessToken(t, cred, 'households:read balances:read remarks:read gpmi:read');
    const read = async (tok: string) => BalanceSchema.parse(await (await apiGet(t, `/api/v1/households/${household.id}/balances/${balanceId}`, tok)).json());
    const readGpmi = async (tok: string) => GpmiSchema.parse(await (await apiGet(t, `/api/v1/households/${household.id}/gpmis/${gpmiId}`, tok)).json());

    // The organisation's default: the whole team sees them.
    const full = await read(withScope);
    expect(full.scores.find((s) => s.domainKey === 'veiligheid')).toMatchObject({ score: 1, sensitive: true });
    expect(full.hiddenSensitiveDomains).toBe(0);
    expect((await readGpmi(withScope)).versions[0]!.agreements.map((a) => a.domainKey)).toEqual(['verblijfplaats', 'veiligheid']);

    for (const [label, tok] of [['without the scope', withoutScope]] as const) {
      const b = await read(tok);
      expect(
        b.scores.some((s) => s.sensitive),
        label,
      ).toBe(false);
      expect(b.hiddenSensitiveDomains).toBeGreaterThan(0);
      const g = await readGpmi(tok);
      expect(g.versions[0]!.agreements.map((a) => a.domainKey)).toEqual(['verblijfplaats']);
      expect(g.versions[0]!.hiddenAgreements).toBe(1);
    }

    // Only the assigned worker and leads: an API client is neither, whatever its scopes.
    await t.db.updateTable('organisation').set({ sensitive_visibility: 'assigned' }).where('id', '=', org).execute();
    const shielded = await apiGet(t, `/api/v1/households/${household.id}/balances/${balanceId}`, withScope);
    const text = await shielded.text();
    expect(text).not.toContain('GEVOELIG');
    expect(BalanceSchema.parse(JSON.parse(text)).scores.some((s) => s.sensitive)).toBe(false);
    expect(JSON.stringify(await readGpmi(withScope))).not.toContain('GEVOELIG');
  });

  it('gives an ETag and answers 304 to If-None-Match when nothing changed, still audited', async () => {
    const path = `/api/v1/households/${household.id}/balances/${balanceId}`;
    const first = await apiGet(t, path, token);
    const tag = first.headers.get('ETag')!;
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    const again = await apiGet(t, path, token, { 'If-None-Match': tag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(await auditRowsOf(t, again)).toEqual([expect.objectContaining({ action: 'balance.viewed', outcome: 'success' })]);
    // A change makes a new tag.
    await fx.household(t.db, t.now(), worker, { members: [{ firstName: 'Y' }] });
    const listTag = (await apiGet(t, '/api/v1/households', token)).headers.get('ETag')!;
    await fx.household(t.db, t.now(), worker, { members: [{ firstName: 'Z' }] });
    expect((await apiGet(t, '/api/v1/households', token, { 'If-None-Match': listTag })).status).toBe(200);
  });

  it('reads the GPMIs, a GPMI with its versions and evaluations, and the evaluation notes with remarks:read', async () => {
    const version = await t.db.selectFrom('gpmi_version').select('id').where('gpmi_id', '=', gpmiId).executeTakeFirstOrThrow();
    const agreement = await t.db.selectFrom('gpmi_agreement').select('id').where('version_id', '=', version.id).orderBy('position').executeTakeFirstOrThrow();
    const { recordEvaluation } = await import('../../src/gpmi/queries.js');
    const { inTransaction } = await import('../../src/db/transaction.js');
    await inTransaction(t.db, (trx) =>
      recordEvaluation(
        trx,
        gpmiId,
        version.id,
        {
          heldOn: '2026-11-20',
          inPerson: true,
          balanceId: null,
          items: [{ agreementId: agreement.id, status: 'bijgestuurd', note: 'Nota: sneller zoeken.', shared: false }],
        },
        worker.userId,
        t.now(),
      ),
    );
    const list = GpmiListSchema.parse(await (await apiGet(t, `/api/v1/households/${household.id}/gpmis`, token)).json());
    expect(list.items).toEqual([
      expect.objectContaining({ id: gpmiId, state: 'signed', latestVersion: expect.objectContaining({ number: 1, status: 'signed' }) }),
    ]);
    const g = GpmiSchema.parse(await (await apiGet(t, `/api/v1/households/${household.id}/gpmis/${gpmiId}`, token)).json());
    expect(g.evaluations).toEqual([expect.objectContaining({ heldOn: '2026-11-20', inPerson: true, versionNumber: 1 })]);
    const a = g.versions[0]!.agreements[0]!;
    expect(a).toMatchObject({ text: 'Een woning zoeken', currentStatus: 'bijgestuurd', domainName: 'Verblijfplaats' });
    expect(a.evaluations).toEqual([expect.objectContaining({ status: 'bijgestuurd', note: 'Nota: sneller zoeken.' })]);
    const narrow = await accessToken(t, cred, 'gpmi:read');
    const without = GpmiSchema.parse(await (await apiGet(t, `/api/v1/households/${household.id}/gpmis/${gpmiId}`, narrow)).json());
    expect(without.versions[0]!.agreements[0]!.evaluations[0]).not.toHaveProperty('note');
  });

  it('downloads the PDFs of a balance and of a GPMI, audited as downloads', async () => {
    const res = await apiGet(t, `/api/v1/households/${household.id}/balances/${balanceId}/pdf`, token);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/pdf');
    expect(res.headers.get('Content-Disposition')).toContain('sociale-balans');
    const pdf = await readPdf(await res.arrayBuffer());
    expect(pdf.pages.join(' ')).toContain('Woont tijdelijk bij haar zus.');
    expect(await auditRowsOf(t, res)).toEqual([
      expect.objectContaining({ action: 'balance.pdf_downloaded', api_client_id: cred.id, target_id: String(balanceId) }),
    ]);
    const g = await apiGet(t, `/api/v1/households/${household.id}/gpmis/${gpmiId}/pdf?copy=file`, token);
    expect(g.status).toBe(200);
    expect(g.headers.get('Content-Disposition')).toContain('gpmi-dossierkopie');
    expect((await readPdf(await g.arrayBuffer())).pages.join(' ')).toContain('Een woning zoeken');
    expect((await apiGet(t, `/api/v1/households/${household.id}/gpmis/${gpmiId}/pdf?copy=other`, token)).status).toBe(400);
    expect((await apiGet(t, `/api/v1/households/${household.id}/gpmis/${gpmiId}/pdf?version=9`, token)).status).toBe(404);
  });

  it('reads the published catalogue and a version by id', async () => {
    const current = CatalogueSchema.parse(await (await apiGet(t, '/api/v1/catalogue', token)).json());
    expect(current.themes[0]!.domains[0]!.anchors).toHaveLength(5);
    const byId = await apiGet(t, `/api/v1/catalogue/versions/${current.id}`, token);
    expect(byId.status).toBe(200);
    expect(await auditRowsOf(t, byId)).toEqual([
      expect.objectContaining({ action: 'api.request', target_type: 'catalogue_version', target_id: String(current.id) }),
    ]);
    const otherOrg = await t.organisation('OCMW B');
    const foreign = await t.db.selectFrom('catalogue_version').select('id').where('organisation_id', '=', otherOrg).executeTakeFirstOrThrow();
    const denied = await apiGet(t, `/api/v1/catalogue/versions/${foreign.id}`, token);
    expect(denied.status).toBe(404);
    expect(await auditRowsOf(t, denied)).toEqual([expect.objectContaining({ action: 'access.denied', outcome: 'denied' })]);
  });

  it('a client restricted to one team reaches only that team’s client files', async () => {
    const other = await fx.household(t.db, t.now(), worker, { teamId: teamB, dossierRef: 'D-200', members: [{ firstName: 'B' }] });
    const teamOnly = await fx.apiClient(t.db, t.now(), org, { name: 'Alleen Noord', teamId: teamA });
    const tok = await accessToken(t, teamOnly);
    expect((await apiGet(t, `/api/v1/households/${household.id}`, tok)).status).toBe(200);
    const res = await apiGet(t, `/api/v1/households/${other.id}`, tok);
    expect(res.status).toBe(404);
    expect(await auditRowsOf(t, res)).toEqual([expect.objectContaining({ action: 'access.denied', api_client_id: teamOnly.id, target_id: String(other.id) })]);
    const list = HouseholdListSchema.parse(await (await apiGet(t, '/api/v1/households', tok)).json());
    expect(list.items.map((h) => h.id)).toEqual([household.id]);
  });
});

describe('find or create a household by dossier number', () => {
  const newHousehold = { dossierRef: 'D-900', teamId: 0, members: [{ firstName: 'Ahmed', lastName: 'Haddad', birthYear: 1979, role: 'aanvrager' }] };

  it('answers the existing household (200) without creating anything', async () => {
    const token = await accessToken(t, await fx.apiClient(t.db, t.now(), org));
    const before = await count('household');
    const res = await apiPost(t, '/api/v1/households', token, { dossierRef: 'D-100' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ created: false, household: { id: household.id } });
    expect(await count('household')).toBe(before);
  });

  it('creates a household (201) with households:write, audited inside the change as the API client', async () => {
    const cred = await fx.apiClient(t.db, t.now(), org);
    const token = await accessToken(t, cred);
    const res = await apiPost(t, '/api/v1/households', token, { ...newHousehold, teamId: teamB });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { created: boolean; household: unknown };
    expect(body.created).toBe(true);
    const h = HouseholdSchema.parse(body.household);
    expect(res.headers.get('Location')).toBe(`/api/v1/households/${h.id}`);
    expect(h).toMatchObject({ dossierRef: 'D-900', team: { id: teamB }, assignedWorker: null });
    expect(h.members).toEqual([expect.objectContaining({ firstName: 'Ahmed', lastName: 'Haddad', birthYear: 1979, role: 'aanvrager' })]);
    const row = await t.db.selectFrom('household').select(['created_by', 'updated_by']).where('id', '=', h.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ created_by: null, updated_by: null });
    expect(await auditRowsOf(t, res)).toEqual([
      expect.objectContaining({
        action: 'household.created',
        actor_user_id: null,
        api_client_id: cred.id,
        target_id: String(h.id),
        route: 'POST /api/v1/households',
      }),
    ]);
    // The same call again finds it.
    const again = await apiPost(t, '/api/v1/households', token, { ...newHousehold, teamId: teamB });
    expect(again.status).toBe(200);
  });

  it('refuses to create without households:write (403), and refuses bad input with every reason (400); nothing written', async () => {
    const readOnly = await accessToken(t, await fx.apiClient(t.db, t.now(), org, { name: 'Lezer', scopes: ['households:read'] }));
    const token = await accessToken(t, await fx.apiClient(t.db, t.now(), org));
    const before = { households: await count('household'), members: await count('household_member') };
    const forbidden = await apiPost(t, '/api/v1/households', readOnly, { ...newHousehold, teamId: teamA });
    expect(forbidden.status).toBe(403);
    expect((await problemOf(forbidden)).requiredScopes).toEqual(['households:write']);

    const cases: [unknown, string[]][] = [
      [{ dossierRef: 'D-901' }, ['members']],
      [{ dossierRef: '', members: [] }, ['dossierRef', 'members']],
      [{ dossierRef: 'D-902', teamId: teamA, members: [{ firstName: 'A', lastName: 'B', birthYear: 2999, role: 'aanvrager' }] }, ['members.0.birthYear']],
      [{ dossierRef: 'D-903', teamId: 999, members: newHousehold.members }, ['teamId']],
      [
        { dossierRef: 'D-904', teamId: teamA, members: [{ firstName: 'A', lastName: 'B', birthYear: 1990, role: 'baas' }], extra: true },
        ['members.0.role', 'extra'],
      ],
      ['{not json', []],
    ];
    for (const [body, fields] of cases) {
      const res = await apiPost(t, '/api/v1/households', token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const p = await problemOf(res);
      if (fields.length) expect(p.errors?.map((e) => e.name).sort(), JSON.stringify(body)).toEqual([...fields].sort());
      for (const e of p.errors ?? []) expect(e.detail).toMatch(/^\S+ \S/);
    }
    // Not JSON at all.
    const form = await t.app.request('/api/v1/households', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'dossierRef=D-906',
    });
    expect(form.status).toBe(415);
    expect((await problemOf(form)).type).toContain('#problem-unsupported-media-type');
    expect(await auditRowsOf(t, form)).toEqual([expect.objectContaining({ action: 'api.request', outcome: 'failure' })]);
    // More than one team and none chosen.
    const noTeam = await apiPost(t, '/api/v1/households', token, { dossierRef: 'D-905', members: newHousehold.members });
    expect(noTeam.status).toBe(400);
    expect((await problemOf(noTeam)).type).toContain('#problem-household-team-required');
    expect({ households: await count('household'), members: await count('household_member') }).toEqual(before);
  });

  it('a number already used in a team the client cannot reach is a 409, as in the application’s own form', async () => {
    await fx.household(t.db, t.now(), worker, { teamId: teamB, dossierRef: 'D-777', members: [{ firstName: 'B' }] });
    const teamOnly = await accessToken(t, await fx.apiClient(t.db, t.now(), org, { teamId: teamA }));
    const before = await count('household');
    const res = await apiPost(t, '/api/v1/households', teamOnly, { dossierRef: 'D-777', members: newHousehold.members });
    expect(res.status).toBe(409);
    expect((await problemOf(res)).type).toContain('#problem-dossier-ref-in-use');
    expect(await count('household')).toBe(before);
    // A client that may only read learns nothing about numbers outside its reach: the scope answers first.
    const readOnly = await accessToken(t, await fx.apiClient(t.db, t.now(), org, { teamId: teamA, scopes: ['households:read'] }));
    const probe = await apiPost(t, '/api/v1/households', readOnly, { dossierRef: 'D-777', members: newHousehold.members });
    expect(probe.status).toBe(403);
    expect((await problemOf(probe)).requiredScopes).toEqual(['households:write']);
    // A client restricted to one team creates there without naming it.
    const made = await apiPost(t, '/api/v1/households', teamOnly, { dossierRef: 'D-778', members: newHousehold.members });
    expect(made.status).toBe(201);
    expect(HouseholdSchema.parse(((await made.json()) as { household: unknown }).household).team.id).toBe(teamA);
  });
});

describe('the audit log', () => {
  it('shows the API client as the one who called, with the route', async () => {
    const cred = await fx.apiClient(t.db, t.now(), org, { name: 'Cevi-koppeling' });
    await apiGet(t, `/api/v1/households/${household.id}`, await accessToken(t, cred));
    const admin = await t.user(org, { email: 'beheer@a.be', isAdmin: true });
    const page = await (await t.request('/admin/audit', { cookie: await t.sessionCookie(admin) })).text();
    expect(page).toContain('API-koppeling ‘Cevi-koppeling’');
    expect(page).toContain('GET /api/v1/households/:householdId');
    expect(page).toContain('API: toegangstoken uitgereikt');
  });
});
