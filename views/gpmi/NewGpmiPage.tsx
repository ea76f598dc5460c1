import type { Ui } from '../../src/http/ui.js';
import type { Household } from '../../src/households/model.js';
import type { BalanceDetail } from '../../src/balances/model.js';
import type { GpmiError, GpmiErrors, StartFormValues } from '../../src/gpmi/forms.js';
import { say, sayAll } from '../../src/http/form-errors.js';
import { formatIsoDate } from '../../src/i18n/format.js';
import { Layout } from '../layouts/Layout.js';
import { DateField, ErrorSummary, Field } from '../components/form.js';
import { dossierName } from '../components/dossier.js';

/** Starting a GPMI from a finalised balance: for whom, start date, duration, evaluation moments. */
export function NewGpmiPage({
  ui,
  household: h,
  balance,
  values,
  errors: codes,
  topError: topCode,
  startRange,
}: {
  ui: Ui;
  household: Household;
  balance: BalanceDetail | undefined;
  values: StartFormValues;
  errors?: GpmiErrors | undefined;
  topError?: GpmiError | undefined;
  /** The days the start date may be on (dateWindow), said above the field. */
  startRange: { from: string; to: string };
}) {
  const t = ui.t.gpmi.new;
  // The form module answers codes; here they become words in the user's language.
  const errors = codes && sayAll(ui.t.gpmi.errors, codes);
  const topError = topCode && say(ui.t.gpmi.errors, topCode);
  const adults = balance ? balance.subjects.filter((s) => s.level === 'volwassene' && s.memberId !== null) : [];
  const labels = { for_whom: t.forWhom, start_on: t.startOn, duration: t.duration, moments: t.moments };
  const forError = errors?.for_whom;
  return (
    <Layout ui={ui} title={t.title} dossier={h}>
      <p class="breadcrumb">
        <a href={`/households/${h.id}`}>{dossierName(ui, h)}</a>
      </p>
      <h1>{t.title}</h1>
      {topError && (
        <div class="alert alert--error" role="alert" tabindex={-1} data-focus-on-load>
          {topError}
        </div>
      )}
      {!balance ? (
        <p class="alert alert--info">{t.noBalance}</p>
      ) : balance.status !== 'final' ? (
        <>
          {!topError && <p class="alert alert--info">{ui.t.gpmi.errors.draftBalance}</p>}
          <p>
            <a class="button" href={`/households/${h.id}/balances/${balance.id}`}>
              {ui.t.gpmi.plan.openBalance}
            </a>
          </p>
        </>
      ) : (
        <>
          <p class="meta-line">
            <a href={`/households/${h.id}/balances/${balance.id}/plan`}>{t.balance(formatIsoDate(balance.takenOn))}</a>
          </p>
          <p>{t.intro}</p>
          <form method="post" action={`/households/${h.id}/gpmis`} novalidate class="narrow">
            {errors && <ErrorSummary t={ui.t} errors={errors} labels={labels} />}
            <input type="hidden" name="balance" value={String(balance.id)} />
            <fieldset
              class={`field${forError ? ' field--error' : ''}`}
              id="field-for_whom"
              aria-describedby={['for-whom-hint', forError ? 'for-whom-error' : ''].filter(Boolean).join(' ')}
            >
              <legend>{t.forWhom}</legend>
              <p class="field__hint" id="for-whom-hint">
                {t.forWhomHint}
              </p>
              {forError && (
                <p class="field__error" id="for-whom-error">
                  {forError}
                </p>
              )}
              {adults.map((a) => (
                <label class="choice">
                  <input type="radio" name="for_whom" value={String(a.memberId)} checked={values.forWhom === String(a.memberId)} /> {a.name}
                </label>
              ))}
              <label class="choice">
                <input type="radio" name="for_whom" value="h" checked={values.forWhom === 'h'} /> {t.household}
              </label>
            </fieldset>
            <DateField t={ui.t} name="start_on" label={t.startOn} value={values.startOn} range={startRange} error={errors?.start_on} />
            <Field
              name="duration"
              label={t.duration}
              hint={t.durationHint}
              value={values.duration}
              error={errors?.duration}
              inputmode="numeric"
              maxlength={2}
            />
            <DateField t={ui.t} name="moments" label={t.moments} hint={t.momentsHint} value={values.moments} range={{}} error={errors?.moments} list />
            <button type="submit" class="button">
              {t.submit}
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}
