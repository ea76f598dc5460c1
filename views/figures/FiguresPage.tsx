import type { Ui } from '../../src/http/ui.js';
import type { FiguresResult } from '../../src/figures/figures.js';
import type { FiguresQueryValues } from '../../src/figures/forms.js';
import { filtersQuery } from '../../src/figures/forms.js';
import type { Period } from '../../src/figures/logic.js';
import { periodKey } from '../../src/figures/logic.js';
import type { FiguresAccess } from '../../src/figures/model.js';
import { COMPLETENESS_ROWS, DIST_COLUMNS, INSPECTION_ROWS, share, type Count } from '../../src/figures/counting.js';
import { AGREEMENT_STATUSES } from '../../src/gpmi/tables.js';
import { Layout } from '../layouts/Layout.js';
import { ChartFigure, WideTable } from '../overview/components.js';

export type FiguresView = 'distribution' | 'movement' | 'outcomes' | 'inspection';
export const FIGURES_VIEWS: readonly FiguresView[] = ['distribution', 'movement', 'outcomes', 'inspection'];
export const viewPath = (v: FiguresView) => (v === 'distribution' ? '/figures' : `/figures/${v}`);

export interface FiguresPageProps {
  ui: Ui;
  view: FiguresView;
  access: FiguresAccess;
  periods: Period[];
  values: FiguresQueryValues;
  result?: FiguresResult | undefined;
  /** The chart beside the table, ready to inline (null: nothing to draw). */
  chart?: string | null | undefined;
  error?: string | undefined;
}

/** A count as the reader sees it: the number, "< 5" (fewer than 5) or "×" (hidden), with words for screen readers. */
export function CountCell({ ui, c }: { ui: Ui; c: Count }) {
  const l = ui.t.figures.legend;
  // String(): a bare 0 would render as nothing.
  if (c.value !== null) return <>{String(c.value)}</>;
  // A withheld table's cell says the people it needs (MIN_PEOPLE, src/figures/counting.ts) the same way.
  const [mark, words] =
    (c.status === 'small' || c.status === 'withheld') && c.below !== undefined ? [`< ${c.below}`, l.smallLabel(c.below)] : [l.hiddenMark, l.hiddenLabel];
  return (
    <>
      <span aria-hidden="true">{mark}</span>
      <span class="visually-hidden">{words}</span>
    </>
  );
}

function periodLabel(ui: Ui, p: Period): string {
  return p.kind === 'year' ? ui.t.figures.filters.year(p.year) : ui.t.figures.filters.quarter(p.year, p.quarter);
}

/** "Jaar 2026, Team Noord, volwassenen, laatste meting": what a table shows, for captions and exports. */
export function describeSelection(ui: Ui, access: FiguresAccess, values: FiguresQueryValues, periods: Period[], view: FiguresView): string {
  const f = ui.t.figures.filters;
  const period = periods.find((p) => periodKey(p) === values.period);
  const team =
    values.team === 'all'
      ? access.all === 'organisation'
        ? f.organisation
        : f.allTeams
      : (access.teams.find((t) => String(t.id) === values.team)?.name ?? '');
  const parts = [period ? periodLabel(ui, period) : values.period, team];
  if (view !== 'inspection') parts.push(f.levels[values.level] ?? values.level);
  if (view === 'distribution') parts.push(f.moments[values.moment] ?? values.moment);
  return parts.join(', ');
}

