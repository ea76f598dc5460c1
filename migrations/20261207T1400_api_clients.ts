import { sql, type Kysely } from 'kysely';

// API clients (OAuth 2.0 client credentials) and their short-lived access tokens, and what the
// audit log needs to name an API client as the caller (src/api/, docs/decisions/032-api.md).
// Written with Kysely's schema builder only; times are UTC milliseconds (bigint), booleans 0/1.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('api_client')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    // The public half of the credentials ("client_id"): random, unique in the whole instance, because
    // the token endpoint finds the client by it before it knows the organisation.
    .addColumn('client_id', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    // Granted OAuth scopes, space-separated (as in OAuth's own `scope` parameter).
    .addColumn('scopes', 'text', (c) => c.notNull())
    // NULL: every team of the organisation; otherwise the one team whose client files it may reach.
    .addColumn('team_id', 'integer', (c) => c.references('team.id'))
    // Addresses and ranges (CIDR) the client may call from, one per line; NULL or empty: anywhere.
    .addColumn('ip_allow_list', 'text')
    .addColumn('rate_limit_per_minute', 'integer', (c) => c.notNull().defaultTo(120))
    // argon2id, as for passwords: the secret is only ever shown once, when it is made.
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('secret_set_at', 'bigint', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('api_client_org_idx').on('api_client').column('organisation_id').execute();

  // Access tokens: `id.secret`, of which only SHA-256(secret) is kept (as for sessions). They live
  // at most 15 minutes; rotating or revoking the client deletes them.
  await db.schema
    .createTable('api_token')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('secret_hash', 'blob', (c) => c.notNull())
    .addColumn('api_client_id', 'integer', (c) => c.notNull().references('api_client.id').onDelete('cascade'))
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('api_token_client_idx').on('api_token').columns(['api_client_id', 'expires_at']).execute();

  // The audit log names an API client as the caller, and the route it called (a pattern such as
  // "GET /api/v1/households/:householdId", never the raw path). The per-client rate limit counts
  // a client's rows of the last minute: the index holds every column that count reads, so it never
  // visits the table. Partial (rows of API clients only): small, and no other query's plan changes.
  await db.schema.alterTable('audit_event').addColumn('api_client_id', 'integer').execute();
  await db.schema.alterTable('audit_event').addColumn('route', 'text').execute();
  await db.schema
    .createIndex('audit_event_api_client_at_idx')
    .on('audit_event')
    .columns(['api_client_id', 'at', 'action', 'organisation_id'])
    .where(sql.ref('api_client_id'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_event_api_client_at_idx').execute();
  await db.schema.alterTable('audit_event').dropColumn('route').execute();
  await db.schema.alterTable('audit_event').dropColumn('api_client_id').execute();
  await db.schema.dropTable('api_token').execute();
  await db.schema.dropTable('api_client').execute();
}
