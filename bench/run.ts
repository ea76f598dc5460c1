/**
 * `npm run bench`: measures on this machine, prints a table. Nothing here is asserted; the
 * numbers go into issue notes and docs/benchmarks.md with the command that produced them.
 *
 * 1. A signed-in page (Mijn account: layout, forms, a sessions table) against a static file of the
 *    same size served by the same process, with autocannon over loopback.
 * 2. Sign-in cost: argon2id hash and verify time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import autocannon from 'autocannon';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createLogger } from '../src/http/logger.js';
import { createOrganisation, createUser } from '../src/auth/queries.js';
import { cookieName, createSession, markTwoFactorVerified } from '../src/auth/sessions.js';
import { hashPassword, verifyPassword } from '../src/auth/password.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-bench-'));
  const config = { ...loadConfig({ DATABASE_PATH: path.join(dir, 'bench.sqlite'), LOG_LEVEL: 'silent' }), sessionIdleMs: 3_600_000 };
  const { db, sqlite } = openDatabase(config.databasePath);
  await migrateToLatest(db);
  const deps = { db, config, logger: createLogger('silent'), now: () => Date.now() };
  const app = createApp(deps);

  const now = Date.now();
  const org = await createOrganisation(db, 'OCMW Bench', now);
  const userId = await createUser(db, { organisationId: org, email: 'bench@ocmw.be', displayName: 'Bench Gebruiker', passwordHash: await hashPassword('bench wachtwoord lang'), isAdmin: true }, now);
  await db.updateTable('app_user').set({ totp_enabled_at: now }).where('id', '=', userId).execute();
  const team = await db.insertInto('team').values({ organisation_id: org, name: 'Team Noord', created_at: now }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('team_membership').values({ team_id: team.id, user_id: userId, role: 'worker' }).execute();
  let cookie = '';
  for (let i = 0; i < 6; i++) { // a few devices, so the sessions table has rows
    const s = await createSession(db, userId, now, 'Mozilla/5.0 (Windows NT 10.0) Chrome/156.0');
    await markTwoFactorVerified(db, s.id);
    cookie = `${cookieName(config)}=${s.token}`;
  }

  const page = await app.request('/account', { headers: { Cookie: cookie } });
  if (page.status !== 200) throw new Error(`account page answered ${page.status}`);
  const html = Buffer.from(await page.text());

  // Same process, same server: the static twin of the page, to see what rendering + session cost.
  const outer = new Hono();
  outer.get('/__bench/static.html', (c) => c.body(new Uint8Array(html), 200, { 'Content-Type': 'text/html; charset=utf-8' }));
  outer.route('/', app);
  const server = serve({ fetch: outer.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as AddressInfo).port;

  const run = (url: string, headers: Record<string, string> = {}) =>
    autocannon({ url: `http://127.0.0.1:${port}${url}`, connections: CONNECTIONS, duration: DURATION_S, headers });

  console.log(`Sociale Balans bench — node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), ${DURATION_S}s x ${CONNECTIONS} connections each`);
  const staticRes = await run('/__bench/static.html');
  const pageRes = await run('/account', { Cookie: cookie });
  if (pageRes.non2xx > 0) throw new Error(`account page: ${pageRes.non2xx} non-2xx answers`);

  const row = (name: string, r: autocannon.Result) =>
    `| ${name} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${r.errors + r.non2xx} |`;
  console.log(`\nPage: GET /account (signed in, ${html.length} bytes of HTML) vs a static file of the same size`);
  console.log('| what | req/s | p50 ms | p99 ms | errors |');
  console.log('| --- | --- | --- | --- | --- |');
  console.log(row('static file, same size', staticRes));
  console.log(row('signed-in page', pageRes));
  console.log(`ratio page/static req/s: ${(pageRes.requests.average / staticRes.requests.average).toFixed(2)}`);

  // Sign-in cost: the argon2id parameters chosen in src/auth/password.ts.
  const times = { hash: [] as number[], verify: [] as number[] };
  const stored = await hashPassword('een redelijk lang wachtwoord');
  for (let i = 0; i < 20; i++) {
    let t0 = performance.now();
    await hashPassword('een redelijk lang wachtwoord ' + i);
    times.hash.push(performance.now() - t0);
    t0 = performance.now();
    await verifyPassword(stored, 'een redelijk lang wachtwoord');
    times.verify.push(performance.now() - t0);
  }
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!.toFixed(1);
  console.log('\nSign-in cost (argon2id m=19456 KiB, t=2, p=1), 20 runs');
  console.log('| operation | p50 ms | p95 ms |');
  console.log('| --- | --- | --- |');
  console.log(`| hash | ${pct(times.hash, 50)} | ${pct(times.hash, 95)} |`);
  console.log(`| verify (sign-in) | ${pct(times.verify, 50)} | ${pct(times.verify, 95)} |`);

  server.close();
  await db.destroy();
  sqlite.open && sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
