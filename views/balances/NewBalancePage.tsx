import type { Ui } from '../../src/http/ui.js';
import type { Household } from '../../src/households/model.js';
import { BALANCE_METHODS, type BalanceMethod } from '../../src/balances/tables.js';
import { Layout } from '../layouts/Layout.js';
import { DateField, ErrorSummary, type DateRange } from '../components/form.js';
import { sayAll } from '../../src/http/form-errors.js';
import type { NewBalanceErrors, NewBalanceValues } from '../../src/balances/forms.js';

export function NewBalancePage({
  ui,
  household,
  values,
  errors: codes = {},
  hasPrevious,
  dateRange,
}: {
  ui: Ui;
  household: Household;
  values: NewBalanceValues;
  errors?: NewBalanceErrors;
  hasPrevious: boolean;
  /** The days the date may be (balanceDateRange): said above the field. */
  dateRange: DateRange;
}) {
  const t = ui.t.balances.new;
  // The form module answers codes; here they become words in the user's language.
  const errors = sayAll(t, codes);
  const current = household.members.filter((m) => m.leftOn === null);
  return (
    <Layout ui={ui} title={t.title} dossier={household}>
      <p class="breadcrumb">
        <a href={`/households/${household.id}`}>{household.dossierRef ?? household.members.map((m) => m.firstName).join(', ')}</a>
      </p>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <form method="post" action={`/households/${household.id}/balances`} novalidate class="narrow">
        <ErrorSummary t={ui.t} errors={errors} labels={{ takenOn: t.date, method: t.method }} />
        <DateField t={ui.t} name="takenOn" label={t.date} value={values.takenOn} range={dateRange} error={errors.takenOn} required />
        <fieldset class={`field${errors.method ? ' field--error' : ''}`} id="field-method" aria-describedby={errors.method ? 'field-method-error' : undefined}>
          <legend>{t.method}</legend>
          {errors.method && (
            <p class="field__error" id="field-method-error">
              {errors.method}
            </p>
          )}
          {BALANCE_METHODS.map((m) => (
            <label class="choice">
              <input type="radio" name="method" value={m} checked={values.method === m} /> {ui.t.balances.method[m]}
            </label>
          ))}
        </fieldset>
        {current.length > 0 && (
          <fieldset class="field">
            <legend>{t.participants}</legend>
            {current.map((m) => (
              <label class="choice">
                <input type="checkbox" name="participants" value={String(m.id)} checked={values.participants.includes(m.id)} /> {m.firstName} {m.lastName}
              </label>
            ))}
          </fieldset>
        )}
        {hasPrevious && (
          <div class="field">
            <label class="choice">
              <input type="checkbox" name="prefill" value="1" checked={values.prefill} /> {t.prefill}
            </label>
          </div>
        )}
        <button type="submit" class="button">
          {t.submit}
        </button>
      </form>
    </Layout>
  );
}
