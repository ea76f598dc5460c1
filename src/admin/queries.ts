import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { OrgScope } from '../auth/scope.js';
import type { TeamRole } from '../auth/current-user.js';
import { createUser } from '../auth/queries.js';
import { normaliseEmail } from '../auth/logic.js';
import type { AdminUserRow, AuditDossier, AuditRow, AuditTargetText, TeamRow, UserStatus } from './model.js';
import { visibleHouseholds } from '../households/access.js';
import { targetKey } from './logic.js';

/**
 * Queries of the administrator's screens. Every function takes the administrator's OrgScope and
 * restricts itself to that organisation: an id of another organisation is "not found" (undefined
 * or false), so the route answers 404 and nothing is written.
 */

const userColumns = [
  'app_user.id',
  'app_user.display_name',
  'app_user.email',
  'app_user.is_admin',
  'app_user.is_policy',
  'app_user.locale',
  'app_user.totp_enabled_at',
  'app_user.password_hash',
  'app_user.disabled_at',
  'app_user.created_at',
] as const;

function statusOf(row: { disabled_at: number | null; password_hash: string | null }): UserStatus {
  if (row.disabled_at !== null) return 'disabled';
  return row.password_hash === null ? 'invited' : 'active';
}

async function membershipsOf(db: Kysely<Database>, scope: OrgScope, userIds: number[]) {
  if (!userIds.length) return [];
  return db
    .selectFrom('team_membership')
    .innerJoin('team', 'team.id', 'team_membership.team_id')
    .select(['team_membership.user_id', 'team_membership.team_id', 'team_membership.role', 'team.name'])
    .where('team.organisation_id', '=', scope.organisationId)
    .where('team_membership.user_id', 'in', userIds)
    .orderBy('team.name')
    .execute();
}

export async function listUsers(db: Kysely<Database>, scope: OrgScope): Promise<AdminUserRow[]> {
  const rows = await db
    .selectFrom('app_user')
    .select(userColumns)
    .where('organisation_id', '=', scope.organisationId)
    .orderBy('display_name')
    .orderBy('id')
    .execute();
  const memberships = await membershipsOf(
    db,
    scope,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    email: r.email,
    isAdmin: r.is_admin === 1,
    isPolicy: r.is_policy === 1,
    locale: r.locale,
    twoFactorEnabled: r.totp_enabled_at !== null,
    status: statusOf(r),
    createdAt: r.created_at,
    memberships: memberships.filter((m) => m.user_id === r.id).map((m) => ({ teamId: m.team_id, teamName: m.name, role: m.role })),
  }));
}

export async function findUser(db: Kysely<Database>, scope: OrgScope, userId: number): Promise<AdminUserRow | undefined> {
  const r = await db.selectFrom('app_user').select(userColumns).where('id', '=', userId).where('organisation_id', '=', scope.organisationId).executeTakeFirst();
  if (!r) return undefined;
  const memberships = await membershipsOf(db, scope, [r.id]);
  return {
    id: r.id,
    displayName: r.display_name,
    email: r.email,
    isAdmin: r.is_admin === 1,
    isPolicy: r.is_policy === 1,
    locale: r.locale,
    twoFactorEnabled: r.totp_enabled_at !== null,
    status: statusOf(r),
    createdAt: r.created_at,
    memberships: memberships.map((m) => ({ teamId: m.team_id, teamName: m.name, role: m.role })),
  };
}

