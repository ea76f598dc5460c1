import type { Generated } from 'kysely';

// Row types of the figures tables (migrations/20261207T1300_figures.ts).

export type Exemption = 'health' | 'equity';
export const EXEMPTIONS: readonly Exemption[] = ['health', 'equity'];

export interface FiguresSettingTable {
  organisation_id: number;
  small_cell_threshold: Generated<number>;
  balance_due_months: Generated<number>;
  weekly_digest: Generated<number>;
  revision: Generated<number>;
  updated_at: number;
  updated_by: number | null;
}
export interface LivingWageTable {
  id: Generated<number>;
  organisation_id: number;
  household_id: number;
  member_id: number;
  granted_on: string;
  exemption: Exemption | null;
  revision: Generated<number>;
  created_at: number;
  updated_at: number;
  updated_by: number | null;
}
export interface DigestSentTable {
  user_id: number;
  week: string;
  sent_at: number;
}
export interface FiguresTables {
  figures_setting: FiguresSettingTable;
  living_wage: LivingWageTable;
  digest_sent: DigestSentTable;
}
