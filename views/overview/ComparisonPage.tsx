import type { Ui } from '../../src/http/ui.js';
import type { Household } from '../../src/households/model.js';
import { domId } from '../../src/balances/logic.js';
import { balanceLabels, byDateDesc, type Change, type Comparison, type SideValue, type Snapshot } from '../../src/overview/model.js';
import { Layout } from '../layouts/Layout.js';
import { Breadcrumb, CellChip, WideTable } from './components.js';
import { CompareForm, personName } from './EvolutionPage.js';
import { DirectionSymbol } from '../components/direction.js';

export interface ComparisonPageProps {
  ui: Ui;
  household: Household;
  finals: Snapshot[];
  /** The two balances and what changed; absent when there is nothing (valid) to compare. */
  result?: { from: Snapshot; to: Snapshot; comparison: Comparison } | undefined;
  /** Why there is no comparison (one balance only, the same balance twice, nothing chosen). */
  message?: string | undefined;
  chosen?: { from?: number | undefined; to?: number | undefined };
}

/** Two balances side by side per domain: both scores with the anchor text each meant then, and the change. */
export function ComparisonPage(p: ComparisonPageProps) {
  const { ui, household, result } = p;
  const e = ui.t.overview.evolution;
  const m = ui.t.overview.comparison;
  const finalsDesc = [...p.finals].sort(byDateDesc);
  const labels = balanceLabels(p.finals);
  const title = result ? m.title(labels.get(result.from.id)!, labels.get(result.to.id)!) : m.chooseTitle;
  return (
    <Layout ui={ui} title={title} dossier={household}>
      <div class="landscape comparison">
        <Breadcrumb household={household} />
        <h1>{title}</h1>
        <p class="no-print">
          <a href={`/households/${household.id}/evolution`}>{m.back}</a>
        </p>
        {p.message && (
          <p class="alert alert--info" role="status">
            {p.message}
          </p>
        )}
        {p.finals.length >= 2 && (
          <div class="card no-print">
            <CompareForm ui={ui} household={household} finals={finalsDesc} from={p.chosen?.from ?? finalsDesc[1]!.id} to={p.chosen?.to ?? finalsDesc[0]!.id} />
          </div>
        )}
        {result && (
          <>
            <p class="comparison__summary">
              <strong>{m.summary(result.comparison.totals.better, result.comparison.totals.same, result.comparison.totals.worse)}</strong>
            </p>
            {result.comparison.versionsDiffer && (
              <p class="alert alert--info">{m.versionsDiffer(result.from.catalogueVersionNumber, result.to.catalogueVersionNumber)}</p>
            )}
            {result.comparison.onlyIn.map((x) => (
              <p>{m.onlyIn(x.person.name, labels.get((x.side === 'from' ? result.from : result.to).id)!)}</p>
            ))}
            {result.comparison.sections.map((section) => {
              const who = personName(ui, section.person);
              const id = domId('cmp', section.person.key);
              return (
                <section aria-labelledby={id}>
                  <h2 id={id}>{who}</h2>
                  <WideTable label={m.caption(who)}>
                    <table class="comparison-table">
                      <caption class="visually-hidden">{m.caption(who)}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{ui.t.overview.overview.domain}</th>
                          <th scope="col">{labels.get(result.from.id)}</th>
                          <th scope="col">{labels.get(result.to.id)}</th>
                          <th scope="col">{m.change}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {section.rows.map((r) => (
                          <tr data-domain={r.key} data-change={r.change.kind}>
                            <th scope="row">{r.label}</th>
                            <td>
                              <Side ui={ui} value={r.from} status={result.from.status} />
                            </td>
                            <td>
                              <Side ui={ui} value={r.to} status={result.to.status} />
                            </td>
                            <td class={`change change--${r.change.kind}`}>
                              <ChangeText ui={ui} change={r.change} />
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </WideTable>
                </section>
              );
            })}
          </>
        )}
        {!result && p.finals.length < 2 && <p>{e.single}</p>}
      </div>
    </Layout>
  );
}

function Side({ ui, value, status }: { ui: Ui; value: SideValue | null; status: Snapshot['status'] }) {
  if (!value) return <span class="muted">—</span>;
  return (
    <>
      <CellChip ui={ui} cell={value.cell} status={status} />
      {value.anchor && <p class="anchor-text">{value.anchor}</p>}
    </>
  );
}

function ChangeText({ ui, change }: { ui: Ui; change: Change }) {
  const m = ui.t.overview.comparison;
  const text = change.kind === 'better' ? m.better(change.delta) : change.kind === 'worse' ? m.worse(change.delta) : m[change.kind];
  const moved = change.kind === 'better' || change.kind === 'worse' || change.kind === 'same';
  return (
    <>
      {text}
      {moved && (
        <>
          {' '}
          <DirectionSymbol direction={change.kind} />
        </>
      )}
    </>
  );
}
