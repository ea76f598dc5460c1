import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { acrossOrganisations, inOrganisation } from '../../src/db/organisation-scope.js';
import type { Database } from '../../src/db/schema.js';
import * as fx from '../support/fixtures.js';
import { makeTestApp, type TestApp } from '../support/app.js';
import { binDir } from '../../scripts/postgres-cluster.js';

// The second wall between organisations on PostgreSQL (migrations/20261208T1000_organisation_wall.ts,
// docs/decisions/036-organisation-wall.md): row-level security keyed on the organisation, told to
// every pooled connection from the code's scope (src/db/organisation-scope.ts). The app under test
// connects as the app's role (tests/support/test-database.ts), as in production; the fixtures use
// the superuser, who sees past the wall, to arrange two organisations' data.

/** Tables that are deliberately not behind the wall, each for its reason (see the migration). */
const UNWALLED = ['organisation', 'server_secret', 'signin_throttle', 'kysely_migration', 'kysely_migration_lock'];

let t: TestApp;
let app: Kysely<Database>;
const orgs: number[] = [];

async function fill(organisationId: number, name: string) {
  const now = t.now();
  const team = await t.team(organisationId, `Team ${name}`);
  const worker = await fx.worker(t.db, now, organisationId, team, { email: `w@${name}.be`, name: `Werker ${name}` });
  await fx.twoFactor(t.db, now, worker);
  await t.sessionCookie(worker);
  const scope = await fx.scopeOf(t.db, worker);
  const h = await fx.household(t.db, now, scope, { members: [{ firstName: 'Ann', role: 'aanvrager' }, { firstName: 'Bo' }] });
  const balance = await fx.balance(t.db, now, scope, h.id, { takenOn: '2026-03-02', participants: h.members, scores: { 'h.verblijfplaats': 2 } });
  const gpmi = await fx.gpmi(t.db, now, scope, h.id, {
    balanceId: balance,
    memberId: h.members[0]!,
    startOn: '2026-03-10',
    agreements: [{ domainKey: 'verblijfplaats', text: 'Een woning zoeken' }],
    signed: { on: '2026-03-10', clientName: 'Ann Test' },
  });
  await fx.evaluation(t.db, now, scope, gpmi, { heldOn: '2026-06-10', inPerson: true });
  await fx.livingWage(t.db, now, scope, h.id, h.members[0]!, { grantedOn: '2026-02-01' });
  const draft = await fx.balance(t.db, now, scope, h.id, { takenOn: '2026-09-01', participants: h.members, finalise: false });
  await fx.clientInvitation(t.db, now, scope, {
    householdId: h.id,
    balanceId: draft,
    memberId: h.members[0]!,
    answer: { domainKey: 'verblijfplaats', score: 3 },
  });
  await fx.apiClient(t.db, now, organisationId, { name: `Koppeling ${name}` });
  await t.db
    .insertInto('audit_event')
    .values({ at: now, organisation_id: organisationId, actor_user_id: worker, action: 'household.viewed', outcome: 'success' })
    .execute();
}

async function count(db: Kysely<Database>, table: string): Promise<number> {
  const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(row.rows[0]!.n);
}

beforeAll(async () => {
  t = await makeTestApp();
  app = t.deps.db;
  for (const name of ['noord', 'zuid']) {
    const id = await t.organisation(`OCMW ${name}`);
    orgs.push(id);
    await fill(id, name);
  }
}, 60_000);
afterAll(async () => {
  await t.close();
});

async function tables(): Promise<{ name: string; rls: boolean; forced: boolean; policies: number }[]> {
  const res = await sql<{ name: string; rls: boolean | number; forced: boolean | number; policies: number }>`
    select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
           (select count(*) from pg_policy p where p.polrelid = c.oid) as policies
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' order by c.relname`.execute(t.db);
  return res.rows.map((r) => ({ name: r.name, rls: Boolean(r.rls), forced: Boolean(r.forced), policies: Number(r.policies) }));
}

