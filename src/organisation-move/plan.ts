import type { AuditTargetType } from '../audit/audit.js';
import type { Database } from '../db/schema.js';

// What moving one organisation (docs/decisions/037-organisation-move.md) does with every table of
// the schema: moved with the organisation, or deliberately left behind with the reason. Typed as a
// full Record, so a new table does not compile until it is placed here; a test also compares this
// with the tables and foreign keys the migrations really make (tests/unit/organisation-move-plan.test.ts).

export type TableName = keyof Database;

export interface MovedTable {
  kind: 'moved';
  /**
   * How the organisation's rows are found: by its own id in `column` (table 'organisation'), or by
   * `column` holding the id of a row already moved from `table` (a household's members, ...).
   */
  of: { column: string; table: TableName };
  /**
   * The row's own id: 'serial' gets a new one in the target (every foreign key to it is rewritten);
   * 'kept' is a random text id, unique across deployments, kept as it is; 'none': no id column.
   */
  id: 'serial' | 'kept' | 'none';
  /** Integer columns holding the id of a moved row of another table (every foreign key, and the unchecked ones). */
  refs: Record<string, TableName>;
  /** Columns holding 'h' (the household) or 'm<household_member id>': an id inside a text. */
  subjects?: string[];
  /** The export order: columns whose order the move keeps (new ids are given in this order). */
  order: string[];
}

export interface LeftTable {
  kind: 'left';
  /** Why the rows stay behind, and what the people of the organisation notice. */
  reason: string;
}

export type TablePlan = MovedTable | LeftTable;

const org = (column = 'organisation_id') => ({ column, table: 'organisation' as const });
const moved = (p: Omit<MovedTable, 'kind'>): MovedTable => ({ kind: 'moved', ...p });
const left = (reason: string): LeftTable => ({ kind: 'left', reason });

