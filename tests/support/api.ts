import type { TestApp } from './app.js';
import type { ClientCredentials } from '../../src/api/queries.js';

// Calling the API as client software does: a token from /api/oauth/token (HTTP Basic), then Bearer
// requests. No Origin header and no cookie: the API needs neither.

export function basic(cred: Pick<ClientCredentials, 'clientId' | 'clientSecret'>): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(cred.clientId)}:${encodeURIComponent(cred.clientSecret)}`).toString('base64')}`;
}

/** POST /api/oauth/token with a form body (and HTTP Basic when `cred` is given). */
export function tokenRequest(
  t: TestApp,
  body: Record<string, string>,
  cred?: Pick<ClientCredentials, 'clientId' | 'clientSecret'>,
  headers: Record<string, string> = {},
) {
  return t.app.request('/api/oauth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cred ? { Authorization: basic(cred) } : {}), ...headers },
    body: new URLSearchParams(body).toString(),
  });
}

/** An access token for the client (all its scopes unless `scope` narrows them). */
export async function accessToken(t: TestApp, cred: ClientCredentials, scope?: string): Promise<string> {
  const res = await tokenRequest(t, { grant_type: 'client_credentials', ...(scope ? { scope } : {}) }, cred);
  if (res.status !== 200) throw new Error(`token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** A request to the API with a Bearer token. */
export function apiGet(t: TestApp, path: string, token: string | null, headers: Record<string, string> = {}) {
  return t.app.request(path, { headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers } });
}

export function apiPost(t: TestApp, path: string, token: string | null, body: unknown, headers: Record<string, string> = {}) {
  return t.app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The audit rows one response's request wrote. */
export function auditRowsOf(t: TestApp, res: Response) {
  return t.db
    .selectFrom('audit_event')
    .select(['action', 'organisation_id', 'actor_user_id', 'api_client_id', 'route', 'target_type', 'target_id', 'outcome'])
    .where('request_id', '=', res.headers.get('X-Request-Id')!)
    .orderBy('id')
    .execute();
}
