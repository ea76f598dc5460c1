import type { CatalogueData, Level } from '../catalogue/default-catalogue.js';
import type { Locale } from '../i18n/locale.js';
import { findDomain } from '../catalogue/catalogue.js';
import { cellKey, direction, visibleScores, type CellValue, type Direction, type LayoutSection, type Subject } from '../balances/logic.js';
import type { BalanceMethod, BalanceStatus } from '../balances/tables.js';
import { formatIsoDate } from '../i18n/format.js';
import type { HeatCell, HeatmapModel } from '../charts/heatmap.js';
import type { LineModel } from '../charts/line.js';
import type { RadarPoint } from '../charts/radar.js';

// The one data model behind every overview and evolution chart AND its data table: the views draw
// the table from the same rows the chart builders get, so the two cannot disagree. Pure: no database.

/** A balance as the overview and evolution read it, with only what the viewer may see (sensitive domains left out of `layout`). */
export interface Snapshot {
  id: number;
  takenOn: string;
  status: BalanceStatus;
  method: BalanceMethod;
  catalogueVersionId: number;
  catalogueVersionNumber: number;
  catalogue: CatalogueData;
  subjects: (Subject & { tookPart: boolean })[];
  layout: LayoutSection[];
  cells: Map<string, CellValue>;
  hiddenSensitive: number;
  /**
   * What a rendered chart of this balance depends on besides language and sensitive visibility:
   * the catalogue version and the corrections made after finalising (the only way a finalised
   * balance changes). Part of every chart cache key.
   */
  stamp: string;
}

export interface DomainRow {
  key: string;
  label: string;
  theme: string;
  cell: CellValue | null;
}

export function cellOf(s: Pick<Snapshot, 'cells'>, subjectKey: string, domainKey: string): CellValue | null {
  return s.cells.get(cellKey(subjectKey, domainKey)) ?? null;
}

/** The score of a cell, or null for "niet van toepassing", "niet besproken", not yet scored or not asked. */
export function scoreOf(cell: CellValue | null): number | null {
  return cell && cell.state === 'scored' && cell.score !== null ? cell.score : null;
}

/** One person's (or the household's) domains in a balance, in catalogue order, with their cells. */
export function domainRows(s: Snapshot, subjectKey: string, lang: Locale): DomainRow[] {
  const section = s.layout.find((x) => x.subject.key === subjectKey);
  if (!section) return [];
  return section.themes.flatMap((t) =>
    t.domains.map((d) => ({ key: d.key, label: d.name[lang], theme: t.theme.name[lang], cell: cellOf(s, subjectKey, d.key) })),
  );
}

export function radarPoints(rows: DomainRow[]): RadarPoint[] {
  return rows.map((r) => ({ label: r.label, score: scoreOf(r.cell) }));
}

// ---------------------------------------------------------------- the overview's one matrix

/** One row of the overview matrix: a domain name, and per level the domain (key) that row shows. */
export interface MatrixRow {
  label: string;
  keys: Partial<Record<Level, string>>;
}
/** The rows of one theme; `household` groups come first and only ever hold household domains. */
export interface MatrixGroup {
  theme: string;
  household: boolean;
  rows: MatrixRow[];
}
export interface OverviewMatrix {
  /** The household and every member with at least one domain, in the balance's order. */
  columns: Subject[];
  groups: MatrixGroup[];
}

/**
 * Every score of a balance in one grid: domains down, the household and each person across.
 * Adults and children have their own domains (other keys, other anchor texts), but where a
 * child's domain has the same theme and name as an adult's ("Gezondheid: Fysieke gezondheid"),
 * both share one row, so the family reads across; each level keeps at most one domain per row.
 * Household themes are never merged with a person's: they are about the household as a whole.
 */
export function overviewMatrix(s: Pick<Snapshot, 'layout'>, lang: Locale): OverviewMatrix {
  const sections = s.layout.filter((x) => x.themes.length > 0);
  const groups: MatrixGroup[] = [];
  const byTheme = new Map<string, MatrixGroup>();
  const placed = new Set<string>();
  for (const section of sections) {
    const level = section.subject.level;
    const household = level === 'huishouden';
    for (const lt of section.themes) {
      const name = lt.theme.name[lang];
      const groupKey = `${household ? 'h' : 'p'}\u0000${name}`;
      let group = byTheme.get(groupKey);
      if (!group) {
        group = { theme: name, household, rows: [] };
        byTheme.set(groupKey, group);
        groups.push(group);
      }
      for (const d of lt.domains) {
        if (placed.has(`${level}\u0000${d.key}`)) continue;
        placed.add(`${level}\u0000${d.key}`);
        const label = d.name[lang];
        let row = group.rows.find((r) => r.label === label && r.keys[level] === undefined);
        if (!row) {
          row = { label, keys: {} };
          group.rows.push(row);
        }
        row.keys[level] = d.key;
      }
    }
  }
  // Household groups first, whatever order the members' sections came in.
  groups.sort((a, b) => Number(b.household) - Number(a.household));
  return { columns: sections.map((x) => x.subject), groups };
}

