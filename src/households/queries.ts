import type { ExpressionBuilder, Kysely, Updateable } from 'kysely';
import type { Trx } from '../db/transaction.js';
import type { Database } from '../db/schema.js';
import type { OrgScope } from '../auth/scope.js';
import { mayPlaceInTeam, visibleHouseholds, visibleMembers } from './access.js';
import { buildSearchText, monthsBefore, pageCount, PAGE_SIZE, searchTokens, type CaseloadFilters } from './logic.js';
import type { HouseholdStatus } from './tables.js';
import type { CaseloadResult, Household, HouseholdValues, Member, MemberValues, TeamWithWorkers } from './model.js';

// Household queries. Plain functions taking `db` first (a transaction works too; the route owns
// it) and the OrgScope second. Every one starts from visibleHouseholds()/visibleMembers(), so a
// household outside the user's teams is simply not found. Rows become domain objects here only.

type Db = Kysely<Database>;

export type SaveResult = { status: 'saved' | 'unchanged' | 'notFound' } | { status: 'conflict' | 'closed'; current: Household };
/** A member save can also be refused because "in het gezin sinds" falls after a balance that has them (`balanceOn`). */
export type MemberSaveResult = SaveResult | { status: 'joinedAfterBalance'; balanceOn: string };

// ---------------------------------------------------------------- reading

/** The user's teams with the people a household in that team can be assigned to. */
export async function teamsWithWorkers(db: Db, scope: OrgScope): Promise<TeamWithWorkers[]> {
  if (!scope.teamIds.length) return [];
  const teams = await db
    .selectFrom('team')
    .select(['id', 'name'])
    .where('organisation_id', '=', scope.organisationId)
    .where('id', 'in', scope.teamIds)
    .orderBy('name')
    .execute();
  const people = await db
    .selectFrom('team_membership')
    .innerJoin('app_user', 'app_user.id', 'team_membership.user_id')
    .select(['team_membership.team_id', 'app_user.id', 'app_user.display_name'])
    .where('team_membership.team_id', 'in', scope.teamIds)
    .where('app_user.organisation_id', '=', scope.organisationId)
    .where('app_user.disabled_at', 'is', null)
    .orderBy('app_user.display_name')
    .orderBy('app_user.id')
    .execute();
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    workers: people.filter((p) => p.team_id === t.id).map((p) => ({ id: p.id, name: p.display_name })),
  }));
}

export async function caseload(db: Db, scope: OrgScope, f: CaseloadFilters, today = new Date().toISOString().slice(0, 10)): Promise<CaseloadResult> {
  // The date of the household's latest finalised balance (null without one).
  const lastBalance = (eb: ExpressionBuilder<Database, 'household'>) =>
    eb
      .selectFrom('balance')
      .select((b) => b.fn.max('balance.taken_on').as('last'))
      .whereRef('balance.household_id', '=', 'household.id')
      .where('balance.status', '=', 'final');
  let base = visibleHouseholds(db, scope);
  if (f.staleMonths !== null) {
    const cutoff = monthsBefore(today, f.staleMonths);
    base = base.where((eb) => eb.or([eb(lastBalance(eb), 'is', null), eb(lastBalance(eb), '<', cutoff)]));
  }
  if (f.teamId !== null) base = base.where('household.team_id', '=', f.teamId);
  if (f.status !== 'all') base = base.where('household.status', '=', f.status);
  if (f.mine) base = base.where('household.assigned_user_id', '=', scope.userId);
  // Tokens hold only letters, digits and spaces (normaliseForSearch), so no LIKE wildcard gets in.
  for (const token of searchTokens(f.q)) base = base.where('household.search_text', 'like', `%${token}%`);

  const byBalance = f.sort === 'balance_asc' || f.sort === 'balance_desc';
  const [column, direction] = {
    updated_desc: ['household.updated_at', 'desc'],
    updated_asc: ['household.updated_at', 'asc'],
    created_desc: ['household.created_at', 'desc'],
    created_asc: ['household.created_at', 'asc'],
    // Oldest balance first puts households without any balance at the very top (NULL sorts first).
    balance_asc: ['household.updated_at', 'asc'],
    balance_desc: ['household.updated_at', 'desc'],
  }[f.sort] as ['household.updated_at' | 'household.created_at', 'asc' | 'desc'];

  const pageOf = (page: number) =>
    base
      .innerJoin('team', 'team.id', 'household.team_id')
      .leftJoin('app_user', 'app_user.id', 'household.assigned_user_id')
      .select([
        'household.id',
        'household.dossier_ref',
        'household.status',
        'household.team_id',
        'team.name as team_name',
        'household.assigned_user_id',
        'app_user.display_name as assigned_name',
        'household.created_at',
        'household.updated_at',
      ])
      .$if(byBalance, (q) => q.orderBy((eb) => lastBalance(eb), direction))
      .orderBy(column, direction)
      .orderBy('household.id', direction)
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE)
      .execute();
  // The count and the asked page side by side (one round trip instead of two on PostgreSQL); only
  // a page beyond the last (an old link, a list that shrank) is read again, as the last page.
  const [counted, asked] = await Promise.all([base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(), pageOf(f.page)]);
  const total = Number(counted.n);
  const pages = pageCount(total);
  const page = Math.min(f.page, pages);
  const rows = page === f.page ? asked : await pageOf(page);

  const ids = rows.map((r) => r.id);
  const members = ids.length
    ? await visibleMembers(db, scope, ids)
        .select(['household_member.household_id', 'household_member.first_name'])
        .where('household_member.left_on', 'is', null)
        .orderBy('household_member.household_id')
        .orderBy('household_member.position')
        .execute()
    : [];

  return {
    total,
    page,
    pages,
    rows: rows.map((r) => ({
      id: r.id,
      dossierRef: r.dossier_ref,
      status: r.status,
      teamId: r.team_id,
      teamName: r.team_name,
      assignedUserId: r.assigned_user_id,
      assignedName: r.assigned_name,
      memberFirstNames: members.filter((m) => m.household_id === r.id).map((m) => m.first_name),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    })),
  };
}

