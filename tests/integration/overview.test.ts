import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import * as fx from '../support/fixtures.js';
import { chartCache } from '../../src/charts/cache.js';
import { lineOption } from '../../src/charts/line.js';
import { radarOption } from '../../src/charts/radar.js';
import { balanceLabels, domainRows, lineModel, personHistory, radarPoints } from '../../src/overview/model.js';
import { loadSnapshots } from '../../src/overview/queries.js';
import { scopeOfUser } from '../../src/auth/scope.js';
import { loadCurrentUser } from '../../src/auth/sessions.js';
import type { CatalogueData } from '../../src/catalogue/default-catalogue.js';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue.js';

// The overview ("foto"), the evolution and the comparison, through real HTTP on a migrated
// in-memory database. The household and its balances (started, scored, finalised) are built with
// the shared fixtures (tests/support/fixtures.ts); the pages are read through the routes.

let t: TestApp;
let org: number;
let team: number;
let workerId: number;
let cookie: string;
let household: number;
let sara: number;
let lina: number;
let karim: number;

/** A household of the team made through the shared fixture, as the worker would make it. */
async function makeHousehold(members: fx.MemberInput[]) {
  return fx.household(t.db, t.now(), await scope(), { members: members.map((m) => ({ lastName: 'Peeters', ...m })) });
}

/** A score for every cell of the balance's layout; `score(subject, domainKey, index)` decides (null: niet besproken). */
async function balance(
  takenOn: string,
  score: (subject: string, domainKey: string, i: number) => number | null,
  opts: { finalise?: boolean; householdId?: number; remark?: string } = {},
) {
  const remark = opts.remark;
  return fx.balance(t.db, t.now(), await scope(), opts.householdId ?? household, {
    takenOn,
    finalise: opts.finalise !== false,
    scores: (subject, domainKey, i) => {
      const v = score(subject, domainKey, i);
      const cell = v === null ? { state: 'nb' as const } : { score: v };
      return remark && i === 0 ? { ...cell, remark } : cell;
    },
  });
}

const html = async (path: string, status = 200) => {
  const res = await t.request(path, { cookie });
  expect(res.status, path).toBe(status);
  return res.text();
};

/** The data table of a chart: per row (domain key) the data-score of each cell ('' = no score). */
function tableOf(page: string, chart: string): Map<string, string[]> {
  const table = new RegExp(`<table class="[^"]*" data-chart="${chart}">([\\s\\S]*?)</table>`).exec(page)?.[1];
  expect(table, `table for ${chart}`).toBeDefined();
  const out = new Map<string, string[]>();
  for (const row of table!.matchAll(/<tr data-domain="([^"]+)">([\s\S]*?)<\/tr>/g)) {
    out.set(
      row[1]!,
      [...row[2]!.matchAll(/<td data-score="([^"]*)"/g)].map((m) => m[1]!),
    );
  }
  return out;
}

/** The inline SVG inside a figure. */
function svgOf(page: string, figureId: string): string {
  const figure = new RegExp(`<figure class="chart" id="${figureId}"[\\s\\S]*?</figure>`).exec(page)?.[0];
  expect(figure, `figure ${figureId}`).toBeDefined();
  const svg = /<svg[\s\S]*?<\/svg>/.exec(figure!)?.[0];
  expect(svg, `svg in ${figureId}`).toBeDefined();
  return svg!;
}

/** Straight from the database: per (subject, domain) scored in both balances, how many went up, stayed, went down. */
async function changesBetween(older: number, newer: number) {
  const rows = await t.db
    .selectFrom('balance_score')
    .select(['balance_id', 'subject', 'domain_key', 'score'])
    .where('balance_id', 'in', [older, newer])
    .where('state', '=', 'scored')
    .execute();
  const before = new Map(rows.filter((r) => r.balance_id === older).map((r) => [`${r.subject}.${r.domain_key}`, r.score!]));
  const out = { up: 0, same: 0, down: 0 };
  for (const r of rows.filter((x) => x.balance_id === newer)) {
    const b = before.get(`${r.subject}.${r.domain_key}`);
    if (b === undefined) continue;
    if (r.score! > b) out.up++;
    else if (r.score! < b) out.down++;
    else out.same++;
  }
  return out;
}

async function scope() {
  return scopeOfUser((await loadCurrentUser(t.db, workerId))!);
}

