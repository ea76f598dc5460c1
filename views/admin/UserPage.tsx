import type { Ui } from '../../src/http/ui.js';
import type { AdminUserRow } from '../../src/admin/model.js';
import { formatDateTime } from '../../src/i18n/format.js';
import { Layout } from '../layouts/Layout.js';
import { ErrorSummary, Field } from '../components/form.js';
import { sayAll } from '../../src/http/form-errors.js';
import { NAME_MAX, type AdminErrors, type UserEditValues } from '../../src/admin/forms.js';
import { AdminNav } from './AdminNav.js';
import { CheckboxField, TeamRoleFields, teamField, type RoleChoice } from './fields.js';
import { roleWords, statusText } from './UsersPage.js';

/** Which of the page's forms failed: each gets its own error summary, only one is shown. */
export type UserPageErrors = { form: 'edit' | 'access'; errors: AdminErrors };

export function rolesOf(user: AdminUserRow): Record<number, RoleChoice> {
  return Object.fromEntries(user.memberships.map((m) => [m.teamId, m.role]));
}

export function UserPage(p: {
  ui: Ui;
  user: AdminUserRow;
  sessions: number;
  teams: { id: number; name: string }[];
  values?: UserEditValues;
  failed?: UserPageErrors;
  notice?: string | undefined;
}) {
  const { ui, user } = p;
  const { t } = ui;
  const a = t.admin.users;
  const u = t.admin.user;
  const editErrors = sayAll(t.admin.errors, p.failed?.form === 'edit' ? p.failed.errors : undefined);
  const accessErrors = sayAll(t.admin.errors, p.failed?.form === 'access' ? p.failed.errors : undefined);
  const values: UserEditValues = p.values ?? { display_name: user.displayName, is_admin: user.isAdmin, is_policy: user.isPolicy, roles: rolesOf(user) };
  const labels: Record<string, string> = { display_name: a.name, is_admin: a.isAdmin };
  for (const team of p.teams) labels[teamField(team.id)] = a.teamRoleLegend(team.name);
  const roles = roleWords(t, user);
  const self = ui.user?.id === user.id;
  return (
    <Layout ui={ui} title={user.displayName}>
      <AdminNav ui={ui} />
      <h1>
        {user.displayName}
        {self && <> {a.you}</>}
      </h1>
      {p.notice && (
        <p class="alert alert--success" role="status">
          {p.notice}
        </p>
      )}
      <dl class="replay-fields">
        <dt>{a.email}</dt>
        <dd>{user.email}</dd>
        <dt>{a.status}</dt>
        <dd>{statusText(t, user.status)}</dd>
        <dt>{a.roles}</dt>
        <dd>{roles.length ? roles.join(', ') : a.noRole}</dd>
        <dt>{a.twoFactor}</dt>
        <dd>{user.twoFactorEnabled ? a.on : a.off}</dd>
        <dt>{u.created}</dt>
        <dd>{formatDateTime(user.createdAt)}</dd>
        <dt>{u.sessions}</dt>
        <dd>{p.sessions}</dd>
      </dl>

      <section aria-labelledby="edit-title" class="card">
        <h2 id="edit-title">{u.editTitle}</h2>
        <form method="post" action={`/admin/users/${user.id}`} novalidate>
          <ErrorSummary t={t} errors={editErrors} labels={labels} />
          <Field
            name="display_name"
            label={a.name}
            value={values.display_name}
            error={editErrors.display_name}
            autocomplete="off"
            maxlength={NAME_MAX}
            required
          />
          <CheckboxField name="is_admin" label={a.isAdmin} hint={a.isAdminHint} checked={values.is_admin} error={editErrors.is_admin} />
          <CheckboxField name="is_policy" label={t.figures.roles.policy} hint={t.figures.roles.policyHint} checked={values.is_policy} />
          <TeamRoleFields t={t} teams={p.teams} values={values.roles} errors={editErrors} />
          <button type="submit" class="button">
            {u.editSubmit}
          </button>
        </form>
      </section>

      <section aria-labelledby="access-title" class="card">
        <h2 id="access-title">{u.accessTitle}</h2>
        <ErrorSummary t={t} errors={accessErrors} labels={{}} />
        {user.status === 'disabled' ? (
          <Action action={`/admin/users/${user.id}/enabling`} id="field-enable" text={u.enable} label={u.enableLabel(user.displayName)} hint={u.enableHint} />
        ) : (
          <Action
            action={`/admin/users/${user.id}/disabling`}
            id="field-disable"
            text={u.disable}
            label={u.disableLabel(user.displayName)}
            hint={u.disableHint}
            danger
          />
        )}
        {user.status !== 'disabled' && (
          <Action
            action={`/admin/users/${user.id}/session-ending`}
            id="field-sessions"
            text={u.endSessions}
            label={u.endSessionsLabel(user.displayName)}
            hint={u.endSessionsHint}
          />
        )}
        {user.status === 'invited' && (
          <Action
            action={`/admin/users/${user.id}/invitation`}
            id="field-invitation"
            text={u.newInvitation}
            label={u.newInvitationLabel(user.displayName)}
            hint={u.newInvitationHint}
          />
        )}
        {user.status === 'active' && (
          <Action
            action={`/admin/users/${user.id}/reset-link`}
            id="field-reset"
            text={u.resetLink}
            label={u.resetLinkLabel(user.displayName)}
            hint={u.resetLinkHint}
          />
        )}
        {user.twoFactorEnabled && (
          <Action
            action={`/admin/users/${user.id}/two-factor-reset`}
            id="field-two-factor"
            text={u.resetTwoFactor}
            label={u.resetTwoFactorLabel(user.displayName)}
            hint={u.resetTwoFactorHint}
            danger
          />
        )}
      </section>
    </Layout>
  );
}

/** One button in its own form, with a hint saying what happens. */
function Action(p: { action: string; id: string; text: string; label: string; hint: string; danger?: boolean }) {
  return (
    <form method="post" action={p.action} class="field">
      <p class="field__hint" id={`${p.id}-hint`}>
        {p.hint}
      </p>
      <button
        type="submit"
        id={p.id}
        class={p.danger ? 'button button--danger' : 'button button--secondary'}
        aria-label={p.label}
        aria-describedby={`${p.id}-hint`}
      >
        {p.text}
      </button>
    </form>
  );
}
