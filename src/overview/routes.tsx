import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { HouseholdEnv } from '../households/scoped.js';
import { render } from '../http/render.js';
import { ui } from '../http/ui.js';
import { parseId } from '../http/params.js';
import { auditEvent } from '../audit/route-audit.js';
import { scope } from '../auth/scope.js';
import { findBalance } from '../balances/queries.js';
import { loadChartEngine } from '../charts/render.js';
import { compare, personHistory, personsOf } from './model.js';
import { loadSnapshots, snapshotOfDetail } from './queries.js';
import { OverviewPage } from '../../views/overview/OverviewPage.js';
import { EvolutionPage, MAX_LINES } from '../../views/overview/EvolutionPage.js';
import { ComparisonPage } from '../../views/overview/ComparisonPage.js';

// At a glance: the overview ("foto") of one balance, the evolution of a household over its
// finalised balances, and the comparison of two of them. Read-only pages; every read starts from
// the client file's household (households/scoped.ts) and findBalance/listBalances with the
// caller's scope, so anything outside it is a 404. Sensitive domains are left out for callers the
// organisation shields them from, exactly as on the balance pages (hideSensitive on the context), in
// the grid, the tables and the (cached) charts alike.

/** Mounted at /households/:householdId/balances/:balanceId/overview. */
export const balanceOverviewRoutes = new Hono<HouseholdEnv>();
/** Mounted at /households/:householdId/evolution. */
export const evolutionRoutes = new Hono<HouseholdEnv>();
// The overview and evolution pages draw charts while rendering: make sure ECharts is loaded first.
const chartEngineReady: MiddlewareHandler = async (_c, next) => {
  await loadChartEngine();
  await next();
};
balanceOverviewRoutes.use(chartEngineReady);
evolutionRoutes.use('/', chartEngineReady);

/** How many domains the line chart shows when nobody chose yet. */
const DEFAULT_LINES = 3;

function viewerOf(c: Context<HouseholdEnv>, hideSensitive: boolean) {
  return { lang: c.get('locale'), hideSensitive };
}

balanceOverviewRoutes.get('/', async (c) => {
  const household = c.get('household');
  const bid = parseId(c.req.param('balanceId'));
  const hideSensitive = c.get('hideSensitive');
  const { db } = c.get('deps');
  const detail = bid === null ? undefined : await findBalance(db, scope(c), household.id, bid, { hideSensitive });
  if (!detail) return c.notFound();
  const balance = await snapshotOfDetail(db, detail);
  await auditEvent(c, 'balance.overview_viewed', { type: 'balance', id: balance.id });
  return render(c, () => <OverviewPage ui={ui(c)} household={household} balance={balance} viewer={viewerOf(c, hideSensitive)} />);
});

evolutionRoutes.get('/', async (c) => {
  const household = c.get('household');
  const hideSensitive = c.get('hideSensitive');
  const { db } = c.get('deps');
  const t = c.get('t').overview.evolution;
  const { all, snapshots } = await loadSnapshots(db, scope(c), household.id, { hideSensitive, finalOnly: true });
  const persons = personsOf(snapshots);
  const person = persons.find((p) => p.key === (c.req.query('person') ?? 'h'));
  // A person who was never part of a balance of this household: nothing to show, as for any unknown id.
  if (!person) return c.notFound();
  const history = personHistory(snapshots, person.key, c.get('locale'));
  const known = history.rows.map((r) => r.key);
  const asked = [...new Set(c.req.queries('domains') ?? [])];
  const notices: string[] = [];
  let lineKeys: string[];
  if (!asked.length) {
    // The form marks itself (line=1): a submission with every box unchecked is told so; a plain visit gets a start.
    if (c.req.query('line') === '1') notices.push(t.noDomainsChosen);
    lineKeys = c.req.query('line') === '1' ? [] : known.slice(0, DEFAULT_LINES);
  } else {
    lineKeys = asked.filter((k) => known.includes(k));
    if (lineKeys.length < asked.length) notices.push(t.unknownDomains);
    if (lineKeys.length > MAX_LINES) {
      notices.push(t.tooMany(MAX_LINES));
      lineKeys = lineKeys.slice(0, MAX_LINES);
    }
    if (!lineKeys.length) notices.push(t.noDomainsChosen);
  }
  await auditEvent(c, 'household.evolution_viewed', { type: 'household', id: household.id });
  return render(c, () => (
    <EvolutionPage
      ui={ui(c)}
      household={household}
      viewer={viewerOf(c, hideSensitive)}
      all={all}
      finals={snapshots}
      persons={persons}
      person={person}
      history={history}
      lineKeys={lineKeys}
      lineNotices={notices}
    />
  ));
});

evolutionRoutes.get('/comparison', async (c) => {
  const household = c.get('household');
  const hideSensitive = c.get('hideSensitive');
  const { db } = c.get('deps');
  const m = c.get('t').overview.comparison;
  const { snapshots: finals } = await loadSnapshots(db, scope(c), household.id, { hideSensitive, finalOnly: true });
  const rawFrom = c.req.query('from');
  const rawTo = c.req.query('to');
  // Every answer that shows the page (also the chooser, which lists the household's balances) is
  // a view of the client file; a 404 is audited as access.denied instead.
  const page = async (opts: Omit<Parameters<typeof ComparisonPage>[0], 'ui' | 'household' | 'finals'>, status: 200 | 422 = 200) => {
    await auditEvent(c, 'balance.comparison_viewed', { type: 'household', id: household.id });
    return render(c, () => <ComparisonPage ui={ui(c)} household={household} finals={finals} {...opts} />, { status });
  };
  if (finals.length < 2) return page({ message: c.get('t').overview.evolution.single });
  const missing = (v: string | undefined) => v === undefined || v.trim() === '';
  if (missing(rawFrom) && missing(rawTo)) return page({ message: m.choose });
  // Only this household's finalised balances can be compared: a balance of another household or
  // organisation, a draft, or an id that does not exist is not found.
  const from = finals.find((b) => b.id === parseId(rawFrom));
  const to = finals.find((b) => b.id === parseId(rawTo));
  // Only one of the two chosen: bad input, not a missing page. The choice made is kept in the form.
  if (missing(rawFrom) || missing(rawTo)) return page({ message: m.choose, chosen: { from: from?.id, to: to?.id } }, 422);
  if (!from || !to) return c.notFound();
  if (from.id === to.id) return page({ message: m.sameBalance, chosen: { from: from.id, to: to.id } }, 422);
  return page({ result: { from, to, comparison: compare(from, to, c.get('locale')) }, chosen: { from: from.id, to: to.id } });
});
