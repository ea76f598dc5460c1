import { po, type GetTextTranslation, type GetTextTranslations } from 'gettext-parser';
import type { ClientLanguage } from './languages.js';
import type { ReviewStatus } from './tables.js';
import { placeholdersOf, type SourceText, type TextEntry } from './text-logic.js';

// The translator exchange: one language's client texts as a gettext PO file, read and written by
// gettext-parser (docs/decisions/028-client-texts-as-data.md), never by hand. Pure: the route
// gives the texts and gets a file, or gives a file and gets the texts to store or the problems.
//
// In the file: msgctxt is where a text is used ("domain:schulden:anchor2"), msgid the Dutch it is
// made from (msgid_plural the Dutch plural), msgstr the translation (msgstr[0..n-1] the plural
// forms in the order the header's Plural-Forms gives). A translation still to be reviewed carries
// gettext's "fuzzy" flag; a translator removes it when the text is right, which is what "reviewed"
// means here.

export const MAX_TEXT_LENGTH = 2000;

export function exportPo(input: { language: ClientLanguage; sources: readonly SourceText[]; entries: ReadonlyMap<string, TextEntry>; now: number }): string {
  const { language, sources, entries } = input;
  const n = language.pluralCategories.length;
  const translations: GetTextTranslations['translations'] = {};
  for (const s of sources) {
    const entry = entries.get(s.context);
    const current = entry && entry.source === s.source ? entry : undefined;
    const forms = s.sourcePlural ? Array.from({ length: n }, (_, i) => current?.forms[i] ?? '') : [current?.forms[0] ?? ''];
    const comments: NonNullable<GetTextTranslation['comments']> = {};
    if (s.note) comments.extracted = s.note;
    if (s.placeholders.length) comments.extracted = [comments.extracted, `Keep: ${s.placeholders.map((p) => `{${p}}`).join(' ')}`].filter(Boolean).join('\n');
    if (current && current.status === 'draft') comments.flag = 'fuzzy';
    if (entry && !current) comments.translator = `Earlier translation, of an older Dutch text:\n${entry.forms.join('\n')}`;
    const t: GetTextTranslation = { msgctxt: s.context, msgid: s.source, msgstr: forms, comments };
    if (s.sourcePlural) t.msgid_plural = s.sourcePlural;
    translations[s.context] = { [s.source]: t };
  }
  const table: GetTextTranslations = {
    charset: 'utf-8',
    headers: {
      'Project-Id-Version': 'Sociale Balans client texts',
      'PO-Revision-Date': new Date(input.now).toISOString().replace('T', ' ').slice(0, 16) + '+0000',
      Language: language.code,
      'MIME-Version': '1.0',
      'Content-Type': 'text/plain; charset=UTF-8',
      'Content-Transfer-Encoding': '8bit',
      'Plural-Forms': language.pluralForms,
    },
    translations,
  };
  return po.compile(table, { foldLength: 0 }).toString('utf8');
}

export type PoProblem =
  | { code: 'unreadable' }
  | { code: 'wrongLanguage'; found: string }
  | { code: 'wrongPluralForms'; expected: number; found: string }
  | { code: 'unknownText'; context: string }
  | { code: 'sourceChanged'; context: string }
  | { code: 'notPlural'; context: string }
  | { code: 'formCount'; context: string; expected: number; found: number }
  | { code: 'emptyForm'; context: string }
  | { code: 'placeholders'; context: string; expected: string[] }
  | { code: 'tooLong'; context: string; max: number }
  | { code: 'controlCharacters'; context: string }
  | { code: 'nothing' };

export interface ImportedText {
  context: string;
  source: string;
  forms: string[];
  status: ReviewStatus;
}

const sameTag = (a: string, b: string) => a.trim().replace(/_/g, '-').toLowerCase() === b.toLowerCase();
// Tabs and line breaks are text; any other control character is not (and would not print).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * Reads a translator's PO file for `language`, against the texts a client reads now (`sources`).
 * All or nothing: any problem refuses the whole file, so a bad file changes nothing.
 */
