import { createApp } from '../../src/app.js';
import { testConfig, type Config } from '../../src/config.js';
import { openTestDatabase, type TestDatabase } from './test-database.js';
import { createLogger } from '../../src/http/logger.js';
import type { AppDeps } from '../../src/http/env.js';
import * as fx from './fixtures.js';

export const ORIGIN = 'http://localhost:3000';

/**
 * A fresh app on a freshly migrated database (in-memory SQLite, or a clone of the migrated template
 * on PostgreSQL: tests/support/test-database.ts), with a clock the test can move.
 */
export async function makeTestApp(overrides: Partial<Config> = {}, opts: { database?: TestDatabase } = {}) {
  const config = testConfig({ publicOrigin: ORIGIN, ...overrides });
  const database = opts.database ?? (await openTestDatabase());
  const { db } = database;
  let clock = Date.UTC(2026, 10, 22, 9, 0, 0);
  const logLines: string[] = [];
  const deps: AppDeps = { db: database.appDb, config, logger: createLogger('debug', (l) => logLines.push(l)), now: () => clock };
  const app = createApp(deps);

  /** A request as a browser on our own site sends it (Origin set, so CSRF passes). */
  async function request(path: string, init: RequestInit & { cookie?: string | undefined; form?: Record<string, string | string[]>; htmx?: boolean } = {}) {
    const headers = new Headers(init.headers);
    if (init.cookie) headers.set('Cookie', init.cookie);
    let body = init.body;
    const method = init.method ?? (init.form ? 'POST' : 'GET');
    if (init.form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(init.form)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
      body = params.toString();
      headers.set('Content-Type', 'application/x-www-form-urlencoded');
    }
    if (method !== 'GET' && method !== 'HEAD' && !headers.has('Origin')) headers.set('Origin', ORIGIN);
    if (init.htmx) {
      headers.set('HX-Request', 'true');
      headers.set('HX-Request-Type', 'partial');
    }
    return app.request(path, { ...init, method, headers, body });
  }

  return {
    app,
    db,
    /** The SQLite connection, for the tests that are about SQLite itself (files *.sqlite.test.ts). */
    get sqlite() {
      if (!database.sqlite) throw new Error('this test needs SQLite: name its file *.sqlite.test.ts');
      return database.sqlite;
    },
    /** Where another app instance can open the same database (PostgreSQL only). */
    databaseUrl: database.url,
    config,
    deps,
    logLines,
    request,
    now: () => clock,
    advance: (ms: number) => {
      clock += ms;
    },
    /** Creates an organisation (2FA not required unless asked) and returns its id. */
    organisation: (name = 'OCMW Teststad', requireTwoFactor = false) => fx.organisation(db, clock, { name, requireTwoFactor }),
    team: (organisationId: number, name: string) => fx.team(db, clock, organisationId, name),
    /** A user with a real password hash (slow-ish: use once per test file where possible). */
    user: (organisationId: number, opts: fx.UserOptions) => fx.user(db, clock, organisationId, opts),
    /** Signs a user in by inserting a session (the Epic Stack habit): returns the Cookie header. */
    sessionCookie: async (userId: number, opts: { twoFactorVerified?: boolean } = {}) => (await fx.session(db, config, clock, userId, opts)).cookie,
    async close() {
      await database.close();
    },
    /** The database goes away under the running app. */
    loseDatabase: () => database.lose(),
  };
}

export type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

/** The Set-Cookie session token from a response, as a Cookie header value. */
export function sessionCookieFrom(res: Response, name = 'sb_session'): string | undefined {
  const raw = res.headers.getSetCookie().find((c) => c.startsWith(name + '='));
  if (!raw) return undefined;
  const value = raw.split(';')[0]!;
  return value.endsWith('=') ? undefined : value;
}

export async function countRows(
  t: TestApp,
  table: 'audit_event' | 'app_user' | 'user_session' | 'organisation' | 'team' | 'user_token' | 'recovery_code' | 'team_membership',
) {
  const row = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function sqliteOf(t: TestApp) {
  return t.sqlite;
}

export type { AppDeps };
