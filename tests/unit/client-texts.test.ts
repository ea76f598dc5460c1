import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue.js';
import { clientLanguage, SHIPPED_LANGUAGES } from '../../src/client-voice/languages.js';
import { exportPo, parsePoImport } from '../../src/client-voice/po.js';
import { shippedEntries, shippedPack } from '../../src/client-voice/shipped/index.js';
import { catalogueSources, ClientCopy, coverage, domainContext, mergeEntries, placeholdersOf, wordSources } from '../../src/client-voice/text-logic.js';
import { clientWordsNl, type PluralText } from '../../src/client-voice/words/nl.js';

const sources = [...catalogueSources(defaultCatalogue), ...wordSources()];
const lang = (code: string) => clientLanguage(code)!;

describe('the shipped client texts', () => {
  for (const code of SHIPPED_LANGUAGES) {
    it(`${code}: a text for every theme, domain, question, level and word of the client view, all drafts`, () => {
      const entries = mergeEntries(shippedEntries(code), []);
      const c = coverage(sources, entries);
      expect(c).toEqual({ total: sources.length, translated: sources.length, reviewed: 0, draft: sources.length, outdated: 0 });
      const pack = shippedPack(code);
      for (const theme of defaultCatalogue.themes) {
        for (const d of theme.domains) {
          const t = pack.catalogue.domains[d.key]!;
          // Not the Dutch copied over: every text is this language's own (English keeps "itsme" etc.).
          expect(
            t.anchors.filter((a, i) => a === d.anchors[i]!.nl),
            `${code} ${d.key}`,
          ).toEqual([]);
          expect(t.question).not.toBe(d.question.nl);
        }
      }
    });

    it(`${code}: every word keeps its placeholders, and counted words have every plural form the language needs`, () => {
      const words = shippedPack(code).words as Record<string, string | PluralText>;
      for (const [key, nl] of Object.entries(clientWordsNl) as [string, string | PluralText][]) {
        const mine = words[key]!;
        if (typeof nl === 'string') {
          expect(typeof mine, key).toBe('string');
          expect(placeholdersOf(mine as string), `${code}.${key}`).toEqual(placeholdersOf(nl));
        } else {
          for (const category of lang(code).pluralCategories) expect((mine as PluralText)[category], `${code}.${key}.${category}`).toBeTruthy();
        }
      }
    });

    it(`${code}: survives the trip through a PO file (export, then import) unchanged, as drafts`, () => {
      const entries = mergeEntries(shippedEntries(code), []);
      const file = exportPo({ language: lang(code), sources, entries, now: Date.UTC(2026, 11, 7) });
      const back = parsePoImport(lang(code), file, sources);
      if (!back.ok) throw new Error(JSON.stringify(back.problems.slice(0, 3)));
      expect(back.texts).toHaveLength(sources.length);
      for (const t of back.texts) {
        expect(t.status).toBe('draft');
        expect(t.forms).toEqual(entries.get(t.context)!.forms);
      }
    });
  }
});

describe('ClientCopy: what a client reads', () => {
  const ar = new ClientCopy(lang('ar'), mergeEntries(shippedEntries('ar'), []));
  const verblijf = defaultCatalogue.themes[0]!.domains[0]!;

  it('gives the translation made for exactly this Dutch text', () => {
    expect(ar.text(domainContext('verblijfplaats', 'question'), verblijf.question.nl)).toEqual({ text: 'هل لديك مكان ثابت للسكن؟', translated: true });
  });

  it('gives the Dutch, marked untranslated, when the organisation changed the Dutch since', () => {
    expect(ar.text(domainContext('verblijfplaats', 'question'), 'Waar woon je nu?')).toEqual({ text: 'Waar woon je nu?', translated: false });
  });

  it('chooses the plural form by the language’s own rules', () => {
    expect(ar.count('answered', 0)).toBe('لم تتم الإجابة عن أي سؤال.');
    expect(ar.count('answered', 2)).toBe('تمت الإجابة عن سؤالين.');
    expect(ar.count('answered', 3)).toBe('تمت الإجابة عن 3 أسئلة.');
    expect(ar.count('answered', 11)).toBe('تمت الإجابة عن 11 سؤالًا.');
    const pl = new ClientCopy(lang('pl'), mergeEntries(shippedEntries('pl'), []));
    expect([1, 2, 5, 22, 25].map((n) => pl.count('skipped', n))).toEqual([
      '1 pominięte pytanie.',
      '2 pominięte pytania.',
      '5 pominiętych pytań.',
      '22 pominięte pytania.',
      '25 pominiętych pytań.',
    ]);
  });

  it('an organisation’s own text wins over the shipped draft', () => {
    const own = new ClientCopy(
      lang('ar'),
      mergeEntries(shippedEntries('ar'), [
        { context: 'ui:next', source: clientWordsNl.next, forms: ['الخطوة التالية'], status: 'reviewed', origin: 'organisation' },
      ]),
    );
    expect(own.w('next')).toBe('الخطوة التالية');
  });
});

