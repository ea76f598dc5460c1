import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { ApiScope } from './scopes.js';
import { ProblemSchema } from './schemas.js';

// Every API route states the OAuth scopes it needs once, here: they go into the OpenAPI document
// (the operation's `security`) and into the table the call middleware (call.ts) checks before
// anything else runs, so a missing scope is a 403 whatever the ids in the path.

export const SECURITY_SCHEME = 'clientCredentials';

const required = new Map<string, readonly ApiScope[]>();

/** The scopes a route pattern ("GET /api/v1/households/:householdId") needs; undefined: no such API route. */
export function requiredScopes(route: string): readonly ApiScope[] | undefined {
  return required.get(route);
}

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });

/** The refusals every /api/v1 route can answer. */
export const COMMON_REFUSALS = {
  401: problem('No valid access token (invalid-token).'),
  403: problem('A scope is missing (insufficient-scope), or the address is not on the allow-list (address-not-allowed).'),
  429: problem('Too many requests in the last minute (rate-limited); see Retry-After.'),
} as const;

/** The refusal of a route with ids in its path: not there, or not this client's. */
export const NOT_FOUND = { 404: problem('Not found, or not reachable for this client (not-found): the same answer for both.') } as const;

export const VALIDATION = { 400: problem('A value was refused (validation); see errors.') } as const;

function routeKey(method: string, mount: string, path: string): string {
  const full = `/api/v1${mount}${path}`.replace(/\{(\w+)\}/g, ':$1').replace(/(.)\/$/, '$1');
  return `${method.toUpperCase()} ${full}`;
}

/**
 * An /api/v1 route, mounted at `mount` below /api/v1 ('' or '/households/:householdId'), that needs
 * `scopes`. Returns the route for `.openapi()`, with its security requirement filled in.
 */
export function v1Route<const R extends RouteConfig>(mount: string, scopes: readonly ApiScope[], config: R) {
  required.set(routeKey(config.method, mount, config.path), scopes);
  return createRoute({ ...config, security: [{ [SECURITY_SCHEME]: [...scopes] }] });
}