export function parsePoImport(
  language: ClientLanguage,
  text: string,
  sources: readonly SourceText[],
): { ok: true; texts: ImportedText[] } | { ok: false; problems: PoProblem[] } {
  // With validation the library refuses duplicates and plural forms that do not match the header;
  // when it does, a lenient read still tells whether the header itself is the problem.
  let parsed: GetTextTranslations;
  let strict = true;
  try {
    parsed = po.parse(text, { defaultCharset: 'utf-8', validation: true });
  } catch {
    strict = false;
    try {
      parsed = po.parse(text, { defaultCharset: 'utf-8' });
    } catch {
      return { ok: false, problems: [{ code: 'unreadable' }] };
    }
  }
  const problems: PoProblem[] = [];
  const headers = Object.fromEntries(Object.entries(parsed.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
  const found = headers['language'] ?? '';
  if (!sameTag(found, language.code)) problems.push({ code: 'wrongLanguage', found });
  const nplurals = /nplurals\s*=\s*(\d+)/.exec(headers['plural-forms'] ?? '')?.[1];
  const expected = language.pluralCategories.length;
  if (Number(nplurals) !== expected) problems.push({ code: 'wrongPluralForms', expected, found: headers['plural-forms'] ?? '' });
  if (problems.length) return { ok: false, problems };
  if (!strict) return { ok: false, problems: [{ code: 'unreadable' }] };

  const byContext = new Map(sources.map((s) => [s.context, s]));
  const texts: ImportedText[] = [];
  for (const [ctx, group] of Object.entries(parsed.translations ?? {})) {
    for (const t of Object.values(group)) {
      if (ctx === '' && t.msgid === '') continue; // the header
      const context = t.msgctxt ?? ctx;
      const source = byContext.get(context);
      if (!source) {
        problems.push({ code: 'unknownText', context: context.slice(0, 120) });
        continue;
      }
      if (t.msgid !== source.source || (t.msgid_plural ?? undefined) !== source.sourcePlural) {
        problems.push({ code: (t.msgid_plural !== undefined) !== (source.sourcePlural !== undefined) ? 'notPlural' : 'sourceChanged', context });
        continue;
      }
      const forms = t.msgstr ?? [];
      if (forms.every((f) => f === '')) continue; // not translated: leaves what is there
      const want = source.sourcePlural ? expected : 1;
      if (forms.length !== want) {
        problems.push({ code: 'formCount', context, expected: want, found: forms.length });
        continue;
      }
      if (forms.some((f) => f.trim() === '')) {
        problems.push({ code: 'emptyForm', context });
        continue;
      }
      if (forms.some((f) => [...f].length > MAX_TEXT_LENGTH)) {
        problems.push({ code: 'tooLong', context, max: MAX_TEXT_LENGTH });
        continue;
      }
      if (forms.some((f) => CONTROL.test(f))) {
        problems.push({ code: 'controlCharacters', context });
        continue;
      }
      // Every form keeps the source's placeholders, except that a form for exactly one thing may
      // spell the number out ("سؤال واحد") instead of {count}.
      const need = source.placeholders;
      const bad = forms.some((f, i) => {
        const have = placeholdersOf(f);
        const singularMayDropCount = source.sourcePlural !== undefined && ['zero', 'one', 'two'].includes(language.pluralCategories[i] ?? '');
        const required = singularMayDropCount ? need.filter((p) => p !== 'count') : need;
        return have.some((p) => !need.includes(p)) || required.some((p) => !have.includes(p));
      });
      if (bad) {
        problems.push({ code: 'placeholders', context, expected: need });
        continue;
      }
      const fuzzy = (t.comments?.flag ?? '').split(',').some((f) => f.trim() === 'fuzzy');
      texts.push({ context, source: source.source, forms: forms.map((f) => f.replace(/\r\n?/g, '\n')), status: fuzzy ? 'draft' : 'reviewed' });
    }
  }
  if (problems.length) return { ok: false, problems };
  if (!texts.length) return { ok: false, problems: [{ code: 'nothing' }] };
  return { ok: true, texts };
}
