import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import type { CatalogueData } from '../../src/catalogue/default-catalogue.js';
import { freePort, seedDraftBalance, startServer, untilUp } from '../support/server-process.js';

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
let steps: string[];
let balanceId: number;

beforeAll(async () => {
  port = await freePort();
  const seeded = await seedDraftBalance(file, port, { households: 3, balancesPerHousehold: 1, seed: 3 });
  cookie = seeded.cookie;
  const catalogue = JSON.parse(seeded.catalogueContent) as CatalogueData;
  const household = catalogue.themes.filter((t) => t.level === 'huishouden').flatMap((t) => t.domains.filter((d) => d.defaultOn).map((d) => ({ t, d })));
  cells = household.slice(0, 4).map(({ d }) => `h.${d.key}`);
  // The editor asks one theme at a time: the steps these cells are on.
  steps = [...new Set(household.slice(0, 4).map(({ t }) => `h:${t.key}`))];
  expect(cells.length).toBe(4);
  balanceId = seeded.balanceId;
  householdPath = `/households/${seeded.householdId}`;
  editorPath = `${householdPath}/balances/${balanceId}`;
}, 60_000);

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
      const { child, exited } = startServer(file, port, { WEB_PROCESSES: '2' });
      await untilUp(`http://127.0.0.1:${port}`);
      const base = `http://127.0.0.1:${port}`;
      let html = '';
      for (const step of steps) {
        const editorPage = await fetch(`${base}${editorPath}?step=${encodeURIComponent(step)}`, { headers: { Cookie: cookie } });
        expect(editorPage.status).toBe(200);
        html += await editorPage.text();
      }
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
      // Kill after at least this round's time AND enough answers in this round to judge (four of
      // each): on a busy machine the same time holds fewer requests, and the assertions below need
      // more than ten of each over the three rounds. A cap keeps a stuck server from hanging the test.
      const from = acknowledged.length;
      const inRound = (action: string) => acknowledged.slice(from).filter((a) => a.action === action).length;
      const started = Date.now();
      while (
        (Date.now() - started < 400 + round * 250 || inRound('balance.scores_saved') < 4 || inRound('household.viewed') < 4) &&
        Date.now() - started < 10_000
      ) {
        await new Promise((r) => setTimeout(r, 20));
      }
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
