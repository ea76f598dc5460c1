import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import type { Locale, Messages } from '../i18n/index.js';
import type { Logger } from './logger.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { ValidSession } from '../auth/sessions.js';
import type { OrgScope, UserScope } from '../auth/org-scope.js';

export interface AppDeps {
  db: Kysely<Database>;
  config: Config;
  logger: Logger;
  /** Clock, injectable so tests can move time (session timeouts, token expiry, throttling). */
  now: () => number;
}

export interface AppVariables {
  deps: AppDeps;
  requestId: string;
  nonce: string;
  locale: Locale;
  t: Messages;
  /** The signed-in user, when there is one (set by the session middleware). */
  user: CurrentUser | null;
  /**
   * What the caller may touch (set by requireUser/requireAdmin for a user). Client-file code reads
   * the scope, not the user, so another kind of caller (an API client, a client's one-time link)
   * only has to set a scope to reach the same checks.
   */
  scope: OrgScope | null;
  sessionId: string | null;
  /** A session that passed the password step but still owes its second factor. */
  pendingSession: ValidSession | null;
  /** Set by render() for a 422: the page answers a refused form, and its title says so. */
  formRefused: boolean;
  /**
   * The worker's session of this request was handed over to a client (src/client-voice/handover.ts):
   * `user`, `scope` and `sessionId` are then null, and only the client view answers.
   */
  handover: { sessionId: string; invitationId: string } | null;
  /** From the session look-up: the client invitation this session was handed over for, or null. */
  handedOverFor: string | null;
  /** An API call (src/api/): the route pattern its audit rows name. */
  apiRoute?: string;
  /** A row about this request went to the audit log through src/audit/route-audit.ts. */
  audited?: boolean;
}

export interface AppEnv {
  Variables: AppVariables;
}

/** Any caller with a scope: a signed-in user, or an API client (src/api/). */
export interface ScopedEnv {
  Variables: AppVariables & { scope: OrgScope };
}

/**
 * Routes behind requireUser/requireAdmin: the user, their scope and the session they signed in
 * with are there, no `!` needed.
 */
export interface SignedInEnv {
  Variables: AppVariables & { user: CurrentUser; scope: UserScope; sessionId: string };
}
