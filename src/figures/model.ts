// The figures feature's data as the rest of the code sees it (what its queries return). Types only,
// so views can import them without reaching query code. The counting itself lives in counting.ts.
import type { Exemption } from './tables.js';

/** The teams whose figures this caller may see, and whether the organisation's total. */
export interface FiguresAccess {
  teams: { id: number; name: string }[];
  /** 'all' means the organisation (beleid) or all the lead's teams (a lead of several). */
  all: 'organisation' | 'teams' | null;
}

export interface LivingWage {
  grantedOn: string;
  exemption: Exemption | null;
  revision: number;
  updatedAt: number;
  updatedByName: string | null;
}

export type TodoKind = 'balance' | 'gpmi' | 'evaluation';

export interface TodoItem {
  kind: TodoKind;
  householdId: number;
  dossierRef: string | null;
  /** First name of the person it is about (a GPMI, an evaluation); null: the household. */
  firstName: string | null;
  /** The day it is due (ISO). */
  dueOn: string;
  overdue: boolean;
  /** An evaluation that should be a personal conversation to keep to the rule. */
  inPersonNeeded?: boolean;
  /** Where to do it. */
  href: string;
  assignedToMe: boolean;
  teamId: number;
}

export interface TodoFilter {
  whose: 'mine' | 'teams' | number;
  kind: TodoKind | 'all';
}
