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
  /** Who sees sensitive life domains (organisation setting; see households/sensitive.ts). */
  sensitiveVisibility: 'team' | 'assigned';
}

export function scopeOfUser(user: CurrentUser): OrgScope {
  return {
    organisationId: user.organisationId,
    userId: user.id,
    isAdmin: user.isAdmin,
    teamIds: user.memberships.map((m) => m.teamId),
    leadTeamIds: user.memberships.filter((m) => m.role === 'lead').map((m) => m.teamId),
    sensitiveVisibility: user.sensitiveVisibility,
  };
}

/** The caller's scope; only call behind requireUser/requireAdmin (which set it). */
export function scope<E extends AppEnv>(c: Context<E>): OrgScope {
  const s = c.get('scope');
  if (!s) throw new Error('scope() called without a signed-in user');
  return s;
}
