import type { Level, Localized } from '../catalogue/default-catalogue.js';
import type { Locale } from '../i18n/locale.js';
import { AGREEMENT_STATUSES, type AgreementStatus } from '../gpmi/tables.js';
import { checkEvaluations, gpmiDueOn, periodRange, periodsOfYear, quarterOf, type EvaluationFact, type Period } from './logic.js';
import { suppress, type CellStatus, type Nest, type Relation } from './suppression.js';
import type { Exemption } from './tables.js';

// The figures as plain data (issue 15, decision 025), computed from an organisation's data as
// loaded by queries.ts, without the database. Everything here is counted over a *family* of tables
// that share people: every team of the organisation, the organisation, and each group of teams
// that one lead leads, for every quarter of a year and the year itself. Suppression runs over the
// whole family at once, so whichever of its tables a user opens, no small count in another can be
// worked out by subtracting one from another. The result for one filter choice is then read out.

/** Score codes: 1..5 the score, 6 "niet van toepassing", 7 "niet besproken" (or left open). 0: not asked. */
export const NVT = 6;
export const NB = 7;

export interface FiguresDomain {
  index: number;
  key: string;
  level: Level;
  name: Localized;
  theme: Localized;
  /** Sensitive in any catalogue version the organisation used. */
  sensitive: boolean;
  /** Switched on in a catalogue version a finalised balance used (others are never shown). */
  asked: boolean;
}

/** One person (or the household itself) over time: their finalised balances, oldest first. */
export interface SubjectSeries {
  householdId: number;
  /** 'h' for the household, 'm<id>' for a member. */
  key: string;
  balances: { balanceId: number; takenOn: string; level: Level; codes: Uint8Array }[];
}

export interface GpmiFacts {
  id: number;
  householdId: number;
  memberId: number | null;
  /** The first signing (null: never signed). */
  signedOn: string | null;
  endsOn: string | null;
  /** The day of the balance it was made from, and whether the member was scored in it. */
  sourceTakenOn: string;
  /** The current signed version's agreements with their status after evaluations. */
  agreements: { domainIndex: number; level: Level; status: AgreementStatus }[];
  evaluations: EvaluationFact[];
}

export interface GrantFacts {
  memberId: number;
  householdId: number;
  grantedOn: string;
  exemption: Exemption | null;
}

export interface FiguresData {
  organisationId: number;
  domains: FiguresDomain[];
  teamOf: ReadonlyMap<number, number>;
  subjects: SubjectSeries[];
  /** Every balance of the organisation (drafts too), for completeness. */
  balances: { householdId: number; takenOn: string; final: boolean }[];
  gpmis: GpmiFacts[];
  grants: GrantFacts[];
  /** Per member, the days of the finalised balances that scored them (for "a balance before the GPMI"). */
  memberBalanceDays: ReadonlyMap<number, string[]>;
}

/** Who the family is made of: every team of the organisation and every group a lead leads. */
export interface FamilyShape {
  teams: number[];
  groups: number[][];
}

export type Moment = 'first' | 'latest';

export interface Count {
  /** The number, when it is shown. */
  value: number | null;
  status: CellStatus;
  /** For 'small': the threshold it is below ("< 5"); for 'withheld': the people a table needs (MIN_PEOPLE, "< 10"). */
  below?: number;
}

// ---------------------------------------------------------------- the family as flat cells

/** Selections of a family: each team, then the organisation, then each lead's group. */
export function selectionsOf(shape: FamilyShape): { teams: number[] | 'all'; index: number }[] {
  return [
    ...shape.teams.map((t, i) => ({ teams: [t], index: i })),
    { teams: 'all' as const, index: shape.teams.length },
    ...shape.groups.map((g, i) => ({ teams: g, index: shape.teams.length + 1 + i })),
  ];
}

interface Layout {
  S: number;
  P: number;
  B: number;
  W: number;
  id: (s: number, p: number, b: number, w: number) => number;
}

function layoutOf(shape: FamilyShape, P: number, B: number, W: number): Layout {
  const S = shape.teams.length + 1 + shape.groups.length;
  return { S, P, B, W, id: (s, p, b, w) => ((s * P + p) * B + b) * W + w };
}

function groupIndexes(shape: FamilyShape): number[][] {
  return shape.groups.map((g) => g.map((team) => shape.teams.indexOf(team)).filter((i) => i >= 0));
}

