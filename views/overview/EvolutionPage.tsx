import type { Ui } from '../../src/http/ui.js';
import type { Household } from '../../src/households/model.js';
import type { BalanceSummary } from '../../src/balances/model.js';
import { formatIsoDate } from '../../src/i18n/format.js';
import {
  balanceLabels,
  byDateDesc,
  evolutionRows,
  firstToLast,
  heatmapModel,
  lineModel,
  scoreOf,
  stepTotals,
  type EvolutionRow,
  type Person,
  type PersonHistory,
  type Snapshot,
  type Step,
} from '../../src/overview/model.js';
import { heatmapChart, inlineChart, lineChart, type Viewer } from '../../src/overview/charts.js';
import { Layout } from '../layouts/Layout.js';
import { Breadcrumb, CellChip, ChartFigure, WideTable } from './components.js';
import { DirectionSymbol } from '../components/direction.js';

export const MAX_LINES = 6;

export interface EvolutionProps {
  ui: Ui;
  household: Household;
  viewer: Viewer;
  /** Every balance, drafts included, newest first (the timeline). */
  all: BalanceSummary[];
  /** Finalised balances the charts use. */
  finals: Snapshot[];
  persons: Person[];
  person: Person;
  history: PersonHistory;
  /** Domains for the line chart, already checked against the person's domains. */
  lineKeys: string[];
  lineNotices: string[];
}

export function personName(ui: Ui, p: Person): string {
  return p.memberId === null ? ui.t.overview.evolution.household : p.name;
}

/** A step in words with its symbol (never colour or a symbol alone); nothing for "not comparable". */
function StepText({ ui, step, delta }: { ui: Ui; step: Step; delta?: boolean }) {
  const e = ui.t.overview.evolution;
  if (step.kind === 'noScore') return <span class="muted">{e.noComparison}</span>;
  const word = delta && step.kind !== 'same' ? ui.t.overview.comparison[step.kind](step.delta) : e.step[step.kind];
  return (
    <span class={`step step--${step.kind}`}>
      {word} <DirectionSymbol direction={step.kind} />
    </span>
  );
}

/**
 * The row head of the evolution table: the domain, and behind it (a disclosure, so the table stays
 * readable) what each score meant at its date: the anchor text of the catalogue version that
 * balance was scored against. Under it the step over the whole period.
 */
function DomainHead({ ui, row, dates }: { ui: Ui; row: EvolutionRow; dates: string[] }) {
  const e = ui.t.overview.evolution;
  const meant = row.cells.map((c, i) => ({ c, date: dates[i]! })).filter((x) => x.c.anchor !== null);
  return (
    <th scope="row" class="evolution__domain">
      {meant.length ? (
        <details class="disclosure anchors">
          <summary>
            {row.label}
            <span class="visually-hidden">{e.meaningsHidden}</span>
          </summary>
          <dl>
            {meant.map(({ c, date }) => (
              <>
                <dt>{e.meaningAt(date, `${c.cell!.score} ${ui.t.balances.scale[c.cell!.score as 1 | 2 | 3 | 4 | 5]}`)}</dt>
                <dd>{c.anchor}</dd>
              </>
            ))}
          </dl>
        </details>
      ) : (
        row.label
      )}
      <p class="evolution__overall">
        {e.overall} <StepText ui={ui} step={row.overall} delta />
      </p>
    </th>
  );
}

/**
 * A chart's numbers as a table: per domain a row, per balance a column (the heatmap and the line
 * chart share it). With `evolution` (the heatmap's table), each cell also says the step since the
 * balance before, and each row head what the scores meant and the step over the whole period.
 */
