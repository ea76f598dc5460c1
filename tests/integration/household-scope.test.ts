import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import * as fx from '../support/fixtures.js';
import type { OrgScope } from '../../src/auth/scope.js';
import { householdScoped, type HouseholdVariables } from '../../src/households/scoped.js';
import { visibleMembers } from '../../src/households/access.js';
import type { ScopedEnv } from '../../src/http/env.js';
import { messagesFor } from '../../src/i18n/index.js';

// householdScoped (src/households/scoped.ts) is the one way into a client file, and it asks only
// for a scope on the context: a caller that is not a signed-in user (an API client, a client's
// one-time link) goes through the same lookup and the same audited 404. Here such a caller is a
// bare scope, without user or session.

let t: TestApp;
let household: number;
let scope: OrgScope;
let stranger: OrgScope;

beforeEach(async () => {
  t = await makeTestApp();
  const org = await t.organisation('OCMW A');
  const team = await t.team(org, 'Team Noord');
  const client = await t.user(org, { email: 'api@a.be' });
  scope = { organisationId: org, userId: client, isAdmin: false, teamIds: [team], leadTeamIds: [], sensitiveVisibility: 'team' };
  household = (await fx.household(t.db, t.now(), scope, { members: [{ firstName: 'Sara', lastName: 'Peeters' }] })).id;
  stranger = { ...scope, teamIds: [] };
});
afterEach(async () => t.close());

function appFor(s: OrgScope) {
  const app = new Hono<{ Variables: ScopedEnv['Variables'] & HouseholdVariables }>();
  app.use(async (c, next) => {
    c.set('deps', t.deps);
    c.set('requestId', 'req-scope-test');
    c.set('locale', 'nl');
    c.set('t', messagesFor('nl'));
    c.set('user', null);
    c.set('scope', s);
    await next();
  });
  const file = new Hono<{ Variables: ScopedEnv['Variables'] & HouseholdVariables }>()
    .use(householdScoped)
    .get('/', (c) => c.text(`household ${c.get('household').id}, hidden ${c.get('hideSensitive')}`))
    .get('/things/:thingId', (c) => c.notFound());
  app.route('/households/:householdId', file);
  return app;
}

const denied = () =>
  t.db.selectFrom('audit_event').select(['action', 'actor_user_id', 'target_type', 'target_id', 'outcome']).where('action', '=', 'access.denied').execute();

describe('householdScoped for a caller that is only a scope', () => {
  it('finds the household in the scope and hands it to the route', async () => {
    const res = await appFor(scope).request(`/households/${household}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(`household ${household}, hidden false`);
    expect(await denied()).toEqual([]);
  });

  it('answers a household outside the scope with a 404, audited once as access.denied for that caller', async () => {
    const res = await appFor(stranger).request(`/households/${household}`);
    expect(res.status).toBe(404);
    expect(await denied()).toEqual([
      { action: 'access.denied', actor_user_id: scope.userId, target_type: 'household', target_id: String(household), outcome: 'denied' },
    ]);
  });

  it('audits a 404 that a route below returns, once, without the route writing anything', async () => {
    const res = await appFor(scope).request(`/households/${household}/things/12`);
    expect(res.status).toBe(404);
    expect(await denied()).toHaveLength(1);
  });
});

describe('visibleMembers of listed households', () => {
  it('gives the members of the listed households the scope may see, and the list narrows the households themselves', async () => {
    const other = (await fx.household(t.db, t.now(), scope, { members: [{ firstName: 'Omar', lastName: 'Bakker' }] })).id;
    const names = async (s: OrgScope, ids: number[]) =>
      (await visibleMembers(t.db, s, ids).select('household_member.first_name').orderBy('household_member.first_name').execute()).map((m) => m.first_name);
    expect(await names(scope, [household])).toEqual(['Sara']);
    expect(await names(scope, [household, other])).toEqual(['Omar', 'Sara']);
    expect(await names(scope, [])).toEqual([]);
    // A listed household outside the scope adds nothing.
    expect(await names(stranger, [household, other])).toEqual([]);
    // The list is a condition on the scope's households, where PostgreSQL's planner looks the
    // households up by id; beside them it walked all of a team's households (src/households/access.ts).
    const compiled = visibleMembers(t.db, scope, [household]).select('household_member.id').compile().sql;
    expect(compiled).toMatch(/in \(select "household"\."id" from "household" where .*"household"\."id" (in \(|= any\()/);
  });
});