/** Every selection's vectors: the teams' as given, the organisation and each group as the sums of their teams. */
function selectionValues(shape: FamilyShape, L: Layout, teamValues: (t: number, p: number, b: number) => readonly number[]): number[] {
  const values = new Array<number>(L.S * L.P * L.B * L.W).fill(0);
  const nTeams = shape.teams.length;
  for (let t = 0; t < nTeams; t++)
    for (let p = 0; p < L.P; p++)
      for (let b = 0; b < L.B; b++) {
        const v = teamValues(t, p, b);
        for (let w = 0; w < L.W; w++) values[L.id(t, p, b, w)] = v[w] ?? 0;
      }
  const groupIdx = groupIndexes(shape);
  for (let p = 0; p < L.P; p++)
    for (let b = 0; b < L.B; b++)
      for (let w = 0; w < L.W; w++) {
        let all = 0;
        for (let t = 0; t < nTeams; t++) all += values[L.id(t, p, b, w)]!;
        values[L.id(nTeams, p, b, w)] = all;
        groupIdx.forEach((g, gi) => {
          values[L.id(nTeams + 1 + gi, p, b, w)] = g.reduce((n, t) => n + values[L.id(t, p, b, w)]!, 0);
        });
      }
  return values;
}

/**
 * Builds the suppression problem of a family: per team, period and block (a domain) a vector of W
 * counts with its own sums (`intra`); the organisation and each group as the sum of their teams;
 * the year as the sum of its quarters wherever that holds in the data; each quarter nested in its
 * year. `teamValues(t, p, b)` gives the team's vector. Blocks whose people count (vector entry
 * `peopleAt`) is between 1 and minPeople-1 are withheld whole.
 */
function familyProblem(
  shape: FamilyShape,
  dims: { P: number; B: number; W: number },
  teamValues: (t: number, p: number, b: number) => readonly number[],
  intra: readonly Relation[],
  opts: {
    yearIndex: number | null;
    minPeople?: { at: number; min: number };
    equalAcrossBlocks?: number;
    /** Whether team t's table of period p counts exactly the same people with the same values as its year (a group inside it). */
    nestsInYear?: (t: number, p: number) => boolean;
  },
) {
  const L = layoutOf(shape, dims.P, dims.B, dims.W);
  const values = selectionValues(shape, L, teamValues);
  const nTeams = shape.teams.length;
  const groupIdx = groupIndexes(shape);
  const relations: Relation[] = [];
  const nests: Nest[] = [];
  const withheld = new Map<number, number>();
  for (let s = 0; s < L.S; s++)
    for (let p = 0; p < L.P; p++)
      for (let b = 0; b < L.B; b++) {
        for (const r of intra) relations.push({ total: L.id(s, p, b, r.total), parts: r.parts.map((w) => L.id(s, p, b, w)) });
        if (opts.minPeople) {
          const n = values[L.id(s, p, b, opts.minPeople.at)]!;
          if (n >= 1 && n < opts.minPeople.min) for (let w = 0; w < L.W; w++) withheld.set(L.id(s, p, b, w), opts.minPeople.min - 1);
        }
      }
  // The people counted per domain are usually the same for every domain of a table: a reader who
  // sees one domain's total knows another's. Where they are equal, that is a relation too.
  if (opts.equalAcrossBlocks !== undefined) {
    const w = opts.equalAcrossBlocks;
    for (let s = 0; s < L.S; s++)
      for (let p = 0; p < L.P; p++) {
        const firstWith = new Map<number, number>();
        for (let b = 0; b < L.B; b++) {
          const v = values[L.id(s, p, b, w)]!;
          const first = firstWith.get(v);
          if (first === undefined) firstWith.set(v, b);
          else relations.push({ total: L.id(s, p, b, w), parts: [L.id(s, p, first, w)] });
        }
      }
  }
  for (let p = 0; p < L.P; p++)
    for (let b = 0; b < L.B; b++)
      for (let w = 0; w < L.W; w++) {
        relations.push({ total: L.id(nTeams, p, b, w), parts: shape.teams.map((_, t) => L.id(t, p, b, w)) });
        groupIdx.forEach((g, gi) => relations.push({ total: L.id(nTeams + 1 + gi, p, b, w), parts: g.map((t) => L.id(t, p, b, w)) }));
      }
  if (opts.yearIndex !== null) {
    const y = opts.yearIndex;
    const quarters = [...Array(L.P).keys()].filter((p) => p !== y);
    for (let s = 0; s < L.S; s++)
      for (let b = 0; b < L.B; b++)
        for (let w = 0; w < L.W; w++) {
          const year = L.id(s, y, b, w);
          const parts = quarters.map((q) => L.id(s, q, b, w));
          // The year is the sum of its quarters only where every person falls in one quarter; where
          // it holds, a reader could use it, so it is a relation; where not, subtracting misleads.
          if (parts.reduce((n, c) => n + values[c]!, 0) === values[year]) relations.push({ total: year, parts });
        }
    // A quarter whose people all count in the year with the very same balance is a group inside
    // the year: the difference between the two is a group of people, so it must not be small.
    // (Another quarter's counts are other balances of partly the same people: no group.)
    if (opts.nestsInYear) {
      const teamsOf = (s: number) => (s < nTeams ? [s] : s === nTeams ? shape.teams.map((_, i) => i) : groupIdx[s - nTeams - 1]!);
      for (let s = 0; s < L.S; s++)
        for (const q of quarters) {
          if (!teamsOf(s).every((t) => opts.nestsInYear!(t, q))) continue;
          for (let b = 0; b < L.B; b++) for (let w = 0; w < L.W; w++) nests.push({ inner: L.id(s, q, b, w), outer: L.id(s, y, b, w) });
        }
    }
  }
  return { L, values, relations, nests, withheld };
}