describe('PO import refuses a bad file whole', () => {
  const uk = lang('uk');
  const good = exportPo({ language: uk, sources, entries: mergeEntries(shippedEntries('uk'), []), now: 0 });

  it('accepts the exported file', () => {
    expect(parsePoImport(uk, good, sources).ok).toBe(true);
  });

  const cases: [string, string, string][] = [
    ['not a PO file', '{"verblijfplaats": "x"}\nmsgid "a"\nmsgid "b"', 'unreadable'],
    ['another language', good.replace('Language: uk', 'Language: pl'), 'wrongLanguage'],
    ['another number of plural forms', good.replace(/nplurals=3;[^\\]*/, 'nplurals=2; plural=(n != 1);'), 'wrongPluralForms'],
    ['a text that does not exist', good + '\nmsgctxt "domain:bestaat-niet:name"\nmsgid "X"\nmsgstr "Y"\n', 'unknownText'],
    ['a translation of another Dutch text', good.replace('msgid "Heb je een vaste plek om te wonen?"', 'msgid "Heb je een huis?"'), 'sourceChanged'],
    ['a placeholder lost', good.replace('Не більше {max} символів.', 'Не більше п’ятисот символів.'), 'placeholders'],
    ['a control character', good.replace('Оберіть мову', 'Оберіть\u0007мову'), 'controlCharacters'],
  ];
  for (const [what, file, code] of cases) {
    it(`${what}: ${code}`, () => {
      const r = parsePoImport(uk, file, sources);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.map((p) => p.code)).toContain(code);
    });
  }

  it('a file with no translation at all is refused as empty', () => {
    const empty = exportPo({ language: uk, sources, entries: new Map(), now: 0 });
    const r = parsePoImport(uk, empty, sources);
    expect(r).toEqual({ ok: false, problems: [{ code: 'nothing' }] });
  });

  it('a translator’s review (the fuzzy flag removed) becomes "reviewed"; what stays fuzzy stays a draft', () => {
    const reviewed = good.replace(/#, fuzzy\nmsgctxt "domain:verblijfplaats:question"/, 'msgctxt "domain:verblijfplaats:question"');
    const r = parsePoImport(uk, reviewed, sources);
    if (!r.ok) throw new Error('refused');
    expect(r.texts.find((t) => t.context === 'domain:verblijfplaats:question')!.status).toBe('reviewed');
    expect(r.texts.find((t) => t.context === 'domain:verblijfplaats:name')!.status).toBe('draft');
  });
});

describe('what the shipped texts need', () => {
  it('every shipped client text can be drawn by the fonts embedded in the client’s PDF copies', async () => {
    const { pdfCanDraw } = await import('../../src/client-voice/pdf/client-copy.js');
    for (const code of SHIPPED_LANGUAGES) expect(pdfCanDraw(shippedEntries(code).flatMap((e) => e.forms)), code).toBe(true);
    // and a script they do not have (Tigrinya) is caught, so such a language stays on screen
    expect(pdfCanDraw(['ሰላም'])).toBe(false);
  });

  it('every pictogram in use exists in the icon set', async () => {
    const { hasIcon, iconNamesInUse } = await import('../../src/client-voice/icons.js');
    expect(iconNamesInUse().filter((n) => !hasIcon(n))).toEqual([]);
  });
});
