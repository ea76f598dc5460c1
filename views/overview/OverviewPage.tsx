import type { Ui } from '../../src/http/ui.js';
import type { Household } from '../../src/households/model.js';
import { domId, type LayoutSection, type Subject } from '../../src/balances/logic.js';
import { formatIsoDate } from '../../src/i18n/format.js';
import { cellOf, domainRows, matrixCell, overviewMatrix, scoreCounts, scoreOf, radarPoints, type DomainRow, type Snapshot } from '../../src/overview/model.js';
import { inlineChart, radarChart, type Viewer } from '../../src/overview/charts.js';
import { Layout } from '../layouts/Layout.js';
import { subjectLabel } from '../balances/BalanceEditorPage.js';
import { Breadcrumb, CellChip, ChartFigure, WideTable } from './components.js';

/**
 * The "foto" of one balance, calm enough to look at with the client beside you. First one matrix
 * with every score exactly once (themes and domains down, the household and each person across),
 * which fits a 1366x768 screen for a household of four with the core catalogue; then the
 * stabilising and destabilising elements by name; then the details: the remarks behind one
 * disclosure and a balance chart per person whose data table is folded away (the matrix already
 * shows those numbers). Under 40rem the charts give way to their tables (app.css); it prints on
 * A4 landscape (print.css, the .landscape page).
 */
export function OverviewPage({ ui, household, balance, viewer }: { ui: Ui; household: Household; balance: Snapshot; viewer: Viewer }) {
  const o = ui.t.overview.overview;
  const lang = ui.locale;
  const date = formatIsoDate(balance.takenOn);
  const base = `/households/${household.id}`;
  const who = (s: LayoutSection['subject']) => (s.memberId === null ? o.household : s.name);
  const matrix = overviewMatrix(balance, lang);
  const remarks = balance.layout
    .flatMap((section) => section.themes.flatMap((th) => th.domains.map((d) => ({ section, d, c: cellOf(balance, section.subject.key, d.key) }))))
    .filter((x) => x.c?.remark);
  const remarkList = (
    <dl class="remark-list">
      {remarks.map((x) => (
        <>
          <dt>
            {x.d.name[lang]} — {subjectLabel(ui, x.section.subject)}
          </dt>
          <dd class="pre-wrap">{x.c!.remark}</dd>
        </>
      ))}
    </dl>
  );
  return (
    <Layout ui={ui} title={o.title(date)} dossier={household}>
      <div class="landscape overview">
        <div class="overview-head">
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
        </div>
        {balance.status !== 'final' && <p class="alert alert--info">{o.draftNotice}</p>}
        {balance.hiddenSensitive > 0 && <p class="alert alert--info">{ui.t.balances.editor.sensitiveHidden(balance.hiddenSensitive)}</p>}

        {/* Not a named section: the matrix's scroll region already is a landmark of the same name. */}
        <section>
          {/* The page title already says what this is; the heading is there to navigate by. */}
          <h2 id="grid-title" class="visually-hidden">
            {o.gridTitle}
          </h2>
          <WideTable label={o.gridTitle}>
            <table class="overview-matrix" aria-labelledby="grid-title">
              <thead>
                <tr>
                  <th scope="col">{o.theme}</th>
                  <th scope="col">{o.domain}</th>
                  {matrix.columns.map((c) => (
                    <th scope="col" class="overview-matrix__who">
                      <ColumnHead ui={ui} subject={c} />
                    </th>
                  ))}
                </tr>
              </thead>
              {matrix.groups.map((g) => (
                <tbody class={g.household ? 'overview-matrix__household' : undefined}>
                  {g.rows.map((row, i) => (
                    <tr>
                      {i === 0 && (
                        <th scope="rowgroup" rowspan={g.rows.length} class="overview-matrix__theme">
                          {g.theme}
                        </th>
                      )}
                      <th scope="row">{row.label}</th>
                      {matrix.columns.map((c) => {
                        const m = matrixCell(balance, c, row);
                        if (!m)
                          return (
                            <td class="overview-matrix__none">
                              <span aria-hidden="true">—</span>
                              <span class="visually-hidden">{o.notAskedFor(who(c))}</span>
                            </td>
                          );
                        return (
                          <td data-cell={`${c.key}.${m.domainKey}`}>
                            <span class="overview-matrix__score">
                              <CellChip ui={ui} cell={m.cell} status={balance.status} />
                              {m.cell?.remark && (
                                <span class="remark-mark">
                                  <span aria-hidden="true">*</span>
                                  <span class="visually-hidden"> {o.hasRemark}</span>
                                </span>
                              )}
                            </span>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          </WideTable>
          <p class="overview-note no-print">{o.gridNote}</p>
        </section>

        <section aria-labelledby="elements-title" class="keep-together">
          <h2 id="elements-title">{o.elementsTitle}</h2>
          <div class="elements-grid">
            {matrix.columns.map((subject) => {
              const rows = domainRows(balance, subject.key, lang);
              const destabilising = rows.filter((r) => (scoreOf(r.cell) ?? 9) <= 2);
              const stabilising = rows.filter((r) => (scoreOf(r.cell) ?? 0) >= 4);
              return (
                <div class="card elements-card">
                  <h3>{subjectLabel(ui, subject)}</h3>
                  <h4>{ui.t.balances.view.destabilising}</h4>
                  <ElementList ui={ui} rows={destabilising} />
                  <h4>{ui.t.balances.view.stabilising}</h4>
                  <ElementList ui={ui} rows={stabilising} />
                </div>
              );
            })}
          </div>
        </section>

        <section aria-labelledby="remarks-title" class="remarks-section">
          <h2 id="remarks-title">{o.remarksTitle}</h2>
          {remarks.length ? (
            <>
              <details class="remarks no-print">
                <summary>{o.remarksShow(remarks.length)}</summary>
                {remarkList}
              </details>
              {/* On paper a closed disclosure does not print: the list is printed open. */}
              <div class="print-only">{remarkList}</div>
            </>
          ) : (
            <p>{o.noRemarks}</p>
          )}
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
                    <ChartFigure
                      id={id}
                      caption={o.radarCaption(name, date)}
                      svgHtml={svg}
                      help={svg ? o.radarHelp : o.tooFewForChart}
                      tableSummary={svg ? o.tableShow(name) : undefined}
                    >
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

/** The domains by name only: their scores are in the matrix, and the heading says which scores these are. */
function ElementList({ ui, rows }: { ui: Ui; rows: DomainRow[] }) {
  if (!rows.length) return <p>{ui.t.balances.view.none}</p>;
  return (
    <ul class="element-list">
      {rows.map((r) => (
        <li>{r.label}</li>
      ))}
    </ul>
  );
}

/** A column head: the person's name, and on a second line whether they are scored as an adult or a child. */
function ColumnHead({ ui, subject }: { ui: Ui; subject: Subject }) {
  const e = ui.t.balances.editor;
  if (subject.memberId === null) return <>{e.household}</>;
  return (
    <>
      {subject.name} <span class="overview-matrix__level">{subject.level === 'volwassene' ? e.adult : e.child}</span>
    </>
  );
}
