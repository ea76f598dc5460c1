import { sql, type Kysely } from 'kysely';

// Figures for team leads, policy and the inspection (issue 15), and what is due:
//  - figures_setting: per organisation the small-cell threshold (never below 3), when a balance is
//    due again, and whether workers get a weekly e-mail digest; no row means the defaults;
//  - app_user.is_policy: the "beleid" role, which sees the organisation's anonymous figures only;
//  - living_wage: per beneficiary (a household member) the day the living wage was granted, and an
//    exemption from the GPMI with its reason (health or equity), each checked by the application;
//  - gpmi_evaluation.in_person: whether an evaluation was a personal conversation (NULL for the
//    evaluations recorded before this was asked: unknown, never counted as in person);
//  - digest_sent: one row per worker and ISO week, so a digest goes out once however many processes run.
// Written with Kysely's schema builder only. Times are UTC ms (bigint), calendar days ISO text.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('figures_setting')
    .addColumn('organisation_id', 'integer', (c) => c.primaryKey().references('organisation.id'))
    .addColumn('small_cell_threshold', 'integer', (c) => c.notNull().defaultTo(5).check(sql`small_cell_threshold between 3 and 50`))
    .addColumn('balance_due_months', 'integer', (c) => c.notNull().defaultTo(6).check(sql`balance_due_months between 1 and 36`))
    .addColumn('weekly_digest', 'integer', (c) => c.notNull().defaultTo(0).check(sql`weekly_digest in (0, 1)`))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('app_user.id'))
    .execute();

  await db.schema
    .alterTable('app_user')
    .addColumn('is_policy', 'integer', (c) => c.notNull().defaultTo(0).check(sql`is_policy in (0, 1)`))
    .execute();

  await db.schema
    .createTable('living_wage')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('household_id', 'integer', (c) => c.notNull().references('household.id'))
    .addColumn('member_id', 'integer', (c) => c.notNull().unique().references('household_member.id'))
    .addColumn('granted_on', 'text', (c) => c.notNull())
    .addColumn('exemption', 'text', (c) => c.check(sql`exemption in ('health', 'equity')`))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('app_user.id'))
    .execute();
  await db.schema.createIndex('living_wage_org_idx').on('living_wage').columns(['organisation_id', 'granted_on']).execute();
  await db.schema.createIndex('living_wage_household_idx').on('living_wage').column('household_id').execute();

  await db.schema
    .alterTable('gpmi_evaluation')
    .addColumn('in_person', 'integer', (c) => c.check(sql`in_person in (0, 1)`))
    .execute();

  await db.schema
    .createTable('digest_sent')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('digest_sent_pk', ['user_id', 'week'])
    .execute();

  // The figures read every finalised balance of an organisation by date, and the GPMIs by organisation.
  await db.schema.createIndex('balance_org_taken_idx').on('balance').columns(['organisation_id', 'status', 'taken_on']).execute();
  await db.schema.createIndex('gpmi_org_idx').on('gpmi').columns(['organisation_id', 'member_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('gpmi_org_idx').execute();
  await db.schema.dropIndex('balance_org_taken_idx').execute();
  await db.schema.dropTable('digest_sent').execute();
  await db.schema.alterTable('gpmi_evaluation').dropColumn('in_person').execute();
  await db.schema.dropTable('living_wage').execute();
  await db.schema.alterTable('app_user').dropColumn('is_policy').execute();
  await db.schema.dropTable('figures_setting').execute();
}
