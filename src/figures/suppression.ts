// Small-cell suppression (issue 15, decision 025): pure, no database, no request.
//
// The figures are counts of people (or agreements). A count below the threshold is "small": it is
// shown as "< T". Other cells are hidden ("secondary suppression") wherever a small one could be
// worked out from what is shown: a row total minus the other cells, the organisation minus the
// other teams, a year minus its quarters. The caller describes every published count of a family
// of tables (every filter value a user can choose that shares people) as one flat list of cells,
// with the exact sums that hold between them (`relations`) and the pairs where one selection lies
// inside another (`nests`). This module decides which cells to hide, and audits its own answer the
// way an attacker would: interval reasoning over every relation (what can be subtracted from what),
// repeated until nothing more can be learned. A hidden cell whose interval collapses to one value
// would be recovered; it gets a companion hidden in one of its relations, and the audit runs again.

export type CellStatus = 'shown' | 'small' | 'hidden' | 'withheld';

export interface Relation {
  /** The cell that is the sum... */
  total: number;
  /** ...of these cells (exactly, in the data: the caller only states sums that hold). */
  parts: number[];
}

export interface Nest {
  /** A count over a selection that lies inside the outer one (a quarter in its year). */
  inner: number;
  outer: number;
}

export interface SuppressionInput {
  /** The true counts; a cell's id is its index. */
  values: readonly number[];
  relations: readonly Relation[];
  /** Both shown, their difference must not be a small count (differencing two overlapping selections). */
  nests?: readonly Nest[];
  /** Cells withheld whole (a table with too few people); the reader knows only 0..max. */
  withheld?: ReadonlyMap<number, number>;
  /** Cells already hidden by an earlier, less strict pass (an export starts from the screen's answer). */
  alsoHidden?: ReadonlySet<number>;
  threshold: number;
}

