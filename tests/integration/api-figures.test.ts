import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import { accessToken, apiGet, auditRowsOf } from '../support/api.js';
import * as fx from '../support/fixtures.js';
import { FiguresSchema, ProblemSchema } from '../../src/api/schemas.js';
import type { ClientCredentials } from '../../src/api/queries.js';

// The anonymous figures over the API (issues 15 and 16): the same figures as /figures, with the
// stricter threshold of an export, for a client holding figures:read; no name, no dossier number.

let t: TestApp;
let org: number;
let team: number;
let otherTeam: number;
let foreignTeam: number;
let full: ClientCredentials;
const names: string[] = [];

beforeAll(async () => {
  t = await makeTestApp();
  org = await t.organisation('OCMW Cijferstad');
  team = await t.team(org, 'Team Noord');
  otherTeam = await t.team(org, 'Team Zuid');
  const worker = await t.user(org, { email: 'mw@cijfer.be', teams: [{ teamId: team, role: 'worker' }] });
  const scope = await fx.scopeOf(t.db, worker);
  // 20 households: Verblijfplaats 10 × level 3 and 10 × level 4; every other domain level 2.
  for (let i = 0; i < 20; i++) {
    const first = `Voornaam${i}`;
    names.push(first, `D-API-${i}`);
    const h = await fx.household(t.db, t.now(), scope, { dossierRef: `D-API-${i}`, members: [{ firstName: first, lastName: 'Achternaam', birthYear: 1980 }] });
    await fx.finalisedBalance(t.db, t.now(), scope, h.id, {
      takenOn: '2026-05-12',
      scores: (subject, domainKey) => (subject === 'h' && domainKey === 'verblijfplaats' ? (i < 10 ? 3 : 4) : 2),
    });
  }
  const foreignOrg = await t.organisation('OCMW Elders');
  foreignTeam = await t.team(foreignOrg, 'Team Elders');
  full = await fx.apiClient(t.db, t.now(), org, { scopes: ['figures:read', 'sensitive:read'] });
}, 60_000);

afterAll(() => t.close());

async function figures(cred: ClientCredentials, query: string) {
  return apiGet(t, `/api/v1/figures${query}`, await accessToken(t, cred));
}

describe('GET /api/v1/figures', () => {
  it('answers the distribution with the export threshold, in the published schema, without a name or a dossier number; audited', async () => {
    const res = await figures(full, '?period=2026&team=all&level=huishouden&moment=latest');
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = FiguresSchema.parse(JSON.parse(text));
    expect(body.filters).toEqual({ period: '2026', team: 'all', level: 'huishouden', moment: 'latest' });
    expect(body.threshold).toBe(10);
    const row = body.distribution.find((r) => r.domain.key === 'verblijfplaats')!;
    expect(row.counts['3']).toEqual({ value: 10, status: 'shown' });
    expect(row.counts['4']).toEqual({ value: 10, status: 'shown' });
    expect(row.total.value).toBe(20);
    expect(body.completeness.finalised.value).toBe(20);
    expect(body.movement).not.toBeNull();
    for (const n of names) expect(text).not.toContain(n);
    expect(await auditRowsOf(t, res)).toEqual([
      expect.objectContaining({ action: 'figures.viewed', api_client_id: full.id, actor_user_id: null, organisation_id: org, outcome: 'success' }),
    ]);
  });

  it('defaults to this year, all teams, households and the latest balance', async () => {
    const body = FiguresSchema.parse(await (await figures(full, '')).json());
    expect(body.filters).toEqual({ period: '2026', team: 'all', level: 'huishouden', moment: 'latest' });
  });

  it('counts sensitive domains only with the sensitive scope and the setting "the whole team"', async () => {
    const withScope = FiguresSchema.parse(await (await figures(full, '?period=2026')).json());
    const sensitive = withScope.distribution.filter((r) => r.domain.sensitive).length;
    expect(sensitive).toBeGreaterThan(0);
    expect(withScope.sensitiveLeftOut).toBe(0);

    const plain = await fx.apiClient(t.db, t.now(), org, { scopes: ['figures:read'] });
    const without = FiguresSchema.parse(await (await figures(plain, '?period=2026')).json());
    expect(without.distribution.some((r) => r.domain.sensitive)).toBe(false);
    expect(without.sensitiveLeftOut).toBe(sensitive);

    await t.db.updateTable('organisation').set({ sensitive_visibility: 'assigned' }).where('id', '=', org).execute();
    try {
      const assigned = FiguresSchema.parse(await (await figures(full, '?period=2026')).json());
      expect(assigned.sensitiveLeftOut).toBe(sensitive);
    } finally {
      await t.db.updateTable('organisation').set({ sensitive_visibility: 'team' }).where('id', '=', org).execute();
    }
  });

  it('a client restricted to a team reads that team only: the organisation, another team and another OCMW’s team are not found', async () => {
    const restricted = await fx.apiClient(t.db, t.now(), org, { scopes: ['figures:read'], teamId: team });
    expect((await figures(restricted, `?period=2026&team=${team}`)).status).toBe(200);
    const body = FiguresSchema.parse(await (await figures(restricted, '')).json());
    expect(body.filters.team).toBe(team);
    for (const other of ['all', String(otherTeam), String(foreignTeam)]) {
      const res = await figures(restricted, `?period=2026&team=${other}`);
      expect(res.status, other).toBe(404);
      expect(await auditRowsOf(t, res)).toEqual([expect.objectContaining({ action: 'access.denied', api_client_id: restricted.id, outcome: 'denied' })]);
    }
    expect((await figures(full, `?period=2026&team=${foreignTeam}`)).status).toBe(404);
  });

  it('refuses a period without figures or a value outside the choices (400, in the caller’s language), and a client without the scope (403)', async () => {
    const token = await accessToken(t, full);
    const future = await apiGet(t, '/api/v1/figures?period=2031', token, { 'Accept-Language': 'fr' });
    expect(future.status).toBe(400);
    const problem = ProblemSchema.parse(await future.json());
    expect(problem.errors).toEqual([expect.objectContaining({ in: 'query', name: 'period', code: 'no_such_period' })]);
    expect(problem.errors![0]!.detail).toMatch(/^period n'est pas une période avec des chiffres/);
    for (const q of ['?period=twintig', '?level=iedereen', '?moment=ooit', '?team=-1']) {
      const res = await apiGet(t, `/api/v1/figures${q}`, token);
      expect(res.status, q).toBe(400);
      expect(ProblemSchema.parse(await res.json()).errors?.length, q).toBeGreaterThan(0);
    }
    const catalogueOnly = await fx.apiClient(t.db, t.now(), org, { scopes: ['catalogue:read'] });
    const res = await apiGet(t, '/api/v1/figures', await accessToken(t, catalogueOnly));
    expect(res.status).toBe(403);
    expect(ProblemSchema.parse(await res.json()).requiredScopes).toEqual(['figures:read']);
  });

  it('is described in the OpenAPI document with its scope', async () => {
    const doc = (await (await t.request('/api/openapi.json')).json()) as { paths: Record<string, { get?: { security?: unknown } }> };
    expect(doc.paths['/v1/figures']?.get?.security).toEqual([{ clientCredentials: ['figures:read'] }]);
  });
});