export interface Thresholds {
  screen: number;
  /** Exports use a stricter threshold, on top of what the screen hides. */
  export: number;
}

type FamilyProblem = ReturnType<typeof familyProblem>;

/** One suppression problem: the cells of one family, or of several families tied together by relations. */
interface Problem {
  values: number[];
  relations: Relation[];
  nests: Nest[];
  withheld: Map<number, number>;
  unpublished?: ReadonlySet<number>;
  known?: ReadonlySet<number>;
}

/** Suppresses a family for the screen and, starting from that, for exports. */
function solve(problem: Problem, thresholds: Thresholds) {
  const { values, relations, nests, withheld, unpublished, known } = problem;
  const base = { values, relations, nests, withheld, unpublished, known };
  const screen = suppress({ ...base, threshold: thresholds.screen });
  const hidden = new Set<number>();
  screen.forEach((s, i) => {
    if (s !== 'shown') hidden.add(i);
  });
  const exported = suppress({ ...base, threshold: thresholds.export, alsoHidden: hidden });
  return { screen, exported };
}

/** `withheldMax`: the most a withheld cell can be (familyProblem: one fewer than the people a table needs). */
function countOf(value: number, status: CellStatus, threshold: number, withheldMax: number | undefined): Count {
  if (status === 'shown') return { value, status };
  if (status === 'small') return { value: null, status, below: threshold };
  if (status === 'withheld') return { value: null, status, below: (withheldMax ?? MIN_PEOPLE - 1) + 1 };
  return { value: null, status };
}

/**
 * Reads every table of a family out of a solved problem (the family's cells from `offset` on):
 * `build` turns one block's cells into a row, per selection, period and block.
 */
function readTables<T>(
  family: FamilyProblem,
  offset: number,
  solved: ReturnType<typeof solve>,
  thresholds: Thresholds,
  build: (cell: (w: number) => Count, b: number) => T,
) {
  const { L, values } = family;
  const read = (statuses: CellStatus[], threshold: number): T[][][] =>
    [...Array(L.S).keys()].map((s) =>
      [...Array(L.P).keys()].map((p) =>
        [...Array(L.B).keys()].map((b) =>
          build((w) => {
            const id = L.id(s, p, b, w);
            return countOf(values[id]!, statuses[offset + id]!, threshold, family.withheld.get(id));
          }, b),
        ),
      ),
    );
  return { screen: read(solved.screen, thresholds.screen), exported: read(solved.exported, thresholds.export) };
}

/** Suppresses a family on its own (screen, then export) and reads every table out. */
function solvedTables<T>(problem: FamilyProblem, thresholds: Thresholds, build: (cell: (w: number) => Count, b: number) => T) {
  return readTables(problem, 0, solve(problem, thresholds), thresholds, build);
}

/** Tables of one block (no domains): per selection and period, the block itself. */
function oneBlock<T>(t: { screen: T[][][]; exported: T[][][] }) {
  const first = (x: T[][][]) => x.map((s) => s.map((p) => p[0]!));
  return { screen: first(t.screen), exported: first(t.exported) };
}

/** One block's cells by name: `{ finalised: Count, draft: Count, ... }`. */
function named<K extends string>(keys: readonly K[], cell: (w: number) => Count): Record<K, Count> {
  return Object.fromEntries(keys.map((k, w) => [k, cell(w)])) as Record<K, Count>;
}

// ---------------------------------------------------------------- picking balances

// Period bounds are computed once per family, not per person (this runs for every person).
const ranges = new Map<string, { from: string; to: string }>();
function rangeOf(p: Period): { from: string; to: string } {
  const key = p.kind === 'year' ? `${p.year}` : `${p.year}-${p.quarter}`;
  let r = ranges.get(key);
  if (!r) ranges.set(key, (r = periodRange(p)));
  return r;
}

function inRange(day: string, p: Period): boolean {
  const r = rangeOf(p);
  return day >= r.from && day <= r.to;
}

