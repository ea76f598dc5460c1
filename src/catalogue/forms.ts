import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { field, type FormFields } from '../http/form.js';
import { codeOf, failsWith, hasErrors, parseFields, type ErrorCode, type ErrorCodes } from '../http/form-errors.js';
import { LOCALES } from '../i18n/locale.js';
import { LEVELS, TEXT_LIMITS, parseCatalogue, type CatalogueIssue } from './catalogue-schema.js';
import { POD_MI_AREAS, type CatalogueData, type Level, type Localized } from './default-catalogue.js';
import type { DomainValues } from './logic.js';
import type { CatalogueMessages } from './messages/nl.js';

// The catalogue's forms (a domain, a theme, the publication, the upload of a catalogue file, the
// draft's switches and arrows). One zod schema per field; they answer error CODES (keys of
// `catalogue.errors`), which the views say in the user's language. A refusal only the database
// can see (a stale draft, areas left uncovered) is a code of the same texts, answered by the route.
// A catalogue file's own problems are described by catalogue-schema.ts (describeIssues).

type Texts = CatalogueMessages['errors'];
export type CatalogueError = ErrorCode<Texts>;
export type CatalogueErrors = ErrorCodes<Texts>;

const fails = (code: CatalogueError) => failsWith<Texts>(code);

function parseEach<S extends Record<string, z.ZodType>>(shape: S, input: { [K in keyof S]: unknown }) {
  return parseFields<Texts, S>(shape, input);
}

/** The longest note a publication may carry. */
export const NOTE_MAX = 1000;

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, fails('required'))
    .refine((s) => s.length <= max, fails(['tooLong', max])); // a refine: zod's .max() drops the values a code carries

/**
 * The revision the form was loaded with. Every draft form carries it; a form without one was not
 * made by this application, so it is a 400 rather than a guess.
 */
export function requireRevision(fields: FormFields): number {
  const raw = field(fields, 'revision');
  if (!/^[0-9]{1,15}$/.test(raw)) throw new HTTPException(400, { message: 'missing revision' });
  return Number(raw);
}