/** The household with all its members (former ones too), or undefined when the scope may not see it. */
export async function findHousehold(db: Db, scope: OrgScope, id: number): Promise<Household | undefined> {
  // The household and its members are read side by side: each query holds the scope itself
  // (visibleHouseholds, visibleMembers), so neither shows anything the other would have refused,
  // and on PostgreSQL the two round trips overlap (SQLite runs them one after the other anyway).
  const [row, memberRows] = await Promise.all([
    visibleHouseholds(db, scope)
      .innerJoin('team', 'team.id', 'household.team_id')
      .leftJoin('app_user as assigned', 'assigned.id', 'household.assigned_user_id')
      .leftJoin('app_user as editor', 'editor.id', 'household.updated_by')
      .select([
        'household.id',
        'household.team_id',
        'team.name as team_name',
        'household.assigned_user_id',
        'assigned.display_name as assigned_name',
        'household.dossier_ref',
        'household.status',
        'household.closed_at',
        'household.revision',
        'household.created_at',
        'household.updated_at',
        'editor.display_name as updated_by_name',
      ])
      .where('household.id', '=', id)
      .executeTakeFirst(),
    visibleMembers(db, scope)
      .leftJoin('app_user as editor', 'editor.id', 'household_member.updated_by')
      .selectAll('household_member')
      .select('editor.display_name as updated_by_name')
      .where('household_member.household_id', '=', id)
      .orderBy('household_member.position')
      .orderBy('household_member.id')
      .execute(),
  ]);
  if (!row) return undefined;
  const members: Member[] = memberRows.map((m) => ({
    id: m.id,
    householdId: m.household_id,
    firstName: m.first_name,
    lastName: m.last_name,
    birthYear: m.birth_year,
    birthDate: m.birth_date,
    role: m.role,
    adultOverride: m.adult_override === null ? null : m.adult_override === 1,
    nationalNumber: m.national_number,
    joinedOn: m.joined_on,
    leftOn: m.left_on,
    position: m.position,
    revision: m.revision,
    updatedAt: m.updated_at,
    updatedByName: m.updated_by_name,
  }));
  const current = members.filter((m) => m.leftOn === null);
  const former = members.filter((m) => m.leftOn !== null).sort((a, b) => (a.leftOn! < b.leftOn! ? 1 : a.leftOn! > b.leftOn! ? -1 : 0));
  return {
    id: row.id,
    teamId: row.team_id,
    teamName: row.team_name,
    assignedUserId: row.assigned_user_id,
    assignedName: row.assigned_name,
    dossierRef: row.dossier_ref,
    status: row.status,
    closedAt: row.closed_at,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedByName: row.updated_by_name,
    members: [...current, ...former],
  };
}

// ---------------------------------------------------------------- writing

function memberColumns(v: MemberValues) {
  return {
    first_name: v.firstName,
    last_name: v.lastName,
    birth_year: v.birthYear,
    birth_date: v.birthDate,
    role: v.role,
    adult_override: v.adultOverride === null ? null : v.adultOverride ? 1 : 0,
    national_number: v.nationalNumber,
  };
}

