/**
 * `npm run bench -- --round-trips`: what one request of a worker's pages asks of the database, on
 * SQLite and on PostgreSQL, one request at a time: how many statements reach the database (on
 * PostgreSQL each is a round trip to another process; BEGIN, COMMIT and the scope's settings
 * included), the time spent waiting for them (PostgreSQL; queries side by side overlap), and the
 * request's whole time (median of BENCH_REPEAT requests, after 3 that fill the process's caches).
 * Same data and set-up as the page rows (BENCH_HOUSEHOLDS, default 5,000; the app role on
 * PostgreSQL). BENCH_PAST_WALL=1 serves the PostgreSQL app as the cluster's superuser, whom the
 * organisation wall does not hold: the difference is the wall's cost. BENCH_STATEMENTS=<regular
 * expression> prints every statement of the matching pages with its time.
 */
import pg from 'pg';
import SQLite from 'better-sqlite3';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/http/logger.js';
import { generateOrganisation } from '../scripts/generate-data.js';
import { generateHistoryHousehold } from './history-household.js';
import { latestFinalBalance, scoreSave, workerWithDraft } from './worker.js';
import { createBenchDatabase, DIALECT_LABEL, stopBenchCluster, type BenchDialect } from './database.js';

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 5000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 20);
const PAST_WALL = process.env.BENCH_PAST_WALL === '1';
const SHOW = process.env.BENCH_STATEMENTS ? new RegExp(process.env.BENCH_STATEMENTS, 'i') : null;

type Statement = { sql: string; ms: number };
let statements: Statement[] | null = null;

// Every statement the drivers send, seen where they send it: pg's Client.query (a promise per
// statement; the app's pool client is a subclass) and better-sqlite3's prepare (Kysely prepares
// each statement it runs).
const pgQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  const started = performance.now();
  const result = pgQuery.apply(this, args);
  const into = statements;
  const first = args[0] as string | { text: string };
  if (into && result instanceof Promise) {
    result.then(
      () => into.push({ sql: typeof first === 'string' ? first : first.text, ms: performance.now() - started }),
      () => undefined,
    );
  }
  return result;
};
const sqlitePrepare = SQLite.prototype.prepare;
SQLite.prototype.prepare = function (this: SQLite.Database, source: string) {
  statements?.push({ sql: source, ms: 0 });
  return sqlitePrepare.call(this, source);
} as typeof SQLite.prototype.prepare;

type Row = { statements: number; databaseMs: number; totalMs: number };

async function measure(dialect: BenchDialect): Promise<Map<string, Row>> {
  const database = await createBenchDatabase(dialect, 'round_trips');
  const config = { ...loadConfig({ ...database.env, LOG_LEVEL: 'silent' }), sessionIdleMs: 3_600_000 };
  const { db } = database;
  const app = createApp({ db: PAST_WALL ? db : database.appDb, config, logger: createLogger('silent'), now: () => Date.now() });
  const org = await generateOrganisation(db, { households: HOUSEHOLDS, balancesPerHousehold: 3, seed: 7 });
  const { worker, cookie, householdId, draftId: draft } = await workerWithDraft(db, config, org);
  const four = { id: householdId };
  const final = { id: await latestFinalBalance(db, four.id) };
  const history = await generateHistoryHousehold(db, { organisationId: org.organisationId, teamId: worker.teamId, workerId: worker.id, balances: 20 });
  const editorPath = `/households/${four.id}/balances/${draft}`;
  const editorHtml = await (await app.request(editorPath, { headers: { Cookie: cookie } })).text();
  const editor = /name="editor" value="([^"]*)"/.exec(editorHtml)![1]!;
  const save = scoreSave(config, cookie, editor);
  const get = (path: string) => () => new Request(`http://bench${path}`, { headers: { Cookie: cookie } });
  const pages: [string, () => Request][] = [
    ['balance editor page', get(editorPath)],
    ['caseload search "peeters"', get('/households?q=peeters&status=all')],
    ['dossier page', get(`/households/${four.id}`)],
    ['evolution page', get(`/households/${history.householdId}/evolution?person=m${history.memberIds[0]}`)],
    ['a finalised balance as a page', get(`/households/${four.id}/balances/${final.id}`)],
    ['score save (htmx)', () => new Request(`http://bench${editorPath}/scores`, { method: 'POST', headers: save.headers, body: save.body() })],
  ];
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const out = new Map<string, Row>();
  for (const [name, request] of pages) {
    for (let i = 0; i < 3; i++) await (await app.request(request())).text();
    const totals: number[] = [];
    const waits: number[] = [];
    let seen: Statement[] = [];
    for (let i = 0; i < REPEAT; i++) {
      statements = [];
      const started = performance.now();
      const res = await app.request(request());
      await res.text();
      totals.push(performance.now() - started);
      if (res.status >= 400) throw new Error(`${name} answered ${res.status}`);
      // The audit row of a read may be written just after the answer (group commit): let it land.
      await new Promise((r) => setTimeout(r, 5));
      seen = statements;
      statements = null;
      waits.push(seen.reduce((sum, s) => sum + s.ms, 0));
    }
    out.set(name, { statements: seen.length, databaseMs: median(waits), totalMs: median(totals) });
    if (SHOW?.test(name))
      for (const s of seen) console.log(`  ${DIALECT_LABEL[dialect]} | ${name} | ${s.ms.toFixed(2)} ms | ${s.sql.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
  await database.close();
  await database.remove();
  return out;
}

export async function benchRoundTrips(dialects: BenchDialect[]): Promise<void> {
  const results = new Map<BenchDialect, Map<string, Row>>();
  for (const dialect of dialects) results.set(dialect, await measure(dialect));
  if (dialects.includes('postgres')) await stopBenchCluster();
  console.log(
    `\nRound trips per request — ${HOUSEHOLDS} households, median of ${REPEAT} requests${PAST_WALL ? '; PostgreSQL app as the superuser (past the wall)' : ''}\n`,
  );
  const head = dialects.map((d) => `${DIALECT_LABEL[d]} statements | ${DIALECT_LABEL[d]} waiting ms | ${DIALECT_LABEL[d]} whole ms`).join(' | ');
  console.log(`| what | ${head} |`);
  console.log(`| --- | ${dialects.map(() => '--- | --- | ---').join(' | ')} |`);
  for (const name of results.get(dialects[0]!)!.keys()) {
    const cells = dialects.map((d) => {
      const r = results.get(d)!.get(name)!;
      return `${r.statements} | ${d === 'sqlite' ? '-' : r.databaseMs.toFixed(1)} | ${r.totalMs.toFixed(1)}`;
    });
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
}
