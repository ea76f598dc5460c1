import { test as base, type BrowserContext, type Page } from '@playwright/test';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/db/schema.js';
import { openDatabase } from '../../../src/db/database.js';
import { openPostgres } from '../../../src/db/postgres.js';
import { testConfig } from '../../../src/config.js';
import type { UserScope } from '../../../src/auth/scope.js';
import * as fx from '../../support/fixtures.js';
import { setPasswordHash } from '../../../src/auth/queries.js';
import { hashPassword } from '../../../src/auth/password.js';
import { e2eDatabasePath, e2eDatabaseUrl } from './global-setup.js';

// Specs that do not test signing in or setting up start from data made for them: each gets its own
// organisation (with the default catalogue) in the e2e database, its own users, and is signed in
// by inserting a session and setting its cookie (the Epic Stack habit), through the same query
// functions the application and the integration tests use (tests/support/fixtures.ts). So a spec
// runs alone (`npx playwright test tests/e2e/07-catalogue.spec.ts`), and in any order after the
// first-run setup journey (01), which must meet an empty database and stays a real keyboard run.
// No spec reads what another left behind.

export interface SeededUser {
  id: number;
  email: string;
  name: string;
  scope: UserScope;
}

export interface Seed {
  organisationId: number;
  teamId: number;
  /** An administrator (not in a team). */
  admin: SeededUser;
  /** A worker in the team. */
  worker: SeededUser;
  /** Signs `who` in for every page of the context: a session row and its cookie, no sign-in page. */
  signIn(context: BrowserContext, who: SeededUser): Promise<void>;
  /** A new context (nl-BE, as the project's default) with `who` signed in, and a page in it. */
  pageAs(who: SeededUser): Promise<Page>;
  /**
   * Gives `who` a password and turns two-step verification on, for specs that sign in through the
   * sign-in pages: returns the authenticator key's text and ten unused recovery codes.
   */
  credentials(who: SeededUser, password: string): Promise<{ keyText: string; recoveryCodes: string[] }>;
}

export interface SeedOptions {
  /** The organisation asks every user for two-step verification (default: off). */
  requireTwoFactor: boolean;
}

let counter = 0;

export interface WorkerOptions {
  /** Which server the project's specs run against: SQLite (every spec) or PostgreSQL (one journey). */
  database: 'sqlite' | 'postgres';
}

export const test = base.extend<SeedOptions & { seed: Seed }, WorkerOptions & { db: Kysely<Database> }>({
  requireTwoFactor: [false, { option: true }],
  database: ['sqlite', { option: true, scope: 'worker' }],
  db: [
    async ({ database }, use) => {
      const db = database === 'postgres' ? openPostgres(e2eDatabaseUrl(), { max: 2 }) : openDatabase(e2eDatabasePath()).db;
      await use(db);
      await db.destroy();
    },
    { scope: 'worker' },
  ],
  seed: async ({ db, browser, requireTwoFactor, baseURL }, use, testInfo) => {
    const ORIGIN = baseURL!;
    const config = testConfig({ publicOrigin: ORIGIN });
    const now = Date.now();
    // Unique per test, so retries and reruns against the same server never meet each other's data.
    const tag = `${process.pid}-${testInfo.testId}-${++counter}`;
    const organisationId = await fx.organisation(db, now, { name: `OCMW Proefstad ${tag}`, requireTwoFactor });
    const teamId = await fx.team(db, now, organisationId, 'Team Noord');
    const make = async (email: string, name: string, opts: { isAdmin?: boolean; teams?: { teamId: number; role: 'worker' | 'lead' }[] }) => {
      const id = await fx.user(db, now, organisationId, { email, name, ...opts });
      return { id, email, name, scope: await fx.scopeOf(db, id) };
    };
    const admin = await make(`beheer-${tag}@ocmw-proefstad.be`, 'Beheerder Proef', { isAdmin: true });
    const worker = await make(`wendy-${tag}@ocmw-proefstad.be`, 'Wendy Werker', { teams: [{ teamId, role: 'worker' }] });
    const contexts: BrowserContext[] = [];
    const signIn = async (context: BrowserContext, who: SeededUser) => {
      const s = await fx.session(db, config, Date.now(), who.id, { twoFactorVerified: true });
      await context.addCookies([{ name: s.name, value: s.token, url: ORIGIN, httpOnly: true, sameSite: 'Lax' }]);
    };
    const pageAs = async (who: SeededUser) => {
      const context = await browser.newContext({ locale: 'nl-BE' });
      contexts.push(context);
      await signIn(context, who);
      return context.newPage();
    };
    const credentials = async (who: SeededUser, password: string) => {
      await setPasswordHash(db, who.id, await hashPassword(password), Date.now());
      return fx.twoFactor(db, Date.now(), who.id);
    };
    await use({ organisationId, teamId, admin, worker, signIn, pageAs, credentials });
    for (const c of contexts) await c.close();
  },
});

export { expect } from '@playwright/test';
export { fx };
