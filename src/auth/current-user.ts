import type { Locale } from '../i18n/index.js';

export type TeamRole = 'worker' | 'lead';

/** The signed-in user as every route sees it: enough to decide permissions without a query. */
export interface CurrentUser {
  id: number;
  organisationId: number;
  organisationName: string;
  email: string;
  displayName: string;
  locale: Locale;
  isAdmin: boolean;
  /** The "beleid" role: the organisation's anonymous figures, nothing else (docs/permissions.md). */
  isPolicy: boolean;
  memberships: { teamId: number; role: TeamRole }[];
  twoFactorEnabled: boolean;
  /** Who sees sensitive life domains in balances (organisation setting). */
  sensitiveVisibility: 'team' | 'assigned';
  /** The organisation requires 2FA and this user has not set it up yet. */
  mustSetUpTwoFactor: boolean;
}
