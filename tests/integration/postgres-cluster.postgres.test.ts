import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startCluster, type Cluster } from '../../scripts/postgres-cluster.js';

// The benchmarks compare PostgreSQL with a SQLite file that flushes every commit
// (synchronous=FULL): their cluster must flush too, or PostgreSQL's figures flatter it. The tests'
// cluster does not need to (a lost test database is made again).

async function settings(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ fsync: string; synchronous_commit: string; full_page_writes: string }>(
      `SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit, current_setting('full_page_writes') AS full_page_writes`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

let durable: Cluster | undefined;
afterAll(async () => {
  await durable?.stop();
});

describe('the throwaway PostgreSQL cluster', () => {
  it('flushes every commit when asked to be durable (the benchmarks), over TCP as well as the socket', async () => {
    durable = await startCluster({ durable: true });
    const on = { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' };
    expect(await settings(durable.adminUrl)).toEqual(on);
    expect(await settings(durable.urlFor('postgres', 'tcp'))).toEqual(on);
  });

  it("does not for the tests (vitest's cluster)", async () => {
    expect(await settings(inject('postgresAdminUrl'))).toEqual({ fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' });
  });
});
