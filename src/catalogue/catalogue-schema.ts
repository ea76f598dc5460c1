import { z } from 'zod';
import { POD_MI_AREAS, type CatalogueData, type Level } from './default-catalogue.js';
import { isLocale } from '../i18n/locale.js';

/**
 * The one schema of the catalogue file format (CatalogueData, format version 1). It checks an
 * imported file, every published version before it is stored, and the default catalogue in its
 * unit test. Its messages are codes, not texts: describeIssues() turns each issue into a sentence
 * in the user's language that names the exact place ("domein 'schulden', niveau 3: tekst ontbreekt (fr)").
 */

export const LEVELS: readonly Level[] = ['huishouden', 'volwassene', 'kind'];
export const KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const KEY_MAX = 60;
export const TEXT_LIMITS = { themeName: 100, name: 100, question: 300, anchor: 400 } as const;
export const ANCHOR_COUNT = 5;

export const ISSUE = {
  textMissing: 'text_missing',
  textTooLong: 'text_too_long',
  anchorsCount: 'anchors_count',
  keyInvalid: 'key_invalid',
  keyDuplicate: 'key_duplicate',
  levelUnknown: 'level_unknown',
  areaUnknown: 'area_unknown',
  areasEmpty: 'areas_empty',
  areaDuplicate: 'area_duplicate',
  themeEmpty: 'theme_empty',
  themesEmpty: 'themes_empty',
  notBoolean: 'not_boolean',
  notList: 'not_list',
  notObject: 'not_object',
  formatVersion: 'format_version',
} as const;

const text = (max: number) => z.string({ error: ISSUE.textMissing }).trim().min(1, { error: ISSUE.textMissing }).max(max, { error: ISSUE.textTooLong });

const localized = (max: number) => z.strictObject({ nl: text(max), fr: text(max), en: text(max) }, { error: ISSUE.notObject });

const key = z.string({ error: ISSUE.keyInvalid }).max(KEY_MAX, { error: ISSUE.keyInvalid }).regex(KEY_PATTERN, { error: ISSUE.keyInvalid });
const flag = z.boolean({ error: ISSUE.notBoolean });

const domainSchema = z.strictObject(
  {
    key,
    name: localized(TEXT_LIMITS.name),
    question: localized(TEXT_LIMITS.question),
    anchors: z.array(localized(TEXT_LIMITS.anchor), { error: ISSUE.notList }).length(ANCHOR_COUNT, { error: ISSUE.anchorsCount }),
    allowNotApplicable: flag,
    defaultOn: flag,
    podMiAreas: z
      .array(z.enum(POD_MI_AREAS, { error: ISSUE.areaUnknown }), { error: ISSUE.notList })
      .min(1, { error: ISSUE.areasEmpty })
      .refine((areas) => new Set(areas).size === areas.length, { error: ISSUE.areaDuplicate }),
    sensitive: flag,
  },
  { error: ISSUE.notObject },
);

const themeSchema = z.strictObject(
  {
    key,
    level: z.enum(LEVELS as [Level, ...Level[]], { error: ISSUE.levelUnknown }),
    name: localized(TEXT_LIMITS.themeName),
    domains: z.array(domainSchema, { error: ISSUE.notList }).min(1, { error: ISSUE.themeEmpty }),
  },
  { error: ISSUE.notObject },
);

export const catalogueSchema = z
  .strictObject(
    {
      formatVersion: z.literal(1, { error: ISSUE.formatVersion }),
      themes: z.array(themeSchema, { error: ISSUE.notList }).min(1, { error: ISSUE.themesEmpty }),
    },
    { error: ISSUE.notObject },
  )
  // Runs even when a nested field failed, so one upload reports every problem at once; the
  // value may then be partly malformed, hence the defensive walk.
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    const check = (k: unknown, path: (string | number)[]) => {
      if (typeof k !== 'string') return;
      if (seen.has(k)) ctx.addIssue({ code: 'custom', message: ISSUE.keyDuplicate, path });
      seen.add(k);
    };
    const themes: unknown[] = Array.isArray(value?.themes) ? value.themes : [];
    themes.forEach((theme, i) => {
      if (!isRecord(theme)) return;
      check(theme.key, ['themes', i, 'key']);
      const domains: unknown[] = Array.isArray(theme.domains) ? theme.domains : [];
      domains.forEach((domain, j) => {
        if (isRecord(domain)) check(domain.key, ['themes', i, 'domains', j, 'key']);
      });
    });
  });

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export type CatalogueIssue = z.ZodError['issues'][number];
type Issue = CatalogueIssue;

export type ParseResult = { ok: true; data: CatalogueData } | { ok: false; issues: Issue[] };

/** Validates (and trims) a catalogue; the result is a CatalogueData ready to store. */
export function parseCatalogue(raw: unknown): ParseResult {
  const parsed = catalogueSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues };
  // The schema checked that there are exactly five anchors; the tuple type cannot be inferred.
  return { ok: true, data: parsed.data as CatalogueData };
}

