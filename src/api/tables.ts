import type { Generated } from 'kysely';

// Row types of the API tables (migrations/20261207T1400_api_clients.ts), as Kysely sees them.

export interface ApiClientTable {
  id: Generated<number>;
  organisation_id: number;
  client_id: string;
  name: string;
  scopes: string;
  team_id: number | null;
  ip_allow_list: string | null;
  rate_limit_per_minute: Generated<number>;
  secret_hash: string;
  secret_set_at: number;
  revision: Generated<number>;
  created_at: number;
  created_by: number | null;
  updated_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface ApiTokenTable {
  id: string;
  secret_hash: Uint8Array;
  api_client_id: number;
  scopes: string;
  created_at: number;
  expires_at: number;
}

export interface ApiTables {
  api_client: ApiClientTable;
  api_token: ApiTokenTable;
}
