import type { PlanRow } from './logic.js';
import type { AgreementStatus, VersionStatus } from './tables.js';

// The plan and GPMI data as the rest of the code sees it: what the queries return and the forms
// hand them. Types only, so views can import them without reaching query code.

export interface StoredPlan {
  revision: number;
  updatedAt: number | null;
  updatedByName: string | null;
  /** By cell key (`h.verblijfplaats`, `m12.vangnet`), every row, hidden sensitive ones included. */
  rows: Map<string, PlanRow>;
}

export interface VersionSummary {
  id: number;
  number: number;
  status: VersionStatus;
  startOn: string;
  durationMonths: number;
  reason: string | null;
  revision: number;
  createdAt: number;
  createdByName: string | null;
  updatedAt: number;
  updatedByName: string | null;
  signedOn: string | null;
  signedClientName: string | null;
  signedByName: string | null;
  signedAt: number | null;
}

export interface GpmiRecord {
  id: number;
  householdId: number;
  memberId: number | null;
  balanceId: number;
  createdAt: number;
  /** Oldest first. */
  versions: VersionSummary[];
}

export interface AgreementDetail {
  id: number;
  position: number;
  subject: string;
  memberId: number | null;
  domainKey: string;
  text: string;
  longTermGoal: string;
  shortTermGoal: string;
  targetScore: number | null;
  dueOn: string | null;
  /** As written in the version. */
  status: AgreementStatus;
  /** After the evaluations of this version (the latest one wins); equals `status` without any. */
  currentStatus: AgreementStatus;
  client: string[];
  ocmw: string[];
  partners: string[];
  /** `shared`: the worker marked the note as shared with the client (the client's copy prints it). */
  evaluations: {
    evaluationId: number;
    heldOn: string;
    inPerson: boolean | null;
    note: string;
    shared: boolean;
    status: AgreementStatus;
    byName: string | null;
  }[];
}

export interface VersionDetail extends VersionSummary {
  moments: string[];
  agreements: AgreementDetail[];
}

export interface GpmiSummary {
  id: number;
  memberId: number | null;
  balanceId: number;
  latest: VersionSummary;
  signed: VersionSummary | undefined;
  state: 'draft' | 'signed' | 'signedWithDraft' | 'ended';
  nextEvaluation: string | null;
}

export interface AgreementSeed {
  subject: string;
  domainKey: string;
  text: string;
  longTermGoal: string;
  shortTermGoal: string;
  targetScore: number | null;
}

export interface AgreementValues {
  id: number;
  remove: boolean;
  text: string;
  longTermGoal: string;
  shortTermGoal: string;
  targetScore: number | null;
  dueOn: string | null;
  status: AgreementStatus;
  client: string[];
  ocmw: string[];
  partners: string[];
}

export interface DraftValues {
  startOn: string;
  durationMonths: number;
  moments: string[];
  /** Only the agreements the user could see and post; others stay as they are. */
  agreements: AgreementValues[];
  add: { subject: string; domainKey: string } | null;
}
