import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, openTarget, seedDraftBalance, startServer, untilUp } from '../support/server-process.js';
import { openTestDatabase, testDialect, type TestDatabase } from '../support/test-database.js';

// A change and its audit row commit together or not at all (src/db/transaction.ts,
// src/audit/route-audit.ts). The real server is started with the test-only failpoint
// SB_TEST_KILL_BEFORE_AUDIT (src/audit/failpoint.ts): it SIGKILLs itself after the change's
// statements ran and before the audit row is inserted. Afterwards the database must hold neither
// the change nor its audit row; without the failpoint, both. On SQLite the killed process leaves
// its write in the WAL uncommitted; on PostgreSQL the server rolls back the dropped connection's
// transaction.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-atomic-'));
// The server's database: a SQLite file, or (postgres project) an empty PostgreSQL database.
let target = path.join(dir, 'atomic.sqlite');
let postgres: TestDatabase | undefined;
afterAll(async () => {
  await postgres?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let port: number;
let cookie: string;
let balanceId: number;
let finalisationPath: string;

beforeAll(async () => {
  if (testDialect === 'postgres') {
    postgres = await openTestDatabase('template0');
    target = postgres.url!;
  }
  port = await freePort();
  const seeded = await seedDraftBalance(target, port, { households: 1, balancesPerHousehold: 0, seed: 5 });
  cookie = seeded.cookie;
  balanceId = seeded.balanceId;
  finalisationPath = `/households/${seeded.householdId}/balances/${balanceId}/finalisation`;
}, 60_000);

/** Starts one serving process, finalises the balance, and returns how the request ended and the process exited. */
async function finaliseWith(env: Record<string, string>) {
  const { child, exited, base } = startServer(target, port, { WEB_PROCESSES: '1', ...env });
  await untilUp(base);
  let status: number | 'no answer';
  try {
    const res = await fetch(base + finalisationPath, {
      method: 'POST',
      redirect: 'manual',
      body: '',
      headers: { Cookie: cookie, Origin: `http://localhost:${port}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    status = res.status;
  } catch {
    status = 'no answer';
  }
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  return { status, signal: await exited };
}

async function stored() {
  const { db, sqlite } = openTarget(target);
  try {
    const balance = await db.selectFrom('balance').select('status').where('id', '=', balanceId).executeTakeFirstOrThrow();
    const audited = await db
      .selectFrom('audit_event')
      .select('id')
      .where('action', '=', 'balance.finalised')
      .where('target_id', '=', String(balanceId))
      .execute();
    return { status: balance.status, auditRows: audited.length };
  } finally {
    await db.destroy();
    if (sqlite?.open) sqlite.close();
  }
}

describe('a change and its audit row', () => {
  it('are both absent when the process dies between the change and the audit insert, and both present otherwise', async () => {
    const killed = await finaliseWith({ SB_TEST_KILL_BEFORE_AUDIT: 'balance.finalised' });
    expect(killed).toEqual({ status: 'no answer', signal: 'SIGKILL' });
    expect(await stored()).toEqual({ status: 'draft', auditRows: 0 });

    const normal = await finaliseWith({});
    expect(normal.status).toBe(303);
    expect(await stored()).toEqual({ status: 'final', auditRows: 1 });
  }, 60_000);
});
