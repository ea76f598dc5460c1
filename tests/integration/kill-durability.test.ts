import { spawn, type ChildProcess } from 'node:child_process';
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
import type { CatalogueData } from '../../src/catalogue/default-catalogue.js';

// The server is killed with SIGKILL (a power cut, the OOM killer) while workers save scores and
// open pages. Whatever the server acknowledged must be in the database afterwards: every saved
// value with its own audit row, and an audit row for every page it sent (views are group-committed,
// and a page waits for its row). Two serving processes, as on a 2-core VM.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-kill-'));
const file = path.join(dir, 'kill.sqlite');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let port: number;
let cookie: string;
let editorPath: string;
let householdPath: string;
let cells: string[];
let balanceId: number;

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
  const org = await generateOrganisation(db, { households: 3, balancesPerHousehold: 1, teams: 1, seed: 3 });
  const worker = org.workers[1]!;
  const session = await createSession(db, worker.id, Date.now(), 'kill test');
  await markTwoFactorVerified(db, session.id);
  cookie = `${cookieName(config)}=${session.token}`;
  const household = (
    await db.selectFrom('household').select('id').where('team_id', '=', worker.teamId).where('status', '=', 'active').executeTakeFirstOrThrow()
  ).id;
  const user = (await loadCurrentUser(db, worker.id))!;
  const balance = (await db
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
  const version = await db.selectFrom('catalogue_version').select('content').orderBy('number', 'desc').executeTakeFirstOrThrow();
  const catalogue = JSON.parse(String(version.content)) as CatalogueData;
  cells = catalogue.themes
    .filter((t) => t.level === 'huishouden')
    .flatMap((t) => t.domains.filter((d) => d.defaultOn))
    .slice(0, 4)
    .map((d) => `h.${d.key}`);
  expect(cells.length).toBe(4);
  balanceId = balance;
  householdPath = `/households/${household}`;
  editorPath = `${householdPath}/balances/${balance}`;
  await db.destroy();
  if (sqlite.open) sqlite.close();
}, 60_000);

function startServer(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, DATABASE_PATH: file, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', WEB_PROCESSES: '2' },
    stdio: 'ignore',
  });
}

async function untilUp() {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not start');
}

/** SIGKILL to the supervisor and its serving processes, all at once. */
function killAll(child: ChildProcess) {
  const kids = fs.readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  for (const pid of [child.pid!, ...kids]) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

describe('kill -9 while saving and reading', () => {
  it('keeps every acknowledged save and every acknowledged page with its audit row', async () => {
    const acknowledged: { requestId: string; action: string; cell?: string; remark?: string }[] = [];
    const refused: number[] = [];
    for (let round = 0; round < 3; round++) {
      const child = startServer();
      const exited = new Promise((r) => child.once('exit', r));
      await untilUp();
      const base = `http://127.0.0.1:${port}`;
      const editorPage = await fetch(base + editorPath, { headers: { Cookie: cookie } });
      expect(editorPage.status).toBe(200);
      const html = await editorPage.text();
      const token = /name="editor" value="([^"]*)"/.exec(html)![1]!;
      // What this page showed for each cell: a save from it is a change of that, not a conflict.
      const shown = (name: string) => new RegExp(`name="${name.replace(/\./g, '\\.')}" value="([^"]*)"`).exec(html)![1]!;
      let running = true;
      const saver = async (cell: string) => {
        for (let n = 0; running; n++) {
          const remark = `r${round}-${n}`;
          const body = new URLSearchParams({
            editor: token,
            [`v.${cell}`]: shown(`v.${cell}`),
            [`o.${cell}`]: shown(`o.${cell}`),
            [`s.${cell}`]: String(1 + (n % 5)),
            [`r.${cell}`]: remark,
            [`c.${cell}`]: '',
          });
          try {
            const res = await fetch(`${base}${editorPath}/scores`, {
              method: 'POST',
              body,
              headers: {
                Cookie: cookie,
                Origin: `http://localhost:${port}`,
                'Content-Type': 'application/x-www-form-urlencoded',
                'HX-Request': 'true',
                'HX-Request-Type': 'partial',
              },
            });
            await res.arrayBuffer();
            if (res.status === 200) acknowledged.push({ requestId: res.headers.get('X-Request-Id')!, action: 'balance.scores_saved', cell, remark });
            else refused.push(res.status);
          } catch {
            return;
          } // the server died mid-request: not acknowledged
        }
      };
      const reader = async () => {
        while (running) {
          try {
            const res = await fetch(base + householdPath, { headers: { Cookie: cookie } });
            await res.arrayBuffer();
            if (res.status === 200) acknowledged.push({ requestId: res.headers.get('X-Request-Id')!, action: 'household.viewed' });
          } catch {
            return;
          }
        }
      };
      const load = Promise.all([...cells.map(saver), reader(), reader()]);
      await new Promise((r) => setTimeout(r, 400 + round * 250));
      killAll(child);
      running = false;
      await load;
      await exited;
    }

    expect(refused).toEqual([]);
    const { db, sqlite } = openDatabase(file);
    const rows = await db.selectFrom('audit_event').select(['request_id', 'action']).execute();
    const audited = new Set(rows.map((r) => `${r.request_id}|${r.action}`));
    const missing = acknowledged.filter((a) => !audited.has(`${a.requestId}|${a.action}`));
    expect(acknowledged.filter((a) => a.action === 'balance.scores_saved').length).toBeGreaterThan(10);
    expect(acknowledged.filter((a) => a.action === 'household.viewed').length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
    // Each cell holds its last acknowledged remark, or a later one whose answer was cut off by the kill.
    const stored = await db
      .selectFrom('balance_score')
      .select(['domain_key', 'remark'])
      .where('balance_id', '=', balanceId)
      .where('subject', '=', 'h')
      .execute();
    for (const cell of cells) {
      const saves = acknowledged.filter((a) => a.cell === cell);
      const last = saves[saves.length - 1]!;
      const now = stored.find((s) => `h.${s.domain_key}` === cell)!.remark;
      const [lr, ln] = last.remark!.slice(1).split('-').map(Number) as [number, number];
      const [nr, nn] = now.slice(1).split('-').map(Number) as [number, number];
      expect(nr > lr || (nr === lr && nn >= ln), `${cell}: stored ${now}, acknowledged ${last.remark}`).toBe(true);
    }
    await db.destroy();
    if (sqlite.open) sqlite.close();
  }, 120_000);
});
