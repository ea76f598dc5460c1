import { sql, type Kysely, type KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { audit, isReadAction, type AuditEntry } from '../../src/audit/audit.js';
import type { Database } from '../../src/db/schema.js';
import { makeTestApp, type TestApp } from '../support/app.js';

// Page views are audited with group commit: the rows of views that reach the audit in the same turn
// of the event loop share one INSERT (one commit, one fsync); changes are never batched.

let t: TestApp;
let db: Kysely<Database>;
let inserts: number;
beforeEach(async () => {
  t = await makeTestApp();
  inserts = 0;
  // The same database, seen through a Kysely that counts the INSERT statements into audit_event it runs.
  const counter: KyselyPlugin = {
    transformQuery(args) {
      const node = args.node;
      if (node.kind === 'InsertQueryNode' && node.into?.table.identifier.name === 'audit_event') inserts++;
      return node;
    },
    transformResult: async (args) => args.result,
  };
  db = t.db.withPlugin(counter);
});
afterEach(async () => {
  await t.close();
});

const count = async () =>
  Number(
    (
      await t.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const view = (i: number): AuditEntry => ({ organisationId: null, actorUserId: null, action: 'household.viewed', targetType: 'household', targetId: i });

describe('audit group commit', () => {
  it('commits concurrent views in one statement, and each caller continues only after its row is stored', async () => {
    const before = await count();
    const stored: number[] = [];
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        audit(db, 1, view(i)).then(async () => {
          stored.push(await count());
        }),
      ),
    );
    expect(await count()).toBe(before + 25);
    expect(inserts).toBe(1);
    // Every caller saw all 25 rows when its promise resolved: nothing resolves before the commit.
    expect(stored.every((n) => n === before + 25)).toBe(true);
  });

  it('never batches a change: each change row is its own statement', async () => {
    await Promise.all([
      audit(db, 1, { organisationId: null, actorUserId: null, action: 'household.updated', targetId: 1 }),
      audit(db, 1, { organisationId: null, actorUserId: null, action: 'household.updated', targetId: 2 }),
    ]);
    expect(inserts).toBe(2);
  });

  it('writes a view inside a transaction as part of that transaction (rolled back with it)', async () => {
    const before = await count();
    await expect(
      db.transaction().execute(async (trx) => {
        await audit(trx, 1, view(1));
        throw new Error('change refused');
      }),
    ).rejects.toThrow('change refused');
    expect(await count()).toBe(before);
  });

  it('rejects a view whose row cannot be stored, so no page is shown unaudited, without failing the others', async () => {
    const before = await count();
    const broken = { ...view(1), outcome: 'bogus' as never }; // refused by the CHECK on outcome
    const results = await Promise.allSettled([audit(db, 1, view(2)), audit(db, 1, broken), audit(db, 1, view(3))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await count()).toBe(before + 2);
  });

  it('rejects every waiting view when the database refuses the write', async () => {
    await sql`ALTER TABLE audit_event RENAME TO audit_event_away`.execute(t.db);
    const results = await Promise.allSettled([audit(db, 1, view(1)), audit(db, 1, view(2))]);
    await sql`ALTER TABLE audit_event_away RENAME TO audit_event`.execute(t.db);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('classifies reads and changes', () => {
    expect(isReadAction('caseload.viewed')).toBe(true);
    expect(isReadAction('balance.overview_viewed')).toBe(true);
    expect(isReadAction('balance.pdf_downloaded')).toBe(true);
    expect(isReadAction('access.denied')).toBe(true);
    expect(isReadAction('balance.scores_saved')).toBe(false);
    expect(isReadAction('signin.failure')).toBe(false);
  });
});
