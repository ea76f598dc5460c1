// The API feature's data as the rest of the code sees it. Types only, so views can import them
// without reaching query code.
import type { ApiScope } from './scopes.js';

export interface ApiClient {
  id: number;
  organisationId: number;
  clientId: string;
  name: string;
  scopes: ApiScope[];
  teamId: number | null;
  teamName: string | null;
  ipAllowList: string | null;
  rateLimitPerMinute: number;
  revision: number;
  createdAt: number;
  createdByName: string | null;
  updatedAt: number;
  secretSetAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}
