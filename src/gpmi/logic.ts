import { parseDay } from '../i18n/day.js';
import { cellExists, cellKey, type LayoutSection } from '../balances/logic.js';
import type { CellState } from '../balances/tables.js';
import type { AgreementStatus } from './tables.js';
import { AGREEMENT_STATUSES } from './tables.js';

// Pure rules of the plan (werkpunten) and the GPMI: limits, list parsing, dates, comparisons.

/**
 * Keep the plan small (seed 000: "keuzes maken, geen overdaad aan doelstellingen"; people living in
 * scarcity have little room in their head). More than PLAN_WARN werkpunten for one person (or for
 * the household) gives a warning; more than PLAN_MAX is refused.
 */
export const PLAN_WARN = 3;
export const PLAN_MAX = 5;
export const GOAL_MAX = 1000;
export const AGREEMENT_TEXT_MAX = 500;
export const LIST_ITEM_MAX = 500;
export const LIST_MAX_ITEMS = 20;
export const NOTE_MAX = 4000;
export const REASON_MAX = 1000;
export const MOMENTS_MAX = 12;
export const DURATION_MAX = 60;

/**
 * A list typed one item per line in a textarea: lines trimmed, bullets people type or paste
 * ("- ", "• ", "* ", "1. ") taken off, empty lines dropped. CRLF from Windows browsers is a line end.
 */
export function parseLines(text: string): string[] {
  return text
    .split(/\r\n?|\n/)
    .map((l) =>
      l
        .trim()
        .replace(/^(?:[-•*·–]|\d{1,2}[.)])\s+/, '')
        .trim(),
    )
    .filter((l) => l !== '');
}

/** Calendar day + whole months (31 January + 1 month = 28/29 February, never 3 March). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/**
 * Plausible dates (decision 011): a start date (and a due date) lies between a year ago and five
 * years ahead; typing 31/12/9999 or 01/01/1900 is a typo, not a plan.
 */
export const DATES_PAST_MONTHS = 12;
export const DATES_AHEAD_MONTHS = 60;
export function dateWindow(today: string): { from: string; to: string } {
  return { from: addMonths(today, -DATES_PAST_MONTHS), to: addMonths(today, DATES_AHEAD_MONTHS) };
}

/** The days a due date may be on: the plausible window, stretched to the GPMI's own start and end. */
export function dueWindow(today: string, timing?: { startOn: string; durationMonths: number }): { from: string; to: string } {
  const window = dateWindow(today);
  if (!timing) return window;
  const end = addMonths(timing.startOn, timing.durationMonths);
  return { from: timing.startOn < window.from ? timing.startOn : window.from, to: end > window.to ? end : window.to };
}

/** The earliest date a GPMI can be signed or evaluated on: a year before its start (the latest: today). */
export function earliestRecordedOn(startOn: string): string {
  return addMonths(startOn, -DATES_PAST_MONTHS);
}

/** Evaluation moments every three months within the duration (at least one: at the end). */
export function defaultMoments(startOn: string, durationMonths: number): string[] {
  const out: string[] = [];
  for (let m = 3; m <= durationMonths; m += 3) out.push(addMonths(startOn, m));
  if (!out.length) out.push(addMonths(startOn, durationMonths));
  return out;
}

/** The first evaluation moment on or after today, else null. */
export function nextMoment(moments: string[], today: string): string | null {
  return [...moments].sort().find((m) => m >= today) ?? null;
}

export type Movement = 'better' | 'same' | 'worse';
/** Did a domain's score move between two balances? Null when either is not a score (nvt, not discussed). */
export function movement(before: number | null, after: number | null): Movement | null {
  if (before === null || after === null) return null;
  return after > before ? 'better' : after < before ? 'worse' : 'same';
}

export function isAgreementStatus(v: string): v is AgreementStatus {
  return (AGREEMENT_STATUSES as readonly string[]).includes(v);
}

/** Dates as people type them (dd/mm/jjjj or yyyy-mm-dd), one per line: parsed, sorted, no doubles. */
export function parseMoments(text: string): { days: string[] } | { bad: string } {
  const days: string[] = [];
  for (const line of parseLines(text)) {
    const day = parseDay(line);
    if (!day) return { bad: line };
    if (!days.includes(day)) days.push(day);
  }
  return { days: days.sort() };
}

// ---------------------------------------------------------------- the plan (werkpunten)

export interface PlanRowInput {
  subject: string;
  domainKey: string;
  werkpunt: boolean;
  priority: string;
  clientPriority: string;
  longTermGoal: string;
  shortTermGoal: string;
  targetScore: string;
}

export interface PlanRow {
  subject: string;
  domainKey: string;
  priority: number | null;
  clientPriority: number | null;
  longTermGoal: string;
  shortTermGoal: string;
  targetScore: number | null;
}

