import { describe, expect, it } from 'vitest';
import { balanceFamily, DIST_COLUMNS, selectionsOf, type Count, type FamilyShape, type FiguresData, type SubjectSeries } from '../../src/figures/counting.js';
import { workedOut, type Equation } from '../support/linear-attack.js';
import { rng } from '../../scripts/seeded-random.js';

// First, latest and movement of one year as one family (decision 025), on seeded random data:
// people with one to three balances spread over the quarters, answers 1..5, n.v.t. and niet
// besproken. Every published count of every selection (each team, the organisation, a lead's group)
// and every period is handed to an exact solver (tests/support/linear-attack.ts) with every
// equation a reader knows holds; no hidden count of anybody may come out.

const B = 3;
const DAYS = ['2026-02-10', '2026-03-20', '2026-05-12', '2026-08-18', '2026-10-20', '2026-12-01'];
const QUARTER_OF_DAY = [0, 0, 1, 2, 3, 3];
const SHAPE: FamilyShape = { teams: [1, 2, 3], groups: [[1, 2]] };

function crafted(seed: number, people: number) {
  const random = rng(seed);
  const domains = Array.from({ length: B }, (_, i) => ({
    index: i,
    key: `d${i}`,
    level: 'huishouden' as const,
    name: { nl: `d${i}`, fr: `d${i}`, en: `d${i}` },
    theme: { nl: 't', fr: 't', en: 't' },
    sensitive: false,
    asked: true,
  }));
  const teamOf = new Map<number, number>();
  const subjects: SubjectSeries[] = [];
  const answer = (previous: number | undefined) => {
    if (random() < 0.08) return 6 + Math.floor(random() * 2);
    if (previous && previous <= 5 && random() < 0.6) return previous;
    return Math.min(5, Math.max(1, Math.round(1.5 + random() * 3.5)));
  };
  for (let h = 0; h < people; h++) {
    teamOf.set(h, 1 + Math.floor(random() * 3));
    const n = 1 + Math.floor(random() * random() * 3);
    const days = [...new Set(Array.from({ length: n }, () => Math.floor(random() * DAYS.length)))].sort((a, b) => a - b);
    let previous: number[] = [];
    const balances = days.map((d, k) => {
      const codes = new Uint8Array(64);
      for (let b = 0; b < B; b++) codes[b] = answer(previous[b]);
      previous = [...codes.slice(0, B)];
      return { balanceId: h * 10 + k, takenOn: DAYS[d]!, level: 'huishouden' as const, codes };
    });
    subjects.push({ householdId: h, key: 'h', balances });
  }
  const data = { organisationId: 1, domains, teamOf, subjects, balances: [], gpmis: [], grants: [], memberBalanceDays: new Map() } as unknown as FiguresData;
  return { data, subjects, teamOf };
}

/** The true counts, recounted here without the module: [team][period][moment][domain][answer 0..6]. */
function truth(subjects: SubjectSeries[], teamOf: Map<number, number>) {
  const out = SHAPE.teams.map(() =>
    [0, 1, 2, 3, 4].map(() => ({ first: [...Array(B)].map(() => new Array(7).fill(0)), latest: [...Array(B)].map(() => new Array(7).fill(0)) })),
  );
  for (const s of subjects) {
    const t = SHAPE.teams.indexOf(teamOf.get(s.householdId)!);
    for (let p = 0; p < 5; p++) {
      const inP = s.balances.filter((b) => p === 4 || QUARTER_OF_DAY[DAYS.indexOf(b.takenOn)] === p);
      if (!inP.length) continue;
      for (let d = 0; d < B; d++) {
        out[t]![p]!.first[d]![inP[0]!.codes[d]! - 1]++;
        out[t]![p]!.latest[d]![inP[inP.length - 1]!.codes[d]! - 1]++;
      }
    }
  }
  return out;
}

const PERIODS = ['Q1', 'Q2', 'Q3', 'Q4', 'Y'];
const COLS = [...DIST_COLUMNS, 'total'] as const;
const SCORES = [0, 1, 2, 3, 4];
const MV = SCORES.flatMap((i) => SCORES.map((j) => `${i}${j}`));

