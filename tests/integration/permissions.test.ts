import { describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import * as fx from '../support/fixtures.js';

/**
 * The permission matrix: every route the application has, for every kind of user. A route that
 * exists in the app but not in this table fails the test, so new routes must state who may use them.
 *
 * access:
 *  - public:   anyone, signed in or not
 *  - signedIn: any signed-in user of the organisation
 *  - teamMember: users with a team role in their own organisation (the caseload, a new household)
 *  - client:   the worker or lead of the household's team — that household's client file
 *  - admin:    beheerders only
 *  - figures:  team leads (their teams' anonymous figures) and the "beleid" role (the organisation's)
 *  - api:      API clients with a Bearer token only (src/api/): a session is no credential there, so
 *              every actor here gets 401; what API clients may do is tested in api*.test.ts
 * Actors: a worker and a lead of the household's team, a beheerder without a team, and a
 * beheerder-and-worker of another organisation (who must never reach organisation A's records).
 */
type Access = 'public' | 'signedIn' | 'teamMember' | 'client' | 'admin' | 'figures' | 'api';

export const ROUTES: Record<string, Access> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /static/*': 'public',
  'GET /favicon.ico': 'public',
  'GET /setup': 'public',
  'POST /setup': 'public',
  'GET /signin': 'public',
  'POST /signin': 'public',
  'GET /signin/two-factor': 'public',
  'POST /signin/two-factor': 'public',
  'POST /signout': 'public',
  'POST /session/keepalive': 'public',
  'GET /password/forgotten': 'public',
  'POST /password/forgotten': 'public',
  'GET /password/:token': 'public',
  'POST /password/:token': 'public',
  'GET /': 'signedIn',
  'GET /account': 'signedIn',
  'GET /account/two-factor/setup': 'signedIn',
  'POST /account/two-factor': 'signedIn',
  'POST /account/recovery-codes': 'signedIn',
  'POST /account/language': 'signedIn',
  'POST /account/password': 'signedIn',
  'POST /account/sessions/:id/ending': 'signedIn',
  'GET /households': 'teamMember',
  'GET /households/new': 'teamMember',
  'POST /households': 'teamMember',
  'GET /households/:householdId': 'client',
  'POST /households/:householdId': 'client',
  'POST /households/:householdId/closure': 'client',
  'POST /households/:householdId/reopening': 'client',
  'POST /households/:householdId/members': 'client',
  'GET /households/:householdId/members/:memberId': 'client',
  'POST /households/:householdId/members/:memberId': 'client',
  'POST /households/:householdId/members/:memberId/departure': 'client',
  'GET /households/:householdId/balances/new': 'client',
  'POST /households/:householdId/balances': 'client',
  'GET /households/:householdId/balances/:balanceId': 'client',
  'POST /households/:householdId/balances/:balanceId/scores': 'client',
  'POST /households/:householdId/balances/:balanceId/finalisation': 'client',
  'POST /households/:householdId/balances/:balanceId/amendments': 'client',
  'GET /households/:householdId/balances/:balanceId/pdf': 'client',
  'GET /households/:householdId/balances/:balanceId/plan': 'client',
  'POST /households/:householdId/balances/:balanceId/plan': 'client',
  'GET /households/:householdId/gpmis/new': 'client',
  'POST /households/:householdId/gpmis': 'client',
  'GET /households/:householdId/gpmis/:gpmiId': 'client',
  'POST /households/:householdId/gpmis/:gpmiId': 'client',
  'POST /households/:householdId/gpmis/:gpmiId/versions': 'client',
  'GET /households/:householdId/gpmis/:gpmiId/evaluations/new': 'client',
  'POST /households/:householdId/gpmis/:gpmiId/evaluations': 'client',
  'GET /households/:householdId/gpmis/:gpmiId/pdf': 'client',
  'GET /households/:householdId/balances/:balanceId/overview': 'client',
  'GET /households/:householdId/evolution': 'client',
  'GET /households/:householdId/evolution/comparison': 'client',
  'GET /households/:householdId/balances/:balanceId/client-voice': 'client',
  'POST /households/:householdId/balances/:balanceId/client-voice/invitations': 'client',
  'POST /households/:householdId/balances/:balanceId/client-voice/invitations/:invitationId/revocation': 'client',
  'POST /households/:householdId/balances/:balanceId/client-voice/answers/:answerId/decision': 'client',
  'GET /households/:householdId/balances/:balanceId/client-copy': 'client',
  'GET /households/:householdId/gpmis/:gpmiId/client-language': 'client',
  'POST /households/:householdId/gpmis/:gpmiId/client-language': 'client',
  'GET /households/:householdId/gpmis/:gpmiId/client-copy': 'client',
  // The client view: no account. Each route finds its caller by the link's token or a handed-over
  // session itself, and answers everyone else "this link does not work" (tests/integration/client-voice.test.ts).
  'GET /client/l/:token': 'public',
  'POST /client/handover/end': 'public',
  'GET /client/lock': 'public',
  'GET /client': 'public',
  'GET /client/language': 'public',
  'POST /client/language': 'public',
  'GET /client/q/:n': 'public',
  'POST /client/q/:n': 'public',
  'GET /client/review': 'public',
  'POST /client/sending': 'public',
  'GET /client/sent': 'public',
  'GET /households/:householdId/members/:memberId/living-wage': 'client',
  'POST /households/:householdId/members/:memberId/living-wage': 'client',
  'POST /households/:householdId/members/:memberId/living-wage/removal': 'client',
  'GET /todo': 'teamMember',
  'GET /figures': 'figures',
  'GET /figures/movement': 'figures',
  'GET /figures/outcomes': 'figures',
  'GET /figures/inspection': 'figures',
  'GET /figures/export': 'figures',
  'GET /figures/settings': 'admin',
  'POST /figures/settings': 'admin',
  'GET /admin': 'admin',
  'GET /admin/users': 'admin',
  'POST /admin/users': 'admin',
  'GET /admin/users/:id': 'admin',
  'POST /admin/users/:id': 'admin',
  'POST /admin/users/:id/disabling': 'admin',
  'POST /admin/users/:id/enabling': 'admin',
  'POST /admin/users/:id/session-ending': 'admin',
  'POST /admin/users/:id/reset-link': 'admin',
  'POST /admin/users/:id/invitation': 'admin',
  'POST /admin/users/:id/two-factor-reset': 'admin',
  'GET /admin/teams': 'admin',
  'POST /admin/teams': 'admin',
  'POST /admin/teams/:id': 'admin',
  'GET /admin/settings': 'admin',
  'POST /admin/settings': 'admin',
  'GET /admin/audit': 'admin',
  'GET /catalogue': 'signedIn',
  'GET /catalogue/versions': 'signedIn',
  'GET /catalogue/versions/:id': 'signedIn',
  'POST /catalogue/installation': 'admin',
  'GET /catalogue/export': 'admin',
  'GET /catalogue/import': 'admin',
  'POST /catalogue/import': 'admin',
  'GET /catalogue/draft': 'admin',
  'POST /catalogue/draft/domains/:id/activation': 'admin',
  'POST /catalogue/draft/domains/:id/position': 'admin',
  'POST /catalogue/draft/themes/:id/position': 'admin',
  'GET /catalogue/draft/domains/:id': 'admin',
  'POST /catalogue/draft/domains/:id': 'admin',
  'POST /catalogue/draft/domains/:id/retirement': 'admin',
  'POST /catalogue/draft/domains/:id/restoration': 'admin',
  'GET /catalogue/draft/themes/:id/domains/new': 'admin',
  'POST /catalogue/draft/themes/:id/domains': 'admin',
  'GET /catalogue/draft/themes/new': 'admin',
  'POST /catalogue/draft/themes': 'admin',
  'GET /catalogue/draft/themes/:id': 'admin',
  'POST /catalogue/draft/themes/:id': 'admin',
  'GET /catalogue/publication': 'admin',
  'POST /catalogue/publication': 'admin',
  'GET /translations': 'admin',
  'POST /translations/official-language': 'admin',
  'POST /translations/languages': 'admin',
  'GET /translations/:lang': 'admin',
  'POST /translations/:lang/visibility': 'admin',
  'GET /translations/:lang/po': 'admin',
  'POST /translations/:lang/import': 'admin',
  'GET /admin/api-clients': 'admin',
  'POST /admin/api-clients': 'admin',
  'GET /admin/api-clients/:id': 'admin',
  'POST /admin/api-clients/:id': 'admin',
  'POST /admin/api-clients/:id/secret': 'admin',
  'POST /admin/api-clients/:id/revocation': 'admin',
  'POST /signin/sso': 'public',
  'GET /signin/sso/callback': 'public',
  'GET /admin/sso': 'admin',
  'POST /admin/sso': 'admin',
  'POST /admin/sso/removal': 'admin',
  'GET /api/openapi.json': 'public',
  'GET /api/reference': 'public',
  'POST /api/oauth/token': 'public',
  'GET /api/v1/households': 'api',
  'POST /api/v1/households': 'api',
  'GET /api/v1/catalogue': 'api',
  'GET /api/v1/catalogue/versions/:versionId': 'api',
  'GET /api/v1/figures': 'api',
  'GET /api/v1/households/:householdId': 'api',
  'GET /api/v1/households/:householdId/balances': 'api',
  'GET /api/v1/households/:householdId/balances/:balanceId': 'api',
  'GET /api/v1/households/:householdId/balances/:balanceId/pdf': 'api',
  'GET /api/v1/households/:householdId/gpmis': 'api',
  'GET /api/v1/households/:householdId/gpmis/:gpmiId': 'api',
  'GET /api/v1/households/:householdId/gpmis/:gpmiId/pdf': 'api',
};

/** Routes where an allowed user rightly gets 404 for the test's ids, and why. */
const EXPECTED_404: Record<string, string> = {
  'POST /account/sessions/:id/ending': "the session is the worker's own; everyone else's sessions are not found",
  'POST /catalogue/draft/domains/:id/restoration': 'the test domain is not retired, so there is nothing to restore',
  'GET /households/:householdId/balances/:balanceId/client-copy': 'a client copy needs ?lang= of a language switched on for clients',
  'GET /households/:householdId/gpmis/:gpmiId/client-copy': 'a client copy needs ?lang= of a language switched on for clients',
};

type Actor = 'anonymous' | 'worker' | 'lead' | 'admin' | 'otherOrg';

async function world() {
  const t = await makeTestApp();
  const org = await t.organisation('OCMW A');
  const other = await t.organisation('OCMW B');
  const team = await t.team(org, 'Team Noord');
  const otherTeam = await t.team(other, 'Team Elders');
  const ids = {
    worker: await t.user(org, { email: 'worker@a.be', teams: [{ teamId: team, role: 'worker' }] }),
    lead: await t.user(org, { email: 'lead@a.be', teams: [{ teamId: team, role: 'lead' }] }),
    admin: await t.user(org, { email: 'admin@a.be', isAdmin: true }),
    otherOrg: await t.user(other, { email: 'worker@b.be', isAdmin: true, teams: [{ teamId: otherTeam, role: 'worker' }] }),
    target: await t.user(org, { email: 'target@a.be', teams: [{ teamId: team, role: 'worker' }] }),
  };
  const cookies: Record<Actor, string | undefined> = {
    anonymous: undefined,
    worker: await t.sessionCookie(ids.worker),
    lead: await t.sessionCookie(ids.lead),
    admin: await t.sessionCookie(ids.admin),
    otherOrg: await t.sessionCookie(ids.otherOrg),
  };
  const targetSession = await t.db.selectFrom('user_session').select('id').where('user_id', '=', ids.worker).executeTakeFirstOrThrow();
  // Organisation A's client file, made as its worker would make it: a household with one member, a
  // draft balance, and a GPMI (draft version 1) on that balance for the /gpmis/:gpmiId routes.
  const now = t.now();
  const workerScope = await fx.scopeOf(t.db, ids.worker);
  const household = await fx.household(t.db, now, workerScope, { members: [{ firstName: 'Sara', lastName: 'Peeters', birthYear: 1985 }] });
  const member = { id: household.members[0]! };
  const balance = { id: await fx.balance(t.db, now, workerScope, household.id, { takenOn: '2026-11-01', finalise: false }) };
  const version = await t.db.selectFrom('catalogue_version').select('id').where('organisation_id', '=', org).executeTakeFirstOrThrow();
  const gpmi = {
    id: await fx.gpmi(t.db, now, workerScope, household.id, {
      balanceId: balance.id,
      memberId: member.id,
      startOn: '2026-12-01',
      durationMonths: 12,
      agreements: [],
    }),
  };
  const domain = await t.db.selectFrom('catalogue_domain').select(['id', 'theme_id']).where('organisation_id', '=', org).executeTakeFirstOrThrow();
  const apiClient = await fx.apiClient(t.db, now, org);
  // A client's link on the draft balance, with one answer the client sent through it.
  const invitation = await fx.clientInvitation(t.db, now, workerScope, {
    householdId: household.id,
    balanceId: balance.id,
    memberId: member.id,
    answer: { domainKey: 'mobiliteit', score: 4 },
  });
  // The value of a path parameter, by the path segment before it.
  const params: Record<string, string> = {
    users: String(ids.target),
    teams: String(team),
    sessions: targetSession.id,
    password: 'aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaa',
    households: String(household.id),
    members: String(member.id),
    balances: String(balance.id),
    gpmis: String(gpmi.id),
    versions: String(version.id),
    domains: String(domain.id),
    themes: String(domain.theme_id),
    invitations: invitation.id,
    answers: String(invitation.answerId),
    translations: 'ar',
    l: 'aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaa',
    q: '1',
    'api-clients': String(apiClient.id),
  };
  return { t, cookies, params };
}

function fill(path: string, params: Record<string, string>): string {
  return path.replace('/static/*', '/static/css/app.css').replace(/\/([a-z-]+)\/:[a-zA-Z]+/g, (_m, segment: string) => {
    const value = params[segment];
    if (value === undefined) throw new Error(`no test value for a parameter after /${segment}/`);
    return `/${segment}/${value}`;
  });
}

function allowed(access: Access, actor: Actor): boolean {
  switch (access) {
    case 'public':
      return true;
    case 'signedIn':
      return actor !== 'anonymous';
    case 'teamMember':
      return actor === 'worker' || actor === 'lead' || actor === 'otherOrg';
    case 'client':
      return actor === 'worker' || actor === 'lead';
    case 'admin':
      return actor === 'admin' || actor === 'otherOrg';
    case 'figures':
      return actor === 'lead';
    case 'api':
      return false;
  }
}

describe('permission matrix', async () => {
  const probe = await makeTestApp();
  const routes = [...new Set(probe.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];
  await probe.close();

  it('has an entry for every route of the application, and no stale ones', () => {
    expect(
      routes.filter((r) => !(r in ROUTES)),
      'routes missing from the matrix',
    ).toEqual([]);
    expect(
      Object.keys(ROUTES).filter((r) => !routes.includes(r)),
      'matrix entries for routes that do not exist',
    ).toEqual([]);
  });

  for (const route of routes) {
    it(`${route} is ${ROUTES[route] ?? '(missing)'}`, async () => {
      const access = ROUTES[route];
      expect(access).toBeDefined();
      const [method, path] = route.split(' ') as [string, string];
      // A fresh world per route: the actions of one route (disabling a user...) cannot affect another.
      const { t, cookies, params } = await world();
      try {
        for (const actor of ['anonymous', 'worker', 'lead', 'admin', 'otherOrg'] as Actor[]) {
          const res = await t.request(fill(path, params), { method, cookie: cookies[actor], ...(method === 'POST' ? { form: {} } : {}) });
          const location = res.headers.get('Location') ?? '';
          const toSignIn = (res.status === 303 && location.startsWith('/signin')) || res.status === 401;
          const label = `${route} as ${actor}: ${res.status} ${location}`;
          expect(res.status, label).toBeLessThan(500);
          if (access === 'api') {
            expect(res.status, label).toBe(401);
          } else if (allowed(access!, actor)) {
            expect(res.status, label).not.toBe(403);
            if (access !== 'public') expect(toSignIn, label).toBe(false);
            // Organisation A's records exist, so A's own users must find them; only the other
            // organisation's beheerder, allowed on admin routes in general, gets 404 for A's ids.
            if (actor !== 'otherOrg' && access !== 'public' && !(route in EXPECTED_404)) expect(res.status, label).not.toBe(404);
          } else if (actor === 'anonymous') {
            expect(toSignIn, label).toBe(true);
          } else {
            expect([403, 404], label).toContain(res.status);
          }
        }
      } finally {
        await t.close();
      }
    });
  }
});

/**
 * A client file with everything the client-data pages need to show something: a member, two
 * finalised balances (overview, plan, comparison), a GPMI whose version 1 is signed with one
 * agreement (GPMI page, evaluation form, PDF).
 */
async function clientFile(t: TestApp, org: number, team: number, userId: number) {
  const now = t.now();
  const scope = await fx.scopeOf(t.db, userId);
  const household = await fx.household(t.db, now, scope, {
    teamId: team,
    assignedUserId: userId,
    members: [{ firstName: 'Sara', lastName: 'Peeters', birthYear: 1985 }],
  });
  const member = household.members[0]!;
  const balances: number[] = [];
  for (const [takenOn, score] of [
    ['2026-05-01', 2],
    ['2026-11-01', 3],
  ] as const) {
    balances.push(await fx.finalisedBalance(t.db, now, scope, household.id, { takenOn, participants: [member], scores: { 'h.verblijfplaats': score } }));
  }
  const balance = balances[1]!;
  // The client's copies need a client language switched on.
  await fx.clientLanguageOn(t.db, now, scope, 'ar');
  const gpmi = await fx.gpmi(t.db, now, scope, household.id, {
    balanceId: balance,
    memberId: member,
    startOn: '2026-12-01',
    durationMonths: 12,
    agreements: [{ domainKey: 'verblijfplaats', text: 'Een woning zoeken', targetScore: 4 }],
    signed: { on: '2026-11-22', clientName: 'Sara Peeters' },
  });
  // A client's link on a draft balance, with one answer the client sent through it.
  const draft = await fx.balance(t.db, now, scope, household.id, { takenOn: '2026-11-20', participants: [member] });
  const invitation = await fx.clientInvitation(t.db, now, scope, {
    householdId: household.id,
    balanceId: draft,
    memberId: member,
    answer: { domainKey: 'mobiliteit', score: 4 },
  });
  return {
    params: {
      households: String(household.id),
      members: String(member),
      balances: String(balance),
      gpmis: String(gpmi),
      invitations: invitation.id,
      answers: String(invitation.answerId),
    } as Record<string, string>,
    earlierBalance: balances[0]!,
  };
}

/** Query strings a client-data page needs to show its content (the comparison: which two balances). */
const QUERIES: Record<string, (file: Awaited<ReturnType<typeof clientFile>>) => string> = {
  'GET /households/:householdId/evolution/comparison': (f) => `?from=${f.earlierBalance}&to=${f.params.balances}`,
  'GET /households/:householdId/balances/:balanceId/client-copy': () => '?lang=ar',
  'GET /households/:householdId/gpmis/:gpmiId/client-copy': () => '?lang=ar',
};

describe('every GET that shows client data is audited', async () => {
  // Found from the app itself, not a hand list: a GET with a household, member, balance or GPMI id
  // in its path shows client data. A new one that this test cannot fill in (an unknown parameter,
  // a query it needs) fails below until it is taught here.
  const probe = await makeTestApp();
  const clientGets = [
    ...new Set(
      probe.app.routes
        // The API's routes are reached with a Bearer token, not a session: api-contract.test.ts crawls them the same way.
        .filter((r) => r.method === 'GET' && !r.path.startsWith('/api/') && /\/(households|members|balances|gpmis)\/:/.test(r.path))
        .map((r) => r.path),
    ),
  ];
  await probe.close();

  it('finds the client-data routes (a sanity check on the enumeration itself)', () => {
    expect(clientGets).toEqual(
      expect.arrayContaining([
        '/households/:householdId',
        '/households/:householdId/balances/new',
        '/households/:householdId/balances/:balanceId',
        '/households/:householdId/gpmis/:gpmiId/pdf',
      ]),
    );
  });

  for (const path of clientGets) {
    it(`GET ${path}: an allowed user's view writes an audit row; another organisation's ids are a 404 with access.denied`, async () => {
      const t = await makeTestApp();
      try {
        const org = await t.organisation('OCMW A');
        const other = await t.organisation('OCMW B');
        const team = await t.team(org, 'Team Noord');
        const otherTeam = await t.team(other, 'Team Elders');
        const worker = await t.user(org, { email: 'worker@a.be', teams: [{ teamId: team, role: 'worker' }] });
        const stranger = await t.user(other, { email: 'worker@b.be', teams: [{ teamId: otherTeam, role: 'worker' }] });
        const cookie = await t.sessionCookie(worker);
        const own = await clientFile(t, org, team, worker);
        const foreign = await clientFile(t, other, otherTeam, stranger);
        const query = QUERIES[`GET ${path}`];
        const rowsOf = (res: Response) =>
          t.db
            .selectFrom('audit_event')
            .select(['action', 'actor_user_id', 'outcome', 'target_type', 'target_id'])
            .where('request_id', '=', res.headers.get('X-Request-Id')!)
            .execute();

        const url = fill(path, own.params) + (query ? query(own) : '');
        const res = await t.request(url, { cookie });
        expect(res.status, `${url} must show its page (200); if it needs more to fill in, teach this test (QUERIES, clientFile)`).toBe(200);
        const rows = await rowsOf(res);
        expect(rows.length, `${url} wrote no audit row`).toBeGreaterThan(0);
        expect(rows.every((r) => r.actor_user_id === worker && r.outcome === 'success')).toBe(true);

        // All ids of the other organisation, and (where the path has more than the household) this
        // household with the other organisation's record: both are a 404, audited as access.denied.
        const mixed = { ...foreign.params, households: own.params.households! };
        for (const params of path.split(':').length > 2 ? [foreign.params, mixed] : [foreign.params]) {
          const foreignUrl = fill(path, params) + (query ? query(foreign) : '');
          const denied = await t.request(foreignUrl, { cookie });
          expect(denied.status, foreignUrl).toBe(404);
          expect(await rowsOf(denied), foreignUrl).toEqual([expect.objectContaining({ action: 'access.denied', actor_user_id: worker, outcome: 'denied' })]);
        }
      } finally {
        await t.close();
      }
    });
  }
});

/** Every row of every table a client-file route could change (sessions and the audit log aside), to prove nothing was written. */
async function dataSnapshot(t: TestApp): Promise<string> {
  const tables = (await t.db.introspection.getTables()).map((x) => x.name).filter((n) => !/^(audit_event|user_session|kysely_)/.test(n));
  const out: Record<string, unknown[]> = {};
  for (const name of tables.sort())
    out[name] = await t.db
      .selectFrom(name as never)
      .selectAll()
      .execute();
  return JSON.stringify(out);
}

describe('every client-file route answers what is not the caller’s with one audited 404 and writes nothing', async () => {
  // Found from the app itself: every route, any method, under /households/:householdId. A new one
  // is walked without being named here.
  const probe = await makeTestApp();
  const fileRoutes = [
    ...new Set(probe.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/households/:householdId')).map((r) => `${r.method} ${r.path}`)),
  ];
  await probe.close();

  it('finds the client-file routes, GETs and POSTs (a sanity check on the enumeration itself)', () => {
    expect(fileRoutes).toEqual(
      expect.arrayContaining([
        'GET /households/:householdId',
        'POST /households/:householdId/members/:memberId/departure',
        'POST /households/:householdId/balances/:balanceId/scores',
        'POST /households/:householdId/gpmis/:gpmiId/evaluations',
      ]),
    );
    expect(fileRoutes.filter((r) => r.startsWith('POST')).length).toBeGreaterThan(10);
  });

  for (const route of fileRoutes) {
    it(`${route}: another organisation's ids, alone or under this caller's own household`, async () => {
      const t = await makeTestApp();
      try {
        const org = await t.organisation('OCMW A');
        const other = await t.organisation('OCMW B');
        const team = await t.team(org, 'Team Noord');
        const otherTeam = await t.team(other, 'Team Elders');
        const worker = await t.user(org, { email: 'worker@a.be', teams: [{ teamId: team, role: 'worker' }] });
        const stranger = await t.user(other, { email: 'worker@b.be', teams: [{ teamId: otherTeam, role: 'worker' }] });
        const cookie = await t.sessionCookie(worker);
        const own = await clientFile(t, org, team, worker);
        const foreign = await clientFile(t, other, otherTeam, stranger);
        const [method, path] = route.split(' ') as [string, string];
        const mixed = { ...foreign.params, households: own.params.households! };
        // Only the last id foreign (an invitation or answer under the caller's own balance, a
        // version under their own GPMI): the route's own look-up must refuse it too.
        const names = [...path.matchAll(/\/([a-z-]+)\/:[a-zA-Z]+/g)].map((m) => m[1]!);
        const leafOnly = { ...own.params, [names.at(-1)!]: foreign.params[names.at(-1)!]! };
        for (const params of names.length > 1 ? [foreign.params, mixed, leafOnly] : [foreign.params]) {
          const url = fill(path, params);
          const before = await dataSnapshot(t);
          const res = await t.request(url, { method, cookie, ...(method === 'POST' ? { form: { revision: '1' } } : {}) });
          expect(res.status, `${method} ${url}`).toBe(404);
          const rows = await t.db
            .selectFrom('audit_event')
            .select(['action', 'actor_user_id', 'outcome'])
            .where('request_id', '=', res.headers.get('X-Request-Id')!)
            .execute();
          expect(rows, `${method} ${url}`).toEqual([{ action: 'access.denied', actor_user_id: worker, outcome: 'denied' }]);
          expect(await dataSnapshot(t), `${method} ${url} wrote something`).toBe(before);
        }
      } finally {
        await t.close();
      }
    });
  }
});
