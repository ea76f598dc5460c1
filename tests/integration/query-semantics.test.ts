import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { createOrganisation } from '../../src/auth/queries.js';
import { acrossOrganisations, inOrganisation } from '../../src/db/organisation-scope.js';
import type { Database } from '../../src/db/schema.js';
import { inTransaction } from '../../src/db/transaction.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

// The queries are written once and run on SQLite and on PostgreSQL; where PostgreSQL would read
// the same query otherwise, src/db/postgres.ts rewrites it (SqliteSemanticsPlugin). These are the
// rewritten forms, on both databases, with the answers SQLite gives.

let database: TestDatabase;
let db: Kysely<Database>;
let organisationId: number;
const ids: number[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.appDb;
  organisationId = await acrossOrganisations('command-line', () => inTransaction(database.db, (trx) => createOrganisation(trx, 'OCMW Vragen', Date.now())));
  await inOrganisation(organisationId, async () => {
    for (const name of ['Anker', 'Baken', 'Cirkel', 'Duin']) {
      const row = await db
        .insertInto('team')
        .values({ organisation_id: organisationId, name, created_at: Date.now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
  });
});
afterAll(async () => {
  await database.close();
});

const teams = (where: (q: ReturnType<typeof base>) => ReturnType<typeof base>) =>
  inOrganisation(organisationId, async () => (await where(base()).orderBy('name').execute()).map((r) => r.name));
const base = () => db.selectFrom('team').select('name');

describe('a query means the same on both databases', () => {
  it('with a list of values: in, not in, a long list, an empty list', async () => {
    const [a, b, c] = ids as [number, number, number];
    expect(await teams((q) => q.where('id', 'in', [a, c]))).toEqual(['Anker', 'Cirkel']);
    expect(await teams((q) => q.where('id', 'not in', [a, c]))).toEqual(['Baken', 'Duin']);
    // Longer than any list prepared as it is: the same statement whatever its length.
    const many = [b, ...Array.from({ length: 60 }, (_, i) => 1_000_000 + i)];
    expect(await teams((q) => q.where('id', 'in', many))).toEqual(['Baken']);
    expect(await teams((q) => q.where('id', 'not in', many))).toEqual(['Anker', 'Cirkel', 'Duin']);
    expect(await teams((q) => q.where('name', 'in', ['Duin', 'Zee']))).toEqual(['Duin']);
    expect(await teams((q) => q.where('id', 'in', []))).toEqual([]);
    expect(await teams((q) => q.where('id', 'not in', []))).toEqual(['Anker', 'Baken', 'Cirkel', 'Duin']);
  });

  it('with NULL among the values: in finds what matches, not in finds nothing', async () => {
    const [a] = ids as [number];
    expect(await teams((q) => q.where('id', 'in', [a, null as unknown as number]))).toEqual(['Anker']);
    expect(await teams((q) => q.where('id', 'not in', [a, null as unknown as number]))).toEqual([]);
  });
});