function publishedCells(f: ReturnType<typeof balanceFamily>, side: 'screen' | 'exported') {
  const cells = new Map<string, number | null>();
  const value = (c: Count) => c.value;
  for (const { index: s } of selectionsOf(SHAPE))
    for (let b = 0; b < B; b++) {
      for (let p = 0; p < 5; p++)
        for (const m of ['first', 'latest'] as const) {
          const row = f[m][side][s]![p]![b]!;
          for (const c of DIST_COLUMNS) cells.set(`${s}|${PERIODS[p]}|${m}|${b}|${c}`, value(row.counts[c]));
          cells.set(`${s}|${PERIODS[p]}|${m}|${b}|total`, value(row.total));
        }
      const mx = f.movement[side][s]![b]!;
      for (const ij of MV) cells.set(`${s}|mv|${b}|${ij}`, value(mx.cells[Number(ij[0])]![Number(ij[1])]!));
      for (const k of ['total', 'improved', 'stayed', 'worsened'] as const) cells.set(`${s}|mv|${b}|${k}`, value(mx[k]));
    }
  return cells;
}

/** Every equation a reader knows holds (everyone is at one level and answered every domain: nobody is without an answer at one end). */
function readerEquations(cells: ReadonlyMap<string, number | null>, real: ReturnType<typeof truth>): Equation[] {
  const eq: Equation[] = [];
  const sels = selectionsOf(SHAPE);
  const teamsOf = (s: number) => {
    const sel = sels[s]!.teams;
    return (sel === 'all' ? SHAPE.teams : sel).map((t) => SHAPE.teams.indexOf(t));
  };
  const trueCount = (s: number, p: number, m: 'first' | 'latest', b: number, c: number) =>
    teamsOf(s).reduce((n, t) => n + (c === 7 ? real[t]![p]![m][b]!.reduce((x: number, y: number) => x + y, 0) : real[t]![p]![m][b]![c]!), 0);
  for (const { index: s } of sels) {
    const parts = sels[s]!.teams === 'all' || s === sels.length - 1 ? teamsOf(s) : [];
    for (let b = 0; b < B; b++) {
      const mv = (c: string) => `${s}|mv|${b}|${c}`;
      for (let p = 0; p < 5; p++)
        for (const m of ['first', 'latest'] as const) {
          const k = (c: string) => `${s}|${PERIODS[p]}|${m}|${b}|${c}`;
          eq.push({ plus: [k('total')], minus: DIST_COLUMNS.map(k) });
          if (b > 0) eq.push({ plus: [k('total')], minus: [`${s}|${PERIODS[p]}|${m}|0|total`] });
          for (const c of COLS) {
            if (parts.length) eq.push({ plus: [k(c)], minus: parts.map((t) => `${t}|${PERIODS[p]}|${m}|${b}|${c}`) });
            // The year is the sum of its quarters where that is so (a reader with everyone's dates knows where).
            const ci = COLS.indexOf(c);
            if (p === 4 && [0, 1, 2, 3].reduce((n, q) => n + trueCount(s, q, m, b, ci), 0) === trueCount(s, 4, m, b, ci))
              eq.push({ plus: [k(c)], minus: [0, 1, 2, 3].map((q) => `${s}|${PERIODS[q]}|${m}|${b}|${c}`) });
          }
        }
      eq.push({ plus: [mv('total')], minus: MV.map(mv) });
      eq.push({ plus: [mv('improved')], minus: MV.filter((c) => c[1]! > c[0]!).map(mv) });
      eq.push({ plus: [mv('stayed')], minus: MV.filter((c) => c[1] === c[0]).map(mv) });
      eq.push({ plus: [mv('worsened')], minus: MV.filter((c) => c[1]! < c[0]!).map(mv) });
      eq.push({ plus: [mv('total')], minus: ['improved', 'stayed', 'worsened'].map(mv) });
      if (parts.length)
        for (const c of [...MV, 'total', 'improved', 'stayed', 'worsened']) eq.push({ plus: [mv(c)], minus: parts.map((t) => `${t}|mv|${b}|${c}`) });
      // The year: first_i = U_i + row i of the matrix + N (n.v.t. or niet besproken at an end);
      // latest_j likewise by column. A published 0 means nobody is in it: its parts are 0.
      const answers = [0, 1, 2, 3, 4, 5, 6];
      const n = (i: number, j: number) => (i < 5 && j < 5 ? mv(`${i}${j}`) : `${s}|N|${b}|${i}${j}`);
      for (const i of answers)
        for (const [m, partsOf] of [
          ['first', (x: number) => answers.map((j) => n(x, j))],
          ['latest', (x: number) => answers.map((j) => n(j, x))],
        ] as const) {
          const total = `${s}|Y|${m}|${b}|${DIST_COLUMNS[i]}`;
          const ps = [`${s}|U|${b}|${i}`, ...partsOf(i)];
          eq.push({ plus: [total], minus: ps });
          if (cells.get(total) === 0) for (const x of ps) eq.push({ plus: [x] });
        }
      // A quarter: the same people counted first and latest (one level, every domain answered).
      for (let q = 0; q < 4; q++) eq.push({ plus: [`${s}|${PERIODS[q]}|first|${b}|total`], minus: [`${s}|${PERIODS[q]}|latest|${b}|total`] });
    }
  }
  return eq;
}