beforeEach(async () => {
  t = await makeTestApp();
  chartCache.clear();
  org = await t.organisation('OCMW Overzicht');
  team = await t.team(org, 'Team Noord');
  workerId = await t.user(org, { email: 'w@ocmw.be', name: 'Wendy', teams: [{ teamId: team, role: 'worker' }] });
  cookie = await t.sessionCookie(workerId);
  // Karim joins between the first and the second balance.
  const h = await makeHousehold([
    { firstName: 'Sara', birthYear: 1985, role: 'aanvrager' },
    { firstName: 'Karim', birthYear: 1982, role: 'partner', joinedOn: '2026-05-01' },
    { firstName: 'Lina', birthYear: 2016, role: 'kind' },
  ]);
  household = h.id;
  [sara, karim, lina] = h.members as [number, number, number];
});
afterEach(async () => {
  await t.close();
});

/** Three finalised balances: every score goes up by one each time (capped at 5), one domain "niet besproken" in the second. */
async function threeBalances() {
  const ids = [];
  for (const [n, date] of ['2026-03-12', '2026-06-12', '2026-09-12'].entries()) {
    ids.push(
      await balance(date, (subject, key, i) => (n === 1 && subject === 'h' && i === 1 ? null : Math.min(5, 1 + ((i + n) % 4) + (n > 0 ? 1 : 0))), {
        remark: n === 2 ? 'Huur is betaald.' : undefined,
      }),
    );
  }
  return ids;
}