/** Every table, parents before children: the order of export and import. */
export const MOVE_PLAN: Record<TableName, TablePlan> = {
  organisation: moved({ of: org('id'), id: 'serial', refs: {}, order: ['id'] }),
  team: moved({ of: org(), id: 'serial', refs: { organisation_id: 'organisation' }, order: ['id'] }),
  app_user: moved({ of: org(), id: 'serial', refs: { organisation_id: 'organisation' }, order: ['id'] }),
  team_membership: moved({
    of: { column: 'user_id', table: 'app_user' },
    id: 'none',
    refs: { team_id: 'team', user_id: 'app_user' },
    order: ['team_id', 'user_id'],
  }),
  recovery_code: moved({ of: { column: 'user_id', table: 'app_user' }, id: 'serial', refs: { user_id: 'app_user' }, order: ['id'] }),
  digest_sent: moved({ of: { column: 'user_id', table: 'app_user' }, id: 'none', refs: { user_id: 'app_user' }, order: ['user_id', 'week'] }),
  catalogue_draft: moved({ of: org(), id: 'none', refs: { organisation_id: 'organisation', updated_by: 'app_user' }, order: ['organisation_id'] }),
  catalogue_theme: moved({ of: org(), id: 'serial', refs: { organisation_id: 'organisation' }, order: ['id'] }),
  catalogue_domain: moved({ of: org(), id: 'serial', refs: { organisation_id: 'organisation', theme_id: 'catalogue_theme' }, order: ['id'] }),
  catalogue_version: moved({ of: org(), id: 'serial', refs: { organisation_id: 'organisation', published_by: 'app_user' }, order: ['id'] }),
  figures_setting: moved({ of: org(), id: 'none', refs: { organisation_id: 'organisation', updated_by: 'app_user' }, order: ['organisation_id'] }),
  client_language: moved({ of: org(), id: 'none', refs: { organisation_id: 'organisation', changed_by: 'app_user' }, order: ['lang'] }),
  client_text: moved({ of: org(), id: 'serial', refs: { organisation_id: 'organisation', updated_by: 'app_user' }, order: ['id'] }),
  client_setting: moved({ of: org(), id: 'none', refs: { organisation_id: 'organisation', updated_by: 'app_user' }, order: ['organisation_id'] }),
  // The secret is an argon2id hash made without the server secret: the client's credentials keep
  // working in the target (client_id is random and unique across deployments).
  api_client: moved({ of: org(), id: 'serial', refs: { organisation_id: 'organisation', team_id: 'team', created_by: 'app_user' }, order: ['id'] }),
  // The client secret is stored readable (it is sent to the provider); nothing here is encrypted.
  sso_provider: moved({ of: org(), id: 'serial', refs: { organisation_id: 'organisation' }, order: ['id'] }),
  sso_domain: moved({ of: { column: 'provider_id', table: 'sso_provider' }, id: 'none', refs: { provider_id: 'sso_provider' }, order: ['domain'] }),
  sso_identity: moved({ of: { column: 'user_id', table: 'app_user' }, id: 'serial', refs: { user_id: 'app_user' }, order: ['id'] }),
  household: moved({
    of: org(),
    id: 'serial',
    refs: { organisation_id: 'organisation', team_id: 'team', assigned_user_id: 'app_user', created_by: 'app_user', updated_by: 'app_user' },
    order: ['id'],
  }),
  household_member: moved({
    of: { column: 'household_id', table: 'household' },
    id: 'serial',
    refs: { household_id: 'household', updated_by: 'app_user' },
    order: ['id'],
  }),
  member_client_language: moved({
    of: { column: 'member_id', table: 'household_member' },
    id: 'none',
    refs: { member_id: 'household_member' },
    order: ['member_id'],
  }),
  living_wage: moved({
    of: org(),
    id: 'serial',
    refs: { organisation_id: 'organisation', household_id: 'household', member_id: 'household_member', updated_by: 'app_user' },
    order: ['id'],
  }),
  balance: moved({
    of: org(),
    id: 'serial',
    refs: {
      organisation_id: 'organisation',
      household_id: 'household',
      catalogue_version_id: 'catalogue_version',
      created_by: 'app_user',
      finalised_by: 'app_user',
    },
    order: ['id'],
  }),
  balance_subject: moved({
    of: { column: 'balance_id', table: 'balance' },
    id: 'none',
    refs: { balance_id: 'balance', member_id: 'household_member' },
    order: ['balance_id', 'member_id'],
  }),
  // editor_token is a random value per opened editor, not derived from the server secret: copied as it is.
  balance_score: moved({
    of: { column: 'balance_id', table: 'balance' },
    id: 'serial',
    refs: { balance_id: 'balance', member_id: 'household_member', updated_by: 'app_user' },
    subjects: ['subject'],
    order: ['id'],
  }),
  balance_amendment: moved({
    of: { column: 'balance_id', table: 'balance' },
    id: 'serial',
    refs: { balance_id: 'balance', created_by: 'app_user' },
    subjects: ['subject'],
    order: ['id'],
  }),
  balance_plan: moved({
    of: { column: 'balance_id', table: 'balance' },
    id: 'none',
    refs: { balance_id: 'balance', updated_by: 'app_user' },
    order: ['balance_id'],
  }),
  balance_priority: moved({
    of: { column: 'balance_id', table: 'balance' },
    id: 'serial',
    refs: { balance_id: 'balance', member_id: 'household_member' },
    subjects: ['subject'],
    order: ['id'],
  }),
  gpmi: moved({
    of: org(),
    id: 'serial',
    refs: { organisation_id: 'organisation', household_id: 'household', member_id: 'household_member', balance_id: 'balance', created_by: 'app_user' },
    order: ['id'],
  }),
  // A signed version is written as a draft and signed once its moments and agreements are in: the
  // triggers refuse rows added to a signed version (src/organisation-move/import.ts).
  gpmi_version: moved({
    of: { column: 'gpmi_id', table: 'gpmi' },
    id: 'serial',
    refs: { gpmi_id: 'gpmi', created_by: 'app_user', updated_by: 'app_user', signed_by: 'app_user' },
    order: ['id'],
  }),
  gpmi_moment: moved({ of: { column: 'version_id', table: 'gpmi_version' }, id: 'serial', refs: { version_id: 'gpmi_version' }, order: ['id'] }),
  gpmi_agreement: moved({
    of: { column: 'version_id', table: 'gpmi_version' },
    id: 'serial',
    refs: { version_id: 'gpmi_version', member_id: 'household_member' },
    subjects: ['subject'],
    order: ['id'],
  }),
  gpmi_agreement_item: moved({
    of: { column: 'agreement_id', table: 'gpmi_agreement' },
    id: 'serial',
    refs: { agreement_id: 'gpmi_agreement' },
    order: ['id'],
  }),
  gpmi_evaluation: moved({
    of: { column: 'gpmi_id', table: 'gpmi' },
    id: 'serial',
    refs: { gpmi_id: 'gpmi', version_id: 'gpmi_version', balance_id: 'balance', created_by: 'app_user' },
    order: ['id'],
  }),
  gpmi_evaluation_item: moved({
    of: { column: 'evaluation_id', table: 'gpmi_evaluation' },
    id: 'none',
    refs: { evaluation_id: 'gpmi_evaluation', agreement_id: 'gpmi_agreement' },
    order: ['evaluation_id', 'agreement_id'],
  }),
  gpmi_client_text: moved({ of: org(), id: 'serial', refs: { organisation_id: 'organisation', gpmi_id: 'gpmi', updated_by: 'app_user' }, order: ['id'] }),
  // The id is the public half of the client's link (only a hash of the secret is kept). Kept, so the
  // audit rows that name an invitation still do; the link itself names the old address.
  client_invitation: moved({
    of: org(),
    id: 'kept',
    refs: {
      organisation_id: 'organisation',
      household_id: 'household',
      balance_id: 'balance',
      member_id: 'household_member',
      created_by: 'app_user',
      closed_by: 'app_user',
    },
    order: ['id'],
  }),
  client_answer: moved({
    of: { column: 'balance_id', table: 'balance' },
    id: 'serial',
    refs: { balance_id: 'balance', decided_by: 'app_user' },
    subjects: ['subject'],
    order: ['id'],
  }),
  // The audit log of the organisation moves with it (target ids rewritten: see AUDIT_TARGETS).
  // actor_user_id and api_client_id have no foreign key; an id outside the organisation becomes NULL.
  audit_event: moved({
    of: org(),
    id: 'serial',
    refs: { organisation_id: 'organisation', actor_user_id: 'app_user', api_client_id: 'api_client' },
    order: ['id'],
  }),

  user_session: left('A session’s cookie belongs to the old address: everyone signs in again in the target, with the same password and second factor.'),
  client_session_lock: left('A hand-over of a worker’s screen goes with that worker’s session, which is not moved.'),
  user_token: left(
    'One-time invitation and password links name the old address; an administrator makes new ones (npm run admin -- reset-password) in the target.',
  ),
  signin_throttle: left('Counters of failed sign-ins, keyed by address and network, live minutes and are not per organisation.'),
  server_secret: left(
    'Per deployment: the target keeps its own. Nothing moved depends on it; it only signs balance editor tokens, which live as long as a session.',
  ),
  api_token: left('Access tokens live 15 minutes; the API client asks a new one with its (moved) credentials.'),
  sso_login: left('A sign-in through the identity provider under way (10 minutes); it names the old address. Sign in again.'),
};

