import type { AddressInfo } from 'node:net';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import Provider from 'oidc-provider';

// A real OpenID Connect provider (the oidc-provider library, certified by the OpenID Foundation),
// started inside the test process on a loopback port. Tests are the one place an http:// issuer is
// allowed (config.ssoAllowHttpIssuer); the end-to-end tests use https with a certificate of their
// own that the server under test is told to trust (NODE_EXTRA_CA_CERTS), so there nothing is relaxed. The "login screen" is this test's hand: whoever
// `idp.nextLogin` names signs in, with the authentication methods (amr) and level (acr) given.

export interface IdpAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
  /** Microsoft Entra ID's tenant and object id. */
  tid?: string;
  oid?: string;
}

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, IdpAccount>;
  /** Who signs in at the next interaction. */
  nextLogin: { accountId: string; amr?: string[]; acr?: string };
  close(): Promise<void>;
}

export async function startIdp(opts: {
  redirectUri: string;
  clientId?: string;
  clientSecret?: string;
  path?: string;
  /** The e-mail address only from the userinfo endpoint, not in the ID token (some providers). */
  userinfoOnly?: boolean;
  /** Serve https with this certificate (the end-to-end tests: the server under test trusts it). */
  tls?: { key: string; cert: string };
  /**
   * Whoever the sign-in names (login_hint, an e-mail address) signs in, as an account with that
   * address, with MFA: for a browser that cannot set `nextLogin` (the end-to-end tests).
   */
  signInAsHint?: boolean;
}): Promise<TestIdp> {
  const accounts = new Map<string, IdpAccount>();
  const clientId = opts.clientId ?? 'sociale-balans';
  const clientSecret = opts.clientSecret ?? 'a-test-client-secret-of-some-length-0123456789';
  const state: { nextLogin: TestIdp['nextLogin'] } = { nextLogin: { accountId: 'nobody' } };

  // The issuer needs the port, which is known once listening: listen on a plain server first.
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const listener = (req: IncomingMessage, res: ServerResponse) => handler!(req, res);
  const server: Server = opts.tls ? createHttpsServer(opts.tls, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}${opts.path ?? ''}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [opts.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    // As Microsoft Entra ID does, the ID token carries the e-mail address and the tenant and object id.
    claims: {
      acr: null,
      amr: null,
      auth_time: null,
      iss: null,
      sid: null,
      openid: ['sub', 'acr', 'amr'],
      email: ['email', 'email_verified'],
      profile: ['name', 'tid', 'oid'],
    },
    conformIdTokenClaims: opts.userinfoOnly ?? false,
    findAccount: (_ctx, id) => {
      const account = accounts.get(id) ?? (opts.signInAsHint && id.includes('@') ? { email: id, email_verified: true, name: id.split('@')[0] } : undefined);
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...account }) };
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    // Consent is not what these tests are about: every sign-in grants what the client asks.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    ttl: { Session: 600, Interaction: 600, Grant: 600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
  });
  provider.on('server_error', () => {
    /* the tests read the outcome from the responses */
  });
  provider.use(async (ctx, next) => {
    if (!ctx.path.startsWith('/interaction/')) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    const hint = details.params.login_hint;
    const login = opts.signInAsHint && typeof hint === 'string' ? { accountId: hint, amr: ['pwd', 'mfa'] } : state.nextLogin;
    await provider.interactionFinished(
      ctx.req,
      ctx.res,
      { login: { accountId: login.accountId, ...(login.amr ? { amr: login.amr } : {}), ...(login.acr ? { acr: login.acr } : {}) } },
      { mergeWithLastSubmission: false },
    );
    ctx.respond = false;
  });
  const callback = provider.callback();
  handler = opts.path
    ? (req, res) => {
        // Mounted under a path (an issuer such as https://login.example/tenant/v2.0).
        if (!req.url?.startsWith(opts.path!)) {
          res.statusCode = 404;
          res.end();
          return;
        }
        req.url = req.url.slice(opts.path!.length) || '/';
        callback(req, res);
      }
    : callback;

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    get nextLogin() {
      return state.nextLogin;
    },
    set nextLogin(v) {
      state.nextLogin = v;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A browser keeps connections open; they must not hold the end of the run.
        server.closeAllConnections();
      }),
  };
}

/**
 * Follows the browser's way through the identity provider: from the authorization URL, through
 * the provider's redirects (keeping its cookies), to the URL it sends the browser back to.
 */
export async function throughIdp(authorizationUrl: string, returnOrigin: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let i = 0; i < 10; i++) {
    if (url.startsWith(returnOrigin)) return new URL(url);
    const res = await fetch(url, { redirect: 'manual', headers: { Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const location = res.headers.get('Location');
    if (!location) throw new Error(`the identity provider answered ${res.status} without a redirect: ${await res.text()}`);
    url = new URL(location, url).toString();
  }
  throw new Error('too many redirects at the identity provider');
}
