import { z } from 'zod';
import { field, type FormFields } from '../http/form.js';
import { parseDay } from '../i18n/day.js';
import { formatIsoDate } from '../i18n/format.js';
import type { ErrorCode } from '../http/form-errors.js';
import type { BalancesMessages } from './messages/nl.js';
import { BALANCE_METHODS, type BalanceMethod } from './tables.js';
import { cellExists, domainOf, findStep, fingerprint, parseCell, type CellValue, type ChoiceProblem, type EditorStep, FINISH_STEP } from './logic.js';
import type { BalanceDetail, PostedCell } from './model.js';

// The balance forms. Each returns error CODES, never texts: the view turns a code into the user's
// language through the typed catalogue (messages/nl.ts and its translations), so a form module
// needs no request or locale.

/** The "new balance" form as typed, for re-rendering a refused form unchanged. */
export interface NewBalanceValues {
  takenOn: string;
  method: BalanceMethod | '';
  participants: number[];
  prefill: boolean;
}

/** Keys of `balances.new` in the messages, with the values a text needs. */
export type NewBalanceError = ErrorCode<BalancesMessages['new']>;
export type NewBalanceErrors = Partial<Record<'takenOn' | 'method', NewBalanceError>>;

export function readNewBalanceForm(fields: FormFields, memberIds: ReadonlySet<number>): NewBalanceValues {
  const raw = fields.participants === undefined ? [] : Array.isArray(fields.participants) ? fields.participants : [fields.participants];
  const method = field(fields, 'method');
  return {
    takenOn: field(fields, 'takenOn').trim(),
    method: (BALANCE_METHODS as readonly string[]).includes(method) ? (method as BalanceMethod) : '',
    // Only members of this household can take part; anything else posted is ignored.
    participants: raw.map(Number).filter((n) => memberIds.has(n)),
    prefill: field(fields, 'prefill') === '1',
  };
}

function newBalanceShape(today: string) {
  return {
    takenOn: z
      .string()
      .transform((s) => parseDay(s))
      .refine((day): day is string => day !== null, { error: 'invalidDate' satisfies NewBalanceError, abort: true })
      .refine((day) => day <= today, { error: 'futureDate' satisfies NewBalanceError }),
    method: z.enum(BALANCE_METHODS as [BalanceMethod, ...BalanceMethod[]], { error: 'invalidMethod' satisfies NewBalanceError }),
  };
}

/**
 * The days a balance of this household can be dated: from the day the first member was in the
 * household ("in het gezin sinds") until today. What the date field says up front.
 */
export function balanceDateRange(members: readonly { joinedOn: string }[]): { from: string | undefined; to: 'today' } {
  return { from: members.map((m) => m.joinedOn).sort()[0], to: 'today' };
}

/**
 * Why nobody was a member of the household on `day`, said as it is: before the first member joined
 * (the dossier's members can be given an earlier "in het gezin sinds"), after everyone left, or
 * between two memberships.
 */
function noMembersOn(day: string, members: readonly { joinedOn: string; leftOn: string | null }[]): NewBalanceError {
  if (!members.length) return 'noMembersAtAll';
  const first = members.map((m) => m.joinedOn).sort()[0]!;
  if (day < first) return ['beforeMembers', formatIsoDate(day), formatIsoDate(first)];
  if (members.every((m) => m.leftOn !== null && m.leftOn <= day)) {
    const last = members.map((m) => m.leftOn!).sort()[members.length - 1]!;
    return ['afterMembers', formatIsoDate(day), formatIsoDate(last)];
  }
  return ['noMembersOn', formatIsoDate(day)];
}

/**
 * A day (typed as yyyy-mm-dd or dd/mm/jjjj, not in the future) and a method; then the rules that
 * need the household: a closed dossier takes no balance, and someone must be a member on that day.
 */
export function parseNewBalance(
  values: NewBalanceValues,
  household: { status: string; members: readonly { joinedOn: string; leftOn: string | null }[] },
  today: string,
): { ok: true; takenOn: string; method: BalanceMethod } | { ok: false; errors: NewBalanceErrors } {
  const shape = newBalanceShape(today);
  const day = shape.takenOn.safeParse(values.takenOn);
  const method = shape.method.safeParse(values.method);
  const errors: NewBalanceErrors = {};
  if (!day.success) errors.takenOn = day.error.issues[0]!.message as NewBalanceError;
  if (!method.success) errors.method = 'invalidMethod';
  if (household.status === 'closed') errors.takenOn = 'closed';
  else if (day.success && !household.members.some((m) => m.joinedOn <= day.data && (m.leftOn === null || m.leftOn > day.data)))
    errors.takenOn = noMembersOn(day.data, household.members);
  if (errors.takenOn || errors.method || !day.success || !method.success) return { ok: false, errors };
  return { ok: true, takenOn: day.data, method: method.data };
}