function ScoreTable(p: {
  ui: Ui;
  chart: 'heatmap' | 'line';
  tableClass: string;
  caption: string;
  dates: string[];
  rows: PersonHistory['rows'];
  history: PersonHistory;
  evolution?: EvolutionRow[];
}) {
  const { ui } = p;
  const e = ui.t.overview.evolution;
  return (
    <WideTable label={p.caption}>
      <table class={p.tableClass} data-chart={p.chart}>
        <caption class="visually-hidden">{p.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{ui.t.overview.overview.domain}</th>
            {p.dates.map((d) => (
              <th scope="col">{d}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r, ri) => (
            <tr data-domain={r.key}>
              {p.evolution ? <DomainHead ui={ui} row={p.evolution[ri]!} dates={p.dates} /> : <th scope="row">{r.label}</th>}
              {r.cells.map((c, i) => (
                <td data-score={scoreOf(c) ?? ''}>
                  {c ? (
                    <>
                      <CellChip ui={ui} cell={c} status={p.history.balances[i]!.status} compact />
                      {p.evolution?.[ri]?.cells[i]?.since && p.evolution[ri]!.cells[i]!.since!.kind !== 'noScore' && (
                        <span class="evolution__since">
                          <span class="visually-hidden">{e.sinceHidden} </span>
                          <StepText ui={ui} step={p.evolution[ri]!.cells[i]!.since!} />
                        </span>
                      )}
                    </>
                  ) : (
                    <span class="muted">
                      <span aria-hidden="true">·</span>
                      <span class="visually-hidden">{ui.t.overview.evolution.notAskedCell}</span>
                    </span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </WideTable>
  );
}

/** Timeline, per person a heatmap and a line chart of chosen domains, and the comparison form. */
export function EvolutionPage(p: EvolutionProps) {
  const { ui, household } = p;
  const e = ui.t.overview.evolution;
  const base = `/households/${household.id}`;
  const who = personName(ui, p.person);
  const h = p.history;
  const first = h.balances[0];
  const last = h.balances[h.balances.length - 1];
  const labels = balanceLabels(p.finals);
  const heat = heatmapModel(h, labels, ui.t.balances.nvtShort);
  const heatSvg =
    h.rows.length && first && last
      ? inlineChart(
          heatmapChart(h.balances, p.person.key, heat, p.viewer),
          e.heatmapLabel(who, h.balances.length, labels.get(first.id)!, labels.get(last.id)!, firstToLast(h)),
          'heatmap',
        )
      : null;
  const line = lineModel(h, p.lineKeys, labels);
  const lineRows = p.lineKeys.map((k) => h.rows.find((r) => r.key === k)!).filter(Boolean);
  const lineText = (v: number | null) => (v === null ? e.noScore : String(v));
  const lineSvgHtml =
    line.series.length && h.balances.length
      ? inlineChart(
          lineChart(h.balances, p.person.key, p.lineKeys, line, p.viewer),
          e.lineLabel(
            who,
            line.series.map((s) => e.linePart(s.label, lineText(s.values[0] ?? null), lineText(s.values[s.values.length - 1] ?? null))),
          ),
          'line',
        )
      : null;
  const dates = h.balances.map((b) => labels.get(b.id)!);
  const evolution = evolutionRows(h, ui.locale);
  const steps = stepTotals(evolution, h.balances.length);
  const period = firstToLast(h);
  const finalsDesc = [...p.finals].sort(byDateDesc);
  const personHref = (key: string) => `${base}/evolution?person=${encodeURIComponent(key)}`;
  return (
    <Layout ui={ui} title={e.title} dossier={household}>
      <div class="landscape evolution">
        <Breadcrumb household={household} />
        <h1>{e.title}</h1>

        <section aria-labelledby="timeline-title">
          <h2 id="timeline-title">{e.timelineTitle}</h2>
          <p>{e.timelineIntro}</p>
          <ol class="timeline">
            {[...p.all].reverse().map((b) => (
              <li class={b.status === 'final' ? 'timeline__item' : 'timeline__item timeline__item--draft'}>
                <strong>{formatIsoDate(b.takenOn)}</strong> — {b.status === 'final' ? e.final : e.draft}, {ui.t.balances.method[b.method].toLowerCase()},{' '}
                {e.version(b.catalogueVersionNumber)}.{' '}
                <span class="no-print">
                  <a href={`${base}/balances/${b.id}`}>{e.openBalance(formatIsoDate(b.takenOn))}</a>
                  {' · '}
                  <a href={`${base}/balances/${b.id}/overview`}>{e.openOverview(formatIsoDate(b.takenOn))}</a>
                </span>
              </li>
            ))}
          </ol>
        </section>

        {p.finals.length === 0 ? (
          <p class="alert alert--info">{e.noFinal}</p>
        ) : (
          <>
            <nav class="person-nav no-print" aria-label={e.personNav}>
              <ul>
                {p.persons.map((x) => (
                  <li>
                    <a href={personHref(x.key)} aria-current={x.key === p.person.key ? 'page' : undefined}>
                      {personName(ui, x)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <h2 id="person-title">{who}</h2>
            {h.balances.length < p.finals.length && <p>{e.periodNote(who, h.balances.length, p.finals.length)}</p>}

            <section aria-labelledby="changes-title">
              <h3 id="changes-title">{e.changesTitle}</h3>
              {h.balances.length < 2 ? (
                <p>{e.onlyOne(who)}</p>
              ) : (
                <>
                  <p>
                    <strong>{e.periodSummary(dates[0]!, dates[dates.length - 1]!, period.better, period.same, period.worse)}</strong>
                  </p>
                  {steps.length > 1 && (
                    <ul class="evolution__steps">
                      {steps.map((s, i) => (
                        <li>{e.stepSummary(dates[i]!, dates[i + 1]!, s.better, s.same, s.worse)}</li>
                      ))}
                    </ul>
                  )}
                  <p class="field__hint">{e.tableHelp}</p>
                </>
              )}
            </section>

            <section aria-labelledby="heatmap-title">
              <h3 id="heatmap-title">{e.heatmapTitle}</h3>
              <ChartFigure id="heatmap" caption={e.heatmapCaption(who)} svgHtml={heatSvg}>
                <ScoreTable
                  ui={ui}
                  chart="heatmap"
                  tableClass="chart-data heat-table"
                  caption={e.heatmapCaption(who)}
                  dates={dates}
                  rows={h.rows}
                  history={h}
                  evolution={evolution}
                />
              </ChartFigure>
            </section>

            <section aria-labelledby="line-title">
              <h3 id="line-title">{e.lineTitle}</h3>
              <form method="get" action={`${base}/evolution`} class="line-form no-print">
                <input type="hidden" name="person" value={p.person.key} />
                <input type="hidden" name="line" value="1" />
                <fieldset class="field">
                  <legend>{e.chooseDomains}</legend>
                  <div class="checkbox-columns">
                    {h.rows.map((r) => (
                      <label class="choice">
                        <input type="checkbox" name="domains" value={r.key} checked={p.lineKeys.includes(r.key)} /> {r.label}
                      </label>
                    ))}
                  </div>
                </fieldset>
                <button type="submit" class="button button--secondary">
                  {e.showLine}
                </button>
              </form>
              {p.lineNotices.map((n) => (
                <p class="alert alert--info">{n}</p>
              ))}
              {lineRows.length > 0 && (
                <ChartFigure id="line" caption={e.lineCaption(who)} svgHtml={lineSvgHtml}>
                  <ScoreTable ui={ui} chart="line" tableClass="chart-data" caption={e.lineCaption(who)} dates={dates} rows={lineRows} history={h} />
                </ChartFigure>
              )}
            </section>
          </>
        )}

        <section aria-labelledby="compare-title" class="card no-print">
          <h2 id="compare-title">{e.compareTitle}</h2>
          {p.finals.length < 2 ? (
            <p>{e.single}</p>
          ) : (
            <>
              <p>{e.compareIntro}</p>
              <CompareForm ui={ui} household={household} finals={finalsDesc} from={finalsDesc[1]!.id} to={finalsDesc[0]!.id} />
            </>
          )}
        </section>
      </div>
    </Layout>
  );
}

/** GET form: two finalised balances, older first by default. Works without JavaScript. */
export function CompareForm({
  ui,
  household,
  finals,
  from,
  to,
}: {
  ui: Ui;
  household: Household;
  finals: Pick<Snapshot, 'id' | 'takenOn'>[];
  from: number | undefined;
  to: number | undefined;
}) {
  const e = ui.t.overview.evolution;
  const labels = balanceLabels(finals);
  return (
    <form method="get" action={`/households/${household.id}/evolution/comparison`} class="inline-fields compare-form">
      <div class="field">
        <label for="compare-from">{e.from}</label>
        <select id="compare-from" name="from">
          {finals.map((b) => (
            <option value={String(b.id)} selected={b.id === from}>
              {labels.get(b.id)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="compare-to">{e.to}</label>
        <select id="compare-to" name="to">
          {finals.map((b) => (
            <option value={String(b.id)} selected={b.id === to}>
              {labels.get(b.id)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <button type="submit" class="button">
          {e.compare}
        </button>
      </div>
    </form>
  );
}