function Select({ name, label, value, options }: { name: string; label: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <div class="field field--inline">
      <label for={`field-${name}`}>{label}</label>
      <select id={`field-${name}`} name={name}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function FilterForm(p: FiguresPageProps) {
  const { ui, access, values, view } = p;
  const f = ui.t.figures.filters;
  const teams = [
    ...(access.all ? [{ value: 'all', label: access.all === 'organisation' ? f.organisation : f.allTeams }] : []),
    ...access.teams.map((t) => ({ value: String(t.id), label: t.name })),
  ];
  return (
    <form method="get" action={viewPath(view)} class="filters figures-filters">
      <fieldset>
        <legend>{f.legend}</legend>
        <Select name="period" label={f.period} value={values.period} options={p.periods.map((x) => ({ value: periodKey(x), label: periodLabel(ui, x) }))} />
        <Select name="team" label={f.team} value={values.team} options={teams} />
        {view !== 'inspection' && (
          <Select name="level" label={f.level} value={values.level} options={Object.entries(f.levels).map(([value, label]) => ({ value, label }))} />
        )}
        {view === 'distribution' && (
          <Select name="moment" label={f.moment} value={values.moment} options={Object.entries(f.moments).map(([value, label]) => ({ value, label }))} />
        )}
        {view !== 'inspection' ? null : <input type="hidden" name="level" value={values.level} />}
        {view === 'distribution' ? null : <input type="hidden" name="moment" value={values.moment} />}
        <button type="submit" class="button">
          {f.show}
        </button>
      </fieldset>
    </form>
  );
}

function Completeness({ ui, result }: { ui: Ui; result: FiguresResult }) {
  const c = ui.t.figures.completeness;
  return (
    <section class="card figures-completeness" aria-labelledby="completeness-title">
      <h2 id="completeness-title">{c.title}</h2>
      <dl class="facts">
        {COMPLETENESS_ROWS.map((r) => (
          <>
            <dt>{c[r]}</dt>
            <dd>
              <CountCell ui={ui} c={result.completeness[r]} />
            </dd>
          </>
        ))}
      </dl>
      <p>{c.nbNote}</p>
      {result.hiddenSensitive > 0 && <p>{c.sensitiveLeftOut(result.hiddenSensitive)}</p>}
    </section>
  );
}

function Legend({ ui, result }: { ui: Ui; result: FiguresResult }) {
  const l = ui.t.figures.legend;
  return (
    <ul class="figures-legend">
      <li>{l.small(result.threshold)}</li>
      <li>{l.hidden}</li>
      <li>{l.withheld}</li>
    </ul>
  );
}

function Downloads({ ui, values, tables, result }: { ui: Ui; values: FiguresQueryValues; tables: { table: string; label: string }[]; result: FiguresResult }) {
  const e = ui.t.figures.export;
  return (
    <section aria-labelledby="downloads-title" class="figures-downloads">
      <h2 id="downloads-title">{e.title}</h2>
      <p>{e.note(result.threshold * 2)}</p>
      <ul>
        {tables.flatMap(({ table, label }) => [
          <li>
            <a href={`/figures/export?${filtersQuery(values, { table, format: 'csv' })}`} download>
              {e.csv(label)}
            </a>
          </li>,
          <li>
            <a href={`/figures/export?${filtersQuery(values, { table, format: 'xlsx' })}`} download>
              {e.xlsx(label)}
            </a>
          </li>,
        ])}
      </ul>
    </section>
  );
}

function DistributionSection({ ui, result, what, chart }: { ui: Ui; result: FiguresResult; what: string; chart: string | null }) {
  const d = ui.t.figures.distribution;
  if (!result.distribution.some((r) => r.total.value !== 0)) return <p>{d.empty}</p>;
  return (
    <ChartFigure id="distribution" caption={d.caption(what)} svgHtml={chart}>
      <WideTable label={d.caption(what)}>
        <table class="chart-data figures-table">
          <caption class="visually-hidden">{d.caption(what)}</caption>
          <thead>
            <tr>
              <th scope="col">{d.domain}</th>
              {DIST_COLUMNS.map((c) => (
                <th scope="col" class="num">
                  {d.columns[c]}
                </th>
              ))}
              <th scope="col" class="num">
                {d.total}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.distribution.map((r) => (
              <tr>
                <th scope="row">{r.domain.name[ui.locale]}</th>
                {r.withheld ? (
                  <td colspan={DIST_COLUMNS.length + 1}>{ui.t.figures.legend.withheld}</td>
                ) : (
                  <>
                    {DIST_COLUMNS.map((c) => (
                      <td class="num">
                        <CountCell ui={ui} c={r.counts[c]} />
                      </td>
                    ))}
                    <td class="num">
                      <CountCell ui={ui} c={r.total} />
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </WideTable>
    </ChartFigure>
  );
}

function pct(n: number | null): string {
  return n === null ? '' : `${Math.round(n * 100)} %`;
}

function MovementSection({ ui, result, what, chart }: { ui: Ui; result: FiguresResult; what: string; chart: string | null }) {
  const m = ui.t.figures.movement;
  if (result.movement === null) return <p class="alert alert--info">{m.onlyYears}</p>;
  if (!result.movement.some((r) => r.total.value !== 0)) return <p>{m.empty}</p>;
  return (
    <>
      <p>{m.intro}</p>
      <ChartFigure id="movement" caption={m.caption(what)} svgHtml={chart}>
        <WideTable label={m.caption(what)}>
          <table class="chart-data figures-table">
            <caption class="visually-hidden">{m.caption(what)}</caption>
            <thead>
              <tr>
                <th scope="col">{m.domain}</th>
                <th scope="col" class="num">
                  {m.improved}
                </th>
                <th scope="col" class="num">
                  {m.stayed}
                </th>
                <th scope="col" class="num">
                  {m.worsened}
                </th>
                <th scope="col" class="num">
                  {m.total}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.movement.map((r) => (
                <tr>
                  <th scope="row">{r.domain.name[ui.locale]}</th>
                  {r.withheld ? (
                    <td colspan={4}>{m.withheld}</td>
                  ) : (
                    <>
                      {(['improved', 'stayed', 'worsened'] as const).map((k) => (
                        <td class="num">
                          <CountCell ui={ui} c={r[k]} /> {r.shares[k] !== null && <span class="muted">({pct(share(r[k], r.total))})</span>}
                        </td>
                      ))}
                      <td class="num">
                        <CountCell ui={ui} c={r.total} />
                      </td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </WideTable>
      </ChartFigure>
      <h2>{m.title}</h2>
      <div class="movement-matrices">
        {result.movement
          .filter((r) => !r.withheld && r.total.value !== 0)
          .map((r) => (
            <WideTable label={m.matrixCaption(r.domain.name[ui.locale])}>
              <table class="chart-data figures-table matrix">
                <caption>{m.matrixCaption(r.domain.name[ui.locale])}</caption>
                <thead>
                  <tr>
                    <td></td>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <th scope="col" class="num">
                        {m.to(n)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {r.cells.map((row, from) => (
                    <tr>
                      <th scope="row">{m.from(from + 1)}</th>
                      {row.map((c, to) => (
                        <td class={`num${to > from ? ' matrix--up' : to < from ? ' matrix--down' : ''}`}>
                          <CountCell ui={ui} c={c} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </WideTable>
          ))}
      </div>
    </>
  );
}

function OutcomesSection({ ui, result, what }: { ui: Ui; result: FiguresResult; what: string }) {
  const o = ui.t.figures.outcomes;
  const rows = result.outcomes.filter((r) => r.total.value !== 0);
  return (
    <>
      <p>{o.intro}</p>
      {!rows.length ? (
        <p>{o.empty}</p>
      ) : (
        <WideTable label={o.caption(what)}>
          <table class="chart-data figures-table">
            <caption>{o.caption(what)}</caption>
            <thead>
              <tr>
                <th scope="col">{o.domain}</th>
                {AGREEMENT_STATUSES.map((s) => (
                  <th scope="col" class="num">
                    {o.status[s]}
                  </th>
                ))}
                <th scope="col" class="num">
                  {o.total}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <th scope="row">{r.domain.name[ui.locale]}</th>
                  {AGREEMENT_STATUSES.map((s) => (
                    <td class="num">
                      <CountCell ui={ui} c={r.statuses[s]} />
                    </td>
                  ))}
                  <td class="num">
                    <CountCell ui={ui} c={r.total} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </WideTable>
      )}
    </>
  );
}

function InspectionSection({ ui, result, what }: { ui: Ui; result: FiguresResult; what: string }) {
  const i = ui.t.figures.inspection;
  const indent = new Set(['exemptHealth', 'exemptEquity', 'notExempt', 'signedInTime', 'signedLate', 'notSignedOverdue', 'notSignedNotYetDue']);
  return (
    <>
      <p>{i.intro}</p>
      <table class="chart-data figures-table inspection-table">
        <caption>{i.caption(what)}</caption>
        <thead>
          <tr>
            <th scope="col">{i.what}</th>
            <th scope="col" class="num">
              {i.count}
            </th>
          </tr>
        </thead>
        <tbody>
          {INSPECTION_ROWS.map((r) => (
            <tr class={indent.has(r) ? 'indent' : undefined}>
              <th scope="row">{i.rows[r]}</th>
              <td class="num">
                <CountCell ui={ui} c={result.inspection[r]} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function FiguresPage(p: FiguresPageProps) {
  const { ui, view, result } = p;
  const t = ui.t.figures;
  const what = describeSelection(ui, p.access, p.values, p.periods, view);
  const tables: Record<FiguresView, { table: string; label: string }[]> = {
    distribution: [{ table: 'distribution', label: t.views.distribution }],
    movement: [{ table: 'movement', label: t.views.movement }],
    outcomes: [{ table: 'outcomes', label: t.views.outcomes }],
    inspection: [{ table: 'inspection', label: t.views.inspection }],
  };
  return (
    <Layout ui={ui} title={`${t.views[view]} — ${t.title}`}>
      <div class="landscape figures">
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
        <nav aria-label={t.title} class="figures-nav">
          <ul>
            {FIGURES_VIEWS.map((v) => (
              <li>
                <a href={`${viewPath(v)}?${filtersQuery(p.values)}`} aria-current={v === view ? 'page' : undefined}>
                  {t.views[v]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <FilterForm {...p} />
        {p.error && (
          <div class="alert alert--error" role="alert" tabindex={-1} data-focus-on-load>
            {p.error}
          </div>
        )}
        {result && (
          <>
            <h2>{t.views[view]}</h2>
            <p class="meta-line">{what}</p>
            {view === 'distribution' && <DistributionSection ui={ui} result={result} what={what} chart={p.chart ?? null} />}
            {view === 'movement' && <MovementSection ui={ui} result={result} what={what} chart={p.chart ?? null} />}
            {view === 'outcomes' && <OutcomesSection ui={ui} result={result} what={what} />}
            {view === 'inspection' && <InspectionSection ui={ui} result={result} what={what} />}
            <Legend ui={ui} result={result} />
            <Completeness ui={ui} result={result} />
            <Downloads ui={ui} values={p.values} tables={[...tables[view], { table: 'completeness', label: t.completeness.title }]} result={result} />
          </>
        )}
      </div>
    </Layout>
  );
}
