/**
 * `npm run bench`: measures on this machine and prints tables. Nothing is asserted here; the figures
 * go into docs/benchmarks.md and issue notes with the command that produced them.
 *
 * Setup: a file database (WAL, synchronous=FULL, as in production) holding a generated organisation
 * (BENCH_HOUSEHOLDS households, default 5,000, ~4 members on average, 3 finalised balances each).
 * Each HTTP measurement runs autocannon over loopback against the app in this process, next to a
 * static file of the same size served by the same server, so the ratio shows the cost of our code.
 * With `--postgres` the same data is also generated on a throwaway PostgreSQL cluster (fsync on,
 * bench/database.ts) and every row is measured on both, side by side.
 */
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import autocannon from 'autocannon';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/schema.js';
import { createLogger } from '../src/http/logger.js';
import { hashPassword, verifyPassword } from '../src/auth/password.js';
import { scopeOfUser } from '../src/auth/scope.js';
import { loadCurrentUser } from '../src/auth/sessions.js';
import { amendCell } from '../src/balances/queries.js';
import { createApiClient, newClientSecret } from '../src/api/queries.js';
import { generateOrganisation } from '../scripts/generate-data.js';
import { benchPdf } from './pdf.js';
import { benchLoad } from './load.js';
import { benchEditor } from './editor.js';
import { benchRoundTrips } from './round-trips.js';
import { latestFinalBalance, scoreSave, signedInCookie, workerWithDraft } from './worker.js';
import { generateHistoryHousehold } from './history-household.js';
import { createBenchDatabase, DIALECT_LABEL, postgresSettings, stopBenchCluster, type BenchDialect } from './database.js';
import { chartCache } from '../src/charts/cache.js';
import { radarSvg } from '../src/charts/radar.js';
import { loadChartEngine } from '../src/charts/render.js';
import { heatmapSvg } from '../src/charts/heatmap.js';
import { lineSvg } from '../src/charts/line.js';
import { loadSnapshots } from '../src/overview/queries.js';
import { balanceLabels, domainRows, heatmapModel, lineModel, personHistory, radarPoints } from '../src/overview/model.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 5000);

// BENCH_ONLY=<regular expression>: measure only the rows whose name matches (the set-up still runs).
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;
const wanted = (name: string) => !ONLY || ONLY.test(name);

/** One database prepared for the page rows: its app served on loopback, the rows to measure on it. */
interface PagesBench {
  dialect: BenchDialect;
  dataLine: string;
  figuresColdMs: number;
  rows: RowSpec[];
  /** After the rows: an amendment, then the first figures request after it; the saved cell's revision. */
  afterRows(): Promise<{ figuresAfterAmendMs: number; savedRevision: number | undefined }>;
  /** Sign-in cost, chart renders and the evolution page with its charts cold (the default run only). */
  extras(): Promise<void>;
  close(): Promise<void>;
}
type RowSpec = { name: string; bytes: number; measure: () => Promise<autocannon.Result> };

