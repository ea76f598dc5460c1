import { Hono, type Context } from 'hono';
import type { SignedInEnv } from '../http/env.js';
import { field, readForm } from '../http/form.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { ui } from '../http/ui.js';
import { isLocale, type Locale, type Messages } from '../i18n/index.js';
import { auditChange, auditEvent } from '../audit/route-audit.js';
import { acrossOrganisations } from '../db/organisation-scope.js';
import { inTransaction } from '../db/transaction.js';
import { requireAdmin } from '../auth/middleware.js';
import { scope, type OrgScope } from '../auth/scope.js';
import { createUserToken } from '../auth/queries.js';
import { clearSessionCookie } from '../auth/sessions.js';
import { sendMail } from '../mail/mailer.js';
import { UsersPage } from '../../views/admin/UsersPage.js';
import { UserPage, type UserPageErrors } from '../../views/admin/UserPage.js';
import { LinkPage, type LinkKind, type MailOutcome } from '../../views/admin/LinkPage.js';
import { TeamsPage, type TeamsPageFailure } from '../../views/admin/TeamsPage.js';
import { SettingsPage } from '../../views/admin/SettingsPage.js';
import { AuditPage } from '../../views/admin/AuditPage.js';
import { leavesNoAdmin, pageCount, type RoleChoice } from './logic.js';
import { parseInvite, parseSettings, parseTeamName, parseUserEdit, type AdminErrors, type InviteValues, type UserEditValues } from './forms.js';
import { parseId, parsePage } from '../http/params.js';
import { apiClientAdminRoutes } from '../api/admin-routes.js';
import { ssoAdminRoutes } from '../sso/admin-routes.js';
import {
  AUDIT_PAGE_SIZE,
  auditPage,
  describeTargets,
  countOtherActiveAdmins,
  countSessions,
  createInvitedUser,
  createTeam,
  disableUser,
  emailInUse,
  enableUser,
  endUserSessions,
  findTeam,
  findUser,
  getOrganisation,
  listTeams,
  listUsers,
  renameTeam,
  resetTwoFactor,
  setTeamRoles,
  teamChoices,
  teamNameTaken,
  updateOrganisation,
  updateUserDetails,
} from './queries.js';
import type { AdminUserRow } from './model.js';

// The administrator's screens: users, teams, organisation settings and the audit log. Every
// route sits behind requireAdmin and every query is limited to the administrator's own
// organisation (scope(c)): an id of another organisation is a 404 and changes nothing.

// Every route below is behind requireAdmin (next line), hence SignedInEnv.
export const adminRoutes = new Hono<SignedInEnv>();
// Mounted at /admin (src/app.ts): requireAdmin runs for these paths only, never for a sibling's.
adminRoutes.use(requireAdmin);

adminRoutes.get('/', (c) => c.redirect('/admin/users', 303));

// Sections of other features, behind the same requireAdmin: API clients (src/api/) and single
// sign-on (src/sso/).
adminRoutes.route('/api-clients', apiClientAdminRoutes);
adminRoutes.route('/sso', ssoAdminRoutes);

// ---------------------------------------------------------------- users

async function usersPage(c: Context<SignedInEnv>, opts: { values?: InviteValues; errors?: AdminErrors; status?: 200 | 422 } = {}) {
  const { db } = c.get('deps');
  const s = scope(c);
  const [users, teams] = await Promise.all([listUsers(db, s), teamChoices(db, s)]);
  return render(c, () => <UsersPage ui={ui(c)} users={users} teams={teams} values={opts.values} errors={opts.errors} />, { status: opts.status ?? 200 });
}

adminRoutes.get('/users', (c) => usersPage(c));

adminRoutes.post('/users', async (c) => {
  const deps = c.get('deps');
  const s = scope(c);
  const fields = await readForm(c);
  const parsed = parseInvite(fields, await teamChoices(deps.db, s), c.get('locale'));
  if (!parsed.ok) return usersPage(c, { values: parsed.values, errors: parsed.errors, status: 422 });

  const now = deps.now();
  const { invite } = parsed;
  // The check and the insert share one transaction, so two administrators inviting the same
  // address at the same moment cannot both pass the check. An address is unique over the whole
  // instance (it is the sign-in name): the transaction sees every organisation's accounts, by name
  // (src/db/organisation-scope.ts), and so also holds back other organisations' writers meanwhile.
  const created = await acrossOrganisations('account-address', () =>
    inTransaction(deps.db, async (trx) => {
      if (await emailInUse(trx, invite.email)) return null;
      const id = await createInvitedUser(trx, s, invite, now);
      const token = await createUserToken(trx, id, 'invitation', now);
      await auditChange(c, trx, 'user.invited', { type: 'user', id: id });
      return { id, token };
    }),
  );
  if (!created) return usersPage(c, { values: parsed.values, errors: { email: 'emailTaken' }, status: 422 });

  const user = (await findUser(deps.db, s, created.id))!;
  const link = `${deps.config.publicOrigin}/password/${created.token}`;
  const mail = await mailLink(c, user, 'invitation', link);
  // Only a hash of the token is stored: this response is the one moment the link can be shown,
  // so it is rendered here (201 Created) instead of redirecting to a page that could not show it.
  return render(c, () => <LinkPage ui={ui(c)} kind="invited" userId={user.id} name={user.displayName} email={user.email} link={link} mail={mail} />, {
    status: 201,
    secret: true,
  });
});

