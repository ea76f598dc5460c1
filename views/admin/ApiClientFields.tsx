import type { Messages } from '../../src/i18n/index.js';
import type { ApiClientErrors, ApiClientFormValues } from '../../src/api/forms.js';
import { RATE_MAX, RATE_MIN, CLIENT_NAME_MAX } from '../../src/api/forms.js';
import { API_SCOPES } from '../../src/api/scopes.js';
import { sayAll } from '../../src/http/form-errors.js';
import { ErrorSummary, Field } from '../components/form.js';

/**
 * The fields of a new or an edited API client: name, the scopes as native checkboxes with what each
 * allows, the team, the address list and the rate limit. The first checkbox carries the id the
 * error summary links to. `errors`: the form's codes, said here in the user's language.
 */
export function ApiClientFields(p: { t: Messages; values: ApiClientFormValues; errors: ApiClientErrors | undefined; teams: { id: number; name: string }[] }) {
  const { t, values } = p;
  const errors = sayAll(t.api.admin.errors, p.errors);
  const a = t.api.admin;
  const checked = new Set(values.scopes);
  return (
    <>
      <ErrorSummary t={t} errors={errors} labels={{ name: a.name, scopes: a.scopes, team: a.team, ip_allow_list: a.ipAllowList, rate_limit: a.rateLimit }} />
      <Field name="name" label={a.name} hint={a.nameHint} value={values.name} error={errors.name} maxlength={CLIENT_NAME_MAX} autocomplete="off" required />
      <fieldset class={`field${errors.scopes ? ' field--error' : ''}`} aria-describedby={`field-scopes-hint${errors.scopes ? ' field-scopes-error' : ''}`}>
        <legend>{a.scopes}</legend>
        <p class="field__hint" id="field-scopes-hint">
          {a.scopesHint}
        </p>
        {errors.scopes && (
          <p class="field__error" id="field-scopes-error">
            {errors.scopes}
          </p>
        )}
        {API_SCOPES.map((s, i) => {
          const id = i === 0 ? 'field-scopes' : `field-scopes-${s.replace(':', '-')}`;
          return (
            <div class="choice">
              <label for={id}>
                <input type="checkbox" id={id} name="scopes" value={s} checked={checked.has(s)} aria-describedby={`${id}-hint`} /> {t.api.scopes[s].label} (
                <code>{s}</code>)
              </label>
              <p class="field__hint" id={`${id}-hint`}>
                {t.api.scopes[s].hint}
              </p>
            </div>
          );
        })}
      </fieldset>
      <div class={`field${errors.team ? ' field--error' : ''}`}>
        <label for="field-team">{a.team}</label>
        <p class="field__hint" id="field-team-hint">
          {a.teamHint}
        </p>
        {errors.team && (
          <p class="field__error" id="field-team-error">
            {errors.team}
          </p>
        )}
        <select id="field-team" name="team" aria-describedby={`field-team-hint${errors.team ? ' field-team-error' : ''}`}>
          <option value="" selected={values.team === ''}>
            {a.allTeams}
          </option>
          {p.teams.map((team) => (
            <option value={String(team.id)} selected={values.team === String(team.id)}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <Field name="ip_allow_list" label={a.ipAllowList} hint={a.ipAllowListHint} value={values.ip_allow_list} error={errors.ip_allow_list} multiline rows={3} />
      <Field
        name="rate_limit"
        label={a.rateLimit}
        hint={a.rateLimitHint(RATE_MIN, RATE_MAX)}
        value={values.rate_limit}
        error={errors.rate_limit}
        inputmode="numeric"
        maxlength={5}
        required
      />
    </>
  );
}