async function preparePages(dialect: BenchDialect): Promise<PagesBench> {
  const database = await createBenchDatabase(dialect, 'bench');
  const config = {
    ...loadConfig({ ...database.env, LOG_LEVEL: 'silent' }),
    sessionIdleMs: 3_600_000,
  };
  // `db` sets up (as the tables' owner on PostgreSQL); the app under test uses `appDb`.
  const { db, appDb } = database;
  const deps = { db: appDb, config, logger: createLogger('silent'), now: () => Date.now() };
  const app = createApp(deps);

  let t0 = performance.now();
  const org = await generateOrganisation(db, { households: HOUSEHOLDS, balancesPerHousehold: 3, seed: 7 });
  const genSeconds = (performance.now() - t0) / 1000;
  const count = async (table: 'household' | 'household_member' | 'balance' | 'balance_score') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counts = {
    households: await count('household'),
    members: await count('household_member'),
    balances: await count('balance'),
    scores: await count('balance_score'),
  };
  const dbBytes = await database.sizeBytes();

  // A worker of team 1, signed in, and a draft balance on a household of theirs with 4 members.
  const { worker, cookie, user, householdId, draftId: balanceId } = await workerWithDraft(db, config, org);
  const four = { id: householdId };
  const editorPath = `/households/${four.id}/balances/${balanceId}`;

  const page = async (p: string, c = cookie) => {
    const res = await app.request(p, { headers: { Cookie: c } });
    if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
    return Buffer.from(await res.text());
  };
  const editorHtml = await page(editorPath);
  const caseloadHtml = await page('/households?q=peeters&status=all');
  const dossierHtml = await page(`/households/${four.id}`);

  // At a glance (issue 6): a household with 20 finalised balances x 6 members in the worker's team.
  const history = await generateHistoryHousehold(db, { organisationId: org.organisationId, teamId: worker.teamId, workerId: worker.id, balances: 20 });
  const latest = history.balanceIds[history.balanceIds.length - 1]!;
  const overviewPath = `/households/${history.householdId}/balances/${latest}/overview`;
  const evolutionPath = `/households/${history.householdId}/evolution?person=m${history.memberIds[0]}`;
  const comparisonPath = `/households/${history.householdId}/evolution/comparison?from=${history.balanceIds[0]}&to=${latest}`;
  const overviewHtml = await page(overviewPath);
  const evolutionHtml = await page(evolutionPath);
  await page(comparisonPath);

  // Figures (issue 15): the administrator gets the "beleid" role (the organisation's figures); the
  // lead of team 1 sees their team. The first request of a process reads the organisation's scores
  // once (timed here); the pages measured below read only the stamp and what changed.
  await db.updateTable('app_user').set({ is_policy: 1 }).where('id', '=', org.adminId).execute();
  const policyCookie = await signedInCookie(db, config, org.adminId);
  const lead = org.workers[0]!;
  const leadCookie = await signedInCookie(db, config, lead.id);
  const year = new Date().getFullYear();
  const figuresPaths = {
    distribution: `/figures?period=${year}&team=all&level=volwassene&moment=latest`,
    movement: `/figures/movement?period=${year}&team=all&level=volwassene&moment=latest`,
    inspection: `/figures/inspection?period=${year}&team=all&level=huishouden&moment=latest`,
    leadQuarter: `/figures?period=${year}-Q2&team=${lead.teamId}&level=huishouden&moment=first`,
  };
  t0 = performance.now();
  const figuresHtml = await page(figuresPaths.distribution, policyCookie);
  const figuresColdMs = performance.now() - t0;
  for (const p of [figuresPaths.movement, figuresPaths.inspection]) await page(p, policyCookie);
  await page(figuresPaths.leadQuarter, leadCookie);

  // The API (issue 16): one client software reading one finalised balance, next to the page that
  // shows the same balance to a worker. The client's rate limit is set out of reach here (its check
  // still runs every call).
  const finalBalance = { id: await latestFinalBalance(db, four.id) };
  const balancePagePath = `/households/${four.id}/balances/${finalBalance.id}`;
  const balanceApiPath = `/api/v1${balancePagePath}`;
  const apiClient = await db.transaction().execute(async (trx) =>
    createApiClient(
      trx,
      scopeOfUser(user),
      {
        name: 'bench',
        scopes: ['households:read', 'balances:read', 'remarks:read', 'figures:read'],
        teamId: null,
        ipAllowList: null,
        rateLimitPerMinute: 120,
      },
      await newClientSecret(),
      Date.now(),
    ),
  );
  await db.updateTable('api_client').set({ rate_limit_per_minute: 1_000_000_000 }).where('id', '=', apiClient.id).execute();
  const tokenRes = await app.request('/api/oauth/token', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: `Basic ${Buffer.from(`${apiClient.clientId}:${apiClient.clientSecret}`).toString('base64')}`,
    },
    body: 'grant_type=client_credentials',
  });
  const bearer = `Bearer ${((await tokenRes.json()) as { access_token: string }).access_token}`;
  const apiJson = Buffer.from(await (await app.request(balanceApiPath, { headers: { Authorization: bearer } })).text());
  const balancePageHtml = await page(balancePagePath);
  const figuresApiPath = `/api/v1/figures?period=${year}&team=all&level=volwassene&moment=latest`;
  const figuresJson = Buffer.from(await (await app.request(figuresApiPath, { headers: { Authorization: bearer } })).text());

  const outer = new Hono();
  const statics = new Map<string, Buffer>([
    ['editor', editorHtml],
    ['caseload', caseloadHtml],
    ['dossier', dossierHtml],
    ['evolution', evolutionHtml],
    ['figures', figuresHtml],
  ]);
  outer.get('/__bench/static/:name', (c) => c.body(new Uint8Array(statics.get(c.req.param('name'))!), 200, { 'Content-Type': 'text/html; charset=utf-8' }));
  outer.route('/', app);
  const server = serve({ fetch: outer.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;

  // Score saves: every request really writes (a new value each time) through the htmx path, as the
  // editor page that issued this token (the server only trusts tokens it issued to this session).
  const editorToken = /name="editor" value="([^"]*)"/.exec(editorHtml.toString('utf8'))![1]!;
  const save = scoreSave(config, cookie, editorToken);
  const saves = (connections: number) =>
    autocannon({
      url: `${base}${editorPath}/scores`,
      connections,
      duration: DURATION_S,
      method: 'POST',
      headers: save.headers,
      requests: [{ setupRequest: (req: any) => ({ ...req, body: save.body() }) }],
    } as autocannon.Options);

  const get = (name: string, p: string, bytes: number, c: string | null, connections = CONNECTIONS): RowSpec => ({
    name,
    bytes,
    measure: () => autocannon({ url: base + p, connections, duration: DURATION_S, headers: c ? { Cookie: c } : {} } as autocannon.Options),
  });
  const api = (name: string, p: string, bytes: number): RowSpec => ({
    name,
    bytes,
    measure: () => autocannon({ url: base + p, connections: 1, duration: DURATION_S, headers: { Authorization: bearer } } as autocannon.Options),
  });
  const rows: RowSpec[] = [
    get('static file, size of the editor', '/__bench/static/editor', editorHtml.length, null),
    get('balance editor page (4 members, draft)', editorPath, editorHtml.length, cookie),
    // The same page for one user at a time: the latency a worker sees when the server is not saturated.
    get('balance editor page, 1 connection', editorPath, editorHtml.length, cookie, 1),
    get('static file, size of the caseload', '/__bench/static/caseload', caseloadHtml.length, null),
    get(`caseload search "peeters" (${HOUSEHOLDS} households)`, '/households?q=peeters&status=all', caseloadHtml.length, cookie),
    get('caseload search "peeters", 1 connection', '/households?q=peeters&status=all', caseloadHtml.length, cookie, 1),
    get('dossier page', `/households/${four.id}`, dossierHtml.length, cookie),
    get('static file, size of the evolution page', '/__bench/static/evolution', evolutionHtml.length, null),
    get('evolution page (20 balances x 6 members, charts cached)', evolutionPath, evolutionHtml.length, cookie),
    get('evolution page, 1 connection', evolutionPath, evolutionHtml.length, cookie, 1),
    get('overview page (latest of 20 balances, 6 members, charts cached)', overviewPath, overviewHtml.length, cookie),
    get('comparison page (first vs latest balance)', comparisonPath, 0, cookie),
    // One connection each: the latency the client file software sees.
    api('balance over the API (JSON, finalised, 4 members), 1 connection', balanceApiPath, apiJson.length),
    get('the same balance as a page (HTML), 1 connection', balancePagePath, balancePageHtml.length, cookie, 1),
    api('figures over the API (JSON, organisation, year, adults), 1 connection', figuresApiPath, figuresJson.length),
    { name: 'score save (htmx POST, every commit flushed to disk)', bytes: 0, measure: () => saves(CONNECTIONS) },
    { name: 'score save, 1 connection', bytes: 0, measure: () => saves(1) },
    // Figures for one user at a time (the speed goal of issue 15: p99 <= 150 ms), next to a static
    // file of the same size.
    get('static file, size of the figures page, 1 connection', '/__bench/static/figures', figuresHtml.length, null, 1),
    get('figures: distribution, organisation, year, adults (beleid), 1 connection', figuresPaths.distribution, figuresHtml.length, policyCookie, 1),
    get('figures: movement, organisation, year (beleid), 1 connection', figuresPaths.movement, 0, policyCookie, 1),
    get('figures: inspection, organisation, year (beleid), 1 connection', figuresPaths.inspection, 0, policyCookie, 1),
    get('figures: distribution, one team, a quarter (lead), 1 connection', figuresPaths.leadQuarter, 0, leadCookie, 1),
  ];

  return {
    dialect,
    dataLine: `${DIALECT_LABEL[dialect]}: ${counts.households} households, ${counts.members} members, ${counts.balances} balances, ${counts.scores} scores; database ${(dbBytes / 1e6).toFixed(0)} MB; generated in ${genSeconds.toFixed(1)} s`,
    figuresColdMs,
    rows,
    async afterRows() {
      // After a correction of a finalised balance: the next request reads that balance again and counts anew.
      const someFinal = await db.selectFrom('balance').select('id').where('status', '=', 'final').orderBy('id').limit(1).executeTakeFirstOrThrow();
      const adminScope = scopeOfUser((await loadCurrentUser(db, org.adminId))!);
      await db
        .transaction()
        .execute((trx) =>
          amendCell(trx, adminScope, someFinal.id, 'h', 'verblijfplaats', { state: 'scored', score: 5, clientScore: null, remark: '' }, 'bench', Date.now()),
        );
      const t1 = performance.now();
      await page(figuresPaths.distribution, policyCookie);
      const figuresAfterAmendMs = performance.now() - t1;
      const saved = await db
        .selectFrom('balance_score')
        .select('revision')
        .where('balance_id', '=', balanceId)
        .where('subject', '=', 'h')
        .where('domain_key', '=', 'verblijfplaats')
        .executeTakeFirst();
      return { figuresAfterAmendMs, savedRevision: saved?.revision };
    },
    extras: () => benchRenders(db, user, history, () => page(evolutionPath)),
    async close() {
      server.close();
      await database.close();
      await database.remove();
    },
  };
}

