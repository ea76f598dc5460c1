import type { Ui } from '../../src/http/ui.js';
import type { Household } from '../../src/households/model.js';
import type { GpmiSummary } from '../../src/gpmi/model.js';
import { formatIsoDate } from '../../src/i18n/format.js';
import { gpmiFor } from './parts.js';

/** The household's GPMIs on its dossier page: for whom, version, status, next evaluation. */
export function GpmiSection({ ui, household, gpmis }: { ui: Ui; household: Household; gpmis: GpmiSummary[] }) {
  const t = ui.t.gpmi.list;
  return (
    <section class="card" aria-labelledby="gpmis-title">
      <h2 id="gpmis-title">{t.title}</h2>
      {gpmis.length === 0 ? (
        <>
          <p>{t.none}</p>
          <p class="field__hint">{t.howTo}</p>
        </>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.forWhom}</th>
                <th scope="col">{t.version}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.nextEvaluation}</th>
              </tr>
            </thead>
            <tbody>
              {gpmis.map((g) => {
                const who = gpmiFor(ui, household, g.memberId);
                return (
                  <tr>
                    <th scope="row">
                      <a href={`/households/${household.id}/gpmis/${g.id}`} aria-label={t.open(who)}>
                        {who}
                      </a>
                    </th>
                    <td>{g.latest.number}</td>
                    <td>{t.states[g.state]}</td>
                    <td>{g.nextEvaluation ? formatIsoDate(g.nextEvaluation) : t.noNext}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
