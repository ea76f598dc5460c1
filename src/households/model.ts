import type { HouseholdStatus, MemberRole } from './tables.js';

// The household feature's data as the rest of the code sees it: what the queries return and the
// forms hand them. Types only, so views can import them without reaching query code.

export interface Member {
  id: number;
  householdId: number;
  firstName: string;
  lastName: string;
  birthYear: number;
  birthDate: string | null;
  role: MemberRole;
  /** Null: follows from the age (see isAdult in logic.ts). */
  adultOverride: boolean | null;
  /** 11 digits; show masked (maskNationalNumber) everywhere except the member's edit field. */
  nationalNumber: string | null;
  joinedOn: string;
  leftOn: string | null;
  position: number;
  revision: number;
  updatedAt: number;
  updatedByName: string | null;
}

export interface Household {
  id: number;
  teamId: number;
  teamName: string;
  assignedUserId: number | null;
  assignedName: string | null;
  dossierRef: string | null;
  status: HouseholdStatus;
  closedAt: number | null;
  revision: number;
  createdAt: number;
  updatedAt: number;
  updatedByName: string | null;
  /** Current members first (by position), then former ones (by the day they left). */
  members: Member[];
}

/** The household's own fields, as the "new household" and "edit household" forms set them. */
export interface HouseholdValues {
  teamId: number;
  assignedUserId: number | null;
  dossierRef: string | null;
}

export interface MemberValues {
  firstName: string;
  lastName: string;
  birthYear: number;
  birthDate: string | null;
  role: MemberRole;
  adultOverride: boolean | null;
  nationalNumber: string | null;
  /**
   * "In het gezin sinds" (yyyy-mm-dd). Absent: a new member joins on the day they are added, and
   * an edit keeps the stored day.
   */
  joinedOn?: string | undefined;
}

/** One line of the caseload, as the household query finds it. */
export interface CaseloadRow {
  id: number;
  dossierRef: string | null;
  status: HouseholdStatus;
  teamId: number;
  teamName: string;
  assignedUserId: number | null;
  assignedName: string | null;
  /** First names of the current members, in their order in the household. */
  memberFirstNames: string[];
  createdAt: number;
  updatedAt: number;
}

/** A caseload line as the page shows it: with what the balances and GPMIs say (routes.tsx, withBalanceColumns). */
export interface CaseloadEntry extends CaseloadRow {
  /** Date of the latest finalised balance (UTC ms), null when the household has none yet. */
  lastBalanceAt: number | null;
  /** Change between the last two balances, null with fewer than two. */
  direction: 'better' | 'same' | 'worse' | null;
  /** Agreements still open in the signed versions of active GPMIs. */
  openAgreements: number;
}

export interface CaseloadResult<R extends CaseloadRow = CaseloadRow> {
  rows: R[];
  total: number;
  page: number;
  pages: number;
}

export interface TeamWithWorkers {
  id: number;
  name: string;
  /** Active users with a role in the team (worker or lead): who a household can be assigned to. */
  workers: { id: number; name: string }[];
}