type Measured = { name: string; r: autocannon.Result; bytes: number };

/**
 * The HTTP rows (`-- --pages`): on SQLite, or with `--postgres` on SQLite and PostgreSQL with the
 * same generated data, row by row in turn (each row on SQLite, then the same row on PostgreSQL, so
 * that both meet the machine in the same state), then side by side with their ratios.
 */
async function benchPages(dialects: BenchDialect[]) {
  const benches: PagesBench[] = [];
  try {
    for (const dialect of dialects) benches.push(await preparePages(dialect));
    const measured = new Map<BenchDialect, Measured[]>(dialects.map((d) => [d, []]));
    for (const [i, { name }] of benches[0]!.rows.entries()) {
      if (!wanted(name)) continue;
      for (const b of benches) {
        const { bytes, measure } = b.rows[i]!;
        const r = await measure();
        if (r.non2xx) throw new Error(`${DIALECT_LABEL[b.dialect]}, ${name}: ${r.non2xx} non-2xx answers`);
        if (!r.requests.total) console.warn(`${DIALECT_LABEL[b.dialect]}, ${name}: no request finished within ${DURATION_S} s (raise BENCH_SECONDS)`);
        measured.get(b.dialect)!.push({ name, r, bytes });
      }
    }

    console.log(
      `Sociale Balans bench — node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), autocannon ${DURATION_S}s x ${CONNECTIONS} connections per row (or 1 where the row says so)`,
    );
    if (dialects.includes('postgres'))
      console.log(`PostgreSQL: ${await postgresSettings()}; the app connects over TCP on 127.0.0.1 as a role without DDL rights`);
    for (const b of benches) console.log(`Data, ${b.dataLine}`);
    for (const b of benches) {
      const rows = measured.get(b.dialect)!;
      const after = await b.afterRows();
      console.log(`\n${DIALECT_LABEL[b.dialect]}\n`);
      console.log('| what | HTML bytes | req/s | p50 ms | p99 ms | errors |');
      console.log('| --- | --- | --- | --- | --- | --- |');
      for (const { name, r, bytes } of rows)
        console.log(`| ${name} | ${bytes || '-'} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${r.errors + r.non2xx} |`);
      const reqs = (prefix: string) => rows.find((r) => r.name.startsWith(prefix))?.r.requests.average;
      const ratio = (a: string, b: string) => {
        const [x, y] = [reqs(a), reqs(b)];
        return x && y ? (x / y).toFixed(3) : '-';
      };
      console.log(
        `\nratio editor/static req/s: ${ratio('balance editor page (', 'static file, size of the editor')}; caseload/static: ${ratio('caseload search "peeters" (', 'static file, size of the caseload')}; evolution/static: ${ratio('evolution page (', 'static file, size of the evolution')}`,
      );
      console.log(`score saves written: revision of the cell after the run = ${after.savedRevision ?? '- (no saves measured)'}`);
      console.log(
        `figures: first request of the process (reads every score once) ${b.figuresColdMs.toFixed(0)} ms; first request after an amendment (re-reads one balance, counts and suppresses anew) ${after.figuresAfterAmendMs.toFixed(0)} ms`,
      );
    }
    if (benches.length === 2) printSideBySide(measured.get('sqlite')!, measured.get('postgres')!);
    else await benches[0]!.extras();
  } finally {
    for (const b of benches) await b.close();
  }
}

