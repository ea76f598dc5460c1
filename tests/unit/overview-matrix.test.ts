import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue.js';
import { balanceLayout, cellKey, type CellValue, type Subject } from '../../src/balances/logic.js';
import { matrixCell, overviewMatrix } from '../../src/overview/model.js';

// The overview's one matrix: domains down, the household and each person across.

const household: Subject = { key: 'h', memberId: null, level: 'huishouden', name: '' };
const adult = (id: number, name: string): Subject => ({ key: `m${id}`, memberId: id, level: 'volwassene', name });
const child = (id: number, name: string): Subject => ({ key: `m${id}`, memberId: id, level: 'kind', name });
const family = [household, adult(1, 'Sara Peeters'), adult(2, 'Karim Peeters'), child(3, 'Lina Peeters'), child(4, 'Adam Peeters')];
const scored = (score: number): CellValue => ({ state: 'scored', score, clientScore: null, remark: '' });

describe('overviewMatrix', () => {
  it('puts a household of four with the core catalogue in 18 rows under 12 themes, household themes first', () => {
    const m = overviewMatrix({ layout: balanceLayout(defaultCatalogue, family) }, 'nl');
    expect(m.columns.map((c) => c.key)).toEqual(['h', 'm1', 'm2', 'm3', 'm4']);
    expect(m.groups.map((g) => g.theme)).toEqual([
      'Wonen',
      'Financiële situatie',
      'Budgetteringsvaardigheden',
      'Veiligheid',
      'Kinderen / opvoeding',
      'Sociaal netwerk',
      'Gezondheid',
      'Mobiliteit',
      'Justitie',
      'Werk en opleiding',
      'School',
      'Vrije tijd',
    ]);
    expect(m.groups.flatMap((g) => g.rows)).toHaveLength(18);
    expect(m.groups.filter((g) => g.household)).toHaveLength(5);
  });

  it("shares a row between an adult's and a child's domain of the same theme and name, each keeping its own key", () => {
    const m = overviewMatrix({ layout: balanceLayout(defaultCatalogue, family) }, 'nl');
    const health = m.groups.find((g) => g.theme === 'Gezondheid')!;
    expect(health.rows).toEqual([
      { label: 'Fysieke gezondheid', keys: { volwassene: 'fysieke-gezondheid', kind: 'kind-fysieke-gezondheid' } },
      { label: 'Mentale gezondheid', keys: { volwassene: 'mentale-gezondheid', kind: 'kind-mentale-gezondheid' } },
    ]);
    // "Netwerk" of a child is under "Vrije tijd", not the adults' "Sociaal netwerk": its own row.
    expect(m.groups.find((g) => g.theme === 'Vrije tijd')!.rows.map((r) => r.keys)).toEqual([{ kind: 'kind-vrije-tijd' }, { kind: 'kind-netwerk' }]);
  });

  it('gives each cell the domain asked of that person, and none where the row does not concern them', () => {
    const layout = balanceLayout(defaultCatalogue, family);
    const cells = new Map([
      [cellKey('m1', 'fysieke-gezondheid'), scored(2)],
      [cellKey('m3', 'kind-fysieke-gezondheid'), scored(5)],
    ]);
    const m = overviewMatrix({ layout }, 'nl');
    const row = m.groups.find((g) => g.theme === 'Gezondheid')!.rows[0]!;
    expect(matrixCell({ layout, cells }, family[1]!, row)).toEqual({ domainKey: 'fysieke-gezondheid', cell: scored(2) });
    expect(matrixCell({ layout, cells }, family[3]!, row)).toEqual({ domainKey: 'kind-fysieke-gezondheid', cell: scored(5) });
    // Not scored yet: asked, without a value.
    expect(matrixCell({ layout, cells }, family[4]!, row)).toEqual({ domainKey: 'kind-fysieke-gezondheid', cell: null });
    // The household has no health domain.
    expect(matrixCell({ layout, cells }, household, row)).toBeNull();
    const verblijf = m.groups[0]!.rows[0]!;
    expect(matrixCell({ layout, cells }, family[1]!, verblijf)).toBeNull();
  });

  it('keeps two domains of one level with the same name in separate rows, and leaves out members without domains', () => {
    const catalogue = structuredClone(defaultCatalogue);
    const health = catalogue.themes.find((t) => t.key === 'volwassene-gezondheid')!;
    health.domains.find((d) => d.key === 'mentale-gezondheid')!.name.nl = 'Fysieke gezondheid';
    const layout = balanceLayout(catalogue, [household, adult(1, 'Sara Peeters')]);
    layout.push({ subject: child(9, 'Leeg'), themes: [] });
    const m = overviewMatrix({ layout }, 'nl');
    expect(m.columns.map((c) => c.key)).toEqual(['h', 'm1']);
    expect(m.groups.find((g) => g.theme === 'Gezondheid')!.rows.map((r) => r.keys)).toEqual([
      { volwassene: 'fysieke-gezondheid' },
      { volwassene: 'mentale-gezondheid' },
    ]);
  });
});
