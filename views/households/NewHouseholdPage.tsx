import type { Ui } from '../../src/http/ui.js';
import type { HouseholdErrors, HouseholdFormValues, MemberFormValues } from '../../src/households/forms.js';
import { sayAll } from '../../src/http/form-errors.js';
import { memberPrefix } from '../../src/households/forms.js';
import type { TeamWithWorkers } from '../../src/households/model.js';
import { MAX_NEW_MEMBERS } from '../../src/households/logic.js';
import { Layout } from '../layouts/Layout.js';
import { ErrorSummary } from '../components/form.js';
import { HouseholdFields, householdLabels, MemberFields, memberLabels } from './fields.js';

export function NewHouseholdPage(p: {
  ui: Ui;
  teams: TeamWithWorkers[];
  household: HouseholdFormValues;
  members: MemberFormValues[];
  errors?: HouseholdErrors;
  /** The row just added with "Nog een gezinslid toevoegen": its first field gets the focus. */
  focusRow?: number;
}) {
  const { ui } = p;
  const n = ui.t.households.newHousehold;
  const errors = sayAll(ui.t.households.errors, p.errors);
  const labels = { ...householdLabels(ui), ...Object.assign({}, ...p.members.map((_, i) => memberLabels(ui, memberPrefix(i), i + 1))) };
  return (
    <Layout ui={ui} title={n.title}>
      <p>
        <a href="/">{ui.t.households.dossier.back}</a>
      </p>
      <h1>{n.title}</h1>
      <p>{n.intro}</p>
      <form method="post" action="/households" novalidate>
        <ErrorSummary t={ui.t} errors={errors} labels={labels} />
        <input type="hidden" name="member_count" value={String(p.members.length)} />
        <fieldset class="card">
          <legend>{n.dossierLegend}</legend>
          <HouseholdFields ui={ui} teams={p.teams} values={p.household} errors={errors} />
        </fieldset>
        {p.members.map((m, i) => (
          <fieldset class="card">
            <legend>{n.memberLegend(i + 1)}</legend>
            {i > 0 && <p class="field__hint">{n.memberOptional}</p>}
            <MemberFields ui={ui} values={m} errors={errors} prefix={memberPrefix(i)} autofocus={p.focusRow === i} />
          </fieldset>
        ))}
        {/* The submit button comes first: Enter in any field creates the household, not a new row. */}
        <p class="inline-fields">
          <button type="submit" class="button">
            {n.submit}
          </button>
          {p.members.length < MAX_NEW_MEMBERS && (
            <button type="submit" name="action" value="add_row" class="button button--secondary">
              {n.addRow}
            </button>
          )}
        </p>
      </form>
    </Layout>
  );
}
