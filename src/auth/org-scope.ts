import type { CurrentUser } from './current-user.js';

// The scope type lives apart from scope() (src/auth/scope.ts), which reads it from the request
// context: the context type (src/http/env.ts) needs the type, and scope() needs the context type.

/**
 * The organisation (and, for client files, the teams) a request may touch. Query functions that
 * read or write organisation data take an OrgScope as their second argument, never a bare id,
 * so the scope cannot be forgotten and a row of another organisation is simply "not found" (404).
 */
export interface OrgScope {
  organisationId: number;
  /** The signed-in user; null for a caller that is not a person (an API client, see `apiClient`). */
  userId: number | null;
  isAdmin: boolean;
  /** Teams whose client files this user may open (worker or lead). */
  teamIds: number[];
  /** Teams this user leads (team figures). */
  leadTeamIds: number[];
  /** The "beleid" role: the whole organisation's anonymous figures (absent: no). */
  isPolicy?: boolean;
  /** Who sees sensitive life domains (organisation setting; see households/sensitive.ts). */
  sensitiveVisibility: 'team' | 'assigned';
  /**
   * Set when the caller is a client answering through a one-time link or a hand-over
   * (src/client-voice): the scope is then the inviting worker's, narrowed to the household's team,
   * and `userId` is that worker — whom the client acts for, never the actor of an audit row.
   */
  client?: { invitationId: string };
  /**
   * Set when the caller is an API client (src/api/): which client, and whether it holds the scope
   * for sensitive domains. Such a scope has no user and no lead teams.
   */
  apiClient?: { id: number; readsSensitive: boolean };
}

/** Who did it, for an audit row: the user, or nobody (null) for a client's own action or an API client. */
export function actorOf(scope: Pick<OrgScope, 'userId' | 'client'>): number | null {
  return scope.client ? null : scope.userId;
}

/** The scope of a signed-in person: a user id is always there. */
export type UserScope = OrgScope & { userId: number };

export function scopeOfUser(user: CurrentUser): UserScope {
  return {
    organisationId: user.organisationId,
    userId: user.id,
    isAdmin: user.isAdmin,
    teamIds: user.memberships.map((m) => m.teamId),
    leadTeamIds: user.memberships.filter((m) => m.role === 'lead').map((m) => m.teamId),
    isPolicy: user.isPolicy,
    sensitiveVisibility: user.sensitiveVisibility,
  };
}
