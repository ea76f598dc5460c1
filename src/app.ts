import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { except } from 'hono/combine';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { ownOrigins } from './config.js';
import type { AppDeps, AppEnv } from './http/env.js';
import { renderError } from './http/errors.js';
import { accessLog, requestId } from './http/request-id.js';
import { securityHeaders } from './http/security.js';
import { compression } from './http/compression.js';
import { staticRoutes } from './http/static-assets.js';
import { messagesFor, negotiateLocale } from './i18n/index.js';
import { healthRoutes } from './health/routes.js';
import { homeRoutes } from './home/routes.js';
import { accountRoutes, passwordRoutes, sessionRoutes, setupRoutes, signInRoutes, signOutRoutes } from './auth/routes.js';
import { sessionMiddleware } from './auth/middleware.js';
import { adminRoutes } from './admin/routes.js';
import { householdRoutes } from './households/routes.js';
import { catalogueRoutes, IMPORT_PATH } from './catalogue/routes.js';
import { clientRoutes } from './client-voice/client-routes.js';
import { translationRoutes } from './client-voice/admin-routes.js';
import { handoverGate } from './client-voice/handover.js';
import { CLIENT_PREFIX, isClientPath } from './client-voice/paths.js';
import { figuresRoutes, todoRoutes } from './figures/routes.js';
import { apiRoutes } from './api/routes.js';
import { apiDocsRoutes } from './api/docs-routes.js';
import { isApiCallPath } from './http/problem.js';
import { ssoSignInRoutes } from './sso/routes.js';

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Builds the whole application from its parts. The process entry (server.ts) and the tests both
 * call this, the tests with an in-memory database and a fake clock.
 */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { config } = deps;

  app.use(async (c, next) => {
    c.set('deps', deps);
    c.set('user', null);
    c.set('scope', null);
    c.set('sessionId', null);
    c.set('pendingSession', null);
    c.set('handover', null);
    c.set('handedOverFor', null);
    const locale = negotiateLocale(c.req.header('Accept-Language'));
    c.set('locale', locale);
    c.set('t', messagesFor(locale));
    await next();
  });
  app.use(requestId);
  app.use(accessLog);
  app.use(securityHeaders({ secure: config.secure }));
  // Nothing a server renders for a signed-in person may be stored by a shared PC's browser or a
  // proxy. Outside compression on purpose: a header set on a response that compression re-wraps
  // afterwards can be lost under @hono/node-server (its lightweight responses keep headers in a
  // cache the re-wrap does not copy); tests/integration/no-store-through-server.test.ts checks it
  // through the real Node server. Static files and health answers set their own Cache-Control.
  app.use(async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });
  app.use(compression);

  app.route('/', staticRoutes);
  app.route('/', healthRoutes);

  // Bodies over 1 MB are refused before anything reads them.
  // The catalogue import has its own, larger limit (src/catalogue/routes.tsx).
  app.use(except(IMPORT_PATH, bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => renderError(c, 'tooLarge') })));

  // The client-facing address (CLIENT_ORIGIN) serves the client view only: any other path asked
  // for under that host name is not there, whatever the reverse proxy in front lets through.
  const clientHost = config.clientOrigin ? new URL(config.clientOrigin).host : null;
  if (clientHost && clientHost !== new URL(config.publicOrigin).host) {
    app.use(async (c, next) => {
      if (c.req.header('Host') === clientHost && !isClientPath(c.req.path)) return renderError(c, 'notFound');
      await next();
    });
  }

  // Unsafe methods must come from our own pages: checked on Origin / Sec-Fetch-Site (Hono csrf()).
  // The client view's forms may also come from the client-facing address.
  // Not for the API's calls (/api/v1, /api/oauth): they read no cookie, so a forged cross-site
  // request carries nothing they would accept; their credentials are the client secret and the
  // Bearer token (src/api/).
  const origins = ownOrigins(config);
  const csrfCheck = csrf({
    origin: (origin, c) => origins.includes(origin) || (origin === config.clientOrigin && isClientPath(c.req.path)),
  });
  app.use(async (c, next) => {
    if (isApiCallPath(c.req.path)) return next();
    let passed = false;
    try {
      await csrfCheck(c, async () => {
        passed = true;
      });
    } catch {
      /* refused: handled below */
    }
    if (!passed) return renderError(c, 'csrf');
    await next();
  });

  // An API call never looks at a session cookie (src/api/call.ts): not even read there.
  app.use(except((c) => isApiCallPath(c.req.path), sessionMiddleware));
  // A session handed over to a client reaches the client view only (src/client-voice/handover.ts).
  app.use(handoverGate);

  // Each resource under its own prefix, so a sub-app's middleware (requireUser, requireAdmin, the
  // import's body limit) never runs for a sibling's paths (tests/integration/mounts.test.ts).
  app.route('/', homeRoutes);
  app.route('/setup', setupRoutes);
  app.route('/signin/sso', ssoSignInRoutes);
  app.route('/signin', signInRoutes);
  app.route('/signout', signOutRoutes);
  app.route('/session', sessionRoutes);
  app.route('/password', passwordRoutes);
  app.route('/account', accountRoutes);
  app.route('/admin', adminRoutes);
  app.route('/catalogue', catalogueRoutes);
  app.route('/translations', translationRoutes);
  app.route('/figures', figuresRoutes);
  app.route('/todo', todoRoutes);
  // The client files (balances, GPMIs, overviews, PDFs) are mounted inside, per household.
  app.route('/households', householdRoutes);
  // The client's own view (a one-time link or a hand-over): no account, its own prefix, so a reverse
  // proxy can expose exactly it on the client-facing address.
  app.route(CLIENT_PREFIX, clientRoutes);
  // The API for client file software: /api/oauth/token, /api/v1/..., its description.
  app.route('/api', apiRoutes);
  app.route('/api', apiDocsRoutes);

  app.notFound((c) => renderError(c, 'notFound'));
  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      if (err.status === 400) return renderError(c, 'badRequest');
      if (err.status === 403) return renderError(c, 'forbidden');
      if (err.status === 404) return renderError(c, 'notFound');
      if (err.status === 413) return renderError(c, 'tooLarge');
    }
    // Only the error's class and the route pattern: messages repeat their input (Headers' "Invalid
    // header value ..." quotes the value, a URL error the URL), and input may be personal data.
    deps.logger.error('unhandled error', {
      requestId: c.get('requestId'),
      route: c.req.routePath,
      error: err instanceof Error ? err.name : 'unknown',
    });
    return renderError(c, 'server');
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
