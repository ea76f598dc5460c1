import type { Context } from 'hono';
import { inOrganisation } from '../db/organisation-scope.js';
import { createMiddleware } from 'hono/factory';
import { audit, type AuditTargetType } from '../audit/audit.js';
import { auditCaller } from '../audit/route-audit.js';
import type { ScopedEnv, SignedInEnv } from '../http/env.js';
import { renderError } from '../http/errors.js';
import { parseId } from '../http/params.js';
import { findHousehold } from './queries.js';
import type { Household } from './model.js';
import { hidesSensitive } from './sensitive.js';

// Everything under /households/:householdId is one client file. This middleware is the one way in
// (in the spirit of a "scoped" concern: resolve the parent record once, then every child route
// starts from it):
//  - it finds the household of the path within the caller's scope (findHousehold, which starts
//    from visibleHouseholds()), so no route below can forget the scope;
//  - it decides once whether this caller is shielded from sensitive domains (sensitive.ts);
//  - and it answers "not yours or not there" the same way everywhere: every 404 of a client file,
//    the household's own or one a route below returns for a member, balance or GPMI, is audited as
//    access.denied exactly once, here, after the route ran. A route simply returns notFound() and
//    cannot forget the audit row; probing for other teams' files shows up.
// It reads the scope from the context, not the user, so any caller that sets a scope goes through
// the same checks: a signed-in user and an API client (src/api/) through householdScoped, the
// household from the path; a client answering through a one-time link or a hand-over
// (src/client-voice, the household of the invitation) through enterHousehold. Under /api the 404
// is a problem document (renderError answers so for every /api path).

/** What the routes of a client file find on the context. */
export interface HouseholdVariables {
  household: Household;
  /** This caller may not see the sensitive domains of this household (hidesSensitive). */
  hideSensitive: boolean;
}

/** The context of a client-file route for a signed-in user. */
export interface HouseholdEnv {
  Variables: SignedInEnv['Variables'] & HouseholdVariables;
}

type ScopedHouseholdEnv = { Variables: ScopedEnv['Variables'] & HouseholdVariables };

const TARGET_TYPES: Record<string, AuditTargetType> = { households: 'household', members: 'household_member', balances: 'balance', gpmis: 'gpmi' };

/** The most specific record a client-file path names: /households/7/balances/9/plan → balance 9. */
export function clientTarget(path: string): { targetType: AuditTargetType; targetId?: string } {
  let target: { targetType: AuditTargetType; targetId?: string } = { targetType: 'household' };
  for (const m of path.matchAll(/\/(households|members|balances|gpmis)\/([^/]+)/g)) {
    const type = TARGET_TYPES[m[1]!]!;
    // Only a plausible id is recorded: never free text from the URL.
    target = /^\d{1,15}$/.test(m[2]!) ? { targetType: type, targetId: m[2]! } : { targetType: type };
  }
  return target;
}

async function auditDenied<E extends ScopedEnv>(c: Context<E>) {
  const { db, now } = c.get('deps');
  await audit(db, now(), { ...auditCaller(c), action: 'access.denied', ...clientTarget(c.req.path), outcome: 'denied' });
}

/**
 * The one way into a client file: finds household `id` with the caller's scope, sets `household` and
 * `hideSensitive`, runs the rest, and audits every 404 (the household's own, answered with
 * `notFound`, or one the rest returns) as access.denied.
 */
export async function enterHousehold<E extends { Variables: ScopedHouseholdEnv['Variables'] }>(
  c: Context<E>,
  id: number | null,
  next: () => Promise<void>,
  notFound: (c: Context<E>) => Response | Promise<Response> = (c) => renderError(c, 'notFound'),
): Promise<Response | void> {
  const scope = c.get('scope');
  // The client file is read and written in the caller's organisation, whoever the caller is: on
  // PostgreSQL the organisation wall (src/db/organisation-scope.ts) then holds below this point
  // even for a caller whose own middleware did not set it.
  return inOrganisation(scope.organisationId, async () => {
    const household = id === null ? undefined : await findHousehold(c.get('deps').db, scope, id);
    if (!household) {
      await auditDenied(c);
      return notFound(c);
    }
    c.set('household', household);
    c.set('hideSensitive', hidesSensitive(scope, household));
    await next();
    if (c.res.status === 404) await auditDenied(c);
    return undefined;
  });
}

/** Mount with `.use(householdScoped)` on the app for `/households/:householdId`. */
export const householdScoped = createMiddleware<ScopedHouseholdEnv>((c, next) => enterHousehold(c, parseId(c.req.param('householdId')), next));