function list(fields: FormFields, key: string): string[] {
  const v = fields[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

const localizedFrom = (texts: Record<string, string | undefined>, prefix: string): Localized => ({
  nl: texts[`${prefix}_nl`] ?? '',
  fr: texts[`${prefix}_fr`] ?? '',
  en: texts[`${prefix}_en`] ?? '',
});

// ---------------------------------------------------------------- a domain

/** Every text field of the domain form (name, question, five anchors, in each language) and its limit. */
export const TEXT_FIELDS: readonly { name: string; max: number }[] = LOCALES.flatMap((l) => [
  { name: `name_${l}`, max: TEXT_LIMITS.name },
  { name: `question_${l}`, max: TEXT_LIMITS.question },
  ...[1, 2, 3, 4, 5].map((n) => ({ name: `anchor${n}_${l}`, max: TEXT_LIMITS.anchor })),
]);

/** The domain form's values as typed, keyed by field name (name_nl, question_fr, anchor3_en, ...). */
export interface DomainFormValues {
  texts: Record<string, string>;
  allowNotApplicable: boolean;
  sensitive: boolean;
  podMiAreas: string[];
}

export function readDomainForm(fields: FormFields): DomainFormValues {
  return {
    texts: Object.fromEntries(TEXT_FIELDS.map((f) => [f.name, field(fields, f.name)])),
    allowNotApplicable: field(fields, 'allowNotApplicable') === '1',
    sensitive: field(fields, 'sensitive') === '1',
    podMiAreas: list(fields, 'podMiAreas'),
  };
}

/** A stored domain as the form shows it. */
export function domainFormValues(d: DomainValues): DomainFormValues {
  const texts: Record<string, string> = {};
  for (const l of LOCALES) {
    texts[`name_${l}`] = d.name[l];
    texts[`question_${l}`] = d.question[l];
    d.anchors.forEach((a, i) => {
      texts[`anchor${i + 1}_${l}`] = a[l];
    });
  }
  return { texts, allowNotApplicable: d.allowNotApplicable, sensitive: d.sensitive, podMiAreas: [...d.podMiAreas] };
}

const areas = z.array(z.enum(POD_MI_AREAS, fails('areasRequired'))).min(1, fails('areasRequired'));

export type DomainParse = { ok: true; values: DomainValues } | { ok: false; errors: CatalogueErrors };

/** Every text required and within its limit, at least one POD MI area (only known ones). */
export function parseDomain(form: DomainFormValues): DomainParse {
  const shape = { ...Object.fromEntries(TEXT_FIELDS.map((f) => [f.name, text(f.max)])), podMiAreas: areas };
  const { data, errors } = parseEach(shape, { ...form.texts, podMiAreas: form.podMiAreas });
  if (hasErrors(errors)) return { ok: false, errors };
  const texts = data as Record<string, string>;
  return {
    ok: true,
    values: {
      name: localizedFrom(texts, 'name'),
      question: localizedFrom(texts, 'question'),
      anchors: [1, 2, 3, 4, 5].map((n) => localizedFrom(texts, `anchor${n}`)) as DomainValues['anchors'],
      allowNotApplicable: form.allowNotApplicable,
      sensitive: form.sensitive,
      // Stored in the inspection's order, whatever order the browser sent.
      podMiAreas: POD_MI_AREAS.filter((a) => data.podMiAreas!.includes(a)),
    },
  };
}

// ---------------------------------------------------------------- a theme

const THEME_NAMES = LOCALES.map((l) => `name_${l}`);

/** The theme form as typed: `level` (new themes only) and `name_<lang>`. */
export function readThemeForm(fields: FormFields): Record<string, string> {
  return Object.fromEntries(['level', ...THEME_NAMES].map((k) => [k, field(fields, k)]));
}

export type ThemeNamesParse = { ok: true; name: Localized } | { ok: false; errors: CatalogueErrors };

/** A theme's name in each language, each required and within its limit. */
export function parseThemeNames(values: Record<string, string>): ThemeNamesParse {
  const { data, errors } = parseEach(Object.fromEntries(THEME_NAMES.map((k) => [k, text(TEXT_LIMITS.themeName)])), values);
  return hasErrors(errors) ? { ok: false, errors } : { ok: true, name: localizedFrom(data as Record<string, string>, 'name') };
}

export type NewThemeParse = { ok: true; level: Level; name: Localized } | { ok: false; errors: CatalogueErrors };

/** A new theme: its level (household, adult or child) and its names. */
export function parseNewTheme(values: Record<string, string>): NewThemeParse {
  const level = z.enum(LEVELS as [Level, ...Level[]], fails('required')).safeParse(values.level);
  const names = parseThemeNames(values);
  const errors: CatalogueErrors = { ...(level.success ? {} : { level: codeOf<Texts>(level.error.issues[0]!) }), ...(names.ok ? {} : names.errors) };
  if (!level.success || !names.ok) return { ok: false, errors };
  return { ok: true, level: level.data, name: names.name };
}

// ---------------------------------------------------------------- the draft's switches and arrows

/** "Aan" or "uit" of a domain: anything else is not from our form (the route answers 400). */
export function parseActivation(fields: FormFields): boolean | null {
  const v = field(fields, 'active');
  return v === '1' ? true : v === '0' ? false : null;
}

/** Up or down: anything else is not from our form (the route answers 400). */
export function parseDirection(fields: FormFields): 'up' | 'down' | null {
  const v = field(fields, 'direction');
  return v === 'up' || v === 'down' ? v : null;
}

// ---------------------------------------------------------------- publishing

export type PublicationParse =
  { ok: true; revision: number; note: string; confirmUncovered: boolean } | { ok: false; revision: number; note: string; errors: CatalogueErrors };

/** The note (optional, at most NOTE_MAX characters) and the confirmation that areas go uncovered. */
export function parsePublication(fields: FormFields): PublicationParse {
  const revision = requireRevision(fields);
  const raw = field(fields, 'note');
  const note = z
    .string()
    .trim()
    .refine((s) => s.length <= NOTE_MAX, fails(['tooLong', NOTE_MAX]))
    .safeParse(raw);
  if (!note.success) return { ok: false, revision, note: raw, errors: { note: codeOf<Texts>(note.error.issues[0]!) } };
  return { ok: true, revision, note: note.data, confirmUncovered: field(fields, 'confirm_uncovered') === '1' };
}

// ---------------------------------------------------------------- a catalogue file

/** The largest catalogue file we accept (the default catalogue is about 110 kB). */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

export type ImportParse =
  | { ok: true; catalogue: CatalogueData }
  | { ok: false; error: CatalogueError; status: 413 | 422; refused?: { issues: readonly CatalogueIssue[]; raw: unknown } };

/**
 * The uploaded file (the form's `file` entry): there, not empty, at most IMPORT_MAX_BYTES, JSON
 * (a byte order mark is allowed), and a catalogue by catalogue-schema.ts. A refused catalogue
 * carries its issues for describeIssues to say where each problem is.
 */
export async function readImportFile(file: FormDataEntryValue | null): Promise<ImportParse> {
  if (file === null || typeof file === 'string' || (file.size === 0 && !file.name)) return { ok: false, error: 'noFile', status: 422 };
  if (file.size === 0) return { ok: false, error: 'fileEmpty', status: 422 };
  if (file.size > IMPORT_MAX_BYTES) return { ok: false, error: 'fileTooLarge', status: 413 };
  const content = (await file.text()).replace(/^\uFEFF/, '');
  if (!content.trim()) return { ok: false, error: 'fileEmpty', status: 422 };
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    return { ok: false, error: 'notJson', status: 422 };
  }
  const parsed = parseCatalogue(raw);
  if (!parsed.ok) return { ok: false, error: 'fileRefused', status: 422, refused: { issues: parsed.issues, raw } };
  return { ok: true, catalogue: parsed.data };
}
