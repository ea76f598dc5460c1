import { describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { makeTestApp, type TestApp } from '../support/app.js';
import { accessToken, apiGet } from '../support/api.js';
import * as fx from '../support/fixtures.js';
import { PROBLEM_TYPES } from '../../src/http/problem-types.js';

// The API as a whole: its OpenAPI document is valid OpenAPI 3.1 (checked by a real validator) and
// describes exactly the routes the app has; its reference page lists them; and every route with
// an id in its path answers another organisation's (or another team's) ids exactly like ids that
// do not exist: a 404, audited as access.denied, through households/scoped.ts as for the pages.

async function documentOf(t: TestApp) {
  const res = await t.app.request('/api/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('Content-Type')).toContain('application/json');
  return (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>>; [k: string]: unknown };
}

/** The /api/v1 and token routes the app really has, as "GET /api/v1/households/:householdId". */
function appRoutes(t: TestApp): string[] {
  return [...new Set(t.app.routes.filter((r) => r.method !== 'ALL' && /^\/api\/(v1|oauth)\//.test(r.path)).map((r) => `${r.method} ${r.path}`))].sort();
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 according to a validator, which does refuse a broken document', async () => {
    const t = await makeTestApp();
    try {
      const doc = await documentOf(t);
      expect(doc.openapi).toBe('3.1.0');
      const result = await new Validator().validate(doc);
      expect(result.errors).toBeUndefined();
      expect(result.valid).toBe(true);
      // The validator is not a rubber stamp: the same document with a broken response is refused.
      const broken = structuredClone(doc);
      (broken.paths['/v1/households']!.get as { responses: unknown }).responses = { 200: { content: {} } };
      expect((await new Validator().validate(broken)).valid).toBe(false);
    } finally {
      await t.close();
    }
  });

  it('describes every API route the app has, and no other', async () => {
    const t = await makeTestApp();
    try {
      const doc = await documentOf(t);
      const described = Object.entries(doc.paths)
        .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} /api${path.replace(/\{(\w+)\}/g, ':$1')}`))
        .sort();
      expect(described).toEqual(appRoutes(t));
      // Every /api/v1 operation names the scopes it needs; the token endpoint is the only open one.
      for (const [path, ops] of Object.entries(doc.paths))
        for (const op of Object.values(ops) as { security?: Record<string, string[]>[] }[]) {
          if (path === '/oauth/token') expect(op.security).toBeUndefined();
          else expect(op.security?.[0]?.clientCredentials?.length, path).toBeGreaterThan(0);
        }
    } finally {
      await t.close();
    }
  });

  it('is also a readable page, rendered on the server, with every operation and every kind of error', async () => {
    const t = await makeTestApp();
    try {
      const doc = await documentOf(t);
      const res = await t.app.request('/api/reference');
      expect(res.status).toBe(200);
      const html = await res.text();
      for (const path of Object.keys(doc.paths)) expect(html).toContain(`/api${path}`);
      for (const type of PROBLEM_TYPES) expect(html).toContain(`id="problem-${type}"`);
      // The layout's own two scripts (nonce-carrying, same origin) and nothing else: no CDN, no inline code.
      expect([...html.matchAll(/<script[^>]*>/g)].map((m) => m[0])).toEqual([
        expect.stringMatching(/^<script src="\/static\/vendor\/htmx[^"]*" nonce="[^"]+" defer="">$/),
        expect.stringMatching(/^<script src="\/static\/js\/app[^"]*" nonce="[^"]+" defer="">$/),
      ]);
      expect(html).not.toMatch(/https?:\/\/(?!localhost:3000)[a-z]/);
    } finally {
      await t.close();
    }
  });
});

/** A client file with a balance and a GPMI, in `teamId` of the organisation. */
async function clientFile(t: TestApp, org: number, teamId: number, email: string) {
  const now = t.now();
  const userId = await t.user(org, { email, teams: [{ teamId, role: 'worker' }] });
  const scope = await fx.scopeOf(t.db, userId);
  const household = await fx.household(t.db, now, scope, { members: [{ firstName: 'Sara', lastName: 'Peeters', birthYear: 1985 }] });
  const balance = await fx.finalisedBalance(t.db, now, scope, household.id, {
    takenOn: '2026-11-01',
    participants: household.members,
    scores: { 'h.verblijfplaats': 3 },
  });
  const gpmi = await fx.gpmi(t.db, now, scope, household.id, {
    balanceId: balance,
    startOn: '2026-11-15',
    agreements: [{ domainKey: 'verblijfplaats', text: 'Een woning zoeken' }],
    signed: { on: '2026-11-15', clientName: 'Sara Peeters' },
  });
  const version = await t.db.selectFrom('catalogue_version').select('id').where('organisation_id', '=', org).executeTakeFirstOrThrow();
  return { households: String(household.id), balances: String(balance), gpmis: String(gpmi), versions: String(version.id) } as Record<string, string>;
}

function fill(path: string, params: Record<string, string>): string {
  return path.replace(/\/([a-z-]+)\/:[a-zA-Z]+/g, (_m, segment: string) => {
    const value = params[segment];
    if (value === undefined) throw new Error(`no test value for a parameter after /${segment}/: teach this test`);
    return `/${segment}/${value}`;
  });
}

describe('another organisation’s or team’s ids, on every API route', async () => {
  const probe = await makeTestApp();
  const withIds = appRoutes(probe).filter((r) => r.includes('/:'));
  await probe.close();

  it('finds the routes with ids (a sanity check on the enumeration)', () => {
    expect(withIds).toEqual(
      expect.arrayContaining([
        'GET /api/v1/households/:householdId',
        'GET /api/v1/households/:householdId/balances/:balanceId',
        'GET /api/v1/households/:householdId/gpmis/:gpmiId/pdf',
        'GET /api/v1/catalogue/versions/:versionId',
      ]),
    );
  });

  for (const route of withIds) {
    it(`${route}: answers 404 exactly as for an id that does not exist, audited as access.denied`, async () => {
      const t = await makeTestApp();
      try {
        const orgA = await t.organisation('OCMW A');
        const orgB = await t.organisation('OCMW B');
        const north = await t.team(orgA, 'Team Noord');
        const south = await t.team(orgA, 'Team Zuid');
        const elsewhere = await t.team(orgB, 'Team Elders');
        const own = await clientFile(t, orgA, north, 'noord@a.be');
        const otherTeam = await clientFile(t, orgA, south, 'zuid@a.be');
        const otherOrg = await clientFile(t, orgB, elsewhere, 'elders@b.be');
        const cred = await fx.apiClient(t.db, t.now(), orgA, { teamId: north });
        const token = await accessToken(t, cred);
        const [method, path] = route.split(' ') as [string, string];
        expect(method).toBe('GET');

        const ok = await apiGet(t, fill(path, own), token);
        expect(ok.status, `${route} must answer the client's own ids (200); teach clientFile() what it needs`).toBe(200);

        const missing = Object.fromEntries(Object.keys(own).map((k) => [k, '987654321']));
        const absent = await apiGet(t, fill(path, missing), token);
        expect(absent.status).toBe(404);
        const reference = (await absent.json()) as Record<string, unknown>;
        delete reference.instance;

        // Client files belong to a team; the catalogue to the whole organisation (another team shares it).
        const mixes = path.includes('/households/') ? [otherOrg, otherTeam] : [otherOrg];
        if (path.split(':').length > 2) mixes.push({ ...otherOrg, households: own.households! }, { ...otherTeam, households: own.households! });
        for (const params of mixes) {
          const url = fill(path, params);
          const res = await apiGet(t, url, token);
          expect(res.status, url).toBe(404);
          expect(res.headers.get('Content-Type')).toBe('application/problem+json');
          const body = (await res.json()) as Record<string, unknown>;
          delete body.instance;
          expect(body, url).toEqual(reference);
          const rows = await t.db
            .selectFrom('audit_event')
            .select(['action', 'api_client_id', 'organisation_id', 'outcome'])
            .where('request_id', '=', res.headers.get('X-Request-Id')!)
            .execute();
          expect(rows, url).toEqual([{ action: 'access.denied', api_client_id: cred.id, organisation_id: orgA, outcome: 'denied' }]);
        }
      } finally {
        await t.close();
      }
    });
  }
});
