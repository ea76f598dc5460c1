import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { loadConfig } from '../../src/config.js';
import { cookieName, createSession, loadCurrentUser, markTwoFactorVerified } from '../../src/auth/sessions.js';
import { scopeOfUser } from '../../src/auth/scope.js';
import { createBalance } from '../../src/balances/queries.js';
import { generateOrganisation } from '../../scripts/generate-data.js';

// A change and its audit row commit together or not at all (src/db/transaction.ts,
// src/audit/route-audit.ts). The real server is started with the test-only failpoint
// SB_TEST_KILL_BEFORE_AUDIT (src/audit/failpoint.ts): it SIGKILLs itself after the change's
// statements ran and before the audit row is inserted. Afterwards the database must hold neither
// the change nor its audit row; without the failpoint, both.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-atomic-'));
const file = path.join(dir, 'atomic.sqlite');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let port: number;
let cookie: string;
let balanceId: number;
let finalisationPath: string;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

beforeAll(async () => {
  port = await freePort();
  const config = loadConfig({ DATABASE_PATH: file, PORT: String(port) });
  const { db, sqlite } = openDatabase(file);
  await migrateToLatest(db);
  const org = await generateOrganisation(db, { households: 1, balancesPerHousehold: 0, teams: 1, seed: 5 });
  const worker = org.workers[0]!;
  const session = await createSession(db, worker.id, Date.now(), 'atomicity test');
  await markTwoFactorVerified(db, session.id);
  cookie = `${cookieName(config)}=${session.token}`;
  const household = (await db.selectFrom('household').select('id').where('team_id', '=', worker.teamId).executeTakeFirstOrThrow()).id;
  const user = (await loadCurrentUser(db, worker.id))!;
  balanceId = (await db
    .transaction()
    .execute((trx) =>
      createBalance(
        trx,
        scopeOfUser(user),
        household,
        { takenOn: new Date().toISOString().slice(0, 10), method: 'samen', participants: [], prefill: false },
        Date.now(),
      ),
    ))!;
  finalisationPath = `/households/${household}/balances/${balanceId}/finalisation`;
  await db.destroy();
  if (sqlite.open) sqlite.close();
}, 60_000);

/** Starts one serving process, finalises the balance, and returns how the request ended and the process exited. */
async function finaliseWith(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, DATABASE_PATH: file, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', WEB_PROCESSES: '1', ...env },
    stdio: 'ignore',
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (i > 300) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
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
  const { db, sqlite } = openDatabase(file);
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
    if (sqlite.open) sqlite.close();
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
