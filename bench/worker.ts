import type { Kysely } from 'kysely';
import type { Config } from '../src/config.js';
import type { Database } from '../src/db/schema.js';
import { cookieName, createSession, loadCurrentUser, markTwoFactorVerified } from '../src/auth/sessions.js';
import { scopeOfUser } from '../src/auth/scope.js';
import { createBalance } from '../src/balances/queries.js';
import { EMPTY_CELL, fingerprint } from '../src/balances/logic.js';
import type { generateOrganisation } from '../scripts/generate-data.js';

// What several benches set up the same way: a signed-in worker, the editor's household, a draft balance.

/** A session for this user with the second step done, as the Cookie header a browser sends. */
export async function signedInCookie(db: Kysely<Database>, config: Config, userId: number): Promise<string> {
  const session = await createSession(db, userId, Date.now(), 'Mozilla/5.0 (Windows NT 10.0) Chrome/156.0');
  await markTwoFactorVerified(db, session.id);
  return `${cookieName(config)}=${session.token}`;
}

/** The first active household of exactly four members in a team (the benches' editor household). */
export async function householdOfFour(db: Kysely<Database>, teamId: number): Promise<number> {
  const row = await db
    .selectFrom('household')
    .innerJoin('household_member as m', 'm.household_id', 'household.id')
    .select('household.id')
    .where('household.team_id', '=', teamId)
    .where('household.status', '=', 'active')
    .groupBy('household.id')
    .having((eb) => eb.fn.countAll(), '=', 4)
    .orderBy('household.id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A worker of the generated organisation's team 1, signed in, and a new draft balance on a household of theirs with four members. */
export async function workerWithDraft(db: Kysely<Database>, config: Config, org: Awaited<ReturnType<typeof generateOrganisation>>) {
  const worker = org.workers[1]!;
  const cookie = await signedInCookie(db, config, worker.id);
  const user = (await loadCurrentUser(db, worker.id))!;
  const householdId = await householdOfFour(db, worker.teamId);
  const today = new Date().toISOString().slice(0, 10);
  const draftId = (await db
    .transaction()
    .execute((trx) => createBalance(trx, scopeOfUser(user), householdId, { takenOn: today, method: 'samen', participants: [], prefill: false }, Date.now())))!;
  return { worker, cookie, user, householdId, draftId };
}

/** The latest finalised balance of a household (the generated ones have three). */
export async function latestFinalBalance(db: Kysely<Database>, householdId: number): Promise<number> {
  const row = await db
    .selectFrom('balance')
    .select('id')
    .where('household_id', '=', householdId)
    .where('status', '=', 'final')
    .orderBy('taken_on', 'desc')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A score save as the editor page posts it through htmx: every call a new value in the household's
 * first cell, as the same editor (its token), so each really writes and none is a conflict.
 */
export function scoreSave(config: Config, cookie: string, editorToken: string) {
  let n = 0;
  const headers = {
    Cookie: cookie,
    Origin: config.publicOrigin,
    'Content-Type': 'application/x-www-form-urlencoded',
    'HX-Request': 'true',
    'HX-Request-Type': 'partial',
  };
  const body = () => {
    n++;
    return new URLSearchParams({
      editor: editorToken,
      theme: 'h:huishouden-wonen',
      'v.h.verblijfplaats': '0',
      'o.h.verblijfplaats': fingerprint(EMPTY_CELL),
      's.h.verblijfplaats': String(1 + (n % 5)),
      'r.h.verblijfplaats': `Opmerking ${n}`,
      'c.h.verblijfplaats': '',
    }).toString();
  };
  return { headers, body };
}
