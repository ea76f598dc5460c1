import type { Ui } from '../../src/http/ui.js';
import type { HouseholdFormValues, MemberFormValues } from '../../src/households/forms.js';
import type { TeamWithWorkers } from '../../src/households/model.js';
import { MEMBER_ROLES } from '../../src/households/tables.js';
import { DOSSIER_REF_MAX, NAME_MAX } from '../../src/households/logic.js';
import { DateField, Field, type DateRange, type FieldErrors } from '../components/form.js';
import { MIN_BIRTH_YEAR } from '../../src/households/logic.js';

/** Labels of the member fields, for error summaries and conflict tables. */
export function memberLabels(ui: Ui, prefix = '', row?: number): Record<string, string> {
  const f = ui.t.households.fields;
  const base: Record<string, string> = {
    first_name: f.firstName,
    last_name: f.lastName,
    birth_year: f.birthYear,
    birth_date: f.birthDate,
    role: f.role,
    adult: f.adult,
    national_number: f.nationalNumber,
    joined_on: f.joinedOn,
  };
  const out: Record<string, string> = {};
  for (const [k, label] of Object.entries(base)) out[prefix + k] = row === undefined ? label : ui.t.households.newHousehold.memberField(row, label);
  return out;
}

export function householdLabels(ui: Ui): Record<string, string> {
  const f = ui.t.households.fields;
  return { team: f.team, worker: f.worker, dossier_ref: f.dossierRef };
}

/**
 * The fields of one household member. `prefix` keeps rows apart on the "new household" form
 * (m0_first_name, m1_first_name, ...); ids follow the names, so the error summary links work.
 * `joined`: the member exists, and "in het gezin sinds" may lie in this range (said up front);
 * without it the field is optional and empty means the day they are added.
 */
export function MemberFields(p: { ui: Ui; values: MemberFormValues; errors: FieldErrors; prefix?: string; autofocus?: boolean; joined?: DateRange }) {
  const f = p.ui.t.households.fields;
  const pre = p.prefix ?? '';
  const name = (k: string) => pre + k;
  const roleError = p.errors[name('role')];
  const adultId = `field-${name('adult')}`;
  const adultError = p.errors[name('adult')];
  return (
    <>
      <div class={`field${p.errors[name('first_name')] ? ' field--error' : ''}`}>
        {/* Field has no autofocus option; the first input of a freshly added row gets it here. */}
        <FieldWithFocus
          ui={p.ui}
          name={name('first_name')}
          label={f.firstName}
          value={p.values.first_name}
          error={p.errors[name('first_name')]}
          autofocus={p.autofocus}
        />
      </div>
      <Field
        name={name('last_name')}
        label={f.lastName}
        value={p.values.last_name}
        error={p.errors[name('last_name')]}
        maxlength={NAME_MAX}
        autocomplete="off"
        required
      />
      <Field
        name={name('birth_year')}
        label={f.birthYear}
        hint={f.birthYearHint}
        value={p.values.birth_year}
        error={p.errors[name('birth_year')]}
        inputmode="numeric"
        maxlength={4}
        autocomplete="off"
        required
      />
      <DateField
        t={p.ui.t}
        name={name('birth_date')}
        label={f.birthDate}
        hint={f.birthDateHint}
        value={p.values.birth_date}
        range={{ from: `${MIN_BIRTH_YEAR}-01-01`, to: 'today' }}
        error={p.errors[name('birth_date')]}
      />
      <fieldset class={`field${roleError ? ' field--error' : ''}`} aria-describedby={roleError ? `field-${name('role')}-error` : undefined}>
        <legend>{f.role}</legend>
        {roleError && (
          <p class="field__error" id={`field-${name('role')}-error`}>
            {roleError}
          </p>
        )}
        {MEMBER_ROLES.map((role, i) => {
          const id = i === 0 ? `field-${name('role')}` : `field-${name('role')}-${role}`;
          return (
            <label for={id}>
              <input type="radio" id={id} name={name('role')} value={role} checked={p.values.role === role} /> {p.ui.t.households.roles[role]}
            </label>
          );
        })}
      </fieldset>
      <div class={`field${adultError ? ' field--error' : ''}`}>
        <label for={adultId}>{f.adult}</label>
        <p class="field__hint" id={`${adultId}-hint`}>
          {f.adultHint}
        </p>
        {adultError && (
          <p class="field__error" id={`${adultId}-error`}>
            {adultError}
          </p>
        )}
        <select
          id={adultId}
          name={name('adult')}
          aria-describedby={`${adultId}-hint${adultError ? ` ${adultId}-error` : ''}`}
          aria-invalid={adultError ? 'true' : undefined}
        >
          <option value="auto" selected={p.values.adult === 'auto'}>
            {f.adultAuto}
          </option>
          <option value="adult" selected={p.values.adult === 'adult'}>
            {f.adultYes}
          </option>
          <option value="child" selected={p.values.adult === 'child'}>
            {f.adultNo}
          </option>
        </select>
      </div>
      <Field
        name={name('national_number')}
        label={f.nationalNumber}
        hint={f.nationalNumberHint}
        value={p.values.national_number}
        error={p.errors[name('national_number')]}
        maxlength={40}
        autocomplete="off"
      />
      <DateField
        t={p.ui.t}
        name={name('joined_on')}
        label={f.joinedOn}
        hint={p.joined ? f.joinedOnHint : f.joinedOnNewHint}
        value={p.values.joined_on ?? ''}
        range={p.joined ?? { to: 'today' }}
        error={p.errors[name('joined_on')]}
        required={!!p.joined}
      />
    </>
  );
}

