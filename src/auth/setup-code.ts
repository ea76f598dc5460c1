import type { AppDeps } from '../http/env.js';
import { acrossOrganisations } from '../db/organisation-scope.js';
import { randomToken } from './tokens.js';

/**
 * While an instance has no user, /setup creates the first organisation and administrator, but
 * only with this code, printed to the server's own log at start. Whoever can read that log runs
 * the server; someone who merely reaches a freshly started instance over the network cannot take
 * it over. The code lives in memory only and changes at every start.
 */
let currentCode: string | null = null;

export function setupCode(): string | null {
  return currentCode;
}

export function consumeSetupCode(): void {
  currentCode = null;
}

export async function hasAnyUser(deps: Pick<AppDeps, 'db'>): Promise<boolean> {
  // Before the organisation is known (docs/decisions/034-pre-organisation-look-ups.md): yes or no only.
  const row = await acrossOrganisations('setup', () => deps.db.selectFrom('app_user').select('id').limit(1).executeTakeFirst());
  return row !== undefined;
}

export async function announceSetupCode(deps: AppDeps, print: (line: string) => void = (l) => console.log(l)): Promise<string | null> {
  if (await hasAnyUser(deps)) {
    currentCode = null;
    return null;
  }
  currentCode = randomToken(12).toUpperCase();
  print(`\n  Sociale Balans has no users yet. Open ${deps.config.publicOrigin}/setup and enter setup code: ${currentCode}\n`);
  return currentCode;
}

/** A serving process started by the supervisor (src/server.ts) takes the code the supervisor printed. */
export function useSetupCode(code: string | null): void {
  currentCode = code;
}

/** For tests only: start as a fresh instance with a known code. */
export function setSetupCodeForTests(code: string | null): void {
  currentCode = code;
}
