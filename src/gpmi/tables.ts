import type { Generated } from 'kysely';

// Row types of the plan and GPMI tables (migrations/20261122T1600_gpmi.ts).
export type AgreementStatus = 'lopend' | 'bereikt' | 'bijgestuurd' | 'gestopt';
export const AGREEMENT_STATUSES: readonly AgreementStatus[] = ['lopend', 'bereikt', 'bijgestuurd', 'gestopt'];
/** Statuses that still ask for work: counted as "open" on the caseload. */
export const OPEN_STATUSES: readonly AgreementStatus[] = ['lopend', 'bijgestuurd'];
export type VersionStatus = 'draft' | 'signed';
export type ItemKind = 'client' | 'ocmw' | 'partner';

export interface BalancePlanTable {
  balance_id: number;
  revision: Generated<number>;
  updated_at: number;
  updated_by: number | null;
}
export interface BalancePriorityTable {
  id: Generated<number>;
  balance_id: number;
  subject: string;
  member_id: number | null;
  domain_key: string;
  priority: number | null;
  client_priority: number | null;
  long_term_goal: Generated<string>;
  short_term_goal: Generated<string>;
  target_score: number | null;
}
export interface GpmiTable {
  id: Generated<number>;
  organisation_id: number;
  household_id: number;
  member_id: number | null;
  balance_id: number;
  created_at: number;
  created_by: number | null;
}
export interface GpmiVersionTable {
  id: Generated<number>;
  gpmi_id: number;
  number: number;
  status: Generated<VersionStatus>;
  start_on: string;
  duration_months: number;
  reason: string | null;
  revision: Generated<number>;
  created_at: number;
  created_by: number | null;
  updated_at: number;
  updated_by: number | null;
  signed_on: string | null;
  signed_client_name: string | null;
  signed_by: number | null;
  signed_at: number | null;
}
export interface GpmiMomentTable {
  id: Generated<number>;
  version_id: number;
  position: number;
  on_date: string;
}
export interface GpmiAgreementTable {
  id: Generated<number>;
  version_id: number;
  position: number;
  subject: string;
  member_id: number | null;
  domain_key: string;
  text: Generated<string>;
  long_term_goal: Generated<string>;
  short_term_goal: Generated<string>;
  target_score: number | null;
  due_on: string | null;
  status: Generated<AgreementStatus>;
}
export interface GpmiAgreementItemTable {
  id: Generated<number>;
  agreement_id: number;
  kind: ItemKind;
  position: number;
  text: string;
}
export interface GpmiEvaluationTable {
  id: Generated<number>;
  gpmi_id: number;
  version_id: number;
  held_on: string;
  balance_id: number | null;
  /** 1: a personal conversation; 0: not; null: recorded before this was asked. */
  in_person: number | null;
  created_at: number;
  created_by: number | null;
}
export interface GpmiEvaluationItemTable {
  evaluation_id: number;
  agreement_id: number;
  note: string;
  status: AgreementStatus;
  /** 1: the worker marked the note as shared with the client (printed on the client's copy). */
  shared_with_client: Generated<number>;
}
export interface GpmiTables {
  balance_plan: BalancePlanTable;
  balance_priority: BalancePriorityTable;
  gpmi: GpmiTable;
  gpmi_version: GpmiVersionTable;
  gpmi_moment: GpmiMomentTable;
  gpmi_agreement: GpmiAgreementTable;
  gpmi_agreement_item: GpmiAgreementItemTable;
  gpmi_evaluation: GpmiEvaluationTable;
  gpmi_evaluation_item: GpmiEvaluationItemTable;
}
