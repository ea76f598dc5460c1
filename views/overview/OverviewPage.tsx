import type { Ui } from '../../src/http/ui.js';
import type { Household } from '../../src/households/queries.js';
import type { Level } from '../../src/catalogue/default-catalogue.js';
import { domId, type LayoutSection } from '../../src/balances/logic.js';
import { formatIsoDate } from '../../src/i18n/format.js';
import { cellOf, domainRows, scoreCounts, scoreOf, radarPoints, type DomainRow, type Snapshot } from '../../src/overview/model.js';
import { inlineChart, radarChart, type Viewer } from '../../src/overview/charts.js';
import { Layout } from '../layouts/Layout.js';
import { ScoreChip } from '../balances/ScoreChip.js';
import { subjectLabel } from '../balances/BalanceEditorPage.js';
import { Breadcrumb, CellChip, ChartFigure, WideTable } from './components.js';

const LEVELS: Level[] = ['huishouden', 'volwassene', 'kind'];

/**
 * The "foto" of one balance: every score in one grid (domains x household and members), the
 * stabilising and destabilising elements, and a balance chart per person with its data table.
 * Fits a 1366x768 screen and prints on A4 landscape (print.css, the .landscape page).
 */
export function OverviewPage({ ui, household, balance, viewer }: { ui: Ui; household: Household; balance: Snapshot; viewer: Viewer }) {
  const o = ui.t.overview.overview;
  const lang = ui.locale;
  const date = formatIsoDate(balance.takenOn);
  const base = `/households/${household.id}`;
  const who = (s: LayoutSection['subject']) => (s.memberId === null ? o.household : s.name);
  const remarks = balance.layout
    .flatMap((section) => section.themes.flatMap((th) => th.domains.map((d) => ({ section, d, c: cellOf(balance, section.subject.key, d.key) }))))
    .filter((x) => x.c?.remark);
  return (
    <Layout ui={ui} title={o.title(date)}>
      <div class="landscape overview">
        <Breadcrumb household={household} />
        <h1>{o.title(date)}</h1>
        <p class="meta-line">
          {balance.status === 'final' ? ui.t.balances.list.final : ui.t.balances.list.draft}. {ui.t.balances.method[balance.method]}.{' '}
          {ui.t.balances.editor.catalogueVersion(balance.catalogueVersionNumber)}.
        </p>
        {/* Actions on this balance: werkpunten (src/gpmi) only once it is finalised; the PDF (src/pdf). */}
        <nav class="overview-actions no-print" aria-label={o.actions}>
          <ul>
            <li>
              <a href={`${base}/balances/${balance.id}`}>{o.toBalance}</a>
            </li>
            <li>
              <a href={`${base}/evolution`}>{o.toEvolution}</a>
            </li>
            {balance.status === 'final' && (
              <li>
                <a href={`${base}/balances/${balance.id}/plan`}>{ui.t.gpmi.plan.link}</a>
              </li>
            )}
            <li>
              <a href={`${base}/balances/${balance.id}/pdf`} download>
                {ui.t.pdf.balance.download}
              </a>
            </li>
          </ul>
        </nav>
        {balance.status !== 'final' && <p class="alert alert--info">{o.draftNotice}</p>}
        {balance.hiddenSensitive > 0 && <p class="alert alert--info">{ui.t.balances.editor.sensitiveHidden(balance.hiddenSensitive)}</p>}

        <section aria-labelledby="grid-title">
          <h2 id="grid-title">{o.gridTitle}</h2>
          <p class="no-print">{o.gridIntro}</p>
          {LEVELS.map((level) => {
            const sections = balance.layout.filter((s) => s.subject.level === level && s.themes.length > 0);
            if (!sections.length) return null;
            const themes = sections[0]!.themes;
            return (
              <WideTable label={o.levels[level]}>
                <table class="overview-grid">
                  <caption>{o.levels[level]}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{o.domain}</th>
                      {sections.map((s) => (
                        <th scope="col">{s.subject.memberId === null ? o.levels.huishouden : s.subject.name}</th>
                      ))}
                    </tr>
                  </thead>
                  {themes.map((th) => (
                    <tbody>
                      <tr class="overview-grid__theme">
                        <th scope="rowgroup" colspan={sections.length + 1}>
                          {th.theme.name[lang]}
                        </th>
                      </tr>
                      {th.domains.map((d) => (
                        <tr>
                          <th scope="row">{d.name[lang]}</th>
                          {sections.map((s) => {
                            const asked = s.themes.some((x) => x.domains.some((y) => y.key === d.key));
                            const c = cellOf(balance, s.subject.key, d.key);
                            return (
                              <td data-cell={`${s.subject.key}.${d.key}`}>
                                {asked ? <CellChip ui={ui} cell={c} status={balance.status} /> : <span class="muted">{o.notAsked}</span>}
                                {c?.remark && (
                                  <details class="remark no-print">
                                    <summary>
                                      {o.remark}
                                      <span class="visually-hidden"> {o.remarkFor(d.name[lang], who(s.subject))}</span>
                                    </summary>
                                    <p class="pre-wrap">{c.remark}</p>
                                  </details>
                                )}
                              </td>
                            );
                          })}
                        </tr>
                      ))}
                    </tbody>
                  ))}
                </table>
              </WideTable>
            );
          })}
        </section>

        {/* Remarks on paper: a closed disclosure does not print, so they are listed here for print only. */}
        <section class="print-only" aria-labelledby="remarks-title">
          <h2 id="remarks-title">{o.remarksTitle}</h2>
          {remarks.length ? (
            <dl class="print-remarks">
              {remarks.map((x) => (
                <>
                  <dt>
                    {x.d.name[lang]} — {subjectLabel(ui, x.section.subject)}
                  </dt>
                  <dd class="pre-wrap">{x.c!.remark}</dd>
                </>
              ))}
            </dl>
          ) : (
            <p>{o.noRemarks}</p>
          )}
        </section>

        <section aria-labelledby="elements-title" class="keep-together">
          <h2 id="elements-title">{o.elementsTitle}</h2>
          <div class="elements-grid">
            {balance.layout
              .filter((s) => s.themes.length > 0)
              .map((section) => {
                const rows = domainRows(balance, section.subject.key, lang);
                const destabilising = rows.filter((r) => (scoreOf(r.cell) ?? 9) <= 2);
                const stabilising = rows.filter((r) => (scoreOf(r.cell) ?? 0) >= 4);
                return (
                  <div class="card elements-card">
                    <h3>{subjectLabel(ui, section.subject)}</h3>
                    <h4>{ui.t.balances.view.destabilising}</h4>
                    <ElementList ui={ui} rows={destabilising} />
                    <h4>{ui.t.balances.view.stabilising}</h4>
                    <ElementList ui={ui} rows={stabilising} />
                  </div>
                );
              })}
          </div>
        </section>

        <section aria-labelledby="charts-title" class="charts-section">
          <h2 id="charts-title">{o.chartsTitle}</h2>
          <div class="person-charts">
            {balance.layout
              .filter((s) => s.themes.length > 0)
              .map((section) => {
                const rows = domainRows(balance, section.subject.key, lang);
                const points = radarPoints(rows);
                const name = who(section.subject);
                const id = domId('radar', section.subject.key);
                const svg =
                  points.length >= 3
                    ? inlineChart(
                        radarChart(balance, section.subject.key, points, viewer),
                        o.radarLabel(name, date, scoreCounts(points.map((p) => p.score))),
                        id,
                      )
                    : null;
                return (
                  <section class="person-chart" aria-labelledby={`${id}-h`}>
                    <h3 id={`${id}-h`}>{subjectLabel(ui, section.subject)}</h3>
                    <ChartFigure id={id} caption={o.radarCaption(name, date)} svgHtml={svg} help={svg ? o.radarHelp : o.tooFewForChart}>
                      <table class="chart-data" data-chart={id}>
                        <caption>{o.tableCaption(name, date)}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{o.domain}</th>
                            <th scope="col">{ui.t.balances.editor.score}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {rows.map((r) => (
                            <tr data-domain={r.key}>
                              <th scope="row">{r.label}</th>
                              <td data-score={scoreOf(r.cell) ?? ''}>
                                <CellChip ui={ui} cell={r.cell} status={balance.status} />
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </ChartFigure>
                  </section>
                );
              })}
          </div>
        </section>
      </div>
    </Layout>
  );
}

function ElementList({ ui, rows }: { ui: Ui; rows: DomainRow[] }) {
  if (!rows.length) return <p>{ui.t.balances.view.none}</p>;
  return (
    <ul class="element-list">
      {rows.map((r) => (
        <li>
          <ScoreChip t={ui.t} state="scored" score={scoreOf(r.cell)} compact /> {r.label}
        </li>
      ))}
    </ul>
  );
}
