import { createHash } from 'node:crypto';
import type { CatalogueData, CatalogueDomain, CatalogueTheme, Level } from '../catalogue/default-catalogue.js';
import type { CellState } from './tables.js';
import { findDomain } from '../catalogue/catalogue.js';

export const REMARK_MAX = 10_000;

/** Who is scored: the household once ('h'), and each member at their level ('m<id>'). */
export interface Subject {
  key: string;
  memberId: number | null;
  level: Level;
  name: string;
}

export interface LayoutTheme {
  theme: CatalogueTheme;
  domains: CatalogueDomain[];
}
export interface LayoutSection {
  subject: Subject;
  themes: LayoutTheme[];
}

/**
 * What a balance asks: per subject, the themes and the domains switched on (defaultOn) in the
 * catalogue version the balance was made with, in catalogue order. With `hideSensitive` (the
 * organisation shields sensitive domains and this user is not allowed), those domains are left
 * out entirely: not shown, not counted, and a save naming one is refused as an unknown cell.
 */
export function balanceLayout(catalogue: CatalogueData, subjects: Subject[], opts: { hideSensitive?: boolean } = {}): LayoutSection[] {
  return subjects.map((subject) => ({
    subject,
    themes: catalogue.themes
      .filter((t) => t.level === subject.level)
      .map((theme) => ({ theme, domains: theme.domains.filter((d) => d.defaultOn && !(opts.hideSensitive && d.sensitive)) }))
      .filter((t) => t.domains.length > 0),
  }));
}

export function cellKey(subject: string, domainKey: string): string {
  return `${subject}.${domainKey}`;
}

/** A DOM id for a cell or theme: letters, digits and dashes only. */
export function domId(...parts: string[]): string {
  return parts.join('-').replace(/[^a-z0-9-]/gi, '-');
}

export function subjectKeyOf(memberId: number | null): string {
  return memberId === null ? 'h' : `m${memberId}`;
}

export interface CellValue {
  state: CellState;
  score: number | null;
  clientScore: number | null;
  remark: string;
}
export const EMPTY_CELL: CellValue = { state: 'open', score: null, clientScore: null, remark: '' };

export type ChoiceProblem = 'invalidScore' | 'invalidClientScore' | 'remarkTooLong' | 'notApplicableNotAllowed';

/**
 * A cell as the form posts it: `s` is '1'..'5', 'nvt', 'nb' or '' (nothing chosen), `c` the
 * client's own score ('' or '1'..'5'). Anything else is refused, never coerced: "3.5" is not 3.
 */
export function parseCell(raw: { s: string; c: string; r: string }, domain: CatalogueDomain): { value: CellValue } | { problem: ChoiceProblem } {
  let state: CellState;
  let score: number | null = null;
  if (raw.s === '') state = 'open';
  else if (raw.s === 'nvt') {
    if (!domain.allowNotApplicable) return { problem: 'notApplicableNotAllowed' };
    state = 'nvt';
  } else if (raw.s === 'nb') state = 'nb';
  else if (/^[1-5]$/.test(raw.s)) {
    state = 'scored';
    score = Number(raw.s);
  } else return { problem: 'invalidScore' };
  let clientScore: number | null = null;
  if (raw.c !== '') {
    if (!/^[1-5]$/.test(raw.c)) return { problem: 'invalidClientScore' };
    clientScore = Number(raw.c);
  }
  // Windows browsers send CRLF; store LF so the same text never looks "changed".
  const remark = raw.r.replace(/\r\n?/g, '\n');
  if ([...remark].length > REMARK_MAX) return { problem: 'remarkTooLong' };
  return { value: { state, score, clientScore, remark } };
}

/** The form field value of a cell's choice. */
export function choiceValue(v: CellValue): string {
  return v.state === 'scored' ? String(v.score) : v.state === 'open' ? '' : v.state;
}

/**
 * A fingerprint of what the editor showed for a cell, sent back with the form. The server
 * compares it with what is posted to know which cells the user actually changed, so a theme form
 * saved as a whole never overwrites a cell someone else changed meanwhile that this user left alone.
 */
export function fingerprint(v: CellValue): string {
  return createHash('sha256')
    .update(`${choiceValue(v)}|${v.clientScore ?? ''}|${v.remark}`)
    .digest('base64url')
    .slice(0, 16);
}

export function sameValue(a: CellValue, b: CellValue): boolean {
  return a.state === b.state && a.score === b.score && a.clientScore === b.clientScore && a.remark === b.remark;
}

/** Scored: anything chosen, including "niet van toepassing" and "niet besproken", and not just taken over. */
export function isAnswered(v: { state: CellState; prefilled: boolean }): boolean {
  return v.state !== 'open' && !v.prefilled;
}

