import type { Configuration } from 'openid-client';
import type { IdTokenClaims } from './logic.js';

// The one place that speaks OpenID Connect, through openid-client (authorization code flow with
// PKCE, state and nonce; the ID token's signature, issuer, audience, expiry and nonce are checked
// by the library). The provider's metadata is cached per process: it is a copy of what the
// provider publishes, not state another process would need. What a sign-in under way must
// remember (state, nonce, PKCE verifier) lives in the database (queries.ts), never here.
// The library is loaded on the first sign-in through a provider, not at start (most processes of
// most installations never need it).
const library = () => import('openid-client');

export interface ProviderSettings {
  id: number;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Changes whenever the administrator saves: a cached configuration of an older one is not used. */
  updatedAt: number;
}

export type OidcFailure = 'unreachable' | 'response';

export class OidcError extends Error {
  constructor(readonly reason: OidcFailure) {
    super(reason);
  }
}

const DISCOVERY_TIMEOUT_S = 10;
const cache = new Map<string, Promise<Configuration>>();

function key(p: ProviderSettings, allowHttp: boolean) {
  return JSON.stringify([p.id, p.issuer, p.clientId, p.clientSecret, p.updatedAt, allowHttp]);
}

/**
 * The provider's configuration from its discovery document. openid-client checks that the document
 * names exactly this issuer: a provider at this address claiming to be another is refused.
 */
export async function configurationOf(p: ProviderSettings, allowHttp: boolean): Promise<Configuration> {
  const client = await library();
  const k = key(p, allowHttp);
  let found = cache.get(k);
  if (!found) {
    found = client.discovery(new URL(p.issuer), p.clientId, p.clientSecret, client.ClientSecretBasic(p.clientSecret), {
      timeout: DISCOVERY_TIMEOUT_S,
      ...(allowHttp ? { execute: [client.allowInsecureRequests] } : {}),
    });
    if (cache.size > 50) cache.clear();
    cache.set(k, found);
    // A failed discovery is not remembered: the next sign-in asks again.
    found.catch(() => cache.delete(k));
  }
  try {
    return await found;
  } catch (error) {
    throw new OidcError(error instanceof client.ClientError ? 'response' : 'unreachable');
  }
}

export interface LoginStart {
  state: string;
  nonce: string;
  codeVerifier: string;
  url: URL;
}

/** Where to send the browser: the provider's authorization endpoint with a fresh state, nonce and PKCE challenge. */
export async function startLogin(config: Configuration, redirectUri: string, loginHint: string): Promise<LoginStart> {
  const client = await library();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    login_hint: loginHint,
  });
  return { state, nonce, codeVerifier, url };
}

/**
 * Checks the provider's answer (its state, and its `iss` when the provider sends one) and trades
 * the code for tokens; then the ID token's claims, with what the userinfo endpoint adds (some
 * providers put the e-mail address only there). The ID token's claims win: they are signed.
 */
export async function finishLogin(
  config: Configuration,
  callbackUrl: URL,
  expected: { state: string; nonce: string; codeVerifier: string },
): Promise<IdTokenClaims & Record<string, unknown>> {
  const client = await library();
  try {
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: expected.codeVerifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new OidcError('response');
    let extra: Record<string, unknown> = {};
    if (claims.email === undefined && config.serverMetadata().userinfo_endpoint) {
      extra = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    }
    return { ...extra, ...claims };
  } catch (error) {
    if (error instanceof OidcError) throw error;
    throw new OidcError(error instanceof TypeError ? 'unreachable' : 'response');
  }
}
