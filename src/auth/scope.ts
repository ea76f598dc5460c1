import type { Context } from 'hono';
import type { AppEnv } from '../http/env.js';
import type { OrgScope } from './org-scope.js';

export { actorOf, scopeOfUser, type OrgScope, type UserScope } from './org-scope.js';

/** The caller's scope; only call behind requireUser/requireAdmin or the API's call middleware (which set it). */
export function scope<E extends AppEnv>(c: Context<E>): NonNullable<E['Variables']['scope']> & OrgScope {
  const s = c.get('scope');
  if (!s) throw new Error('scope() called without a signed-in user');
  return s as NonNullable<E['Variables']['scope']> & OrgScope;
}