/** Each row on SQLite and on PostgreSQL, with the ratio PostgreSQL ÷ SQLite of each figure. */
function printSideBySide(sqlite: Measured[], postgres: Measured[]) {
  // A figure of 0 is a row in which no request finished (rows too short for a slow page): no ratio.
  const ratio = (pg: number, lite: number) => (lite > 0 && pg > 0 ? (pg / lite).toFixed(2) : '-');
  console.log('\nSQLite and PostgreSQL side by side (ratio = PostgreSQL ÷ SQLite)\n');
  console.log('| what | req/s SQLite | req/s PostgreSQL | ratio | p50 ms SQLite | p50 ms PostgreSQL | ratio | p99 ms SQLite | p99 ms PostgreSQL | ratio |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [i, a] of sqlite.entries()) {
    const b = postgres[i]!;
    const [x, y] = [a.r, b.r];
    console.log(
      `| ${a.name} | ${x.requests.average.toFixed(0)} | ${y.requests.average.toFixed(0)} | ${ratio(y.requests.average, x.requests.average)} | ${x.latency.p50} | ${y.latency.p50} | ${ratio(y.latency.p50, x.latency.p50)} | ${x.latency.p99} | ${y.latency.p99} | ${ratio(y.latency.p99, x.latency.p99)} |`,
    );
  }
  console.log(
    '\nRead: a latency ratio above 1, or a req/s ratio below 1, is PostgreSQL being slower. Issue 17 asks the 1-connection page rows to stay at or below 1.5 (p50 and p99). Latencies are whole milliseconds: for a row of a few ms, the req/s ratio of a 1-connection row (1 ÷ mean latency) is the finer figure.',
  );
}

