import type { Ui } from '../../src/http/ui.js';
import { formatDateTime } from '../../src/i18n/format.js';
import { LOCALES, messagesFor } from '../../src/i18n/index.js';
import { Layout } from '../layouts/Layout.js';
import { ErrorSummary, Field } from '../components/form.js';
import { sayAll } from '../../src/http/form-errors.js';
import type { AuthErrors } from '../../src/auth/forms.js';

export interface SessionRow {
  id: string;
  device: string;
  createdAt: number;
  lastActiveAt: number;
  current: boolean;
}

export function AccountPage(p: {
  ui: Ui;
  sessions: SessionRow[];
  recoveryLeft: number;
  /** null: the organisation does not sign in through an identity provider. */
  sso?: { linked: boolean } | null;
  notice?: string | undefined;
  languageErrors?: AuthErrors;
  passwordErrors?: AuthErrors;
}) {
  const { ui } = p;
  const t = ui.t.auth.account;
  const user = ui.user!;
  const pwErrors = sayAll(ui.t.auth.errors, p.passwordErrors);
  const languageError = sayAll(ui.t.auth.errors, p.languageErrors).locale;
  return (
    <Layout ui={ui} title={t.title}>
      <h1>{t.title}</h1>
      {p.notice && (
        <p class="alert alert--success" role="status">
          {p.notice}
        </p>
      )}
      <p>
        {user.displayName} — {user.email} — {user.organisationName}
      </p>

      <section aria-labelledby="language-title" class="card">
        <h2 id="language-title">{t.languageTitle}</h2>
        <ErrorSummary t={ui.t} errors={{ locale: languageError }} labels={{ locale: t.language }} />
        <form method="post" action="/account/language" class="inline-fields">
          <div class={`field${languageError ? ' field--error' : ''}`}>
            <label for="field-locale">{t.language}</label>
            {languageError && (
              <p class="field__error" id="field-locale-error">
                {languageError}
              </p>
            )}
            <select
              id="field-locale"
              name="locale"
              aria-invalid={languageError ? 'true' : undefined}
              aria-describedby={languageError ? 'field-locale-error' : undefined}
            >
              {LOCALES.map((l) => (
                <option value={l} selected={l === ui.locale}>
                  {messagesFor(l).meta.languageName}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button button--secondary">
            {ui.t.form.save}
          </button>
        </form>
      </section>

      <section aria-labelledby="password-title" class="card">
        <h2 id="password-title">{t.passwordTitle}</h2>
        <form method="post" action="/account/password" novalidate>
          <ErrorSummary t={ui.t} errors={pwErrors} labels={{ current: t.currentPassword, password: t.newPassword }} />
          <input type="email" name="username" value={user.email} autocomplete="username" aria-label={ui.t.auth.signin.email} readonly hidden />
          <Field name="current" label={t.currentPassword} type="password" autocomplete="current-password" error={pwErrors.current} required />
          <Field
            name="password"
            label={t.newPassword}
            type="password"
            autocomplete="new-password"
            hint={ui.t.auth.setup.passwordHint}
            error={pwErrors.password}
            required
          />
          <button type="submit" class="button button--secondary">
            {t.passwordSubmit}
          </button>
        </form>
      </section>

      <section aria-labelledby="twofactor-title" class="card">
        <h2 id="twofactor-title">{t.twoFactorTitle}</h2>
        {user.twoFactorEnabled ? (
          <>
            <p>
              {t.twoFactorOn} {t.recoveryLeft(p.recoveryLeft)}
            </p>
            <form method="post" action="/account/recovery-codes">
              <p class="field__hint">{t.regenerateHint}</p>
              <button type="submit" class="button button--secondary">
                {t.regenerate}
              </button>
            </form>
          </>
        ) : (
          <p>
            {t.twoFactorOff} <a href="/account/two-factor/setup">{t.twoFactorSetUp}</a>
          </p>
        )}
      </section>

      {p.sso && (
        <section aria-labelledby="sso-title" class="card">
          <h2 id="sso-title">{ui.t.sso.account.title}</h2>
          {p.sso.linked ? (
            <p>{ui.t.sso.account.linked}</p>
          ) : (
            <form method="post" action="/signin/sso">
              <p class="field__hint">{ui.t.sso.account.explain}</p>
              <input type="hidden" name="email" value={user.email} />
              <input type="hidden" name="next" value="/account" />
              <button type="submit" class="button button--secondary">
                {ui.t.sso.account.link}
              </button>
            </form>
          )}
        </section>
      )}

      <section aria-labelledby="sessions-title" class="card">
        <h2 id="sessions-title">{t.sessionsTitle}</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.sessionDevice}</th>
                <th scope="col">{t.sessionStarted}</th>
                <th scope="col">{t.sessionLastActive}</th>
                <th scope="col">
                  <span class="visually-hidden">{t.endSession}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.sessions.map((s) => (
                <tr>
                  <td>
                    {s.device}
                    {s.current && (
                      <>
                        {' '}
                        <strong>({t.thisSession})</strong>
                      </>
                    )}
                  </td>
                  <td>{formatDateTime(s.createdAt)}</td>
                  <td>{formatDateTime(s.lastActiveAt)}</td>
                  <td>
                    {!s.current && (
                      <form method="post" action={`/account/sessions/${s.id}/ending`}>
                        <button type="submit" class="button button--quiet" aria-label={t.endSessionLabel(s.device, formatDateTime(s.createdAt))}>
                          {t.endSession}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </Layout>
  );
}
