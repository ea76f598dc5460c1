import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../http/env.js';
import type { Config } from '../config.js';
import { field, readForm } from '../http/form.js';
import { isHtmx, redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { ui } from '../http/ui.js';
import { audit } from '../audit/audit.js';
import { inTransaction } from '../db/transaction.js';
import { acrossOrganisations, inOrganisation } from '../db/organisation-scope.js';
import { nextTarget } from '../auth/middleware.js';
import { decodeReplay, replayFieldsOf } from '../auth/replay.js';
import { createSession, invalidateSession, markProviderMfa, setSessionCookie } from '../auth/sessions.js';
import { SignInForm, SignInPage, type Replay } from '../../views/auth/SignInPage.js';
import { TwoFactorPage } from '../../views/auth/TwoFactorPage.js';
import { ReplayPage } from '../../views/auth/PasswordPages.js';
import { SsoContinuePage, SsoRefusedPage } from '../../views/auth/SsoPages.js';
import type { SignInErrors } from '../auth/forms.js';
import { emailDomain, providerAssertsMfa, subjectOf, verifiedEmail, type SsoRefusal } from './logic.js';
import { configurationOf, finishLogin, OidcError, startLogin } from './oidc.js';
import {
  LOGIN_TTL_MS,
  createUserFromProvider,
  findAccountToLink,
  findProviderForDomain,
  findUserBySsoIdentity,
  linkIdentity,
  providerById,
  startSsoLogin,
  takeLogin,
  touchIdentity,
  type SsoProvider,
} from './queries.js';

// Signing in through the organisation's identity provider: OpenID Connect, authorization code with
// PKCE. Mounted at /signin/sso (src/app.ts); runs before anyone is signed in (AppEnv).
//  POST /signin/sso            the e-mail address finds the organisation's provider (by its domain);
//                              the state, nonce and PKCE verifier go into the database, the state
//                              also into a cookie that ties the sign-in to this browser.
//  GET  /signin/sso/callback   the provider's answer: the state once (a replay finds nothing),
//                              the tokens checked by openid-client, then the account:
//                              by issuer + subject when linked; else, once, by the e-mail address
//                              to an account of that organisation that has no identity there yet.
//                              A changed e-mail claim never moves a link. No account: refused, or
//                              (when the administrator allows it) made without any role.
// The app's own second step is skipped only when the provider says it asked one (amr/acr), or an
// administrator recorded that it always does.

export const ssoSignInRoutes = new Hono<AppEnv>();

const REDIRECT_PATH = '/signin/sso/callback';
const redirectUri = (config: Config) => `${config.publicOrigin}${REDIRECT_PATH}`;
const stateCookie = (config: Config) => (config.secure ? '__Host-sb_sso' : 'sb_sso');

function settingsOf(p: SsoProvider) {
  return { id: p.id, issuer: p.issuer, clientId: p.clientId, clientSecret: p.clientSecret, updatedAt: p.updatedAt };
}

const STATUS: Record<SsoRefusal, ContentfulStatusCode> = {
  state: 400,
  providerError: 400,
  response: 400,
  noSubject: 400,
  noEmail: 400,
  unreachable: 502,
  domain: 403,
  unknownUser: 403,
  alreadyLinked: 403,
  signInFirst: 403,
  otherOrganisation: 403,
  disabled: 403,
};

/** A refused sign-in: audited (the reason as the target, no personal data), and said in words. */
async function refuse(c: Context<AppEnv>, reason: SsoRefusal, who: { organisationId?: number | undefined; userId?: number | undefined } = {}) {
  const { db, now } = c.get('deps');
  await audit(db, now(), {
    organisationId: who.organisationId ?? null,
    actorUserId: who.userId ?? null,
    action: 'signin.sso_refused',
    targetType: 'sso_refusal',
    targetId: reason,
    requestId: c.get('requestId'),
    outcome: 'denied',
  });
  return render(c, () => <SsoRefusedPage ui={ui(c)} reason={reason} />, { status: STATUS[reason] });
}

ssoSignInRoutes.post('/', async (c) => {
  const deps = c.get('deps');
  const { db, config } = deps;
  const fields = await readForm(c);
  const email = field(fields, 'email').trim();
  const next = nextTarget(c, field(fields, 'next'));
  const replay = decodeReplay(c, fields);
  const again = (errors: SignInErrors, status: ContentfulStatusCode) =>
    render(c, () => <SignInPage ui={ui(c)} email={email} errors={errors} next={next} replay={replay} sso />, {
      status,
      fragment: () => <SignInForm ui={ui(c)} email={email} errors={errors} next={next} replay={replay} sso />,
    });

  const domain = emailDomain(email);
  if (!domain) return again({ email: 'invalidEmail' }, 422);
  const provider = await findProviderForDomain(db, domain);
  if (!provider) return again({ email: 'noProvider' }, 422);
  let start;
  try {
    start = await startLogin(await configurationOf(settingsOf(provider), config.ssoAllowHttpIssuer), redirectUri(config), email);
  } catch (error) {
    if (!(error instanceof OidcError)) throw error;
    if (isHtmx(c)) return again({ email: 'unreachable' }, 502);
    return refuse(c, 'unreachable', { organisationId: provider.organisationId });
  }
  await inOrganisation(provider.organisationId, () =>
    startSsoLogin(db, provider.id, { state: start.state, nonce: start.nonce, codeVerifier: start.codeVerifier, next, replay }, deps.now()),
  );
  // Ties the sign-in to this browser: a callback carrying someone else's state (a link sent to a
  // victim, to sign them in as the sender) finds no matching cookie. Lax: the provider's redirect
  // back is a top-level GET, which carries it.
  setCookie(c, stateCookie(config), start.state, { httpOnly: true, secure: config.secure, sameSite: 'Lax', path: '/', maxAge: LOGIN_TTL_MS / 1000 });
  if (isHtmx(c)) {
    // htmx navigates itself: not a form submission, so the CSP's form-action does not stop it.
    c.header('HX-Redirect', start.url.toString());
    return c.body(null, 204);
  }
  return render(c, () => <SsoContinuePage ui={ui(c)} url={start.url.toString()} />);
});

ssoSignInRoutes.get('/callback', async (c) => {
  const deps = c.get('deps');
  const { db, config } = deps;
  const now = deps.now();
  const state = c.req.query('state') ?? '';
  const cookieState = getCookie(c, stateCookie(config));
  deleteCookie(c, stateCookie(config), { path: '/', secure: config.secure });
  if (!state || !cookieState || cookieState !== state) return refuse(c, 'state');
  // The state names the sign-in under way, and so the organisation; the rest runs in it.
  const { login, provider } = await acrossOrganisations('single-sign-on', async () => {
    const login = await inTransaction(db, (trx) => takeLogin(trx, state, now));
    return { login, provider: login ? await providerById(db, login.provider_id) : undefined };
  });
  if (!login || !provider) return refuse(c, 'state');
  // A new session at every sign-in (no session fixation): an old cookie's session is ended, found
  // by the cookie like any session (it may be another organisation's).
  const previous = c.get('sessionId') ?? c.get('pendingSession')?.id;
  return inOrganisation(provider.organisationId, () => finishCallback(c, { state, login, provider, previous, now }));
});

/** The provider's answer, in the provider's organisation. */
async function finishCallback(
  c: Context<AppEnv>,
  {
    state,
    login,
    provider,
    previous,
    now,
  }: { state: string; login: NonNullable<Awaited<ReturnType<typeof takeLogin>>>; provider: SsoProvider; previous: string | undefined; now: number },
) {
  const deps = c.get('deps');
  const { db, config } = deps;
  const org = { organisationId: provider.organisationId };
  if (c.req.query('error') !== undefined) return refuse(c, 'providerError', org);

  // The URL the provider sent the browser to, as the browser saw it (behind a proxy the request's
  // own URL is the internal one): openid-client reads the answer from it and sends it as redirect_uri.
  const here = new URL(c.req.url);
  const callbackUrl = new URL(`${REDIRECT_PATH}${here.search}`, config.publicOrigin);
  let claims;
  try {
    const configuration = await configurationOf(settingsOf(provider), config.ssoAllowHttpIssuer);
    claims = await finishLogin(configuration, callbackUrl, { state, nonce: login.nonce, codeVerifier: login.code_verifier });
  } catch (error) {
    if (!(error instanceof OidcError)) throw error;
    return refuse(c, error.reason, org);
  }
  const subject = subjectOf(claims);
  if (!subject) return refuse(c, 'noSubject', org);

  let userId: number;
  let totp: boolean;
  const known = await findUserBySsoIdentity(db, provider.issuer, subject);
  if (known) {
    if (known.organisation_id !== provider.organisationId) return refuse(c, 'otherOrganisation', org);
    if (known.disabled_at !== null) return refuse(c, 'disabled', { ...org, userId: known.id });
    await touchIdentity(db, known.identity_id, now);
    userId = known.id;
    totp = known.totp_enabled_at !== null;
  } else {
    // The first sign-in: the e-mail address links an account once. The provider must serve the
    // address's domain, or any provider could claim anyone's address.
    const email = verifiedEmail(claims);
    if (!email) return refuse(c, 'noEmail', org);
    if (!provider.domains.includes(emailDomain(email)!)) return refuse(c, 'domain', org);
    const account = await findAccountToLink(db, provider.organisationId, email, provider.issuer);
    if (account.status === 'otherOrganisation') return refuse(c, 'otherOrganisation', org);
    if (account.status === 'linked') return refuse(c, 'alreadyLinked', { ...org, userId: account.user.id });
    if (account.status === 'free' && account.user.disabled_at !== null) return refuse(c, 'disabled', { ...org, userId: account.user.id });
    // The e-mail claim links an invited account that has no credential of its own yet. An account
    // with a password or a second factor is linked only from its own signed-in session (the
    // account page's "Link" button): a provider's e-mail claim may be unverified or changeable by a
    // tenant's users (Entra ID sends no email_verified), and must not hand over someone's account.
    if (account.status === 'free' && account.ownCredentials && c.get('user')?.id !== account.user.id)
      return refuse(c, 'signInFirst', { ...org, userId: account.user.id });
    if (account.status === 'none' && !provider.autoCreate) return refuse(c, 'unknownUser', org);
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : email.split('@')[0]!;
    userId = await inTransaction(db, async (trx) => {
      const id = account.status === 'free' ? account.user.id : await createUserFromProvider(trx, provider.organisationId, email, name, now);
      if (account.status === 'none')
        await audit(trx, now, { ...org, actorUserId: id, action: 'user.created_by_sso', targetType: 'user', targetId: id, requestId: c.get('requestId') });
      await linkIdentity(trx, id, provider.issuer, subject, now);
      await audit(trx, now, { ...org, actorUserId: id, action: 'sso.identity_linked', targetType: 'user', targetId: id, requestId: c.get('requestId') });
      return id;
    });
    totp = account.status === 'free' && account.user.totp_enabled_at !== null;
  }

  const mfa = providerAssertsMfa(claims) || provider.mfaEnforced;
  if (previous) await acrossOrganisations('session', () => invalidateSession(db, previous));
  const session = await createSession(db, userId, now, c.req.header('User-Agent') ?? '');
  if (mfa) await markProviderMfa(db, session.id);
  setSessionCookie(c, config, session.token);
  await audit(db, now, { ...org, actorUserId: userId, action: 'signin.sso_success', targetType: 'user', targetId: userId, requestId: c.get('requestId') });

  const next = nextTarget(c, login.next);
  const replay: Replay | undefined = login.replay_action && login.replay_payload ? { action: login.replay_action, payload: login.replay_payload } : undefined;
  if (!mfa && totp) {
    if (replay) return render(c, () => <TwoFactorPage ui={ui(c)} next={next} replay={replay} />);
    return redirectAfterPost(c, `/signin/two-factor?next=${encodeURIComponent(next)}`);
  }
  if (replay) return render(c, () => <ReplayPage ui={ui(c)} action={replay.action} fields={replayFieldsOf(replay)} />);
  return redirectAfterPost(c, next);
}