/** The subject's first or latest finalised balance in the period, if any (balances are oldest first). */
function pick(s: SubjectSeries, p: Period, moment: Moment) {
  const { from, to } = rangeOf(p);
  const list = s.balances;
  if (moment === 'first') {
    for (let i = 0; i < list.length; i++) if (list[i]!.takenOn >= from && list[i]!.takenOn <= to) return list[i];
  } else {
    for (let i = list.length - 1; i >= 0; i--) if (list[i]!.takenOn >= from && list[i]!.takenOn <= to) return list[i];
  }
  return undefined;
}

// ---------------------------------------------------------------- distribution

/** Columns of a distribution row: scores 1..5, n.v.t., niet besproken, and the people counted. */
export const DIST_COLUMNS = ['1', '2', '3', '4', '5', 'nvt', 'nb'] as const;
export type DistColumn = (typeof DIST_COLUMNS)[number];
const DIST_TOTAL = 7;
/** A distribution or movement matrix needs at least this many people before it is shown. */
export const MIN_PEOPLE = 10;

export interface DistributionRow {
  domain: FiguresDomain;
  counts: Record<DistColumn, Count>;
  /** People counted for this domain. */
  total: Count;
  /** Fewer than MIN_PEOPLE people: the row is withheld. */
  withheld: boolean;
}

export interface FamilyKey {
  year: number;
  level: Level;
}

export interface MovementMatrix {
  domain: FiguresDomain;
  /** [from 1..5][to 1..5] */
  cells: Count[][];
  total: Count;
  improved: Count;
  stayed: Count;
  worsened: Count;
  withheld: boolean;
}

const MV_TOTAL = 25;
const MV_IMPROVED = 26;
const MV_STAYED = 27;
const MV_WORSENED = 28;

// ---------------------------------------------------------------- first, latest and movement: one family
//
// The first-balance and the latest-balance distributions of a period and the movement from the
// first to the latest balance of a year count the same people, so they are one suppression
// problem (decision 025). The reader is taken to know who had one balance and who two, and at
// which level (the structure), but no answer. Per selection, domain and year, everybody counted
// in them is one of:
//  - U_i: first and latest are the same balance (one balance in the year), answered i (1..5 a
//    score, 6 n.v.t., 7 niet besproken): counted once in "first", once in "latest". Unpublished.
//  - M[i][j]: two balances at this level, a score at both ends: the movement matrix (published).
//  - N[i][j]: two balances at this level, answered at both ends, n.v.t. or niet besproken at one
//    end at least. Unpublished; each its own cell, so that a published 0 for n.v.t. pins them.
//  - AOUT_i / AIN_j: two balances, answered at this level at one end only (another level or a
//    domain not asked at the other end), by that answer. Unpublished; their sums AOUT and AIN
//    are structure, so known.
// Hence, per answer i and j:
//   first_i  = U_i + Σ_j M[i][j] + Σ_j N[i][j] + AOUT_i        AOUT = Σ_i AOUT_i
//   latest_j = U_j + Σ_i M[i][j] + Σ_i N[i][j] + AIN_j         AIN  = Σ_j AIN_j
// so first_i - latest_i is the net movement of the matrix plus what the bounds may pin down
// (with n.v.t. and niet besproken shown as 0 and nobody changing level: exactly the net movement).
// A quarter's movement is never published: eliminating it leaves only the people counted,
// first_total = BOTH + AOUT and latest_total = BOTH + AIN, BOTH (answered at both ends, or one
// balance) unpublished. The sums of these cells over teams follow from the published sums.

/** Link cells of the year, per selection and domain. */
const LY_U = 0;
const LY_N = 7; // 7 x 7, [i][j] at LY_N + i * 7 + j; the 5 x 5 block of scores is M instead.
const LY_AOUT = 56;
const LY_AIN = 63;
const LY_AOUT_ALL = 70;
const LY_AIN_ALL = 71;
const LY_W = 72;
/** Link cells of a quarter. */
const LQ_BOTH = 0;
const LQ_AOUT_ALL = 1;
const LQ_AIN_ALL = 2;
const LQ_W = 3;
const YEAR = 4;
const isScore = (i: number) => i < 5;

export interface BalanceFamily {
  domains: FiguresDomain[];
  /** [selection][period 0..4 (Q1..Q4, year)] rows, per threshold: the first and the latest balance. */
  first: { screen: DistributionRow[][][]; exported: DistributionRow[][][] };
  latest: { screen: DistributionRow[][][]; exported: DistributionRow[][][] };
  /**
   * [selection][domain]: from the first to the latest finalised balance in the year, how many moved
   * from each score to each score (people with two balances that year at this level, scored both
   * times). Years only: two balances within one quarter are rare, and a quarter's matrix would
   * nearly always be withheld (decision 025).
   */
  movement: { screen: MovementMatrix[][]; exported: MovementMatrix[][] };
}

