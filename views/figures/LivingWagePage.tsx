import type { Ui } from '../../src/http/ui.js';
import type { Household, Member } from '../../src/households/model.js';
import type { LivingWage } from '../../src/figures/model.js';
import { GRANT_EARLIEST, gpmiDueOn, type LivingWageErrors } from '../../src/figures/logic.js';
import { sayAll } from '../../src/http/form-errors.js';
import { fullName } from '../../src/households/names.js';
import { formatIsoDate } from '../../src/i18n/format.js';
import { Layout } from '../layouts/Layout.js';
import { DateField, ErrorSummary, type FieldErrors } from '../components/form.js';
import { NotificationBanner } from '../components/NotificationBanner.js';

export interface LivingWagePageProps {
  ui: Ui;
  household: Household;
  member: Member;
  current: LivingWage | null;
  values: { grantedOn: string; exemption: string };
  revision: number;
  errors?: LivingWageErrors | undefined;
  notice?: string | undefined;
  topError?: string | undefined;
}

/** The living wage of one beneficiary: when it was granted, and an exemption from the GPMI with its reason. */
export function LivingWagePage(p: LivingWagePageProps) {
  const { ui, household: h, member: m } = p;
  const t = ui.t.figures.livingWage;
  const errors = sayAll(ui.t.figures.livingWage.errors, p.errors);
  const name = fullName(m);
  const errorId = (k: string) => (errors[k] ? `field-${k}-error` : undefined);
  return (
    <Layout ui={ui} title={t.windowTitle(name)} dossier={h}>
      <p>
        <a href={`/households/${h.id}/members/${m.id}`}>{ui.t.households.member.title(name)}</a>
      </p>
      <h1>{t.windowTitle(name)}</h1>
      <p>{t.intro}</p>
      {p.notice && <NotificationBanner t={ui.t} message={p.notice} />}
      {p.topError && (
        <div class="alert alert--error" role="alert" tabindex={-1} data-focus-on-load>
          {p.topError}
        </div>
      )}
      <section class="card" aria-labelledby="living-wage-now">
        <h2 id="living-wage-now">{t.title}</h2>
        {p.current ? (
          <ul>
            <li>{t.current(formatIsoDate(p.current.grantedOn))}</li>
            <li>{p.current.exemption ? t.exempt(t.exemptions[p.current.exemption]!) : t.gpmiDue(formatIsoDate(gpmiDueOn(p.current.grantedOn)))}</li>
          </ul>
        ) : (
          <p>{t.none}</p>
        )}
      </section>
      {h.status === 'active' && (
        <form method="post" action={`/households/${h.id}/members/${m.id}/living-wage`} novalidate class="narrow">
          <input type="hidden" name="revision" value={String(p.revision)} />
          <ErrorSummary t={ui.t} errors={errors} labels={{ granted_on: t.grantedOn, exemption: t.exemption }} />
          <DateField
            t={ui.t}
            name="granted_on"
            label={t.grantedOn}
            range={{ from: GRANT_EARLIEST, to: 'today' }}
            value={p.values.grantedOn}
            error={errors.granted_on}
            required
          />
          <fieldset class={`field${errors.exemption ? ' field--error' : ''}`} id="field-exemption" aria-describedby={errorId('exemption')}>
            <legend>{t.exemption}</legend>
            {errors.exemption && (
              <p class="field__error" id="field-exemption-error">
                {errors.exemption}
              </p>
            )}
            {(['', 'health', 'equity'] as const).map((v) => (
              <label class="choice">
                <input type="radio" name="exemption" value={v} checked={p.values.exemption === v} /> {t.exemptions[v || 'none']}
              </label>
            ))}
          </fieldset>
          <button type="submit" class="button">
            {t.submit}
          </button>
        </form>
      )}
      {h.status === 'active' && p.current && (
        <form method="post" action={`/households/${h.id}/members/${m.id}/living-wage/removal`} class="inline-form">
          <input type="hidden" name="revision" value={String(p.current.revision)} />
          <button type="submit" class="button button--quiet">
            {t.remove}
          </button>
        </form>
      )}
    </Layout>
  );
}
