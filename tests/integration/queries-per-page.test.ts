import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { makeTestApp, type TestApp } from '../support/app.js';
import * as fx from '../support/fixtures.js';
import { openTestDatabase } from '../support/test-database.js';
import { EMPTY_CELL, fingerprint } from '../../src/balances/logic.js';

// On PostgreSQL every query is a round trip to another process, where SQLite answers inside this
// one: the number of queries is most of what a page costs there (docs/benchmarks.md, issue 17).
// These are the counts of a worker's most used pages and of a score save, on both databases;
// a change that adds a query to them shows here. Raise a limit only with the reason beside it.
// (BEGIN and COMMIT are not counted: the driver sends them, not the app's queries.)

/** Counts the statements executed (transformResult runs once per execution; transformQuery also for every subquery built). */
class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.count++;
    return args.result;
  }
}

let t: TestApp;
let cookie: string;
let householdId: number;
let draftId: number;
let finalId: number;
const counter = new QueryCounter();

beforeAll(async () => {
  const database = await openTestDatabase();
  t = await makeTestApp({}, { database: { ...database, appDb: database.appDb.withPlugin(counter) } });
  const org = await t.organisation('OCMW Tellen');
  const team = await t.team(org, 'Team Noord');
  const worker = await t.user(org, { email: 'w@tellen.be', name: 'Wendy', teams: [{ teamId: team, role: 'worker' }] });
  cookie = await t.sessionCookie(worker);
  const scope = await fx.scopeOf(t.db, worker);
  const h = await fx.household(t.db, t.now(), scope, {
    members: [
      { firstName: 'Sara', lastName: 'Peeters', role: 'aanvrager' },
      { firstName: 'Lina', lastName: 'Peeters', role: 'kind' },
    ],
  });
  householdId = h.id;
  finalId = await fx.balance(t.db, t.now(), scope, h.id, { takenOn: '2026-03-02', participants: h.members, scores: { 'h.verblijfplaats': 2 } });
  draftId = await fx.balance(t.db, t.now(), scope, h.id, { takenOn: '2026-09-01', participants: h.members, finalise: false });
});
afterAll(async () => {
  await t.close();
});

/** The queries one request makes, after a first one has filled what the process keeps (catalogues). */
async function queriesOf(request: () => Promise<Response>): Promise<number> {
  expect((await request()).status).toBeLessThan(400);
  counter.count = 0;
  const res = await request();
  expect(res.status).toBeLessThan(400);
  await res.text();
  return counter.count;
}

describe('queries per request', () => {
  it("keep a worker's pages and a save to a handful of queries", async () => {
    const get = (path: string) => () => t.request(path, { cookie });
    const editorHtml = await (await t.request(`/households/${householdId}/balances/${draftId}`, { cookie })).text();
    const editor = /name="editor" value="([^"]+)"/.exec(editorHtml)![1]!;
    let n = 0;
    // Every save writes a new value, as the same editor (its token): its own earlier saves are no conflict.
    const save = () =>
      t.request(`/households/${householdId}/balances/${draftId}/scores`, {
        cookie,
        htmx: true,
        form: {
          editor,
          theme: 'h:huishouden-wonen',
          'v.h.verblijfplaats': '0',
          'o.h.verblijfplaats': fingerprint(EMPTY_CELL),
          's.h.verblijfplaats': String(1 + (n++ % 5)),
          'r.h.verblijfplaats': '',
          'c.h.verblijfplaats': '',
        },
      });
    const counts = {
      // session (with teams and hand-over lock), household, members, balance, people ‖ cells, audit row
      editor: await queriesOf(get(`/households/${householdId}/balances/${draftId}`)),
      finalised: await queriesOf(get(`/households/${householdId}/balances/${finalId}`)),
      dossier: await queriesOf(get(`/households/${householdId}`)),
      caseload: await queriesOf(get('/households?q=peeters&status=all')),
      save: await queriesOf(save),
    };
    // What each costs today; a limit is what it may cost.
    const limits: typeof counts = { editor: 7, finalised: 8, dossier: 11, caseload: 9, save: 11 };
    const over = Object.entries(counts).filter(([page, n]) => n > limits[page as keyof typeof counts]);
    expect({ counts, over }).toEqual({ counts, over: [] });
  });
});
