import { sql, type Kysely } from 'kysely';
import { isPostgres } from './support/postgres.js';
import { BY_ORGANISATION, BY_PARENT } from './20261208T1000_organisation_wall.js';

// The same wall between organisations (migration 20261208T1000, docs/decisions/036), asked in a
// way whose cost follows the rows a query reads instead of the size of the whole database
// (issue 17's measurements, docs/benchmarks.md). Who sees what does not change; the tests of the
// wall (tests/integration/organisation-wall.postgres.test.ts) run unchanged against it.
//
// Two things made the first form slow, both visible with EXPLAIN as the app role:
// - `organisation_id = current_setting(…)::bigint OR current_setting(…) <> ''` is computed for
//   every row and, being an OR with a setting, can use no index. Here the setting is read once
//   per statement into a range — one organisation's id twice, or the whole range across
//   organisations — through sub-SELECTs that PostgreSQL runs once (InitPlans) and an index on
//   organisation_id can answer: `organisation_id BETWEEN (SELECT from) AND (SELECT to)`. Nothing
//   set: both ends are NULL and no row is visible, as before.
// - A table walled through its parent (`EXISTS (SELECT 1 FROM balance p WHERE p.id = …)`) let
//   the planner turn the EXISTS into a hash of every visible parent row, built for every query:
//   the three scores of one balance cost a scan of all balances (17 ms for 15,000; with a
//   partnership's hundreds of thousands, far more). `OFFSET 0` keeps the EXISTS a per-row probe
//   of the parent's primary key (PostgreSQL does not rewrite an EXISTS with an OFFSET), so a
//   query pays for the rows it reads only.

/** The wall's condition on a table with an organisation_id column. */
const VISIBLE = `organisation_id BETWEEN (SELECT sb_visible_from()) AND (SELECT sb_visible_to())`;

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  // Whether the code runs across organisations (a reviewed reason, src/db/organisation-scope.ts).
  await sql`
    CREATE FUNCTION sb_across() RETURNS boolean LANGUAGE sql STABLE AS $$
      SELECT coalesce(current_setting('sociale_balans.across', true), '') <> ''
    $$`.execute(db);
  // The lowest and highest visible organisation id: the told organisation's id twice, every id
  // (ids start at 1) across organisations, NULL (nothing visible) when neither is set.
  for (const [name, bound] of [
    ['sb_visible_from', '0'],
    ['sb_visible_to', '9223372036854775807'],
  ] as const) {
    await sql
      .raw(
        `CREATE FUNCTION ${name}() RETURNS bigint LANGUAGE sql STABLE AS $$
          SELECT CASE WHEN sb_across() THEN ${bound}::bigint
                      ELSE nullif(current_setting('sociale_balans.organisation_id', true), '')::bigint END
        $$`,
      )
      .execute(db);
  }
  for (const table of BY_ORGANISATION) await replace(db, table, VISIBLE, VISIBLE);
  for (const [table, column, parent] of BY_PARENT) {
    const parentVisible = `EXISTS (SELECT 1 FROM ${parent} p WHERE p.id = ${table}.${column} OFFSET 0)`;
    await replace(db, table, parentVisible, parentVisible);
  }
  // A row without an organisation (a failed sign-in before anyone is known) is added from
  // anywhere and read only across organisations, as before.
  await replace(
    db,
    'audit_event',
    `${VISIBLE} OR (organisation_id IS NULL AND (SELECT sb_across()))`,
    `organisation_id IS NULL OR ${VISIBLE}`,
  );
  await sql`DROP FUNCTION sb_organisation_visible(bigint)`.execute(db);
}

async function replace(db: Kysely<any>, table: string, using: string, check: string): Promise<void> {
  await sql.raw(`DROP POLICY organisation_wall ON ${table}`).execute(db);
  await sql.raw(`CREATE POLICY organisation_wall ON ${table} USING (${using}) WITH CHECK (${check})`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`
    CREATE FUNCTION sb_organisation_visible(organisation bigint) RETURNS boolean
    LANGUAGE sql STABLE AS $$
      SELECT coalesce(current_setting('sociale_balans.across', true), '') <> ''
          OR organisation = nullif(current_setting('sociale_balans.organisation_id', true), '')::bigint
    $$`.execute(db);
  const before = `sb_organisation_visible(organisation_id)`;
  for (const table of BY_ORGANISATION) await replace(db, table, before, before);
  for (const [table, column, parent] of BY_PARENT) {
    const parentVisible = `EXISTS (SELECT 1 FROM ${parent} p WHERE p.id = ${table}.${column})`;
    await replace(db, table, parentVisible, parentVisible);
  }
  await replace(db, 'audit_event', before, `organisation_id IS NULL OR ${before}`);
  await sql`DROP FUNCTION sb_visible_from()`.execute(db);
  await sql`DROP FUNCTION sb_visible_to()`.execute(db);
  await sql`DROP FUNCTION sb_across()`.execute(db);
}
