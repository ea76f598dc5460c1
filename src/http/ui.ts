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
  /** The page answers a form it refused (status 422): the layout starts the title with "Fout: ". */
  readonly formRefused: boolean;
}

export function ui<E extends AppEnv>(c: Context<E>): Ui {
  return {
    t: c.get('t'),
    locale: c.get('locale'),
    nonce: c.get('nonce'),
    user: c.get('user') ?? null,
    path: c.req.path,
    idleMs: c.get('deps').config.sessionIdleMs,
    // Read when the page renders, not now: routes often build the Ui before render() learns the status.
    get formRefused() {
      return c.get('formRefused') === true;
    },
  };
}
