import { sql, type Kysely } from 'kysely';

// Balances (metingen): one per household and date, scored against one published catalogue
// version. A score row per (balance, subject, domain): subject 'h' is the household, 'm<id>' a member.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('balance')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('household_id', 'integer', (c) => c.notNull().references('household.id'))
    .addColumn('catalogue_version_id', 'integer', (c) => c.notNull().references('catalogue_version.id'))
    .addColumn('taken_on', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('samen', 'hulpverlener', 'client')`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'final')`))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('finalised_at', 'bigint')
    .addColumn('finalised_by', 'integer', (c) => c.references('app_user.id'))
    .execute();
  await db.schema.createIndex('balance_household_idx').on('balance').columns(['household_id', 'taken_on']).execute();
  await db.schema.createIndex('balance_org_idx').on('balance').columns(['organisation_id', 'status']).execute();

  // The members scored in a balance (those in the household at its date) and whether they took part.
  await db.schema
    .createTable('balance_subject')
    .addColumn('balance_id', 'integer', (c) => c.notNull().references('balance.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('household_member.id'))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('volwassene', 'kind')`))
    .addColumn('took_part', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('balance_subject_pk', ['balance_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('balance_score')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('balance_id', 'integer', (c) => c.notNull().references('balance.id').onDelete('cascade'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('member_id', 'integer', (c) => c.references('household_member.id'))
    .addColumn('domain_key', 'text', (c) => c.notNull())
    // 'scored' with a score 1-5, 'nvt' (niet van toepassing), 'nb' (niet besproken), 'open' (nothing chosen yet)
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'scored', 'nvt', 'nb')`))
    .addColumn('score', 'integer', (c) => c.check(sql`score between 1 and 5`))
    .addColumn('client_score', 'integer', (c) => c.check(sql`client_score between 1 and 5`))
    .addColumn('remark', 'text', (c) => c.notNull().defaultTo(''))
    // Taken over from the previous balance and not yet confirmed by the worker.
    .addColumn('prefilled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    // Random per opened editor: a stale save from the same editor (its own earlier request still
    // under way) is not a conflict; one from another editor is.
    .addColumn('editor_token', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('app_user.id'))
    .addUniqueConstraint('balance_score_cell_unique', ['balance_id', 'subject', 'domain_key'])
    .execute();

  // Corrections after finalising: never a silent edit.
  await db.schema
    .createTable('balance_amendment')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('balance_id', 'integer', (c) => c.notNull().references('balance.id').onDelete('cascade'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('domain_key', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('before_state', 'text', (c) => c.notNull())
    .addColumn('before_score', 'integer')
    .addColumn('before_remark', 'text', (c) => c.notNull())
    .addColumn('after_state', 'text', (c) => c.notNull())
    .addColumn('after_score', 'integer')
    .addColumn('after_remark', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['balance_amendment', 'balance_score', 'balance_subject', 'balance']) await db.schema.dropTable(t).execute();
}
