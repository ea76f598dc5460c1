import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue.js';
import { evolutionRows, stepTotals, type PersonHistory, type Snapshot } from '../../src/overview/model.js';
import type { CellValue } from '../../src/balances/logic.js';

// What the evolution page says per domain: the step since the balance before, the whole period,
// and the anchor text each score had in the catalogue version of its own balance.

const scored = (score: number): CellValue => ({ state: 'scored', score, clientScore: null, remark: '' });
const nb: CellValue = { state: 'nb', score: null, clientScore: null, remark: '' };

function snapshot(id: number, catalogue = defaultCatalogue): Snapshot {
  return { id, catalogue } as unknown as Snapshot;
}

describe('evolutionRows', () => {
  const reworded = structuredClone(defaultCatalogue);
  reworded.themes[0]!.domains[0]!.anchors[3] = { nl: 'Nieuw', fr: 'Nouveau', en: 'New' };
  const history: PersonHistory = {
    balances: [snapshot(1), snapshot(2, reworded), snapshot(3), snapshot(4)],
    rows: [
      { key: 'verblijfplaats', label: 'Verblijfplaats', cells: [scored(2), scored(4), scored(4), scored(3)] },
      // Not discussed in between, then not asked at all in the last balance.
      { key: 'inkomen', label: 'Inkomen', cells: [scored(1), nb, scored(2), null] },
    ],
  };

  it('gives each score its step since the balance before, and the first score against the last', () => {
    const [wonen, inkomen] = evolutionRows(history, 'nl');
    expect(wonen!.cells.map((c) => c.since)).toEqual([null, { kind: 'better', delta: 2 }, { kind: 'same' }, { kind: 'worse', delta: 1 }]);
    expect(wonen!.overall).toEqual({ kind: 'better', delta: 1 });
    expect(inkomen!.cells.map((c) => c.since)).toEqual([null, { kind: 'noScore' }, { kind: 'noScore' }, null]);
    expect(inkomen!.overall).toEqual({ kind: 'better', delta: 1 });
  });

  it('reads what a score meant in the catalogue version of its own balance, in the reader language', () => {
    const [wonen] = evolutionRows(history, 'nl');
    const anchors = defaultCatalogue.themes[0]!.domains[0]!.anchors;
    expect(wonen!.cells.map((c) => c.anchor)).toEqual([anchors[1].nl, 'Nieuw', anchors[3].nl, anchors[2].nl]);
    expect(evolutionRows(history, 'fr')[0]!.cells[1]!.anchor).toBe('Nouveau');
    expect(evolutionRows(history, 'nl')[1]!.cells[1]!.anchor).toBeNull();
  });

  it('counts per step how many domains moved, leaving out what cannot be compared', () => {
    expect(stepTotals(evolutionRows(history, 'nl'), 4)).toEqual([
      { better: 1, same: 0, worse: 0 },
      { better: 0, same: 1, worse: 0 },
      { better: 0, same: 0, worse: 1 },
    ]);
    expect(stepTotals([], 1)).toEqual([]);
  });
});