/** The words describeIssues() needs, in one language (see src/catalogue/messages/nl.ts). */
export interface IssueTexts {
  file: string;
  theme: (key: string) => string;
  themeAt: (n: number) => string;
  domain: (key: string) => string;
  domainAt: (n: number) => string;
  anchor: (n: number) => string;
  fields: Record<NamedField, string>;
  textMissing: (lang: string) => string;
  textTooLong: (lang: string, max: number) => string;
  anchorsCount: (count: number) => string;
  keyMissing: string;
  keyInvalid: (value: string) => string;
  keyDuplicate: (value: string) => string;
  levelUnknown: (value: string) => string;
  areaUnknown: (value: string) => string;
  areasEmpty: string;
  areaDuplicate: string;
  themeEmpty: string;
  themesEmpty: string;
  notBoolean: string;
  notList: string;
  notObject: string;
  formatVersion: string;
  unknownField: (name: string) => string;
  invalid: string;
}

/** One sentence per issue that points at the exact place, e.g. "domein 'schulden', niveau 3: tekst ontbreekt (fr)". */
export function describeIssues(issues: readonly Issue[], raw: unknown, w: IssueTexts): string[] {
  return issues.flatMap((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const where = locate(path, raw, w);
    const value = at(raw, path);
    const last = path[path.length - 1];
    const lang = isLocale(last) ? last : '';
    if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => `${where}: ${w.unknownField(k)}`);
    let problem: string;
    switch (issue.message) {
      case ISSUE.textMissing:
        problem = w.textMissing(lang || '?');
        break;
      case ISSUE.textTooLong:
        problem = w.textTooLong(lang || '?', maxOf(path));
        break;
      case ISSUE.anchorsCount:
        problem = w.anchorsCount(Array.isArray(value) ? value.length : 0);
        break;
      case ISSUE.keyInvalid:
        problem = value === undefined ? w.keyMissing : w.keyInvalid(show(value));
        break;
      case ISSUE.keyDuplicate:
        problem = w.keyDuplicate(show(value));
        break;
      case ISSUE.levelUnknown:
        problem = w.levelUnknown(show(value));
        break;
      case ISSUE.areaUnknown:
        problem = w.areaUnknown(show(value));
        break;
      case ISSUE.areasEmpty:
        problem = w.areasEmpty;
        break;
      case ISSUE.areaDuplicate:
        problem = w.areaDuplicate;
        break;
      case ISSUE.themeEmpty:
        problem = w.themeEmpty;
        break;
      case ISSUE.themesEmpty:
        problem = w.themesEmpty;
        break;
      case ISSUE.notBoolean:
        problem = w.notBoolean;
        break;
      case ISSUE.notList:
        problem = w.notList;
        break;
      case ISSUE.notObject:
        problem = w.notObject;
        break;
      case ISSUE.formatVersion:
        problem = w.formatVersion;
        break;
      default:
        problem = w.invalid;
    }
    return [`${where}: ${problem}`];
  });
}

function maxOf(path: (string | number)[]): number {
  if (path.includes('anchors')) return TEXT_LIMITS.anchor;
  if (path.includes('question')) return TEXT_LIMITS.question;
  if (path.includes('domains')) return TEXT_LIMITS.name;
  return TEXT_LIMITS.themeName;
}

function show(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? value.slice(0, 40) + '…' : value;
  if (value === undefined) return '';
  try {
    return JSON.stringify(value).slice(0, 40);
  } catch {
    return String(value);
  }
}

function at(raw: unknown, path: (string | number)[]): unknown {
  let cur: unknown = raw;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

type NamedField = 'name' | 'question' | 'podMiAreas' | 'allowNotApplicable' | 'defaultOn' | 'sensitive';
const NAMED_FIELDS = new Set<string>(['name', 'question', 'podMiAreas', 'allowNotApplicable', 'defaultOn', 'sensitive']);

/** "domein 'schulden', niveau 3" — the domain if there is one (else the theme), then the field. */
function locate(path: (string | number)[], raw: unknown, w: IssueTexts): string {
  const parts: string[] = [];
  let i = 0;
  if (path[0] === 'themes' && typeof path[1] === 'number') {
    const themeIndex = path[1];
    if (path[2] === 'domains' && typeof path[3] === 'number') {
      const k = at(raw, ['themes', themeIndex, 'domains', path[3], 'key']);
      parts.push(typeof k === 'string' && k ? w.domain(k) : w.domainAt(path[3] + 1));
      i = 4;
    } else {
      const k = at(raw, ['themes', themeIndex, 'key']);
      parts.push(typeof k === 'string' && k ? w.theme(k) : w.themeAt(themeIndex + 1));
      i = 2;
    }
  }
  const rest = path.slice(i);
  if (rest[0] === 'anchors' && typeof rest[1] === 'number') parts.push(w.anchor(rest[1] + 1));
  // key, level, anchors (the count), domains and themes: the problem sentence already names them.
  else if (typeof rest[0] === 'string' && NAMED_FIELDS.has(rest[0])) parts.push(w.fields[rest[0] as NamedField]);
  return parts.length ? parts.join(', ') : w.file;
}
