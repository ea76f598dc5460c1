/**
 * Load, start-up and transfer figures (`npm run bench`, or alone: `npm run bench -- --load`).
 *
 * The server runs as its own process, exactly as in production (`node dist/src/server.js`, built
 * first; WAL, synchronous=FULL, every view audited), on a file database holding a generated,
 * fictional organisation. This process is the load generator: simulated social workers, each with
 * its own session and connection, who read their caseload, a dossier and a balance and now and then
 * save a score on a draft balance of their own (through the htmx path, as the editor does).
 *
 * Shapes, all in one run so they share the machine's state:
 * - static baseline: the same workers fetching a static file with no think time — what the HTTP
 *   stack and this load generator manage on this machine, the ceiling for the rows below;
 * - realistic use: think time of 1-3 s between requests;
 * - saturation: no think time.
 * The load generator's own CPU share is reported: on 2 cores it competes with the server.
 *
 * With `npm run bench -- --postgres` the same organisation is also generated on PostgreSQL
 * (bench/database.ts: a throwaway cluster with fsync on, on this machine) and every process count
 * runs on both, side by side: WEB_PROCESSES=2 is two real serving processes with a connection pool
 * each, as two app processes (or machines) of a shared deployment. The cluster's CPU is reported
 * beside the server's: on 2 cores, the database, the servers and this load generator share them.
 *
 * Environment: LOAD_WORKERS (50), LOAD_HOUSEHOLDS (5000), LOAD_REALISTIC_S (60), LOAD_SATURATION_S (30),
 * LOAD_STATIC_S (10), LOAD_COLD_RUNS (5: cold starts per process count),
 * LOAD_PROCESSES (1,2: the WEB_PROCESSES values to measure, each on a fresh server over the same data),
 * LOAD_SERVER_ROOT (another checkout to measure instead of this one).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import http from 'node:http';
import { benchClusterPid, createBenchDatabase, DIALECT_LABEL, freshDatabase, postgresSettings, type BenchDatabase, type BenchDialect } from './database.js';

const WORKERS = Number(process.env.LOAD_WORKERS ?? 50);
const HOUSEHOLDS = Number(process.env.LOAD_HOUSEHOLDS ?? 5000);
const REALISTIC_S = Number(process.env.LOAD_REALISTIC_S ?? 60);
/** The server is measured with each of these process counts over the same data (WEB_PROCESSES). */
const PROCESS_COUNTS = (process.env.LOAD_PROCESSES ?? '1,2').split(',').map(Number);
const SATURATION_S = Number(process.env.LOAD_SATURATION_S ?? 30);
const STATIC_S = Number(process.env.LOAD_STATIC_S ?? 10);
const COLD_RUNS = Number(process.env.LOAD_COLD_RUNS ?? 5);
/**
 * The checkout whose server is measured: this one, or another (LOAD_SERVER_ROOT=/path/to/checkout,
 * with its node_modules) to compare two versions in the same harness. Its own code builds the data,
 * so its migrations match its server.
 */
const projectRoot = path.resolve(process.env.LOAD_SERVER_ROOT ?? path.join(path.dirname(new URL(import.meta.url).pathname), '..'));
const fromRoot = <T>(file: string): Promise<T> => import(path.join(projectRoot, file)) as Promise<T>;

interface SimWorker {
  cookie: string;
  households: number[];
  editorPath: string;
  editorToken: string;
  shownRevision: string;
  shownFingerprint: string;
  agent: http.Agent;
  saves: number;
}

