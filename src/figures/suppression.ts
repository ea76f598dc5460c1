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
//
// Some counts take part in the sums without being published at all (the people with one balance
// in a year: they count in the first and in the latest distribution, never in the movement). The
// caller lists them as `unpublished`: unknown to the reader, never protected themselves (they are
// not shown, so there is nothing to hide), but an unknown in every sum they are in. Others are not
// published either but assumed known to the reader (`known`), because assuming that can only make
// the reader stronger: they are never hidden and never chosen as a companion.

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
  /** Cells in the sums that are never published: the reader knows only what the sums tell (0..∞). */
  unpublished?: ReadonlySet<number>;
  /** Cells never published that the reader is assumed to know exactly (never hidden, never a companion). */
  known?: ReadonlySet<number>;
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
 * (and `worked`: cells already worked out) exactly, an unpublished cell 0..∞, "< T" 0..T-1 (a zero hidden beside a small count reads the same), a withheld cell 0..max,
 * a hidden cell at least T (it was not small), then narrowed through every relation until nothing changes. Sound: the true value always
 * stays inside (so an interval of one value means the cell can be worked out).
 */
export function attackerView(input: SuppressionInput, status: readonly CellStatus[], worked?: ReadonlyMap<number, number>): Interval[] {
  const { values, relations, threshold } = input;
  const iv: Interval[] = values.map((v, i) => {
    const exact = worked?.get(i);
    if (exact !== undefined) return { lo: exact, hi: exact };
    if (input.unpublished?.has(i)) return { lo: 0, hi: Infinity };
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
export function linearlyDetermined(input: Pick<SuppressionInput, 'relations'>, status: readonly CellStatus[], worked?: ReadonlyMap<number, number>): number[] {
  // A cell already worked out (`worked`) counts as published here.
  const open = (c: number) => status[c] !== 'shown' && !worked?.has(c);
  const hiddenRelations = input.relations.filter((r) => open(r.total) || r.parts.some(open));
  // Connected groups of hidden cells (union-find over the relations they share).
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const r of hiddenRelations) {
    const cells = [r.total, ...r.parts].filter(open);
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
    const first = [r.total, ...r.parts].find(open)!;
    groups.get(find(first))!.relations.push(r);
  }
  const out: number[] = [];
  for (const { cells, relations } of groups.values()) out.push(...determinedIn(cells, relations, open));
  return out.sort((a, b) => a - b);
}

const EPS = 1e-9;

/**
 * The cells of one connected group that the relations fix: sparse Gauss-Jordan elimination, row by
 * row into a reduced basis (every pivot column is zero in every other basis row), so a cell is
 * fixed exactly when a basis row holds it alone. Sparse, because a family's groups reach thousands
 * of cells (first, latest and movement are one family) while each relation has a handful: a dense
 * matrix costs cubic time there. The pivot is the row's column that the fewest basis rows use,
 * which keeps the fill-in small.
 */
function determinedIn(cells: readonly number[], relations: readonly Relation[], open: (c: number) => boolean): number[] {
  const col = new Map(cells.map((c, j) => [c, j]));
  const basis = new Map<number, Map<number, number>>();
  const users = new Map<number, Set<number>>();
  const use = (pivot: number, row: Map<number, number>) => {
    for (const k of row.keys()) {
      let u = users.get(k);
      if (!u) users.set(k, (u = new Set()));
      u.add(pivot);
    }
  };
  /** row -= f * other */
  const subtract = (row: Map<number, number>, f: number, other: Map<number, number>) => {
    for (const [k, v] of other) {
      const next = (row.get(k) ?? 0) - f * v;
      if (Math.abs(next) < EPS) row.delete(k);
      else row.set(k, next);
    }
  };
  for (const r of relations) {
    const row = new Map<number, number>();
    for (const [c, k] of [[r.total, 1], ...r.parts.map((p) => [p, -1])] as [number, number][]) {
      if (!open(c)) continue;
      const j = col.get(c)!;
      const next = (row.get(j) ?? 0) + k;
      if (Math.abs(next) < EPS) row.delete(j);
      else row.set(j, next);
    }
    for (const j of [...row.keys()]) {
      const b = basis.get(j);
      const f = row.get(j);
      if (b && f !== undefined) subtract(row, f, b);
    }
    if (row.size === 0) continue;
    let pivot = -1;
    let fewest = Infinity;
    for (const k of row.keys()) {
      const n = users.get(k)?.size ?? 0;
      if (n < fewest || (n === fewest && k < pivot)) [pivot, fewest] = [k, n];
    }
    const pv = row.get(pivot)!;
    for (const [k, v] of row) row.set(k, v / pv);
    for (const q of users.get(pivot) ?? []) {
      const other = basis.get(q);
      const f = other?.get(pivot);
      if (!other || f === undefined) continue;
      subtract(other, f, row);
      use(q, other);
    }
    basis.set(pivot, row);
    use(pivot, row);
  }
  const out: number[] = [];
  for (const [pivot, row] of basis) if (row.size === 1) out.push(cells[pivot]!);
  return out;
}

/**
 * Hidden cells (small, hidden, withheld) counting somebody whose value a reader can work out
 * exactly. A hidden zero that can be worked out is no disclosure (nobody is in it), and protecting
 * it would only hide more: it is not reported. But the reader uses it: what interval reasoning
 * pins down (a zero under a total of 0, an unpublished count) is known in the linear algebra, and
 * what the linear algebra finds narrows the intervals, until neither finds anything new. (Each
 * alone misses attacks the two make together: "nobody is n.v.t. at either end" from the bounds,
 * then "first minus latest is the net movement" from the algebra.)
 */
export function recoverable(input: SuppressionInput, status: readonly CellStatus[]): number[] {
  const protectedCell = (i: number) => status[i] !== 'shown' && !input.unpublished?.has(i) && input.values[i]! > 0;
  const worked = new Map<number, number>();
  const out = new Set<number>();
  const learn = (i: number) => {
    if (protectedCell(i)) out.add(i);
    else worked.set(i, input.values[i]!);
  };
  for (;;) {
    const iv = attackerView(input, status, worked);
    for (let i = 0; i < status.length; i++) if (status[i] !== 'shown' && iv[i]!.lo === iv[i]!.hi) learn(i);
    // Only what needs no protection feeds the next step: a protected cell found now gets its
    // companion this round, and the next round audits again from there.
    const before = worked.size;
    for (const i of linearlyDetermined(input, status, worked)) learn(i);
    if (worked.size === before) break;
  }
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
    input.known?.has(i)
      ? 'shown'
      : input.unpublished?.has(i)
        ? 'hidden'
        : input.withheld?.has(i)
          ? 'withheld'
          : input.alsoHidden?.has(i)
            ? 'hidden'
            : isSmall(v, threshold)
              ? 'small'
              : 'shown',
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
  // When all of the cell's own relations are hidden already, the reader worked it out further
  // away (first at i minus an unpublished U_i, say): the search goes on through the hidden and
  // unpublished cells of those relations, nearest first, until it reaches shown counts.
  const cheapest = (cell: number): number | undefined => {
    const seen = new Set<number>([cell]);
    let frontier = [cell];
    for (let depth = 0; depth < 8 && frontier.length; depth++) {
      let best: { id: number; key: [number, number, number, number] } | undefined;
      const next: number[] = [];
      for (const c of frontier)
        for (const { r } of member.get(c) ?? []) {
          for (const [id, asTotal] of [[r.total, 1], ...r.parts.map((p) => [p, 0])] as [number, number][]) {
            if (seen.has(id) || input.known?.has(id)) continue;
            if (status[id] !== 'shown') {
              seen.add(id);
              next.push(id);
              continue;
            }
            const key: [number, number, number, number] = [values[id] === 0 ? 1 : 0, values[id]!, asTotal, id];
            if (!best || lessThan(key, best.key)) best = { id, key };
          }
        }
      if (best) return best.id;
      frontier = next;
    }
    return undefined;
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
