import type { Ui } from '../../src/http/ui.js';
import { Layout } from '../layouts/Layout.js';
import { ErrorSummary, Field } from '../components/form.js';
import { say, sayAll } from '../../src/http/form-errors.js';
import type { AuthError, AuthErrors } from '../../src/auth/forms.js';
import { ReplayFields, type Replay } from './SignInPage.js';

export function TwoFactorPage({ ui, errors: codes, next, replay }: { ui: Ui; errors?: AuthErrors; next: string; replay?: Replay | undefined }) {
  const t = ui.t.auth.twoFactor;
  const errors = sayAll(ui.t.auth.errors, codes);
  return (
    <Layout ui={ui} title={t.title} bare>
      <div class="narrow">
        <h1>{t.title}</h1>
        <ErrorSummary t={ui.t} errors={errors} labels={{ code: t.code, recovery: t.recoveryCode }} />
        <form method="post" action="/signin/two-factor" novalidate>
          <p>{t.intro}</p>
          <input type="hidden" name="next" value={next} />
          <ReplayFields replay={replay} />
          <Field name="code" label={t.code} autocomplete="one-time-code" inputmode="numeric" error={errors.code} required maxlength={7} />
          <button type="submit" class="button">
            {t.submit}
          </button>
        </form>
        <details class="disclosure" open={errors.recovery ? true : undefined}>
          <summary>{t.useRecovery}</summary>
          <form method="post" action="/signin/two-factor" novalidate>
            <input type="hidden" name="next" value={next} />
            <input type="hidden" name="method" value="recovery" />
            <ReplayFields replay={replay} />
            <Field name="recovery" label={t.recoveryCode} hint={t.recoveryHint} autocomplete="off" error={errors.recovery} required maxlength={20} />
            <button type="submit" class="button button--secondary">
              {t.submit}
            </button>
          </form>
        </details>
      </div>
    </Layout>
  );
}

export function TwoFactorSetupPage({ ui, qrSvg, keyText, error: code }: { ui: Ui; qrSvg: string; keyText: string; error?: AuthError | undefined }) {
  const t = ui.t.auth.twoFactor;
  const error = code && say(ui.t.auth.errors, code);
  return (
    <Layout ui={ui} title={t.setupTitle}>
      <div class="narrow">
        <h1>{t.setupTitle}</h1>
        <ErrorSummary t={ui.t} errors={{ code: error }} labels={{ code: t.code }} />
        <p>{t.setupIntro}</p>
        <ol class="steps">
          <li>{t.setupStep1}</li>
          <li>
            {t.setupStep2}
            <figure class="qr" role="img" aria-label={t.qrLabel} dangerouslySetInnerHTML={{ __html: qrSvg }} />
            <p>
              {t.setupKey}:{' '}
              <code class="totp-key" id="totp-key">
                {keyText}
              </code>
            </p>
          </li>
          <li>
            <form method="post" action="/account/two-factor" novalidate>
              <Field name="code" label={t.setupStep3} autocomplete="one-time-code" inputmode="numeric" error={error} required maxlength={7} />
              <button type="submit" class="button">
                {t.setupSubmit}
              </button>
            </form>
          </li>
        </ol>
      </div>
    </Layout>
  );
}

export function RecoveryCodesPage({ ui, codes, next }: { ui: Ui; codes: string[]; next: string }) {
  const t = ui.t.auth.twoFactor;
  return (
    <Layout ui={ui} title={t.recoveryCodesTitle}>
      <div class="narrow">
        <h1>{t.recoveryCodesTitle}</h1>
        <p>{t.recoveryCodesIntro}</p>
        <ul class="recovery-codes" aria-label={t.recoveryCodesTitle}>
          {codes.map((code) => (
            <li>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <p>
          <a class="button" href={next}>
            {t.continue}
          </a>
        </p>
      </div>
    </Layout>
  );
}