export function balanceFamily(data: FiguresData, shape: FamilyShape, key: FamilyKey, thresholds: Thresholds): BalanceFamily {
  const periods = periodsOfYear(key.year);
  const domains = data.domains.filter((d) => d.level === key.level && d.asked);
  const teamIndex = new Map(shape.teams.map((t, i) => [t, i]));
  const W = DIST_TOTAL + 1;
  const perTeam = <T>(make: () => T) => shape.teams.map(make);
  // counts[moment][team][period][domain][w]; linkYear[team][domain][LY_*], linkQuarter[team][quarter][domain][LQ_*]; move[team][domain][w].
  const counts = {
    first: perTeam(() => periods.map(() => domains.map(() => new Array<number>(W).fill(0)))),
    latest: perTeam(() => periods.map(() => domains.map(() => new Array<number>(W).fill(0)))),
  };
  const nested = { first: perTeam(() => periods.map(() => true)), latest: perTeam(() => periods.map(() => true)) };
  const linkYear = perTeam(() => domains.map(() => new Array<number>(LY_W).fill(0)));
  const linkQuarter = perTeam(() => periods.slice(0, YEAR).map(() => domains.map(() => new Array<number>(LQ_W).fill(0))));
  const move = perTeam(() => domains.map(() => new Array<number>(MV_TOTAL + 4).fill(0)));
  for (const s of data.subjects) {
    const team = teamIndex.get(data.teamOf.get(s.householdId) ?? -1);
    if (team === undefined) continue;
    const inYear = { first: pick(s, periods[YEAR]!, 'first'), latest: pick(s, periods[YEAR]!, 'latest') };
    periods.forEach((p, pi) => {
      const at = { first: pick(s, p, 'first'), latest: pick(s, p, 'latest') };
      const f = at.first?.level === key.level ? at.first : undefined;
      const l = at.latest?.level === key.level ? at.latest : undefined;
      if (!f && !l) return;
      if (f && f !== inYear.first) nested.first[team]![pi] = false;
      if (l && l !== inYear.latest) nested.latest[team]![pi] = false;
      domains.forEach((d, di) => {
        const from = f ? (f.codes[d.index] ?? 0) : 0;
        const to = l ? (l.codes[d.index] ?? 0) : 0;
        if (from) {
          counts.first[team]![pi]![di]![from - 1]!++;
          counts.first[team]![pi]![di]![DIST_TOTAL]!++;
        }
        if (to) {
          counts.latest[team]![pi]![di]![to - 1]!++;
          counts.latest[team]![pi]![di]![DIST_TOTAL]!++;
        }
        if (pi === YEAR) {
          const ly = linkYear[team]![di]!;
          if (at.first === at.latest) {
            if (from) ly[LY_U + from - 1]!++;
          } else if (from && to) {
            if (isScore(from - 1) && isScore(to - 1)) {
              const row = move[team]![di]!;
              row[(from - 1) * 5 + (to - 1)]!++;
              row[MV_TOTAL]!++;
              row[to > from ? MV_IMPROVED : to === from ? MV_STAYED : MV_WORSENED]!++;
            } else ly[LY_N + (from - 1) * 7 + (to - 1)]!++;
          } else if (from) {
            ly[LY_AOUT + from - 1]!++;
            ly[LY_AOUT_ALL]!++;
          } else if (to) {
            ly[LY_AIN + to - 1]!++;
            ly[LY_AIN_ALL]!++;
          }
        } else {
          const lq = linkQuarter[team]![pi]![di]!;
          if (from && to) lq[LQ_BOTH]!++;
          else if (from) lq[LQ_AOUT_ALL]!++;
          else if (to) lq[LQ_AIN_ALL]!++;
        }
      });
    });
  }

  const distIntra: Relation[] = [{ total: DIST_TOTAL, parts: [0, 1, 2, 3, 4, 5, 6] }];
  const distribution = (moment: Moment) =>
    familyProblem(shape, { P: periods.length, B: domains.length, W }, (t, p, b) => counts[moment][t]![p]![b]!, distIntra, {
      yearIndex: YEAR,
      minPeople: { at: DIST_TOTAL, min: MIN_PEOPLE },
      equalAcrossBlocks: DIST_TOTAL,
      nestsInYear: (t, p) => nested[moment][t]![p]!,
    });
  const all = [...Array(25).keys()];
  const mvIntra: Relation[] = [
    { total: MV_TOTAL, parts: all },
    { total: MV_IMPROVED, parts: all.filter((i) => i % 5 > Math.floor(i / 5)) },
    { total: MV_STAYED, parts: all.filter((i) => i % 5 === Math.floor(i / 5)) },
    { total: MV_WORSENED, parts: all.filter((i) => i % 5 < Math.floor(i / 5)) },
    { total: MV_TOTAL, parts: [MV_IMPROVED, MV_STAYED, MV_WORSENED] },
  ];
  const families = {
    first: distribution('first'),
    latest: distribution('latest'),
    movement: familyProblem(shape, { P: 1, B: domains.length, W: MV_TOTAL + 4 }, (_t, _p, b) => move[_t]![b]!, mvIntra, {
      yearIndex: null,
      minPeople: { at: MV_TOTAL, min: MIN_PEOPLE },
      equalAcrossBlocks: MV_TOTAL,
    }),
  };
  const { problem, offsets } = joined([families.first, families.latest, families.movement]);
  const [oFirst, oLatest, oMove, oLink] = offsets as [number, number, number, number];

  // The link cells and the relations that tie the three families together.
  const LY = layoutOf(shape, 1, domains.length, LY_W);
  const LQ = layoutOf(shape, YEAR, domains.length, LQ_W);
  const oQuarter = oLink + LY.S * LY.P * LY.B * LY.W;
  const unpublished = new Set<number>();
  const known = new Set<number>();
  const append = (values: number[], offset: number, isKnown: (w: number) => boolean, W: number) =>
    values.forEach((v, i) => {
      problem.values.push(v);
      (isKnown(i % W) ? known : unpublished).add(offset + i);
    });
  append(
    selectionValues(shape, LY, (t, _p, b) => linkYear[t]![b]!),
    oLink,
    (w) => w === LY_AOUT_ALL || w === LY_AIN_ALL,
    LY_W,
  );
  append(
    selectionValues(shape, LQ, (t, p, b) => linkQuarter[t]![p]![b]!),
    oQuarter,
    (w) => w !== LQ_BOTH,
    LQ_W,
  );
  const first = (s: number, p: number, b: number, w: number) => oFirst + families.first.L.id(s, p, b, w);
  const latest = (s: number, p: number, b: number, w: number) => oLatest + families.latest.L.id(s, p, b, w);
  const matrix = (s: number, b: number, i: number, j: number) => oMove + families.movement.L.id(s, 0, b, i * 5 + j);
  const ly = (s: number, b: number, w: number) => oLink + LY.id(s, 0, b, w);
  const lq = (s: number, p: number, b: number, w: number) => oQuarter + LQ.id(s, p, b, w);
  const answers = [0, 1, 2, 3, 4, 5, 6];
  for (let s = 0; s < LY.S; s++)
    for (let b = 0; b < LY.B; b++) {
      for (const i of answers) {
        const byScore = (other: number, cell: (x: number) => number) => (isScore(i) && isScore(other) ? [] : [cell(other)]);
        problem.relations.push({
          total: first(s, YEAR, b, i),
          parts: [
            ly(s, b, LY_U + i),
            ...(isScore(i) ? [0, 1, 2, 3, 4].map((j) => matrix(s, b, i, j)) : []),
            ...answers.flatMap((j) => byScore(j, (x) => ly(s, b, LY_N + i * 7 + x))),
            ly(s, b, LY_AOUT + i),
          ],
        });
        problem.relations.push({
          total: latest(s, YEAR, b, i),
          parts: [
            ly(s, b, LY_U + i),
            ...(isScore(i) ? [0, 1, 2, 3, 4].map((j) => matrix(s, b, j, i)) : []),
            ...answers.flatMap((j) => byScore(j, (x) => ly(s, b, LY_N + x * 7 + i))),
            ly(s, b, LY_AIN + i),
          ],
        });
      }
      problem.relations.push({ total: ly(s, b, LY_AOUT_ALL), parts: answers.map((i) => ly(s, b, LY_AOUT + i)) });
      problem.relations.push({ total: ly(s, b, LY_AIN_ALL), parts: answers.map((i) => ly(s, b, LY_AIN + i)) });
      for (let p = 0; p < YEAR; p++) {
        // A known 0 adds nothing to a sum: left out, so the relation stays short.
        const withKnown = (parts: number[], k: number) => (problem.values[k] ? [...parts, k] : parts);
        problem.relations.push({ total: first(s, p, b, DIST_TOTAL), parts: withKnown([lq(s, p, b, LQ_BOTH)], lq(s, p, b, LQ_AOUT_ALL)) });
        problem.relations.push({ total: latest(s, p, b, DIST_TOTAL), parts: withKnown([lq(s, p, b, LQ_BOTH)], lq(s, p, b, LQ_AIN_ALL)) });
      }
    }
  const solved = solve({ ...problem, unpublished, known }, thresholds);

  const distRow = (cell: (w: number) => Count, b: number): DistributionRow => ({
    domain: domains[b]!,
    counts: named(DIST_COLUMNS, cell),
    total: cell(DIST_TOTAL),
    withheld: cell(DIST_TOTAL).status === 'withheld',
  });
  const matrices = readTables(families.movement, oMove, solved, thresholds, (cell, b): MovementMatrix => ({
    domain: domains[b]!,
    cells: [0, 1, 2, 3, 4].map((f) => [0, 1, 2, 3, 4].map((t) => cell(f * 5 + t))),
    total: cell(MV_TOTAL),
    improved: cell(MV_IMPROVED),
    stayed: cell(MV_STAYED),
    worsened: cell(MV_WORSENED),
    withheld: cell(MV_TOTAL).status === 'withheld',
  }));
  return {
    domains,
    first: readTables(families.first, oFirst, solved, thresholds, distRow),
    latest: readTables(families.latest, oLatest, solved, thresholds, distRow),
    // One period (the year): per selection, the domains' matrices.
    movement: { screen: matrices.screen.map((s) => s[0]!), exported: matrices.exported.map((s) => s[0]!) },
  };
}

