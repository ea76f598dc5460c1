import type { Ui } from '../../src/http/ui.js';
import type { CaseloadEntry, CaseloadResult, TeamWithWorkers } from '../../src/households/model.js';
import { CASELOAD_SORTS, caseloadQueryString, pageWindow, type CaseloadFilters, STALE_MONTHS } from '../../src/households/logic.js';
import { formatDate } from '../../src/i18n/format.js';
import { Layout } from '../layouts/Layout.js';
import { DirectionSymbol } from '../components/direction.js';

export interface CaseloadProps {
  ui: Ui;
  /** '/' or '/households': the form and the page links stay on the address the user came to. */
  basePath: string;
  filters: CaseloadFilters;
  teams: TeamWithWorkers[];
  result: CaseloadResult<CaseloadEntry>;
}

export const RESULTS_ID = 'caseload-results';

export function CaseloadPage(p: CaseloadProps) {
  const { ui, filters: f } = p;
  const c = ui.t.households.caseload;
  return (
    <Layout ui={ui} title={c.title}>
      <h1>{c.title}</h1>
      {/* Which teams' files these are (this page replaced the start page that listed the roles). */}
      <p class="field__hint">
        {p.teams
          .map((team) => {
            const role = ui.user?.memberships.find((m) => m.teamId === team.id)?.role;
            return `${role === 'lead' ? ui.t.roles.lead : ui.t.roles.worker} — ${team.name}`;
          })
          .join(' · ')}
      </p>
      <p>
        <a class="button" href="/households/new">
          {c.newHousehold}
        </a>
      </p>
      {/* GET form: works without script and gives a shareable address. With htmx, typing or
          changing a filter refreshes only the results and pushes the same address. */}
      <form
        method="get"
        action={p.basePath}
        class="card"
        role="search"
        aria-labelledby="caseload-search-title"
        hx-get={p.basePath}
        hx-target={`#${RESULTS_ID}`}
        hx-swap="outerHTML"
        hx-trigger="submit, input changed delay:400ms"
        hx-push-url="true"
      >
        <h2 id="caseload-search-title">{c.searchTitle}</h2>
        <div class="field">
          <label for="field-q">{c.search}</label>
          <p class="field__hint" id="field-q-hint">
            {c.searchHint}
          </p>
          <input
            type="search"
            id="field-q"
            name="q"
            value={f.q}
            maxlength={200}
            autocomplete="off"
            aria-describedby="field-q-hint"
            aria-controls={RESULTS_ID}
          />
        </div>
        <div class="inline-fields">
          {p.teams.length > 1 && (
            <div class="field">
              <label for="field-team">{c.team}</label>
              <select id="field-team" name="team">
                <option value="" selected={f.teamId === null}>
                  {c.allTeams}
                </option>
                {p.teams.map((t) => (
                  <option value={String(t.id)} selected={f.teamId === t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div class="field">
            <label for="field-status">{c.status}</label>
            <select id="field-status" name="status">
              <option value="active" selected={f.status === 'active'}>
                {c.statusActive}
              </option>
              <option value="closed" selected={f.status === 'closed'}>
                {c.statusClosed}
              </option>
              <option value="all" selected={f.status === 'all'}>
                {c.statusAll}
              </option>
            </select>
          </div>
          <div class="field">
            <label for="field-stale">{c.stale}</label>
            <select id="field-stale" name="stale">
              <option value="" selected={f.staleMonths === null}>
                {c.staleAny}
              </option>
              {STALE_MONTHS.map((n) => (
                <option value={String(n)} selected={f.staleMonths === n}>
                  {c.staleMonths(n)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="field-sort">{c.sort}</label>
            <select id="field-sort" name="sort">
              {CASELOAD_SORTS.map((s) => (
                <option value={s} selected={f.sort === s}>
                  {c.sorts[s]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="field">
          <label for="field-mine">
            <input type="checkbox" id="field-mine" name="mine" value="1" checked={f.mine} /> {c.mine}
          </label>
        </div>
        <button type="submit" class="button button--secondary">
          {c.submit}
        </button>
      </form>
      <CaseloadResults {...p} />
    </Layout>
  );
}

/** The results region: the page includes it, and htmx receives exactly this as the fragment. */
export function CaseloadResults(p: CaseloadProps) {
  const { ui, result: r, filters: f } = p;
  const c = ui.t.households.caseload;
  const found = c.found(r.total);
  const filtered = f.q.trim() !== '' || f.teamId !== null || f.mine || f.status !== 'active';
  return (
    <section id={RESULTS_ID} aria-labelledby="caseload-found">
      <h2 id="caseload-found" data-announce={found}>
        {found}
      </h2>
      {r.rows.length === 0 ? (
        <p>{filtered || r.total > 0 ? c.empty : c.emptyStart}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{c.caption(r.page, r.pages)}</caption>
            <thead>
              <tr>
                <th scope="col">{c.members}</th>
                <th scope="col">{c.dossierRef}</th>
                <th scope="col">{c.team}</th>
                <th scope="col">{c.worker}</th>
                <th scope="col">{c.status}</th>
                <th scope="col">{c.updated}</th>
                <th scope="col">{c.lastBalance}</th>
                <th scope="col">{c.direction}</th>
                <th scope="col">{ui.t.gpmi.list.caseloadColumn}</th>
              </tr>
            </thead>
            <tbody>
              {r.rows.map((row) => (
                <CaseloadLine ui={ui} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {r.pages > 1 && (
        <nav aria-label={c.pagination}>
          <ul class="pagination">
            {r.page > 1 && (
              <li>
                <a href={`${p.basePath}${caseloadQueryString(f, { page: r.page - 1 })}`} rel="prev">
                  {c.previous}
                </a>
              </li>
            )}
            {pageWindow(r.page, r.pages).map((n) =>
              n === null ? (
                <li aria-hidden="true">…</li>
              ) : (
                <li>
                  {n === r.page ? (
                    <a href={`${p.basePath}${caseloadQueryString(f, { page: n })}`} aria-current="page" aria-label={c.page(n)}>
                      <strong>{n}</strong>
                    </a>
                  ) : (
                    <a href={`${p.basePath}${caseloadQueryString(f, { page: n })}`} aria-label={c.page(n)}>
                      {n}
                    </a>
                  )}
                </li>
              ),
            )}
            {r.page < r.pages && (
              <li>
                <a href={`${p.basePath}${caseloadQueryString(f, { page: r.page + 1 })}`} rel="next">
                  {c.next}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </section>
  );
}

function CaseloadLine({ ui, row }: { ui: Ui; row: CaseloadEntry }) {
  const c = ui.t.households.caseload;
  const names = row.memberFirstNames.join(', ');
  return (
    <tr>
      <th scope="row">
        <a href={`/households/${row.id}`}>{names || c.noMembers}</a>
      </th>
      <td>{row.dossierRef ?? <span class="field__hint">{c.noRef}</span>}</td>
      <td>{row.teamName}</td>
      <td>{row.assignedName ?? <span class="field__hint">{c.unassigned}</span>}</td>
      <td>{ui.t.households.status[row.status]}</td>
      <td>{formatDate(row.updatedAt)}</td>
      <td>{row.lastBalanceAt ? formatDate(row.lastBalanceAt) : c.noBalance}</td>
      {/* Words first, the symbol only supports them (never colour or a symbol alone). */}
      <td>
        {row.direction ? (
          <>
            {c.directions[row.direction]} <DirectionSymbol direction={row.direction} />
          </>
        ) : (
          '—'
        )}
      </td>
      <td>{row.openAgreements}</td>
    </tr>
  );
}
