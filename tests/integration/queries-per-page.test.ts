import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { makeTestApp, type TestApp } from '../support/app.js';
import * as fx from '../support/fixtures.js';
import { openTestDatabase, testDialect } from '../support/test-database.js';
import { EMPTY_CELL, fingerprint } from '../../src/balances/logic.js';

// On PostgreSQL every query is a round trip to another process, where SQLite answers inside this
// one: the number of queries is most of what a page costs there (docs/benchmarks.md, issue 17).
// These are the counts of a worker's most used pages and of a score save, on both databases;
// a change that adds a query to them shows here. Raise a limit only with the reason beside it.
// (BEGIN and COMMIT are not counted: the driver sends them, not the app's queries.)

/**
 * Counts the statements executed (transformResult runs once per execution; transformQuery also for
 * every subquery built) and the waits in a row: a statement the app starts while none of its
 * statements is in flight is a new wait, one started beside another (Promise.all) is not (Kysely
 * transforms a query synchronously when it is started). On PostgreSQL each wait is at least one
 * round trip; when the count is the same every run is said at the limits below.
 */
class QueryCounter implements KyselyPlugin {
  count = 0;
  #events: { started: boolean; id: object }[] = [];
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.#events.push({ started: true, id: args.queryId });
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.count++;
    this.#events.push({ started: false, id: args.queryId });
    return args.result;
  }
  reset(): void {
    this.count = 0;
    this.#events = [];
  }
  /** Waits in a row, counting only statements that were executed (not subqueries being built). */
  waits(): number {
    const executed = new Set(this.#events.filter((e) => !e.started).map((e) => e.id));
    const inFlight = new Set<object>();
    let waits = 0;
    for (const e of this.#events) {
      if (!executed.has(e.id)) continue;
      if (!e.started) inFlight.delete(e.id);
      else if (inFlight.add(e.id).size === 1) waits++;
    }
    return waits;
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

/** The queries one request makes and its waits in a row, after a first request filled what the process keeps (catalogues). */
async function queriesOf(request: () => Promise<Response>): Promise<{ queries: number; waits: number }> {
  expect((await request()).status).toBeLessThan(400);
  counter.reset();
  const res = await request();
  expect(res.status).toBeLessThan(400);
  await res.text();
  return { queries: counter.count, waits: counter.waits() };
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
      // session (with teams and hand-over lock), household ‖ members, balance ‖ people ‖ cells, audit row
      editor: await queriesOf(get(`/households/${householdId}/balances/${draftId}`)),
      finalised: await queriesOf(get(`/households/${householdId}/balances/${finalId}`)),
      dossier: await queriesOf(get(`/households/${householdId}`)),
      caseload: await queriesOf(get('/households?q=peeters&status=all')),
      save: await queriesOf(save),
    };
    // What each costs today; a limit is what it may cost. Waits in a row are held on PostgreSQL
    // for the requests that read in stages (each stage's reads start together and the next starts
    // when all have answered): there an answer comes back as I/O, after every statement of its
    // stage has been sent, so the count is the same every run. Not for the dossier and the
    // caseload, whose side-by-side branches have different lengths: a later read of one branch
    // starts a wait of its own only if the other branches have already answered, which depends on
    // the database's timing (the caseload gave 4 here and 5 in CI). Nor on SQLite, where a
    // statement answers within the call. Statements are held everywhere.
    const limits: Record<keyof typeof counts, { queries: number; waits?: number }> = {
      editor: { queries: 7, waits: 4 },
      finalised: { queries: 8, waits: 5 },
      dossier: { queries: 11 },
      caseload: { queries: 9 },
      save: { queries: 10, waits: 7 },
    };
    const over = Object.entries(counts).filter(([page, n]) => {
      const limit = limits[page as keyof typeof counts];
      return n.queries > limit.queries || (testDialect === 'postgres' && limit.waits !== undefined && n.waits > limit.waits);
    });
    expect({ counts, over }).toEqual({ counts, over: [] });
  });
});
