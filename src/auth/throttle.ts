import { createHash } from 'node:crypto';
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Failed sign-ins are counted per account (keyed on the e-mail address typed, so unknown
 * addresses behave exactly like known ones) and per client address, in the database so the count
 * holds across restarts and across processes sharing it. Keys are hashed: the table holds no
 * e-mail or IP address in clear.
 *
 * Account: from the 5th failure on, a lock that doubles each time (30 s, 1 min, 2 min ... max 15 min).
 * Address: the same from the 20th failure, because a whole town hall often shares one public
 * address and a few mistyped passwords there must not lock every colleague out.
 * Counters are forgotten after 24 hours without failures.
 *
 * Why "reserve" rather than "check, then record the failure": checking a password takes tens of
 * milliseconds (argon2), and a check-then-record lets every request that arrives within that
 * time through the check before the first failure is written: 100 parallel guesses were all
 * evaluated. So every attempt is counted as a failure *before* the password is checked, by one
 * upsert that also refuses when a lock is running. The database serialises that one statement per
 * key (SQLite by its write lock, PostgreSQL by the row lock, which also holds at READ COMMITTED
 * because ON CONFLICT DO UPDATE re-reads the newest row), so of any number of attempts at once at
 * most the free ones plus one are evaluated. The attempt that crosses the limit sets the lock as
 * it reserves; a success then clears the account's counter (and its lock) and gives its place on
 * the address back.
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

/**
 * Failures from one client address in another flow than sign-in (a client's one-time link): the
 * same counting, its own key, and the address's number of free failures.
 */
export function addressKey(flow: string, ip: string): string {
  return `${flow}-ip:${createHash('sha256').update(ip).digest('hex').slice(0, 32)}`;
}

const freeFailuresOf = (key: string) => (key.startsWith('ip:') || /^[a-z]+-ip:/.test(key) ? ADDRESS_FREE_FAILURES : ACCOUNT_FREE_FAILURES);

/** How long the `failures`-th failure locks (0 while it is still a free one). */
export function lockMsAfter(failures: number, free: number): number {
  const over = failures - free;
  return over > 0 ? Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (over - 1)) : 0;
}

// Numbers written into the SQL text are our own clock and constants, never request input; as
// literals they keep their type on PostgreSQL (a bare parameter in a CASE is "unknown" there, and
// a millisecond timestamp does not fit the integer it would default to).
function literal(n: number) {
  if (!Number.isSafeInteger(n)) throw new RangeError('throttle: not a safe integer');
  return sql.lit(n);
}

type Eb = ExpressionBuilder<Database, 'signin_throttle'>;

/** Whether the row's last failure is old enough to be forgotten: this attempt starts afresh. */
const forgotten = (eb: Eb, now: number) => eb('signin_throttle.last_failure_at', '<=', literal(now - FORGET_AFTER_MS));

/**
 * The new row values after counting one more attempt. SET expressions read the row as it was,
 * so the lock is a CASE over the old count: `failures` before this attempt is `count - 1`.
 */
function afterReservation(eb: Eb, free: number, now: number) {
  let lock = eb.case().when(forgotten(eb, now)).then(literal(0)).when('signin_throttle.failures', '<', literal(free)).then(literal(0));
  for (let count = free + 1; lockMsAfter(count, free) < MAX_LOCK_MS; count++) {
    lock = lock.when('signin_throttle.failures', '=', literal(count - 1)).then(literal(now + lockMsAfter(count, free)));
  }
  return {
    failures: eb
      .case()
      .when(forgotten(eb, now))
      .then(literal(1))
      .else(eb('signin_throttle.failures', '+', literal(1)))
      .end(),
    // A fresh start moves the 24-hour window too, or every attempt in flight would start afresh.
    last_failure_at: eb.case().when(forgotten(eb, now)).then(literal(now)).else(eb.ref('signin_throttle.last_failure_at')).end(),
    locked_until: lock.else(literal(now + MAX_LOCK_MS)).end(),
  };
}

/**
 * Counts one attempt on `key` unless a lock runs: true when the attempt may be evaluated.
 * One statement: the count, the lock check and the new lock are read and written together.
 */
async function reserveKey(db: Kysely<Database>, key: string, now: number): Promise<boolean> {
  const free = freeFailuresOf(key);
  const row = await db
    .insertInto('signin_throttle')
    .values({ key, failures: 1, last_failure_at: now, locked_until: lockMsAfter(1, free) ? now + lockMsAfter(1, free) : 0 })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet((eb) => afterReservation(eb, free, now))
        .where('signin_throttle.locked_until', '<=', now),
    )
    .returning('failures')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Gives back one reserved attempt (it was refused on another key, or it succeeded on a shared
 * address). The lock goes only when the count drops back to a free one; a longer lock that the
 * attempt itself set over an earlier count stays, which errs on the side of locking.
 */
async function releaseKey(db: Kysely<Database>, key: string): Promise<void> {
  const free = freeFailuresOf(key);
  await db
    .updateTable('signin_throttle')
    .set((eb) => ({
      failures: eb('failures', '-', literal(1)),
      locked_until: eb
        .case()
        .when('failures', '<=', literal(free + 1))
        .then(literal(0))
        .else(eb.ref('locked_until'))
        .end(),
    }))
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

export type Reservation = { allowed: true } | { allowed: false; waitMs: number };

/**
 * Call before checking a password or code. When allowed, the attempt already counts as a failure;
 * follow up with `confirmFailure` or `releaseOnSuccess`.
 */
export async function reserveAttempt(db: Kysely<Database>, keys: string[], now: number): Promise<Reservation> {
  const reserved: string[] = [];
  for (const key of keys) {
    if (await reserveKey(db, key, now)) {
      reserved.push(key);
      continue;
    }
    // Refused on this key: the attempt is not evaluated, so it must not count on the others.
    for (const done of reserved) await releaseKey(db, done);
    return { allowed: false, waitMs: await lockedFor(db, keys, now) };
  }
  return { allowed: true };
}

/** The reserved attempt failed: it stays counted, and the 24-hour memory starts again from now. */
export async function confirmFailure(db: Kysely<Database>, keys: string[], now: number): Promise<void> {
  await db.updateTable('signin_throttle').set({ last_failure_at: now }).where('key', 'in', keys).execute();
}

/**
 * The reserved attempt succeeded: the account's counter is cleared; the address's is not (others
 * share it), it only gets this attempt's place back.
 */
export async function releaseOnSuccess(db: Kysely<Database>, keys: string[]): Promise<void> {
  for (const key of keys) {
    if (key.startsWith('acct:')) await db.deleteFrom('signin_throttle').where('key', '=', key).execute();
    else await releaseKey(db, key);
  }
}

/** Milliseconds until sign-in may be tried again for these keys (0 = allowed now). */
export async function lockedFor(db: Kysely<Database>, keys: string[], now: number): Promise<number> {
  const rows = await db.selectFrom('signin_throttle').select(['locked_until']).where('key', 'in', keys).execute();
  return Math.max(0, ...rows.map((r) => r.locked_until - now));
}
