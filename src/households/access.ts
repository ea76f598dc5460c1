import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.js';
import type { OrgScope } from '../auth/scope.js';

// Who may see and change a household (docs/permissions-households.md):
//  - a household belongs to one team of one organisation;
//  - the workers (maatschappelijk werkers) and leads (teamverantwoordelijken) of that team may open
//    and change it; so may those of another team only after it is moved to their team;
//  - being a beheerder (administrator) gives no access to client files: a beheerder who is not in
//    the team gets the same 404 as anyone else;
//  - another organisation's household, another team's household, and an id that does not exist all
//    answer 404 with the same page, so an id tells nothing about what exists.
//
// Every household query starts from visibleHouseholds() (members: visibleMembers()), which
// filters on organisation AND the user's teams; a route cannot forget the scope because there is
// no other way in. The one deliberate exception is dossierRefInUse() below.

type Db = Kysely<Database>;

/** The households the scope may see. Start every household read or write from this. */
export function visibleHouseholds(db: Db, scope: OrgScope) {
  return (
    db
      .selectFrom('household')
      .where('household.organisation_id', '=', scope.organisationId)
      // No team: nothing. (An empty IN () is not valid SQL, so say "false" explicitly.)
      .where((eb) => (scope.teamIds.length ? eb('household.team_id', 'in', scope.teamIds) : sql<SqlBool>`1 = 0`))
  );
}

/**
 * Members of the households the scope may see (former members included); with `householdIds`, of
 * those households only. The list goes inside, on the households: given beside it, PostgreSQL
 * walked every household of the team to find a page's sixteen (its estimate of the scope's rows
 * is far too low), 0.5 ms where looking up the sixteen takes 0.1.
 */
export function visibleMembers(db: Db, scope: OrgScope, householdIds?: readonly number[]) {
  let households = visibleHouseholds(db, scope).select('household.id');
  if (householdIds) households = households.where('household.id', 'in', householdIds);
  return db.selectFrom('household_member').where('household_member.household_id', 'in', households);
}

/** The caseload and "new household" need at least one team; without one there is nothing to show. */
export function mayUseCaseload(scope: OrgScope): boolean {
  return scope.teamIds.length > 0;
}

/** A household can be created in, or moved to, a team the user works in. */
export function mayPlaceInTeam(scope: OrgScope, teamId: number): boolean {
  return scope.teamIds.includes(teamId);
}

/**
 * Dossier numbers are unique in the whole organisation (they are the client software's numbers),
 * so this check looks beyond the user's teams. It answers only yes or no, never which household
 * or team: that a number is taken is all the user learns, and they need to learn it to fix a typo.
 */
export async function dossierRefInUse(db: Db, scope: OrgScope, ref: string, exceptHouseholdId?: number): Promise<boolean> {
  let q = db.selectFrom('household').select('id').where('organisation_id', '=', scope.organisationId).where('dossier_ref', '=', ref);
  if (exceptHouseholdId !== undefined) q = q.where('id', '!=', exceptHouseholdId);
  return (await q.executeTakeFirst()) !== undefined;
}
