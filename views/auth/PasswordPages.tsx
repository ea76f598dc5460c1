import type { Ui } from '../../src/http/ui.js';
import { Layout } from '../layouts/Layout.js';
import { ErrorSummary, Field } from '../components/form.js';
import { sayAll } from '../../src/http/form-errors.js';
import type { AuthErrors } from '../../src/auth/forms.js';

export function SetPasswordPage({
  ui,
  token,
  purpose,
  email,
  errors: codes,
}: {
  ui: Ui;
  token: string;
  purpose: 'invitation' | 'password_reset';
  email: string;
  errors?: AuthErrors;
}) {
  const t = ui.t.auth.password;
  const errors = sayAll(ui.t.auth.errors, codes);
  const title = purpose === 'invitation' ? t.newTitle : t.resetTitle;
  return (
    <Layout ui={ui} title={title} bare>
      <div class="narrow">
        <h1>{title}</h1>
        <form method="post" action={`/password/${token}`} novalidate>
          <ErrorSummary t={ui.t} errors={errors} labels={{ password: t.newPassword }} />
          {/* The username field lets password managers store the new password under the right account. */}
          <input type="email" name="username" value={email} autocomplete="username" aria-label={ui.t.auth.signin.email} readonly hidden />
          <Field
            name="password"
            label={t.newPassword}
            type="password"
            autocomplete="new-password"
            hint={ui.t.auth.setup.passwordHint}
            error={errors.password}
            required
          />
          <button type="submit" class="button">
            {t.submit}
          </button>
        </form>
      </div>
    </Layout>
  );
}

export function MessagePage({ ui, title, message, link }: { ui: Ui; title: string; message: string; link?: { href: string; label: string } }) {
  return (
    <Layout ui={ui} title={title} bare>
      <div class="narrow">
        <h1>{title}</h1>
        <p>{message}</p>
        {link && (
          <p>
            <a href={link.href}>{link.label}</a>
          </p>
        )}
      </div>
    </Layout>
  );
}

export function ForgotPasswordPage({
  ui,
  mailEnabled,
  sent,
  errors: codes,
  email,
}: {
  ui: Ui;
  mailEnabled: boolean;
  sent?: boolean;
  errors?: AuthErrors;
  email?: string;
}) {
  const t = ui.t.auth.password;
  const errors = sayAll(ui.t.auth.errors, codes);
  return (
    <Layout ui={ui} title={t.forgotTitle} bare>
      <div class="narrow">
        <h1>{t.forgotTitle}</h1>
        {!mailEnabled ? (
          <p>{t.forgotNoMail}</p>
        ) : sent ? (
          <p class="alert alert--info">{t.forgotSent}</p>
        ) : (
          <form method="post" action="/password/forgotten" novalidate>
            <ErrorSummary t={ui.t} errors={errors} labels={{ email: ui.t.auth.signin.email }} />
            <p>{t.forgotIntro}</p>
            <Field name="email" label={ui.t.auth.signin.email} type="email" autocomplete="username" value={email} error={errors.email} required />
            <button type="submit" class="button">
              {t.forgotSubmit}
            </button>
          </form>
        )}
        <p>
          <a href="/signin">{ui.t.auth.signin.title}</a>
        </p>
      </div>
    </Layout>
  );
}

/** After an expired session: what the user had sent, to check and send again. */
export function ReplayPage({ ui, action, fields }: { ui: Ui; action: string; fields: [string, string][] }) {
  const t = ui.t.auth.replay;
  return (
    <Layout ui={ui} title={t.title}>
      <div class="narrow">
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
        <form method="post" action={action}>
          <dl class="replay-fields">
            {fields
              .filter(([k]) => !k.startsWith('_'))
              .map(([k, v]) => (
                <>
                  <dt>{k}</dt>
                  <dd class="pre-wrap">{v}</dd>
                </>
              ))}
          </dl>
          {fields.map(([k, v]) => (
            <input type="hidden" name={k} value={v} />
          ))}
          <button type="submit" class="button">
            {t.submit}
          </button>
          <a href="/" class="button button--quiet">
            {t.discard}
          </a>
        </form>
      </div>
    </Layout>
  );
}
