import type { Context } from 'hono';
import type { AppEnv } from '../http/env.js';
import type { Messages } from '../i18n/index.js';
import { problem, type ProblemType } from '../http/problem.js';
import { audit } from '../audit/audit.js';
import { inTransaction } from '../db/transaction.js';
import { clientAddress } from '../auth/middleware.js';
import { addressKey, confirmFailure, releaseOnSuccess, reserveAttempt } from '../auth/throttle.js';
import { verifyAgainstDummy, verifyPassword } from '../auth/password.js';
import { addressAllowed } from './addresses.js';
import { acrossOrganisations, inOrganisation } from '../db/organisation-scope.js';
import { ACCESS_TOKEN_TTL_MS, findClientForTokenRequest, issueAccessToken, rateLimitedUntil } from './queries.js';
import { RATE_WINDOW_MS } from './call.js';
import { formatScopes, parseScopes } from './scopes.js';

// The token endpoint: OAuth 2.0 client credentials (RFC 6749 §4.4). The client authenticates with
// its id and secret (HTTP Basic, or both in the form) and gets a Bearer token for 15 minutes.
// Refusals are problem documents that also carry OAuth's own `error` code, so both an OAuth
// library and a person reading the answer understand it. Every request leaves an audit row.

export const TOKEN_ROUTE = 'POST /api/oauth/token';

export interface TokenForm {
  grant_type: string;
  scope?: string | undefined;
  client_id?: string | undefined;
  client_secret?: string | undefined;
}

