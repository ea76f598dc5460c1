import type { Ui } from '../../src/http/ui.js';
import { Layout } from '../layouts/Layout.js';
import { AdminNav } from './AdminNav.js';
import { NotificationBanner } from '../components/NotificationBanner.js';

/**
 * The client id and secret of a new client, or a client's new secret. Only an argon2 hash of the
 * secret is stored, so this is the one moment it can be shown: the POST renders this page itself.
 */
export function ApiClientSecretPage(p: {
  ui: Ui;
  kind: 'created' | 'rotated';
  id: number;
  name: string;
  clientId: string;
  clientSecret: string;
  tokenUrl: string;
}) {
  const { ui } = p;
  const a = ui.t.api.admin;
  const title = p.kind === 'created' ? a.createdTitle : a.rotatedTitle;
  const example = `curl -u '${p.clientId}:${p.clientSecret}' -d grant_type=client_credentials ${p.tokenUrl}`;
  return (
    <Layout ui={ui} title={title}>
      <AdminNav ui={ui} />
      <h1>{title}</h1>
      {/* The banner takes focus (decision 021); the secret follows it, the next stop for Tab. */}
      <NotificationBanner t={ui.t} message={p.kind === 'created' ? a.createdIntro(p.name) : a.rotatedIntro(p.name)} />
      <div class="field">
        <label for="field-client-id">{a.clientId}</label>
        <input type="text" id="field-client-id" value={p.clientId} readonly class="link-output" />
      </div>
      <div class="field">
        <label for="field-client-secret">{a.secret}</label>
        <p class="field__hint" id="field-client-secret-hint">
          {a.shownOnce}
        </p>
        <input type="text" id="field-client-secret" value={p.clientSecret} readonly aria-describedby="field-client-secret-hint" class="link-output" />
      </div>
      <p>{a.tokenExample}</p>
      <pre class="pre-wrap">
        <code>{example}</code>
      </pre>
      <p>
        <a href={`/admin/api-clients/${p.id}`}>{a.details(p.name)}</a>
      </p>
      <p>
        <a href="/admin/api-clients">{a.backToList}</a>
      </p>
    </Layout>
  );
}
