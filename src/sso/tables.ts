import type { Generated } from 'kysely';

// Row types of the single sign-on tables (migrations/20261207T1410_sso.ts), as Kysely sees them.

export interface SsoProviderTable {
  id: Generated<number>;
  organisation_id: number;
  issuer: string;
  client_id: string;
  client_secret: string;
  auto_create: Generated<number>;
  mfa_enforced: Generated<number>;
  password_signin: Generated<number>;
  revision: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface SsoDomainTable {
  domain: string;
  provider_id: number;
}

export interface SsoIdentityTable {
  id: Generated<number>;
  user_id: number;
  issuer: string;
  subject: string;
  created_at: number;
  last_signin_at: number | null;
}

export interface SsoLoginTable {
  state_hash: string;
  provider_id: number;
  nonce: string;
  code_verifier: string;
  next: string;
  replay_action: string | null;
  replay_payload: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface SsoTables {
  sso_provider: SsoProviderTable;
  sso_domain: SsoDomainTable;
  sso_identity: SsoIdentityTable;
  sso_login: SsoLoginTable;
}
