/**
 * The balance editor, one step at a time (issue 13): HTML bytes of every step and the CPU one step
 * costs to render (`npm run bench`, or alone: `npm run bench -- --editor`). Goals: a step ≤ 30 KB
 * of HTML, its render ≤ 3 ms of CPU. Measured on a household of four (two adults, two children)
 * with the default core catalogue: the view alone (JSX to HTML, process CPU time per render) and
 * the whole GET in this process (session, queries, audit row, render).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createLogger } from '../src/http/logger.js';
import { loadCurrentUser } from '../src/auth/sessions.js';
import { signedInCookie } from './worker.js';
import { scopeOfUser } from '../src/auth/scope.js';
import { createBalance, findBalance } from '../src/balances/queries.js';
import { editorSteps } from '../src/balances/logic.js';
import { findHousehold } from '../src/households/queries.js';
import { messagesFor } from '../src/i18n/index.js';
import type { Ui } from '../src/http/ui.js';
import { BalanceEditorPage } from '../views/balances/BalanceEditorPage.js';
import { generateOrganisation } from '../scripts/generate-data.js';

const RUNS = Number(process.env.BENCH_EDITOR_RUNS ?? 500);

/** CPU time (user + system) of `f`, in ms, measured with process.cpuUsage. */
function cpuMs(f: () => unknown): number {
  const before = process.cpuUsage();
  f();
  const d = process.cpuUsage(before);
  return (d.user + d.system) / 1000;
}
async function cpuMsAsync(f: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await f();
  const d = process.cpuUsage(before);
  return (d.user + d.system) / 1000;
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

export async function benchEditor() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-bench-editor-'));
  const config = { ...loadConfig({ DATABASE_PATH: path.join(dir, 'bench.sqlite'), LOG_LEVEL: 'silent' }), sessionIdleMs: 3_600_000 };
  const { db, sqlite } = openDatabase(config.databasePath);
  await migrateToLatest(db);
  const app = createApp({ db, config, logger: createLogger('silent'), now: () => Date.now() });
  const org = await generateOrganisation(db, { households: 200, balancesPerHousehold: 1, seed: 13 });
  const worker = org.workers[1]!;
  const cookie = await signedInCookie(db, config, worker.id);
  const user = (await loadCurrentUser(db, worker.id))!;
  const scope = scopeOfUser(user);
  // A household of four with two adults and two children, in the worker's team.
  const candidates = await db
    .selectFrom('household')
    .innerJoin('household_member as m', 'm.household_id', 'household.id')
    .select('household.id')
    .where('household.team_id', '=', worker.teamId)
    .where('household.status', '=', 'active')
    .groupBy('household.id')
    .having((eb) => eb.fn.countAll(), '=', 4)
    .execute();
  const today = new Date().toISOString().slice(0, 10);
  let picked: { householdId: number; balanceId: number } | undefined;
  for (const c of candidates) {
    const balanceId = (await db
      .transaction()
      .execute((trx) => createBalance(trx, scope, c.id, { takenOn: today, method: 'samen', participants: [], prefill: false }, Date.now())))!;
    const detail = (await findBalance(db, scope, c.id, balanceId))!;
    const levels = detail.subjects.map((x) => x.level);
    if (levels.filter((l) => l === 'volwassene').length === 2 && levels.filter((l) => l === 'kind').length === 2) {
      picked = { householdId: c.id, balanceId };
      break;
    }
  }
  if (!picked) throw new Error('no household of two adults and two children in the generated data');
  const editorPath = `/households/${picked.householdId}/balances/${picked.balanceId}`;
  const household = (await findHousehold(db, scope, picked.householdId))!;
  const detail = (await findBalance(db, scope, picked.householdId, picked.balanceId))!;
  const steps = editorSteps(detail);

  // Bytes of every step, as served.
  const bytes: { step: string; bytes: number }[] = [];
  for (const step of [...steps.map((x) => x.id), 'afronden']) {
    const res = await app.request(`${editorPath}?step=${encodeURIComponent(step)}`, { headers: { Cookie: cookie } });
    if (res.status !== 200) throw new Error(`${step}: ${res.status}`);
    bytes.push({ step, bytes: Buffer.byteLength(await res.text()) });
  }
  const largest = bytes.reduce((a, b) => (b.bytes > a.bytes ? b : a));

  // The view alone: what one step costs to render.
  const ui: Ui = { t: messagesFor('nl'), locale: 'nl', nonce: 'bench', user, path: editorPath, idleMs: config.sessionIdleMs, formRefused: false };
  const renderStep = (step: string) => '<!doctype html>' + String(BalanceEditorPage({ ui, household, detail, editorToken: 'bench', state: { step } }));
  const render: Record<string, number[]> = { first: [], largest: [] };
  for (let i = 0; i < 50; i++) renderStep(steps[0]!.id); // warm-up (JIT)
  for (let i = 0; i < RUNS; i++) {
    render.first!.push(cpuMs(() => renderStep(steps[0]!.id)));
    render.largest!.push(cpuMs(() => renderStep(largest.step)));
  }
  // Wall clock over the same renders, as a check on the CPU figures (they should be close on an idle core).
  const t0 = performance.now();
  for (let i = 0; i < RUNS; i++) renderStep(steps[0]!.id);
  const wallMean = (performance.now() - t0) / RUNS;
  // The whole GET of the first step in this process (no network): session, queries, audit row, render.
  const request: number[] = [];
  for (let i = 0; i < 20; i++) await app.request(editorPath, { headers: { Cookie: cookie } });
  for (let i = 0; i < Math.min(RUNS, 300); i++)
    request.push(await cpuMsAsync(async () => (await app.request(editorPath, { headers: { Cookie: cookie } })).text()));

  const sorted = [...bytes].sort((a, b) => a.bytes - b.bytes);
  console.log(`\nBalance editor, one step at a time (household of 4: 2 adults, 2 children; core catalogue; ${steps.length} steps + finish)`);
  console.log('| what | figure | goal |');
  console.log('| --- | --- | --- |');
  console.log(
    `| step HTML bytes: smallest / median / largest (${largest.step}) | ${sorted[0]!.bytes} / ${sorted[Math.floor(sorted.length / 2)]!.bytes} / ${largest.bytes} | ≤ 30,720 |`,
  );
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  // process.cpuUsage counts every thread of the process (V8's garbage collector and compiler
  // included), so a render that meets a collection shows it: hence the mean next to the tail.
  const f = (xs: number[]) =>
    `mean ${mean(xs).toFixed(2)} ms, p50 ${pct(xs, 50).toFixed(2)} ms, p95 ${pct(xs, 95).toFixed(2)} ms, p99 ${pct(xs, 99).toFixed(2)} ms`;
  console.log(`| render CPU, first step (${RUNS} renders) | ${f(render.first!)} | ≤ 3 ms |`);
  console.log(`| render CPU, largest step (${RUNS} renders) | ${f(render.largest!)} | ≤ 3 ms |`);
  console.log(`| render wall clock, first step, mean of ${RUNS} | ${wallMean.toFixed(2)} ms | - |`);
  console.log(`| whole GET in process, CPU (${request.length} requests) | ${f(request)} | - |`);

  await db.destroy();
  if (sqlite.open) sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
