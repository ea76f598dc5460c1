import type { Ui } from '../../src/http/ui.js';
import type { BalanceSummary } from '../../src/balances/model.js';
import { formatIsoDate } from '../../src/i18n/format.js';
import { DirectionSymbol } from '../components/direction.js';

/** Per finalised balance: the direction since the previous finalised one; null for the first (src/overview/queries.ts). */
export type BalanceDirections = Map<number, { direction: 'better' | 'same' | 'worse'; up: number; down: number } | null>;

/** The household's balances on its dossier page, newest first, with "Nieuwe meting starten". */
export function BalancesSection({
  ui,
  householdId,
  balances,
  canStart,
  directions,
}: {
  ui: Ui;
  householdId: number;
  balances: BalanceSummary[];
  canStart: boolean;
  directions?: BalanceDirections | undefined;
}) {
  const t = ui.t.balances.list;
  const o = ui.t.overview.list;
  return (
    <section class="card" aria-labelledby="balances-title">
      <h2 id="balances-title">{t.title}</h2>
      {balances.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.date}</th>
                <th scope="col">{t.how}</th>
                <th scope="col">{t.status}</th>
                {directions && <th scope="col">{o.direction}</th>}
                <th scope="col">{o.overview}</th>
              </tr>
            </thead>
            <tbody>
              {balances.map((b) => (
                <tr>
                  <td>
                    <a href={`/households/${householdId}/balances/${b.id}`} aria-label={t.open(formatIsoDate(b.takenOn))}>
                      {formatIsoDate(b.takenOn)}
                    </a>
                  </td>
                  <td>{ui.t.balances.method[b.method]}</td>
                  <td>{b.status === 'final' ? t.final : <strong>{t.draft}</strong>}</td>
                  {directions && (
                    <td>
                      <Direction ui={ui} value={directions.get(b.id) ?? null} />
                    </td>
                  )}
                  <td>
                    <a href={`/households/${householdId}/balances/${b.id}/overview`} aria-label={o.overviewLabel(formatIsoDate(b.takenOn))}>
                      {o.overview}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {balances.some((b) => b.status === 'final') && (
        <p>
          <a href={`/households/${householdId}/evolution`}>{o.evolution}</a>
        </p>
      )}
      {canStart && (
        <p>
          <a class="button" href={`/households/${householdId}/balances/new`}>
            {t.start}
          </a>
        </p>
      )}
    </section>
  );
}

/** Words first ("beter: 3 omhoog, 1 omlaag"); the arrow only supports them. */
function Direction({ ui, value }: { ui: Ui; value: { direction: 'better' | 'same' | 'worse'; up: number; down: number } | null }) {
  if (!value) return <>—</>;
  const o = ui.t.overview.list;
  return (
    <>
      {o.directionText[value.direction]} <DirectionSymbol direction={value.direction} /> <span class="muted">({o.directionDetail(value.up, value.down)})</span>
    </>
  );
}
