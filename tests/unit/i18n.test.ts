import { describe, expect, it } from 'vitest';
import { negotiateLocale, messagesFor, LOCALES } from '../../src/i18n/index.js';
import { formatDate, formatDateTime, formatIsoDate } from '../../src/i18n/format.js';
import { plurals } from '../../src/i18n/plural.js';

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'nl'],
    ['', 'nl'],
    ['nl-BE,nl;q=0.9', 'nl'],
    ['fr-BE,fr;q=0.9,en;q=0.8', 'fr'],
    ['de-DE,en;q=0.5', 'en'],
    ['de-DE', 'nl'],
    ['en;q=0.2,fr;q=0.8', 'fr'],
    ['fr;q=0', 'nl'],
  ])('%s -> %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe('message catalogues', () => {
  it('have no empty text in any language', () => {
    const walk = (v: unknown, path: string): string[] => {
      if (typeof v === 'string') return v.trim() ? [] : [path];
      if (typeof v === 'function') return [];
      return Object.entries(v as object).flatMap(([k, x]) => walk(x, `${path}.${k}`));
    };
    for (const l of LOCALES) expect(walk(messagesFor(l), l)).toEqual([]);
  });
  it('differ per language (no untranslated copy of Dutch)', () => {
    expect(messagesFor('fr').errors.notFoundTitle).not.toBe(messagesFor('nl').errors.notFoundTitle);
    expect(messagesFor('en').auth.signin.title).toBe('Sign in');
  });
});

describe('dates', () => {
  it('are dd/mm/jjjj in Brussels time', () => {
    expect(formatDate(Date.UTC(2026, 0, 5, 12))).toBe('05/01/2026');
    // 23:30 UTC on 31 Dec is already 1 January in Brussels.
    expect(formatDate(Date.UTC(2025, 11, 31, 23, 30))).toBe('01/01/2026');
    expect(formatDateTime(Date.UTC(2026, 6, 1, 12, 32))).toBe('01/07/2026 14:32');
    expect(formatIsoDate('2026-11-22')).toBe('22/11/2026');
  });
});

describe('plurals follow each language’s rules', () => {
  it('French reads 0 and 1 as singular, Dutch and English only 1', () => {
    expect(messagesFor('fr').overview.overview.remarksShow(0)).toBe('Afficher 0 remarque');
    expect(messagesFor('fr').overview.overview.remarksShow(1)).toBe('Afficher 1 remarque');
    expect(messagesFor('fr').overview.overview.remarksShow(2)).toBe('Afficher 2 remarques');
    expect(messagesFor('nl').overview.overview.remarksShow(0)).toBe('0 opmerkingen tonen');
    expect(messagesFor('nl').overview.overview.remarksShow(1)).toBe('1 opmerking tonen');
    expect(messagesFor('en').overview.overview.remarksShow(0)).toBe('Show 0 remarks');
    expect(messagesFor('fr').households.caseload.found(0)).toBe('0 ménage trouvé');
    expect(messagesFor('nl').households.caseload.found(1)).toBe('1 huishouden gevonden');
  });
  it('languages with more forms get them (Polish, Arabic), falling back to "other"', () => {
    const pl = plurals('pl');
    const forms = { one: 'plik', few: 'pliki', many: 'plików', other: 'pliku' };
    expect([1, 2, 5, 22, 25, 1.5].map((n) => pl(n, forms))).toEqual(['plik', 'pliki', 'plików', 'pliki', 'plików', 'pliku']);
    const ar = plurals('ar');
    expect([0, 1, 2, 3, 11, 100].map((n) => ar(n, { zero: 'z', one: 'o', two: 't', few: 'f', many: 'm', other: 'x' }))).toEqual(['z', 'o', 't', 'f', 'm', 'x']);
    expect(ar(2, { one: 'o', other: 'x' })).toBe('x');
  });
});