interface Sample {
  kind: string;
  ms: number;
  status: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function startServer(env: Record<string, string>): ChildProcess {
  // LOAD_CPU_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops (to see where the time goes).
  const profile = process.env.LOAD_CPU_PROFILE && env.PUBLIC_ORIGIN ? ['--cpu-prof', `--cpu-prof-dir=${process.env.LOAD_CPU_PROFILE}`] : [];
  return spawn(process.execPath, [...profile, '--enable-source-maps', path.join(projectRoot, 'dist/src/server.js')], {
    env: { ...process.env, LOG_LEVEL: 'silent', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Time until `server` answers `url`; a server that exits instead is reported at once. */
async function waitUntilAnswering(server: ChildProcess, url: string, deadlineMs = 60_000): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status < 500) return performance.now() - t0;
    } catch {
      /* not listening yet */
    }
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode} before answering ${url}`);
    if (performance.now() - t0 > deadlineMs) throw new Error(`no answer from ${url} within ${deadlineMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * CPU seconds (user + system) used so far by a process and its children, from /proc (Linux): the
 * live ones', and those of children that ended and were waited for (a PostgreSQL backend whose
 * connection closed).
 */
function cpuSecondsOf(pid: number): number {
  const ids = [pid, ...childPids(pid)];
  let ticks = 0;
  for (const id of ids) {
    try {
      const fields = fs.readFileSync(`/proc/${id}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]); // utime, stime, cutime, cstime
    } catch {
      /* gone */
    }
  }
  return ticks / 100; // USER_HZ
}

function childPids(pid: number): number[] {
  try {
    const kids = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return kids.flatMap((k) => [k, ...childPids(k)]);
  } catch {
    return [];
  }
}

const pct = (xs: number[], p: number) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** One HTTP request over the worker's own kept-alive connection; the body is read to the end. */
function send(
  agent: http.Agent,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

async function timed(
  w: SimWorker,
  base: string,
  kind: string,
  p: string,
  init: { method?: 'GET' | 'POST'; body?: string; headers?: Record<string, string> } = {},
): Promise<Sample> {
  const t0 = performance.now();
  const res = await send(w.agent, base + p, {
    method: init.method ?? 'GET',
    headers: { Cookie: w.cookie, 'Accept-Encoding': 'gzip', ...(init.headers ?? {}) },
    body: init.body,
  });
  return { kind, ms: performance.now() - t0, status: res.status };
}

/** One simulated worker's next action: 90 % page reads (caseload, dossier, balance), 10 % a score save. */
function nextAction(w: SimWorker, base: string, origin: string, random: () => number): Promise<Sample> {
  const r = random();
  const hh = w.households[Math.floor(random() * w.households.length)]!;
  if (r < 0.3) return timed(w, base, 'caseload', `/households?page=${1 + Math.floor(random() * 3)}`);
  if (r < 0.6) return timed(w, base, 'dossier', `/households/${hh}`);
  if (r < 0.9) return timed(w, base, 'balance', w.editorPath);
  w.saves++;
  const cell = 'h.verblijfplaats';
  const body = new URLSearchParams({
    editor: w.editorToken,
    theme: 'h:huishouden-wonen',
    [`v.${cell}`]: w.shownRevision,
    [`o.${cell}`]: w.shownFingerprint,
    [`s.${cell}`]: String(1 + (w.saves % 5)),
    [`r.${cell}`]: `Opmerking ${w.saves}`,
    [`c.${cell}`]: '',
  }).toString();
  return timed(w, base, 'save', `${w.editorPath}/scores`, {
    method: 'POST',
    body,
    headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded', 'HX-Request': 'true', 'HX-Request-Type': 'partial' },
  });
}

async function runShape(
  name: string,
  pids: { server: number; database: number | null },
  workers: SimWorker[],
  base: string,
  origin: string,
  seconds: number,
  think: [number, number] | null,
  act?: (w: SimWorker) => Promise<Sample>,
) {
  const samples: Sample[] = [];
  let errors = 0;
  const failures = new Map<string, number>();
  const end = performance.now() + seconds * 1000;
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const selfCpu0 = process.cpuUsage();
  const serverCpu0 = cpuSecondsOf(pids.server);
  const databaseCpu0 = pids.database === null ? 0 : cpuSecondsOf(pids.database);
  const t0 = performance.now();
  await Promise.all(
    workers.map(async (w, i) => {
      // Spread the start so 50 workers with think time do not arrive in lockstep.
      if (think) await new Promise((r) => setTimeout(r, (i / workers.length) * think[1] * 1000));
      while (performance.now() < end) {
        try {
          const s = await (act ? act(w) : nextAction(w, base, origin, random));
          if (s.status >= 400) {
            errors++;
            failures.set(`${s.kind} ${s.status}`, (failures.get(`${s.kind} ${s.status}`) ?? 0) + 1);
          }
          samples.push(s);
        } catch (error) {
          errors++;
          const key = `network ${error instanceof Error ? error.message.slice(0, 40) : 'error'}`;
          failures.set(key, (failures.get(key) ?? 0) + 1);
        }
        if (think) await new Promise((r) => setTimeout(r, (think[0] + random() * (think[1] - think[0])) * 1000));
      }
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  const selfCpu = process.cpuUsage(selfCpu0);
  const share = (cpuSeconds: number) => cpuSeconds / wall / os.cpus().length;
  const serverCpu = share(cpuSecondsOf(pids.server) - serverCpu0);
  const databaseCpu = pids.database === null ? null : share(cpuSecondsOf(pids.database) - databaseCpu0);
  const ms = samples.map((s) => s.ms);
  return {
    name,
    requests: samples.length,
    errors,
    failures,
    rps: samples.length / wall,
    p50: pct(ms, 50),
    p95: pct(ms, 95),
    p99: pct(ms, 99),
    max: ms.reduce((a, b) => Math.max(a, b), 0),
    // Share of the machine (all cores) the load generator itself used during the shape.
    generatorCpu: share((selfCpu.user + selfCpu.system) / 1e6),
    serverCpu,
    databaseCpu,
    saveP99: pct(
      samples.filter((s) => s.kind === 'save').map((s) => s.ms),
      99,
    ),
  };
}

type ShapeResult = Awaited<ReturnType<typeof runShape>>;

/** One database with the generated organisation and the simulated workers' sessions and drafts. */
interface LoadTarget {
  dialect: BenchDialect;
  database: BenchDatabase;
  workers: SimWorker[];
  port: number;
  origin: string;
}

async function prepareTarget(dialect: BenchDialect): Promise<LoadTarget> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const database = await createBenchDatabase(dialect, 'load', projectRoot);
  const { cookieName, createSession, loadCurrentUser, markTwoFactorVerified } =
    await fromRoot<typeof import('../src/auth/sessions.js')>('src/auth/sessions.ts');
  const { scopeOfUser } = await fromRoot<typeof import('../src/auth/scope.js')>('src/auth/scope.ts');
  const { createBalance } = await fromRoot<typeof import('../src/balances/queries.js')>('src/balances/queries.ts');
  const { loadConfig } = await fromRoot<typeof import('../src/config.js')>('src/config.ts');
  const { generateOrganisation } = await fromRoot<typeof import('../scripts/generate-data.js')>('scripts/generate-data.ts');
  const config = loadConfig({ ...database.env, PORT: String(port), PUBLIC_ORIGIN: origin });
  const { db } = database;
  const org = await generateOrganisation(db, { households: HOUSEHOLDS, balancesPerHousehold: 3, teams: Math.ceil(WORKERS / 3), seed: 11 });
  const today = new Date().toISOString().slice(0, 10);
  const workers: SimWorker[] = [];
  for (let i = 0; i < WORKERS; i++) {
    const account = org.workers[i % org.workers.length]!;
    const s = await createSession(db, account.id, Date.now(), 'Mozilla/5.0 (Windows NT 10.0) Chrome/156.0 load');
    await markTwoFactorVerified(db, s.id);
    const households = (
      await db.selectFrom('household').select('id').where('team_id', '=', account.teamId).where('status', '=', 'active').orderBy('id').execute()
    ).map((h) => h.id);
    const user = (await loadCurrentUser(db, account.id))!;
    const own = households[i % households.length]!;
    const values = { takenOn: today, method: 'samen' as const, participants: [] as number[], prefill: false };
    // Since decision 016 the caller owns the transaction; a checkout from before it (LOAD_SERVER_ROOT)
    // opens its own and refuses to run inside one.
    const start = (handle: typeof db) => createBalance(handle as never, scopeOfUser(user), own, values, Date.now());
    const balanceId = (await db
      .transaction()
      .execute((trx) => start(trx))
      .catch(() => start(db)))!;
    workers.push({
      cookie: `${cookieName(config)}=${s.token}`,
      households,
      editorPath: `/households/${own}/balances/${balanceId}`,
      editorToken: '',
      shownRevision: '0',
      shownFingerprint: '',
      agent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
      saves: 0,
    });
  }
  // The servers open the database themselves; this process keeps no connection.
  await database.close();
  return { dialect, database, workers, port, origin };
}

/** Start to first answered request, on a fresh (empty) database each time: the server migrates at start. */
async function coldStarts(dialect: BenchDialect, processes: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const fresh = await freshDatabase(dialect, 'cold');
    const port = await freePort();
    const child = startServer({ ...fresh.env, PORT: String(port), WEB_PROCESSES: String(processes) });
    try {
      times.push(await waitUntilAnswering(child, `http://127.0.0.1:${port}/healthz`));
    } finally {
      await stop(child);
      await fresh.remove();
    }
  }
  return times;
}

/** The three shapes against a server of `processes` serving processes on the target's database. */
async function measureTarget(target: LoadTarget, processes: number, showBytes: boolean): Promise<ShapeResult[]> {
  const { workers, origin } = target;
  const base = `http://127.0.0.1:${target.port}`;
  const server = startServer({ ...target.database.env, PORT: String(target.port), PUBLIC_ORIGIN: origin, WEB_PROCESSES: String(processes) });
  try {
    await waitUntilAnswering(server, `${base}/healthz`);
    // Each worker opens its draft, as the editor page would, and saves with the token it was given.
    for (const w of workers) {
      const res = await send(w.agent, base + w.editorPath, { headers: { Cookie: w.cookie } });
      if (res.status !== 200) throw new Error(`editor page answered ${res.status}`);
      const html = res.body.toString('utf8');
      w.editorToken = /name="editor" value="([^"]*)"/.exec(html)?.[1] ?? '';
      // What the page showed for the saved cell: the first save of this run changes that (later
      // ones are the same editor's own newer saves), so none is a conflict.
      w.shownRevision = /name="v\.h\.verblijfplaats" value="([^"]*)"/.exec(html)?.[1] ?? '0';
      w.shownFingerprint = /name="o\.h\.verblijfplaats" value="([^"]*)"/.exec(html)?.[1] ?? '';
    }
    const first = workers[0]!;
    const wire = async (p: string, cookie = true) => {
      const res = await send(first.agent, base + p, { headers: { ...(cookie ? { Cookie: first.cookie } : {}), 'Accept-Encoding': 'gzip' } });
      const plain = res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.body) : res.body;
      return { wire: res.body.length, plain: plain.length, html: plain.toString('utf8') };
    };
    const signin = await wire('/signin', false);
    if (showBytes) {
      let firstVisit = signin.wire;
      let firstVisitPlain = signin.plain;
      for (const a of new Set([...signin.html.matchAll(/(?:href|src)="(\/static\/[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')))) {
        const r = await wire(a, false);
        firstVisit += r.wire;
        firstVisitPlain += r.plain;
      }
      const editor = await wire(first.editorPath);
      const caseload = await wire('/households');
      console.log(
        `bytes on the wire (gzip): first visit (sign-in page + its static files) ${firstVisit} (${firstVisitPlain} uncompressed); balance editor ${editor.wire} (${editor.plain}); caseload ${caseload.wire} (${caseload.plain})`,
      );
    }

    const cssPath = /href="(\/static\/css\/app\.css[^"]*)"/.exec(signin.html)![1]!;
    const pids = { server: server.pid!, database: target.dialect === 'postgres' ? await benchClusterPid() : null };
    return [
      await runShape('static baseline (app.css, gzip), no think time', pids, workers, base, origin, STATIC_S, null, (w) => timed(w, base, 'static', cssPath)),
      await runShape('realistic: think time 1-3 s', pids, workers, base, origin, REALISTIC_S, [1, 3]),
      await runShape('saturation: no think time', pids, workers, base, origin, SATURATION_S, null),
    ];
  } finally {
    await stop(server);
  }
}

