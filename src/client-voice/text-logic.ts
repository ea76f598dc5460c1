import type { CatalogueData } from '../catalogue/default-catalogue.js';
import { DUTCH, pluralIndex, type ClientLanguage } from './languages.js';
import type { ReviewStatus } from './tables.js';
import { clientWordsNl, type ClientWordKey, type PluralText } from './words/nl.js';

// Client texts as data (pure: no database, no request). Every client-facing text has a context
// (msgctxt in a PO file) and a Dutch source (msgid): the catalogue's texts by domain or theme key
// ("domain:schulden:anchor2"), the client view's own words by key ("ui:next"). A translation
// counts only for the Dutch it was made for: when the organisation changes the Dutch, the old
// translation no longer matches and the client reads the Dutch, and is told so.

export const ANCHOR_COUNT = 5;

/** One text to translate: where it is used, the Dutch, and (plural texts) the Dutch plural. */
export interface SourceText {
  context: string;
  source: string;
  sourcePlural?: string | undefined;
  /** Placeholders the text carries ({count}), which a translation must keep. */
  placeholders: string[];
  /** A hint for the translator (a PO extracted comment): the English text, what the level means. */
  note?: string | undefined;
}

/** A translation as stored (an organisation's) or shipped (the product's drafts). */
export interface TextEntry {
  context: string;
  source: string;
  /** One text, or the plural forms in the language's gettext order. */
  forms: string[];
  status: ReviewStatus;
  origin: 'shipped' | 'organisation';
}

export const themeContext = (key: string) => `theme:${key}:name`;
export const domainContext = (key: string, part: 'name' | 'question' | `anchor${number}`) => `domain:${key}:${part}`;
export const wordContext = (key: ClientWordKey) => `ui:${key}`;

export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([a-z]+)\}/gi)].map((m) => m[1]!))].sort();
}

/** Every client text of a catalogue (themes and domains, switched on or not), in catalogue order. */
export function catalogueSources(catalogue: CatalogueData): SourceText[] {
  const out: SourceText[] = [];
  for (const theme of catalogue.themes) {
    out.push({ context: themeContext(theme.key), source: theme.name.nl, placeholders: [], note: `Theme. English: ${theme.name.en}` });
    for (const d of theme.domains) {
      out.push({ context: domainContext(d.key, 'name'), source: d.name.nl, placeholders: [], note: `Life domain. English: ${d.name.en}` });
      out.push({
        context: domainContext(d.key, 'question'),
        source: d.question.nl,
        placeholders: [],
        note: `Question to the client. English: ${d.question.en}`,
      });
      d.anchors.forEach((a, i) =>
        out.push({
          context: domainContext(d.key, `anchor${i + 1}`),
          source: a.nl,
          placeholders: [],
          note: `Level ${i + 1} of 5 (1 = acute problems, 5 = fully self-reliant). English: ${a.en}`,
        }),
      );
    }
  }
  return out;
}

/** The client view's own words, as texts to translate. */
export function wordSources(): SourceText[] {
  return (Object.keys(clientWordsNl) as ClientWordKey[]).map((key) => {
    const value = clientWordsNl[key] as string | PluralText;
    if (typeof value === 'string') return { context: wordContext(key), source: value, placeholders: placeholdersOf(value) };
    const one = value.one ?? value.other;
    return { context: wordContext(key), source: one, sourcePlural: value.other, placeholders: placeholdersOf(value.other) };
  });
}

function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{([a-z]+)\}/gi, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export interface CatalogueText {
  text: string;
  /** False: no translation for this Dutch text in this language, so `text` is the Dutch. */
  translated: boolean;
}

/**
 * The texts a client reads, in one language: the words of the client view and the catalogue's
 * texts, each the translation when there is one for exactly this Dutch, else the Dutch.
 */
export class ClientCopy {
  constructor(
    readonly language: ClientLanguage,
    private readonly entries: ReadonlyMap<string, TextEntry>,
  ) {}

  get isDutch(): boolean {
    return this.language.code === DUTCH.code;
  }

  /** A text of the client view, with {placeholders} filled in. */
  w(key: ClientWordKey, vars: Record<string, string | number> = {}): string {
    const value = clientWordsNl[key] as string | PluralText;
    const dutch = typeof value === 'string' ? value : value.other;
    const entry = this.entries.get(wordContext(key));
    const usable = !this.isDutch && entry && entry.source === (typeof value === 'string' ? value : (value.one ?? value.other)) && entry.forms[0];
    return fill(usable ? entry.forms[0]! : dutch, vars);
  }

  /** A text of the client view with a count: the plural form this language needs for `count`. */
  count(key: ClientWordKey, count: number, vars: Record<string, string | number> = {}): string {
    const value = clientWordsNl[key] as string | PluralText;
    if (typeof value === 'string') return this.w(key, { count, ...vars });
    const entry = this.entries.get(wordContext(key));
    const source = value.one ?? value.other;
    if (!this.isDutch && entry && entry.source === source) {
      const form = entry.forms[pluralIndex(this.language, count)];
      if (form) return fill(form, { count, ...vars });
    }
    const dutch = new Intl.PluralRules('nl').select(count) === 'one' ? source : value.other;
    return fill(dutch, { count, ...vars });
  }

  /** A catalogue text (`dutch` as the balance's catalogue version has it), translated if possible. */
  text(context: string, dutch: string): CatalogueText {
    if (this.isDutch) return { text: dutch, translated: true };
    const entry = this.entries.get(context);
    if (entry && entry.source === dutch && entry.forms[0]) return { text: entry.forms[0], translated: true };
    return { text: dutch, translated: false };
  }
}

/**
 * The shipped entries overlaid with the organisation's own (an imported translation wins over the
 * product's draft for the same context).
 */
export function mergeEntries(shipped: Iterable<TextEntry>, organisation: Iterable<TextEntry>): Map<string, TextEntry> {
  const out = new Map<string, TextEntry>();
  for (const e of shipped) out.set(e.context, e);
  for (const e of organisation) out.set(e.context, e);
  return out;
}

export interface LanguageCoverage {
  total: number;
  /** Translated for the current Dutch text. */
  translated: number;
  reviewed: number;
  draft: number;
  /** A translation exists, but for an older Dutch text. */
  outdated: number;
}

/** How far a language is, against the texts a client would read now. */
export function coverage(sources: readonly SourceText[], entries: ReadonlyMap<string, TextEntry>): LanguageCoverage {
  const c: LanguageCoverage = { total: sources.length, translated: 0, reviewed: 0, draft: 0, outdated: 0 };
  for (const s of sources) {
    const e = entries.get(s.context);
    if (!e || !e.forms.some(Boolean)) continue;
    if (e.source !== s.source) {
      c.outdated++;
      continue;
    }
    c.translated++;
    if (e.status === 'reviewed') c.reviewed++;
    else c.draft++;
  }
  return c;
}
