import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

// The one way to change data: the route opens the transaction (inTransaction), calls the domain
// functions with `trx` (they take Transaction<Database> first, so they cannot be called outside
// one), and writes the audit row with auditChange (src/audit/route-audit.ts) in the same
// transaction. The change and its audit row commit together or not at all.

export type Trx = Transaction<Database>;

/**
 * Thrown by a domain function inside the transaction to undo everything written so far and answer
 * `outcome` instead (e.g. "this draft cannot be signed": the save it did first is rolled back).
 */
export class Rollback<T> extends Error {
  constructor(readonly outcome: T) {
    super('rollback');
  }
}

/** Runs `fn` in one transaction; a Rollback thrown inside rolls it back and returns its outcome. */
export async function inTransaction<T>(db: Kysely<Database>, fn: (trx: Trx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(fn);
  } catch (e) {
    if (e instanceof Rollback) return e.outcome as T;
    throw e;
  }
}
