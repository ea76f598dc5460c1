// A reader with a spreadsheet and linear algebra, for the figures' anonymity tests (decision 025).
// It shares no code with src/figures/suppression.ts on purpose: it is the other side's reasoning.
//
// The reader writes down every equation they know holds between cells ("this total is the sum of
// these", "first at 2 = single-balance people at 2 + those who moved away from 2"), puts in every
// number that is published, and solves: exact Gauss-Jordan elimination over the rationals (BigInt,
// sparse rows), so no rounding can hide or invent a solution. A cell is worked out when the
// reduced system has a row with that cell alone. Unknown cells that are never published (the
// people with one balance, say) are just more unknowns.

export interface Equation {
  /** Σ plus − Σ minus = constant (a count the reader is assumed to know; default 0). */
  plus: string[];
  minus?: string[];
  constant?: number;
}

type Row = { coef: Map<number, bigint>; rhs: bigint };

const abs = (x: bigint) => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

function normalise(r: Row): Row {
  let g = abs(r.rhs);
  for (const v of r.coef.values()) g = gcd(g, v);
  if (g > 1n) {
    for (const [k, v] of r.coef) r.coef.set(k, v / g);
    r.rhs /= g;
  }
  return r;
}

/** r := r·b[p] − b·r[p], which removes column p from r (fraction-free). */
function eliminate(r: Row, b: Row, p: number): void {
  const rp = r.coef.get(p);
  if (rp === undefined) return;
  const bp = b.coef.get(p)!;
  for (const [k, v] of r.coef) r.coef.set(k, v * bp);
  r.rhs *= bp;
  for (const [k, v] of b.coef) {
    const next = (r.coef.get(k) ?? 0n) - v * rp;
    if (next === 0n) r.coef.delete(k);
    else r.coef.set(k, next);
  }
  r.rhs -= b.rhs * rp;
  normalise(r);
}

/**
 * The hidden cells a reader can work out, with the value they find. `published` maps every cell a
 * reader sees to its number, or to null when it is hidden ("< 3", "×"); a cell named in an equation
 * but not in `published` is unknown to the reader (never published).
 */
export function workedOut(published: ReadonlyMap<string, number | null>, equations: readonly Equation[]): Map<string, number> {
  const index = new Map<string, number>();
  const names: string[] = [];
  const col = (k: string) => {
    let i = index.get(k);
    if (i === undefined) {
      index.set(k, (i = names.length));
      names.push(k);
    }
    return i;
  };
  // Reduced rows by pivot column (Gauss-Jordan: a pivot column is zero in every other row).
  const basis = new Map<number, Row>();
  const byColumn = new Map<number, Set<number>>(); // column -> pivots of the rows that use it
  const use = (pivot: number, row: Row) => {
    for (const k of row.coef.keys()) {
      let s = byColumn.get(k);
      if (!s) byColumn.set(k, (s = new Set()));
      s.add(pivot);
    }
  };
  for (const e of equations) {
    const row: Row = { coef: new Map(), rhs: BigInt(e.constant ?? 0) };
    const add = (k: string, sign: bigint) => {
      const v = published.get(k);
      if (v !== undefined && v !== null) {
        row.rhs -= sign * BigInt(v);
        return;
      }
      const c = col(k);
      const next = (row.coef.get(c) ?? 0n) + sign;
      if (next === 0n) row.coef.delete(c);
      else row.coef.set(c, next);
    };
    for (const k of e.plus) add(k, 1n);
    for (const k of e.minus ?? []) add(k, -1n);
    if (row.coef.size === 0) {
      if (row.rhs !== 0n) throw new Error(`linear attack: an equation does not hold in the published numbers: ${JSON.stringify(e)}`);
      continue;
    }
    normalise(row);
    for (const p of [...row.coef.keys()]) {
      const b = basis.get(p);
      if (b) eliminate(row, b, p);
    }
    if (row.coef.size === 0) {
      if (row.rhs !== 0n) throw new Error(`linear attack: the equations contradict each other at ${JSON.stringify(e)}`);
      continue;
    }
    const pivot = Math.min(...row.coef.keys());
    // Keep the basis reduced: remove the new pivot column from every row that has it.
    for (const q of [...(byColumn.get(pivot) ?? [])]) {
      const other = basis.get(q);
      if (!other || !other.coef.has(pivot)) continue;
      eliminate(other, row, pivot);
      use(q, other);
    }
    basis.set(pivot, row);
    use(pivot, row);
  }
  const out = new Map<string, number>();
  for (const [pivot, row] of basis) {
    if (row.coef.size !== 1) continue;
    const c = row.coef.get(pivot)!;
    if (row.rhs % c !== 0n) throw new Error(`linear attack: ${names[pivot]} is not a whole number`);
    const name = names[pivot]!;
    if (published.has(name)) out.set(name, Number(row.rhs / c));
  }
  return out;
}
