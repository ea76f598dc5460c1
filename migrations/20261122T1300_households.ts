import { sql, type Kysely } from 'kysely';

// Households (client files) and their members. A household belongs to one team of one
// organisation; who may see it is decided in src/households/access.ts.
// Written with Kysely's schema builder only, so it runs unchanged on PostgreSQL later.
// Moments the system records are UTC milliseconds since the epoch (bigint); calendar days a person
// chooses (birth date, joined/left the household) are ISO text 'yyyy-mm-dd', so no time zone can
// move them to another day and they compare correctly as text.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('household')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('team_id', 'integer', (c) => c.notNull().references('team.id'))
    .addColumn('assigned_user_id', 'integer', (c) => c.references('app_user.id'))
    // The number in the OCMW's client software (Cevi/Logins, Sierra, ...). Optional; NULL when not
    // given, so the unique constraint below only applies to numbers that were filled in.
    .addColumn('dossier_ref', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active', 'closed')`))
    .addColumn('closed_at', 'bigint')
    // Lower-case, accent-free names of every member (also former ones) and the dossier number,
    // rebuilt by the application on every change: one dialect-neutral LIKE serves the search.
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    // Optimistic concurrency for the household's own fields (team, worker, number, status).
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('app_user.id'))
    .addUniqueConstraint('household_org_dossier_ref_unique', ['organisation_id', 'dossier_ref'])
    .execute();
  // The caseload: one organisation, the user's teams, active or closed, newest change first.
  await db.schema.createIndex('household_caseload_idx').on('household').columns(['organisation_id', 'team_id', 'status', 'updated_at']).execute();
  // "Mijn dossiers": the households assigned to one worker.
  await db.schema.createIndex('household_assigned_idx').on('household').columns(['assigned_user_id', 'status']).execute();

  await db.schema
    .createTable('household_member')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('household_id', 'integer', (c) => c.notNull().references('household.id'))
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('birth_year', 'integer', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('aanvrager', 'partner', 'kind', 'ander')`))
    // NULL: adult or child follows from the age (18 or older in the current year is adult).
    .addColumn('adult_override', 'integer', (c) => c.check(sql`adult_override in (0, 1)`))
    // Rijksregisternummer: 11 digits without separators, checksum verified by the application.
    .addColumn('national_number', 'text')
    .addColumn('joined_on', 'text', (c) => c.notNull())
    // A member who leaves stays in the household's history; NULL while they still belong to it.
    .addColumn('left_on', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('app_user.id'))
    .execute();
  await db.schema.createIndex('household_member_household_idx').on('household_member').columns(['household_id', 'position']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('household_member').execute();
  await db.schema.dropTable('household').execute();
}
