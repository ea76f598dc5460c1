import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http/env.js';
import { isClientPath } from './paths.js';
import { lockScreen } from './client-routes.js';

// The hand-over: a worker gives their screen to the client. On the server the worker's session is
// then the client's (client_session_lock): this middleware, right after the session middleware,
// takes the worker away from every request of that session — no user, no scope, no session id, so
// no worker page, no idle warning and no other client file can answer — and lets the client view
// (/client/...) through. Any other address (the Back button, a new tab, a typed URL, an old tab's
// request) gets the lock screen, until the worker signs in again (with the second step): the session
// ends when they take the screen back (client-routes.ts, /client/handover/end).

export const handoverGate = createMiddleware<AppEnv>(async (c, next) => {
  const sessionId = c.get('sessionId') ?? c.get('pendingSession')?.id ?? null;
  // Whether the session is locked came with the session look-up itself (loadSession): no query
  // of its own on every request.
  const invitationId = c.get('handedOverFor');
  if (!sessionId || !invitationId) return next();
  c.set('user', null);
  c.set('scope', null);
  c.set('sessionId', null);
  c.set('pendingSession', null);
  c.set('handover', { sessionId, invitationId });
  if (isClientPath(c.req.path)) return next();
  if (c.req.header('HX-Request') === 'true') {
    // An htmx request of a page opened before the hand-over: the whole window goes to the lock.
    c.header('HX-Redirect', '/client/lock');
    return c.body(null, 423);
  }
  return lockScreen(c, sessionId, 423);
});
