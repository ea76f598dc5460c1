import type { Context } from 'hono';
import type { AppEnv } from '../http/env.js';
import { field, readForm, type FormFields } from '../http/form.js';
import { render } from '../http/render.js';
import { ui } from '../http/ui.js';
import { isRedirectTarget, sameOriginPath } from '../http/redirect-target.js';
import { ownOrigins } from '../config.js';
import { SignInPage, type Replay } from '../../views/auth/SignInPage.js';

// Carrying an interrupted form through the sign-in page. Its own module because both the
// sign-in routes (which read a replay back) and the session middleware (which starts one when a
// session ends mid-form) need it, and the routes already import the middleware.

/**
 * The most an interrupted form may weigh when carried through the sign-in page (the base64 text
 * in the page, which goes out and comes back with every sign-in and second-step attempt). Far
 * above any form a worker types (a long remark is a few KB); a bigger body is not kept but
 * announced, so nobody believes a form was kept that was not.
 */
export const REPLAY_BUDGET_BYTES = 64 * 1024;

export function decodeReplay(c: Context<AppEnv>, fields: FormFields): Replay | undefined {
  const action = field(fields, 'replay_action');
  const payload = field(fields, 'replay_payload');
  // The action becomes a form's action attribute: only one of our own paths, exactly as given.
  if (!action || !payload || !isRedirectTarget(action, c.get('deps').config.publicOrigin)) return undefined;
  // We never hand out more than the budget; a bigger one did not come from us and is not echoed.
  if (payload.length > REPLAY_BUDGET_BYTES) return undefined;
  return { action, payload };
}

export function replayFieldsOf(replay: Replay): [string, string][] {
  try {
    const parsed = JSON.parse(Buffer.from(replay.payload, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((p): p is [string, string] => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'string');
  } catch {
    return [];
  }
}

/**
 * The session ended while a form was being sent (JS off, or the idle warning was missed): show
 * the sign-in page carrying the submitted fields, so after signing in the user can send them again.
 */
export async function renderSignInForReplay(c: Context<AppEnv>) {
  let fields: FormFields = {};
  try {
    fields = await readForm(c);
  } catch {
    /* unreadable body: nothing to keep */
  }
  const pairs: [string, string][] = [];
  for (const [k, v] of Object.entries(fields)) for (const value of Array.isArray(v) ? v : [v]) pairs.push([k, value]);
  const u = ui(c);
  // The raw path (still percent-encoded, as the browser sent it). A path we would not redirect
  // to is not worth replaying to either: then only the sign-in page, as for a GET.
  const action = new URL(c.req.url).pathname;
  if (!isRedirectTarget(action, c.get('deps').config.publicOrigin)) {
    return render(c, () => <SignInPage ui={u} next="/" notice={u.t.auth.signin.expired} />, { status: 401 });
  }
  const payload = Buffer.from(JSON.stringify(pairs), 'utf8').toString('base64url');
  if (payload.length > REPLAY_BUDGET_BYTES) {
    // Too large to carry: say so rather than keep part of it (a half remark looks like a whole one).
    const { config } = c.get('deps');
    const back = sameOriginPath(c.req.header('Referer'), ownOrigins(config), config.publicOrigin);
    return render(c, () => <SignInPage ui={u} next={back} notice={u.t.auth.signin.expired} warning={u.t.auth.signin.replayTooLarge} />, { status: 401 });
  }
  const replay: Replay = { action, payload };
  return render(c, () => <SignInPage ui={u} next={replay.action} notice={u.t.auth.signin.expired} replay={replay} />, { status: 401 });
}
