import { describe, expect, it } from 'vitest';
import { defaultCatalogue, type CatalogueData } from '../../src/catalogue/default-catalogue.js';
import { describeIssues, parseCatalogue } from '../../src/catalogue/catalogue-schema.js';
import { catalogueNl } from '../../src/catalogue/messages/nl.js';

/** A deep copy of the default catalogue as plain JSON, to break on purpose. */
function copy(): any {
  return JSON.parse(JSON.stringify(defaultCatalogue));
}

function problems(raw: unknown): string[] {
  const result = parseCatalogue(raw);
  if (result.ok) return [];
  return describeIssues(result.issues, raw, catalogueNl.issues);
}

/** The index of a theme and domain by domain key. */
function where(raw: any, key: string): [number, number] {
  for (const [i, theme] of raw.themes.entries()) {
    const j = theme.domains.findIndex((d: any) => d.key === key);
    if (j >= 0) return [i, j];
  }
  throw new Error(key);
}

describe('catalogue file schema', () => {
  it('accepts the default catalogue and trims texts', () => {
    const raw = copy();
    const [i, j] = where(raw, 'schulden');
    raw.themes[i].domains[j].anchors[0].nl = '  Zeer grote schulden.  ';
    const result = parseCatalogue(raw);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data.themes[i]!.domains[j]!.anchors[0].nl).toBe('Zeer grote schulden.');
  });

  it('points at the exact place of an empty or missing anchor text', () => {
    const raw = copy();
    const [i, j] = where(raw, 'schulden');
    raw.themes[i].domains[j].anchors[2].fr = '   ';
    delete raw.themes[i].domains[j].anchors[4].en;
    expect(problems(raw)).toEqual(["domein 'schulden', niveau 3: tekst ontbreekt (fr)", "domein 'schulden', niveau 5: tekst ontbreekt (en)"]);
  });

  it('names an empty domain name or question with its language', () => {
    const raw = copy();
    const [i, j] = where(raw, 'inkomen');
    raw.themes[i].domains[j].name.nl = '';
    raw.themes[i].domains[j].question.en = '';
    expect(problems(raw)).toEqual(["domein 'inkomen', naam: tekst ontbreekt (nl)", "domein 'inkomen', vraag: tekst ontbreekt (en)"]);
  });

  it('refuses fewer and more than five levels', () => {
    const raw = copy();
    const [i, j] = where(raw, 'schulden');
    raw.themes[i].domains[j].anchors.pop();
    const [k, l] = where(raw, 'inkomen');
    raw.themes[k].domains[l].anchors.push({ nl: 'zes', fr: 'six', en: 'six' });
    expect(problems(raw)).toEqual([
      "domein 'inkomen': er moeten precies 5 niveaus zijn, er zijn er 6",
      "domein 'schulden': er moeten precies 5 niveaus zijn, er zijn er 4",
    ]);
  });

  it('refuses duplicate keys, across themes and domains', () => {
    const raw = copy();
    const [i, j] = where(raw, 'spaargeld');
    raw.themes[i].domains[j].key = 'schulden';
    raw.themes[1].key = raw.themes[0].key;
    const found = problems(raw);
    expect(found).toContain("thema 'huishouden-wonen': sleutel 'huishouden-wonen' komt meer dan één keer voor");
    expect(found).toContain("domein 'schulden': sleutel 'schulden' komt meer dan één keer voor");
    expect(found).toHaveLength(2);
  });

  it('refuses an unknown level, an unknown POD MI area and a malformed key', () => {
    const raw = copy();
    raw.themes[0].level = 'gezin';
    const [i, j] = where(raw, 'inkomen');
    raw.themes[i].domains[j].podMiAreas = ['geld'];
    raw.themes[i].domains[j].key = 'Inkomen!';
    expect(problems(raw)).toEqual([
      "thema 'huishouden-wonen': onbekende doelgroep 'gezin': kies huishouden, volwassene of kind",
      "domein 'Inkomen!': sleutel 'Inkomen!' mag alleen kleine letters, cijfers en streepjes bevatten (hoogstens 60 tekens)",
      "domein 'Inkomen!', POD MI-domeinen: onbekend POD MI-domein 'geld'",
    ]);
  });

  it('refuses a domain outside a theme, pointing at the unknown field', () => {
    const raw = copy();
    raw.domains = [{ ...raw.themes[0].domains[0], key: 'los-domein', theme: 'onbestaand' }];
    expect(problems(raw)).toEqual(['bestand: onbekend veld \'domains\' (domeinen staan binnen hun thema, in "themes")']);
  });

  it('refuses a theme without domains and a file that is not a catalogue at all', () => {
    const raw = copy();
    raw.themes[0].domains = [];
    expect(problems(raw)).toEqual(["thema 'huishouden-wonen': dit thema heeft geen domeinen"]);
    expect(problems([1, 2, 3])).toEqual(['bestand: moet een object zijn ({ ... })']);
    expect(problems({ formatVersion: 2, themes: [] })).toEqual(['bestand: formatVersion moet 1 zijn', 'bestand: er staan geen thema’s in het bestand']);
  });

  it('names a theme or domain by position when its key is missing', () => {
    const raw = copy();
    delete raw.themes[2].key;
    delete raw.themes[0].domains[1].key;
    expect(problems(raw).sort()).toEqual(['domein 2: sleutel (key) ontbreekt', 'thema 3: sleutel (key) ontbreekt']);
  });

  it('types a valid result as CatalogueData', () => {
    const result = parseCatalogue(copy());
    const data: CatalogueData | undefined = result.ok ? result.data : undefined;
    expect(data?.themes).toHaveLength(defaultCatalogue.themes.length);
  });
});