describe('first, latest and movement as one suppression family', () => {
  it('no hidden count can be solved for, over 6 seeded organisations, every selection and period, screen and export', () => {
    let hidden = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const { data, subjects, teamOf } = crafted(seed, 40 + seed * 6);
      const screen = 3 + (seed % 3);
      const family = balanceFamily(data, SHAPE, { year: 2026, level: 'huishouden' }, { screen, export: screen * 2 });
      const real = truth(subjects, teamOf);
      for (const side of ['screen', 'exported'] as const) {
        const cells = publishedCells(family, side);
        hidden += [...cells.values()].filter((v) => v === null).length;
        const solved = [...workedOut(cells, readerEquations(cells, real))].filter(([, v]) => v !== 0).map(([k, v]) => `${k}=${v}`);
        expect(solved, `seed ${seed} ${side}`).toEqual([]);
        // Shown counts are the true ones (the organisation's year, first, domain 0).
        const all = SHAPE.teams.length;
        for (const [c, i] of DIST_COLUMNS.map((c, i) => [c, i] as const)) {
          const v = cells.get(`${all}|Y|first|0|${c}`);
          if (v !== null) expect(v).toBe(real.reduce((n, t) => n + t[4]!.first[0]![i]!, 0));
        }
      }
    }
    // The data leave something to protect (the check above is not empty).
    expect(hidden).toBeGreaterThan(200);
  }, 120_000);

  it('the movement counts two balances of one year at the level, from the first to the latest', () => {
    const s = (codesByBalance: number[][], days: string[]): SubjectSeries => ({
      householdId: 1,
      key: 'h',
      balances: codesByBalance.map((c, k) => ({
        balanceId: k,
        takenOn: days[k]!,
        level: 'huishouden' as const,
        codes: Uint8Array.from([...c, ...new Array(61).fill(0)]),
      })),
    });
    const domains = [0, 1, 2].map((i) => ({
      index: i,
      key: `d${i}`,
      level: 'huishouden' as const,
      name: { nl: '', fr: '', en: '' },
      theme: { nl: '', fr: '', en: '' },
      sensitive: false,
      asked: true,
    }));
    // Twelve people, each 2 -> 4 in domain 0 (first Q1, a middle one in Q2, latest Q4).
    const subjects = [...Array(12).keys()].map((h) => ({
      ...s(
        [
          [2, 3, 6],
          [5, 3, 6],
          [4, 3, 3],
        ],
        ['2026-02-01', '2026-05-01', '2026-11-01'],
      ),
      householdId: h,
    }));
    const data = {
      organisationId: 1,
      domains,
      teamOf: new Map(subjects.map((x) => [x.householdId, 1])),
      subjects,
      balances: [],
      gpmis: [],
      grants: [],
      memberBalanceDays: new Map(),
    } as unknown as FiguresData;
    const f = balanceFamily(data, { teams: [1], groups: [] }, { year: 2026, level: 'huishouden' }, { screen: 5, export: 10 });
    const m = f.movement.screen[0]!;
    expect(m[0]!.cells[1]![3]!.value).toBe(12);
    expect([m[0]!.total.value, m[0]!.improved.value, m[0]!.stayed.value]).toEqual([12, 12, 0]);
    expect([m[1]!.total.value, m[1]!.stayed.value]).toEqual([12, 12]);
    // n.v.t. at the first balance: not in the matrix, but in both distributions.
    expect(m[2]!.total.value).toBe(0);
    expect(f.first.screen[0]![4]![2]!.counts.nvt.value).toBe(12);
    expect(f.latest.screen[0]![4]![2]!.counts['3'].value).toBe(12);
  });
});
