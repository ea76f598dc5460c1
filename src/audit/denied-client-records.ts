import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import type { AppEnv } from '../http/env.js';
import { audit } from './audit.js';

// A 404 on a client file (household, member, balance, GPMI) is the answer to "not yours or not
// there", and every such answer is audited as access.denied, so probing for other teams' files
// shows up. Done once here, after the route ran, so a route that simply returns notFound() cannot
// forget it. A route that already wrote its own access.denied row marks that (markDeniedAudited)
// and is not written twice.

const TARGET_TYPES: Record<string, string> = { households: 'household', members: 'household_member', balances: 'balance', gpmis: 'gpmi' };

/** The most specific record a client-file path names: /households/7/balances/9/plan → balance 9. */
export function clientTarget(path: string): { targetType: string; targetId?: string } {
  let target: { targetType: string; targetId?: string } = { targetType: 'household' };
  for (const m of path.matchAll(/\/(households|members|balances|gpmis)\/([^/]+)/g)) {
    const type = TARGET_TYPES[m[1]!]!;
    // Only a plausible id is recorded: never free text from the URL.
    target = /^\d{1,15}$/.test(m[2]!) ? { targetType: type, targetId: m[2]! } : { targetType: type };
  }
  return target;
}

export function markDeniedAudited(c: Context<AppEnv>): void {
  c.set('deniedAudited', true);
}

export const auditDeniedClientRecords = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const user = c.get('user');
  if (c.res.status !== 404 || !user || c.get('deniedAudited')) return;
  const { db, now } = c.get('deps');
  await audit(db, now(), {
    organisationId: user.organisationId,
    actorUserId: user.id,
    action: 'access.denied',
    ...clientTarget(c.req.path),
    requestId: c.get('requestId'),
    outcome: 'denied',
  });
});
