import { sql, type Kysely } from 'kysely';

// The client's own voice (src/client-voice): texts in the client's languages, the client scoring
// their own situation through a one-time link or a hand-over of the worker's screen, and the
// client-language texts of a GPMI.

export async function up(db: Kysely<any>): Promise<void> {
  // Which client languages the organisation offers to clients. Dutch is always offered and has no
  // row; a language without a row (or with 0) is not shown to clients. Adding a language is a row.
  await db.schema
    .createTable('client_language')
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('shown_to_clients', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('changed_at', 'bigint', (c) => c.notNull())
    .addColumn('changed_by', 'integer', (c) => c.references('app_user.id'))
    .addPrimaryKeyConstraint('client_language_pk', ['organisation_id', 'lang'])
    .execute();

  // An organisation's own client texts (imported from a translator's PO file). The texts that ship
  // with the product live in the code and are used where the organisation has none. `source` is the
  // Dutch text the translation was made for: when the Dutch changes, the translation no longer
  // matches and the client sees the Dutch (and is told so) until a new translation comes in.
  // `forms` is a JSON array: one text, or the plural forms in the language's gettext order.
  await db.schema
    .createTable('client_text')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('context', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('forms', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'reviewed')`))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('app_user.id'))
    .addUniqueConstraint('client_text_unique', ['organisation_id', 'lang', 'context'])
    .execute();

  // Which language binds on the client's copies: Dutch (Flanders), French (Wallonia), or the
  // client's choice of Dutch or French (Brussels). No row: Dutch.
  await db.schema
    .createTable('client_setting')
    .addColumn('organisation_id', 'integer', (c) => c.primaryKey().references('organisation.id'))
    .addColumn('official_language', 'text', (c) => c.notNull().check(sql`official_language in ('nl', 'fr', 'nl-fr')`))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('app_user.id'))
    .execute();

  // "The client scores too": one person of one draft balance, through a link (their own phone) or a
  // hand-over (the worker's screen). The id finds the row; only a SHA-256 of the secret is kept.
  await db.schema
    .createTable('client_invitation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('secret_hash', 'blob', (c) => c.notNull())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('household_id', 'integer', (c) => c.notNull().references('household.id'))
    .addColumn('balance_id', 'integer', (c) => c.notNull().references('balance.id'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('household_member.id'))
    .addColumn('include_household', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('link', 'handover')`))
    .addColumn('lang', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .addColumn('closed_reason', 'text', (c) => c.check(sql`closed_reason in ('sent', 'revoked', 'finalised', 'handover_ended')`))
    .addColumn('closed_by', 'integer', (c) => c.references('app_user.id'))
    .execute();
  await db.schema.createIndex('client_invitation_balance_idx').on('client_invitation').columns(['balance_id', 'closed_at']).execute();

  // What the client answered, per domain. 'draft' while they are answering (never shown to the
  // worker); on sending: 'applied' (now the cell's client score), 'pending' (the worker had typed a
  // different client score: waiting for the worker), then 'accepted' or 'kept'. A 'declined' answer
  // ("I'd rather not say") carries no score.
  await db.schema
    .createTable('client_answer')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('client_invitation.id'))
    .addColumn('balance_id', 'integer', (c) => c.notNull().references('balance.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('domain_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('score', 'declined')`))
    .addColumn('score', 'integer', (c) => c.check(sql`score between 1 and 5`))
    .addColumn('remark', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('draft', 'applied', 'pending', 'accepted', 'kept')`))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_at', 'bigint')
    .addColumn('decided_by', 'integer', (c) => c.references('app_user.id'))
    .addUniqueConstraint('client_answer_unique', ['invitation_id', 'subject', 'domain_key'])
    .execute();
  await db.schema.createIndex('client_answer_balance_idx').on('client_answer').columns(['balance_id', 'state']).execute();

  // A worker's session handed over to a client: while a row exists, the session reaches the client
  // view of that invitation only; every other page shows the lock screen. Goes with the session.
  await db.schema
    .createTable('client_session_lock')
    .addColumn('session_id', 'text', (c) => c.primaryKey().references('user_session.id').onDelete('cascade'))
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('client_invitation.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  // The language a person chose in the client view, offered first next time.
  await db.schema
    .createTable('member_client_language')
    .addColumn('member_id', 'integer', (c) => c.primaryKey().references('household_member.id'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  // A GPMI's client-facing texts in a client language, written by an interpreter or translator.
  // Matched on the official text they translate (its SHA-256 keeps the unique index small), so a
  // changed agreement shows the official text only until it is translated again.
  await db.schema
    .createTable('gpmi_client_text')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('gpmi_id', 'integer', (c) => c.notNull().references('gpmi.id'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('source_hash', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('app_user.id'))
    .addUniqueConstraint('gpmi_client_text_unique', ['gpmi_id', 'lang', 'source_hash'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'gpmi_client_text',
    'member_client_language',
    'client_session_lock',
    'client_answer',
    'client_invitation',
    'client_setting',
    'client_text',
    'client_language',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
