import type { Ui } from '../../src/http/ui.js';
import type { Messages } from '../../src/i18n/index.js';
import type { AdminUserRow, UserStatus } from '../../src/admin/model.js';
import { Layout } from '../layouts/Layout.js';
import { ErrorSummary, Field } from '../components/form.js';
import { sayAll } from '../../src/http/form-errors.js';
import { EMAIL_MAX, NAME_MAX, type AdminErrors, type InviteValues } from '../../src/admin/forms.js';
import { AdminNav } from './AdminNav.js';
import { CheckboxField, LanguageField, TeamRoleFields, teamField } from './fields.js';

export function statusText(t: Messages, status: UserStatus): string {
  return { active: t.admin.users.statusActive, disabled: t.admin.users.statusDisabled, invited: t.admin.users.statusInvited }[status];
}

/** Roles in words: "Beheerder", "Maatschappelijk werker in Team Noord", ... */
export function roleWords(t: Messages, u: Pick<AdminUserRow, 'isAdmin' | 'memberships'> & { isPolicy?: boolean }): string[] {
  return [
    ...(u.isAdmin ? [t.roles.admin] : []),
    ...(u.isPolicy ? [t.figures.roles.policy] : []),
    ...u.memberships.map((m) => t.admin.users.roleInTeam(m.role === 'lead' ? t.roles.lead : t.roles.worker, m.teamName)),
  ];
}

export function UsersPage(p: { ui: Ui; users: AdminUserRow[]; teams: { id: number; name: string }[]; values?: InviteValues; errors?: AdminErrors }) {
  const { ui } = p;
  const { t } = ui;
  const a = t.admin.users;
  const errors = sayAll(t.admin.errors, p.errors);
  const values: InviteValues = p.values ?? { display_name: '', email: '', is_admin: false, locale: ui.locale, roles: {} };
  const labels: Record<string, string> = { display_name: a.name, email: a.email, is_admin: a.isAdmin, locale: a.language };
  for (const team of p.teams) labels[teamField(team.id)] = a.teamRoleLegend(team.name);
  return (
    <Layout ui={ui} title={a.title}>
      <AdminNav ui={ui} />
      <h1>{a.title}</h1>
      <p>{a.intro}</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{a.name}</th>
              <th scope="col">{a.email}</th>
              <th scope="col">{a.roles}</th>
              <th scope="col">{a.teams}</th>
              <th scope="col">{a.twoFactor}</th>
              <th scope="col">{a.status}</th>
            </tr>
          </thead>
          <tbody>
            {p.users.map((u) => {
              const roles = roleWords(t, u);
              return (
                <tr>
                  <th scope="row">
                    <a href={`/admin/users/${u.id}`}>{u.displayName}</a>
                    {u.id === ui.user?.id && <> {a.you}</>}
                  </th>
                  <td>{u.email}</td>
                  <td>{roles.length ? roles.join(', ') : a.noRole}</td>
                  <td>{u.memberships.length ? u.memberships.map((m) => m.teamName).join(', ') : a.noTeam}</td>
                  <td>{u.twoFactorEnabled ? a.on : a.off}</td>
                  <td>{statusText(t, u.status)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <section aria-labelledby="invite-title" class="card">
        <h2 id="invite-title">{a.inviteTitle}</h2>
        <form method="post" action="/admin/users" novalidate>
          <ErrorSummary t={t} errors={errors} labels={labels} />
          <p>{a.inviteIntro}</p>
          <Field name="display_name" label={a.name} value={values.display_name} error={errors.display_name} autocomplete="off" maxlength={NAME_MAX} required />
          <Field name="email" label={a.email} type="email" value={values.email} error={errors.email} autocomplete="off" maxlength={EMAIL_MAX} required />
          <CheckboxField name="is_admin" label={a.isAdmin} hint={a.isAdminHint} checked={values.is_admin} error={errors.is_admin} />
          <LanguageField t={t} value={values.locale} error={errors.locale} />
          <TeamRoleFields t={t} teams={p.teams} values={values.roles} errors={errors} />
          <button type="submit" class="button">
            {a.inviteSubmit}
          </button>
        </form>
      </section>
    </Layout>
  );
}