/** Like Field, plus autofocus (used for the row just added to the "new household" form). */
function FieldWithFocus(p: { ui: Ui; name: string; label: string; value: string; error?: string | undefined; autofocus?: boolean | undefined }) {
  const id = `field-${p.name}`;
  return (
    <>
      <label for={id}>{p.label}</label>
      {p.error && (
        <p class="field__error" id={`${id}-error`}>
          {p.error}
        </p>
      )}
      <input
        type="text"
        id={id}
        name={p.name}
        value={p.value}
        maxlength={NAME_MAX}
        autocomplete="off"
        required
        aria-describedby={p.error ? `${id}-error` : undefined}
        aria-invalid={p.error ? 'true' : undefined}
        autofocus={p.autofocus}
        data-focus-on-load={p.autofocus ? true : undefined}
      />
    </>
  );
}

/**
 * Team, assigned worker and dossier number. Without script the worker list cannot follow the
 * chosen team, so the workers are grouped per team and the server checks the pair.
 */
export function HouseholdFields(p: {
  ui: Ui;
  teams: TeamWithWorkers[];
  values: HouseholdFormValues;
  errors: FieldErrors;
  currentWorker?: { id: number; name: string; teamId: number } | null;
}) {
  const f = p.ui.t.households.fields;
  const teamError = p.errors.team;
  const workerError = p.errors.worker;
  const current = p.currentWorker;
  const listed = current ? p.teams.some((t) => t.id === current.teamId && t.workers.some((w) => w.id === current.id)) : true;
  // One person can be in two teams and so appear twice: select them once, preferably under the chosen team.
  const workerId = Number(p.values.worker);
  const holder =
    p.teams.find((t) => String(t.id) === p.values.team && t.workers.some((w) => w.id === workerId)) ??
    p.teams.find((t) => t.workers.some((w) => w.id === workerId));
  const selectedKey = holder ? `${holder.id}:${workerId}` : '';
  return (
    <>
      <div class={`field${teamError ? ' field--error' : ''}`}>
        <label for="field-team">{f.team}</label>
        {teamError && (
          <p class="field__error" id="field-team-error">
            {teamError}
          </p>
        )}
        <select id="field-team" name="team" aria-describedby={teamError ? 'field-team-error' : undefined} aria-invalid={teamError ? 'true' : undefined}>
          {p.teams.length > 1 && (
            <option value="" selected={p.values.team === ''}>
              —
            </option>
          )}
          {p.teams.map((t) => (
            <option value={String(t.id)} selected={p.values.team === String(t.id) || p.teams.length === 1}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div class={`field${workerError ? ' field--error' : ''}`}>
        <label for="field-worker">{f.worker}</label>
        <p class="field__hint" id="field-worker-hint">
          {f.workerHint}
        </p>
        {workerError && (
          <p class="field__error" id="field-worker-error">
            {workerError}
          </p>
        )}
        <select
          id="field-worker"
          name="worker"
          aria-describedby={`field-worker-hint${workerError ? ' field-worker-error' : ''}`}
          aria-invalid={workerError ? 'true' : undefined}
        >
          <option value="" selected={p.values.worker === ''}>
            {f.workerNone}
          </option>
          {current && !listed && (
            <option value={String(current.id)} selected={p.values.worker === String(current.id)}>
              {f.workerElsewhere(current.name)}
            </option>
          )}
          {p.teams.map((t) => (
            <optgroup label={t.name}>
              {t.workers.map((w) => (
                <option value={String(w.id)} selected={selectedKey === `${t.id}:${w.id}`}>
                  {w.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <Field
        name="dossier_ref"
        label={f.dossierRef}
        hint={f.dossierRefHint}
        value={p.values.dossier_ref}
        error={p.errors.dossier_ref}
        maxlength={DOSSIER_REF_MAX}
        autocomplete="off"
      />
    </>
  );
}