describe('the overview of one balance', () => {
  it('shows every score in a grid, the elements, and a radar per person whose table and chart data match the database', async () => {
    const [first] = await threeBalances();
    const page = await html(`/households/${household}/balances/${first}/overview`);
    expect(page).toContain('<h1>Overzicht van de meting van 12/03/2026</h1>');
    expect(page).toContain('Stabiliserende en destabiliserende elementen');
    // Karim had not joined yet at the first balance: no column, no chart for him.
    expect(page).not.toContain('Karim Peeters');
    expect(page).not.toContain(`radar-m${karim}`);
    const db = await t.db.selectFrom('balance_score').select(['subject', 'domain_key', 'score']).where('balance_id', '=', first!).execute();
    const { snapshots } = await loadSnapshots(t.db, await scope(), household, { hideSensitive: false, finalOnly: true });
    const snapshot = snapshots.find((s) => s.id === first)!;
    for (const subject of ['h', `m${sara}`, `m${lina}`]) {
      const table = tableOf(page, `radar-${subject}`);
      const fromDb = new Map(db.filter((r) => r.subject === subject).map((r) => [r.domain_key, r.score === null ? '' : String(r.score)]));
      expect(new Map([...table].map(([k, v]) => [k, v[0]!]))).toEqual(fromDb);
      // The chart is drawn from the same rows: its series data (the outline, closed on the first spoke) are the table's numbers.
      const option = radarOption(radarPoints(domainRows(snapshot, subject, 'nl')), '');
      const drawn = option.series[0]!.data.slice(0, table.size).map((d) => (d[0] === '-' ? '' : String(d[0])));
      expect(drawn).toEqual([...table.values()].map((v) => v[0]));
      expect(svgOf(page, `radar-${subject}`)).toMatch(/^<svg role="img" aria-label="Balans van [^"]+ op 12\/03\/2026: \d+ domeinen? acuut of ruim onvoldoende/);
    }
    // One matrix: every score exactly once, as colour + number + words (the chip).
    expect(page.match(/<table class="overview-matrix"/g)).toHaveLength(1);
    const matrix = /<table class="overview-matrix"[\s\S]*?<\/table>/.exec(page)![0];
    expect(matrix).toMatch(
      /<td data-cell="h\.verblijfplaats"><span class="overview-matrix__score"><span class="chip chip--1"><span class="chip__num">1<\/span><span class="chip__label"> Acuut probleem<\/span>/,
    );
    const inMatrix = [...matrix.matchAll(/<td data-cell="([^"]+)">[\s\S]*?<span class="chip chip--(\w+)">/g)].map((m) => [m[1], m[2]]);
    const expected = db.map((r) => [`${r.subject}.${r.domain_key}`, r.score === null ? 'nb' : String(r.score)]);
    expect(inMatrix.sort()).toEqual(expected.sort());
    // Columns: the household, then each person with their level; Sara's and Lina's health domains share a row.
    expect(matrix).toMatch(
      /<th scope="col" class="overview-matrix__who">Huishouden<\/th><th scope="col" class="overview-matrix__who">Sara Peeters <span class="overview-matrix__level">volwassene<\/span>/,
    );
    expect(matrix).toMatch(
      new RegExp(
        `<th scope="row">Fysieke gezondheid</th><td class="overview-matrix__none">.*?</td><td data-cell="m${sara}\\.fysieke-gezondheid">.*?<td data-cell="m${lina}\\.kind-fysieke-gezondheid">`,
      ),
    );
    // A cell that does not concern its column says so to a screen reader, and shows a dash.
    expect(matrix).toContain(
      '<td class="overview-matrix__none"><span aria-hidden="true">—</span><span class="visually-hidden">niet gevraagd voor het huishouden</span></td>',
    );
    // A theme heads the rows of its own tbody (rowgroup), in a column of its own.
    expect(matrix).toMatch(
      /<tbody class="overview-matrix__household"><tr><th scope="rowgroup" rowspan="2" class="overview-matrix__theme">Wonen<\/th><th scope="row">Verblijfplaats<\/th>/,
    );
    expect(page).not.toContain('scope="colgroup"');
    // The elements name the domains; the numbers are in the matrix only.
    const elements = /<section aria-labelledby="elements-title"[\s\S]*?<\/section>/.exec(page)![0];
    expect(elements).toContain('Destabiliserend (1 en 2)');
    expect(elements).not.toContain('chip');
    // The charts' data tables are folded away behind a disclosure (the matrix shows those numbers).
    expect(page).toMatch(
      new RegExp(
        `<details class="chart__table chart__table--collapsed"><summary>Scores van Sara Peeters als tabel</summary><table class="chart-data" data-chart="radar-m${sara}">`,
      ),
    );
    expect(page).not.toContain('style=');
    expect(page).not.toMatch(/<script(?![^>]*nonce)/);
  });

  it('keeps remarks one step away (a disclosure) and lists them for print', async () => {
    const ids = await threeBalances();
    const page = await html(`/households/${household}/balances/${ids[2]}/overview`);
    // In the matrix a mark that a remark exists; the remark itself behind one disclosure below.
    expect(page).toMatch(
      /<td data-cell="h\.verblijfplaats"><span class="overview-matrix__score"><span class="chip chip--\d">.*?<\/span><\/span><span class="remark-mark"><span aria-hidden="true">\*<\/span><span class="visually-hidden"> met opmerking<\/span><\/span><\/span><\/td>/,
    );
    expect(page).toMatch(
      /<details class="remarks no-print"><summary>4 opmerkingen tonen<\/summary><dl class="remark-list"><dt>Verblijfplaats — Huishouden<\/dt><dd class="pre-wrap">Huur is betaald.<\/dd><dt>Vangnet — Sara Peeters \(volwassene\)<\/dt>/,
    );
    expect(page).toMatch(/<div class="print-only"><dl class="remark-list">[\s\S]*Huur is betaald\./);
  });

  it('answers 404 for a balance of another household, another organisation or one that does not exist', async () => {
    const [first] = await threeBalances();
    const otherHousehold = (await makeHousehold([{ firstName: 'Ali', lastName: 'Demir', birthYear: 1979 }])).id;
    await html(`/households/${otherHousehold}/balances/${first}/overview`, 404);
    await html(`/households/${household}/balances/999999/overview`, 404);
    await html(`/households/${household}/balances/abc/overview`, 404);
    const otherOrg = await t.organisation('OCMW Elders');
    const otherTeam = await t.team(otherOrg, 'Team Elders');
    const outsider = await t.user(otherOrg, { email: 'x@elders.be', teams: [{ teamId: otherTeam, role: 'worker' }] });
    const res = await t.request(`/households/${household}/balances/${first}/overview`, { cookie: await t.sessionCookie(outsider) });
    expect(res.status).toBe(404);
  });

  it('writes an audit row with ids only', async () => {
    const [first] = await threeBalances();
    await html(`/households/${household}/balances/${first}/overview`);
    const row = await t.db.selectFrom('audit_event').selectAll().where('action', '=', 'balance.overview_viewed').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ actor_user_id: workerId, target_type: 'balance', target_id: String(first) });
  });
});