/** What one matrix cell shows: the domain asked of this subject in this row, or null when none was. */
export function matrixCell(s: Pick<Snapshot, 'layout' | 'cells'>, subject: Subject, row: MatrixRow): { domainKey: string; cell: CellValue | null } | null {
  const domainKey = row.keys[subject.level];
  if (domainKey === undefined || !asked(s, subject.key, domainKey)) return null;
  return { domainKey, cell: cellOf(s, subject.key, domainKey) };
}

export interface ScoreCounts {
  low: number;
  mid: number;
  high: number;
  none: number;
}

/** 1–2 (acuut, ruim onvoldoende), 3, 4–5 (voldoende, zelfredzaam) and without a score. */
export function scoreCounts(scores: (number | null)[]): ScoreCounts {
  const out = { low: 0, mid: 0, high: 0, none: 0 };
  for (const s of scores) {
    if (s === null) out.none++;
    else if (s <= 2) out.low++;
    else if (s === 3) out.mid++;
    else out.high++;
  }
  return out;
}

export interface Person {
  key: string;
  memberId: number | null;
  name: string;
}

/** The household and everyone who was a subject of at least one of the balances, newest balances' order first. */
export function personsOf(snapshots: Snapshot[]): Person[] {
  const out: Person[] = [{ key: 'h', memberId: null, name: '' }];
  const seen = new Set(['h']);
  for (const s of [...snapshots].sort(byDateDesc)) {
    for (const subject of s.subjects) {
      if (seen.has(subject.key)) continue;
      seen.add(subject.key);
      out.push({ key: subject.key, memberId: subject.memberId, name: subject.name });
    }
  }
  return out;
}

export interface PersonHistory {
  /** The balances this person was part of, oldest first (a member who joined or left has fewer). */
  balances: Snapshot[];
  /** Domains across those balances, matched by key; `cells[i]` is null when the domain was not asked in balances[i]. */
  rows: { key: string; label: string; cells: (CellValue | null)[] }[];
}

/**
 * One person over time. Domains are matched by key across catalogue versions; the order and the
 * name are those of the newest balance that has the domain, and a domain only older balances had
 * (retired, or the person was a child then) comes after the current ones.
 */
export function personHistory(snapshots: Snapshot[], subjectKey: string, lang: Locale): PersonHistory {
  const balances = [...snapshots].sort(byDateAsc).filter((s) => s.layout.some((x) => x.subject.key === subjectKey));
  const rows: PersonHistory['rows'] = [];
  const index = new Map<string, number>();
  for (const s of [...balances].reverse()) {
    for (const r of domainRows(s, subjectKey, lang)) {
      if (index.has(r.key)) continue;
      index.set(r.key, rows.length);
      rows.push({ key: r.key, label: r.label, cells: [] });
    }
  }
  for (const row of rows) {
    row.cells = balances.map((s) =>
      asked(s, subjectKey, row.key) ? (cellOf(s, subjectKey, row.key) ?? { state: 'open', score: null, clientScore: null, remark: '' }) : null,
    );
  }
  return { balances, rows };
}

function asked(s: Pick<Snapshot, 'layout'>, subjectKey: string, domainKey: string): boolean {
  return !!s.layout.find((x) => x.subject.key === subjectKey)?.themes.some((t) => t.domains.some((d) => d.key === domainKey));
}

export function heatCell(cell: CellValue | null): HeatCell {
  if (!cell) return null;
  if (cell.state === 'scored' && cell.score !== null) return { state: 'scored', score: cell.score };
  return { state: cell.state === 'scored' ? 'open' : cell.state };
}

/**
 * How each balance is named in column heads, axes and choices: its date, and when two balances
 * share a date (one with the client, one by the worker alone), "22/11/2026 (2)" for the second.
 */
export function balanceLabels(balances: Pick<Snapshot, 'id' | 'takenOn'>[]): Map<number, string> {
  const sorted = [...balances].sort(byDateAsc);
  const perDay = new Map<string, number>();
  for (const b of sorted) perDay.set(b.takenOn, (perDay.get(b.takenOn) ?? 0) + 1);
  const seen = new Map<string, number>();
  const out = new Map<number, string>();
  for (const b of sorted) {
    const k = (seen.get(b.takenOn) ?? 0) + 1;
    seen.set(b.takenOn, k);
    out.set(b.id, perDay.get(b.takenOn)! > 1 ? `${formatIsoDate(b.takenOn)} (${k})` : formatIsoDate(b.takenOn));
  }
  return out;
}