/** Sign-in cost, chart renders (cold and cached) and the evolution page with its chart cache emptied. */
async function benchRenders(
  db: Kysely<Database>,
  user: NonNullable<Awaited<ReturnType<typeof loadCurrentUser>>>,
  history: Awaited<ReturnType<typeof generateHistoryHousehold>>,
  evolutionPage: () => Promise<Buffer>,
) {
  let t0: number;
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

  await loadChartEngine();
  // One chart render, cold (ECharts SSR) and cached (an LRU hit), on the history household's data.
  const { snapshots } = await loadSnapshots(db, scopeOfUser(user), history.householdId, { hideSensitive: false, finalOnly: true });
  const newest = snapshots[0]!;
  const adult = `m${history.memberIds[0]}`;
  const h = personHistory(snapshots, adult, 'nl');
  const labels = balanceLabels(snapshots);
  const charts: [string, () => string][] = [
    ['radar (one adult, one balance)', () => radarSvg(radarPoints(domainRows(newest, adult, 'nl')), '')],
    [`heatmap (one adult, ${h.rows.length} domains x ${h.balances.length} balances)`, () => heatmapSvg(heatmapModel(h, labels, 'nvt'))],
    [
      'line (3 domains x 20 balances)',
      () =>
        lineSvg(
          lineModel(
            h,
            h.rows.slice(0, 3).map((r) => r.key),
            labels,
          ),
        ),
    ],
  ];
  console.log('\nOne chart render, 50 runs each');
  console.log('| chart | cold p50 ms | cold p95 ms | cached p50 ms | cached p95 ms | SVG bytes |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const [name, render] of charts) {
    const cold: number[] = [];
    const warm: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 50; i++) {
      t0 = performance.now();
      bytes = render().length;
      cold.push(performance.now() - t0);
      t0 = performance.now();
      chartCache.get(`bench|${name}`, render);
      warm.push(performance.now() - t0);
    }
    console.log(`| ${name} | ${pct(cold, 50)} | ${pct(cold, 95)} | ${pct(warm.slice(1), 50)} | ${pct(warm.slice(1), 95)} | ${bytes} |`);
  }
  // The evolution page with every chart rendered fresh (cache emptied before each request).
  const coldPage: number[] = [];
  for (let i = 0; i < 30; i++) {
    chartCache.clear();
    t0 = performance.now();
    await evolutionPage();
    coldPage.push(performance.now() - t0);
  }
  console.log(`\nevolution page with the chart cache emptied before each request (30 sequential): p50 ${pct(coldPage, 50)} ms, p95 ${pct(coldPage, 95)} ms`);
}

