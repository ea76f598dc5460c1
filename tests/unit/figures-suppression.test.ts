import { describe, expect, it } from 'vitest';
import { attackerView, recoverable, suppress, type CellStatus, type Relation, type SuppressionInput } from '../../src/figures/suppression.js';
import { rng } from '../../scripts/seeded-random.js';

// Property-style tests with crafted data: many seeded random cubes (teams x periods x values, with
// every margin), suppressed, then attacked by code that does not share the module's reasoning:
//  - subtraction: repeatedly fill any relation with exactly one unknown cell (what a person with a
//    spreadsheet does);
//  - linear algebra: is a hidden cell a fixed combination of the published ones (Gauss-Jordan over
//    the rationals on the relations restricted to the hidden cells)?

/** A cube teams x periods x values with margins on every axis, all relations exact. */
function cube(seed: number, dims: { teams: number; periods: number; values: number }, spread = 9) {
  const random = rng(seed);
  const T = dims.teams + 1;
  const P = dims.periods + 1;
  const V = dims.values + 1;
  const id = (t: number, p: number, v: number) => (t * P + p) * V + v;
  const values: number[] = new Array(T * P * V).fill(0);
  for (let t = 0; t < dims.teams; t++)
    for (let p = 0; p < dims.periods; p++)
      for (let v = 0; v < dims.values; v++) {
        const r = random();
        values[id(t, p, v)] = r < 0.3 ? 0 : Math.floor(random() * spread);
      }
  // Margins: sums along each axis (the last index of each axis is its total).
  for (let t = 0; t < T; t++)
    for (let p = 0; p < P; p++)
      for (let v = 0; v < V; v++) {
        if (t < dims.teams && p < dims.periods && v < dims.values) continue;
        let s = 0;
        for (let a = 0; a < dims.teams; a++)
          for (let b = 0; b < dims.periods; b++)
            for (let c = 0; c < dims.values; c++) {
              if ((t === dims.teams || a === t) && (p === dims.periods || b === p) && (v === dims.values || c === v)) s += values[id(a, b, c)]!;
            }
        values[id(t, p, v)] = s;
      }
  const relations: Relation[] = [];
  for (let p = 0; p < P; p++)
    for (let v = 0; v < V; v++) relations.push({ total: id(dims.teams, p, v), parts: Array.from({ length: dims.teams }, (_, t) => id(t, p, v)) });
  for (let t = 0; t < T; t++)
    for (let v = 0; v < V; v++) relations.push({ total: id(t, dims.periods, v), parts: Array.from({ length: dims.periods }, (_, p) => id(t, p, v)) });
  for (let t = 0; t < T; t++)
    for (let p = 0; p < P; p++) relations.push({ total: id(t, p, dims.values), parts: Array.from({ length: dims.values }, (_, v) => id(t, p, v)) });
  return { values, relations };
}

/** The spreadsheet attack: any relation with one unknown left gives it away; repeat. */
function subtractionAttack(values: readonly number[], relations: readonly Relation[], status: readonly CellStatus[]): number[] {
  const known = status.map((s) => s === 'shown');
  let progress = true;
  while (progress) {
    progress = false;
    for (const r of relations) {
      const cells = [r.total, ...r.parts];
      const unknown = cells.filter((c) => !known[c]);
      if (unknown.length === 1) {
        known[unknown[0]!] = true;
        progress = true;
      }
    }
  }
  return status.map((s, i) => (s !== 'shown' && known[i] ? i : -1)).filter((i) => i >= 0);
}

/** Gauss-Jordan on the relations restricted to hidden cells: which hidden cells are determined. */
function linearlyDetermined(values: readonly number[], relations: readonly Relation[], status: readonly CellStatus[]): number[] {
  const hidden = status.map((s, i) => (s !== 'shown' ? i : -1)).filter((i) => i >= 0);
  const col = new Map(hidden.map((c, j) => [c, j]));
  const rows: number[][] = [];
  for (const r of relations) {
    const row = new Array(hidden.length).fill(0);
    let any = false;
    const coef = (c: number, k: number) => {
      const j = col.get(c);
      if (j !== undefined) {
        row[j] += k;
        any = true;
      }
    };
    coef(r.total, 1);
    for (const p of r.parts) coef(p, -1);
    if (any) rows.push(row);
  }
  // Row-reduce.
  let rank = 0;
  const pivotCol: number[] = [];
  for (let j = 0; j < hidden.length && rank < rows.length; j++) {
    let pivot = -1;
    for (let i = rank; i < rows.length; i++) if (Math.abs(rows[i]![j]!) > 1e-9) pivot = i;
    if (pivot < 0) continue;
    [rows[rank], rows[pivot]] = [rows[pivot]!, rows[rank]!];
    const pv = rows[rank]![j]!;
    rows[rank] = rows[rank]!.map((x) => x / pv);
    for (let i = 0; i < rows.length; i++) {
      if (i === rank) continue;
      const f = rows[i]![j]!;
      if (Math.abs(f) > 1e-9) rows[i] = rows[i]!.map((x, k) => x - f * rows[rank]![k]!);
    }
    pivotCol.push(j);
    rank++;
  }
  // A hidden cell is determined when a reduced row has its pivot there and nothing else.
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const nonzero = rows[i]!.map((x, j) => (Math.abs(x) > 1e-9 ? j : -1)).filter((j) => j >= 0);
    if (nonzero.length === 1) out.push(hidden[nonzero[0]!]!);
  }
  void values;
  return out;
}