/** `nvtText`: the reader's short word for "not applicable" (balances.nvtShort), drawn in those cells. */
export function heatmapModel(h: PersonHistory, labels: Map<number, string>, nvtText: string): HeatmapModel {
  return {
    columns: h.balances.map((b) => labels.get(b.id) ?? formatIsoDate(b.takenOn)),
    rows: h.rows.map((r) => ({ label: r.label, cells: r.cells.map(heatCell) })),
    nvtText,
  };
}

export function lineModel(h: PersonHistory, domainKeys: string[], labels: Map<number, string>): LineModel {
  return {
    columns: h.balances.map((b) => labels.get(b.id) ?? formatIsoDate(b.takenOn)),
    series: domainKeys
      .map((k) => h.rows.find((r) => r.key === k))
      .filter((r) => r !== undefined)
      .map((r) => ({ label: r.label, values: r.cells.map(scoreOf) })),
  };
}

/** Between the first and the last balance of a history: per domain scored in both, up, same or down. */
export function firstToLast(h: PersonHistory): { better: number; same: number; worse: number } {
  const out = { better: 0, same: 0, worse: 0 };
  for (const r of h.rows) {
    const scores = r.cells.map(scoreOf).filter((x) => x !== null);
    if (scores.length < 2) continue;
    const d = scores[scores.length - 1]! - scores[0]!;
    if (d > 0) out.better++;
    else if (d < 0) out.worse++;
    else out.same++;
  }
  return out;
}

/** How a domain's score moved between two moments; `noScore`: one of them is not a score (nvt, not discussed). */
export type Step = { kind: 'better' | 'worse'; delta: number } | { kind: 'same' } | { kind: 'noScore' };

function step(before: number | null, after: number | null): Step {
  if (before === null || after === null) return { kind: 'noScore' };
  return after > before ? { kind: 'better', delta: after - before } : after < before ? { kind: 'worse', delta: before - after } : { kind: 'same' };
}

export interface EvolutionCell {
  /** The cell in this balance; null: the domain was not asked of this person then. */
  cell: CellValue | null;
  /** Since the balance before it in this person's history; null for the first, or when not asked now. */
  since: Step | null;
  /** What the score meant then: the anchor text of the catalogue version this balance was scored against. */
  anchor: string | null;
}
export interface EvolutionRow {
  key: string;
  label: string;
  cells: EvolutionCell[];
  /** Over the whole period: the first score against the last one (noScore with fewer than two scores). */
  overall: Step;
}

/**
 * What the evolution page says per domain of one person: per balance the score, what it meant at
 * that date, and the step since the balance before; and over the whole period, first score to last.
 * The same rows as the heatmap's (personHistory), so the words and the picture cannot disagree.
 */
export function evolutionRows(h: PersonHistory, lang: Locale): EvolutionRow[] {
  return h.rows.map((r) => {
    const cells = r.cells.map((cell, i): EvolutionCell => {
      const score = scoreOf(cell);
      const domain = score === null ? undefined : findDomain(h.balances[i]!.catalogue, r.key);
      return {
        cell,
        since: i === 0 || cell === null ? null : step(scoreOf(r.cells[i - 1] ?? null), score),
        anchor: domain && score !== null ? domain.anchors[score - 1]![lang] : null,
      };
    });
    const scores = r.cells.map(scoreOf).filter((x) => x !== null);
    return { key: r.key, label: r.label, cells, overall: scores.length < 2 ? { kind: 'noScore' } : step(scores[0]!, scores[scores.length - 1]!) };
  });
}

/** Per balance after the first: how many domains got better, stayed the same or got worse since the one before. */
export function stepTotals(rows: EvolutionRow[], balances: number): { better: number; same: number; worse: number }[] {
  return Array.from({ length: Math.max(0, balances - 1) }, (_, i) => {
    const out = { better: 0, same: 0, worse: 0 };
    for (const r of rows) {
      const s = r.cells[i + 1]?.since;
      if (s && s.kind !== 'noScore') out[s.kind]++;
    }
    return out;
  });
}

// ---------------------------------------------------------------- comparison of two balances

export type Change =
  | { kind: 'better' | 'worse'; delta: number }
  | { kind: 'same' }
  /** One side has no score (niet besproken, niet van toepassing). */
  | { kind: 'noScore' }
  /** The domain is not in the older balance's catalogue version at all. */
  | { kind: 'new' }
  /** The domain is no longer in the newer balance's catalogue version. */
  | { kind: 'retired' }
  /** The catalogue had the domain, but this balance did not ask it (switched off, or another level). */
  | { kind: 'notAsked'; side: 'from' | 'to' };