/** The moved tables in order, with their plans. */
export const MOVED_TABLES = (Object.entries(MOVE_PLAN) as [TableName, TablePlan][]).filter((e): e is [TableName, MovedTable] => e[1].kind === 'moved');

/**
 * What audit_event.target_id names, per target_type: the moved table whose id it holds (rewritten),
 * 'team-in-query' (the figures' filters, "...team=<team id>..."), 'team-or-word' (the to-do list's
 * "<team id or mine/teams>.<kind>"), or null (a word, a text id or a code: kept as it is).
 */
export const AUDIT_TARGETS: Record<AuditTargetType, TableName | 'team-in-query' | 'team-or-word' | null> = {
  user: 'app_user',
  team: 'team',
  organisation: 'organisation',
  catalogue_draft: 'organisation',
  household: 'household',
  household_member: 'household_member',
  balance: 'balance',
  gpmi: 'gpmi',
  catalogue_version: 'catalogue_version',
  catalogue_domain: 'catalogue_domain',
  catalogue_theme: 'catalogue_theme',
  api_client: 'api_client',
  figures: 'team-in-query',
  figures_export: 'team-in-query',
  todo: 'team-or-word',
  // The session id of a session that is not moved: a random text that names nothing in the target.
  session: null,
  route: null,
  caseload: null,
  sso_refusal: null,
  client_invitation: null,
  client_language: null,
};