function printShapes(label: string, rows: ShapeResult[]) {
  console.log(`\n${label}`);
  console.log('| shape | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms | save p99 ms | server CPU | database CPU | load generator CPU |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const percent = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(0)} %`);
  const failureLines: string[] = [];
  for (const r of rows) {
    if (r.failures.size) failureLines.push(`${r.name}: ${[...r.failures].map(([k, n]) => `${n} x ${k}`).join(', ')}`);
    console.log(
      `| ${r.name} | ${r.requests} | ${r.errors} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.max.toFixed(0)} | ${r.saveP99 ? r.saveP99.toFixed(0) : '-'} | ${percent(r.serverCpu)} | ${percent(r.databaseCpu)} | ${percent(r.generatorCpu)} |`,
    );
  }
  for (const line of failureLines) console.log(`errors, ${line}`);
}

/**
 * The same shapes on SQLite and on PostgreSQL (ratio PostgreSQL ÷ SQLite), and per database what
 * the second (and further) process adds (ratio N processes ÷ the first count measured).
 */
function printLoadComparison(results: Map<string, ShapeResult[]>) {
  const key = (dialect: BenchDialect, processes: number) => `${dialect}:${processes}`;
  const ratio = (a: number, b: number) => (a > 0 && b > 0 ? (a / b).toFixed(2) : '-');
  console.log('\nLoad, SQLite and PostgreSQL side by side (ratio = PostgreSQL ÷ SQLite)\n');
  console.log(
    '| processes | shape | req/s SQLite | req/s PostgreSQL | ratio | p50 ms SQLite | p50 ms PostgreSQL | ratio | p99 ms SQLite | p99 ms PostgreSQL | ratio |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const processes of PROCESS_COUNTS) {
    const lite = results.get(key('sqlite', processes))!;
    const pg = results.get(key('postgres', processes))!;
    for (const [i, a] of lite.entries()) {
      const b = pg[i]!;
      console.log(
        `| ${processes} | ${a.name} | ${a.rps.toFixed(0)} | ${b.rps.toFixed(0)} | ${ratio(b.rps, a.rps)} | ${a.p50.toFixed(0)} | ${b.p50.toFixed(0)} | ${ratio(b.p50, a.p50)} | ${a.p99.toFixed(0)} | ${b.p99.toFixed(0)} | ${ratio(b.p99, a.p99)} |`,
      );
    }
  }
  const [one, ...more] = PROCESS_COUNTS;
  if (one === undefined || !more.length) return;
  console.log(`\nWhat more processes add (ratio = N processes ÷ ${one}), per database\n`);
  console.log('| database | processes | shape | req/s | ratio | p99 ms | ratio |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const base = results.get(key(dialect, one))!;
    for (const processes of more) {
      for (const [i, r] of results.get(key(dialect, processes))!.entries()) {
        const b = base[i]!;
        console.log(
          `| ${DIALECT_LABEL[dialect]} | ${processes} | ${r.name} | ${r.rps.toFixed(0)} | ${ratio(r.rps, b.rps)} | ${r.p99.toFixed(0)} | ${ratio(r.p99, b.p99)} |`,
        );
      }
    }
  }
}

/**
 * The load part: on SQLite, or with `dialects` ['sqlite', 'postgres'] (`npm run bench -- --postgres`)
 * on both with the same generated data, each process count on SQLite and then on PostgreSQL in
 * turn, so both meet the machine in the same state.
 */
export async function benchLoad(dialects: BenchDialect[] = ['sqlite']) {
  console.log(
    `\nLoad — ${WORKERS} simulated workers, ${HOUSEHOLDS} households; server: node dist/src/server.js, WEB_PROCESSES ${PROCESS_COUNTS.join(' and ')}; ${dialects.map((d) => DIALECT_LABEL[d]).join(' and ')}`,
  );
  execFileSync(process.execPath, [path.join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', path.join(projectRoot, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });

  const cold = new Map<string, number[]>();
  for (const dialect of dialects) for (const processes of PROCESS_COUNTS) cold.set(`${dialect}:${processes}`, await coldStarts(dialect, processes));

  const targets: LoadTarget[] = [];
  try {
    const genSeconds: string[] = [];
    for (const dialect of dialects) {
      const t0 = performance.now();
      targets.push(await prepareTarget(dialect));
      genSeconds.push(`${DIALECT_LABEL[dialect]} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    console.log(`node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}); data generated in ${genSeconds.join(', ')}`);
    if (dialects.includes('postgres'))
      console.log(`PostgreSQL: ${await postgresSettings()}; the servers connect over TCP on 127.0.0.1 as a role without DDL rights`);
    for (const [key, times] of cold) {
      const [dialect, processes] = key.split(':') as [BenchDialect, string];
      console.log(
        `cold start to first answer, ${DIALECT_LABEL[dialect]}, WEB_PROCESSES=${processes} (fresh database, ${times.length} runs): p50 ${pct(times, 50).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`,
      );
    }
    const results = new Map<string, ShapeResult[]>();
    for (const processes of PROCESS_COUNTS) {
      for (const target of targets) {
        const rows = await measureTarget(target, processes, processes === PROCESS_COUNTS[0] && target === targets[0]);
        results.set(`${target.dialect}:${processes}`, rows);
        printShapes(`${DIALECT_LABEL[target.dialect]}, WEB_PROCESSES=${processes}`, rows);
      }
    }
    console.log(
      '(CPU columns: share of the whole machine, all cores, during that shape; server includes its serving processes; database is the PostgreSQL cluster, every connection included — on SQLite the database works inside the server.)',
    );
    if (targets.length === 2) printLoadComparison(results);
  } finally {
    for (const target of targets) {
      for (const w of target.workers) w.agent.destroy();
      await target.database.remove();
    }
  }
}
