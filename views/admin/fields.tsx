import type { Messages } from '../../src/i18n/index.js';
import { LOCALES, messagesFor } from '../../src/i18n/index.js';
import type { FieldErrors } from '../components/form.js';

import type { RoleChoice } from '../../src/admin/logic.js';
export type { RoleChoice };

/** A checkbox inside its label; hint and error tied to it like Field does for text inputs. */
export function CheckboxField(p: { name: string; label: string; hint?: string; checked: boolean; error?: string | undefined }) {
  const id = `field-${p.name}`;
  const describedBy = [p.hint ? `${id}-hint` : '', p.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${p.error ? ' field--error' : ''}`}>
      <label for={id}>
        <input type="checkbox" id={id} name={p.name} value="1" checked={p.checked} aria-describedby={describedBy} aria-invalid={p.error ? 'true' : undefined} />{' '}
        {p.label}
      </label>
      {p.hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      )}
      {p.error && (
        <p class="field__error" id={`${id}-error`}>
          {p.error}
        </p>
      )}
    </div>
  );
}

export function LanguageField({ t, value, error }: { t: Messages; value: string; error?: string | undefined }) {
  const id = 'field-locale';
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={id}>{t.admin.users.language}</label>
      <p class="field__hint" id={`${id}-hint`}>
        {t.admin.users.languageHint}
      </p>
      {error && (
        <p class="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <select id={id} name="locale" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
        {LOCALES.map((l) => (
          <option value={l} selected={l === value}>
            {messagesFor(l).meta.languageName}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The form field name of a team's role radio group. */
export const teamField = (teamId: number) => `team_${teamId}`;

/**
 * One fieldset per team with native radio buttons: geen / maatschappelijk werker /
 * teamverantwoordelijke. The first radio carries the id the error summary links to.
 */
export function TeamRoleFields({
  t,
  teams,
  values,
  errors,
}: {
  t: Messages;
  teams: { id: number; name: string }[];
  values: Record<number, RoleChoice>;
  errors: FieldErrors;
}) {
  const a = t.admin.users;
  if (!teams.length)
    return (
      <p class="field__hint">
        {a.noTeamsYet} <a href="/admin/teams">{t.admin.nav.teams}</a>
      </p>
    );
  const choices: { value: RoleChoice; label: string }[] = [
    { value: 'none', label: a.roleNone },
    { value: 'worker', label: t.roles.worker },
    { value: 'lead', label: t.roles.lead },
  ];
  return (
    <>
      <h3>{a.teamRolesTitle}</h3>
      {teams.map((team) => {
        const name = teamField(team.id);
        const error = errors[name];
        const current = values[team.id] ?? 'none';
        return (
          <fieldset class={`field${error ? ' field--error' : ''}`} aria-describedby={error ? `field-${name}-error` : undefined}>
            <legend>{a.teamRoleLegend(team.name)}</legend>
            {error && (
              <p class="field__error" id={`field-${name}-error`}>
                {error}
              </p>
            )}
            {choices.map((choice, i) => (
              <label for={i === 0 ? `field-${name}` : `field-${name}-${choice.value}`}>
                <input
                  type="radio"
                  id={i === 0 ? `field-${name}` : `field-${name}-${choice.value}`}
                  name={name}
                  value={choice.value}
                  checked={current === choice.value}
                />{' '}
                {choice.label}
              </label>
            ))}
          </fieldset>
        );
      })}
    </>
  );
}
