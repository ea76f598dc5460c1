import { defaultCatalogue } from '../../catalogue/default-catalogue.js';
import { clientLanguage, isShipped, type ShippedLanguage } from '../languages.js';
import { domainContext, themeContext, wordContext, type TextEntry } from '../text-logic.js';
import { clientWordsNl, type ClientWordKey, type ClientWords, type PluralText } from '../words/nl.js';
import { clientWordsAr } from '../words/ar.js';
import { clientWordsEn } from '../words/en.js';
import { clientWordsFr } from '../words/fr.js';
import { clientWordsPl } from '../words/pl.js';
import { clientWordsRo } from '../words/ro.js';
import { clientWordsTr } from '../words/tr.js';
import { clientWordsUk } from '../words/uk.js';
import { catalogueAr } from './catalogue-ar.js';
import { cataloguePl } from './catalogue-pl.js';
import { catalogueRo } from './catalogue-ro.js';
import { catalogueTr } from './catalogue-tr.js';
import { catalogueUk } from './catalogue-uk.js';
import type { ShippedCatalogueTexts, ShippedPack } from './types.js';

// The client texts that ship with the product, as entries of the same kind an organisation imports
// (src/client-voice/text-logic.ts), each made for the Dutch of the default catalogue and of the
// client view's words. All are drafts: written for this project in plain language, not reviewed by
// a certified translator (docs/decisions/028-client-texts-as-data.md). They are not shown to any
// client until an administrator switches the language on for clients.

/** English and French come from the default catalogue's own texts (the worker's catalogue languages). */
function fromDefaultCatalogue(lang: 'en' | 'fr'): ShippedCatalogueTexts {
  const out: ShippedCatalogueTexts = { themes: {}, domains: {} };
  for (const theme of defaultCatalogue.themes) {
    out.themes[theme.key] = theme.name[lang];
    for (const d of theme.domains) {
      out.domains[d.key] = {
        name: d.name[lang],
        question: d.question[lang],
        anchors: d.anchors.map((a) => a[lang]) as ShippedCatalogueTexts['domains'][string]['anchors'],
      };
    }
  }
  return out;
}

const PACKS: Record<ShippedLanguage, () => ShippedPack> = {
  ar: () => ({ catalogue: catalogueAr, words: clientWordsAr }),
  tr: () => ({ catalogue: catalogueTr, words: clientWordsTr }),
  ro: () => ({ catalogue: catalogueRo, words: clientWordsRo }),
  uk: () => ({ catalogue: catalogueUk, words: clientWordsUk }),
  pl: () => ({ catalogue: cataloguePl, words: clientWordsPl }),
  en: () => ({ catalogue: fromDefaultCatalogue('en'), words: clientWordsEn }),
  fr: () => ({ catalogue: fromDefaultCatalogue('fr'), words: clientWordsFr }),
};

export function shippedPack(lang: ShippedLanguage): ShippedPack {
  return PACKS[lang]();
}

/** The plural forms of a shipped word in the language's gettext order (every category it needs). */
function wordForms(lang: ShippedLanguage, value: string | PluralText): string[] {
  if (typeof value === 'string') return [value];
  const language = clientLanguage(lang)!;
  return language.pluralCategories.map((category) => value[category] ?? value.other);
}

const cache = new Map<string, TextEntry[]>();

/** The shipped entries of a language (none for a language that ships no texts). */
export function shippedEntries(lang: string): TextEntry[] {
  if (!isShipped(lang)) return [];
  const hit = cache.get(lang);
  if (hit) return hit;
  const pack = shippedPack(lang);
  const entries: TextEntry[] = [];
  const add = (context: string, source: string, forms: string[]) => entries.push({ context, source, forms, status: 'draft', origin: 'shipped' });
  for (const theme of defaultCatalogue.themes) {
    const name = pack.catalogue.themes[theme.key];
    if (name) add(themeContext(theme.key), theme.name.nl, [name]);
    for (const d of theme.domains) {
      const texts = pack.catalogue.domains[d.key];
      if (!texts) continue;
      add(domainContext(d.key, 'name'), d.name.nl, [texts.name]);
      add(domainContext(d.key, 'question'), d.question.nl, [texts.question]);
      d.anchors.forEach((a, i) => add(domainContext(d.key, `anchor${i + 1}`), a.nl, [texts.anchors[i]!]));
    }
  }
  for (const key of Object.keys(clientWordsNl) as ClientWordKey[]) {
    const nl = clientWordsNl[key] as string | PluralText;
    const source = typeof nl === 'string' ? nl : (nl.one ?? nl.other);
    add(wordContext(key), source, wordForms(lang, (pack.words as ClientWords)[key] as string | PluralText));
  }
  cache.set(lang, entries);
  return entries;
}
