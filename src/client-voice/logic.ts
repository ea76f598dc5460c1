import type { CatalogueDomain, CatalogueTheme } from '../catalogue/default-catalogue.js';
import { cellKey, type LayoutSection, type Subject } from '../balances/logic.js';
import type { AnswerKind, ClosedReason } from './tables.js';

// Pure rules of the client view: which questions an invitation asks and in what order, whether an
// invitation is still open, and what a client's answer may be. No database, no request.

/** The longest remark a client may add to one answer ("a short remark"). */
export const CLIENT_REMARK_MAX = 500;
/** How long a link stays valid unless the worker picks otherwise, and the limits of that choice. */
export const DEFAULT_LINK_HOURS = 72;
export const MAX_LINK_HOURS = 14 * 24;
/** A hand-over lasts one conversation at most. */
export const HANDOVER_HOURS = 4;

export interface Step {
  /** 1-based: the step's number in the URL and in "question 3 of 12". */
  number: number;
  subject: Subject;
  theme: CatalogueTheme;
  domain: CatalogueDomain;
  key: string;
}

/**
 * The questions of an invitation, one per domain: the household's (when the worker included them),
 * then the person's own, each in the balance's layout order. The layout is the balance's as the
 * client file gives it to this caller (sensitive domains already left out where they must be).
 */
export function invitationSteps(layout: readonly LayoutSection[], memberId: number, includeHousehold: boolean): Step[] {
  const sections = [...(includeHousehold ? layout.filter((s) => s.subject.memberId === null) : []), ...layout.filter((s) => s.subject.memberId === memberId)];
  const steps: Step[] = [];
  for (const s of sections)
    for (const t of s.themes)
      for (const d of t.domains) steps.push({ number: steps.length + 1, subject: s.subject, theme: t.theme, domain: d, key: cellKey(s.subject.key, d.key) });
  return steps;
}

export type InvitationState = 'open' | 'expired' | ClosedReason;

export function invitationState(row: { closed_reason: ClosedReason | null; closed_at: number | null; expires_at: number }, now: number): InvitationState {
  if (row.closed_at !== null) return row.closed_reason ?? 'revoked';
  return now >= row.expires_at ? 'expired' : 'open';
}

export type AnswerProblem = 'chooseOne' | 'invalidChoice' | 'remarkTooLong' | 'unknownQuestion';
export type ParsedAnswer = { skip: true } | { skip: false; kind: AnswerKind; score: number | null; remark: string } | { problem: AnswerProblem };

/**
 * A client's answer to one question as the form posts it: the question it answers (`cell`, which
 * must be this step's), `choice` '1'..'5', 'declined' ("I'd rather not say") or 'skip', and an
 * optional remark. Anything else is refused, never coerced: "7" is not 5, a long remark is not cut.
 */
export function parseClientAnswer(raw: { cell: string; choice: string; remark: string; skip: boolean }, step: Step): ParsedAnswer {
  if (raw.cell !== step.key) return { problem: 'unknownQuestion' };
  if (raw.skip) return { skip: true };
  const remark = raw.remark.replace(/\r\n?/g, '\n').trim();
  if ([...remark].length > CLIENT_REMARK_MAX) return { problem: 'remarkTooLong' };
  if (raw.choice === '') return { problem: 'chooseOne' };
  if (raw.choice === 'declined') return { skip: false, kind: 'declined', score: null, remark };
  if (/^[1-5]$/.test(raw.choice)) return { skip: false, kind: 'score', score: Number(raw.choice), remark };
  return { problem: 'invalidChoice' };
}

/** What happens to a sent score in its cell: taken as the client score, waiting for the worker, or nothing to do. */
export function landing(cellClientScore: number | null | undefined, score: number): 'write' | 'same' | 'pending' {
  if (cellClientScore === null || cellClientScore === undefined) return 'write';
  return cellClientScore === score ? 'same' : 'pending';
}

/** Hours for a link as the worker typed them: a whole number from 1 to MAX_LINK_HOURS, or null. */
export function parseLinkHours(raw: string): number | null {
  if (raw.trim() === '') return DEFAULT_LINK_HOURS;
  if (!/^\d{1,4}$/.test(raw.trim())) return null;
  const n = Number(raw.trim());
  return n >= 1 && n <= MAX_LINK_HOURS ? n : null;
}
