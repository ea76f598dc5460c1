/**
 * `npm run bench`: measures on this machine and prints tables. Nothing is asserted here; the figures
 * go into docs/benchmarks.md and issue notes with the command that produced them.
 *
 * Setup: a file database (WAL, synchronous=FULL, as in production) holding a generated organisation
 * (BENCH_HOUSEHOLDS households, default 5,000, ~4 members on average, 3 finalised balances each).
 * Each HTTP measurement runs autocannon over loopback against the app in this process, next to a
 * static file of the same size served by the same server, so the ratio shows the cost of our code.
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
import { cookieName, createSession, markTwoFactorVerified } from '../src/auth/sessions.js';
import { hashPassword, verifyPassword } from '../src/auth/password.js';
import { scopeOfUser } from '../src/auth/scope.js';
import { loadCurrentUser } from '../src/auth/sessions.js';
import { createBalance } from '../src/balances/queries.js';
import { EMPTY_CELL, fingerprint } from '../src/balances/logic.js';
import { generateOrganisation } from '../scripts/generate-data.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 5000);

type Row = { name: string; r: autocannon.Result; bytes: number };

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-bench-'));
  const config = { ...loadConfig({ DATABASE_PATH: path.join(dir, 'bench.sqlite'), LOG_LEVEL: 'silent' }), sessionIdleMs: 3_600_000 };
  const { db, sqlite } = openDatabase(config.databasePath);
  await migrateToLatest(db);
  const deps = { db, config, logger: createLogger('silent'), now: () => Date.now() };
  const app = createApp(deps);

  let t0 = performance.now();
  const org = await generateOrganisation(db, { households: HOUSEHOLDS, balancesPerHousehold: 3, seed: 7 });
  const genSeconds = (performance.now() - t0) / 1000;
  const counts = {
    households: Number((await db.selectFrom('household').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    members: Number((await db.selectFrom('household_member').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    balances: Number((await db.selectFrom('balance').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    scores: Number((await db.selectFrom('balance_score').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
  };
  const dbBytes = fs.statSync(config.databasePath).size;

  // A worker of team 1, signed in, and a draft balance on a household of theirs with 4 members.
  const worker = org.workers[1]!;
  const s = await createSession(db, worker.id, Date.now(), 'Mozilla/5.0 (Windows NT 10.0) Chrome/156.0');
  await markTwoFactorVerified(db, s.id);
  const cookie = `${cookieName(config)}=${s.token}`;
  const user = (await loadCurrentUser(db, worker.id))!;
  const four = await db.selectFrom('household').innerJoin('household_member as m', 'm.household_id', 'household.id')
    .select('household.id').where('household.team_id', '=', worker.teamId).where('household.status', '=', 'active')
    .groupBy('household.id').having((eb) => eb.fn.countAll(), '=', 4).executeTakeFirstOrThrow();
  const today = new Date().toISOString().slice(0, 10);
  const balanceId = (await createBalance(db, scopeOfUser(user), four.id, { takenOn: today, method: 'samen', participants: [], prefill: false }, Date.now()))!;
  const editorPath = `/households/${four.id}/balances/${balanceId}`;
  const firstCell = 'h.verblijfplaats';

  const page = async (p: string) => {
    const res = await app.request(p, { headers: { Cookie: cookie } });
    if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
    return Buffer.from(await res.text());
  };
  const editorHtml = await page(editorPath);
  const caseloadHtml = await page('/households?q=peeters&status=all');
  const dossierHtml = await page(`/households/${four.id}`);

  const outer = new Hono();
  const statics = new Map<string, Buffer>([['editor', editorHtml], ['caseload', caseloadHtml], ['dossier', dossierHtml]]);
  outer.get('/__bench/static/:name', (c) => c.body(new Uint8Array(statics.get(c.req.param('name'))!), 200, { 'Content-Type': 'text/html; charset=utf-8' }));
  outer.route('/', app);
  const server = serve({ fetch: outer.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;

  const run = (opts: Partial<autocannon.Options>) => autocannon({ url: base, connections: CONNECTIONS, duration: DURATION_S, ...opts } as autocannon.Options);
  const rows: Row[] = [];
  const get = async (name: string, p: string, bytes: number, withCookie = true) => {
    const r = await run({ url: base + p, headers: withCookie ? { Cookie: cookie } : {} });
    if (r.non2xx) throw new Error(`${name}: ${r.non2xx} non-2xx answers`);
    rows.push({ name, r, bytes });
  };

  await get('static file, size of the editor', '/__bench/static/editor', editorHtml.length, false);
  await get('balance editor page (4 members, draft)', editorPath, editorHtml.length);
  // The same page for one user at a time: the latency a worker sees when the server is not saturated.
  {
    const r = await autocannon({ url: base + editorPath, connections: 1, duration: DURATION_S, headers: { Cookie: cookie } } as autocannon.Options);
    rows.push({ name: 'balance editor page, 1 connection', r, bytes: editorHtml.length });
  }
  await get('static file, size of the caseload', '/__bench/static/caseload', caseloadHtml.length, false);
  await get(`caseload search "peeters" (${HOUSEHOLDS} households)`, '/households?q=peeters&status=all', caseloadHtml.length);
  await get('dossier page', `/households/${four.id}`, dossierHtml.length);

  // Score saves: every request really writes (a new value each time) through the htmx path.
  let n = 0;
  const saves = await run({
    url: `${base}${editorPath}/scores`,
    method: 'POST',
    headers: { Cookie: cookie, Origin: config.publicOrigin, 'Content-Type': 'application/x-www-form-urlencoded', 'HX-Request': 'true', 'HX-Request-Type': 'partial' },
    requests: [{
      setupRequest: (req: any) => {
        n++;
        const body = new URLSearchParams({ editor: 'bench-editor', theme: 'h:huishouden-wonen', [`v.${firstCell}`]: '0', [`o.${firstCell}`]: fingerprint(EMPTY_CELL), [`s.${firstCell}`]: String(1 + (n % 5)), [`r.${firstCell}`]: `Opmerking ${n}`, [`c.${firstCell}`]: '' });
        return { ...req, body: body.toString() };
      },
    }],
  } as Partial<autocannon.Options>);
  if (saves.non2xx) throw new Error(`score saves: ${saves.non2xx} non-2xx answers`);
  rows.push({ name: 'score save (htmx POST, synchronous=FULL)', r: saves, bytes: 0 });
  const saved = await db.selectFrom('balance_score').select('revision').where('balance_id', '=', balanceId).where('subject', '=', 'h').where('domain_key', '=', 'verblijfplaats').executeTakeFirstOrThrow();

  console.log(`Sociale Balans bench — node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), autocannon ${DURATION_S}s x ${CONNECTIONS} connections per row`);
  console.log(`Data: ${counts.households} households, ${counts.members} members, ${counts.balances} balances, ${counts.scores} scores; database ${(dbBytes / 1e6).toFixed(0)} MB; generated in ${genSeconds.toFixed(1)} s\n`);
  console.log('| what | HTML bytes | req/s | p50 ms | p99 ms | errors |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const { name, r, bytes } of rows) console.log(`| ${name} | ${bytes || '-'} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${r.errors + r.non2xx} |`);
  const ratio = (a: number, b: number) => (rows[a]!.r.requests.average / rows[b]!.r.requests.average).toFixed(3);
  console.log(`\nratio editor/static req/s: ${ratio(1, 0)}; caseload/static: ${ratio(4, 3)}`);
  console.log(`score saves written: revision of the cell after the run = ${saved.revision}`);

  const times = { hash: [] as number[], verify: [] as number[] };
  const stored = await hashPassword('een redelijk lang wachtwoord');
  for (let i = 0; i < 20; i++) {
    t0 = performance.now();
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
  if (sqlite.open) sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