describe('chart caching', () => {
  it("caches a finalised balance's charts, and a correction shows in the chart and its table at once", async () => {
    const [first] = await threeBalances();
    const path = `/households/${household}/balances/${first}/overview`;
    const before = await html(path);
    const misses = chartCache.misses;
    await html(path);
    expect(chartCache.misses).toBe(misses); // second view: every chart from the cache
    expect(chartCache.hits).toBeGreaterThanOrEqual(3);

    expect(tableOf(before, 'radar-h').get('verblijfplaats')).toEqual(['1']);
    const res = await t.request(`/households/${household}/balances/${first}/amendments`, {
      cookie,
      form: { cell: 'h.verblijfplaats', s: '5', r: '', 'reason-x': 'Verkeerd aangeklikt' },
    });
    expect(res.status).toBe(303);
    const after = await html(path);
    expect(tableOf(after, 'radar-h').get('verblijfplaats')).toEqual(['5']);
    expect(svgOf(after, 'radar-h')).not.toBe(svgOf(before, 'radar-h'));
    expect(svgOf(after, 'radar-h')).toBe(svgOf(await html(path), 'radar-h'));
  });

  it('renders a draft fresh every time (never cached)', async () => {
    const draft = await balance('2026-10-01', () => 3, { finalise: false });
    const path = `/households/${household}/balances/${draft}/overview`;
    const page = await html(path);
    expect(page).toContain('Deze meting is nog bezig');
    const size = chartCache.size;
    await html(path);
    expect(chartCache.size).toBe(size);
    expect(chartCache.hits).toBe(0);
  });

  it('never gives a viewer who may not see sensitive domains a chart or table that contains them', async () => {
    const [first] = await threeBalances();
    // The team lead sees sensitive domains; the organisation shields them from workers not assigned.
    const lead = await t.user(org, { email: 'lead@ocmw.be', teams: [{ teamId: team, role: 'lead' }] });
    const leadCookie = await t.sessionCookie(lead);
    await t.db.updateTable('organisation').set({ sensitive_visibility: 'assigned' }).where('id', '=', org).execute();
    const path = `/households/${household}/balances/${first}/overview`;
    const leadPage = await (await t.request(path, { cookie: leadCookie })).text();
    expect(leadPage).toContain('Veiligheid');
    expect(svgOf(leadPage, 'radar-h')).toContain('Veiligheid');
    // Now the worker, who is not assigned: same balance, same language, charts already in the cache.
    const page = await html(path);
    expect(page).toContain('gevoelige domeinen zijn afgeschermd');
    expect(tableOf(page, 'radar-h').has('veiligheid')).toBe(false);
    expect(svgOf(page, 'radar-h')).not.toContain('Veiligheid');
    expect(page).not.toContain('Veiligheid');
    expect(page).not.toContain('Mentale gezondheid');
    const evolution = await html(`/households/${household}/evolution?person=m${sara}`);
    expect(evolution).not.toContain('Mentale gezondheid');
  });
});

