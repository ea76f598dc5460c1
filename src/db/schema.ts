import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CatalogueTables } from '../catalogue/tables.js';
import type { HouseholdTables } from '../households/tables.js';
import type { BalanceTables } from '../balances/tables.js';
import type { GpmiTables } from '../gpmi/tables.js';
import type { ClientVoiceTables } from '../client-voice/tables.js';
import type { FiguresTables } from '../figures/tables.js';
import type { ApiTables } from '../api/tables.js';
import type { SsoTables } from '../sso/tables.js';

// Row types of every table, as Kysely sees them. Booleans are 0/1 integers (SQLite).

export interface OrganisationTable {
  id: Generated<number>;
  name: string;
  require_two_factor: Generated<number>;
  sensitive_visibility: Generated<'team' | 'assigned'>;
  created_at: number;
}
export interface TeamTable {
  id: Generated<number>;
  organisation_id: number;
  name: string;
  created_at: number;
}
export interface AppUserTable {
  id: Generated<number>;
  organisation_id: number;
  email: string;
  display_name: string;
  password_hash: string | null;
  is_admin: Generated<number>;
  /** The "beleid" role: sees the organisation's anonymous figures, no client files. */
  is_policy: Generated<number>;
  locale: Generated<string>;
  totp_key: Uint8Array | null;
  totp_enabled_at: number | null;
  totp_last_counter: number | null;
  disabled_at: number | null;
  created_at: number;
  updated_at: number;
}
export interface TeamMembershipTable {
  team_id: number;
  user_id: number;
  role: 'worker' | 'lead';
}
export interface UserSessionTable {
  id: string;
  secret_hash: Uint8Array;
  user_id: number;
  created_at: number;
  last_active_at: number;
  two_factor_verified: Generated<number>;
  user_agent: Generated<string>;
  /** 1: the identity provider asked the second factor at sign-in (src/sso/). */
  provider_mfa: Generated<number>;
}
export interface UserTokenTable {
  id: string;
  secret_hash: Uint8Array;
  user_id: number;
  purpose: 'invitation' | 'password_reset';
  created_at: number;
  expires_at: number;
  used_at: number | null;
}
export interface RecoveryCodeTable {
  id: Generated<number>;
  user_id: number;
  code_hash: Uint8Array;
  used_at: number | null;
}
export interface SigninThrottleTable {
  key: string;
  failures: number;
  last_failure_at: number;
  locked_until: number;
}
export interface AuditEventTable {
  id: Generated<number>;
  at: number;
  organisation_id: number | null;
  actor_user_id: number | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  request_id: string | null;
  outcome: 'success' | 'failure' | 'denied';
  /** The API client that made the call (src/api/), when the caller was not a person. */
  api_client_id: Generated<number | null>;
  /** The API route called, as a pattern ("GET /api/v1/households/:householdId"). */
  route: Generated<string | null>;
}

/** One row (id 1): the server-side key that signs tokens the server hands out (see src/db/server-secret.ts). */
export interface ServerSecretTable {
  id: number;
  key: Uint8Array;
  created_at: number;
}

export interface Database {
  organisation: OrganisationTable;
  team: TeamTable;
  app_user: AppUserTable;
  team_membership: TeamMembershipTable;
  user_session: UserSessionTable;
  user_token: UserTokenTable;
  recovery_code: RecoveryCodeTable;
  signin_throttle: SigninThrottleTable;
  audit_event: AuditEventTable;
  server_secret: ServerSecretTable;
  catalogue_draft: CatalogueTables['catalogue_draft'];
  catalogue_theme: CatalogueTables['catalogue_theme'];
  catalogue_domain: CatalogueTables['catalogue_domain'];
  catalogue_version: CatalogueTables['catalogue_version'];
  household: HouseholdTables['household'];
  household_member: HouseholdTables['household_member'];
  balance: BalanceTables['balance'];
  balance_subject: BalanceTables['balance_subject'];
  balance_score: BalanceTables['balance_score'];
  balance_amendment: BalanceTables['balance_amendment'];
  balance_plan: GpmiTables['balance_plan'];
  balance_priority: GpmiTables['balance_priority'];
  gpmi: GpmiTables['gpmi'];
  gpmi_version: GpmiTables['gpmi_version'];
  gpmi_moment: GpmiTables['gpmi_moment'];
  gpmi_agreement: GpmiTables['gpmi_agreement'];
  gpmi_agreement_item: GpmiTables['gpmi_agreement_item'];
  gpmi_evaluation: GpmiTables['gpmi_evaluation'];
  gpmi_evaluation_item: GpmiTables['gpmi_evaluation_item'];
  client_language: ClientVoiceTables['client_language'];
  client_text: ClientVoiceTables['client_text'];
  client_setting: ClientVoiceTables['client_setting'];
  client_invitation: ClientVoiceTables['client_invitation'];
  client_answer: ClientVoiceTables['client_answer'];
  client_session_lock: ClientVoiceTables['client_session_lock'];
  member_client_language: ClientVoiceTables['member_client_language'];
  gpmi_client_text: ClientVoiceTables['gpmi_client_text'];
  figures_setting: FiguresTables['figures_setting'];
  living_wage: FiguresTables['living_wage'];
  digest_sent: FiguresTables['digest_sent'];
  api_client: ApiTables['api_client'];
  api_token: ApiTables['api_token'];
  sso_provider: SsoTables['sso_provider'];
  sso_domain: SsoTables['sso_domain'];
  sso_identity: SsoTables['sso_identity'];
  sso_login: SsoTables['sso_login'];
}

export type AppUser = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type AppUserUpdate = Updateable<AppUserTable>;
export type Organisation = Selectable<OrganisationTable>;