/** HTTP Basic credentials (RFC 6749 §2.3.1: each part form-urlencoded), absent, or unreadable. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | null | 'malformed' {
  if (!header) return null;
  const m = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  if (!m) return 'malformed';
  const text = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 0) return 'malformed';
  try {
    const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    return { id: decode(text.slice(0, colon)), secret: decode(text.slice(colon + 1)) };
  } catch {
    return 'malformed';
  }
}

const OAUTH_ERROR: Partial<Record<ProblemType, string>> = {
  'invalid-request': 'invalid_request',
  'invalid-client': 'invalid_client',
  'unsupported-grant-type': 'unsupported_grant_type',
  'invalid-scope': 'invalid_scope',
};

function refuse<E extends AppEnv>(c: Context<E>, status: number, type: ProblemType, headers: Record<string, string> = {}, detail?: string) {
  const error = OAUTH_ERROR[type];
  return problem(c, status, type, { ...(detail ? { detail } : {}), extra: error ? { error } : {}, headers: { Pragma: 'no-cache', ...headers } });
}

/** `form` null: the body was not a form, or not one of strings (a field given twice): invalid_request. */
export async function tokenRequest<E extends AppEnv>(c: Context<E>, form: TokenForm | null): Promise<Response> {
  const { db, now } = c.get('deps');
  const t: Messages = c.get('t');
  const record = (client: { id: number; organisation_id: number } | undefined, outcome: 'failure' | 'denied') =>
    audit(db, now(), {
      organisationId: client?.organisation_id ?? null,
      actorUserId: null,
      apiClientId: client?.id ?? null,
      action: 'api.token_refused',
      targetType: 'api_client',
      targetId: client?.id,
      route: TOKEN_ROUTE,
      requestId: c.get('requestId'),
      outcome,
    });

  const basic = basicCredentials(c.req.header('Authorization'));
  if (!form || !form.grant_type || basic === 'malformed' || (basic && (form.client_id !== undefined || form.client_secret !== undefined))) {
    await record(undefined, 'failure');
    return refuse(c, 400, 'invalid-request');
  }
  if (form.grant_type !== 'client_credentials') {
    await record(undefined, 'failure');
    return refuse(c, 400, 'unsupported-grant-type');
  }
  const clientId = basic?.id ?? form.client_id ?? '';
  const secret = basic?.secret ?? form.client_secret ?? '';
  // Guessing is throttled per address, as sign-in is (auth/throttle.ts): the attempt is reserved
  // before the secret is hashed, so a flood of requests costs no more than the lock allows, and
  // someone who knows a client id locks out their own address, not the client.
  const ip = clientAddress(c);
  const keys = ip ? [addressKey('token', ip)] : [];
  const reserved = await reserveAttempt(db, keys, now());
  if (!reserved.allowed) {
    const seconds = Math.max(1, Math.ceil(reserved.waitMs / 1000));
    await audit(db, now(), {
      organisationId: null,
      actorUserId: null,
      action: 'api.rate_limited',
      targetType: 'api_client',
      route: TOKEN_ROUTE,
      requestId: c.get('requestId'),
      outcome: 'denied',
    });
    return refuse(c, 429, 'rate-limited', { 'Retry-After': String(seconds) }, t.api.tokenThrottled(seconds));
  }
  const failed = async (client: { id: number; organisation_id: number } | undefined) => {
    await confirmFailure(db, keys, now());
    await record(client, 'denied');
    return refuse(c, 401, 'invalid-client', { 'WWW-Authenticate': 'Basic realm="sociale-balans-api"' });
  };
  // The client id says which organisation asks (src/db/organisation-scope.ts): found across
  // organisations; once the secret is right, the rest runs in the client's.
  const client = clientId ? await acrossOrganisations('api-token', () => findClientForTokenRequest(db, clientId)) : undefined;
  if (!client || client.revoked_at !== null || !secret) {
    // The same work as a wrong secret, so the answer's timing does not tell which client ids exist.
    await verifyAgainstDummy(secret);
    return failed(client);
  }
  if (!(await verifyPassword(client.secret_hash, secret))) return failed(client);
  // The throttle is the whole database's (by address), so released before the organisation's scope.
  await releaseOnSuccess(db, keys);
  return inOrganisation(client.organisation_id, async () => {
    // Only a caller with the right secret learns that its address is not on the allow-list: to anyone
    // else a known client id answers exactly like an unknown one.
    if (!addressAllowed(client.ip_allow_list, ip)) {
      await record(client, 'denied');
      return refuse(c, 403, 'address-not-allowed');
    }
    const until = await rateLimitedUntil(db, { id: client.id, organisationId: client.organisation_id }, client.rate_limit_per_minute, RATE_WINDOW_MS, now());
    if (until !== null) {
      const seconds = Math.max(1, Math.ceil((until - now()) / 1000));
      await audit(db, now(), {
        organisationId: client.organisation_id,
        actorUserId: null,
        apiClientId: client.id,
        action: 'api.rate_limited',
        targetType: 'api_client',
        targetId: client.id,
        route: TOKEN_ROUTE,
        requestId: c.get('requestId'),
        outcome: 'denied',
      });
      return refuse(c, 429, 'rate-limited', { 'Retry-After': String(seconds) }, t.api.rateLimited(client.rate_limit_per_minute, seconds));
    }
    const granted = parseScopes(client.scopes).scopes;
    const asked = form.scope === undefined ? { scopes: granted, unknown: [] } : parseScopes(form.scope);
    if (asked.unknown.length || !asked.scopes.length || asked.scopes.some((s) => !granted.includes(s))) {
      await record(client, 'failure');
      return refuse(c, 400, 'invalid-scope');
    }
    const at = now();
    const token = await inTransaction(db, async (trx) => {
      const issued = await issueAccessToken(trx, client.id, asked.scopes, at);
      await audit(trx, at, {
        organisationId: client.organisation_id,
        actorUserId: null,
        apiClientId: client.id,
        action: 'api.token_issued',
        targetType: 'api_client',
        targetId: client.id,
        route: TOKEN_ROUTE,
        requestId: c.get('requestId'),
      });
      return issued;
    });
    return c.json({ access_token: token, token_type: 'Bearer' as const, expires_in: ACCESS_TOKEN_TTL_MS / 1000, scope: formatScopes(asked.scopes) }, 200, {
      'Cache-Control': 'no-store',
      Pragma: 'no-cache',
    });
  });
}
