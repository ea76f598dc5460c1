import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ownOrigins } from '../config.js';
import type { AppEnv, SignedInEnv } from '../http/env.js';
import { messagesFor } from '../i18n/index.js';
import { renderError } from '../http/errors.js';
import { redirectTarget, sameOriginPath } from '../http/redirect-target.js';
import { audit } from '../audit/audit.js';
import { acrossOrganisations, inOrganisation } from '../db/organisation-scope.js';
import { scopeOfUser } from './scope.js';
import { clearSessionCookie, loadSession, readSessionCookie } from './sessions.js';
import { renderSignInForReplay } from './replay.js';

/**
 * Reads the session cookie on every request. A user counts as signed in only after the password
 * AND (when they have it) the second factor; `pendingSession` is a session that passed the
 * password step only.
 */
export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const { db, config, now } = c.get('deps');
  c.set('pendingSession', null);
  const token = readSessionCookie(c, config);
  if (token) {
    // Who is asking is found before their organisation is known; everything after it runs in that
    // organisation (src/db/organisation-scope.ts).
    const { session, user } = (await acrossOrganisations('session', () => loadSession(db, config, token, now()))) ?? { session: null, user: null };
    if (session) c.set('handedOverFor', session.handedOverFor);
    if (!session || !user) {
      clearSessionCookie(c, config);
    } else if (user.twoFactorEnabled && !session.twoFactorVerified) {
      c.set('pendingSession', session);
    } else {
      // A second factor the identity provider asked counts as the app's own (src/sso/): such a
      // session is not sent to set up two-step verification either.
      if (session.providerMfa) user.mustSetUpTwoFactor = false;
      c.set('user', user);
      c.set('sessionId', session.id);
      c.set('locale', user.locale);
      c.set('t', messagesFor(user.locale));
    }
    if (session && user) return inOrganisation(user.organisationId, next);
  }
  await next();
});

/** A user-supplied place to go back to (`next`), as a path on our own site or `/`. */
export function nextTarget<E extends AppEnv>(c: Context<E>, value: string | undefined | null): string {
  return redirectTarget(value, c.get('deps').config.publicOrigin);
}

/**
 * Guards a route for signed-in users. Not signed in: a GET goes to the sign-in page and comes
 * back afterwards; a form POST (typically: the session expired while the worker was typing)
 * gets the sign-in page with the submitted form carried along, so nothing typed is lost.
 * Typed with SignedInEnv so that handlers chained after it (and sub-apps declared
 * `new Hono<SignedInEnv>()` that use it first) see a user and a scope without `!`.
 */
export const requireUser = createMiddleware<SignedInEnv>(async (c, next) => {
  const user = signedIn(c);
  if (!user) return notSignedIn(c);
  if (user.mustSetUpTwoFactor && !c.req.path.startsWith('/account/two-factor')) {
    return c.redirect('/account/two-factor/setup', 303);
  }
  c.set('scope', scopeOfUser(user));
  await next();
});

export const requireAdmin = createMiddleware<SignedInEnv>(async (c, next) => {
  const user = signedIn(c);
  if (!user) return notSignedIn(c);
  if (user.mustSetUpTwoFactor) return c.redirect('/account/two-factor/setup', 303);
  if (!user.isAdmin) return denied(c);
  c.set('scope', scopeOfUser(user));
  await next();
});

/**
 * The user, if signed in with a session. The SignedInEnv type promises what requireUser/requireAdmin
 * establish; here, before the check, both may still be null (the session middleware sets them together).
 */
function signedIn(c: Context<SignedInEnv>): SignedInEnv['Variables']['user'] | null {
  const user = c.get('user') as SignedInEnv['Variables']['user'] | null;
  const sessionId = c.get('sessionId') as string | null;
  return user && sessionId ? user : null;
}

export async function denied<E extends AppEnv>(c: Context<E>) {
  const user = c.get('user');
  const { db, now } = c.get('deps');
  await audit(db, now(), {
    organisationId: user?.organisationId ?? null,
    actorUserId: user?.id ?? null,
    action: 'access.denied',
    targetType: 'route',
    targetId: c.req.routePath,
    requestId: c.get('requestId'),
    outcome: 'denied',
  });
  return renderError(c, 'forbidden');
}

async function notSignedIn<E extends AppEnv>(c: Context<E>) {
  const pending = c.get('pendingSession');
  const { config } = c.get('deps');
  const { publicOrigin } = config;
  // The raw (still percent-encoded) path of this request; for a form post the page it came from.
  // Either may be hostile or unparsable, so both go through the same check as any `next`.
  const url = new URL(c.req.url);
  const here =
    c.req.method === 'GET'
      ? redirectTarget(url.pathname + url.search, publicOrigin)
      : sameOriginPath(c.req.header('Referer'), ownOrigins(config), publicOrigin);
  if (c.req.header('HX-Request') === 'true') {
    // htmx: send the whole window to the sign-in page instead of swapping it into a fragment.
    c.header('HX-Redirect', `/signin?next=${encodeURIComponent(here)}&expired=1`);
    return c.body(null, 401);
  }
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    // The sign-in page reads only what every request has (AppEnv), whatever the route's narrower env.
    return renderSignInForReplay(c as unknown as Context<AppEnv>);
  }
  if (pending) return c.redirect(`/signin/two-factor?next=${encodeURIComponent(here)}`, 303);
  return c.redirect(`/signin?next=${encodeURIComponent(here)}`, 303);
}

/** The client's address for throttling: the socket peer, or the proxy's X-Forwarded-For when trusted. */
export function clientAddress<E extends AppEnv>(c: Context<E>): string | null {
  if (c.get('deps').config.trustProxy) {
    const xff = c.req.header('X-Forwarded-For');
    // The right-most entry is the one our own proxy appended; earlier ones are client-supplied.
    const last = xff
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .pop();
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // app.request() in tests has no socket
  }
}
