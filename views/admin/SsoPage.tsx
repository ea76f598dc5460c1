import type { Ui } from '../../src/http/ui.js';
import type { SsoFormErrors, SsoFormValues } from '../../src/sso/forms.js';
import { sayAll } from '../../src/http/form-errors.js';
import { CLIENT_ID_MAX, CLIENT_SECRET_MAX } from '../../src/sso/forms.js';
import { Layout } from '../layouts/Layout.js';
import { ErrorSummary, Field } from '../components/form.js';
import { AdminNav } from './AdminNav.js';
import { CheckboxField } from './fields.js';
import { NotificationBanner } from '../components/NotificationBanner.js';

/**
 * The organisation's identity provider (OpenID Connect): where it is, the credentials it gave, the
 * e-mail domains it serves, and three choices. The secret is never shown again: an empty field
 * keeps it. After a concurrent change the form keeps what was typed, with the new revision.
 */
export function SsoPage(p: {
  ui: Ui;
  values: SsoFormValues;
  configured: boolean;
  linked: number;
  redirectUri: string;
  errors?: SsoFormErrors | undefined;
  conflict?: boolean;
  notice?: string | undefined;
}) {
  const { ui } = p;
  const { t } = ui;
  const a = t.sso.admin;
  const errors = sayAll(a.errors, p.errors);
  return (
    <Layout ui={ui} title={a.title}>
      <AdminNav ui={ui} />
      <h1>{a.title}</h1>
      {p.notice && <NotificationBanner t={ui.t} message={p.notice} />}
      {p.conflict && (
        <div class="alert alert--error" role="alert" tabindex={-1} data-focus-on-load>
          <p>{a.conflict}</p>
        </div>
      )}
      <p>{a.intro}</p>
      <div class="field">
        <label for="field-redirect-uri">{a.redirectUri}</label>
        <input type="text" id="field-redirect-uri" value={p.redirectUri} readonly class="link-output" />
      </div>
      {p.configured && <p>{a.linked(p.linked)}</p>}
      <form method="post" action="/admin/sso" novalidate class="narrow">
        <input type="hidden" name="revision" value={String(p.values.revision)} />
        <ErrorSummary
          t={t}
          errors={errors}
          labels={{ issuer: a.issuer, client_id: a.clientId, client_secret: a.clientSecret, domains: a.domains, password_signin: a.passwordSignIn }}
        />
        <Field name="issuer" label={a.issuer} hint={a.issuerHint} value={p.values.issuer} error={errors.issuer} type="url" autocomplete="off" required />
        <Field name="client_id" label={a.clientId} value={p.values.client_id} error={errors.client_id} maxlength={CLIENT_ID_MAX} autocomplete="off" required />
        <Field
          name="client_secret"
          label={a.clientSecret}
          hint={p.configured ? a.clientSecretKeep : undefined}
          error={errors.client_secret}
          type="password"
          autocomplete="new-password"
          maxlength={CLIENT_SECRET_MAX}
          required={!p.configured}
        />
        <Field name="domains" label={a.domains} hint={a.domainsHint} value={p.values.domains} error={errors.domains} multiline rows={3} required />
        <CheckboxField name="auto_create" label={a.autoCreate} hint={a.autoCreateHint} checked={p.values.auto_create} />
        <CheckboxField name="mfa_enforced" label={a.mfaEnforced} hint={a.mfaEnforcedHint} checked={p.values.mfa_enforced} />
        <CheckboxField
          name="password_signin"
          label={a.passwordSignIn}
          hint={a.passwordSignInHint}
          checked={p.values.password_signin}
          error={errors.password_signin}
        />
        <button type="submit" class="button">
          {a.submit}
        </button>
      </form>
      {p.configured && (
        <section aria-labelledby="sso-remove-title" class="card">
          <h2 id="sso-remove-title">{a.removeTitle}</h2>
          <p id="sso-remove-hint">{a.removeIntro}</p>
          <form method="post" action="/admin/sso/removal">
            <button type="submit" class="button button--danger" aria-describedby="sso-remove-hint">
              {a.remove}
            </button>
          </form>
        </section>
      )}
    </Layout>
  );
}
