import { describe, expect, it } from 'vitest';
import { defaultCatalogue, type CatalogueData } from '../../src/catalogue/default-catalogue.js';
import {
  compactSummary,
  diffCatalogues,
  findDomain,
  hasChanges,
  namesAtSeveralLevels,
  newlyUncovered,
  podMiCoverage,
  slugify,
  uncoveredAreas,
  uniqueKey,
} from '../../src/catalogue/catalogue.js';

const copy = (): CatalogueData => JSON.parse(JSON.stringify(defaultCatalogue));

describe('diffCatalogues', () => {
  it('finds nothing between a catalogue and its copy', () => {
    expect(hasChanges(diffCatalogues(defaultCatalogue, copy()))).toBe(false);
  });

  it('lists a changed anchor text with its old and new value', () => {
    const next = copy();
    findDomain(next, 'schulden')!.anchors[2].fr = 'Nouveau texte.';
    const s = diffCatalogues(defaultCatalogue, next);
    expect(s.textsChanged).toEqual([
      {
        domain: { key: 'schulden', name: defaultCatalogue.themes[1]!.domains[2]!.name, level: 'huishouden' },
        changes: [{ field: 'anchor3', lang: 'fr', from: findDomain(defaultCatalogue, 'schulden')!.anchors[2].fr, to: 'Nouveau texte.' }],
      },
    ]);
    expect(compactSummary(s).textsChanged[0]!.changes).toEqual([{ field: 'anchor3', lang: 'fr' }]);
  });

  it('lists added, retired, switched and moved domains and reordered themes', () => {
    const next = copy();
    const wonen = next.themes[0]!;
    wonen.domains.reverse();
    findDomain(next, 'spaargeld')!.defaultOn = true;
    findDomain(next, 'inkomen')!.defaultOn = false;
    findDomain(next, 'betaalbaarheid-woning')!.podMiAreas = ['budget_administratie', 'gezinssituatie'];
    next.themes[1]!.domains = next.themes[1]!.domains.filter((d) => d.key !== 'schulden');
    next.themes[1]!.domains.push({ ...findDomain(defaultCatalogue, 'schulden')!, key: 'eigen-domein' });
    [next.themes[2], next.themes[3]] = [next.themes[3]!, next.themes[2]!];
    const s = diffCatalogues(defaultCatalogue, next);
    expect(s.domainsAdded.map((d) => d.key)).toEqual(['eigen-domein']);
    expect(s.domainsRetired.map((d) => d.key)).toEqual(['schulden']);
    expect(s.switchedOn.map((d) => d.key)).toEqual(['spaargeld']);
    expect(s.switchedOff.map((d) => d.key)).toEqual(['inkomen']);
    expect(s.domainOrderChanged.map((t) => t.key)).toEqual(['huishouden-wonen']);
    expect(s.themeOrderChanged).toEqual(['huishouden']);
    expect(s.settingsChanged).toEqual([]); // same areas in another order is no change
    expect(s.textsChanged).toEqual([]);
  });

  it('does not call a removal a reorder', () => {
    const next = copy();
    next.themes[0]!.domains.splice(1, 1);
    const s = diffCatalogues(defaultCatalogue, next);
    expect(s.domainOrderChanged).toEqual([]);
    expect(s.domainsRetired.map((d) => d.key)).toEqual(['betaalbaarheid-woning']);
  });
});

describe('POD MI coverage', () => {
  it('counts switched-on domains only, and names the areas nobody covers', () => {
    expect(uncoveredAreas(defaultCatalogue)).toEqual(uncoveredAreas(copy()));
    const next = copy();
    for (const theme of next.themes) for (const d of theme.domains) if (d.podMiAreas.includes('mobiliteit')) d.defaultOn = false;
    expect(uncoveredAreas(next)).toContain('mobiliteit');
    expect(podMiCoverage(next).find((c) => c.area === 'mobiliteit')!.domains).toEqual([]);
  });
});

describe('keys', () => {
  it('are made from names and never reuse a taken key', () => {
    expect(slugify('Organisatie- en planningsvermogen')).toBe('organisatie-en-planningsvermogen');
    expect(slugify('Hygiëne & zelfzorg!')).toBe('hygiene-zelfzorg');
    expect(uniqueKey('Schulden', new Set(['schulden', 'schulden-2']), 'domein')).toBe('schulden-3');
    expect(uniqueKey('???', new Set(), 'domein')).toBe('domein');
  });
});

describe('same-named domains', () => {
  it('finds the names more than one level has, in the reader language, whatever the case', () => {
    const several = namesAtSeveralLevels([defaultCatalogue], 'nl');
    expect(several.has('mobiliteit')).toBe(true);
    expect(several.has('vrije tijd')).toBe(true);
    expect(several.has('schulden')).toBe(false);
    const renamed = copy();
    findDomain(renamed, 'kind-mobiliteit')!.name.nl = 'Verplaatsingen';
    expect(namesAtSeveralLevels([renamed], 'nl').has('mobiliteit')).toBe(false);
    // Across two versions: a name both levels had in either one counts.
    expect(namesAtSeveralLevels([renamed, defaultCatalogue], 'nl').has('mobiliteit')).toBe(true);
  });

  it('records the level of every domain in a change summary', () => {
    const next = copy();
    findDomain(next, 'kind-mobiliteit')!.defaultOn = false;
    expect(diffCatalogues(defaultCatalogue, next).switchedOff).toEqual([
      { key: 'kind-mobiliteit', name: findDomain(next, 'kind-mobiliteit')!.name, level: 'kind' },
    ]);
  });
});

describe('what a publication takes away', () => {
  it('asks only about areas the current version covers and the next does not', () => {
    const next = copy();
    for (const th of next.themes) for (const d of th.domains) if (d.podMiAreas.includes('mobiliteit')) d.defaultOn = false;
    // The core set leaves four areas uncovered; publishing it again takes nothing away.
    expect(newlyUncovered(defaultCatalogue, copy())).toEqual([]);
    expect(newlyUncovered(defaultCatalogue, next)).toEqual(['mobiliteit']);
    expect(newlyUncovered(next, defaultCatalogue)).toEqual([]);
  });
});
