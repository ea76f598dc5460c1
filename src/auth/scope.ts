import type { Context } from 'hono';
import type { AppEnv } from '../http/env.js';
import type { CurrentUser } from './current-user.js';

/**
 * The organisation (and, for client files, the teams) a request may touch. Query functions that
 * read or write organisation data take an OrgScope as their second argument, never a bare id,
 * so the scope cannot be forgotten and a row of another organisation is simply "not found" (404).
 */
export interface OrgScope {
  organisationId: number;
  userId: number;
  isAdmin: boolean;
  /** Teams whose client files this user may open (worker or lead). */
  teamIds: number[];
  /** Teams this user leads (team figures). */
  leadTeamIds: number[];
}

export function scopeOfUser(user: CurrentUser): OrgScope {
  return {
    organisationId: user.organisationId,
    userId: user.id,
    isAdmin: user.isAdmin,
    teamIds: user.memberships.map((m) => m.teamId),
    leadTeamIds: user.memberships.filter((m) => m.role === 'lead').map((m) => m.teamId),
  };
}

/** The scope of the signed-in user; only call behind requireUser/requireAdmin. */
export function scope(c: Context<AppEnv>): OrgScope {
  const user = c.get('user');
  if (!user) throw new Error('scope() called without a signed-in user');
  return scopeOfUser(user);
}
