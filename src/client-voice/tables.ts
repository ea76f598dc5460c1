import type { Generated } from 'kysely';

// Row types of the client-voice tables (migrations/20261207T1500_client_voice.ts), as Kysely sees
// them. Booleans are 0/1 integers, times millisecond integers.

export type ReviewStatus = 'draft' | 'reviewed';
export type OfficialLanguage = 'nl' | 'fr' | 'nl-fr';
export type InvitationMode = 'link' | 'handover';
export type ClosedReason = 'sent' | 'revoked' | 'finalised' | 'handover_ended';
export type AnswerKind = 'score' | 'declined';
export type AnswerState = 'draft' | 'applied' | 'pending' | 'accepted' | 'kept';

export interface ClientLanguageTable {
  organisation_id: number;
  lang: string;
  shown_to_clients: Generated<number>;
  changed_at: number;
  changed_by: number | null;
}
export interface ClientTextTable {
  id: Generated<number>;
  organisation_id: number;
  lang: string;
  context: string;
  source: string;
  /** JSON array of strings. */
  forms: string;
  status: ReviewStatus;
  updated_at: number;
  updated_by: number | null;
}
export interface ClientSettingTable {
  organisation_id: number;
  official_language: OfficialLanguage;
  updated_at: number;
  updated_by: number | null;
}
export interface ClientInvitationTable {
  id: string;
  secret_hash: Uint8Array;
  organisation_id: number;
  household_id: number;
  balance_id: number;
  member_id: number;
  include_household: Generated<number>;
  mode: InvitationMode;
  lang: string | null;
  created_at: number;
  created_by: number;
  expires_at: number;
  closed_at: number | null;
  closed_reason: ClosedReason | null;
  closed_by: number | null;
}
export interface ClientAnswerTable {
  id: Generated<number>;
  invitation_id: string;
  balance_id: number;
  subject: string;
  domain_key: string;
  kind: AnswerKind;
  score: number | null;
  remark: Generated<string>;
  state: AnswerState;
  created_at: number;
  updated_at: number;
  decided_at: number | null;
  decided_by: number | null;
}
export interface ClientSessionLockTable {
  session_id: string;
  invitation_id: string;
  created_at: number;
}
export interface MemberClientLanguageTable {
  member_id: number;
  lang: string;
  updated_at: number;
}
export interface GpmiClientTextTable {
  id: Generated<number>;
  organisation_id: number;
  gpmi_id: number;
  lang: string;
  source_hash: string;
  source: string;
  text: string;
  updated_at: number;
  updated_by: number | null;
}

export interface ClientVoiceTables {
  client_language: ClientLanguageTable;
  client_text: ClientTextTable;
  client_setting: ClientSettingTable;
  client_invitation: ClientInvitationTable;
  client_answer: ClientAnswerTable;
  client_session_lock: ClientSessionLockTable;
  member_client_language: MemberClientLanguageTable;
  gpmi_client_text: GpmiClientTextTable;
}
