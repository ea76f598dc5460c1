import { z } from 'zod';
import { field, type FormFields } from '../http/form.js';
import { codeOf, failsWith, type ErrorCode, type ErrorCodes } from '../http/form-errors.js';
import { MAX_LINK_HOURS, parseLinkHours } from './logic.js';
import { clientLanguage, DUTCH, type ClientLanguage } from './languages.js';
import { GPMI_TEXT_MAX, sourceHash } from './gpmi-texts.js';
import type { PoProblem } from './po.js';
import type { InvitationMode, OfficialLanguage } from './tables.js';
import type { clientVoiceNl } from './messages/nl.js';

// Worker and administrator forms of client voice: read the typed values (for showing them back
// unchanged), parse with zod, answer error codes: keys of clientVoice.errors (the invitation),
// clientVoice.admin.errors (client languages and their PO files) and clientVoice.gpmi.errors (a
// GPMI's sentences in the client's language), with the values a text needs. The views say them
// in the user's language (docs/one-way.md, "validating a form").

export interface InvitationFormValues {
  member: string;
  household: boolean;
  mode: string;
  hours: string;
}

type InvitationTexts = (typeof clientVoiceNl)['errors'];
/** A code of the invitation form; `alreadyOpen`, `final` and `notPending` are the routes' (they need the database). */
export type InvitationError = ErrorCode<InvitationTexts>;
export type InvitationErrors = ErrorCodes<InvitationTexts>;

export function readInvitationForm(fields: FormFields): InvitationFormValues {
  return { member: field(fields, 'member'), household: field(fields, 'household') === '1', mode: field(fields, 'mode'), hours: field(fields, 'hours') };
}

const modeSchema = z.enum(['link', 'handover']);

export function parseInvitation(
  v: InvitationFormValues,
  ctx: { adults: ReadonlySet<number>; linkAvailable: boolean; handoverAvailable: boolean },
): { ok: true; memberId: number; includeHousehold: boolean; mode: InvitationMode; hours: number } | { ok: false; errors: InvitationErrors } {
  const errors: InvitationErrors = {};
  const member = z
    .string()
    .regex(/^[1-9]\d{0,14}$/)
    .transform(Number)
    .safeParse(v.member);
  if (!member.success || !ctx.adults.has(member.data)) errors.member = 'member';
  const mode = modeSchema.safeParse(v.mode);
  if (!mode.success) errors.mode = 'mode';
  else if (mode.data === 'link' && !ctx.linkAvailable) errors.mode = 'linkUnavailable';
  else if (mode.data === 'handover' && !ctx.handoverAvailable) errors.mode = 'handoverUnavailable';
  const hours = parseLinkHours(v.hours);
  if (mode.success && mode.data === 'link' && hours === null) errors.hours = ['hours', MAX_LINK_HOURS];
  if (Object.keys(errors).length || !member.success || !mode.success) return { ok: false, errors };
  return { ok: true, memberId: member.data, includeHousehold: v.household, mode: mode.data, hours: hours ?? 0 };
}

// ---- Client languages (administrators, /translations) ----

type LanguageTexts = (typeof clientVoiceNl)['admin']['errors'];
export type LanguageError = ErrorCode<LanguageTexts>;

/** The largest PO file accepted (a full language is about 80 kB). */
export const PO_MAX_BYTES = 512 * 1024;
/** The most problems of one refused PO file listed (the first ones; fixing them shows the next). */
export const PO_PROBLEMS_SHOWN = 20;

const officialLanguageSchema = z.enum(['nl', 'fr', 'nl-fr'], failsWith<LanguageTexts>('unknownLanguage')) satisfies z.ZodType<OfficialLanguage>;

/** Which language binds on the client's copies. */
export function parseOfficialLanguage(fields: FormFields): { ok: true; official: OfficialLanguage } | { ok: false; error: LanguageError } {
  const r = officialLanguageSchema.safeParse(field(fields, 'official'));
  return r.success ? { ok: true, official: r.data } : { ok: false, error: codeOf<LanguageTexts>(r.error.issues[0]!) };
}