export async function countSessions(db: Kysely<Database>, scope: OrgScope, userId: number): Promise<number> {
  const row = await db
    .selectFrom('user_session')
    .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_session.user_id', '=', userId)
    .where('app_user.organisation_id', '=', scope.organisationId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** E-mail addresses are unique over the whole instance (they are the sign-in name). */
export async function emailInUse(db: Kysely<Database>, email: string): Promise<boolean> {
  const row = await db.selectFrom('app_user').select('id').where('email', '=', normaliseEmail(email)).executeTakeFirst();
  return row !== undefined;
}

/** Administrators other than `userId` who can actually sign in: not disabled, password chosen. */
export async function countOtherActiveAdmins(db: Kysely<Database>, scope: OrgScope, userId: number): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', scope.organisationId)
    .where('is_admin', '=', 1)
    .where('disabled_at', 'is', null)
    .where('password_hash', 'is not', null)
    .where('id', '!=', userId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function createInvitedUser(
  db: Kysely<Database>,
  scope: OrgScope,
  u: { email: string; displayName: string; isAdmin: boolean; locale: string; roles: Map<number, TeamRole | null> },
  now: number,
): Promise<number> {
  // No password: the account can only be used after the invitation link has been followed.
  const id = await createUser(
    db,
    { organisationId: scope.organisationId, email: u.email, displayName: u.displayName, passwordHash: null, isAdmin: u.isAdmin, locale: u.locale },
    now,
  );
  await setTeamRoles(db, scope, id, u.roles);
  return id;
}

/**
 * Applies the chosen role per team (null: not a member). Only teams of the scope's organisation
 * are touched; teams missing from `roles` keep their membership. Returns whether anything changed.
 */
export async function setTeamRoles(db: Kysely<Database>, scope: OrgScope, userId: number, roles: Map<number, TeamRole | null>): Promise<boolean> {
  if (!roles.size) return false;
  const teamIds = (
    await db
      .selectFrom('team')
      .select('id')
      .where('organisation_id', '=', scope.organisationId)
      .where('id', 'in', [...roles.keys()])
      .execute()
  ).map((t) => t.id);
  if (!teamIds.length) return false;
  const current = new Map(
    (await db.selectFrom('team_membership').select(['team_id', 'role']).where('user_id', '=', userId).where('team_id', 'in', teamIds).execute()).map((m) => [
      m.team_id,
      m.role,
    ]),
  );
  let changed = false;
  for (const teamId of teamIds) {
    const wanted = roles.get(teamId) ?? null;
    const had = current.get(teamId) ?? null;
    if (wanted === had) continue;
    changed = true;
    if (wanted === null) {
      await db.deleteFrom('team_membership').where('team_id', '=', teamId).where('user_id', '=', userId).execute();
    } else if (had === null) {
      await db.insertInto('team_membership').values({ team_id: teamId, user_id: userId, role: wanted }).execute();
    } else {
      await db.updateTable('team_membership').set({ role: wanted }).where('team_id', '=', teamId).where('user_id', '=', userId).execute();
    }
  }
  return changed;
}

export async function updateUserDetails(
  db: Kysely<Database>,
  scope: OrgScope,
  userId: number,
  u: { displayName: string; isAdmin: boolean; isPolicy: boolean },
  now: number,
): Promise<boolean> {
  const res = await db
    .updateTable('app_user')
    .set({ display_name: u.displayName, is_admin: u.isAdmin ? 1 : 0, is_policy: u.isPolicy ? 1 : 0, updated_at: now })
    .where('id', '=', userId)
    .where('organisation_id', '=', scope.organisationId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

async function deleteSessions(db: Kysely<Database>, userId: number, exceptSessionId: string | null) {
  let q = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  await q.execute();
}

/**
 * Disables the account and ends all its sessions in the same transaction: the next request with
 * an old cookie finds no session. Open invitation/reset links are spent too, so re-enabling an
 * account later does not bring an old link back to life.
 */
export async function disableUser(db: Kysely<Database>, scope: OrgScope, userId: number, now: number): Promise<boolean> {
  const res = await db
    .updateTable('app_user')
    .set({ disabled_at: now, updated_at: now })
    .where('id', '=', userId)
    .where('organisation_id', '=', scope.organisationId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  await deleteSessions(db, userId, null);
  await db.updateTable('user_token').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
  return true;
}

export async function enableUser(db: Kysely<Database>, scope: OrgScope, userId: number, now: number): Promise<boolean> {
  const res = await db
    .updateTable('app_user')
    .set({ disabled_at: null, updated_at: now })
    .where('id', '=', userId)
    .where('organisation_id', '=', scope.organisationId)
    .where('disabled_at', 'is not', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Ends every session of the user; the administrator's own current session survives when they target themselves. */
export async function endUserSessions(db: Kysely<Database>, scope: OrgScope, userId: number, keepSessionId: string | null): Promise<boolean> {
  const user = await db.selectFrom('app_user').select('id').where('id', '=', userId).where('organisation_id', '=', scope.organisationId).executeTakeFirst();
  if (!user) return false;
  await deleteSessions(db, userId, keepSessionId);
  return true;
}

/**
 * For a lost phone: the key, the replay counter and the recovery codes go, and so do the
 * sessions (a thief holding the phone may also hold a signed-in browser). The person sets up a
 * new key at the next sign-in when the organisation requires it.
 */
export async function resetTwoFactor(db: Kysely<Database>, scope: OrgScope, userId: number, keepSessionId: string | null, now: number): Promise<boolean> {
  const res = await db
    .updateTable('app_user')
    .set({ totp_key: null, totp_enabled_at: null, totp_last_counter: null, updated_at: now })
    .where('id', '=', userId)
    .where('organisation_id', '=', scope.organisationId)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  await db.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
  await deleteSessions(db, userId, keepSessionId);
  return true;
}

// ---------------------------------------------------------------- teams

export async function listTeams(db: Kysely<Database>, scope: OrgScope): Promise<TeamRow[]> {
  const teams = await db.selectFrom('team').select(['id', 'name']).where('organisation_id', '=', scope.organisationId).orderBy('name').orderBy('id').execute();
  if (!teams.length) return [];
  const members = await db
    .selectFrom('team_membership')
    .innerJoin('app_user', 'app_user.id', 'team_membership.user_id')
    .select(['team_membership.team_id', 'team_membership.role', 'app_user.id', 'app_user.display_name', 'app_user.disabled_at', 'app_user.password_hash'])
    .where('app_user.organisation_id', '=', scope.organisationId)
    .where(
      'team_membership.team_id',
      'in',
      teams.map((t) => t.id),
    )
    .orderBy('app_user.display_name')
    .execute();
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    members: members.filter((m) => m.team_id === t.id).map((m) => ({ userId: m.id, displayName: m.display_name, role: m.role, status: statusOf(m) })),
  }));
}

export async function findTeam(db: Kysely<Database>, scope: OrgScope, teamId: number) {
  return db.selectFrom('team').select(['id', 'name']).where('id', '=', teamId).where('organisation_id', '=', scope.organisationId).executeTakeFirst();
}

/** Team names are unique per organisation, ignoring case ("Team Noord" and "team noord" would confuse). */
export async function teamNameTaken(db: Kysely<Database>, scope: OrgScope, name: string, exceptTeamId?: number): Promise<boolean> {
  let q = db
    .selectFrom('team')
    .select('id')
    .where('organisation_id', '=', scope.organisationId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptTeamId !== undefined) q = q.where('id', '!=', exceptTeamId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function createTeam(db: Kysely<Database>, scope: OrgScope, name: string, now: number): Promise<number> {
  const row = await db.insertInto('team').values({ organisation_id: scope.organisationId, name, created_at: now }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function renameTeam(db: Kysely<Database>, scope: OrgScope, teamId: number, name: string): Promise<boolean> {
  const res = await db.updateTable('team').set({ name }).where('id', '=', teamId).where('organisation_id', '=', scope.organisationId).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------- organisation

export async function getOrganisation(db: Kysely<Database>, scope: OrgScope) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'require_two_factor', 'sensitive_visibility'])
    .where('id', '=', scope.organisationId)
    .executeTakeFirstOrThrow();
}

export async function updateOrganisation(
  db: Kysely<Database>,
  scope: OrgScope,
  o: { name: string; requireTwoFactor: boolean; sensitiveVisibility: 'team' | 'assigned' },
) {
  await db
    .updateTable('organisation')
    .set({ name: o.name, require_two_factor: o.requireTwoFactor ? 1 : 0, sensitive_visibility: o.sensitiveVisibility })
    .where('id', '=', scope.organisationId)
    .execute();
}

// ---------------------------------------------------------------- audit log

export const AUDIT_PAGE_SIZE = 50;

/** One page of the organisation's audit log, newest first. Actors are named only when they belong to the same organisation. */
export async function auditPage(db: Kysely<Database>, scope: OrgScope, page: number, pageSize = AUDIT_PAGE_SIZE): Promise<{ rows: AuditRow[]; total: number }> {
  const totalRow = await db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', scope.organisationId)
    .executeTakeFirst();
  const rows = await db
    .selectFrom('audit_event')
    .leftJoin('app_user as actor', (join) => join.onRef('actor.id', '=', 'audit_event.actor_user_id').on('actor.organisation_id', '=', scope.organisationId))
    .leftJoin('api_client', (join) => join.onRef('api_client.id', '=', 'audit_event.api_client_id').on('api_client.organisation_id', '=', scope.organisationId))
    .select([
      'api_client.name as api_client_name',
      'audit_event.route',
      'audit_event.id',
      'audit_event.at',
      'audit_event.action',
      'audit_event.target_type',
      'audit_event.target_id',
      'audit_event.outcome',
      'actor.display_name as actor_name',
    ])
    .where('audit_event.organisation_id', '=', scope.organisationId)
    .orderBy('audit_event.at', 'desc')
    .orderBy('audit_event.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    total: Number(totalRow?.n ?? 0),
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorName: r.actor_name,
      apiClientName: r.api_client_name,
      route: r.route,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      outcome: r.outcome,
    })),
  };
}

/** The organisation's teams, id and name only (for the role choices on the user forms). */
export async function teamChoices(db: Kysely<Database>, scope: OrgScope): Promise<{ id: number; name: string }[]> {
  return db.selectFrom('team').select(['id', 'name']).where('organisation_id', '=', scope.organisationId).orderBy('name').orderBy('id').execute();
}

/**
 * Words for the targets of a page of the audit log, read with the viewer's own scope: client-file
 * records only from households the viewer may open (visibleHouseholds), everything else only from
 * the viewer's organisation. What is not found that way (another organisation's id, another team's
 * household, a record since gone) stays its kind and id (AuditTargetText 'plain').
 */
export async function describeTargets(db: Kysely<Database>, scope: OrgScope, rows: AuditRow[]): Promise<Map<string, AuditTargetText>> {
  const ids = (type: string) => [
    ...new Set(rows.filter((r) => r.targetType === type && r.targetId && /^\d{1,15}$/.test(r.targetId)).map((r) => Number(r.targetId))),
  ];
  const out = new Map<string, AuditTargetText>();
  const visible = visibleHouseholds(db, scope).select('household.id');
  const dossier = (r: { household_id: number; dossier_ref: string | null }): AuditDossier => ({ id: r.household_id, dossierRef: r.dossier_ref });
  const of = async <T>(type: string, load: (list: number[]) => Promise<T[]>, describe: (row: T) => [number, AuditTargetText]) => {
    const list = ids(type);
    if (!list.length) return;
    for (const row of await load(list)) {
      const [id, text] = describe(row);
      out.set(targetKey(type, String(id)), text);
    }
  };
  await of(
    'household',
    (list) => db.selectFrom('household').select(['id as household_id', 'dossier_ref']).where('id', 'in', list).where('id', 'in', visible).execute(),
    (r) => [r.household_id, { kind: 'household', dossier: dossier(r) }],
  );
  await of(
    'household_member',
    (list) =>
      db
        .selectFrom('household_member as m')
        .innerJoin('household as h', 'h.id', 'm.household_id')
        .select(['m.id', 'm.household_id', 'h.dossier_ref'])
        .where('m.id', 'in', list)
        .where('h.id', 'in', visible)
        .execute(),
    (r) => [r.id, { kind: 'member', dossier: dossier(r) }],
  );
  await of(
    'balance',
    (list) =>
      db
        .selectFrom('balance as b')
        .innerJoin('household as h', 'h.id', 'b.household_id')
        .select(['b.id', 'b.taken_on', 'b.household_id', 'h.dossier_ref'])
        .where('b.id', 'in', list)
        .where('h.id', 'in', visible)
        .execute(),
    (r) => [r.id, { kind: 'balance', takenOn: r.taken_on, dossier: dossier(r) }],
  );
  await of(
    'gpmi',
    (list) =>
      db
        .selectFrom('gpmi as g')
        .innerJoin('household as h', 'h.id', 'g.household_id')
        .select(['g.id', 'g.household_id', 'h.dossier_ref'])
        .where('g.id', 'in', list)
        .where('h.id', 'in', visible)
        .execute(),
    (r) => [r.id, { kind: 'gpmi', dossier: dossier(r) }],
  );
  await of(
    'user',
    (list) => db.selectFrom('app_user').select(['id', 'display_name']).where('id', 'in', list).where('organisation_id', '=', scope.organisationId).execute(),
    (r) => [r.id, { kind: 'user', name: r.display_name }],
  );
  await of(
    'team',
    (list) => db.selectFrom('team').select(['id', 'name']).where('id', 'in', list).where('organisation_id', '=', scope.organisationId).execute(),
    (r) => [r.id, { kind: 'team', name: r.name }],
  );
  await of(
    'organisation',
    (list) => db.selectFrom('organisation').select(['id', 'name']).where('id', 'in', list).where('id', '=', scope.organisationId).execute(),
    (r) => [r.id, { kind: 'organisation', name: r.name }],
  );
  await of(
    'catalogue_version',
    (list) => db.selectFrom('catalogue_version').select(['id', 'number']).where('id', 'in', list).where('organisation_id', '=', scope.organisationId).execute(),
    (r) => [r.id, { kind: 'catalogueVersion', number: r.number }],
  );
  for (const [type, table, kind] of [
    ['catalogue_domain', 'catalogue_domain', 'catalogueDomain'],
    ['catalogue_theme', 'catalogue_theme', 'catalogueTheme'],
  ] as const) {
    await of(
      type,
      (list) =>
        db
          .selectFrom(table)
          .select(['id', 'name_nl', 'name_fr', 'name_en'])
          .where('id', 'in', list)
          .where('organisation_id', '=', scope.organisationId)
          .execute(),
      (r) => [r.id, { kind, name: { nl: r.name_nl, fr: r.name_fr, en: r.name_en } }],
    );
  }
  // A link for the client has a random id, not a number: described by its balance, never by the person.
  const invitations = [...new Set(rows.filter((r) => r.targetType === 'client_invitation' && r.targetId).map((r) => r.targetId!))];
  if (invitations.length) {
    const found = await db
      .selectFrom('client_invitation as i')
      .innerJoin('household as h', 'h.id', 'i.household_id')
      .innerJoin('balance as b', (join) => join.onRef('b.id', '=', 'i.balance_id').onRef('b.household_id', '=', 'h.id'))
      .select(['i.id', 'b.taken_on', 'i.household_id', 'h.dossier_ref'])
      .where('i.id', 'in', invitations)
      .where('i.organisation_id', '=', scope.organisationId)
      .where('h.id', 'in', visible)
      .execute();
    for (const r of found) out.set(targetKey('client_invitation', r.id), { kind: 'clientInvitation', takenOn: r.taken_on, dossier: dossier(r) });
  }
  for (const r of rows) {
    const key = targetKey(r.targetType, r.targetId);
    if (r.targetType && !out.has(key)) out.set(key, { kind: 'plain', type: r.targetType, id: r.targetId });
  }
  return out;
}