describe('the evolution of a household', () => {
  it('shows a timeline, a heatmap whose drawn numbers equal its table, and a line chart of chosen domains', async () => {
    const ids = await threeBalances();
    const draft = await balance('2026-11-01', () => 2, { finalise: false });
    const page = await html(`/households/${household}/evolution`);
    expect(page).toContain('<h1>Evolutie van het gezin</h1>');
    for (const d of ['12/03/2026', '12/06/2026', '12/09/2026', '01/11/2026']) expect(page).toContain(d);
    expect(page).toContain(`/balances/${draft}`);
    // Heatmap for the household: the table against the database, and the numbers drawn in the SVG against the table.
    const table = tableOf(page, 'heatmap');
    const scores = await t.db
      .selectFrom('balance_score')
      .select(['balance_id', 'domain_key', 'score'])
      .where('subject', '=', 'h')
      .where('balance_id', 'in', ids)
      .execute();
    for (const [key, cells] of table) {
      expect(cells).toEqual(
        ids.map((id) => {
          const s = scores.find((x) => x.balance_id === id && x.domain_key === key)!;
          return s.score === null ? '' : String(s.score);
        }),
      );
    }
    const svg = svgOf(page, 'heatmap');
    const drawn = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!).filter((x) => /^([1-5]|nvt|–)$/.test(x));
    expect(drawn).toEqual([...table.values()].flat().map((v) => (v === '' ? '–' : v)));
    expect(svg).toMatch(
      /aria-label="Scores van Huishouden in 3 metingen van 12\/03\/2026 tot 12\/09\/2026: van de eerste tot de laatste score \d+ domeinen? beter/,
    );

    // Line chart: the first three domains by default; the option's series are the table's rows.
    const line = tableOf(page, 'line');
    expect([...line.keys()]).toEqual([...table.keys()].slice(0, 3));
    const { snapshots } = await loadSnapshots(t.db, await scope(), household, { hideSensitive: false, finalOnly: true });
    const option = lineOption(lineModel(personHistory(snapshots, 'h', 'nl'), [...line.keys()], balanceLabels(snapshots)));
    expect(option.series.map((s) => s.data.map((v) => (v === '-' ? '' : String(v))))).toEqual([...line.values()]);
  });

  it('says per domain and per person what got better, stayed or got worse, in words with a symbol, and what each score meant then', async () => {
    // Verblijfplaats 2 → 4 → 3 for the household, the second balance on a catalogue version whose anchor text for 4 was reworded.
    const scoreOf = (n: number) => (subject: string, key: string) => (subject === 'h' && key === 'verblijfplaats' ? [2, 4, 3][n]! : 3);
    await balance('2026-03-12', scoreOf(0));
    const v1 = await t.db.selectFrom('catalogue_version').selectAll().where('organisation_id', '=', org).executeTakeFirstOrThrow();
    const content = JSON.parse(v1.content) as CatalogueData;
    content.themes.find((th) => th.key === 'huishouden-wonen')!.domains[0]!.anchors[3] = { nl: 'Woont stabiel, nieuwe tekst', fr: 'Nouveau', en: 'New' };
    await t.db
      .insertInto('catalogue_version')
      .values({ organisation_id: org, number: 2, published_at: t.now(), published_by: null, note: null, changes: '{}', content: JSON.stringify(content) })
      .execute();
    await balance('2026-06-12', scoreOf(1));
    await balance('2026-09-12', scoreOf(2));
    const page = await html(`/households/${household}/evolution?person=h`);
    const row = /<tr data-domain="verblijfplaats">([\s\S]*?)<\/tr>/.exec(page)![1]!;
    // Each score after the first says its step since the balance before, in words with a symbol (hidden from screen readers).
    const cells = [...row.matchAll(/<td data-score="(\d)">([\s\S]*?)<\/td>/g)].map((m) => ({ score: m[1], text: m[2]! }));
    expect(cells.map((c) => c.score)).toEqual(['2', '4', '3']);
    expect(cells[0]!.text).not.toContain('step--');
    expect(cells[1]!.text).toContain(
      '<span class="visually-hidden">sinds de meting ervoor: </span><span class="step step--better">beter <span aria-hidden="true">▲</span></span>',
    );
    expect(cells[2]!.text).toContain('<span class="step step--worse">slechter <span aria-hidden="true">▼</span></span>');
    // Over the whole period, in the row head: 2 → 3.
    expect(row).toContain('Hele periode: <span class="step step--better">beter (+1) <span aria-hidden="true">▲</span></span>');
    // What each score meant at its date: the anchor text of the version that balance was scored against.
    const old = defaultCatalogue.themes[0]!.domains[0]!;
    expect(row).toContain(`<dt>12/03/2026: 2 Ruim onvoldoende</dt><dd>${old.anchors[1].nl}</dd>`);
    expect(row).toContain('<dt>12/06/2026: 4 Voldoende</dt><dd>Woont stabiel, nieuwe tekst</dd>');
    expect(row).toContain(`<dt>12/09/2026: 3 Onvoldoende</dt><dd>${old.anchors[2].nl}</dd>`);
    // And for the person as a whole: the period, and each step.
    expect(page).toMatch(/Van 12\/03\/2026 tot 12\/09\/2026: 1 domein beter, \d+ gelijk, 0 slechter\./);
    expect(page).toMatch(/Van 12\/03\/2026 naar 12\/06\/2026: 1 beter, \d+ gelijk, 0 slechter\./);
    expect(page).toMatch(/Van 12\/06\/2026 naar 12\/09\/2026: 0 beter, \d+ gelijk, 1 slechter\./);
  });

  it('writes "not applicable" in the heatmap in the reader\'s language', async () => {
    const ids = await threeBalances();
    const domain = (
      await t.db.selectFrom('balance_score').select('domain_key').where('balance_id', '=', ids[0]!).where('subject', '=', 'h').executeTakeFirstOrThrow()
    ).domain_key;
    await t.db
      .updateTable('balance_score')
      .set({ state: 'nvt', score: null })
      .where('balance_id', '=', ids[0]!)
      .where('subject', '=', 'h')
      .where('domain_key', '=', domain)
      .execute();
    const cellTexts = async (lang: 'nl' | 'fr' | 'en') => {
      await t.db.updateTable('app_user').set({ locale: lang }).where('id', '=', workerId).execute();
      const res = await t.request(`/households/${household}/evolution`, { cookie });
      return [...svgOf(await res.text(), 'heatmap').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    };
    const en = await cellTexts('en');
    expect(en).toContain('n/a');
    expect(en).not.toContain('nvt');
    const fr = await cellTexts('fr');
    expect(fr).toContain('s.o.');
    expect(fr).not.toContain('nvt');
    expect(await cellTexts('nl')).toContain('nvt');
  });

  it('draws the line for the domains chosen in the GET form (works without JavaScript)', async () => {
    await threeBalances();
    const page = await html(`/households/${household}/evolution?person=h&line=1&domains=schulden&domains=inkomen`);
    expect([...tableOf(page, 'line').keys()]).toEqual(['schulden', 'inkomen']);
    expect(page).toMatch(/<input type="checkbox" name="domains" value="schulden" checked/);
    expect(svgOf(page, 'line')).toContain('Schulden');
  });

  it('says so when no domain, an unknown domain or too many domains are chosen', async () => {
    await threeBalances();
    expect(await html(`/households/${household}/evolution?person=h&line=1`)).toContain('Kies minstens één domein');
    const unknown = await html(`/households/${household}/evolution?person=h&line=1&domains=inkomen&domains=bestaat-niet`);
    expect(unknown).toContain('hoort niet bij deze persoon');
    expect([...tableOf(unknown, 'line').keys()]).toEqual(['inkomen']);
    const keys = defaultCatalogue.themes.filter((th) => th.level === 'huishouden').flatMap((th) => th.domains.filter((d) => d.defaultOn).map((d) => d.key));
    const many = await html(`/households/${household}/evolution?person=h&line=1&${keys.map((k) => `domains=${k}`).join('&')}`);
    expect(many).toContain('De lijn toont de eerste 6');
    expect(tableOf(many, 'line').size).toBe(6);
  });

  it('shows a member who joined later only for the balances they were part of', async () => {
    await threeBalances();
    const page = await html(`/households/${household}/evolution?person=m${karim}`);
    expect(page).toContain('Karim Peeters was deel van 2 van de 3 afgeronde metingen');
    const table = tableOf(page, 'heatmap');
    for (const cells of table.values()) expect(cells).toHaveLength(2);
    expect(page).not.toMatch(/<th scope="col">12\/03\/2026<\/th>/);
    await html(`/households/${household}/evolution?person=m999999`, 404);
    await html(`/households/${household}/evolution?person=<script>`, 404);
  });

  it("redraws a person's cached heatmap and line when another balance of the household changes the date labels", async () => {
    const ids = await threeBalances();
    const path = `/households/${household}/evolution?person=m${karim}`;
    const labelsIn = (svg: string) => [...svg.matchAll(/<text[^>]*>(\d\d\/\d\d\/\d{4}[^<]*)<\/text>/g)].map((m) => m[1]!);
    const before = await html(path);
    expect(labelsIn(svgOf(before, 'heatmap'))).toContain('12/09/2026');
    // A second balance on 12/09/2026 without Karim: his balances (and their stamps) stay the same,
    // but the household now has two balances that day, so the label becomes "12/09/2026 (1)".
    const extra = await balance('2026-09-12', () => 3, { finalise: false });
    await t.db.deleteFrom('balance_score').where('balance_id', '=', extra).where('subject', '=', `m${karim}`).execute();
    await t.db.deleteFrom('balance_subject').where('balance_id', '=', extra).where('member_id', '=', karim).execute();
    expect((await t.request(`/households/${household}/balances/${extra}/finalisation`, { cookie, form: {} })).status).toBe(303);
    const after = await html(path);
    const first = ids[2]! < extra ? '12/09/2026 (1)' : '12/09/2026 (2)';
    expect(labelsIn(svgOf(after, 'heatmap'))).toContain(first);
    expect(labelsIn(svgOf(after, 'heatmap'))).not.toContain('12/09/2026');
    expect(labelsIn(svgOf(after, 'line'))).toContain(first);
  });

  it('explains that comparing needs two balances when there is only one', async () => {
    await balance('2026-03-12', () => 3);
    const page = await html(`/households/${household}/evolution`);
    expect(page).toContain('Vergelijken kan vanaf twee afgeronde metingen. Dit gezin heeft er nog maar één.');
    expect(page).not.toContain('name="from"');
    const cmp = await html(`/households/${household}/evolution/comparison?from=1&to=2`);
    expect(cmp).toContain('Dit gezin heeft er nog maar één.');
  });

  it('says there is nothing yet without a finalised balance', async () => {
    expect(await html(`/households/${household}/evolution`)).toContain('Er is nog geen afgeronde meting');
  });
});