describe('the organisation wall on PostgreSQL', () => {
  it('stands on every table but the few named ones, forced on the owner too', async () => {
    const all = await tables();
    const walled = all.filter((x) => !UNWALLED.includes(x.name));
    expect(all.map((x) => x.name)).toEqual(expect.arrayContaining(UNWALLED));
    for (const table of walled)
      expect({ table: table.name, rls: table.rls, forced: table.forced, policies: table.policies }).toEqual({
        table: table.name,
        rls: true,
        forced: true,
        policies: 1,
      });
    for (const table of all.filter((x) => UNWALLED.includes(x.name))) expect({ table: table.name, rls: table.rls }).toEqual({ table: table.name, rls: false });
  });

  it('shows a query that forgets its scope nothing, and each organisation only its own rows', async () => {
    const walled = (await tables()).filter((x) => !UNWALLED.includes(x.name)).map((x) => x.name);
    const filled: string[] = [];
    for (const table of walled) {
      const total = await count(t.db, table);
      // As the app's role, without any scope: an unscoped query, as a forgotten `where` would be.
      expect({ table, unscoped: await count(app, table) }).toEqual({ table, unscoped: 0 });
      const seen = [];
      for (const org of orgs) seen.push(await inOrganisation(org, () => count(app, table)));
      // Each row is its organisation's: the two organisations' views add up to the whole table.
      expect({ table, sum: seen[0]! + seen[1]! }).toEqual({ table, sum: total });
      expect({ table, across: await acrossOrganisations('command-line', () => count(app, table)) }).toEqual({ table, across: total });
      if (seen[0]! > 0 && seen[1]! > 0) filled.push(table);
    }
    // The data above reaches the tables that matter, in both organisations, so the sums mean something.
    expect(filled).toEqual(
      expect.arrayContaining([
        'app_user',
        'team',
        'team_membership',
        'user_session',
        'recovery_code',
        'household',
        'household_member',
        'balance',
        'balance_score',
        'gpmi',
        'gpmi_version',
        'gpmi_agreement',
        'gpmi_evaluation',
        'living_wage',
        'client_invitation',
        'client_answer',
        'api_client',
        'catalogue_version',
        'audit_event',
      ]),
    );
  });

  it('refuses to write a row into another organisation, and leaves its rows untouched', async () => {
    const [mine, theirs] = orgs as [number, number];
    const now = t.now();
    await expect(
      inOrganisation(mine, () => app.insertInto('team').values({ organisation_id: theirs, name: 'Indringer', created_at: now }).execute()),
    ).rejects.toThrow(/row-level security/);
    const before = await t.db.selectFrom('household').select(['id', 'updated_at']).where('organisation_id', '=', theirs).execute();
    const changed = await inOrganisation(mine, () =>
      app
        .updateTable('household')
        .set({ updated_at: now + 1 })
        .where('organisation_id', '=', theirs)
        .executeTakeFirst(),
    );
    expect(Number(changed.numUpdatedRows)).toBe(0);
    const deleted = await inOrganisation(mine, () =>
      app
        .deleteFrom('balance_score')
        .where('balance_id', 'in', t.db.selectFrom('balance').select('id').where('organisation_id', '=', theirs))
        .executeTakeFirst(),
    );
    expect(Number(deleted.numDeletedRows)).toBe(0);
    expect(await t.db.selectFrom('household').select(['id', 'updated_at']).where('organisation_id', '=', theirs).execute()).toEqual(before);
  });

  it("does not carry one request's organisation into the next on a pooled connection", async () => {
    const [a, b] = orgs as [number, number];
    // The pool has a handful of connections; more alternations than that reuse each several times.
    for (let i = 0; i < 12; i++) {
      const org = i % 2 ? a : b;
      const ids = await inOrganisation(org, () => app.selectFrom('household').select('organisation_id').execute());
      expect(new Set(ids.map((r) => r.organisation_id))).toEqual(new Set([org]));
      expect(await count(app, 'household')).toBe(0);
    }
  });

  it('lets a backup role made as the README says dump every organisation, and the app role not', async () => {
    const role = `sb_backup_${process.pid}`;
    await sql`DO $$ BEGIN CREATE ROLE ${sql.id(role)} LOGIN BYPASSRLS; EXCEPTION WHEN duplicate_object THEN NULL; END $$`.execute(t.db);
    await sql`GRANT pg_read_all_data TO ${sql.id(role)}`.execute(t.db);
    const dump = (user: string) => {
      const url = new URL(t.databaseUrl!);
      url.username = user;
      return execFileSync(path.join(binDir(), 'pg_dump'), ['--data-only', '--table=household', url.toString()], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    };
    const copied = dump(role);
    const households = await t.db.selectFrom('household').select(['id', 'organisation_id']).execute();
    expect(new Set(households.map((h) => h.organisation_id))).toEqual(new Set(orgs));
    const copyRows = copied.split('\n').filter((line) => /^\d+\t/.test(line));
    expect(copyRows).toHaveLength(households.length);
    // pg_dump refuses rather than silently dumping only what the wall shows.
    expect(() => dump(inject('postgresAppRole'))).toThrow(/row-level security|row security/);
  });

  // Who sees what is the tests above; this is what the wall costs (migration
  // 20261209T1000_organisation_wall_plans). A policy that reads the scope per row, or lets the
  // planner hash every visible parent row, makes a look-up of one balance's scores scan all
  // balances of the whole database.
  it('costs a query the rows it reads: the scope read once, parents probed by key, never hashed whole', async () => {
    const [mine] = orgs as [number];
    const explain = async (query: string) =>
      (await inOrganisation(mine, () => sql<{ 'QUERY PLAN': string }>`explain ${sql.raw(query)}`.execute(app))).rows.map((r) => r['QUERY PLAN']).join('\n');
    const walled = (await tables()).filter((x) => !UNWALLED.includes(x.name));
    const childOf = await sql<{ name: string; qual: string }>`
      select c.relname as name, pg_get_expr(p.polqual, p.polrelid) as qual
      from pg_policy p join pg_class c on c.oid = p.polrelid where p.polname = 'organisation_wall'`.execute(t.db);
    expect(childOf.rows.map((r) => r.name).sort()).toEqual(walled.map((x) => x.name).sort());
    for (const { name, qual } of childOf.rows) {
      const parent = /p\.id = (\w+)\.(\w+)/.exec(qual);
      const plan = await explain(
        parent ? `select * from ${name} where ${parent[2]} in ('1', '2', '3')` : `select * from ${name} where organisation_id = ${mine}`,
      );
      // The scope's settings are read once per statement (an InitPlan), not in a per-row filter.
      expect({ table: name, perRowSetting: /Filter:.*current_setting/.test(plan) }).toEqual({ table: name, perRowSetting: false });
      // A parent is probed per row read, never hashed as a whole.
      expect({ table: name, hashedParents: /hashed SubPlan/.test(plan) }).toEqual({ table: name, hashedParents: false });
    }
    // With the planner told that scans are dear, the organisation's condition is an index's.
    const indexed = await inOrganisation(mine, () =>
      app.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        return sql<{ 'QUERY PLAN': string }>`explain select id from balance`.execute(trx);
      }),
    );
    expect(indexed.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(
      /Index (Only )?Cond: \(\(organisation_id >= \$\d+\) AND \(organisation_id <= \$\d+\)\)/,
    );
  });

  // Last: it adds an audit row without organisation, which the sums above would count.
  it('shows an audit row without organisation only across organisations', async () => {
    const before = await acrossOrganisations('command-line', () => count(app, 'audit_event'));
    await acrossOrganisations('sign-in', () =>
      app.insertInto('audit_event').values({ at: t.now(), organisation_id: null, actor_user_id: null, action: 'signin.failure', outcome: 'failure' }).execute(),
    );
    expect(await acrossOrganisations('command-line', () => count(app, 'audit_event'))).toBe(before + 1);
    const seen = [];
    for (const org of orgs) seen.push(await inOrganisation(org, () => count(app, 'audit_event')));
    expect(seen[0]! + seen[1]!).toBe(before);
    expect(await count(app, 'audit_event')).toBe(0);
  });
});
