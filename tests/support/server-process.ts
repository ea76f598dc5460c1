import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { openAppDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { inTransaction } from '../../src/db/transaction.js';
import { loadConfig } from '../../src/config.js';
import { cookieName, createSession, loadCurrentUser, markTwoFactorVerified } from '../../src/auth/sessions.js';
import { scopeOfUser } from '../../src/auth/scope.js';
import { createBalance } from '../../src/balances/queries.js';
import { generateOrganisation } from '../../scripts/generate-data.js';

// The real server as its own process, for the tests that kill it (kill-durability, audit-atomicity):
// a free port, a database with a signed-in worker and a draft balance, start and wait. The database
// is a SQLite file, or a PostgreSQL database when `target` is a postgres:// URL.

/** DATABASE_URL or DATABASE_PATH for `target`. */
function databaseEnv(target: string): Record<string, string> {
  return /^postgres(ql)?:/.test(target) ? { DATABASE_URL: target } : { DATABASE_PATH: target };
}

/** The server's database, opened by the test (SQLite file or PostgreSQL URL). */
export function openTarget(target: string) {
  return openAppDatabase(/^postgres(ql)?:/.test(target) ? { databasePath: '', databaseUrl: target } : { databasePath: target });
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

/** A migrated database file with a generated team, a signed-in worker and a draft balance of theirs. */
export async function seedDraftBalance(target: string, port: number, opts: { households: number; balancesPerHousehold: number; seed: number }) {
  const config = loadConfig({ ...databaseEnv(target), PORT: String(port) });
  const { db, sqlite } = openTarget(target);
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
    if (sqlite?.open) sqlite.close();
  }
}

/**
 * Starts `node --import tsx src/server.ts` on `target` and `port`; `exited` resolves with the
 * signal it ended by. With `capture`, `output()` is what it printed (the setup code, and log lines
 * when `env` asks for them), the first 64 KB; otherwise its output is not kept.
 */
export function startServer(target: string, port: number, env: Record<string, string> = {}, opts: { capture?: boolean } = {}) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, ...databaseEnv(target), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env },
    stdio: opts.capture ? ['ignore', 'pipe', 'pipe'] : 'ignore',
  });
  let output = '';
  const keep = (d: Buffer) => {
    if (output.length < 65_536) output += d.toString();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  return { child, exited, base: `http://127.0.0.1:${port}`, output: () => output };
}

export async function untilUp(base: string) {
  // Up to 30 s: the two vitest projects (SQLite and PostgreSQL) and the cluster share the CPU
  // cores, and a start (tsx compiling, the supervisor forking) takes longer then.
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not start');
}