async function mailLink(c: Context<SignedInEnv>, user: AdminUserRow, kind: 'invitation' | 'reset', link: string): Promise<MailOutcome> {
  const deps = c.get('deps');
  if (!deps.config.smtpUrl) return 'off';
  const locale: Locale = isLocale(user.locale) ? user.locale : 'nl';
  return (await sendMail(deps, { to: user.email, kind, link, locale })) ? 'sent' : 'failed';
}

const userNotices = (t: Messages): Record<string, string> => ({
  user: t.admin.user.saved,
  disabled: t.admin.user.disabled,
  enabled: t.admin.user.enabled,
  sessions: t.admin.user.sessionsEnded,
  twofactor: t.admin.user.twoFactorReset,
});

async function userPage(
  c: Context<SignedInEnv>,
  user: AdminUserRow,
  opts: { values?: UserEditValues; failed?: UserPageErrors; notice?: string | undefined; status?: 200 | 422 } = {},
) {
  const { db } = c.get('deps');
  const s = scope(c);
  const [teams, sessions] = await Promise.all([teamChoices(db, s), countSessions(db, s, user.id)]);
  return render(c, () => <UserPage ui={ui(c)} user={user} sessions={sessions} teams={teams} values={opts.values} failed={opts.failed} notice={opts.notice} />, {
    status: opts.status ?? 200,
  });
}

/** The user named by :id in the administrator's organisation, or undefined (the route then answers 404). */
async function targetUser(c: Context<SignedInEnv>): Promise<AdminUserRow | undefined> {
  const id = parseId(c.req.param('id'));
  return id === null ? undefined : findUser(c.get('deps').db, scope(c), id);
}

adminRoutes.get('/users/:id', async (c) => {
  const user = await targetUser(c);
  if (!user) return c.notFound();
  return userPage(c, user, { notice: userNotices(c.get('t'))[c.req.query('saved') ?? ''] });
});

adminRoutes.post('/users/:id', async (c) => {
  const deps = c.get('deps');
  const s = scope(c);
  const user = await targetUser(c);
  if (!user) return c.notFound();
  const fields = await readForm(c);
  const current: Record<number, RoleChoice> = Object.fromEntries(user.memberships.map((m) => [m.teamId, m.role]));
  const parsed = parseUserEdit(fields, await teamChoices(deps.db, s), current);
  const failed = (errors: AdminErrors) => userPage(c, user, { values: parsed.values, failed: { form: 'edit', errors }, status: 422 });
  if (!parsed.ok) return failed(parsed.errors);

  const { displayName, isAdmin, isPolicy, roles } = parsed.edit;
  const now = deps.now();
  const outcome = await inTransaction(deps.db, async (trx) => {
    if (user.isAdmin && !isAdmin) {
      const others = await countOtherActiveAdmins(trx, s, user.id);
      if (leavesNoAdmin({ actorId: s.userId, targetId: user.id, removesAdmin: true, otherActiveAdmins: others })) return 'last-admin' as const;
    }
    await updateUserDetails(trx, s, user.id, { displayName, isAdmin, isPolicy }, now);
    const teamsChanged = await setTeamRoles(trx, s, user.id, roles);
    const target = { type: 'user' as const, id: user.id };
    if (displayName !== user.displayName) await auditChange(c, trx, 'user.updated', target);
    if (isAdmin !== user.isAdmin || isPolicy !== user.isPolicy) await auditChange(c, trx, 'user.role_changed', target);
    if (teamsChanged) await auditChange(c, trx, 'user.teams_changed', target);
    return 'saved' as const;
  });
  if (outcome === 'last-admin') return failed({ is_admin: 'lastAdmin' });
  // Someone who just gave up their own administrator role may no longer see this page.
  if (user.id === s.userId && !isAdmin) return redirectAfterPost(c, '/');
  return redirectAfterPost(c, `/admin/users/${user.id}?saved=user`);
});