// ---------------------------------------------------------------- scores (one theme form, or one cell with htmx)

export interface ScoresForm {
  cells: PostedCell[];
  /** Per cell key: what is wrong (a key of `balances.editor` in the messages). */
  errors: Map<string, ChoiceProblem>;
  unknown: boolean;
  overrides: Map<string, CellValue>;
}

/**
 * Reads every cell a theme form posted (`v.<subject>.<domain>` marks one) and checks it against the
 * balance. A cell that is not one of this balance's (as this user sees it) makes the form `unknown`.
 */
export function readScoresForm(fields: FormFields, detail: Pick<BalanceDetail, 'layout' | 'catalogue'>): ScoresForm {
  const out: ScoresForm = { cells: [], errors: new Map(), unknown: false, overrides: new Map() };
  const confirm = field(fields, 'confirm');
  for (const name of Object.keys(fields)) {
    if (!name.startsWith('v.')) continue;
    const key = name.slice(2);
    const dot = key.indexOf('.');
    const subject = key.slice(0, dot);
    const domainKey = key.slice(dot + 1);
    const domain = domainOf(detail, domainKey);
    if (dot < 1 || !domain || !cellExists(detail, subject, domainKey)) {
      out.unknown = true;
      continue;
    }
    const revision = Number(field(fields, name));
    const parsed = parseCell({ s: field(fields, `s.${key}`), c: field(fields, `c.${key}`), r: field(fields, `r.${key}`) }, domain);
    if ('problem' in parsed) {
      out.errors.set(key, parsed.problem);
      out.overrides.set(key, { state: 'open', score: null, clientScore: null, remark: field(fields, `r.${key}`).slice(0, 20_000) });
      continue;
    }
    out.overrides.set(key, parsed.value);
    out.cells.push({
      subject,
      domainKey,
      value: parsed.value,
      revision: Number.isSafeInteger(revision) ? revision : -1,
      changed: fingerprint(parsed.value) !== field(fields, `o.${key}`),
      confirm: confirm === key,
    });
  }
  return out;
}

/**
 * Where a step form was posted from (`step`) and where its user asked to go next (`go`: the button
 * pressed: previous, next, or a step of the overview). Only ids of this balance's steps (or the
 * finish step) are kept, so nothing else posted can reach the Location header. No `go` (the save
 * button, "keep mine", a confirmation, Enter in a field): stay on the step.
 */
export function readStepNavigation(fields: FormFields, steps: readonly EditorStep[]): { from: string | undefined; go: string | undefined } {
  const known = (id: string) => {
    const step = findStep(steps, id);
    return step === FINISH_STEP ? FINISH_STEP : step?.id;
  };
  return { from: known(field(fields, 'step')), go: known(field(fields, 'go')) };
}

// ---------------------------------------------------------------- a correction of a finalised balance

/** What can be wrong with a correction: keys of `balances.editor` or `balances.view` in the messages. */
export type AmendmentError = ChoiceProblem | 'unknownCell' | 'remarkTooLong' | 'reasonRequired' | 'amendUnchanged';

export const AMENDMENT_REASON_MAX = 1000;

/** The cell (`subject.domainKey`), its new value and the reason, checked against the balance. */
export function readAmendmentForm(
  fields: FormFields,
  detail: Pick<BalanceDetail, 'layout' | 'catalogue'>,
): { ok: true; key: string; subject: string; domainKey: string; value: CellValue; reason: string } | { ok: false; key: string; error: AmendmentError } {
  const key = field(fields, 'cell');
  const dot = key.indexOf('.');
  const subject = key.slice(0, dot);
  const domainKey = key.slice(dot + 1);
  const domain = domainOf(detail, domainKey);
  if (dot < 1 || !domain || !cellExists(detail, subject, domainKey)) return { ok: false, key, error: 'unknownCell' };
  // The reason field's name carries the cell (one form per cell on the page).
  const reasonField = Object.keys(fields).find((k) => k.startsWith('reason'));
  const reason = (reasonField ? field(fields, reasonField) : '').trim();
  if (!reason) return { ok: false, key, error: 'reasonRequired' };
  if (reason.length > AMENDMENT_REASON_MAX) return { ok: false, key, error: 'remarkTooLong' };
  const parsed = parseCell({ s: field(fields, 's'), c: '', r: field(fields, 'r') }, domain);
  if ('problem' in parsed) return { ok: false, key, error: parsed.problem };
  return { ok: true, key, subject, domainKey, value: parsed.value, reason };
}
