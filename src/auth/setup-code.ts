import type { AppDeps } from '../http/env.js';
import { acrossOrganisations } from '../db/organisation-scope.js';
import { createHmac } from 'node:crypto';
import { serverSecret } from '../db/server-secret.js';
import { tokenFromBytes } from './tokens.js';

/**
 * While an instance has no user, /setup creates the first organisation and administrator, but
 * only with this code, printed to the server's own log at start. Whoever can read that log runs
 * the server; someone who merely reaches a freshly started instance over the network cannot take
 * it over.
 *
 * The code is derived from the server secret (table server_secret), so that every process on one
 * database prints and accepts the same code: behind a reverse proxy (a shared deployment, several
 * processes on several machines) the setup form may be posted to another process than the one
 * whose log was read. It stays the same across restarts until the first user exists, after which
 * /setup is closed for good; someone who could read the server secret could also write a user
 * straight into the database, so deriving the code from it gives nothing away.
 */
let currentCode: string | null = null;

export function setupCode(): string | null {
  return currentCode;
}

export function consumeSetupCode(): void {
  currentCode = null;
}

export async function hasAnyUser(deps: Pick<AppDeps, 'db'>): Promise<boolean> {
  // Before the organisation is known (docs/decisions/034-pre-organisation-lookups.md): yes or no only.
  const row = await acrossOrganisations('setup', () => deps.db.selectFrom('app_user').select('id').limit(1).executeTakeFirst());
  return row !== undefined;
}

export async function announceSetupCode(deps: AppDeps, print: (line: string) => void = (l) => console.log(l)): Promise<string | null> {
  if (await hasAnyUser(deps)) {
    currentCode = null;
    return null;
  }
  currentCode = await sharedSetupCode(deps.db);
  print(`\n  Sociale Balans has no users yet. Open ${deps.config.publicOrigin}/setup and enter setup code: ${currentCode}\n`);
  return currentCode;
}

async function sharedSetupCode(db: AppDeps['db']): Promise<string> {
  const mac = createHmac('sha256', await serverSecret(db))
    .update('sociale-balans setup code')
    .digest();
  return tokenFromBytes(mac, 12).toUpperCase();
}

/** A serving process started by the supervisor (src/server.ts) takes the code the supervisor printed. */
export function useSetupCode(code: string | null): void {
  currentCode = code;
}

/** For tests only: start as a fresh instance with a known code. */
export function setSetupCodeForTests(code: string | null): void {
  currentCode = code;
}
