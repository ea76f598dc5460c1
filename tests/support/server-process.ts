import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { inTransaction } from '../../src/db/transaction.js';
import { loadConfig } from '../../src/config.js';
import { cookieName, createSession, loadCurrentUser, markTwoFactorVerified } from '../../src/auth/sessions.js';
import { scopeOfUser } from '../../src/auth/scope.js';
import { createBalance } from '../../src/balances/queries.js';
import { generateOrganisation } from '../../scripts/generate-data.js';

// The real server as its own process, for the tests that kill it (kill-durability, audit-atomicity):
// a free port, a database file with a signed-in worker and a draft balance, start and wait.

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

/** A migrated database file with a generated team, a signed-in worker and a draft balance of theirs. */
export async function seedDraftBalance(file: string, port: number, opts: { households: number; balancesPerHousehold: number; seed: number }) {
  const config = loadConfig({ DATABASE_PATH: file, PORT: String(port) });
  const { db, sqlite } = openDatabase(file);
  try {
    await migrateToLatest(db);
    const org = await generateOrganisation(db, { ...opts, teams: 1 });
    const worker = org.workers[1]!;
    const session = await createSession(db, worker.id, Date.now(), 'server process test');
    await markTwoFactorVerified(db, session.id);
    const householdId = (
      await db.selectFrom('household').select('id').where('team_id', '=', worker.teamId).where('status', '=', 'active').executeTakeFirstOrThrow()
    ).id;
    const user = (await loadCurrentUser(db, worker.id))!;
    const values = { takenOn: new Date().toISOString().slice(0, 10), method: 'samen' as const, participants: [], prefill: false };
    const balanceId = (await inTransaction(db, (trx) => createBalance(trx, scopeOfUser(user), householdId, values, Date.now())))!;
    const version = await db.selectFrom('catalogue_version').select('content').orderBy('number', 'desc').executeTakeFirstOrThrow();
    return { cookie: `${cookieName(config)}=${session.token}`, householdId, balanceId, catalogueContent: String(version.content) };
  } finally {
    await db.destroy();
    if (sqlite.open) sqlite.close();
  }
}

/** Starts `node --import tsx src/server.ts` on `file` and `port`; `exited` resolves with the signal it ended by. */
export function startServer(file: string, port: number, env: Record<string, string> = {}) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, DATABASE_PATH: file, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env },
    stdio: 'ignore',
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  return { child, exited, base: `http://127.0.0.1:${port}` };
}

export async function untilUp(base: string) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not start');
}
