import type { Context } from 'hono';
import type { Trx } from '../db/transaction.js';
import type { ScopedEnv } from '../http/env.js';
import { audit, type AuditAction, type AuditTargetType } from './audit.js';
import { killHereIfAsked } from './failpoint.js';
import { actorOf } from '../auth/org-scope.js';

// The audit rows a route writes, with who (the caller's scope) and which request filled in once.
// Two kinds, two functions:
//  - auditChange: a change. Written with the change's own transaction, so both commit or neither.
//  - auditEvent: a read (a page or file shown) or a refused attempt (a save conflict). Outside any
//    transaction; reads are group-committed by audit() (one fsync for a turn of the event loop).

export interface AuditTarget {
  type: AuditTargetType;
  id?: number | string | undefined;
}

/**
 * Who made this request and which request it is, for every row a route writes: the user, the API
 * client (src/api/) with the route it called, or nobody for a client's own answer (src/client-voice). Marks the request as audited, so the API's own
 * row for a call (src/api/call-audit.ts) is not written a second time.
 */
export function auditCaller<E extends ScopedEnv>(c: Context<E>) {
  const scope = c.get('scope');
  c.set('audited', true);
  return {
    organisationId: scope.organisationId,
    actorUserId: actorOf(scope),
    apiClientId: scope.apiClient?.id ?? null,
    route: c.get('apiRoute') ?? null,
    requestId: c.get('requestId'),
  };
}

function entry<E extends ScopedEnv>(c: Context<E>, action: AuditAction, target: AuditTarget, outcome?: 'success' | 'failure' | 'denied') {
  return { ...auditCaller(c), action, targetType: target.type, targetId: target.id, outcome };
}

/** The audit row of a change, in the transaction that makes the change. */
export async function auditChange<E extends ScopedEnv>(c: Context<E>, trx: Trx, action: AuditAction, target: AuditTarget): Promise<void> {
  killHereIfAsked(action);
  await audit(trx, c.get('deps').now(), entry(c, action, target));
}

/** The audit row of a read or of a refused attempt, outside any transaction. */
export async function auditEvent<E extends ScopedEnv>(c: Context<E>, action: AuditAction, target: AuditTarget, outcome?: 'failure'): Promise<void> {
  await audit(c.get('deps').db, c.get('deps').now(), entry(c, action, target, outcome));
}