adminRoutes.post('/users/:id/disabling', async (c) => {
  const deps = c.get('deps');
  const s = scope(c);
  const user = await targetUser(c);
  if (!user) return c.notFound();
  const now = deps.now();
  const outcome = await inTransaction(deps.db, async (trx) => {
    const others = await countOtherActiveAdmins(trx, s, user.id);
    if (leavesNoAdmin({ actorId: s.userId, targetId: user.id, removesAdmin: user.isAdmin, otherActiveAdmins: others })) return 'last-admin' as const;
    if (!(await disableUser(trx, s, user.id, now))) return 'unchanged' as const;
    await auditChange(c, trx, 'user.disabled', { type: 'user', id: user.id });
    return 'disabled' as const;
  });
  if (outcome === 'last-admin') {
    return userPage(c, user, { failed: { form: 'access', errors: { disable: 'lastAdminDisable' } }, status: 422 });
  }
  if (user.id === s.userId) {
    // Disabled themselves (another administrator remains): their own session is gone too.
    clearSessionCookie(c, deps.config);
    return redirectAfterPost(c, '/signin');
  }
  return redirectAfterPost(c, `/admin/users/${user.id}?saved=disabled`);
});

adminRoutes.post('/users/:id/enabling', async (c) => {
  const deps = c.get('deps');
  const s = scope(c);
  const user = await targetUser(c);
  if (!user) return c.notFound();
  const now = deps.now();
  await inTransaction(deps.db, async (trx) => {
    if (!(await enableUser(trx, s, user.id, now))) return;
    await auditChange(c, trx, 'user.enabled', { type: 'user', id: user.id });
  });
  return redirectAfterPost(c, `/admin/users/${user.id}?saved=enabled`);
});

adminRoutes.post('/users/:id/session-ending', async (c) => {
  const deps = c.get('deps');
  const s = scope(c);
  const user = await targetUser(c);
  if (!user) return c.notFound();
  const now = deps.now();
  // On their own account the administrator keeps the session they are using right now.
  const keep = user.id === s.userId ? c.get('sessionId') : null;
  await inTransaction(deps.db, async (trx) => {
    await endUserSessions(trx, s, user.id, keep);
    await auditChange(c, trx, 'session.ended_by_admin', { type: 'user', id: user.id });
  });
  return redirectAfterPost(c, `/admin/users/${user.id}?saved=sessions`);
});

adminRoutes.post('/users/:id/two-factor-reset', async (c) => {
  const deps = c.get('deps');
  const s = scope(c);
  const user = await targetUser(c);
  if (!user) return c.notFound();
  const now = deps.now();
  const keep = user.id === s.userId ? c.get('sessionId') : null;
  await inTransaction(deps.db, async (trx) => {
    await resetTwoFactor(trx, s, user.id, keep, now);
    await auditChange(c, trx, 'twofactor.reset', { type: 'user', id: user.id });
  });
  return redirectAfterPost(c, `/admin/users/${user.id}?saved=twofactor`);
});

/** A new one-time link for the user, shown once (see POST /admin/users for why it is not a redirect). */
async function showNewLink(c: Context<SignedInEnv>, s: OrgScope, user: AdminUserRow, kind: Exclude<LinkKind, 'invited'>) {
  const deps = c.get('deps');
  const now = deps.now();
  const purpose = kind === 'reset' ? 'password_reset' : 'invitation';
  const token = await inTransaction(deps.db, async (trx) => {
    const token = await createUserToken(trx, user.id, purpose, now);
    await auditChange(c, trx, kind === 'reset' ? 'password.reset_link_created' : 'user.invitation_renewed', { type: 'user', id: user.id });
    return token;
  });
  const link = `${deps.config.publicOrigin}/password/${token}`;
  const mail = await mailLink(c, user, kind === 'reset' ? 'reset' : 'invitation', link);
  return render(c, () => <LinkPage ui={ui(c)} kind={kind} userId={user.id} name={user.displayName} email={user.email} link={link} mail={mail} />, {
    secret: true,
  });
}

adminRoutes.post('/users/:id/reset-link', async (c) => {
  const user = await targetUser(c);
  if (!user) return c.notFound();
  // A disabled account's links do not work (/password/:token refuses them): say so instead.
  if (user.status === 'disabled') return userPage(c, user, { failed: { form: 'access', errors: { enable: 'disabledNoLink' } }, status: 422 });
  return showNewLink(c, scope(c), user, 'reset');
});

adminRoutes.post('/users/:id/invitation', async (c) => {
  const user = await targetUser(c);
  if (!user) return c.notFound();
  if (user.status === 'disabled') return userPage(c, user, { failed: { form: 'access', errors: { enable: 'disabledNoLink' } }, status: 422 });
  if (user.status === 'active') return userPage(c, user, { failed: { form: 'access', errors: { reset: 'notInvited' } }, status: 422 });
  return showNewLink(c, scope(c), user, 'renewed');
});

// ---------------------------------------------------------------- teams