// PDF generation (issue 7, bench/pdf.ts): after the HTTP rows, or alone with `npm run bench -- --pdf`.
// Load, cold start and bytes on the wire (issue 11, bench/load.ts): last, or alone with `-- --load`.
// The balance editor's step weight and render CPU (issue 13, bench/editor.ts): or alone with `-- --editor`.
// The HTTP rows (pages, the API, score saves, sign-in cost, charts) alone: `-- --pages`.
// SQLite and PostgreSQL side by side (issue 17): `-- --postgres` runs the HTTP rows and the load on
// both (the parts that touch the database); with `--pages` or `--load` only that part.
const dialects: BenchDialect[] = process.argv.includes('--postgres') ? ['sqlite', 'postgres'] : ['sqlite'];
try {
  if (process.argv.includes('--pdf')) await benchPdf();
  else if (process.argv.includes('--load')) await benchLoad(dialects);
  else if (process.argv.includes('--editor')) await benchEditor();
  else if (process.argv.includes('--round-trips')) await benchRoundTrips(dialects);
  else if (process.argv.includes('--pages')) await benchPages(dialects);
  else if (process.argv.includes('--postgres')) {
    await benchPages(dialects);
    await benchLoad(dialects);
  } else {
    await benchPages(dialects);
    await benchEditor();
    await benchPdf();
    await benchLoad(dialects);
  }
} finally {
  await stopBenchCluster();
}
