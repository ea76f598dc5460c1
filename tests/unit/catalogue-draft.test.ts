import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue.js';
import { draftCatalogue, sameDomainValues, swappedPositions, type DomainValues, type Draft, type DraftTheme } from '../../src/catalogue/logic.js';

const domain = defaultCatalogue.themes[0]!.domains[0]!;
const values = (): DomainValues => {
  const { key: _key, defaultOn: _on, ...rest } = JSON.parse(JSON.stringify(domain)) as typeof domain;
  return rest;
};

describe('sameDomainValues', () => {
  it('is true for a copy, whatever the order of the object keys', () => {
    const copy = values();
    const reordered = {
      sensitive: copy.sensitive,
      podMiAreas: copy.podMiAreas,
      anchors: copy.anchors,
      question: copy.question,
      allowNotApplicable: copy.allowNotApplicable,
      name: { en: copy.name.en, fr: copy.name.fr, nl: copy.name.nl },
    };
    expect(sameDomainValues(values(), copy)).toBe(true);
    expect(sameDomainValues(values(), reordered)).toBe(true);
  });

  it('is false when one text in one language changes', () => {
    const b = values();
    b.anchors[4].fr = 'Autre texte.';
    expect(sameDomainValues(values(), b)).toBe(false);
    const c = values();
    c.question.en = c.question.en + '?';
    expect(sameDomainValues(values(), c)).toBe(false);
  });

  it('is false when a setting or the POD MI areas change', () => {
    expect(sameDomainValues(values(), { ...values(), allowNotApplicable: !domain.allowNotApplicable })).toBe(false);
    expect(sameDomainValues(values(), { ...values(), sensitive: !domain.sensitive })).toBe(false);
    expect(sameDomainValues(values(), { ...values(), podMiAreas: [] })).toBe(false);
  });
});

describe('draftCatalogue', () => {
  const theme = (id: number, key: string, domains: DraftTheme['domains']): DraftTheme => ({
    id,
    key,
    level: 'huishouden',
    position: id,
    revision: 0,
    name: { nl: key, fr: key, en: key },
    domains,
  });
  const d = (id: number) => ({ id, themeId: 1, position: id, revision: 0, retiredAt: null, domain: { ...domain, key: `d${id}` } });

  it('keeps the themes and domains in order and leaves out a theme without domains', () => {
    const draft: Draft = { revision: 3, themes: [theme(1, 'a', [d(2), d(1)]), theme(2, 'leeg', []), theme(3, 'b', [d(3)])], retired: [], keys: new Set() };
    const catalogue = draftCatalogue(draft);
    expect(catalogue.formatVersion).toBe(1);
    expect(catalogue.themes.map((t) => t.key)).toEqual(['a', 'b']);
    expect(catalogue.themes[0]!.domains.map((x) => x.key)).toEqual(['d2', 'd1']);
    expect(catalogue.themes[0]).toEqual({ key: 'a', level: 'huishouden', name: { nl: 'a', fr: 'a', en: 'a' }, domains: [d(2).domain, d(1).domain] });
  });
});

describe('swappedPositions', () => {
  const rows = [
    { id: 10, position: 0 },
    { id: 11, position: 1 },
    { id: 12, position: 2 },
  ];

  it('swaps a row with the one above or below, naming only the rows that move', () => {
    expect(swappedPositions(rows, 11, 'up')).toEqual([
      { id: 11, position: 0 },
      { id: 10, position: 1 },
    ]);
    expect(swappedPositions(rows, 11, 'down')).toEqual([
      { id: 12, position: 1 },
      { id: 11, position: 2 },
    ]);
  });

  it('does nothing at the edge or for an unknown id', () => {
    expect(swappedPositions(rows, 10, 'up')).toEqual([]);
    expect(swappedPositions(rows, 12, 'down')).toEqual([]);
    expect(swappedPositions(rows, 99, 'up')).toEqual([]);
  });

  it('renumbers equal or gapped positions, so a move is never a no-op', () => {
    const odd = [
      { id: 1, position: 5 },
      { id: 2, position: 5 },
      { id: 3, position: 9 },
    ];
    expect(swappedPositions(odd, 2, 'up')).toEqual([
      { id: 2, position: 0 },
      { id: 1, position: 1 },
      { id: 3, position: 2 },
    ]);
  });
});
