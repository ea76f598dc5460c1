import type { AppVariables } from '../http/env.js';
import type { OrgScope } from '../auth/org-scope.js';
import type { HouseholdVariables } from '../households/scoped.js';
import type { ApiScope } from './scopes.js';

/** Behind the API's call middleware (call.ts): the client's scope and its OAuth scopes are set. */
export interface ApiEnv {
  Variables: AppVariables & {
    scope: OrgScope;
    /** The OAuth scopes of this call: the token's, as far as the client still has them. */
    apiScopes: readonly ApiScope[];
  };
}

/** Under /api/v1/households/:householdId, behind households/scoped.ts as for the pages. */
export interface ApiHouseholdEnv {
  Variables: ApiEnv['Variables'] & HouseholdVariables;
}