describe('comparing two balances', () => {
  it('lists per domain better / same / worse with the size, and the anchor text each score meant then', async () => {
    const ids = await threeBalances();
    const page = await html(`/households/${household}/evolution/comparison?from=${ids[0]}&to=${ids[2]}`);
    expect(page).toContain('<h1>Vergelijking: 12/03/2026 en 12/09/2026</h1>');
    // verblijfplaats: 1 in the first, 1 + (0+2)%4 + 1 = 4 in the third: "Acuut probleem ..." -> "Voldoende ...".
    const row = /<tr data-domain="verblijfplaats" data-change="better">([\s\S]*?)<\/tr>/.exec(page)?.[1];
    expect(row).toBeDefined();
    const verblijfplaats = defaultCatalogue.themes[0]!.domains[0]!;
    expect(row).toContain('Acuut probleem');
    expect(row).toContain(verblijfplaats.anchors[0].nl);
    expect(row).toContain('Voldoende');
    expect(row).toContain(verblijfplaats.anchors[3].nl);
    expect(row).toContain('beter (+3)');
    const c = await changesBetween(ids[0]!, ids[2]!);
    expect(c.up + c.down).toBeGreaterThan(0);
    expect(page).toContain(`${c.up} ${c.up === 1 ? 'domein' : 'domeinen'} beter, ${c.same} gelijk, ${c.down} slechter.`);
    expect(page.match(/data-change="better"/g)?.length ?? 0).toBe(c.up);
    expect(page.match(/data-change="same"/g)?.length ?? 0).toBe(c.same);
    expect(page.match(/data-change="worse"/g)?.length ?? 0).toBe(c.down);
    expect(page).toContain('Karim Peeters was alleen deel van de meting van 12/09/2026.');
    const audit = await t.db.selectFrom('audit_event').selectAll().where('action', '=', 'balance.comparison_viewed').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ target_type: 'household', target_id: String(household) });
  });

  it('answers 404 for balances of another household or organisation, a missing id or a draft', async () => {
    const ids = await threeBalances();
    const other = (await makeHousehold([{ firstName: 'Ali', lastName: 'Demir', birthYear: 1979 }])).id;
    const foreign = await balance('2026-04-01', () => 2, { householdId: other });
    const draft = await balance('2026-10-01', () => 2, { finalise: false });
    for (const q of [
      `from=${ids[0]}&to=${foreign}`,
      `from=${foreign}&to=${ids[0]}`,
      `from=${ids[0]}&to=999999`,
      `from=${ids[0]}&to=abc`,
      `from=${ids[0]}&to=${draft}`,
    ]) {
      await html(`/households/${household}/evolution/comparison?${q}`, 404);
    }
    const otherOrg = await t.organisation('OCMW Elders');
    const otherTeam = await t.team(otherOrg, 'Team Elders');
    const outsider = await t.user(otherOrg, { email: 'x@elders.be', teams: [{ teamId: otherTeam, role: 'worker' }] });
    expect(
      (await t.request(`/households/${household}/evolution/comparison?from=${ids[0]}&to=${ids[1]}`, { cookie: await t.sessionCookie(outsider) })).status,
    ).toBe(404);
  });

  it('asks for two balances (422) when only one of the two is given, keeping the one chosen', async () => {
    const ids = await threeBalances();
    for (const [q, selected] of [
      [`from=${ids[0]}`, ids[0]],
      [`to=${ids[1]}`, ids[1]],
      [`from=${ids[0]}&to=`, ids[0]],
      [`from=&to=${ids[1]}`, ids[1]],
    ] as const) {
      const page = await html(`/households/${household}/evolution/comparison?${q}`, 422);
      expect(page, q).toContain('Kies twee afgeronde metingen om te vergelijken.');
      expect(page, q).toMatch(new RegExp(`<option value="${selected}" selected`));
    }
  });

  it('refuses the same balance twice with a clear message (422)', async () => {
    const ids = await threeBalances();
    const page = await html(`/households/${household}/evolution/comparison?from=${ids[1]}&to=${ids[1]}`, 422);
    expect(page).toContain('Kies twee verschillende metingen.');
  });

  it('matches domains by key across catalogue versions and marks new and retired ones', async () => {
    await balance('2026-03-12', () => 2);
    // Version 2: "veiligheid" gone from the catalogue, a new household domain added, an anchor text reworded.
    const v1 = await t.db.selectFrom('catalogue_version').selectAll().where('organisation_id', '=', org).executeTakeFirstOrThrow();
    const content = JSON.parse(v1.content) as CatalogueData;
    const wonen = content.themes.find((th) => th.key === 'huishouden-wonen')!;
    wonen.domains[0]!.anchors[3] = { nl: 'Nieuwe tekst voor vier', fr: 'Nouveau texte', en: 'New text' };
    wonen.domains.push({ ...wonen.domains[0]!, key: 'energie', name: { nl: 'Energie <script>alert(1)</script>', fr: 'Énergie', en: 'Energy' } });
    for (const th of content.themes) th.domains = th.domains.filter((d) => d.key !== 'veiligheid');
    content.themes = content.themes.filter((th) => th.domains.length);
    await t.db
      .insertInto('catalogue_version')
      .values({ organisation_id: org, number: 2, published_at: t.now(), published_by: null, note: null, changes: '{}', content: JSON.stringify(content) })
      .execute();
    const second = await balance('2026-09-12', () => 4);
    const first = (await t.db.selectFrom('balance').select('id').where('household_id', '=', household).orderBy('taken_on').executeTakeFirstOrThrow()).id;
    const page = await html(`/households/${household}/evolution/comparison?from=${first}&to=${second}`);
    expect(page).toContain('De metingen gebruiken een andere catalogusversie (1 en 2)');
    expect(page).toMatch(/<tr data-domain="energie" data-change="new">[\s\S]*?nieuw in deze versie/);
    expect(page).toMatch(/<tr data-domain="veiligheid" data-change="retired">[\s\S]*?niet meer in de lijst/);
    // Each side shows the anchor text of its own catalogue version.
    const row = /<tr data-domain="verblijfplaats" data-change="better">([\s\S]*?)<\/tr>/.exec(page)![1]!;
    expect(row).toContain(defaultCatalogue.themes[0]!.domains[0]!.anchors[1].nl);
    expect(row).toContain('Nieuwe tekst voor vier');
    // An admin-edited name with markup is text everywhere: in the tables and in the chart SVG.
    expect(page).not.toContain('<script>alert(1)');
    const evolution = await html(`/households/${household}/evolution`);
    expect(evolution).toContain('Energie &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(evolution).not.toContain('<script>alert(1)');
    const overview = await html(`/households/${household}/balances/${second}/overview`);
    expect(overview).not.toContain('<script>alert(1)');
    expect(svgOf(overview, 'radar-h')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('the dossier', () => {
  it('shows per balance the direction since the previous one, and links to the overview and the evolution', async () => {
    const ids = await threeBalances();
    const page = await html(`/households/${household}`);
    expect(page).toContain('Sinds de vorige');
    for (const id of ids) expect(page).toContain(`/balances/${id}/overview`);
    for (const [older, newer] of [
      [ids[0]!, ids[1]!],
      [ids[1]!, ids[2]!],
    ] as const) {
      const c = await changesBetween(older, newer);
      const word =
        c.up > c.down
          ? 'beter <span aria-hidden="true">▲</span>'
          : c.down > c.up
            ? 'slechter <span aria-hidden="true">▼</span>'
            : 'gelijk <span aria-hidden="true">●</span>';
      expect(page).toContain(`${word} <span class="muted">(${c.up} omhoog, ${c.down} omlaag)</span>`);
    }
    expect(page).toContain(`/households/${household}/evolution`);
  });
});