/** Several families as one problem: each family's cells from its offset on (the last offset: where more cells may follow). */
function joined(families: FamilyProblem[]): { problem: Problem; offsets: number[] } {
  const problem: Problem = { values: [], relations: [], nests: [], withheld: new Map() };
  const offsets: number[] = [];
  for (const f of families) {
    const o = problem.values.length;
    offsets.push(o);
    for (const v of f.values) problem.values.push(v);
    for (const r of f.relations) problem.relations.push({ total: o + r.total, parts: r.parts.map((c) => o + c) });
    for (const n of f.nests) problem.nests.push({ inner: o + n.inner, outer: o + n.outer });
    for (const [c, max] of f.withheld) problem.withheld.set(o + c, max);
  }
  offsets.push(problem.values.length);
  return { problem, offsets };
}

/** A share (0..1) shown only where both its count and the total are shown. */
export function share(part: Count, total: Count): number | null {
  return part.value !== null && total.value !== null && total.value > 0 ? part.value / total.value : null;
}

// ---------------------------------------------------------------- GPMI outcomes

export interface OutcomeRow {
  domain: FiguresDomain;
  statuses: Record<AgreementStatus, Count>;
  total: Count;
}

/** Agreements per domain by status, of the GPMIs first signed in each period (the status as it stands now). */
export function outcomeFamily(data: FiguresData, shape: FamilyShape, key: FamilyKey, thresholds: Thresholds) {
  const periods = periodsOfYear(key.year);
  const domains = data.domains.filter((d) => d.level === key.level && d.asked);
  const position = new Map(domains.map((d, i) => [d.index, i]));
  const teamIndex = new Map(shape.teams.map((t, i) => [t, i]));
  const W = AGREEMENT_STATUSES.length + 1;
  const counts = shape.teams.map(() => periods.map(() => domains.map(() => new Array<number>(W).fill(0))));
  for (const g of data.gpmis) {
    if (!g.signedOn) continue;
    const team = teamIndex.get(data.teamOf.get(g.householdId) ?? -1);
    if (team === undefined) continue;
    periods.forEach((p, pi) => {
      if (!inRange(g.signedOn!, p)) return;
      for (const a of g.agreements) {
        const di = position.get(a.domainIndex);
        if (di === undefined || a.level !== key.level) continue;
        const row = counts[team]![pi]![di]!;
        row[AGREEMENT_STATUSES.indexOf(a.status)]!++;
        row[W - 1]!++;
      }
    });
  }
  const intra: Relation[] = [{ total: W - 1, parts: AGREEMENT_STATUSES.map((_, i) => i) }];
  const problem = familyProblem(shape, { P: periods.length, B: domains.length, W }, (t, p, b) => counts[t]![p]![b]!, intra, {
    yearIndex: 4,
    nestsInYear: () => true,
  });
  const rows = solvedTables(problem, thresholds, (cell, b): OutcomeRow => ({
    domain: domains[b]!,
    statuses: named(AGREEMENT_STATUSES, cell),
    total: cell(W - 1),
  }));
  return { domains, rows };
}

