import type { Ui } from '../../src/http/ui.js';
import type { TeamRow } from '../../src/admin/model.js';
import { Layout } from '../layouts/Layout.js';
import { ErrorSummary, Field, type FieldErrors } from '../components/form.js';
import { say } from '../../src/http/form-errors.js';
import { TEAM_NAME_MAX, type AdminError } from '../../src/admin/forms.js';
import { AdminNav } from './AdminNav.js';

/** The form that failed: the "new team" form, or the rename form of one team. */
export type TeamsPageFailure = { form: 'create'; value: string; error: AdminError } | { form: 'rename'; teamId: number; value: string; error: AdminError };

export function TeamsPage(p: { ui: Ui; teams: TeamRow[]; failed?: TeamsPageFailure; notice?: string | undefined }) {
  const { ui } = p;
  const { t } = ui;
  const a = t.admin.teams;
  const createFailed = p.failed?.form === 'create' ? p.failed : undefined;
  const createError = createFailed && say(t.admin.errors, createFailed.error);
  return (
    <Layout ui={ui} title={a.title}>
      <AdminNav ui={ui} />
      <h1>{a.title}</h1>
      {p.notice && (
        <p class="alert alert--success" role="status">
          {p.notice}
        </p>
      )}
      <p>{a.intro}</p>
      {p.teams.length === 0 && <p>{a.none}</p>}
      {p.teams.map((team) => {
        const failed = p.failed?.form === 'rename' && p.failed.teamId === team.id ? p.failed : undefined;
        const id = `field-rename-${team.id}`;
        const error = failed && say(t.admin.errors, failed.error);
        const errors: FieldErrors = error ? { [`rename-${team.id}`]: error } : {};
        return (
          <section aria-labelledby={`team-${team.id}-title`} class="card">
            <h2 id={`team-${team.id}-title`}>{team.name}</h2>
            <h3>{a.members}</h3>
            {team.members.length === 0 ? (
              <p>{a.noMembers}</p>
            ) : (
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t.admin.users.name}</th>
                      <th scope="col">{a.role}</th>
                      <th scope="col">{t.admin.users.status}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {team.members.map((m) => (
                      <tr>
                        <th scope="row">
                          <a href={`/admin/users/${m.userId}`}>{m.displayName}</a>
                        </th>
                        <td>{m.role === 'lead' ? t.roles.lead : t.roles.worker}</td>
                        <td>
                          {{ active: t.admin.users.statusActive, disabled: t.admin.users.statusDisabled, invited: t.admin.users.statusInvited }[m.status]}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <ErrorSummary t={t} errors={errors} labels={{ [`rename-${team.id}`]: a.newName(team.name) }} />
            <form method="post" action={`/admin/teams/${team.id}`} novalidate class="inline-fields">
              <div class={`field${failed ? ' field--error' : ''}`}>
                <label for={id}>{a.newName(team.name)}</label>
                {error && (
                  <p class="field__error" id={`${id}-error`}>
                    {error}
                  </p>
                )}
                <input
                  type="text"
                  id={id}
                  name="name"
                  value={failed ? failed.value : team.name}
                  maxlength={TEAM_NAME_MAX}
                  required
                  autocomplete="off"
                  aria-invalid={failed ? 'true' : undefined}
                  aria-describedby={failed ? `${id}-error` : undefined}
                />
              </div>
              <button type="submit" class="button button--secondary" aria-label={a.renameLabel(team.name)}>
                {a.renameSubmit}
              </button>
            </form>
          </section>
        );
      })}

      <section aria-labelledby="create-title" class="card">
        <h2 id="create-title">{a.createTitle}</h2>
        <form method="post" action="/admin/teams" novalidate>
          <ErrorSummary t={t} errors={createError ? { name: createError } : {}} labels={{ name: a.name }} />
          <Field name="name" label={a.name} value={createFailed?.value ?? ''} error={createError} maxlength={TEAM_NAME_MAX} autocomplete="off" required />
          <button type="submit" class="button">
            {a.createSubmit}
          </button>
        </form>
      </section>
    </Layout>
  );
}
