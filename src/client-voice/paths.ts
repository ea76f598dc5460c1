// The client view's own prefix. Everything a client reaches is under it, so a reverse proxy can
// expose exactly this to the client-facing address (README, "Client links"), and the hand-over
// lock lets exactly this through. Worker pages about client voice live in the client file instead.

export const CLIENT_PREFIX = '/client';

export function isClientPath(path: string): boolean {
  return path === CLIENT_PREFIX || path.startsWith(`${CLIENT_PREFIX}/`);
}

/** The worker's page of "the client scores too" for a balance. */
export function clientVoicePath(householdId: number, balanceId: number): string {
  return `/households/${householdId}/balances/${balanceId}/client-voice`;
}

/**
 * Where a worker signs in again to take a handed-over screen back. Today the project's own sign-in
 * (which asks for the second step: a hand-over needs it). Single sign-on can answer here instead.
 */
export function reauthenticationUrl(next: string): string {
  return `/signin?next=${encodeURIComponent(next)}`;
}