export type Direction = 'better' | 'same' | 'worse';

/**
 * The scores a direction may rest on: the scored cells of the domains in the layout. A layout made
 * with hideSensitive has no hidden sensitive domain, so a shielded viewer's arrow never moves with
 * one. The dossier's list (overview directions) and the caseload (balanceTrends) both use this, so
 * comparing the two cannot reveal whether a hidden score changed.
 */
export function visibleScores(layout: LayoutSection[], cells: ReadonlyMap<string, { state: CellState; score: number | null }>): Map<string, number> {
  const out = new Map<string, number>();
  for (const section of layout)
    for (const t of section.themes)
      for (const d of t.domains) {
        const key = cellKey(section.subject.key, d.key);
        const c = cells.get(key);
        if (c?.state === 'scored' && c.score !== null) out.set(key, c.score);
      }
  return out;
}

/**
 * The direction of a household between two balances: per (subject, domain) scored in both, count
 * what went up and what went down. More up than down is "better", and the other way round.
 */
export function direction(previous: Map<string, number>, latest: Map<string, number>): { direction: Direction; up: number; down: number; compared: number } {
  let up = 0;
  let down = 0;
  let compared = 0;
  for (const [key, score] of latest) {
    const before = previous.get(key);
    if (before === undefined) continue;
    compared++;
    if (score > before) up++;
    else if (score < before) down++;
  }
  return { direction: up > down ? 'better' : down > up ? 'worse' : 'same', up, down, compared };
}

/** How far a balance is: cells answered of all, and taken-over scores not yet confirmed. */
export function progress(detail: { layout: readonly LayoutSection[]; cells: ReadonlyMap<string, { state: CellState; prefilled: boolean }> }): {
  answered: number;
  total: number;
  unconfirmed: number;
} {
  let answered = 0;
  let total = 0;
  let unconfirmed = 0;
  for (const section of detail.layout)
    for (const t of section.themes)
      for (const d of t.domains) {
        total++;
        const c = detail.cells.get(cellKey(section.subject.key, d.key));
        if (c && isAnswered(c)) answered++;
        if (c?.prefilled) unconfirmed++;
      }
  return { answered, total, unconfirmed };
}

/** Whether a subject key and domain key name a cell of this balance (domain switched on, right level). */
export function cellExists(detail: { layout: readonly LayoutSection[] }, subject: string, domainKey: string): boolean {
  const section = detail.layout.find((s) => s.subject.key === subject);
  return !!section?.themes.some((t) => t.domains.some((d) => d.key === domainKey));
}

export function domainOf(detail: { catalogue: CatalogueData }, domainKey: string) {
  return findDomain(detail.catalogue, domainKey);
}

// ---------------------------------------------------------------- the editor's steps

/** The last step of the editor: what is still open, and the button that finalises. */
export const FINISH_STEP = 'afronden';

/** One step of the editor: one theme of one person (or of the household). */
export interface EditorStep {
  /** `<subject>:<theme key>`, as posted in `step` and `go` and written in `?step=`. */
  id: string;
  subject: Subject;
  theme: CatalogueTheme;
  domains: CatalogueDomain[];
  /** Cells still to do: not scored yet, or taken over from the previous balance and not confirmed. */
  todo: number;
}

export function stepId(subject: string, themeKey: string): string {
  return `${subject}:${themeKey}`;
}

/**
 * The editor works through the balance one theme of one person at a time, in the layout's order
 * (the household first, then each member). A taken-over score still to confirm counts as to do.
 */
export function editorSteps(detail: { layout: readonly LayoutSection[]; cells: ReadonlyMap<string, { state: CellState; prefilled: boolean }> }): EditorStep[] {
  return detail.layout.flatMap((section) =>
    section.themes.map((t) => ({
      id: stepId(section.subject.key, t.theme.key),
      subject: section.subject,
      theme: t.theme,
      domains: t.domains,
      todo: t.domains.filter((d) => {
        const c = detail.cells.get(cellKey(section.subject.key, d.key));
        return !c || !isAnswered(c);
      }).length,
    })),
  );
}

/**
 * The step a request asks for (`?step=` or a posted `go`): one of the balance's steps or the finish
 * step; anything else (a stale link after a catalogue change, a made-up value) is undefined.
 */
export function findStep(steps: readonly EditorStep[], id: string): EditorStep | typeof FINISH_STEP | undefined {
  if (id === FINISH_STEP) return FINISH_STEP;
  return steps.find((s) => s.id === id);
}

/** Where the editor opens: the first step with something to do, else the finish step. */
export function firstOpenStep(steps: readonly EditorStep[]): EditorStep | typeof FINISH_STEP {
  return steps.find((s) => s.todo > 0) ?? FINISH_STEP;
}
