import type { Generated } from 'kysely';

// Row types of the household tables (migrations/20261122T1300_households.ts), as Kysely sees them.
// Booleans are 0/1 integers (SQLite). Calendar days are ISO text 'yyyy-mm-dd'.

export type HouseholdStatus = 'active' | 'closed';
export type MemberRole = 'aanvrager' | 'partner' | 'kind' | 'ander';
export const MEMBER_ROLES: readonly MemberRole[] = ['aanvrager', 'partner', 'kind', 'ander'];

export interface HouseholdTable {
  id: Generated<number>;
  organisation_id: number;
  team_id: number;
  assigned_user_id: number | null;
  dossier_ref: string | null;
  status: Generated<HouseholdStatus>;
  closed_at: number | null;
  search_text: Generated<string>;
  revision: Generated<number>;
  created_at: number;
  created_by: number | null;
  updated_at: number;
  updated_by: number | null;
}

export interface HouseholdMemberTable {
  id: Generated<number>;
  household_id: number;
  first_name: string;
  last_name: string;
  birth_year: number;
  birth_date: string | null;
  role: MemberRole;
  /** NULL: follows from the age; 1 adult; 0 child. */
  adult_override: number | null;
  /** 11 digits, no separators. */
  national_number: string | null;
  joined_on: string;
  left_on: string | null;
  position: number;
  revision: Generated<number>;
  created_at: number;
  updated_at: number;
  updated_by: number | null;
}

export interface HouseholdTables {
  household: HouseholdTable;
  household_member: HouseholdMemberTable;
}
