import type { Ui } from '../../src/http/ui.js';
import { Layout } from '../layouts/Layout.js';
import { ErrorSummary, Field } from '../components/form.js';
import { sayAll } from '../../src/http/form-errors.js';
import { signInTexts, type SignInErrors } from '../../src/auth/forms.js';

export interface Replay {
  action: string;
  payload: string;
}

/** Hidden fields that carry a form interrupted by an expired session through sign-in and 2FA. */
export function ReplayFields({ replay }: { replay?: Replay | undefined }) {
  if (!replay) return null;
  return (
    <>
      <input type="hidden" name="replay_action" value={replay.action} />
      <input type="hidden" name="replay_payload" value={replay.payload} />
    </>
  );
}

export function SignInForm(p: { ui: Ui; email?: string; errors?: SignInErrors; next: string; replay?: Replay | undefined; sso?: boolean }) {
  const t = p.ui.t.auth.signin;
  const s = p.ui.t.sso.signin;
  const errors = sayAll(signInTexts(p.ui.t), p.errors);
  return (
    <form method="post" action="/signin" id="signin-form" novalidate hx-post="/signin" hx-target="#signin-form" hx-swap="outerHTML">
      <ErrorSummary t={p.ui.t} errors={errors} labels={{ email: t.email, password: t.password }} />
      <input type="hidden" name="next" value={p.next} />
      <ReplayFields replay={p.replay} />
      <Field name="email" label={t.email} type="email" autocomplete="username" value={p.email} error={errors.email} required />
      <Field name="password" label={t.password} type="password" autocomplete="current-password" error={errors.password} required />
      <button type="submit" class="button">
        {t.submit}
      </button>
      {p.sso && (
        // The organisation's identity provider (src/sso/): the same e-mail field, no password. Without
        // JavaScript the button's formaction sends the form there; with it, its own hx-post does.
        <div class="field sso-choice">
          <p class="field__hint" id="sso-hint">
            {s.hint}
          </p>
          <button
            type="submit"
            class="button button--secondary"
            formaction="/signin/sso"
            formnovalidate
            hx-post="/signin/sso"
            hx-target="#signin-form"
            hx-swap="outerHTML"
            aria-describedby="sso-hint"
          >
            {s.button}
          </button>
        </div>
      )}
    </form>
  );
}

export function SignInPage(p: {
  ui: Ui;
  email?: string;
  errors?: SignInErrors;
  next: string;
  notice?: string | undefined;
  warning?: string | undefined;
  replay?: Replay | undefined;
  status?: string | undefined;
  /** Some organisation of this instance signs in through its identity provider. */
  sso?: boolean;
}) {
  const t = p.ui.t.auth.signin;
  return (
    <Layout ui={p.ui} title={t.title} bare>
      <div class="narrow">
        <h1>{t.title}</h1>
        {p.notice && <p class="alert alert--info">{p.notice}</p>}
        {p.warning && <p class="alert alert--warning">{p.warning}</p>}
        {p.replay && <p class="alert alert--info">{t.replayNotice}</p>}
        <SignInForm ui={p.ui} email={p.email} errors={p.errors} next={p.next} replay={p.replay} sso={p.sso} />
        <p>
          <a href="/password/forgotten">{t.forgot}</a>
        </p>
      </div>
    </Layout>
  );
}