export interface SideValue {
  cell: CellValue;
  anchor: string | null;
}
export interface ComparisonRow {
  key: string;
  label: string;
  from: SideValue | null;
  to: SideValue | null;
  change: Change;
}
export interface ComparisonSection {
  person: Person;
  rows: ComparisonRow[];
}
export interface Comparison {
  sections: ComparisonSection[];
  /** Members who were part of only one of the two balances. */
  onlyIn: { person: Person; side: 'from' | 'to' }[];
  totals: { better: number; same: number; worse: number };
  versionsDiffer: boolean;
}

function side(s: Snapshot, subjectKey: string, domainKey: string, lang: Locale): SideValue | null {
  if (!asked(s, subjectKey, domainKey)) return null;
  const cell = cellOf(s, subjectKey, domainKey) ?? { state: 'open', score: null, clientScore: null, remark: '' };
  const domain = findDomain(s.catalogue, domainKey);
  // The anchor text as it was in THIS balance's catalogue version.
  const anchor = cell.state === 'scored' && cell.score !== null && domain ? domain.anchors[cell.score - 1]![lang] : null;
  return { cell, anchor };
}

export function compare(from: Snapshot, to: Snapshot, lang: Locale): Comparison {
  const inFrom = new Set(from.layout.map((x) => x.subject.key));
  const inTo = new Set(to.layout.map((x) => x.subject.key));
  const persons = personsOf([from, to]);
  const totals = { better: 0, same: 0, worse: 0 };
  const sections: ComparisonSection[] = [];
  const onlyIn: Comparison['onlyIn'] = [];
  for (const person of persons) {
    if (!inFrom.has(person.key) || !inTo.has(person.key)) {
      onlyIn.push({ person, side: inFrom.has(person.key) ? 'from' : 'to' });
      continue;
    }
    const keys: { key: string; label: string }[] = [];
    const seen = new Set<string>();
    for (const r of [...domainRows(to, person.key, lang), ...domainRows(from, person.key, lang)]) {
      if (seen.has(r.key)) continue;
      seen.add(r.key);
      keys.push({ key: r.key, label: r.label });
    }
    const rows = keys.map(({ key, label }): ComparisonRow => {
      const a = side(from, person.key, key, lang);
      const b = side(to, person.key, key, lang);
      let change: Change;
      if (!a) change = findDomain(from.catalogue, key) ? { kind: 'notAsked', side: 'from' } : { kind: 'new' };
      else if (!b) change = findDomain(to.catalogue, key) ? { kind: 'notAsked', side: 'to' } : { kind: 'retired' };
      else {
        const x = scoreOf(a.cell);
        const y = scoreOf(b.cell);
        if (x === null || y === null) change = { kind: 'noScore' };
        else if (y > x) change = { kind: 'better', delta: y - x };
        else if (y < x) change = { kind: 'worse', delta: x - y };
        else change = { kind: 'same' };
      }
      if (change.kind === 'better' || change.kind === 'worse' || change.kind === 'same') totals[change.kind]++;
      return { key, label, from: a, to: b, change };
    });
    sections.push({ person, rows });
  }
  return { sections, onlyIn, totals, versionsDiffer: from.catalogueVersionId !== to.catalogueVersionId };
}

function byDateAsc(a: Pick<Snapshot, 'takenOn' | 'id'>, b: Pick<Snapshot, 'takenOn' | 'id'>): number {
  return a.takenOn < b.takenOn ? -1 : a.takenOn > b.takenOn ? 1 : a.id - b.id;
}
function byDateDesc(a: Pick<Snapshot, 'takenOn' | 'id'>, b: Pick<Snapshot, 'takenOn' | 'id'>): number {
  return -byDateAsc(a, b);
}
export { byDateAsc, byDateDesc };

/**
 * For the dossier's list of balances: per finalised balance, the direction since the finalised one
 * before it (null for the first, or when no domain was scored in both). Only the domains this user
 * may see count, so the arrow never rests on a hidden sensitive domain.
 */
export function directions(snapshots: Snapshot[]): Map<number, { direction: Direction; up: number; down: number } | null> {
  const out = new Map<number, { direction: Direction; up: number; down: number } | null>();
  const finals = snapshots.filter((s) => s.status === 'final').sort((a, b) => (a.takenOn < b.takenOn ? -1 : a.takenOn > b.takenOn ? 1 : a.id - b.id));
  let previous: Map<string, number> | null = null;
  for (const s of finals) {
    const scores = visibleScores(s.layout, s.cells);
    if (previous) {
      const d = direction(previous, scores);
      out.set(s.id, d.compared ? { direction: d.direction, up: d.up, down: d.down } : null);
    } else out.set(s.id, null);
    previous = scores;
  }
  return out;
}
