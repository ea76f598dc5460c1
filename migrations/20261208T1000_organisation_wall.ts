import { sql, type Kysely } from 'kysely';
import { isPostgres } from './support/postgres.js';

// The second wall between organisations, on PostgreSQL (docs/decisions/036-organisation-wall.md):
// row-level security on every table that holds an organisation's data — its clients, its workers,
// its settings — so that a query that forgets its `where organisation_id = …` still sees nothing
// of another OCMW. FORCE: the tables' owner is held by the wall too, so a development setup with
// one DATABASE_URL (the app migrates as the owner) runs behind the same wall as production.
//
// A row is visible, and may be written, when its organisation is the one the connection was told
// (src/db/postgres.ts sets `sociale_balans.organisation_id` from src/db/organisation-scope.ts each
// time a connection is taken from the pool), or when the code runs for one of the reviewed reasons
// to work across organisations (`sociale_balans.across`: the look-ups that find the organisation,
// the migrations, the command line). Nothing set: no walled row at all.
//
// Tables without an organisation column are walled through the row they belong to: the policy
// asks whether that parent row is visible, and the parent's own policy answers, up to a table
// with the organisation.
//
// SQLite (one file per OCMW) has no roles and no row-level security: nothing to do there.

/** Tables that carry the organisation themselves. */
export const BY_ORGANISATION = [
  'team',
  'app_user',
  'catalogue_draft',
  'catalogue_theme',
  'catalogue_domain',
  'catalogue_version',
  'household',
  'balance',
  'gpmi',
  'gpmi_client_text',
  'living_wage',
  'figures_setting',
  'api_client',
  'sso_provider',
  'client_language',
  'client_text',
  'client_setting',
  'client_invitation',
];

/** Tables walled through their parent: [table, column, parent table]. */
export const BY_PARENT: [string, string, string][] = [
  ['team_membership', 'user_id', 'app_user'],
  ['user_session', 'user_id', 'app_user'],
  ['user_token', 'user_id', 'app_user'],
  ['recovery_code', 'user_id', 'app_user'],
  ['digest_sent', 'user_id', 'app_user'],
  ['sso_identity', 'user_id', 'app_user'],
  ['sso_domain', 'provider_id', 'sso_provider'],
  // An SSO sign-in under way can carry a form the expired session interrupted (replay_payload).
  ['sso_login', 'provider_id', 'sso_provider'],
  ['api_token', 'api_client_id', 'api_client'],
  ['household_member', 'household_id', 'household'],
  ['member_client_language', 'member_id', 'household_member'],
  ['balance_subject', 'balance_id', 'balance'],
  ['balance_score', 'balance_id', 'balance'],
  ['balance_priority', 'balance_id', 'balance'],
  ['balance_plan', 'balance_id', 'balance'],
  ['balance_amendment', 'balance_id', 'balance'],
  ['client_answer', 'balance_id', 'balance'],
  ['client_session_lock', 'invitation_id', 'client_invitation'],
  ['gpmi_version', 'gpmi_id', 'gpmi'],
  ['gpmi_moment', 'version_id', 'gpmi_version'],
  ['gpmi_agreement', 'version_id', 'gpmi_version'],
  ['gpmi_agreement_item', 'agreement_id', 'gpmi_agreement'],
  ['gpmi_evaluation', 'gpmi_id', 'gpmi'],
  ['gpmi_evaluation_item', 'evaluation_id', 'gpmi_evaluation'],
];

// Not walled, each for its reason (tests/integration/organisation-wall.postgres.test.ts checks that
// every other table is): `organisation` (the list of tenants: a name and settings, read to find an
// organisation and by the command line), `server_secret` (the deployment's own key), the sign-in
// throttle (counts per address and account name, consulted before anyone is known) and the
// migrations' bookkeeping. `audit_event` has its own policy below.

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  // One place that says what "this organisation" means; inlined by the planner (a plain SQL
  // function), so an index on organisation_id still serves the policy's condition.
  await sql`
    CREATE FUNCTION sb_organisation_visible(organisation bigint) RETURNS boolean
    LANGUAGE sql STABLE AS $$
      SELECT coalesce(current_setting('sociale_balans.across', true), '') <> ''
          OR organisation = nullif(current_setting('sociale_balans.organisation_id', true), '')::bigint
    $$`.execute(db);
  for (const table of BY_ORGANISATION) {
    await wall(db, table, `sb_organisation_visible(organisation_id)`, `sb_organisation_visible(organisation_id)`);
  }
  for (const [table, column, parent] of BY_PARENT) {
    const parentVisible = `EXISTS (SELECT 1 FROM ${parent} p WHERE p.id = ${table}.${column})`;
    await wall(db, table, parentVisible, parentVisible);
  }
  // The audit log: an organisation reads its own rows. A row without an organisation (a failed
  // sign-in before anyone is known) may be added from anywhere and is read only across
  // organisations. Read rows of several requests are added together (group commit,
  // src/audit/audit.ts) per organisation.
  await wall(db, 'audit_event', `sb_organisation_visible(organisation_id)`, `organisation_id IS NULL OR sb_organisation_visible(organisation_id)`);
}

async function wall(db: Kysely<any>, table: string, using: string, check: string): Promise<void> {
  await sql.raw(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`).execute(db);
  await sql.raw(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`).execute(db);
  await sql.raw(`CREATE POLICY organisation_wall ON ${table} USING (${using}) WITH CHECK (${check})`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const table of [...BY_ORGANISATION, ...BY_PARENT.map(([t]) => t), 'audit_event']) {
    await sql.raw(`DROP POLICY organisation_wall ON ${table}`).execute(db);
    await sql.raw(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`).execute(db);
    await sql.raw(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`).execute(db);
  }
  await sql`DROP FUNCTION sb_organisation_visible(bigint)`.execute(db);
}