function lessThan(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

export interface Interval {
  lo: number;
  hi: number;
}

/** A count shown, or the reason it is not. */
export function isSmall(value: number, threshold: number): boolean {
  return value >= 1 && value < threshold;
}

/**
 * What a reader who knows the rules learns about every cell from the published ones: shown cells
 * exactly, "< T" 0..T-1 (a zero hidden beside a small count reads the same), a withheld cell 0..max,
 * a hidden cell at least T (it was not small), then narrowed through every relation until nothing changes. Sound: the true value always
 * stays inside (so an interval of one value means the cell can be worked out).
 */
export function attackerView(input: SuppressionInput, status: readonly CellStatus[]): Interval[] {
  const { values, relations, threshold } = input;
  const iv: Interval[] = values.map((v, i) => {
    switch (status[i]) {
      case 'shown':
        return { lo: v, hi: v };
      case 'small':
        // "< T" is also how a zero hidden beside a small count reads: 0..T-1.
        return { lo: 0, hi: threshold - 1 };
      case 'withheld':
        return { lo: 0, hi: input.withheld?.get(i) ?? Infinity };
      default:
        return v >= threshold ? { lo: threshold, hi: Infinity } : { lo: 0, hi: Infinity };
    }
  });
  // Only relations with an unknown cell can teach anything.
  const live = relations.filter((r) => status[r.total] !== 'shown' || r.parts.some((p) => status[p] !== 'shown'));
  for (let pass = 0; pass < 200; pass++) {
    let changed = false;
    for (const r of live) {
      // Upper bounds may be infinite: keep their finite sum and how many are infinite apart.
      let sumLo = 0;
      let finiteHi = 0;
      let infinite = 0;
      for (const p of r.parts) {
        const c = iv[p]!;
        sumLo += c.lo;
        if (c.hi === Infinity) infinite++;
        else finiteHi += c.hi;
      }
      const sumHi = infinite ? Infinity : finiteHi;
      const t = iv[r.total]!;
      if (sumLo > t.lo) {
        t.lo = sumLo;
        changed = true;
      }
      if (sumHi < t.hi) {
        t.hi = sumHi;
        changed = true;
      }
      for (const p of r.parts) {
        const c = iv[p]!;
        const othersLo = sumLo - c.lo;
        const othersHi = c.hi === Infinity ? (infinite > 1 ? Infinity : finiteHi) : infinite ? Infinity : finiteHi - c.hi;
        const lo = t.lo - othersHi;
        const hi = t.hi - othersLo;
        if (lo > c.lo) {
          c.lo = lo;
          changed = true;
        }
        if (hi < c.hi) {
          c.hi = hi;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return iv;
}

/**
 * Hidden cells that are a fixed combination of published ones: Gauss-Jordan elimination on the
 * relations restricted to the hidden cells (one group of connected hidden cells at a time, so the
 * systems stay small). This catches what interval reasoning misses: a cell given away by
 * combining a row, a column and a margin, each of which alone has two unknowns.
 */
export function linearlyDetermined(input: Pick<SuppressionInput, 'relations'>, status: readonly CellStatus[]): number[] {
  const hiddenRelations = input.relations.filter((r) => status[r.total] !== 'shown' || r.parts.some((p) => status[p] !== 'shown'));
  // Connected groups of hidden cells (union-find over the relations they share).
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const r of hiddenRelations) {
    const cells = [r.total, ...r.parts].filter((c) => status[c] !== 'shown');
    for (const c of cells) if (!parent.has(c)) parent.set(c, c);
    for (const c of cells.slice(1)) parent.set(find(c), find(cells[0]!));
  }
  const groups = new Map<number, { cells: number[]; relations: Relation[] }>();
  for (const c of parent.keys()) {
    const g = groups.get(find(c)) ?? { cells: [], relations: [] };
    g.cells.push(c);
    groups.set(find(c), g);
  }
  for (const r of hiddenRelations) {
    const first = [r.total, ...r.parts].find((c) => status[c] !== 'shown')!;
    groups.get(find(first))!.relations.push(r);
  }
  const out: number[] = [];
  for (const { cells, relations } of groups.values()) {
    const col = new Map(cells.map((c, j) => [c, j]));
    const rows: number[][] = relations.map((r) => {
      const row = new Array<number>(cells.length).fill(0);
      const j = col.get(r.total);
      if (j !== undefined) row[j]! += 1;
      for (const p of r.parts) {
        const k = col.get(p);
        if (k !== undefined) row[k]! -= 1;
      }
      return row;
    });
    let rank = 0;
    for (let j = 0; j < cells.length && rank < rows.length; j++) {
      let pivot = -1;
      for (let i = rank; i < rows.length; i++) if (Math.abs(rows[i]![j]!) > 1e-9) pivot = i;
      if (pivot < 0) continue;
      [rows[rank], rows[pivot]] = [rows[pivot]!, rows[rank]!];
      const pr = rows[rank]!;
      const pv = pr[j]!;
      for (let k = 0; k < pr.length; k++) pr[k] = pr[k]! / pv;
      for (let i = 0; i < rows.length; i++) {
        if (i === rank) continue;
        const row = rows[i]!;
        const f = row[j]!;
        if (Math.abs(f) > 1e-9) for (let k = 0; k < row.length; k++) row[k] = row[k]! - f * pr[k]!;
      }
      rank++;
    }
    for (let i = 0; i < rank; i++) {
      let only = -1;
      let count = 0;
      rows[i]!.forEach((x, j) => {
        if (Math.abs(x) > 1e-9) {
          count++;
          only = j;
        }
      });
      if (count === 1) out.push(cells[only]!);
    }
  }
  return out.sort((a, b) => a - b);
}

/**
 * Hidden cells (small, hidden, withheld) counting somebody whose value a reader can work out
 * exactly. A hidden zero that can be worked out is no disclosure (nobody is in it), and protecting
 * it would only hide more: it is not reported.
 */
export function recoverable(input: SuppressionInput, status: readonly CellStatus[]): number[] {
  const iv = attackerView(input, status);
  const out = new Set<number>(linearlyDetermined(input, status).filter((i) => input.values[i]! > 0));
  for (let i = 0; i < status.length; i++) if (status[i] !== 'shown' && input.values[i]! > 0 && iv[i]!.lo === iv[i]!.hi) out.add(i);
  return [...out].sort((a, b) => a - b);
}

/** Nested pairs both shown whose difference is a small count. */
export function revealingNests(input: SuppressionInput, status: readonly CellStatus[]): Nest[] {
  return (input.nests ?? []).filter(
    (n) => status[n.inner] === 'shown' && status[n.outer] === 'shown' && isSmall(Math.abs(input.values[n.outer]! - input.values[n.inner]!), input.threshold),
  );
}

/**
 * Decides what to show. Small counts are hidden; withheld ones stay hidden; then, as long as the
 * audit can recover a hidden cell, the smallest shown cell of one of its relations is hidden too
 * (a zero first: it costs the reader nothing; totals last among equals), and a nested pair that differs by a small count loses its
 * inner cell. Every round hides at least one more cell, so it ends; the result is deterministic.
 */
export function suppress(input: SuppressionInput): CellStatus[] {
  const { values, relations, threshold } = input;
  if (threshold < 2) throw new Error('suppress: threshold below 2');
  const status: CellStatus[] = values.map((v, i) =>
    input.withheld?.has(i) ? 'withheld' : input.alsoHidden?.has(i) ? 'hidden' : isSmall(v, threshold) ? 'small' : 'shown',
  );
  // Which relations each cell is in, and whether as their total.
  const member = new Map<number, { r: Relation; asTotal: boolean }[]>();
  const add = (cell: number, r: Relation, asTotal: boolean) => {
    const list = member.get(cell) ?? [];
    list.push({ r, asTotal });
    member.set(cell, list);
  };
  for (const r of relations) {
    add(r.total, r, true);
    for (const p of r.parts) add(p, r, false);
  }
  // The companion to hide: the smallest shown count of one of the cell's relations, totals last
  // among equals. Zeros only when nothing else is left: a hidden zero beside a relation whose
  // total is 0 teaches nothing, and it spreads (every team's zero, then the organisation's).
  const cheapest = (cell: number): number | undefined => {
    let best: { id: number; key: [number, number, number, number] } | undefined;
    for (const { r } of member.get(cell) ?? []) {
      for (const [id, asTotal] of [[r.total, 1], ...r.parts.map((p) => [p, 0])] as [number, number][]) {
        if (id === cell || status[id] !== 'shown') continue;
        const key: [number, number, number, number] = [values[id] === 0 ? 1 : 0, values[id]!, asTotal, id];
        if (!best || lessThan(key, best.key)) best = { id, key };
      }
    }
    return best?.id;
  };
  for (let round = 0; round < values.length + 1; round++) {
    let hidOne = false;
    for (const n of revealingNests(input, status)) {
      if (status[n.inner] === 'shown') {
        status[n.inner] = 'hidden';
        hidOne = true;
      }
    }
    const exposed = recoverable(input, status);
    for (const cell of exposed) {
      const pick = cheapest(cell);
      if (pick !== undefined) {
        // A zero (or any count below T) hidden as a companion reads "< T" like a small count, so
        // a reader cannot tell a hidden 0 from a hidden 1; a larger one reads as hidden.
        status[pick] = values[pick]! < threshold ? 'small' : 'hidden';
        hidOne = true;
      }
    }
    if (!hidOne) break;
  }
  return status;
}
