import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from '../http/env.js';
import { messagesFor } from '../i18n/index.js';
import { renderError } from '../http/errors.js';
import { audit } from '../audit/audit.js';
import { clearSessionCookie, loadCurrentUser, readSessionCookie, validateSessionToken } from './sessions.js';

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
    const session = await validateSessionToken(db, config, token, now());
    const user = session ? await loadCurrentUser(db, session.userId) : null;
    if (!session || !user) {
      clearSessionCookie(c, config);
    } else if (user.twoFactorEnabled && !session.twoFactorVerified) {
      c.set('pendingSession', session);
    } else {
      c.set('user', user);
      c.set('sessionId', session.id);
      c.set('locale', user.locale);
      c.set('t', messagesFor(user.locale));
    }
  }
  await next();
});

/** Longest `next` kept (encoded): it ends up in a Location header, which proxies cap at a few kB. */
export const MAX_NEXT_LENGTH = 512;

/**
 * A same-site path to come back to after sign-in; anything else (//evil, https://..., or one too
 * long for a Location header, which a proxy would turn into a 502) is dropped.
 */
export function safeNext(value: string | undefined | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (encodeURIComponent(value).length > MAX_NEXT_LENGTH) return '/';
  return value;
}

/**
 * Guards a route for signed-in users. Not signed in: a GET goes to the sign-in page and comes
 * back afterwards; a form POST (typically: the session expired while the worker was typing)
 * gets the sign-in page with the submitted form carried along, so nothing typed is lost.
 */
export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  const user = c.get('user');
  if (!user) return notSignedIn(c);
  if (user.mustSetUpTwoFactor && !c.req.path.startsWith('/account/two-factor')) {
    return c.redirect('/account/two-factor/setup', 303);
  }
  await next();
});

export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  const user = c.get('user');
  if (!user) return notSignedIn(c);
  if (user.mustSetUpTwoFactor) return c.redirect('/account/two-factor/setup', 303);
  if (!user.isAdmin) return denied(c);
  await next();
});

export async function denied(c: Context<AppEnv>) {
  const user = c.get('user');
  const { db, now } = c.get('deps');
  await audit(db, now(), {
    organisationId: user?.organisationId ?? null, actorUserId: user?.id ?? null, action: 'access.denied',
    targetType: 'route', targetId: c.req.routePath, requestId: c.get('requestId'), outcome: 'denied',
  });
  return renderError(c, 'forbidden');
}

function refererPath(referer: string | undefined): string {
  try {
    return referer ? new URL(referer).pathname : '/';
  } catch {
    return '/'; // not a URL: nothing to come back to
  }
}

async function notSignedIn(c: Context<AppEnv>) {
  const pending = c.get('pendingSession');
  const here = safeNext(c.req.method === 'GET' ? c.req.path + (new URL(c.req.url).search || '') : refererPath(c.req.header('Referer')));
  if (c.req.header('HX-Request') === 'true') {
    // htmx: send the whole window to the sign-in page instead of swapping it into a fragment.
    c.header('HX-Redirect', `/signin?next=${encodeURIComponent(here)}&expired=1`);
    return c.body(null, 401);
  }
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    // Imported lazily: routes.tsx imports this module, so a static import would be circular.
    const { renderSignInForReplay } = await import('./routes.js');
    return renderSignInForReplay(c);
  }
  if (pending) return c.redirect(`/signin/two-factor?next=${encodeURIComponent(here)}`, 303);
  return c.redirect(`/signin?next=${encodeURIComponent(here)}`, 303);
}

/** The client's address for throttling: the socket peer, or the proxy's X-Forwarded-For when trusted. */
export function clientAddress(c: Context<AppEnv>): string | null {
  if (c.get('deps').config.trustProxy) {
    const xff = c.req.header('X-Forwarded-For');
    // The right-most entry is the one our own proxy appended; earlier ones are client-supplied.
    const last = xff?.split(',').map((s) => s.trim()).filter(Boolean).pop();
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // app.request() in tests has no socket
  }
}
