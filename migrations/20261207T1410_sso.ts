import { sql, type Kysely } from 'kysely';

// Single sign-on with the organisation's identity provider (OpenID Connect, src/sso/,
// docs/decisions/033-single-sign-on.md). Written with Kysely's schema builder only; times are UTC
// milliseconds (bigint), booleans 0/1 integers.

export async function up(db: Kysely<any>): Promise<void> {
  // One identity provider per organisation.
  await db.schema
    .createTable('sso_provider')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().unique().references('organisation.id'))
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    // Sent to the provider with every code exchange, so it must be readable (not hashed).
    .addColumn('client_secret', 'text', (c) => c.notNull())
    // 1: someone with a matching e-mail address and no account gets one (without any role).
    .addColumn('auto_create', 'integer', (c) => c.notNull().defaultTo(0).check(sql`auto_create in (0, 1)`))
    // 1: an administrator recorded that the provider itself always asks a second factor.
    .addColumn('mfa_enforced', 'integer', (c) => c.notNull().defaultTo(0).check(sql`mfa_enforced in (0, 1)`))
    // 0: the organisation's users may not sign in with a password (the CLI can turn it back on).
    .addColumn('password_signin', 'integer', (c) => c.notNull().defaultTo(1).check(sql`password_signin in (0, 1)`))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  // The e-mail domains a provider serves. A domain belongs to one provider in the whole instance:
  // the sign-in page finds the organisation from it.
  await db.schema
    .createTable('sso_domain')
    .addColumn('domain', 'text', (c) => c.primaryKey())
    .addColumn('provider_id', 'integer', (c) => c.notNull().references('sso_provider.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('sso_domain_provider_idx').on('sso_domain').column('provider_id').execute();

  // Who a user is at a provider: issuer + subject (the `sub` claim, or for Microsoft Entra ID the
  // tenant and object id). Made once, at the first sign-in that matched an account by e-mail; after
  // that the e-mail claim is never used to find the user again.
  await db.schema
    .createTable('sso_identity')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_signin_at', 'bigint')
    .addUniqueConstraint('sso_identity_issuer_subject_unique', ['issuer', 'subject'])
    .addUniqueConstraint('sso_identity_user_issuer_unique', ['user_id', 'issuer'])
    .execute();

  // A sign-in under way: state, nonce and PKCE verifier live here (not in process memory), for
  // 10 minutes, and are used once. The state itself is kept only as a hash.
  await db.schema
    .createTable('sso_login')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('provider_id', 'integer', (c) => c.notNull().references('sso_provider.id').onDelete('cascade'))
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('next', 'text', (c) => c.notNull())
    // A form interrupted by an expired session, carried through the sign-in (src/auth/replay.tsx).
    .addColumn('replay_action', 'text')
    .addColumn('replay_payload', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();

  // A session whose second factor was asked by the identity provider (or that the administrator
  // recorded as always asked there): the app's own two-step verification is then not asked again.
  await db.schema
    .alterTable('user_session')
    .addColumn('provider_mfa', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('user_session').dropColumn('provider_mfa').execute();
  for (const t of ['sso_login', 'sso_identity', 'sso_domain', 'sso_provider']) await db.schema.dropTable(t).execute();
}
