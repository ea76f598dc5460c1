import type { TeamRole } from '../auth/current-user.js';

// The administrator's screens' data as the rest of the code sees it. Types only, so views can
// import them without reaching query code.

export type UserStatus = 'active' | 'disabled' | 'invited';

export interface AdminUserRow {
  id: number;
  displayName: string;
  email: string;
  isAdmin: boolean;
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
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: 'success' | 'failure' | 'denied';
}