/** A language to add: one of the known client languages, not Dutch (always there), not one the organisation has (`existing`). */
export function parseNewLanguage(
  fields: FormFields,
  existing: readonly string[],
): { ok: true; language: ClientLanguage } | { ok: false; error: LanguageError } {
  const language = clientLanguage(field(fields, 'lang'));
  if (!language || language.code === DUTCH.code || existing.includes(language.code)) return { ok: false, error: 'unknownLanguage' };
  return { ok: true, language };
}

/**
 * A language on or off for clients. Switching on a language whose texts are not all reviewed
 * (`drafts` > 0) needs a deliberate yes (`accept_drafts`).
 */
export function parseVisibility(fields: FormFields, drafts: number): { ok: true; shown: boolean } | { ok: false; error: LanguageError } {
  const shown = field(fields, 'shown');
  if (shown !== '1' && shown !== '0') return { ok: false, error: 'unknownLanguage' };
  if (shown === '1' && drafts > 0 && field(fields, 'accept_drafts') !== '1') return { ok: false, error: 'confirmNeeded' };
  return { ok: true, shown: shown === '1' };
}

/** An uploaded PO file as text (UTF-8, a BOM dropped); too large is 413, the rest 422. */
export async function readPoUpload(
  file: FormDataEntryValue | null,
): Promise<{ ok: true; text: string } | { ok: false; errors: LanguageError[]; status: 413 | 422 }> {
  if (file === null || typeof file === 'string' || file.size === 0) return { ok: false, errors: ['noFile'], status: 422 };
  if (file.size > PO_MAX_BYTES) return { ok: false, errors: [['tooLarge', PO_MAX_BYTES / 1024]], status: 413 };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer()).replace(/^\uFEFF/, '') };
  } catch {
    return { ok: false, errors: ['refused', 'unreadable'], status: 422 };
  }
}

/** A refused PO file: that nothing changed, then its first problems. */
export function poImportErrors(problems: readonly PoProblem[]): LanguageError[] {
  return ['refused', ...problems.slice(0, PO_PROBLEMS_SHOWN).map(poProblemCode)];
}

function poProblemCode(p: PoProblem): LanguageError {
  switch (p.code) {
    case 'unreadable':
    case 'nothing':
      return p.code;
    case 'wrongLanguage':
      return ['wrongLanguage', p.found.slice(0, 40)];
    case 'wrongPluralForms':
      return ['wrongPluralForms', p.expected];
    case 'unknownText':
    case 'sourceChanged':
    case 'notPlural':
    case 'emptyForm':
    case 'controlCharacters':
      return [p.code, p.context];
    case 'formCount':
      return ['formCount', p.context, p.expected, p.found];
    case 'placeholders':
      return ['placeholders', p.context, p.expected.map((x) => `{${x}}`).join(' ')];
    case 'tooLong':
      return ['tooLong', p.context, p.max];
  }
}

// ---- A GPMI's sentences in the client's language (workers, inside the client file) ----

type GpmiTexts = (typeof clientVoiceNl)['gpmi']['errors'];
export type GpmiTextErrors = ErrorCodes<GpmiTexts>;

export type GpmiTextsParse =
  | { ok: true; lang: ClientLanguage; entries: { source: string; text: string }[] }
  | { ok: false; lang: ClientLanguage | undefined; errors: GpmiTextErrors; typed?: Map<string, string> };

/**
 * The language (one switched on for clients: `languages`) and a text per sentence of the GPMI
 * (`sources`, its Dutch sentences), each field named `t.<hash of the sentence>`. Errors are keyed
 * by that hash (`lang` for the language).
 */
export function parseGpmiTexts(fields: FormFields, languages: readonly ClientLanguage[], sources: readonly string[]): GpmiTextsParse {
  const lang = languages.find((l) => l.code === field(fields, 'lang'));
  if (!lang) return { ok: false, lang: undefined, errors: { lang: 'unknownLanguage' } };
  const entries = sources.map((source) => ({
    source,
    text: field(fields, `t.${sourceHash(source)}`)
      .replace(/\r\n?/g, '\n')
      .trim(),
  }));
  const errors: GpmiTextErrors = {};
  for (const e of entries) if ([...e.text].length > GPMI_TEXT_MAX) errors[sourceHash(e.source)] = ['tooLong', GPMI_TEXT_MAX];
  if (Object.keys(errors).length) return { ok: false, lang, errors, typed: new Map(entries.map((e) => [e.source, e.text])) };
  return { ok: true, lang, entries };
}
