import type { TeamRole } from '../auth/current-user.js';

// The administrator's screens' data as the rest of the code sees it. Types only, so views can
// import them without reaching query code.

export type UserStatus = 'active' | 'disabled' | 'invited';

export interface AdminUserRow {
  id: number;
  displayName: string;
  email: string;
  isAdmin: boolean;
  /** The "beleid" role: the organisation's anonymous figures only. */
  isPolicy: boolean;
  locale: string;
  twoFactorEnabled: boolean;
  status: UserStatus;
  createdAt: number;
  memberships: { teamId: number; teamName: string; role: TeamRole }[];
}

export interface TeamRow {
  id: number;
  name: string;
  members: { userId: number; displayName: string; role: TeamRole; status: UserStatus }[];
}

export interface AuditRow {
  id: number;
  at: number;
  actorName: string | null;
  /** The API client that made the call (src/api/), when the actor is not a person. */
  apiClientName: string | null;
  /** The API route called, as a pattern. */
  route: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: 'success' | 'failure' | 'denied';
}

/** A client file as the audit log names it: by its number, never by a person. */
export interface AuditDossier {
  id: number;
  dossierRef: string | null;
}

/**
 * What an audit row's target is, as far as the viewer may know it. A household, member, balance or
 * GPMI is described only when the viewer may open that client file themselves (visibleHouseholds);
 * anything else, and any id of another organisation (a refused probe), is only its kind and id.
 * Never a person's name: the log records who did what to which record, not the content.
 */
export type AuditTargetText =
  | { kind: 'household' | 'member'; dossier: AuditDossier }
  | { kind: 'balance'; takenOn: string; dossier: AuditDossier }
  | { kind: 'clientInvitation'; takenOn: string; dossier: AuditDossier }
  | { kind: 'gpmi'; dossier: AuditDossier }
  | { kind: 'user' | 'team' | 'organisation'; name: string }
  | { kind: 'catalogueVersion'; number: number }
  | { kind: 'catalogueDomain' | 'catalogueTheme'; name: Record<'nl' | 'fr' | 'en', string> }
  | { kind: 'plain'; type: string; id: string | null };