// ---------------------------------------------------------------- the inspection view

/** The rows of the inspection view, each a count of beneficiaries granted the living wage in the period. */
export const INSPECTION_ROWS = [
  'granted',
  'exemptHealth',
  'exemptEquity',
  'notExempt',
  'signedInTime',
  'signedLate',
  'notSignedOverdue',
  'notSignedNotYetDue',
  'withGpmi',
  'balanceBefore',
  'noBalanceBefore',
  'evaluationsOk',
  'evaluationsShort',
] as const;
export type InspectionRow = (typeof INSPECTION_ROWS)[number];

const ix = (r: InspectionRow) => INSPECTION_ROWS.indexOf(r);

/**
 * One beneficiary's place in the inspection view, on `today`: exempt, or whether a GPMI for them
 * (only a GPMI for this named person counts) was signed within 3 months of the grant, whether a
 * balance that scored them came before it, and whether the evaluations keep to the rule.
 */
export function inspectionFacts(grant: GrantFacts, gpmis: readonly GpmiFacts[], balanceDays: readonly string[], today: string): Set<InspectionRow> {
  const out = new Set<InspectionRow>(['granted']);
  if (grant.exemption) {
    out.add(grant.exemption === 'health' ? 'exemptHealth' : 'exemptEquity');
    return out;
  }
  out.add('notExempt');
  // The GPMI for this person: the first one signed on or after the grant (one signed before it belongs to an earlier grant).
  const own = gpmis
    .filter((g) => g.memberId === grant.memberId && g.signedOn !== null && g.signedOn >= grant.grantedOn)
    .sort((a, b) => (a.signedOn! < b.signedOn! ? -1 : 1))[0];
  const due = gpmiDueOn(grant.grantedOn);
  if (!own) {
    out.add(today > due ? 'notSignedOverdue' : 'notSignedNotYetDue');
    return out;
  }
  out.add(own.signedOn! <= due ? 'signedInTime' : 'signedLate');
  out.add('withGpmi');
  out.add(balanceDays.some((d) => d <= own.signedOn!) ? 'balanceBefore' : 'noBalanceBefore');
  const on = own.endsOn && own.endsOn < today ? own.endsOn : today;
  out.add(checkEvaluations(own.signedOn!, own.evaluations, on).compliant ? 'evaluationsOk' : 'evaluationsShort');
  return out;
}