/** Rebuilds the search column from the household's number and all its members' names. */
async function refreshHousehold(db: Db, scope: OrgScope, id: number, now: number): Promise<void> {
  const ref = await visibleHouseholds(db, scope).select('household.dossier_ref').where('household.id', '=', id).executeTakeFirst();
  if (!ref) return;
  const names = await visibleMembers(db, scope)
    .select(['household_member.first_name', 'household_member.last_name'])
    .where('household_member.household_id', '=', id)
    .orderBy('household_member.position')
    .execute();
  const searchText = buildSearchText(
    ref.dossier_ref,
    names.map((n) => ({ firstName: n.first_name, lastName: n.last_name })),
  );
  await db
    .updateTable('household')
    .set({ search_text: searchText, updated_at: now, updated_by: scope.userId })
    .where('id', '=', id)
    .where('id', 'in', visibleHouseholds(db, scope).select('household.id'))
    .execute();
}

/**
 * Creates a household with its first members. The team must be one of the user's (checked by the
 * route too; here it is a guard, so no caller can put a household where its creator cannot see it).
 */
export async function createHousehold(
  trx: Trx,
  scope: OrgScope,
  values: HouseholdValues,
  members: MemberValues[],
  today: string,
  now: number,
): Promise<number> {
  if (!mayPlaceInTeam(scope, values.teamId)) throw new Error('createHousehold: team outside the scope');
  const row = await trx
    .insertInto('household')
    .values({
      organisation_id: scope.organisationId,
      team_id: values.teamId,
      assigned_user_id: values.assignedUserId,
      dossier_ref: values.dossierRef,
      status: 'active',
      revision: 0,
      created_at: now,
      created_by: scope.userId,
      updated_at: now,
      updated_by: scope.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let position = 0;
  for (const m of members) {
    await trx
      .insertInto('household_member')
      .values({
        household_id: row.id,
        ...memberColumns(m),
        joined_on: m.joinedOn ?? today,
        position: position++,
        revision: 0,
        created_at: now,
        updated_at: now,
        updated_by: scope.userId,
      })
      .execute();
  }
  await refreshHousehold(trx, scope, row.id, now);
  return row.id;
}

function sameHouseholdValues(h: Household, v: HouseholdValues): boolean {
  return h.teamId === v.teamId && h.assignedUserId === v.assignedUserId && h.dossierRef === v.dossierRef;
}

/** Saves team, worker and dossier number if nobody changed them since `revision` (optimistic locking). */
export async function updateHousehold(trx: Trx, scope: OrgScope, id: number, revision: number, values: HouseholdValues, now: number): Promise<SaveResult> {
  const current = await findHousehold(trx, scope, id);
  if (!current) return { status: 'notFound' };
  if (current.status === 'closed') return { status: 'closed', current };
  // Someone saved in between, but exactly what this user wants: nothing to decide.
  if (sameHouseholdValues(current, values)) return { status: 'unchanged' };
  if (current.revision !== revision) return { status: 'conflict', current };
  if (!mayPlaceInTeam(scope, values.teamId)) throw new Error('updateHousehold: team outside the scope');
  const res = await trx
    .updateTable('household')
    .set((eb) => ({
      team_id: values.teamId,
      assigned_user_id: values.assignedUserId,
      dossier_ref: values.dossierRef,
      revision: eb('revision', '+', 1),
      updated_at: now,
      updated_by: scope.userId,
    }))
    .where('id', '=', id)
    .where('revision', '=', revision)
    .where('id', 'in', visibleHouseholds(trx, scope).select('household.id'))
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return { status: 'conflict', current: (await findHousehold(trx, scope, id)) ?? current };
  // The household may have moved to another team of the user: refresh through the same scope.
  await refreshHousehold(trx, scope, id, now);
  return { status: 'saved' };
}

/** Closes (or reopens) the dossier. Closing twice changes nothing. */
export async function setHouseholdStatus(
  trx: Trx,
  scope: OrgScope,
  id: number,
  status: HouseholdStatus,
  now: number,
): Promise<'saved' | 'unchanged' | 'notFound'> {
  const current = await findHousehold(trx, scope, id);
  if (!current) return 'notFound';
  if (current.status === status) return 'unchanged';
  await trx
    .updateTable('household')
    .set((eb) => ({
      status,
      closed_at: status === 'closed' ? now : null,
      // Forms opened before this moment must not save silently over a closed/reopened dossier.
      revision: eb('revision', '+', 1),
      updated_at: now,
      updated_by: scope.userId,
    }))
    .where('id', '=', id)
    .where('id', 'in', visibleHouseholds(trx, scope).select('household.id'))
    .execute();
  return 'saved';
}

export type AddResult = { status: 'added'; memberId: number } | { status: 'notFound' } | { status: 'closed'; current: Household };

export async function addMember(trx: Trx, scope: OrgScope, householdId: number, values: MemberValues, today: string, now: number): Promise<AddResult> {
  const current = await findHousehold(trx, scope, householdId);
  if (!current) return { status: 'notFound' };
  if (current.status === 'closed') return { status: 'closed', current };
  const position = current.members.reduce((max, m) => Math.max(max, m.position + 1), 0);
  const row = await trx
    .insertInto('household_member')
    .values({
      household_id: householdId,
      ...memberColumns(values),
      joined_on: values.joinedOn ?? today,
      position,
      revision: 0,
      created_at: now,
      updated_at: now,
      updated_by: scope.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await refreshHousehold(trx, scope, householdId, now);
  return { status: 'added', memberId: row.id };
}

function sameMemberValues(m: Member, v: MemberValues): boolean {
  return (
    m.firstName === v.firstName &&
    m.lastName === v.lastName &&
    m.birthYear === v.birthYear &&
    m.birthDate === v.birthDate &&
    m.role === v.role &&
    m.adultOverride === v.adultOverride &&
    m.nationalNumber === v.nationalNumber &&
    (v.joinedOn === undefined || m.joinedOn === v.joinedOn)
  );
}

/**
 * The date of the earliest balance (draft or finalised) that has this member as one of its people,
 * or null. A member cannot have joined after it: "in het gezin sinds" is bounded by it.
 */
export async function firstBalanceOfMember(db: Db, scope: OrgScope, householdId: number, memberId: number): Promise<string | null> {
  const row = await db
    .selectFrom('balance_subject')
    .innerJoin('balance', 'balance.id', 'balance_subject.balance_id')
    .select((eb) => eb.fn.min<string>('balance.taken_on').as('first'))
    .where('balance_subject.member_id', '=', memberId)
    .where('balance.household_id', '=', householdId)
    .where('balance.household_id', 'in', visibleHouseholds(db, scope).select('household.id'))
    .executeTakeFirst();
  return row?.first ?? null;
}

/** Saves a member if nobody changed them since `revision`. The member must belong to `householdId`. */
export async function updateMember(
  trx: Trx,
  scope: OrgScope,
  householdId: number,
  memberId: number,
  revision: number,
  values: MemberValues,
  now: number,
): Promise<MemberSaveResult> {
  const current = await findHousehold(trx, scope, householdId);
  const member = current?.members.find((m) => m.id === memberId);
  if (!current || !member) return { status: 'notFound' };
  if (current.status === 'closed') return { status: 'closed', current };
  if (sameMemberValues(member, values)) return { status: 'unchanged' };
  if (member.revision !== revision) return { status: 'conflict', current };
  // Checked here, in the transaction that writes, so a balance started meanwhile counts too.
  if (values.joinedOn !== undefined && values.joinedOn !== member.joinedOn) {
    const first = await firstBalanceOfMember(trx, scope, householdId, memberId);
    if (first !== null && values.joinedOn > first) return { status: 'joinedAfterBalance', balanceOn: first };
  }
  const columns = values.joinedOn === undefined ? memberColumns(values) : { ...memberColumns(values), joined_on: values.joinedOn };
  return writeMemberAtRevision(trx, scope, { householdId, memberId, revision, current }, columns, now);
}

/** Ends a membership on `leftOn`; the member stays in the household's history. */
export async function endMembership(
  trx: Trx,
  scope: OrgScope,
  householdId: number,
  memberId: number,
  revision: number,
  leftOn: string,
  now: number,
): Promise<SaveResult> {
  const current = await findHousehold(trx, scope, householdId);
  const member = current?.members.find((m) => m.id === memberId);
  if (!current || !member) return { status: 'notFound' };
  if (current.status === 'closed') return { status: 'closed', current };
  if (member.leftOn === leftOn) return { status: 'unchanged' };
  if (member.revision !== revision) return { status: 'conflict', current };
  return writeMemberAtRevision(trx, scope, { householdId, memberId, revision, current }, { left_on: leftOn }, now);
}

/**
 * Writes `columns` to a member only at the revision the user saw (and only in a visible household):
 * a concurrent save in between makes it a conflict, never an overwrite.
 */
async function writeMemberAtRevision(
  trx: Trx,
  scope: OrgScope,
  at: { householdId: number; memberId: number; revision: number; current: Household },
  columns: Updateable<Database['household_member']>,
  now: number,
): Promise<SaveResult> {
  const res = await trx
    .updateTable('household_member')
    .set((eb) => ({ ...columns, revision: eb('revision', '+', 1), updated_at: now, updated_by: scope.userId }))
    .where('id', '=', at.memberId)
    .where('household_id', '=', at.householdId)
    .where('revision', '=', at.revision)
    .where('household_id', 'in', visibleHouseholds(trx, scope).select('household.id'))
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return { status: 'conflict', current: (await findHousehold(trx, scope, at.householdId)) ?? at.current };
  await refreshHousehold(trx, scope, at.householdId, now);
  return { status: 'saved' };
}
