import { createApp } from '../../src/app.js';
import { testConfig, type Config } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createLogger } from '../../src/http/logger.js';
import { createSession, markTwoFactorVerified, cookieName } from '../../src/auth/sessions.js';
import { createOrganisation, createUser } from '../../src/auth/queries.js';
import { hashPassword } from '../../src/auth/password.js';
import type { AppDeps } from '../../src/http/env.js';

export const ORIGIN = 'http://localhost:3000';

/** A fresh app on a freshly migrated in-memory database, with a clock the test can move. */
export async function makeTestApp(overrides: Partial<Config> = {}) {
  const config = testConfig({ publicOrigin: ORIGIN, ...overrides });
  const { db, sqlite } = openDatabase(':memory:');
  await migrateToLatest(db);
  let clock = Date.UTC(2026, 10, 22, 9, 0, 0);
  const logLines: string[] = [];
  const deps: AppDeps = { db, config, logger: createLogger('debug', (l) => logLines.push(l)), now: () => clock };
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
    sqlite,
    config,
    deps,
    logLines,
    request,
    now: () => clock,
    advance: (ms: number) => {
      clock += ms;
    },
    /** Creates an organisation (2FA not required unless asked) and returns its id. */
    async organisation(name = 'OCMW Teststad', requireTwoFactor = false) {
      const id = await db.transaction().execute((trx) => createOrganisation(trx, name, clock));
      if (!requireTwoFactor) await db.updateTable('organisation').set({ require_two_factor: 0 }).where('id', '=', id).execute();
      return id;
    },
    async team(organisationId: number, name: string) {
      const row = await db.insertInto('team').values({ organisation_id: organisationId, name, created_at: clock }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },
    /** A user with a real password hash (slow-ish: use once per test file where possible). */
    async user(
      organisationId: number,
      opts: { email: string; name?: string; password?: string; isAdmin?: boolean; teams?: { teamId: number; role: 'worker' | 'lead' }[] },
    ) {
      const passwordHash = opts.password ? await hashPassword(opts.password) : null;
      const id = await createUser(
        db,
        { organisationId, email: opts.email, displayName: opts.name ?? opts.email.split('@')[0]!, passwordHash, isAdmin: opts.isAdmin ?? false },
        clock,
      );
      for (const m of opts.teams ?? []) await db.insertInto('team_membership').values({ team_id: m.teamId, user_id: id, role: m.role }).execute();
      return id;
    },
    /** Signs a user in by inserting a session (the Epic Stack habit): returns the Cookie header. */
    async sessionCookie(userId: number, opts: { twoFactorVerified?: boolean } = {}) {
      const s = await createSession(db, userId, clock, 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0');
      if (opts.twoFactorVerified) await markTwoFactorVerified(db, s.id);
      return `${cookieName(config)}=${s.token}`;
    },
    async close() {
      await db.destroy();
    },
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
