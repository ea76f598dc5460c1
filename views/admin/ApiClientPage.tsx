import type { Ui } from '../../src/http/ui.js';
import type { ApiClient } from '../../src/api/model.js';
import type { ApiClientErrors, ApiClientFormValues } from '../../src/api/forms.js';
import { formatDateTime } from '../../src/i18n/format.js';
import { Layout } from '../layouts/Layout.js';
import { AdminNav } from './AdminNav.js';
import { ApiClientFields } from './ApiClientFields.js';
import { NotificationBanner } from '../components/NotificationBanner.js';

/** The form's values for what is stored. */
export function apiClientFormOf(c: ApiClient): ApiClientFormValues {
  return {
    name: c.name,
    scopes: [...c.scopes],
    team: c.teamId === null ? '' : String(c.teamId),
    ip_allow_list: c.ipAllowList ?? '',
    rate_limit: String(c.rateLimitPerMinute),
    revision: c.revision,
  };
}

/**
 * One API client: what it is, its form (with the stored revision), a new secret, revoking it.
 * After a concurrent change (`conflict`), the stored values are listed above the form, which keeps
 * what this administrator typed, with the new revision.
 */
export function ApiClientPage(p: {
  ui: Ui;
  client: ApiClient;
  teams: { id: number; name: string }[];
  values?: ApiClientFormValues;
  errors?: ApiClientErrors | undefined;
  conflict?: boolean;
  notice?: string | undefined;
}) {
  const { ui, client } = p;
  const { t } = ui;
  const a = t.api.admin;
  const revoked = client.revokedAt !== null;
  return (
    <Layout ui={ui} title={a.details(client.name)}>
      <AdminNav ui={ui} />
      <p>
        <a href="/admin/api-clients">{a.backToList}</a>
      </p>
      <h1>{a.details(client.name)}</h1>
      {p.notice && <NotificationBanner t={ui.t} message={p.notice} />}
      {revoked && <p class="alert alert--info">{a.revokedNotice}</p>}
      {p.conflict && (
        <div class="alert alert--error" role="alert" tabindex={-1} data-focus-on-load>
          <p>{a.conflict}</p>
        </div>
      )}
      <dl class="replay-fields">
        <dt>{a.clientId}</dt>
        <dd>
          <code>{client.clientId}</code>
        </dd>
        <dt>{a.status}</dt>
        <dd>{revoked ? a.revokedOn(formatDateTime(client.revokedAt!)) : a.active}</dd>
        <dt>{a.scopes}</dt>
        <dd>{client.scopes.map((s) => t.api.scopes[s].label).join(', ')}</dd>
        <dt>{a.team}</dt>
        <dd>{client.teamName ?? a.allTeams}</dd>
        <dt>{a.ipAllowList}</dt>
        <dd class="pre-wrap">{client.ipAllowList ?? '—'}</dd>
        <dt>{a.rateLimit}</dt>
        <dd>{client.rateLimitPerMinute}</dd>
        <dt>{a.created}</dt>
        <dd>{client.createdByName ? a.createdBy(formatDateTime(client.createdAt), client.createdByName) : formatDateTime(client.createdAt)}</dd>
        <dt>{a.secretSetAt}</dt>
        <dd>{formatDateTime(client.secretSetAt)}</dd>
        <dt>{a.lastToken}</dt>
        <dd>{client.lastUsedAt === null ? a.never : formatDateTime(client.lastUsedAt)}</dd>
      </dl>
      {!revoked && (
        <>
          <section aria-labelledby="edit-title" class="card">
            <h2 id="edit-title">{a.editTitle}</h2>
            <form method="post" action={`/admin/api-clients/${client.id}`} novalidate>
              <input type="hidden" name="revision" value={String(p.values?.revision ?? client.revision)} />
              <ApiClientFields t={t} values={p.values ?? apiClientFormOf(client)} errors={p.errors} teams={p.teams} />
              <button type="submit" class="button">
                {a.save}
              </button>
            </form>
          </section>
          <section aria-labelledby="secret-title" class="card">
            <h2 id="secret-title">{a.secretTitle}</h2>
            <p id="rotate-hint">{a.secretIntro}</p>
            <form method="post" action={`/admin/api-clients/${client.id}/secret`}>
              <button type="submit" class="button button--secondary" aria-describedby="rotate-hint">
                {a.rotate}
              </button>
            </form>
          </section>
          <section aria-labelledby="revoke-title" class="card">
            <h2 id="revoke-title">{a.revokeTitle}</h2>
            <p id="revoke-hint">{a.revokeIntro}</p>
            <form method="post" action={`/admin/api-clients/${client.id}/revocation`}>
              <button type="submit" class="button button--danger" aria-describedby="revoke-hint">
                {a.revoke}
              </button>
            </form>
          </section>
        </>
      )}
    </Layout>
  );
}
