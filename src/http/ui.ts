import type { Context } from 'hono';
import type { CurrentUser } from '../auth/current-user.js';
import type { Locale, Messages } from '../i18n/index.js';
import type { AppEnv } from './env.js';

/** What every view needs from the request: texts, language, CSP nonce, who is signed in. */
export interface Ui {
  t: Messages;
  locale: Locale;
  nonce: string;
  user: CurrentUser | null;
  path: string;
  /** Idle timeout in ms, for the "Aangemeld blijven" warning. */
  idleMs: number;
}

export function ui<E extends AppEnv>(c: Context<E>): Ui {
  return {
    t: c.get('t'),
    locale: c.get('locale'),
    nonce: c.get('nonce'),
    user: c.get('user') ?? null,
    path: c.req.path,
    idleMs: c.get('deps').config.sessionIdleMs,
  };
}
