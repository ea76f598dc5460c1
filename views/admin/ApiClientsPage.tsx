import type { Ui } from '../../src/http/ui.js';
import type { ApiClient } from '../../src/api/model.js';
import type { ApiClientErrors, ApiClientFormValues } from '../../src/api/forms.js';
import { formatDateTime } from '../../src/i18n/format.js';
import { Layout } from '../layouts/Layout.js';
import { AdminNav } from './AdminNav.js';
import { ApiClientFields } from './ApiClientFields.js';
import { NotificationBanner } from '../components/NotificationBanner.js';

/** The organisation's API clients, and the form for a new one. */
export function ApiClientsPage(p: {
  ui: Ui;
  clients: ApiClient[];
  teams: { id: number; name: string }[];
  values: ApiClientFormValues;
  errors?: ApiClientErrors | undefined;
  notice?: string | undefined;
}) {
  const { ui } = p;
  const { t } = ui;
  const a = t.api.admin;
  return (
    <Layout ui={ui} title={a.title}>
      <AdminNav ui={ui} />
      <h1>{a.title}</h1>
      {p.notice && <NotificationBanner t={ui.t} message={p.notice} />}
      <p>{a.intro}</p>
      <p>
        <a href="/api/reference">{a.reference}</a>
      </p>
      {p.clients.length === 0 ? (
        <p>{a.empty}</p>
      ) : (
        // Scrolls in its own frame on a narrow screen; the frame takes focus so a keyboard can scroll it.
        <div class="table-wrap" role="region" aria-label={a.title} tabindex={0}>
          <table>
            <caption class="visually-hidden">{a.title}</caption>
            <thead>
              <tr>
                <th scope="col">{a.name}</th>
                <th scope="col">{a.clientId}</th>
                <th scope="col">{a.scopes}</th>
                <th scope="col">{a.team}</th>
                <th scope="col">{a.status}</th>
                <th scope="col">{a.lastToken}</th>
              </tr>
            </thead>
            <tbody>
              {p.clients.map((c) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/api-clients/${c.id}`}>{c.name}</a>
                  </th>
                  <td>
                    <code>{c.clientId}</code>
                  </td>
                  <td>{c.scopes.map((s) => t.api.scopes[s].label).join(', ')}</td>
                  <td>{c.teamName ?? a.allTeams}</td>
                  <td>{c.revokedAt === null ? a.active : a.revokedOn(formatDateTime(c.revokedAt))}</td>
                  <td>{c.lastUsedAt === null ? a.never : formatDateTime(c.lastUsedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="new-client-title" class="card">
        <h2 id="new-client-title">{a.newTitle}</h2>
        <form method="post" action="/admin/api-clients" novalidate>
          <ApiClientFields t={t} values={p.values} errors={p.errors} teams={p.teams} />
          <button type="submit" class="button">
            {a.create}
          </button>
        </form>
      </section>
    </Layout>
  );
}
