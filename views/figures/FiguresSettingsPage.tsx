import type { Ui } from '../../src/http/ui.js';
import type { SettingsErrors, SettingsFormValues } from '../../src/figures/forms.js';
import { sayAll } from '../../src/http/form-errors.js';
import { Layout } from '../layouts/Layout.js';
import { ErrorSummary, Field, type FieldErrors } from '../components/form.js';
import { AdminNav } from '../admin/AdminNav.js';
import { CheckboxField } from '../admin/fields.js';
import { NotificationBanner } from '../components/NotificationBanner.js';

/** The organisation's settings for the figures and the follow-up: threshold, when a balance is due, the weekly digest. */
export function FiguresSettingsPage(p: {
  ui: Ui;
  values: SettingsFormValues;
  errors?: SettingsErrors | undefined;
  notice?: string | undefined;
  topError?: string | undefined;
}) {
  const { ui } = p;
  const s = ui.t.figures.settings;
  const errors = sayAll(ui.t.figures.settings.errors, p.errors);
  return (
    <Layout ui={ui} title={s.title}>
      <AdminNav ui={ui} />
      <h1>{s.title}</h1>
      {p.notice && <NotificationBanner t={ui.t} message={p.notice} />}
      {p.topError && (
        <div class="alert alert--error" role="alert" tabindex={-1} data-focus-on-load>
          {p.topError}
        </div>
      )}
      <form method="post" action="/figures/settings" novalidate class="narrow">
        <input type="hidden" name="revision" value={String(p.values.revision)} />
        <ErrorSummary t={ui.t} errors={errors} labels={{ threshold: s.threshold, balance_due_months: s.balanceDue }} />
        <Field
          name="threshold"
          label={s.threshold}
          hint={s.thresholdHint}
          value={p.values.threshold}
          error={errors.threshold}
          inputmode="numeric"
          maxlength={3}
        />
        <Field
          name="balance_due_months"
          label={s.balanceDue}
          hint={s.balanceDueHint}
          value={p.values.balanceDueMonths}
          error={errors.balance_due_months}
          inputmode="numeric"
          maxlength={3}
        />
        <CheckboxField name="weekly_digest" label={s.digest} hint={s.digestHint} checked={p.values.weeklyDigest} />
        <button type="submit" class="button">
          {s.submit}
        </button>
      </form>
    </Layout>
  );
}
