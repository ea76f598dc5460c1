import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from '../http/env.js';
import type { OrgScope } from '../auth/org-scope.js';
import { problem } from '../http/problem.js';
import { audit, type AuditAction, type AuditTargetType } from '../audit/audit.js';
import { clientAddress } from '../auth/middleware.js';
import { hashSecret, sameHash, splitToken } from '../auth/tokens.js';
import { clientTarget } from '../households/scoped.js';
import { addressAllowed } from './addresses.js';
import { acrossOrganisations, inOrganisation } from '../db/organisation-scope.js';
import { findAccessToken, organisationTeamIds, rateLimitedUntil } from './queries.js';
import { requiredScopes } from './route-spec.js';
import { parseScopes, type ApiScope } from './scopes.js';
import type { ApiEnv } from './env.js';

// The one way into /api/v1: every call passes here first.
//  1. Who: the Bearer token (hashed in the database, as sessions are), its client, not revoked,
//     not expired. Otherwise 401 with a problem document.
//  2. From where: the client's IP allow-list, if it has one. Otherwise 403.
//  3. How often: the client's calls in the last minute, counted in the audit log. Over the
//     limit: 429 with Retry-After.
//  4. What: the scopes the route needs (route-spec.ts) against the token's. Otherwise 403. This
//     runs before any id in the path is looked at, so a refusal says nothing about what exists.
//  5. Then the client's OrgScope is set, and the routes reach client files exactly as the pages do:
//     through households/scoped.ts (another organisation's or team's id: the same audited 404).
// Every call leaves one row in the audit log with the client, the route, the ids and the outcome:
// the row a route writes itself (a read, a change, the 404 of households/scoped.ts), or else the
// row written here after the route answered.

export const RATE_WINDOW_MS = 60_000;

/** The route pattern this request matched ("GET /api/v1/households/:householdId"), if any. */
function matchedRoute<E extends AppEnv>(c: Context<E>): string | undefined {
  const route = matchedRoutes(c)
    .filter((r) => r.method !== 'ALL')
    .at(-1);
  return route ? `${route.method} ${route.path}` : undefined;
}

type Client = { id: number; organisationId: number };

type Authenticated =
  { ok: true; client: Client; scopes: ApiScope[]; scope: OrgScope; ipAllowList: string | null; rateLimit: number } | { ok: false; client: Client | null };

async function authenticate<E extends AppEnv>(c: Context<E>): Promise<Authenticated> {
  const { db, now } = c.get('deps');
  const m = /^Bearer ([^\s,]+)$/i.exec(c.req.header('Authorization') ?? '');
  const parts = m ? splitToken(m[1]!) : null;
  if (!parts) return { ok: false, client: null };
  const row = await findAccessToken(db, parts.id);
  if (!row) return { ok: false, client: null };
  const client = { id: row.client_id, organisationId: row.organisation_id };
  if (!sameHash(hashSecret(parts.secret), new Uint8Array(row.secret_hash))) return { ok: false, client };
  if (row.expires_at <= now() || row.revoked_at !== null) return { ok: false, client };
  // A token keeps the scopes it was issued with, but never more than the client has now.
  const current = new Set(parseScopes(row.client_scopes).scopes);
  const scopes = parseScopes(row.scopes).scopes.filter((s) => current.has(s));
  const teamIds = row.team_id !== null ? [row.team_id] : await organisationTeamIds(db, row.organisation_id);
  const scope: OrgScope = {
    organisationId: row.organisation_id,
    userId: null,
    isAdmin: false,
    teamIds,
    leadTeamIds: [],
    sensitiveVisibility: row.sensitive_visibility,
    apiClient: { id: row.client_id, readsSensitive: scopes.includes('sensitive:read') },
  };
  return { ok: true, client, scopes, scope, ipAllowList: row.ip_allow_list, rateLimit: row.rate_limit_per_minute };
}

/** The most specific record an API path names, for the audit row (never free text from the URL). */
function targetOf(path: string): { targetType: AuditTargetType; targetId?: string } {
  if (/^\/api\/v1\/households\/[^/]+/.test(path)) return clientTarget(path);
  const version = /^\/api\/v1\/catalogue\/versions\/(\d{1,15})$/.exec(path);
  if (version) return { targetType: 'catalogue_version', targetId: version[1]! };
  return { targetType: 'route' };
}

export const apiCall = createMiddleware<ApiEnv>(async (c, next) => {
  const { db, now } = c.get('deps');
  const route = matchedRoute(c);
  if (route) c.set('apiRoute', route);
  const record = (client: Client | null, action: AuditAction, outcome: 'success' | 'failure' | 'denied') =>
    audit(db, now(), {
      organisationId: client?.organisationId ?? null,
      actorUserId: null,
      apiClientId: client?.id ?? null,
      action,
      ...targetOf(c.req.path),
      route: route ?? null,
      requestId: c.get('requestId'),
      outcome,
    });

  // The token says which organisation calls: found across organisations, everything after it runs
  // in the caller's (src/db/organisation-scope.ts).
  const who = await acrossOrganisations('api-token', () => authenticate(c));
  const inCaller = <T>(fn: () => Promise<T>) => (who.client ? inOrganisation(who.client.organisationId, fn) : fn());
  return inCaller(async () => {
    if (!who.ok) {
      await record(who.client, 'api.unauthorized', 'denied');
      return problem(c, 401, 'invalid-token', { headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
    }
    if (!addressAllowed(who.ipAllowList, clientAddress(c))) {
      await record(who.client, 'access.denied', 'denied');
      return problem(c, 403, 'address-not-allowed');
    }
    const until = await rateLimitedUntil(db, who.client, who.rateLimit, RATE_WINDOW_MS, now());
    if (until !== null) {
      const seconds = Math.max(1, Math.ceil((until - now()) / 1000));
      await record(who.client, 'api.rate_limited', 'denied');
      return problem(c, 429, 'rate-limited', { detail: c.get('t').api.rateLimited(who.rateLimit, seconds), headers: { 'Retry-After': String(seconds) } });
    }
    const needed = route ? (requiredScopes(route) ?? []) : [];
    const missing = needed.filter((s) => !who.scopes.includes(s));
    if (missing.length) {
      await record(who.client, 'access.denied', 'denied');
      return insufficientScope(c, missing);
    }

    c.set('scope', who.scope);
    c.set('apiScopes', who.scopes);
    await next();
    if (c.get('audited')) return;
    const status = c.res.status;
    const outcome = status < 400 ? 'success' : status === 403 || status === 404 ? 'denied' : 'failure';
    await record(who.client, outcome === 'denied' ? 'access.denied' : 'api.request', outcome);
    return undefined;
  });
});

/** 403 for a call that needs scopes the token lacks (also for a change a route finds it needs). */
export function insufficientScope<E extends AppEnv>(c: Context<E>, missing: readonly ApiScope[]): Response {
  const list = missing.join(' ');
  return problem(c, 403, 'insufficient-scope', {
    detail: c.get('t').api.insufficientScope(list),
    extra: { requiredScopes: missing },
    headers: { 'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${list}"` },
  });
}
