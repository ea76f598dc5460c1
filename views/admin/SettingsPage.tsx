import type { Ui } from '../../src/http/ui.js';
import { Layout } from '../layouts/Layout.js';
import { ErrorSummary, Field } from '../components/form.js';
import { sayAll } from '../../src/http/form-errors.js';
import { NAME_MAX, type AdminErrors, type SettingsValues } from '../../src/admin/forms.js';
import { AdminNav } from './AdminNav.js';
import { CheckboxField } from './fields.js';

export function SettingsPage(p: { ui: Ui; values: SettingsValues; errors?: AdminErrors; notice?: string | undefined }) {
  const { ui } = p;
  const { t } = ui;
  const a = t.admin.settings;
  const errors = sayAll(t.admin.errors, p.errors);
  return (
    <Layout ui={ui} title={a.title}>
      <AdminNav ui={ui} />
      <h1>{a.title}</h1>
      {p.notice && (
        <p class="alert alert--success" role="status">
          {p.notice}
        </p>
      )}
      <form method="post" action="/admin/settings" novalidate class="narrow">
        <ErrorSummary t={t} errors={errors} labels={{ name: a.organisationName, require_two_factor: a.requireTwoFactor }} />
        <Field name="name" label={a.organisationName} value={p.values.name} error={errors.name} maxlength={NAME_MAX} autocomplete="organization" required />
        <CheckboxField
          name="require_two_factor"
          label={a.requireTwoFactor}
          hint={a.requireTwoFactorHint}
          checked={p.values.require_two_factor}
          error={errors.require_two_factor}
        />
        <fieldset class="field">
          <legend>{a.sensitiveTitle}</legend>
          <p class="field__hint">{a.sensitiveHint}</p>
          <label class="choice">
            <input type="radio" name="sensitive_visibility" value="team" checked={p.values.sensitive_visibility === 'team'} /> {a.sensitiveTeam}
          </label>
          <label class="choice">
            <input type="radio" name="sensitive_visibility" value="assigned" checked={p.values.sensitive_visibility === 'assigned'} /> {a.sensitiveAssigned}
          </label>
        </fieldset>
        <button type="submit" class="button">
          {a.submit}
        </button>
      </form>
    </Layout>
  );
}
