import type { Ui } from '../../src/http/ui.js';
import { Layout } from '../layouts/Layout.js';
import { ErrorSummary, Field } from '../components/form.js';
import { sayAll } from '../../src/http/form-errors.js';
import { SETUP_NAME_MAX, type AuthErrors } from '../../src/auth/forms.js';
import { FirstRunCatalogue } from '../catalogue/components.js';

export interface SetupValues {
  organisation?: string;
  name?: string;
  email?: string;
}

export function SetupPage({ ui, values = {}, errors: codes }: { ui: Ui; values?: SetupValues; errors?: AuthErrors }) {
  const t = ui.t.auth.setup;
  const errors = sayAll(ui.t.auth.errors, codes);
  return (
    <Layout ui={ui} title={t.title} bare>
      <div class="narrow">
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
        <FirstRunCatalogue ui={ui} />
        <form method="post" action="/setup" novalidate>
          <ErrorSummary t={ui.t} errors={errors} labels={{ code: t.code, organisation: t.organisation, name: t.name, email: t.email, password: t.password }} />
          <Field name="code" label={t.code} autocomplete="off" error={errors.code} required />
          <Field name="organisation" label={t.organisation} value={values.organisation} error={errors.organisation} required maxlength={SETUP_NAME_MAX} />
          <Field name="name" label={t.name} autocomplete="name" value={values.name} error={errors.name} required maxlength={SETUP_NAME_MAX} />
          <Field name="email" label={t.email} type="email" autocomplete="email" value={values.email} error={errors.email} required />
          <Field name="password" label={t.password} type="password" autocomplete="new-password" hint={t.passwordHint} error={errors.password} required />
          <button type="submit" class="button">
            {t.submit}
          </button>
        </form>
      </div>
    </Layout>
  );
}
