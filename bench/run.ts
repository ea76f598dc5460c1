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
import { amendCell, createBalance } from '../src/balances/queries.js';
import { createApiClient, newClientSecret } from '../src/api/queries.js';
import { EMPTY_CELL, fingerprint } from '../src/balances/logic.js';
import { generateOrganisation } from '../scripts/generate-data.js';
import { benchPdf } from './pdf.js';
import { benchLoad } from './load.js';
import { benchEditor } from './editor.js';
import { generateHistoryHousehold } from './history-household.js';
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
    households: Number(
      (
        await db
          .selectFrom('household')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    members: Number(
      (
        await db
          .selectFrom('household_member')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    balances: Number(
      (
        await db
          .selectFrom('balance')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    scores: Number(
      (
        await db
          .selectFrom('balance_score')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  };
  const dbBytes = fs.statSync(config.databasePath).size;

  // A worker of team 1, signed in, and a draft balance on a household of theirs with 4 members.
  const worker = org.workers[1]!;
  const s = await createSession(db, worker.id, Date.now(), 'Mozilla/5.0 (Windows NT 10.0) Chrome/156.0');
  await markTwoFactorVerified(db, s.id);
  const cookie = `${cookieName(config)}=${s.token}`;
  const user = (await loadCurrentUser(db, worker.id))!;
  const four = await db
    .selectFrom('household')
    .innerJoin('household_member as m', 'm.household_id', 'household.id')
    .select('household.id')
    .where('household.team_id', '=', worker.teamId)
    .where('household.status', '=', 'active')
    .groupBy('household.id')
    .having((eb) => eb.fn.countAll(), '=', 4)
    .executeTakeFirstOrThrow();
  const today = new Date().toISOString().slice(0, 10);
  const balanceId = (await db
    .transaction()
    .execute((trx) => createBalance(trx, scopeOfUser(user), four.id, { takenOn: today, method: 'samen', participants: [], prefill: false }, Date.now())))!;
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
  const policySession = await createSession(db, org.adminId, Date.now(), 'Mozilla/5.0 (Windows NT 10.0) Chrome/156.0');
  await markTwoFactorVerified(db, policySession.id);
  const policyCookie = `${cookieName(config)}=${policySession.token}`;
  const lead = org.workers[0]!;
  const leadSession = await createSession(db, lead.id, Date.now(), 'Mozilla/5.0 (Windows NT 10.0) Chrome/156.0');
  await markTwoFactorVerified(db, leadSession.id);
  const leadCookie = `${cookieName(config)}=${leadSession.token}`;
  const year = new Date().getFullYear();
  const figuresPaths = {
    distribution: `/figures?period=${year}&team=all&level=volwassene&moment=latest`,
    movement: `/figures/movement?period=${year}&team=all&level=volwassene&moment=latest`,
    inspection: `/figures/inspection?period=${year}&team=all&level=huishouden&moment=latest`,
    leadQuarter: `/figures?period=${year}-Q2&team=${lead.teamId}&level=huishouden&moment=first`,
  };
  const figuresPage = async (p: string, c: string) => {
    const res = await app.request(p, { headers: { Cookie: c } });
    if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
    return Buffer.from(await res.text());
  };
  t0 = performance.now();
  const figuresHtml = await figuresPage(figuresPaths.distribution, policyCookie);
  const figuresColdMs = performance.now() - t0;
  for (const p of [figuresPaths.movement, figuresPaths.inspection]) await figuresPage(p, policyCookie);
  await figuresPage(figuresPaths.leadQuarter, leadCookie);

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

  const run = (opts: Partial<autocannon.Options>) => autocannon({ url: base, connections: CONNECTIONS, duration: DURATION_S, ...opts } as autocannon.Options);
  const rows: Row[] = [];
  const get = async (name: string, p: string, bytes: number, withCookie = true) => {
    if (!wanted(name)) return;
    const r = await run({ url: base + p, headers: withCookie ? { Cookie: cookie } : {} });
    if (r.non2xx) throw new Error(`${name}: ${r.non2xx} non-2xx answers`);
    rows.push({ name, r, bytes });
  };

  await get('static file, size of the editor', '/__bench/static/editor', editorHtml.length, false);
  await get('balance editor page (4 members, draft)', editorPath, editorHtml.length);
  // The same page for one user at a time: the latency a worker sees when the server is not saturated.
  if (wanted('balance editor page, 1 connection')) {
    const r = await autocannon({ url: base + editorPath, connections: 1, duration: DURATION_S, headers: { Cookie: cookie } } as autocannon.Options);
    rows.push({ name: 'balance editor page, 1 connection', r, bytes: editorHtml.length });
  }
  await get('static file, size of the caseload', '/__bench/static/caseload', caseloadHtml.length, false);
  await get(`caseload search "peeters" (${HOUSEHOLDS} households)`, '/households?q=peeters&status=all', caseloadHtml.length);
  await get('dossier page', `/households/${four.id}`, dossierHtml.length);
  await get('static file, size of the evolution page', '/__bench/static/evolution', evolutionHtml.length, false);
  await get('evolution page (20 balances x 6 members, charts cached)', evolutionPath, evolutionHtml.length);
  if (wanted('evolution page, 1 connection')) {
    const r = await autocannon({ url: base + evolutionPath, connections: 1, duration: DURATION_S, headers: { Cookie: cookie } } as autocannon.Options);
    rows.push({ name: 'evolution page, 1 connection', r, bytes: evolutionHtml.length });
  }
  await get('overview page (latest of 20 balances, 6 members, charts cached)', overviewPath, overviewHtml.length);
  await get('comparison page (first vs latest balance)', comparisonPath, 0);

  // The API (issue 16): one client software reading one finalised balance, next to the page that
  // shows the same balance to a worker. One connection each: the latency the client file software
  // sees. The client's rate limit is set out of reach here (its check still runs every call).
  const finalBalance = await db
    .selectFrom('balance')
    .select('id')
    .where('household_id', '=', four.id)
    .where('status', '=', 'final')
    .orderBy('taken_on', 'desc')
    .executeTakeFirstOrThrow();
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
  for (const [name, p, headers, bytes] of [
    ['balance over the API (JSON, finalised, 4 members), 1 connection', balanceApiPath, { Authorization: bearer }, apiJson.length],
    ['the same balance as a page (HTML), 1 connection', balancePagePath, { Cookie: cookie }, balancePageHtml.length],
    ['figures over the API (JSON, organisation, year, adults), 1 connection', figuresApiPath, { Authorization: bearer }, figuresJson.length],
  ] as const) {
    if (!wanted(name)) continue;
    const r = await autocannon({ url: base + p, connections: 1, duration: DURATION_S, headers } as autocannon.Options);
    if (r.non2xx) throw new Error(`${name}: ${r.non2xx} non-2xx answers`);
    rows.push({ name, r, bytes });
  }

  // Score saves: every request really writes (a new value each time) through the htmx path, as the
  // editor page that issued this token (the server only trusts tokens it issued to this session).
  const editorToken = /name="editor" value="([^"]*)"/.exec(editorHtml.toString('utf8'))![1]!;
  let n = 0;
  const saves = !wanted('score save')
    ? null
    : await run({
        url: `${base}${editorPath}/scores`,
        method: 'POST',
        headers: {
          Cookie: cookie,
          Origin: config.publicOrigin,
          'Content-Type': 'application/x-www-form-urlencoded',
          'HX-Request': 'true',
          'HX-Request-Type': 'partial',
        },
        requests: [
          {
            setupRequest: (req: any) => {
              n++;
              const body = new URLSearchParams({
                editor: editorToken,
                theme: 'h:huishouden-wonen',
                [`v.${firstCell}`]: '0',
                [`o.${firstCell}`]: fingerprint(EMPTY_CELL),
                [`s.${firstCell}`]: String(1 + (n % 5)),
                [`r.${firstCell}`]: `Opmerking ${n}`,
                [`c.${firstCell}`]: '',
              });
              return { ...req, body: body.toString() };
            },
          },
        ],
      } as Partial<autocannon.Options>);
  if (saves?.non2xx) throw new Error(`score saves: ${saves.non2xx} non-2xx answers`);
  if (saves) rows.push({ name: 'score save (htmx POST, synchronous=FULL)', r: saves, bytes: 0 });

  // Figures for one user at a time (the speed goal of issue 15: p99 <= 150 ms), next to a static
  // file of the same size.
  const one = async (name: string, p: string, c: string | null, bytes: number) => {
    if (!wanted(name)) return;
    const r = await autocannon({ url: base + p, connections: 1, duration: DURATION_S, headers: c ? { Cookie: c } : {} } as autocannon.Options);
    if (r.non2xx) throw new Error(`${name}: ${r.non2xx} non-2xx answers`);
    rows.push({ name, r, bytes });
  };
  await one('static file, size of the figures page, 1 connection', '/__bench/static/figures', null, figuresHtml.length);
  await one('figures: distribution, organisation, year, adults (beleid), 1 connection', figuresPaths.distribution, policyCookie, figuresHtml.length);
  await one('figures: movement, organisation, year (beleid), 1 connection', figuresPaths.movement, policyCookie, 0);
  await one('figures: inspection, organisation, year (beleid), 1 connection', figuresPaths.inspection, policyCookie, 0);
  await one('figures: distribution, one team, a quarter (lead), 1 connection', figuresPaths.leadQuarter, leadCookie, 0);
  // After a correction of a finalised balance: the next request reads that balance again and counts anew.
  const someFinal = await db.selectFrom('balance').select('id').where('status', '=', 'final').orderBy('id').limit(1).executeTakeFirstOrThrow();
  const adminScope = scopeOfUser((await loadCurrentUser(db, org.adminId))!);
  await db
    .transaction()
    .execute((trx) =>
      amendCell(trx, adminScope, someFinal.id, 'h', 'verblijfplaats', { state: 'scored', score: 5, clientScore: null, remark: '' }, 'bench', Date.now()),
    );
  t0 = performance.now();
  await figuresPage(figuresPaths.distribution, policyCookie);
  const figuresAfterAmendMs = performance.now() - t0;
  const saved = await db
    .selectFrom('balance_score')
    .select('revision')
    .where('balance_id', '=', balanceId)
    .where('subject', '=', 'h')
    .where('domain_key', '=', 'verblijfplaats')
    .executeTakeFirst();

  console.log(
    `Sociale Balans bench — node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), autocannon ${DURATION_S}s x ${CONNECTIONS} connections per row`,
  );
  console.log(
    `Data: ${counts.households} households, ${counts.members} members, ${counts.balances} balances, ${counts.scores} scores; database ${(dbBytes / 1e6).toFixed(0)} MB; generated in ${genSeconds.toFixed(1)} s\n`,
  );
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
    `\nratio editor/static req/s: ${ratio('balance editor page (', 'static file, size of the editor')}; caseload/static: ${ratio('caseload search', 'static file, size of the caseload')}; evolution/static: ${ratio('evolution page (', 'static file, size of the evolution')}`,
  );
  console.log(`score saves written: revision of the cell after the run = ${saved?.revision ?? '- (no saves measured)'}`);
  console.log(
    `figures: first request of the process (reads every score once) ${figuresColdMs.toFixed(0)} ms; first request after an amendment (re-reads one balance, counts and suppresses anew) ${figuresAfterAmendMs.toFixed(0)} ms`,
  );

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
    await page(evolutionPath);
    coldPage.push(performance.now() - t0);
  }
  console.log(`\nevolution page with the chart cache emptied before each request (30 sequential): p50 ${pct(coldPage, 50)} ms, p95 ${pct(coldPage, 95)} ms`);

  server.close();
  await db.destroy();
  if (sqlite.open) sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

// PDF generation (issue 7, bench/pdf.ts): after the HTTP rows, or alone with `npm run bench -- --pdf`.
// Load, cold start and bytes on the wire (issue 11, bench/load.ts): last, or alone with `-- --load`.
// The balance editor's step weight and render CPU (issue 13, bench/editor.ts): or alone with `-- --editor`.
// The HTTP rows (pages, the API, score saves, sign-in cost, charts) alone: `-- --pages`.
if (process.argv.includes('--pdf')) await benchPdf();
else if (process.argv.includes('--load')) await benchLoad();
else if (process.argv.includes('--editor')) await benchEditor();
else if (process.argv.includes('--pages')) await main();
else {
  await main();
  await benchEditor();
  await benchPdf();
  await benchLoad();
}
