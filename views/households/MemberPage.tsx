import type { Ui } from '../../src/http/ui.js';
import type { Household, Member } from '../../src/households/model.js';
import type { HouseholdErrors, MemberFormValues } from '../../src/households/forms.js';
import { sayAll } from '../../src/http/form-errors.js';
import { formatIsoDate } from '../../src/i18n/format.js';
import { Layout } from '../layouts/Layout.js';
import { DateField, ErrorSummary, type DateRange } from '../components/form.js';
import { MemberFields, memberLabels } from './fields.js';
import { fullName } from '../../src/households/names.js';
import { AgeGroup } from './HouseholdPage.js';
import { maskNationalNumber } from '../../src/households/national-number.js';

export interface MemberPageProps {
  ui: Ui;
  household: Household;
  member: Member;
  year: number;
  /** Today as dd/mm/jjjj: the departure field's starting value. */
  today: string;
  values: MemberFormValues;
  errors?: HouseholdErrors;
  departure?: { value: string; errors: HouseholdErrors };
  /** The days "in het gezin sinds" may be on (from birth to their first balance, departure or today). */
  joinedRange: DateRange;
}

export function MemberPage(p: MemberPageProps) {
  const { ui, household: h, member: m } = p;
  const t = ui.t.households.member;
  const f = ui.t.households.fields;
  const active = h.status === 'active';
  const name = fullName(m);
  // The form module answers codes; here they become words in the user's language.
  const errors = sayAll(ui.t.households.errors, p.errors);
  const departureErrors = sayAll(ui.t.households.errors, p.departure?.errors);
  return (
    <Layout ui={ui} title={t.windowTitle} dossier={h}>
      <p>
        <a href={`/households/${h.id}`}>{t.back}</a>
      </p>
      <h1>{t.title(name)}</h1>
      <p>
        <a href={`/households/${h.id}/members/${m.id}/living-wage`}>{ui.t.figures.livingWage.link}</a>
      </p>
      {m.leftOn && <p class="alert alert--info">{t.departed(formatIsoDate(m.leftOn))}</p>}
      {!active ? (
        <>
          <p class="alert alert--info">{t.closedReadOnly}</p>
          <dl class="card">
            <dt>{f.birthYear}</dt>
            <dd>{m.birthDate ? formatIsoDate(m.birthDate) : m.birthYear}</dd>
            <dt>{f.role}</dt>
            <dd>{ui.t.households.roles[m.role]}</dd>
            <dt>{f.adult}</dt>
            <dd>
              <AgeGroup ui={ui} member={m} year={p.year} />
            </dd>
            <dt>{f.nationalNumber}</dt>
            <dd>{m.nationalNumber ? maskNationalNumber(m.nationalNumber) : ui.t.households.dossier.notFilledIn}</dd>
          </dl>
        </>
      ) : (
        <>
          <section class="card" aria-labelledby="member-edit-title">
            <h2 id="member-edit-title">{t.editTitle}</h2>
            <form method="post" action={`/households/${h.id}/members/${m.id}`} novalidate>
              <ErrorSummary t={ui.t} errors={errors} labels={memberLabels(ui)} />
              <input type="hidden" name="revision" value={String(m.revision)} />
              <MemberFields ui={ui} values={p.values} errors={errors} joined={p.joinedRange} />
              <button type="submit" class="button">
                {t.submit}
              </button>
            </form>
          </section>
          {!m.leftOn && (
            <section class="card" aria-labelledby="departure-title">
              <h2 id="departure-title">{t.departureTitle}</h2>
              <p>{t.departureIntro}</p>
              <form method="post" action={`/households/${h.id}/members/${m.id}/departure`} novalidate>
                <ErrorSummary t={ui.t} errors={departureErrors} labels={{ left_on: f.leftOn }} />
                <input type="hidden" name="revision" value={String(m.revision)} />
                <DateField
                  t={ui.t}
                  name="left_on"
                  label={f.leftOn}
                  value={p.departure?.value ?? p.today}
                  range={{ from: m.joinedOn, to: 'today' }}
                  error={departureErrors.left_on}
                  required
                />
                <button type="submit" class="button button--secondary">
                  {t.departureSubmit(name)}
                </button>
              </form>
            </section>
          )}
        </>
      )}
    </Layout>
  );
}
