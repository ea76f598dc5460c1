import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Failed sign-ins are counted per account (keyed on the e-mail address typed, so unknown
 * addresses behave exactly like known ones) and per client address, in the database so the count
 * holds across restarts. Keys are hashed: the table holds no e-mail or IP address in clear.
 *
 * Account: from the 5th failure on, a lock that doubles each time (30 s, 1 min, 2 min ... max 15 min).
 * Address: the same from the 20th failure, because a whole town hall often shares one public
 * address and a few mistyped passwords there must not lock every colleague out.
 * Counters are forgotten after 24 hours without failures.
 */
const ACCOUNT_FREE_FAILURES = 4;
const ADDRESS_FREE_FAILURES = 19;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;
const FORGET_AFTER_MS = 24 * 3_600_000;

export function throttleKeys(email: string, ip: string | null): string[] {
  const h = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);
  const keys = [`acct:${h(email.trim().toLowerCase())}`];
  if (ip) keys.push(`ip:${h(ip)}`);
  return keys;
}

/** Milliseconds until sign-in may be tried again for these keys (0 = allowed now). */
export async function lockedFor(db: Kysely<Database>, keys: string[], now: number): Promise<number> {
  const rows = await db.selectFrom('signin_throttle').select(['locked_until']).where('key', 'in', keys).execute();
  return Math.max(0, ...rows.map((r) => r.locked_until - now));
}

export async function recordFailure(db: Kysely<Database>, keys: string[], now: number): Promise<void> {
  for (const key of keys) {
    const free = key.startsWith('ip:') ? ADDRESS_FREE_FAILURES : ACCOUNT_FREE_FAILURES;
    const row = await db.selectFrom('signin_throttle').selectAll().where('key', '=', key).executeTakeFirst();
    const failures = row && now - row.last_failure_at < FORGET_AFTER_MS ? row.failures + 1 : 1;
    const over = failures - free;
    const lockedUntil = over > 0 ? now + Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (over - 1)) : 0;
    await db
      .insertInto('signin_throttle')
      .values({ key, failures, last_failure_at: now, locked_until: lockedUntil })
      .onConflict((oc) => oc.column('key').doUpdateSet({ failures, last_failure_at: now, locked_until: lockedUntil }))
      .execute();
  }
}

/** A successful sign-in clears the account's counter (not the address's: others share it). */
export async function clearAccountFailures(db: Kysely<Database>, email: string): Promise<void> {
  const [accountKey] = throttleKeys(email, null);
  await db.deleteFrom('signin_throttle').where('key', '=', accountKey!).execute();
}