/**
 * The agreements a new GPMI starts with: one per werkpunt of the plan that this user can see in
 * the balance. For a person's GPMI their own first, then the household's; for a household GPMI the
 * household's first, then each member's. Priority order within each.
 */
export function agreementSeeds(
  balance: { layout: readonly LayoutSection[]; subjects: readonly { key: string }[] },
  plan: ReadonlyMap<string, PlanRow>,
  memberId: number | null,
): { subject: string; domainKey: string; text: string; longTermGoal: string; shortTermGoal: string; targetScore: number | null }[] {
  const subjects = memberId === null ? balance.subjects.map((s) => s.key) : [`m${memberId}`, 'h'];
  return subjects.flatMap((subject) =>
    [...plan.values()]
      .filter((r) => r.subject === subject && r.priority !== null && cellExists(balance, r.subject, r.domainKey))
      .sort((a, b) => a.priority! - b.priority!)
      .map((r) => ({
        subject: r.subject,
        domainKey: r.domainKey,
        text: r.shortTermGoal || r.longTermGoal,
        longTermGoal: r.longTermGoal,
        shortTermGoal: r.shortTermGoal,
        targetScore: r.targetScore,
      })),
  );
}

/**
 * An evaluation typed on an older signed version, moved to the newest one: a note and status typed
 * for an agreement go to the same domain of the same person in the new version; a note whose domain
 * the new version no longer has is handed back (`leftOver`) so nothing typed is lost.
 */
export function carriedOver<I extends { note: string }>(
  items: ReadonlyMap<number, I>,
  before: readonly { id: number; subject: string; domainKey: string }[],
  now: readonly { id: number; subject: string; domainKey: string }[],
): { items: Map<number, I>; leftOver: { subject: string; domainKey: string; note: string }[] } {
  const out = new Map<number, I>();
  const leftOver: { subject: string; domainKey: string; note: string }[] = [];
  for (const [agreementId, item] of items) {
    const was = before.find((a) => a.id === agreementId);
    if (!was) continue;
    const same = now.find((a) => a.subject === was.subject && a.domainKey === was.domainKey);
    if (same) out.set(same.id, item);
    else if (item.note.trim()) leftOver.push({ subject: was.subject, domainKey: was.domainKey, note: item.note });
  }
  return { items: out, leftOver };
}

/** Werkpunten per person above the warning level (subject keys). */
export function crowdedSubjects(rows: Pick<PlanRow, 'subject' | 'priority'>[]): string[] {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.priority !== null) counts.set(r.subject, (counts.get(r.subject) ?? 0) + 1);
  return [...counts.entries()].filter(([, n]) => n > PLAN_WARN).map(([s]) => s);
}

// ---------------------------------------------------------------- reading a GPMI and its balance

/** The newest version of a GPMI (a draft or signed). */
export function latestVersion<V>(g: { versions: readonly V[] }): V {
  return g.versions[g.versions.length - 1]!;
}

/** The version that holds: the newest signed one (a newer draft does not count until it is signed). */
export function currentSigned<V extends { status: string }>(g: { versions: readonly V[] }): V | undefined {
  return [...g.versions].reverse().find((v) => v.status === 'signed');
}

/** Whether an agreement's domain is shown to this user (in the source balance's layout as they see it). */
export function agreementVisible(balance: { layout: readonly LayoutSection[] }, a: { subject: string; domainKey: string }): boolean {
  return cellExists(balance, a.subject, a.domainKey);
}

export function scoreIn(
  balance: { cells: ReadonlyMap<string, { state: CellState; score: number | null }> } | undefined,
  subject: string,
  domainKey: string,
): { state: 'open' | 'scored' | 'nvt' | 'nb'; score: number | null } {
  const c = balance?.cells.get(cellKey(subject, domainKey));
  return c ? { state: c.state, score: c.score } : { state: 'open', score: null };
}

/**
 * Whether the draft may get a new agreement on this cell: a cell of the source balance this user
 * sees, of the GPMI's person (or the household), not already in the version, and not "niet van toepassing".
 */
export function newAgreementAllowed(
  balance: { layout: readonly LayoutSection[]; cells: ReadonlyMap<string, { state: CellState; score: number | null }> },
  memberId: number | null,
  agreements: readonly { subject: string; domainKey: string }[],
): (subject: string, domainKey: string) => boolean {
  const subjectsAllowed = memberId === null ? null : new Set(['h', `m${memberId}`]);
  return (subject, domainKey) =>
    cellExists(balance, subject, domainKey) &&
    (subjectsAllowed === null || subjectsAllowed.has(subject)) &&
    !agreements.some((a) => a.subject === subject && a.domainKey === domainKey) &&
    scoreIn(balance, subject, domainKey).state !== 'nvt';
}