export function inspectionFamily(data: FiguresData, shape: FamilyShape, year: number, today: string, thresholds: Thresholds) {
  const periods = periodsOfYear(year);
  const teamIndex = new Map(shape.teams.map((t, i) => [t, i]));
  const W = INSPECTION_ROWS.length;
  const counts = shape.teams.map(() => periods.map(() => new Array<number>(W).fill(0)));
  for (const grant of data.grants) {
    const team = teamIndex.get(data.teamOf.get(grant.householdId) ?? -1);
    if (team === undefined) continue;
    const facts = inspectionFacts(grant, data.gpmis, data.memberBalanceDays.get(grant.memberId) ?? [], today);
    periods.forEach((p, pi) => {
      if (!inRange(grant.grantedOn, p)) return;
      for (const f of facts) counts[team]![pi]![ix(f)]!++;
    });
  }
  const intra: Relation[] = [
    { total: ix('granted'), parts: [ix('exemptHealth'), ix('exemptEquity'), ix('notExempt')] },
    { total: ix('notExempt'), parts: [ix('signedInTime'), ix('signedLate'), ix('notSignedOverdue'), ix('notSignedNotYetDue')] },
    { total: ix('withGpmi'), parts: [ix('signedInTime'), ix('signedLate')] },
    { total: ix('withGpmi'), parts: [ix('balanceBefore'), ix('noBalanceBefore')] },
    { total: ix('withGpmi'), parts: [ix('evaluationsOk'), ix('evaluationsShort')] },
  ];
  const problem = familyProblem(shape, { P: periods.length, B: 1, W }, (t, p) => counts[t]![p]!, intra, { yearIndex: 4, nestsInYear: () => true });
  return oneBlock(solvedTables(problem, thresholds, (cell) => named(INSPECTION_ROWS, cell)));
}

// ---------------------------------------------------------------- completeness

export const COMPLETENESS_ROWS = ['finalised', 'draft', 'all'] as const;
export type CompletenessRow = (typeof COMPLETENESS_ROWS)[number];

/** Balances taken in each period: finalised, still draft, and all. */
export function completenessFamily(data: FiguresData, shape: FamilyShape, year: number, thresholds: Thresholds) {
  const periods = periodsOfYear(year);
  const teamIndex = new Map(shape.teams.map((t, i) => [t, i]));
  const counts = shape.teams.map(() => periods.map(() => [0, 0, 0]));
  for (const b of data.balances) {
    const team = teamIndex.get(data.teamOf.get(b.householdId) ?? -1);
    if (team === undefined || Number(b.takenOn.slice(0, 4)) !== year) continue;
    for (const pi of [quarterOf(b.takenOn) - 1, 4]) {
      counts[team]![pi]![b.final ? 0 : 1]!++;
      counts[team]![pi]![2]!++;
    }
  }
  const problem = familyProblem(shape, { P: periods.length, B: 1, W: 3 }, (t, p) => counts[t]![p]!, [{ total: 2, parts: [0, 1] }], {
    yearIndex: 4,
    nestsInYear: () => true,
  });
  return oneBlock(solvedTables(problem, thresholds, (cell) => named(COMPLETENESS_ROWS, cell)));
}

/** The index of a period within its year's family: quarters 0..3, the year 4. */
export function periodIndex(p: Period): number {
  return p.kind === 'year' ? 4 : p.quarter - 1;
}

/** A domain's name in the reader's language. */
export function domainName(d: FiguresDomain, lang: Locale): string {
  return d.name[lang];
}
