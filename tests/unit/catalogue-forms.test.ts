import { describe, expect, it } from 'vitest';
import { HTTPException } from 'hono/http-exception';
import {
  IMPORT_MAX_BYTES,
  TEXT_FIELDS,
  parseActivation,
  parseDirection,
  parseDomain,
  parseNewTheme,
  parsePublication,
  parseThemeNames,
  readDomainForm,
  readImportFile,
  readThemeForm,
  requireRevision,
  type CatalogueError,
  type CatalogueErrors,
} from '../../src/catalogue/forms.js';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue.js';
import { sayAll } from '../../src/http/form-errors.js';
import { messagesFor } from '../../src/i18n/index.js';
import { expectEveryKeyReached, expectWordsInEachLanguage } from '../support/error-codes.js';

// The catalogue's forms answer error codes (keys of catalogue.errors); the words come from the
// user's language only when a view says them.

const reached: CatalogueError[] = [];
function codes<T extends { ok: true } | { ok: false; errors: CatalogueErrors } | { ok: false; error: CatalogueError }>(r: T): T {
  if (!r.ok) reached.push(...('error' in r ? [r.error] : (Object.values(r.errors).filter(Boolean) as CatalogueError[])));
  return r;
}

/** A domain form with every text filled in. */
function domainFields(over: Record<string, string | string[]> = {}) {
  return { ...Object.fromEntries(TEXT_FIELDS.map((f) => [f.name, `${f.name} tekst`])), podMiAreas: ['gezondheid'], ...over };
}

const file = (content: string, name = 'catalogus.json') => new File([content], name, { type: 'application/json' });

describe('catalogue forms answer codes', () => {
  it('a domain: every text required and within its limit, at least one known area', () => {
    const r = codes(parseDomain(readDomainForm(domainFields({ name_fr: ' ', anchor3_en: 'x'.repeat(401), podMiAreas: [] }))));
    expect(r).toEqual({ ok: false, errors: { name_fr: 'required', anchor3_en: ['tooLong', 400], podMiAreas: 'areasRequired' } });
    expect(codes(parseDomain(readDomainForm(domainFields({ podMiAreas: ['gezondheid', 'maan'] }))))).toEqual({
      ok: false,
      errors: { podMiAreas: 'areasRequired' },
    });
  });

  it('a domain that is fine: trimmed texts per language, areas in the inspection’s order', () => {
    const r = parseDomain(readDomainForm(domainFields({ name_nl: ' Wonen ', allowNotApplicable: '1', podMiAreas: ['mobiliteit', 'gezinssituatie'] })));
    expect(r.ok && r.values).toMatchObject({
      name: { nl: 'Wonen', fr: 'name_fr tekst', en: 'name_en tekst' },
      allowNotApplicable: true,
      sensitive: false,
      podMiAreas: ['gezinssituatie', 'mobiliteit'],
    });
    expect(r.ok && r.values.anchors[4]).toEqual({ nl: 'anchor5_nl tekst', fr: 'anchor5_fr tekst', en: 'anchor5_en tekst' });
  });

  it('a theme: a level of three, a name in each language', () => {
    expect(codes(parseNewTheme(readThemeForm({ level: 'buurt', name_nl: 'Wonen', name_fr: '', name_en: 'x'.repeat(101) })))).toEqual({
      ok: false,
      errors: { level: 'required', name_fr: 'required', name_en: ['tooLong', 100] },
    });
    expect(parseNewTheme({ level: 'kind', name_nl: 'Kind', name_fr: 'Enfant', name_en: ' Child ' })).toEqual({
      ok: true,
      level: 'kind',
      name: { nl: 'Kind', fr: 'Enfant', en: 'Child' },
    });
    expect(parseThemeNames({ name_nl: 'A', name_fr: 'B', name_en: 'C' })).toEqual({ ok: true, name: { nl: 'A', fr: 'B', en: 'C' } });
  });

  it('publishing: a note of at most 1000 characters; the revision must be there', () => {
    expect(codes(parsePublication({ revision: '3', note: 'x'.repeat(1001) }))).toEqual({
      ok: false,
      revision: 3,
      note: 'x'.repeat(1001),
      errors: { note: ['tooLong', 1000] },
    });
    expect(parsePublication({ revision: '3', note: ' Nieuw domein ', confirm_uncovered: '1' })).toEqual({
      ok: true,
      revision: 3,
      note: 'Nieuw domein',
      confirmUncovered: true,
    });
    expect(() => requireRevision({ note: '' })).toThrow(HTTPException);
  });

  it('the draft’s switch and arrows take only their own values', () => {
    expect([parseActivation({ active: '1' }), parseActivation({ active: '0' }), parseActivation({ active: 'yes' })]).toEqual([true, false, null]);
    expect([parseDirection({ direction: 'up' }), parseDirection({ direction: 'down' }), parseDirection({})]).toEqual(['up', 'down', null]);
  });

  it('a catalogue file: there, not empty, not too large, JSON, a catalogue', async () => {
    expect(codes(await readImportFile(null))).toEqual({ ok: false, error: 'noFile', status: 422 });
    expect(codes(await readImportFile(file('', '')))).toEqual({ ok: false, error: 'noFile', status: 422 });
    expect(codes(await readImportFile(file('')))).toEqual({ ok: false, error: 'fileEmpty', status: 422 });
    expect(codes(await readImportFile(file('\uFEFF  \n')))).toEqual({ ok: false, error: 'fileEmpty', status: 422 });
    expect(codes(await readImportFile(file(' '.repeat(IMPORT_MAX_BYTES + 1))))).toEqual({ ok: false, error: 'fileTooLarge', status: 413 });
    expect(codes(await readImportFile(file('{"themes": [')))).toEqual({ ok: false, error: 'notJson', status: 422 });
    const refused = codes(await readImportFile(file('{"formatVersion": 1}')));
    expect(refused).toMatchObject({ ok: false, error: 'fileRefused', status: 422, refused: { raw: { formatVersion: 1 } } });
    expect(!refused.ok && refused.refused?.issues.length).toBeGreaterThan(0);
    const ok = await readImportFile(file('\uFEFF' + JSON.stringify(defaultCatalogue)));
    expect(ok.ok && ok.catalogue.themes.length).toBe(defaultCatalogue.themes.length);
  });

  // Answered by the route (the draft in the database decides), with the same texts: tests/integration/catalogue.test.ts.
  const ROUTE_ONLY = ['stale', 'confirmUncovered'] as const;

  it('every code is reached, and has words in each language', () => {
    expectEveryKeyReached(messagesFor('nl').catalogue.errors, reached, ROUTE_ONLY);
    expectWordsInEachLanguage((t) => t.catalogue.errors, [...reached, 'stale', ['confirmUncovered', ['gezondheid', 'mobiliteit']]]);
  });

  it('areas left uncovered are named in the user’s language', () => {
    const code = { confirm_uncovered: ['confirmUncovered', ['gezondheid', 'mobiliteit']] as const };
    expect(sayAll(messagesFor('nl').catalogue.errors, code).confirm_uncovered).toContain('Gezondheid, Mobiliteit niet');
    expect(sayAll(messagesFor('fr').catalogue.errors, code).confirm_uncovered).toContain('Santé, Mobilité');
  });
});