describe('small-cell suppression', () => {
  it('shows big counts and zeros, hides small ones as "small"', () => {
    const status = suppress({ values: [0, 1, 4, 5, 12], relations: [], threshold: 5 });
    expect(status).toEqual(['shown', 'small', 'small', 'shown', 'shown']);
  });

  it('hides a second cell when a row total would give the small one away', () => {
    // total 20 = 2 + 8 + 10: without a second hidden cell, 20 - 8 - 10 = 2.
    const input: SuppressionInput = { values: [20, 2, 8, 10], relations: [{ total: 0, parts: [1, 2, 3] }], threshold: 5 };
    const status = suppress(input);
    expect(status[1]).toBe('small');
    expect(status[2]).toBe('hidden'); // the smallest other cell (8: it reads as hidden, not "< 5")
    expect(status[3]).toBe('shown');
    expect(recoverable(input, status)).toEqual([]);
  });

  it('does not let two small cells give each other away through their sum (1 + 1)', () => {
    // total 12 = 1 + 1 + 10: both small, 12 - 10 = 2 = 1 + 1 tells both are 1.
    const input: SuppressionInput = { values: [12, 1, 1, 10], relations: [{ total: 0, parts: [1, 2, 3] }], threshold: 5 };
    const status = suppress(input);
    const iv = attackerView(input, status);
    expect(iv[2]!.lo).toBeLessThan(iv[2]!.hi);
    expect(iv[1]!.lo).toBeLessThan(iv[1]!.hi);
  });

  it('never lets an exact table be read back, over 300 random cubes (subtraction and linear algebra)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const dims = { teams: 1 + (seed % 4), periods: 1 + (seed % 3), values: 2 + (seed % 5) };
      const { values, relations } = cube(seed, dims);
      const threshold = 3 + (seed % 4);
      const input = { values, relations, threshold };
      const status = suppress(input);
      // A hidden zero worked out tells nothing about anybody: only cells counting people must stay hidden.
      const counted = (ids: number[]) => ids.filter((i) => values[i]! > 0);
      expect(counted(subtractionAttack(values, relations, status)), `seed ${seed}: subtraction`).toEqual([]);
      expect(counted(linearlyDetermined(values, relations, status)), `seed ${seed}: linear algebra`).toEqual([]);
      expect(recoverable(input, status), `seed ${seed}: bounds`).toEqual([]);
      // Every small count is hidden, and nothing shown is small.
      values.forEach((v, i) => {
        if (v >= 1 && v < threshold) expect(status[i]).not.toBe('shown');
      });
    }
  });

  it('keeps nested selections from differing by a small count when both are shown', () => {
    // A quarter (inner) and its year (outer) that are not additive: 30 vs 32 would isolate 2 people.
    const input: SuppressionInput = { values: [30, 32], relations: [], nests: [{ inner: 0, outer: 1 }], threshold: 5 };
    const status = suppress(input);
    expect(status).toEqual(['hidden', 'shown']);
  });

  it('an export pass starts from the screen pass and only hides more', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const { values, relations } = cube(seed, { teams: 3, periods: 2, values: 4 }, 20);
      const screen = suppress({ values, relations, threshold: 5 });
      const hidden = new Set(screen.map((s, i) => (s === 'shown' ? -1 : i)).filter((i) => i >= 0));
      const exportStatus = suppress({ values, relations, threshold: 10, alsoHidden: hidden });
      screen.forEach((s, i) => {
        if (s !== 'shown') expect(exportStatus[i], `seed ${seed} cell ${i}`).not.toBe('shown');
      });
      expect(linearlyDetermined(values, relations, exportStatus).filter((i) => values[i]! > 0)).toEqual([]);
    }
  });

  it('withheld tables keep their cells hidden and are protected like small ones', () => {
    // Team A's row is withheld (fewer than 10 people); the organisation minus team B must not give it back.
    const input: SuppressionInput = {
      values: [7, 3, 4, 30, 10, 20, 37, 13, 24],
      relations: [
        { total: 0, parts: [1, 2] },
        { total: 3, parts: [4, 5] },
        { total: 6, parts: [7, 8] },
        { total: 6, parts: [0, 3] },
        { total: 7, parts: [1, 4] },
        { total: 8, parts: [2, 5] },
      ],
      withheld: new Map([
        [0, 9],
        [1, 9],
        [2, 9],
      ]),
      threshold: 5,
    };
    const status = suppress(input);
    expect(status.slice(0, 3)).toEqual(['withheld', 'withheld', 'withheld']);
    expect(subtractionAttack(input.values, input.relations, status).filter((i) => input.values[i]! > 0)).toEqual([]);
    expect(recoverable(input, status)).toEqual([]);
  });
});
