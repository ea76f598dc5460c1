import type { Generated } from 'kysely';

// Row types of the balance tables (migrations/20261122T1400_balances.ts).
export type BalanceMethod = 'samen' | 'hulpverlener' | 'client';
export const BALANCE_METHODS: readonly BalanceMethod[] = ['samen', 'hulpverlener', 'client'];
export type BalanceStatus = 'draft' | 'final';
export type CellState = 'open' | 'scored' | 'nvt' | 'nb';

export interface BalanceTable {
  id: Generated<number>;
  organisation_id: number;
  household_id: number;
  catalogue_version_id: number;
  taken_on: string;
  method: BalanceMethod;
  status: Generated<BalanceStatus>;
  created_at: number;
  created_by: number | null;
  updated_at: number;
  finalised_at: number | null;
  finalised_by: number | null;
}
export interface BalanceSubjectTable {
  balance_id: number;
  member_id: number;
  level: 'volwassene' | 'kind';
  took_part: Generated<number>;
}
export interface BalanceScoreTable {
  id: Generated<number>;
  balance_id: number;
  subject: string;
  member_id: number | null;
  domain_key: string;
  state: CellState;
  score: number | null;
  client_score: number | null;
  remark: Generated<string>;
  prefilled: Generated<number>;
  revision: Generated<number>;
  editor_token: Generated<string>;
  updated_at: number;
  updated_by: number | null;
}
export interface BalanceAmendmentTable {
  id: Generated<number>;
  balance_id: number;
  subject: string;
  domain_key: string;
  reason: string;
  before_state: CellState;
  before_score: number | null;
  before_remark: string;
  after_state: CellState;
  after_score: number | null;
  after_remark: string;
  created_at: number;
  created_by: number | null;
}
export interface BalanceTables {
  balance: BalanceTable;
  balance_subject: BalanceSubjectTable;
  balance_score: BalanceScoreTable;
  balance_amendment: BalanceAmendmentTable;
}