async function teamsPage(c: Context<SignedInEnv>, opts: { failed?: TeamsPageFailure; notice?: string | undefined; status?: 200 | 422 } = {}) {
  const teams = await listTeams(c.get('deps').db, scope(c));
  return render(c, () => <TeamsPage ui={ui(c)} teams={teams} failed={opts.failed} notice={opts.notice} />, { status: opts.status ?? 200 });
}

adminRoutes.get('/teams', (c) => {
  const t = c.get('t');
  const notices: Record<string, string> = { created: t.admin.teams.created, renamed: t.admin.teams.renamed };
  return teamsPage(c, { notice: notices[c.req.query('saved') ?? ''] });
});

adminRoutes.post('/teams', async (c) => {
  const deps = c.get('deps');
  const s = scope(c);
  const value = field(await readForm(c), 'name');
  const parsed = parseTeamName(value);
  if (!parsed.ok) return teamsPage(c, { failed: { form: 'create', value, error: parsed.error }, status: 422 });
  const now = deps.now();
  const created = await inTransaction(deps.db, async (trx) => {
    if (await teamNameTaken(trx, s, parsed.name)) return false;
    const id = await createTeam(trx, s, parsed.name, now);
    await auditChange(c, trx, 'team.created', { type: 'team', id: id });
    return true;
  });
  if (!created) return teamsPage(c, { failed: { form: 'create', value, error: 'teamNameTaken' }, status: 422 });
  return redirectAfterPost(c, '/admin/teams?saved=created');
});

adminRoutes.post('/teams/:id', async (c) => {
  const deps = c.get('deps');
  const s = scope(c);
  const id = parseId(c.req.param('id'));
  const team = id === null ? undefined : await findTeam(deps.db, s, id);
  if (!team) return c.notFound();
  const value = field(await readForm(c), 'name');
  const parsed = parseTeamName(value);
  if (!parsed.ok) return teamsPage(c, { failed: { form: 'rename', teamId: team.id, value, error: parsed.error }, status: 422 });
  if (parsed.name === team.name) return redirectAfterPost(c, '/admin/teams');
  const now = deps.now();
  const renamed = await inTransaction(deps.db, async (trx) => {
    if (await teamNameTaken(trx, s, parsed.name, team.id)) return false;
    await renameTeam(trx, s, team.id, parsed.name);
    await auditChange(c, trx, 'team.renamed', { type: 'team', id: team.id });
    return true;
  });
  if (!renamed) return teamsPage(c, { failed: { form: 'rename', teamId: team.id, value, error: 'teamNameTaken' }, status: 422 });
  return redirectAfterPost(c, '/admin/teams?saved=renamed');
});

// ---------------------------------------------------------------- organisation settings

adminRoutes.get('/settings', async (c) => {
  const org = await getOrganisation(c.get('deps').db, scope(c));
  const notice = c.req.query('saved') ? c.get('t').admin.settings.saved : undefined;
  return render(c, () => (
    <SettingsPage
      ui={ui(c)}
      values={{ name: org.name, require_two_factor: org.require_two_factor === 1, sensitive_visibility: org.sensitive_visibility }}
      notice={notice}
    />
  ));
});

adminRoutes.post('/settings', async (c) => {
  const deps = c.get('deps');
  const s = scope(c);
  const parsed = parseSettings(await readForm(c));
  if (!parsed.ok) return render(c, () => <SettingsPage ui={ui(c)} values={parsed.values} errors={parsed.errors} />, { status: 422 });
  const { name, requireTwoFactor } = parsed.settings;
  // A form without the choice (an older page still open) keeps what is set.
  const sensitiveVisibility = parsed.settings.sensitiveVisibility ?? (await getOrganisation(deps.db, s)).sensitive_visibility;
  const now = deps.now();
  await inTransaction(deps.db, async (trx) => {
    const before = await getOrganisation(trx, s);
    if (before.name === name && (before.require_two_factor === 1) === requireTwoFactor && before.sensitive_visibility === sensitiveVisibility) return;
    await updateOrganisation(trx, s, { name, requireTwoFactor, sensitiveVisibility });
    await auditChange(c, trx, 'organisation.settings_changed', { type: 'organisation', id: s.organisationId });
  });
  return redirectAfterPost(c, '/admin/settings?saved=1');
});

// ---------------------------------------------------------------- audit log (read-only)

adminRoutes.get('/audit', async (c) => {
  const page = parsePage(c.req.query('page'));
  const { db } = c.get('deps');
  const { rows, total } = await auditPage(db, scope(c), page, AUDIT_PAGE_SIZE);
  // Dossier numbers and balance dates of the client files this administrator may open are client data on screen: a read like any other.
  const targets = await describeTargets(db, scope(c), rows);
  await auditEvent(c, 'audit_log.viewed', { type: 'organisation', id: scope(c).organisationId });
  return render(c, () => <AuditPage ui={ui(c)} rows={rows} targets={targets} page={page} pages={pageCount(total, AUDIT_PAGE_SIZE)} />);
});
