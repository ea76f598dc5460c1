import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import type { Locale, Messages } from '../i18n/index.js';
import type { Logger } from './logger.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { ValidSession } from '../auth/sessions.js';

export interface AppDeps {
  db: Kysely<Database>;
  config: Config;
  logger: Logger;
  /** Clock, injectable so tests can move time (session timeouts, token expiry, throttling). */
  now: () => number;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    nonce: string;
    locale: Locale;
    t: Messages;
    /** The signed-in user, when there is one (set by the session middleware). */
    user: CurrentUser | null;
    sessionId: string | null;
    /** A session that passed the password step but still owes its second factor. */
    pendingSession: ValidSession | null;
    /** This request already wrote its access.denied row (see audit/denied-client-records.ts). */
    deniedAudited: boolean;
  };
}
