import { describe, it, expect } from 'vitest';
import { defaultCatalogue, POD_MI_AREAS, type CatalogueDomain, type Level, type Localized } from '../../src/catalogue/default-catalogue.js';
import { catalogueSchema, parseCatalogue } from '../../src/catalogue/catalogue-schema.js';

const KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LANGS = ['nl', 'fr', 'en'] as const;
const LEVEL_ORDER: Level[] = ['huishouden', 'volwassene', 'kind'];

const themes = defaultCatalogue.themes;
const domains: CatalogueDomain[] = themes.flatMap((theme) => theme.domains);

function domainByKey(key: string): CatalogueDomain {
  const found = domains.find((domain) => domain.key === key);
  if (!found) throw new Error(`domain ${key} not found`);
  return found;
}

/** Every Localized text of the catalogue, with a label that says where it is. */
function allTexts(): Array<{ where: string; text: Localized }> {
  const texts: Array<{ where: string; text: Localized }> = [];
  for (const theme of themes) {
    texts.push({ where: `theme ${theme.key} name`, text: theme.name });
    for (const domain of theme.domains) {
      texts.push({ where: `${domain.key} name`, text: domain.name });
      texts.push({ where: `${domain.key} question`, text: domain.question });
      domain.anchors.forEach((anchor, index) => {
        texts.push({ where: `${domain.key} anchor ${index + 1}`, text: anchor });
      });
    }
  }
  return texts;
}

describe('default catalogue', () => {
  it('has format version 1 and at least one theme per level', () => {
    expect(defaultCatalogue.formatVersion).toBe(1);
    for (const level of LEVEL_ORDER) {
      expect(
        themes.some((theme) => theme.level === level),
        level,
      ).toBe(true);
    }
  });

  it('orders themes huishouden, then volwassene, then kind', () => {
    const ranks = themes.map((theme) => LEVEL_ORDER.indexOf(theme.level));
    expect(ranks.every((rank) => rank >= 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('has no empty themes', () => {
    for (const theme of themes) {
      expect(theme.domains.length, theme.key).toBeGreaterThan(0);
    }
  });

  it('gives every domain exactly five anchors', () => {
    for (const domain of domains) {
      expect(domain.anchors, domain.key).toHaveLength(5);
    }
  });

  it('fills every text in nl, fr and en', () => {
    for (const { where, text } of allTexts()) {
      for (const lang of LANGS) {
        expect(typeof text[lang], `${where} (${lang})`).toBe('string');
        expect(text[lang].trim(), `${where} (${lang})`).not.toBe('');
      }
    }
  });

  it('uses well-formed theme and domain keys, unique across the whole catalogue', () => {
    const keys = [...themes.map((theme) => theme.key), ...domains.map((domain) => domain.key)];
    for (const key of keys) {
      expect(key, key).toMatch(KEY_PATTERN);
    }
    const duplicates = keys.filter((key, index) => keys.indexOf(key) !== index);
    expect(duplicates).toEqual([]);
  });

  it('maps every domain to at least one known POD MI area', () => {
    const known: readonly string[] = POD_MI_AREAS;
    for (const domain of domains) {
      expect(domain.podMiAreas.length, domain.key).toBeGreaterThan(0);
      for (const area of domain.podMiAreas) {
        expect(known, `${domain.key}: ${area}`).toContain(area);
      }
    }
  });

  it('covers every POD MI area with at least one domain', () => {
    const covered = new Set(domains.flatMap((domain) => domain.podMiAreas));
    const missing = POD_MI_AREAS.filter((area) => !covered.has(area));
    expect(missing).toEqual([]);
  });

  it('switches on the core domains of the seed', () => {
    for (const key of [
      'verblijfplaats',
      'inkomen',
      'schulden',
      'veiligheid',
      'vangnet',
      'fysieke-gezondheid',
      'mentale-gezondheid',
      'mobiliteit',
      'justitie',
      'kind-aanwezigheid-school',
      'kind-fysieke-gezondheid',
    ]) {
      expect(domainByKey(key).defaultOn, key).toBe(true);
    }
  });

  it('leaves the extra domains off', () => {
    for (const key of ['spaargeld', 'traject-verslaving', 'zelfvertrouwen', 'communicatievaardigheden']) {
      expect(domainByKey(key).defaultOn, key).toBe(false);
    }
  });

  it('marks health, addiction, justice and youth care domains as sensitive', () => {
    for (const key of [
      'fysieke-gezondheid',
      'mentale-gezondheid',
      'middelengebruik',
      'traject-verslaving',
      'justitie',
      'jeugdzorg',
      'kind-mentale-gezondheid',
    ]) {
      expect(domainByKey(key).sensitive, key).toBe(true);
    }
    expect(domainByKey('inkomen').sensitive).toBe(false);
  });

  it('allows "niet van toepassing" only where it makes sense', () => {
    expect(domainByKey('schulden').allowNotApplicable).toBe(false);
    expect(domainByKey('traject-verslaving').allowNotApplicable).toBe(true);
    expect(domainByKey('jeugdzorg').allowNotApplicable).toBe(true);
    expect(domainByKey('zorg-voor-kinderen').allowNotApplicable).toBe(true);
  });

  it('never repeats an anchor text within a domain', () => {
    for (const domain of domains) {
      for (const lang of LANGS) {
        const texts = domain.anchors.map((anchor) => anchor[lang].trim().toLowerCase());
        expect(new Set(texts).size, `${domain.key} (${lang})`).toBe(texts.length);
      }
    }
  });

  it('passes the catalogue file schema that imports and publications use', () => {
    const result = catalogueSchema.safeParse(defaultCatalogue);
    expect(result.success, JSON.stringify(result.error?.issues.slice(0, 3))).toBe(true);
  });

  it('survives a round trip through the JSON export format unchanged', () => {
    const exported = JSON.stringify(defaultCatalogue, null, 2);
    const parsed = parseCatalogue(JSON.parse(exported));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.data).toEqual(defaultCatalogue);
  });

  it('addresses the client with "vous" in French, as Belgian CPAS do', () => {
    const tutoiement = /(^|[\s’'-])((tu|te|toi|ton|ta|tes)(?=[\s,?!.’'-]|$)|t’(?=\p{L}))/iu;
    for (const domain of domains) {
      expect(domain.question.fr, domain.key).not.toMatch(tutoiement);
      for (const anchor of domain.anchors) expect(anchor.fr, domain.key).not.toMatch(tutoiement);
    }
  });
});
