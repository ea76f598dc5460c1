import { addMonths } from '../gpmi/logic.js';
import { parseDay } from '../i18n/day.js';
import { EXEMPTIONS, type Exemption } from './tables.js';
import type { ErrorCodes } from '../http/form-errors.js';
import type { FiguresMessages } from './messages/nl.js';

// Pure rules of the figures and of what is due (no database, no request): the fixed periods, the
// GPMI timeline the inspection checks, and the living-wage form's checks.

// ---------------------------------------------------------------- periods (fixed, not free)

export type Period = { kind: 'year'; year: number } | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 };

/** "2026" or "2026-Q3"; anything else is not a period. */
export function parsePeriod(raw: string | undefined): Period | null {
  const m = /^(\d{4})(?:-Q([1-4]))?$/.exec(raw ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  return m[2] ? { kind: 'quarter', year, quarter: Number(m[2]) as 1 | 2 | 3 | 4 } : { kind: 'year', year };
}

export function periodKey(p: Period): string {
  return p.kind === 'year' ? String(p.year) : `${p.year}-Q${p.quarter}`;
}

/** First and last calendar day (ISO), both included. */
export function periodRange(p: Period): { from: string; to: string } {
  if (p.kind === 'year') return { from: `${p.year}-01-01`, to: `${p.year}-12-31` };
  const startMonth = (p.quarter - 1) * 3 + 1;
  const from = `${p.year}-${String(startMonth).padStart(2, '0')}-01`;
  const to = addMonths(from, 3);
  const last = new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { from, to: last };
}

/** The quarter of a calendar day: 1..4. */
export function quarterOf(iso: string): 1 | 2 | 3 | 4 {
  return (Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}

/** The four quarters and the year itself: every period that shares people with the others. */
export function periodsOfYear(year: number): Period[] {
  return [1, 2, 3, 4].map((q) => ({ kind: 'quarter', year, quarter: q }) as Period).concat([{ kind: 'year', year }]);
}

/** The periods one may choose: every year from `firstYear` to today's, newest first, each followed by its quarters up to today. */
export function choosablePeriods(firstYear: number, today: string): Period[] {
  const thisYear = Number(today.slice(0, 4));
  const out: Period[] = [];
  for (let y = thisYear; y >= Math.min(firstYear, thisYear); y--) {
    out.push({ kind: 'year', year: y });
    const lastQuarter = y === thisYear ? quarterOf(today) : 4;
    for (let q = lastQuarter; q >= 1; q--) out.push({ kind: 'quarter', year: y, quarter: q as 1 | 2 | 3 | 4 });
  }
  return out;
}

// ---------------------------------------------------------------- the GPMI timeline

/** A GPMI is drawn up within 3 months of the living wage being granted. */
export const GPMI_WITHIN_MONTHS = 3;
/** The next evaluation is due at most 4 months after the previous one (or after signing). */
export const EVALUATION_EVERY_MONTHS = 4;
/** At least 3 evaluations a year, at least 2 of them in a personal conversation. */
export const EVALUATIONS_PER_YEAR = 3;
export const IN_PERSON_PER_YEAR = 2;

/** Whole calendar months from `from` to `to` (31 Jan to 28 Feb is one month). */
export function wholeMonths(from: string, to: string): number {
  if (to < from) return 0;
  let m = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  while (m > 0 && addMonths(from, m) > to) m--;
  return m;
}

export interface EvaluationFact {
  heldOn: string;
  /** null: recorded before "in person" was asked; never counted as in person. */
  inPerson: boolean | null;
}

export interface EvaluationCheck {
  /** How many the rule asks for by `on`, and how many there are in the window it looks at. */
  expected: number;
  expectedInPerson: number;
  count: number;
  inPerson: number;
  compliant: boolean;
  /** The day the next evaluation is due: the latest one (or signing) + 4 months. */
  nextDue: string;
  /** The next one should be a personal conversation to stay within the rule. */
  inPersonNeeded: boolean;
}

/**
 * The rule the inspection checks, on a day `on`: evaluations count per rolling 12 months from
 * signing. In the first year, pro rata: after m whole months, floor(3m/12) evaluations of which
 * floor(2m/12) in person, counted from signing. From the first anniversary on, the 12 months up to
 * `on` must hold 3, of which 2 in person.
 */
export function checkEvaluations(signedOn: string, evaluations: readonly EvaluationFact[], on: string): EvaluationCheck {
  const held = evaluations.filter((e) => e.heldOn >= signedOn && e.heldOn <= on).sort((a, b) => (a.heldOn < b.heldOn ? -1 : 1));
  const inWindow = (day: string) => {
    const firstYear = day < addMonths(signedOn, 12);
    const from = firstYear ? signedOn : addMonths(day, -12);
    const list = held.filter((e) => (firstYear ? e.heldOn >= from : e.heldOn > from) && e.heldOn <= day);
    const months = wholeMonths(signedOn, day);
    return {
      expected: firstYear ? Math.floor((EVALUATIONS_PER_YEAR * months) / 12) : EVALUATIONS_PER_YEAR,
      expectedInPerson: firstYear ? Math.floor((IN_PERSON_PER_YEAR * months) / 12) : IN_PERSON_PER_YEAR,
      count: list.length,
      inPerson: list.filter((e) => e.inPerson === true).length,
    };
  };
  const now = inWindow(on);
  const last = held.length ? held[held.length - 1]!.heldOn : signedOn;
  const nextDue = addMonths(last, EVALUATION_EVERY_MONTHS);
  const atDue = inWindow(nextDue);
  return {
    ...now,
    compliant: now.count >= now.expected && now.inPerson >= now.expectedInPerson,
    nextDue,
    inPersonNeeded: atDue.inPerson < atDue.expectedInPerson,
  };
}

/** The day a GPMI must be signed by: the grant date + 3 months. */
export function gpmiDueOn(grantedOn: string): string {
  return addMonths(grantedOn, GPMI_WITHIN_MONTHS);
}

/** The day the next balance is due: the latest finalised one + the organisation's months. */
export function balanceDueOn(lastTakenOn: string, months: number): string {
  return addMonths(lastTakenOn, months);
}

// ---------------------------------------------------------------- the living-wage form

/** The earliest grant date that is not a typo (the living wage exists since 2002; the register keeps 10 years). */
export const GRANT_EARLIEST = '2002-10-01';

/** The living wage form's problems: codes of its texts. */
export type LivingWageErrors = ErrorCodes<FiguresMessages['livingWage']['errors']>;

export interface LivingWageFormValues {
  grantedOn: string;
  exemption: string;
}

/**
 * The grant date (required, a real day, not in the future, not before the living wage existed) and
 * the exemption ('' none, or health / equity reasons), each with its own error code.
 */
export function parseLivingWage(
  v: LivingWageFormValues,
  today: string,
): { ok: true; grantedOn: string; exemption: Exemption | null } | { ok: false; errors: LivingWageErrors } {
  const errors: LivingWageErrors = {};
  const raw = v.grantedOn.trim();
  const day = raw ? parseDay(raw) : null;
  if (!raw) errors.granted_on = 'grantedOnMissing';
  else if (!day) errors.granted_on = 'grantedOnInvalid';
  else if (day > today) errors.granted_on = 'grantedOnFuture';
  else if (day < GRANT_EARLIEST) errors.granted_on = 'grantedOnTooEarly';
  const exemption = v.exemption === '' ? null : (EXEMPTIONS as readonly string[]).includes(v.exemption) ? (v.exemption as Exemption) : undefined;
  if (exemption === undefined) errors.exemption = 'exemptionInvalid';
  if (errors.granted_on || errors.exemption || !day || exemption === undefined) return { ok: false, errors };
  return { ok: true, grantedOn: day, exemption };
}

// ---------------------------------------------------------------- exports

/**
 * A text cell that a spreadsheet would read as a formula (= + - @, or a tab or carriage return at
 * the start) gets a leading apostrophe, the OWASP advice for CSV injection. Numbers stay numbers.
 */
export function neutralise(value: string | number): string | number {
  if (typeof value === 'number') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV field: neutralised, quoted when it holds the separator, a quote or a line break. */
export function csvField(value: string | number): string {
  const v = neutralise(value);
  if (typeof v === 'number') return String(v);
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Semicolon-separated, CRLF line ends, UTF-8 with a byte-order mark: what Belgian Excel opens as is. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(';')).join('\r\n') + '\r\n';
}
