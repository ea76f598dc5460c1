import type { Ui } from '../../src/http/ui.js';
import type { BalanceSummary } from '../../src/balances/queries.js';
import { formatIsoDate } from '../../src/i18n/format.js';

/** The household's balances on its dossier page, newest first, with "Nieuwe meting starten". */
export function BalancesSection({ ui, householdId, balances, canStart }: { ui: Ui; householdId: number; balances: BalanceSummary[]; canStart: boolean }) {
  const t = ui.t.balances.list;
  return (
    <section class="card" aria-labelledby="balances-title">
      <h2 id="balances-title">{t.title}</h2>
      {balances.length === 0 ? <p>{t.none}</p> : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t.title}</caption>
            <thead><tr><th scope="col">{t.date}</th><th scope="col">{t.how}</th><th scope="col">{t.status}</th></tr></thead>
            <tbody>
              {balances.map((b) => (
                <tr>
                  <td><a href={`/households/${householdId}/balances/${b.id}`} aria-label={t.open(formatIsoDate(b.takenOn))}>{formatIsoDate(b.takenOn)}</a></td>
                  <td>{ui.t.balances.method[b.method]}</td>
                  <td>{b.status === 'final' ? t.final : <strong>{t.draft}</strong>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canStart && <p><a class="button" href={`/households/${householdId}/balances/new`}>{t.start}</a></p>}
    </section>
  );
}
