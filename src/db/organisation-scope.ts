import { AsyncLocalStorage } from 'node:async_hooks';

// Which organisation the database work of this moment belongs to. On PostgreSQL this is the second
// wall between OCMWs (docs/decisions/036-organisation-wall.md): every connection taken from the
// pool is told the scope of the code that takes it (src/db/postgres.ts), and row-level security
// shows and accepts only that organisation's rows. A query that forgets its `where organisation_id`
// still sees nothing of another OCMW. On SQLite (one OCMW per file) the scope changes nothing.
//
// The scope travels with the async call chain (AsyncLocalStorage), so the request's middleware sets
// it once and every query below it, in any module, runs in it without passing it along.

/**
 * The reviewed reasons to work across organisations: the look-ups that find the organisation
 * (docs/decisions/034-pre-organisation-lookups.md) and the few jobs that are about the whole
 * database. A new one is added here, named, and to decision 034's table — nowhere else.
 */
export type AcrossOrganisations =
  // Look-ups that find who is asking, before the organisation is known.
  | 'sign-in'
  | 'session'
  | 'user-token'
  | 'api-token'
  | 'client-link'
  | 'single-sign-on'
  | 'setup'
  // E-mail addresses are unique over the whole instance: inviting checks them everywhere.
  | 'account-address'
  // Jobs about the whole database.
  | 'migration'
  | 'digest'
  | 'command-line';

export type DatabaseScope = { organisationId: number } | { across: AcrossOrganisations };

const storage = new AsyncLocalStorage<DatabaseScope>();

/** Runs `fn` with the database scoped to one organisation. */
export function inOrganisation<T>(organisationId: number, fn: () => T): T {
  if (!Number.isSafeInteger(organisationId) || organisationId <= 0) throw new Error(`not an organisation id: ${organisationId}`);
  return storage.run({ organisationId }, fn);
}

/**
 * Runs `fn` with every organisation's rows visible: only for the named reasons above. Keep `fn`
 * as small as the look-up itself; what follows, once the organisation is known, runs inOrganisation.
 */
export function acrossOrganisations<T>(reason: AcrossOrganisations, fn: () => T): T {
  return storage.run({ across: reason }, fn);
}

/** The scope of the running code; undefined outside both (then PostgreSQL shows no walled row). */
export function currentScope(): DatabaseScope | undefined {
  return storage.getStore();
}

/**
 * The two settings PostgreSQL's policies read (migrations/20261209T1000_organisation_wall_plans.ts).
 * Across organisations is one setting whatever the reason: the reasons are reviewed here, in code;
 * the database only needs to know that the wall is open, and a connection that does the look-ups
 * need not be told again for each reason (src/db/postgres.ts).
 */
export function scopeSettings(scope: DatabaseScope | undefined): { organisationId: string; across: string } {
  if (!scope) return { organisationId: '', across: '' };
  if ('organisationId' in scope) return { organisationId: String(scope.organisationId), across: '' };
  return { organisationId: '', across: 'on' };
}
