import { sql, type Kysely } from 'kysely';
import { createTrigger } from './support/postgres.js';

// From balance to GPMI (issue 7): werkpunten and goals on a finalised balance, the GPMI
// (integration contract) in versions, its agreements with their lists, and evaluations.
// Written with Kysely's schema builder; the immutability triggers at the end are the one
// SQLite-specific part and say so. Times are UTC ms (bigint), calendar days ISO text (decision 008).

const AGREEMENT_STATUS = sql`status in ('lopend', 'bereikt', 'bijgestuurd', 'gestopt')`;

export async function up(db: Kysely<any>): Promise<void> {
  // One row per finalised balance whose plan was saved: the revision of the plan as a whole (the
  // werkpunten form is saved in one go, so a stale form is caught here).
  await db.schema
    .createTable('balance_plan')
    .addColumn('balance_id', 'integer', (c) => c.primaryKey().references('balance.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('app_user.id'))
    .execute();

  // Per (balance, subject, domain): the worker's werkpunt priority (null: not a werkpunt) and/or
  // the client's own priority, with the goals of a werkpunt.
  await db.schema
    .createTable('balance_priority')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('balance_id', 'integer', (c) => c.notNull().references('balance.id').onDelete('cascade'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('member_id', 'integer', (c) => c.references('household_member.id'))
    .addColumn('domain_key', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.check(sql`priority between 1 and 99`))
    .addColumn('client_priority', 'integer', (c) => c.check(sql`client_priority between 1 and 99`))
    .addColumn('long_term_goal', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('short_term_goal', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('target_score', 'integer', (c) => c.check(sql`target_score between 1 and 5`))
    .addUniqueConstraint('balance_priority_cell_unique', ['balance_id', 'subject', 'domain_key'])
    .addCheckConstraint('balance_priority_something', sql`priority is not null or client_priority is not null`)
    .execute();

  // The GPMI itself: for one adult (member_id) or the whole household (null), made from one
  // finalised balance. Its content lives in versions.
  await db.schema
    .createTable('gpmi')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('household_id', 'integer', (c) => c.notNull().references('household.id'))
    .addColumn('member_id', 'integer', (c) => c.references('household_member.id'))
    .addColumn('balance_id', 'integer', (c) => c.notNull().references('balance.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .execute();
  await db.schema.createIndex('gpmi_household_idx').on('gpmi').columns(['household_id']).execute();

  // Version 1 is drafted, then signed. Any change after signing is a new version (reason required),
  // drafted and signed again. A signed version never changes (triggers below).
  await db.schema
    .createTable('gpmi_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('gpmi_id', 'integer', (c) => c.notNull().references('gpmi.id'))
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'signed')`))
    .addColumn('start_on', 'text', (c) => c.notNull())
    .addColumn('duration_months', 'integer', (c) => c.notNull().check(sql`duration_months between 1 and 60`))
    .addColumn('reason', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('signed_on', 'text')
    .addColumn('signed_client_name', 'text')
    .addColumn('signed_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('signed_at', 'bigint')
    .addUniqueConstraint('gpmi_version_number_unique', ['gpmi_id', 'number'])
    .addCheckConstraint('gpmi_version_signed_complete', sql`status = 'draft' or (signed_on is not null and signed_client_name is not null and signed_by is not null and signed_at is not null)`)
    .addCheckConstraint('gpmi_version_reason', sql`number = 1 or reason is not null`)
    .execute();

  await db.schema
    .createTable('gpmi_moment')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('version_id', 'integer', (c) => c.notNull().references('gpmi_version.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gpmi_moment_version_idx').on('gpmi_moment').columns(['version_id', 'position']).execute();

  // One agreement per domain. Goals and target score are copied from the werkpunt when the GPMI
  // starts, so a signed version keeps what was agreed even if the plan changes later.
  await db.schema
    .createTable('gpmi_agreement')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('version_id', 'integer', (c) => c.notNull().references('gpmi_version.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('member_id', 'integer', (c) => c.references('household_member.id'))
    .addColumn('domain_key', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('long_term_goal', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('short_term_goal', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('target_score', 'integer', (c) => c.check(sql`target_score between 1 and 5`))
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('lopend').check(AGREEMENT_STATUS))
    .execute();
  await db.schema.createIndex('gpmi_agreement_version_idx').on('gpmi_agreement').columns(['version_id', 'position']).execute();

  // "Wat doe jij?" (client), "Wat doet het OCMW?" (ocmw), "Wie helpt nog?" (partner): one row per line.
  await db.schema
    .createTable('gpmi_agreement_item')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('agreement_id', 'integer', (c) => c.notNull().references('gpmi_agreement.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('client', 'ocmw', 'partner')`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gpmi_agreement_item_idx').on('gpmi_agreement_item').columns(['agreement_id', 'kind', 'position']).execute();

  // An evaluation of a signed version: per agreement what happened and the new status. Append-only;
  // the latest item per agreement is the agreement's current status.
  await db.schema
    .createTable('gpmi_evaluation')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('gpmi_id', 'integer', (c) => c.notNull().references('gpmi.id'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('gpmi_version.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('balance_id', 'integer', (c) => c.references('balance.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .execute();
  await db.schema.createIndex('gpmi_evaluation_gpmi_idx').on('gpmi_evaluation').columns(['gpmi_id']).execute();
  await db.schema
    .createTable('gpmi_evaluation_item')
    .addColumn('evaluation_id', 'integer', (c) => c.notNull().references('gpmi_evaluation.id'))
    .addColumn('agreement_id', 'integer', (c) => c.notNull().references('gpmi_agreement.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(AGREEMENT_STATUS))
    .addPrimaryKeyConstraint('gpmi_evaluation_item_pk', ['evaluation_id', 'agreement_id'])
    .execute();
  await db.schema.createIndex('gpmi_evaluation_item_agreement_idx').on('gpmi_evaluation_item').columns(['agreement_id']).execute();

  // What the client signed can never change, not even by a bug or a hand-made query. SQLite's
  // trigger syntax; on PostgreSQL createTrigger makes each a trigger function (migrations/support/postgres.ts).
  const signedVersion = (expr: string) => `(SELECT status FROM gpmi_version WHERE id = ${expr}) = 'signed'`;
  const ofAgreement = (expr: string) => `(SELECT v.status FROM gpmi_agreement a JOIN gpmi_version v ON v.id = a.version_id WHERE a.id = ${expr}) = 'signed'`;
  const statements = [
    `CREATE TRIGGER gpmi_version_signed_no_update BEFORE UPDATE ON gpmi_version WHEN OLD.status = 'signed' BEGIN SELECT RAISE(ABORT, 'a signed gpmi version is immutable'); END`,
    `CREATE TRIGGER gpmi_version_signed_no_delete BEFORE DELETE ON gpmi_version WHEN OLD.status = 'signed' BEGIN SELECT RAISE(ABORT, 'a signed gpmi version is immutable'); END`,
    `CREATE TRIGGER gpmi_moment_signed_no_insert BEFORE INSERT ON gpmi_moment WHEN ${signedVersion('NEW.version_id')} BEGIN SELECT RAISE(ABORT, 'a signed gpmi version is immutable'); END`,
    `CREATE TRIGGER gpmi_moment_signed_no_update BEFORE UPDATE ON gpmi_moment WHEN ${signedVersion('OLD.version_id')} OR ${signedVersion('NEW.version_id')} BEGIN SELECT RAISE(ABORT, 'a signed gpmi version is immutable'); END`,
    `CREATE TRIGGER gpmi_moment_signed_no_delete BEFORE DELETE ON gpmi_moment WHEN ${signedVersion('OLD.version_id')} BEGIN SELECT RAISE(ABORT, 'a signed gpmi version is immutable'); END`,
    `CREATE TRIGGER gpmi_agreement_signed_no_insert BEFORE INSERT ON gpmi_agreement WHEN ${signedVersion('NEW.version_id')} BEGIN SELECT RAISE(ABORT, 'a signed gpmi version is immutable'); END`,
    `CREATE TRIGGER gpmi_agreement_signed_no_update BEFORE UPDATE ON gpmi_agreement WHEN ${signedVersion('OLD.version_id')} OR ${signedVersion('NEW.version_id')} BEGIN SELECT RAISE(ABORT, 'a signed gpmi version is immutable'); END`,
    `CREATE TRIGGER gpmi_agreement_signed_no_delete BEFORE DELETE ON gpmi_agreement WHEN ${signedVersion('OLD.version_id')} BEGIN SELECT RAISE(ABORT, 'a signed gpmi version is immutable'); END`,
    `CREATE TRIGGER gpmi_item_signed_no_insert BEFORE INSERT ON gpmi_agreement_item WHEN ${ofAgreement('NEW.agreement_id')} BEGIN SELECT RAISE(ABORT, 'a signed gpmi version is immutable'); END`,
    `CREATE TRIGGER gpmi_item_signed_no_update BEFORE UPDATE ON gpmi_agreement_item WHEN ${ofAgreement('OLD.agreement_id')} OR ${ofAgreement('NEW.agreement_id')} BEGIN SELECT RAISE(ABORT, 'a signed gpmi version is immutable'); END`,
    `CREATE TRIGGER gpmi_item_signed_no_delete BEFORE DELETE ON gpmi_agreement_item WHEN ${ofAgreement('OLD.agreement_id')} BEGIN SELECT RAISE(ABORT, 'a signed gpmi version is immutable'); END`,
    `CREATE TRIGGER gpmi_evaluation_no_update BEFORE UPDATE ON gpmi_evaluation BEGIN SELECT RAISE(ABORT, 'gpmi evaluations are append-only'); END`,
    `CREATE TRIGGER gpmi_evaluation_no_delete BEFORE DELETE ON gpmi_evaluation BEGIN SELECT RAISE(ABORT, 'gpmi evaluations are append-only'); END`,
    `CREATE TRIGGER gpmi_evaluation_item_no_update BEFORE UPDATE ON gpmi_evaluation_item BEGIN SELECT RAISE(ABORT, 'gpmi evaluations are append-only'); END`,
    `CREATE TRIGGER gpmi_evaluation_item_no_delete BEFORE DELETE ON gpmi_evaluation_item BEGIN SELECT RAISE(ABORT, 'gpmi evaluations are append-only'); END`,
  ];
  for (const s of statements) await createTrigger(db, s);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['gpmi_evaluation_item', 'gpmi_evaluation', 'gpmi_agreement_item', 'gpmi_agreement', 'gpmi_moment', 'gpmi_version', 'gpmi', 'balance_priority', 'balance_plan']) {
    await db.schema.dropTable(t).execute();
  }
}
