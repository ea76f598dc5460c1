import { z } from 'zod';
import { field, readRevision, type FormFields } from '../http/form.js';
import { failsWith, hasErrors, issue, parseFields, type ErrorCode, type ErrorCodes } from '../http/form-errors.js';
import { parseDay } from '../i18n/day.js';
import { parseId } from '../http/params.js';
import { formatIsoDate } from '../i18n/format.js';
import {
  AGREEMENT_TEXT_MAX,
  dateWindow,
  dueWindow,
  DURATION_MAX,
  earliestRecordedOn,
  GOAL_MAX,
  LIST_ITEM_MAX,
  LIST_MAX_ITEMS,
  MOMENTS_MAX,
  NOTE_MAX,
  PLAN_MAX,
  REASON_MAX,
  addMonths,
  parseLines,
  parseMoments,
  type PlanRow,
  type PlanRowInput,
} from './logic.js';
import type { GpmiMessages } from './messages/nl.js';
import type { AgreementDetail, AgreementValues, DraftValues, VersionDetail } from './model.js';
import { AGREEMENT_STATUSES, type AgreementStatus } from './tables.js';

// Reading the plan, GPMI and evaluation forms: what was typed (kept for a re-render) and what it
// means. Each field is checked by a zod schema; rules between fields (moments within the GPMI, a
// target not below the score now, werkpunten per person) in plain code after. They answer error
// CODES: keys of `gpmi.errors` (the GPMI forms) or `gpmi.plan.errors` (werkpunten), with the
// values a text needs; the views say them in the user's language.

type Texts = GpmiMessages['errors'];
/** What can be wrong with a field of a GPMI form (start, draft, signature, new version, evaluation). */
export type GpmiError = ErrorCode<Texts>;
export type GpmiErrors = ErrorCodes<Texts>;
/** What can be wrong with the werkpunten form. */
export type PlanError = ErrorCode<GpmiMessages['plan']['errors']>;

const fails = (code: GpmiError) => failsWith(code);
const refuse = (code: GpmiError) => issue(code);
const parseEach = <S extends Record<string, z.ZodType>>(shape: S, input: { [K in keyof S]: unknown }, prefix = '') =>
  parseFields<Texts, S>(shape, input, prefix);

/** Line ends as typed on any system (CRLF from Windows browsers) become \n. */
const text = () => z.string().transform((s) => s.replace(/\r\n?/g, '\n'));
/** At most `max` characters (counted as people count them, not UTF-16 units). */
const atMost = (max: number) => (s: string) => [...s].length <= max;

/** All values of a repeated field. */
export function all(fields: FormFields, key: string): string[] {
  const v = fields[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

const PLAN_PREFIXES = ['w', 'p', 'cp', 'lt', 'st', 'ts'] as const;

export function planInputOf(r: PlanRow): PlanRowInput {
  return {
    subject: r.subject,
    domainKey: r.domainKey,
    werkpunt: r.priority !== null,
    priority: r.priority === null ? '' : String(r.priority),
    clientPriority: r.clientPriority === null ? '' : String(r.clientPriority),
    longTermGoal: r.longTermGoal,
    shortTermGoal: r.shortTermGoal,
    targetScore: r.targetScore === null ? '' : String(r.targetScore),
  };
}

function splitKey(key: string): { subject: string; domainKey: string } | null {
  const dot = key.indexOf('.');
  return dot < 1 ? null : { subject: key.slice(0, dot), domainKey: key.slice(dot + 1) };
}

/**
 * The werkpunten form: `row` lists the rows shown (a filtered table leaves the others as they
 * were); per row `w.<key>` (checkbox), `p.<key>` (priority), `cp.<key>` (the client's order); per
 * werkpunt with goal fields `lt.`, `st.`, `ts.`. Posted on top of the stored plan. `known` says
 * whether a cell key is a domain of this balance that this user may see.
 */
export function readPlanForm(
  fields: FormFields,
  stored: Map<string, PlanRow>,
  known: (subject: string, domainKey: string) => boolean,
): { values: Map<string, PlanRowInput>; unknown: boolean } {
  const values = new Map<string, PlanRowInput>([...stored].map(([k, r]) => [k, planInputOf(r)]));
  let unknown = false;
  const blank = (subject: string, domainKey: string): PlanRowInput => ({
    subject,
    domainKey,
    werkpunt: false,
    priority: '',
    clientPriority: '',
    longTermGoal: '',
    shortTermGoal: '',
    targetScore: '',
  });
  const check = (key: string) => {
    const k = splitKey(key);
    if (!k || !known(k.subject, k.domainKey)) {
      unknown = true;
      return null;
    }
    return k;
  };
  for (const name of Object.keys(fields)) {
    const dot = name.indexOf('.');
    if (dot < 1) continue;
    if ((PLAN_PREFIXES as readonly string[]).includes(name.slice(0, dot))) check(name.slice(dot + 1));
  }
  for (const key of all(fields, 'row')) {
    const k = check(key);
    if (!k) continue;
    const before = values.get(key) ?? blank(k.subject, k.domainKey);
    values.set(key, {
      ...before,
      werkpunt: field(fields, `w.${key}`) === '1',
      priority: field(fields, `p.${key}`).trim(),
      clientPriority: field(fields, `cp.${key}`).trim(),
    });
  }
  for (const name of Object.keys(fields)) {
    if (!name.startsWith('lt.')) continue;
    const key = name.slice(3);
    const k = check(key);
    if (!k) continue;
    const before = values.get(key) ?? blank(k.subject, k.domainKey);
    values.set(key, {
      ...before,
      longTermGoal: field(fields, `lt.${key}`).replace(/\r\n?/g, '\n'),
      shortTermGoal: field(fields, `st.${key}`).replace(/\r\n?/g, '\n'),
      targetScore: field(fields, `ts.${key}`).trim(),
    });
  }
  return { values, unknown };
}

// ---------------------------------------------------------------- the werkpunten form

export type PlanProblem =
  | { code: 'invalidPriority' | 'invalidClientPriority' | 'invalidTarget' | 'targetBelowScore' | 'goalTooLong' | 'notApplicable'; key: string }
  | { code: 'duplicatePriority' | 'duplicateClientPriority' | 'tooMany'; subject: string; key: string };

/** A number 1..PLAN_MAX typed in a priority field, or null when left empty. */
const rank = (code: 'invalidPriority' | 'invalidClientPriority') =>
  z
    .string()
    .refine((s) => s === '' || (/^[1-9]$/.test(s) && Number(s) <= PLAN_MAX), { error: code })
    .transform((s) => (s === '' ? null : Number(s)));

const planRowShape = {
  priority: rank('invalidPriority'),
  clientPriority: rank('invalidClientPriority'),
  targetScore: z
    .string()
    .refine((s) => s === '' || /^[1-5]$/.test(s), { error: 'invalidTarget' })
    .transform((s) => (s === '' ? null : Number(s))),
  longTermGoal: z.string().refine(atMost(GOAL_MAX), { error: 'goalTooLong' }),
  shortTermGoal: z.string().refine(atMost(GOAL_MAX), { error: 'goalTooLong' }),
};

/**
 * Turns what the werkpunten form posted into rows, or the problems. `cellOf` gives the balance's
 * cell for a row (its state and score): a target ("waar wil ik staan?") must be 1-5 and not below
 * where the person stands now; equal is allowed ("this must stay as it is"). A werkpunt chosen
 * without a priority gets the next free number of its person, in the order of the rows.
 */
export function parsePlan(
  rows: PlanRowInput[],
  cellOf: (subject: string, domainKey: string) => { state: string; score: number | null } | undefined,
): { rows: PlanRow[]; problems: PlanProblem[] } {
  const problems: PlanProblem[] = [];
  const out: PlanRow[] = [];
  for (const r of rows) {
    const key = `${r.subject}.${r.domainKey}`;
    const isWerkpunt = r.werkpunt || r.priority !== '';
    const cell = cellOf(r.subject, r.domainKey);
    // The first problem of a row, in this order; the goal fields only count for a werkpunt.
    const priority = planRowShape.priority.safeParse(r.priority);
    const clientPriority = planRowShape.clientPriority.safeParse(r.clientPriority);
    const problem = (): PlanProblem['code'] | undefined => {
      if (!priority.success) return 'invalidPriority';
      if (!clientPriority.success) return 'invalidClientPriority';
      if (!isWerkpunt) return undefined;
      if (cell?.state === 'nvt') return 'notApplicable';
      const target = planRowShape.targetScore.safeParse(r.targetScore);
      if (!target.success) return 'invalidTarget';
      if (target.data !== null && cell?.state === 'scored' && cell.score !== null && target.data < cell.score) return 'targetBelowScore';
      if (!planRowShape.longTermGoal.safeParse(r.longTermGoal).success || !planRowShape.shortTermGoal.safeParse(r.shortTermGoal).success) return 'goalTooLong';
      return undefined;
    };
    const code = problem();
    if (code) {
      problems.push({ code, key } as PlanProblem);
      continue;
    }
    if (!isWerkpunt && clientPriority.data === null) continue;
    out.push({
      subject: r.subject,
      domainKey: r.domainKey,
      priority: isWerkpunt ? (priority.data ?? 0) : null,
      clientPriority: clientPriority.data ?? null,
      longTermGoal: isWerkpunt ? r.longTermGoal.trim() : '',
      shortTermGoal: isWerkpunt ? r.shortTermGoal.trim() : '',
      targetScore: isWerkpunt ? (planRowShape.targetScore.parse(r.targetScore) ?? null) : null,
    });
  }
  // Per person: the limit, unique priorities, then numbers for werkpunten chosen without one.
  const subjects = [...new Set(out.map((r) => r.subject))];
  for (const subject of subjects) {
    const mine = out.filter((r) => r.subject === subject);
    const werkpunten = mine.filter((r) => r.priority !== null);
    if (werkpunten.length > PLAN_MAX) problems.push({ code: 'tooMany', subject, key: `${subject}.${werkpunten[PLAN_MAX]!.domainKey}` });
    const seen = new Set<number>();
    for (const r of werkpunten) {
      if (r.priority === 0) continue;
      if (seen.has(r.priority!)) problems.push({ code: 'duplicatePriority', subject, key: `${subject}.${r.domainKey}` });
      seen.add(r.priority!);
    }
    const seenClient = new Set<number>();
    for (const r of mine) {
      if (r.clientPriority === null) continue;
      if (seenClient.has(r.clientPriority)) problems.push({ code: 'duplicateClientPriority', subject, key: `${subject}.${r.domainKey}` });
      seenClient.add(r.clientPriority);
    }
    let next = 1;
    for (const r of werkpunten) {
      if (r.priority !== 0) continue;
      while (seen.has(next)) next++;
      r.priority = next;
      seen.add(next);
    }
  }
  return { rows: out, problems };
}

// ---------------------------------------------------------------- dates, duration, moments

/**
 * A day typed in the form that must lie in [from, to] (or be `alsoAllowed`); `outside` says which
 * window it missed. With `optional`, an empty field is null.
 */
function dayIn(
  invalid: GpmiError,
  outside: (from: string, to: string) => GpmiError,
  from: string,
  to: string,
  opts: { alsoAllowed?: string | undefined; optional?: true } = {},
) {
  return z.string().transform((s, ctx): string | null => {
    if (s === '' && opts.optional) return null;
    const day = parseDay(s);
    if (!day) ctx.addIssue(refuse(invalid));
    else if (day !== opts.alsoAllowed && (day < from || day > to)) ctx.addIssue(refuse(outside(formatIsoDate(from), formatIsoDate(to))));
    else return day;
    return z.NEVER;
  });
}

/** A day something happened on (signed, evaluated): not in the future, not before a year before the GPMI's start. */
function recordedDay(invalid: GpmiError, tooEarly: (from: string) => GpmiError, startOn: string, today: string) {
  const from = earliestRecordedOn(startOn);
  return z.string().transform((s, ctx): string => {
    const day = parseDay(s);
    if (!day || day > today) ctx.addIssue(refuse(invalid));
    else if (day < from) ctx.addIssue(refuse(tooEarly(formatIsoDate(from))));
    else return day;
    return z.NEVER;
  });
}

function timingShape(today: string, emptyMomentsAllowed: boolean, keptStart?: string) {
  const window = dateWindow(today);
  return {
    start_on: dayIn('startOn', (from, to) => ['startOnRange', from, to], window.from, window.to, { alsoAllowed: keptStart }),
    duration: z
      .string()
      .trim()
      .refine((s) => /^\d{1,2}$/.test(s) && Number(s) >= 1 && Number(s) <= DURATION_MAX, fails(['duration', DURATION_MAX]))
      .transform(Number),
    moments: z.string().transform((s, ctx): string[] | null => {
      const parsed = parseMoments(s);
      if ('bad' in parsed) ctx.addIssue(refuse(['moments', parsed.bad]));
      else if (parsed.days.length > MOMENTS_MAX) ctx.addIssue(refuse(['momentsTooMany', MOMENTS_MAX]));
      else if (!parsed.days.length && !emptyMomentsAllowed) ctx.addIssue(refuse('momentsNone'));
      else return parsed.days.length ? parsed.days : null;
      return z.NEVER;
    }),
  };
}

/**
 * Start date, duration and evaluation moments, as both the start form and the draft form have them.
 * The start date lies in `dateWindow(today)`, unless it is `keptStart`: the start a draft already
 * has (a new version made more than a year after the start keeps it). Moments lie between the start
 * and the end, so they are plausible once the start is.
 */
export function parseTiming(
  input: { startOn: string; duration: string; moments: string },
  emptyMomentsAllowed: boolean,
  today: string,
  keptStart?: string,
): { errors: GpmiErrors; value?: { startOn: string; durationMonths: number; moments: string[] | null } } {
  const { data, errors } = parseEach(timingShape(today, emptyMomentsAllowed, keptStart), {
    start_on: input.startOn,
    duration: input.duration,
    moments: input.moments,
  });
  const { start_on: startOn, duration, moments } = data;
  if (startOn && duration && moments?.some((d) => d < startOn || d > addMonths(startOn, duration))) errors.moments = 'momentsOutside';
  if (hasErrors(errors) || !startOn || !duration || moments === undefined) return { errors };
  return { errors, value: { startOn, durationMonths: duration, moments } };
}

// ---------------------------------------------------------------- the GPMI start form

export interface StartFormValues {
  forWhom: string;
  startOn: string;
  duration: string;
  moments: string;
}

export function readStartForm(fields: FormFields): StartFormValues {
  return { forWhom: field(fields, 'for_whom'), startOn: field(fields, 'start_on'), duration: field(fields, 'duration'), moments: field(fields, 'moments') };
}

/** For whom (`allowed`: 'h' or a member id of an adult of the balance) and the timing; no moments typed: the route plans them. */
export function parseStart(
  v: StartFormValues,
  allowed: Set<string>,
  today: string,
): { ok: true; memberId: number | null; startOn: string; durationMonths: number; moments: string[] | null } | { ok: false; errors: GpmiErrors } {
  const who = parseEach({ for_whom: z.string().refine((s) => allowed.has(s), fails('forWhom')) }, { for_whom: v.forWhom });
  const timing = parseTiming(v, true, today);
  const errors = { ...who.errors, ...timing.errors };
  if (hasErrors(errors) || !timing.value || who.data.for_whom === undefined) return { ok: false, errors };
  return { ok: true, memberId: who.data.for_whom === 'h' ? null : Number(who.data.for_whom), ...timing.value };
}

// ---------------------------------------------------------------- the draft form

export interface AgreementFormValues {
  text: string;
  lt: string;
  st: string;
  ts: string;
  due: string;
  status: string;
  client: string;
  ocmw: string;
  partners: string;
  remove: boolean;
}
export interface DraftFormValues {
  revision: number;
  startOn: string;
  duration: string;
  moments: string;
  agreements: Map<number, AgreementFormValues>;
  addDomain: string;
}

export function agreementFormOf(a: AgreementDetail): AgreementFormValues {
  return {
    text: a.text,
    lt: a.longTermGoal,
    st: a.shortTermGoal,
    ts: a.targetScore === null ? '' : String(a.targetScore),
    due: a.dueOn ? formatIsoDate(a.dueOn) : '',
    status: a.status,
    client: a.client.join('\n'),
    ocmw: a.ocmw.join('\n'),
    partners: a.partners.join('\n'),
    remove: false,
  };
}

export function draftFormOf(v: VersionDetail, agreements: AgreementDetail[]): DraftFormValues {
  return {
    revision: v.revision,
    startOn: formatIsoDate(v.startOn),
    duration: String(v.durationMonths),
    moments: v.moments.map(formatIsoDate).join('\n'),
    agreements: new Map(agreements.map((a) => [a.id, agreementFormOf(a)])),
    addDomain: '',
  };
}

export const agreementField = (id: number, part: string) => `a${id}-${part}`;

/**
 * The draft form. Only agreements whose fields were posted are changed (a hidden sensitive one is
 * never in the form and stays as it is). `posted` are agreement ids named in field names: the route
 * answers 404 for one that is not an agreement of this draft.
 */
export function readDraftForm(fields: FormFields, visible: AgreementDetail[]): { form: DraftFormValues; posted: number[] } {
  const posted = new Set<number>();
  for (const name of Object.keys(fields)) {
    const m = /^a(\d{1,15})\./.exec(name);
    if (m) posted.add(Number(m[1]));
  }
  const agreements = new Map<number, AgreementFormValues>();
  for (const a of visible) {
    if (fields[`a${a.id}.text`] === undefined) continue;
    const f = (part: string) => field(fields, `a${a.id}.${part}`).replace(/\r\n?/g, '\n');
    agreements.set(a.id, {
      text: f('text'),
      lt: f('lt'),
      st: f('st'),
      ts: f('ts').trim(),
      due: f('due').trim(),
      status: f('status'),
      client: f('client'),
      ocmw: f('ocmw'),
      partners: f('partners'),
      remove: f('remove') === '1',
    });
  }
  return {
    form: {
      revision: readRevision(fields),
      startOn: field(fields, 'start_on'),
      duration: field(fields, 'duration'),
      moments: field(fields, 'moments'),
      agreements,
      addDomain: field(fields, 'action') === 'add' ? field(fields, 'add_domain') : '',
    },
    posted: [...posted],
  };
}

/** A list typed one item per line: at most LIST_MAX_ITEMS items of at most LIST_ITEM_MAX characters. */
const list = () =>
  text()
    .transform(parseLines)
    .refine((items) => items.length <= LIST_MAX_ITEMS, fails('tooManyItems'))
    .refine((items) => items.every(atMost(LIST_ITEM_MAX)), fails('itemTooLong'));

/** One agreement's fields; the due date lies in [dueFrom, dueTo], the target not below the score now. */
function agreementShape(scoreNow: number | null, dueFrom: string, dueTo: string) {
  return {
    text: text()
      .transform((s) => s.trim())
      .refine((s) => s !== '', fails('text'))
      .refine(atMost(AGREEMENT_TEXT_MAX), fails('textTooLong')),
    client: list(),
    ocmw: list(),
    partners: list(),
    ts: z.string().transform((s, ctx): number | null => {
      if (s === '') return null;
      if (!/^[1-5]$/.test(s)) ctx.addIssue(refuse('target'));
      else if (scoreNow !== null && Number(s) < scoreNow) ctx.addIssue(refuse('targetBelowScore'));
      else return Number(s);
      return z.NEVER;
    }),
    lt: text().refine(atMost(GOAL_MAX), fails('goalTooLong')),
    st: text().refine(atMost(GOAL_MAX), fails('goalTooLong')),
    due: dayIn('due', (from, to) => ['dueRange', from, to], dueFrom, dueTo, { optional: true }),
    status: z.enum(AGREEMENT_STATUSES as unknown as [AgreementStatus, ...AgreementStatus[]], fails('status')),
  };
}

const REMOVED = {
  remove: true,
  text: '',
  longTermGoal: '',
  shortTermGoal: '',
  targetScore: null,
  dueOn: null,
  status: 'lopend',
  client: [],
  ocmw: [],
  partners: [],
} as const;

export function parseDraft(
  form: DraftFormValues,
  scoreOf: (agreementId: number) => number | null,
  addAllowed: (subject: string, domainKey: string) => boolean,
  today: string,
  keptStart?: string,
): { ok: true; values: DraftValues } | { ok: false; errors: GpmiErrors } {
  const timing = parseTiming(form, false, today, keptStart);
  const due = dueWindow(today, timing.value);
  const errors: GpmiErrors = { ...timing.errors };
  const agreements: AgreementValues[] = [];
  for (const [id, a] of form.agreements) {
    if (a.remove) {
      agreements.push({ id, ...REMOVED, client: [], ocmw: [], partners: [] });
      continue;
    }
    const { data: d, errors: problems } = parseEach(agreementShape(scoreOf(id), due.from, due.to), a);
    for (const [part, code] of Object.entries(problems)) errors[agreementField(id, part)] = code;
    if (hasErrors(problems)) continue;
    agreements.push({
      id,
      remove: false,
      text: d.text!,
      longTermGoal: d.lt!.trim(),
      shortTermGoal: d.st!.trim(),
      targetScore: d.ts ?? null,
      dueOn: d.due ?? null,
      status: d.status!,
      client: d.client!,
      ocmw: d.ocmw!,
      partners: d.partners!,
    });
  }
  let add: DraftValues['add'] = null;
  if (form.addDomain !== '') {
    const dot = form.addDomain.indexOf('.');
    const subject = form.addDomain.slice(0, dot);
    const domainKey = form.addDomain.slice(dot + 1);
    if (dot < 1 || !addAllowed(subject, domainKey)) errors.add_domain = 'addDomain';
    else add = { subject, domainKey };
  }
  if (hasErrors(errors) || !timing.value) return { ok: false, errors };
  return {
    ok: true,
    values: { startOn: timing.value.startOn, durationMonths: timing.value.durationMonths, moments: timing.value.moments ?? [], agreements, add },
  };
}

// ---------------------------------------------------------------- a new version

/** Why a signed GPMI gets a new version: required, at most REASON_MAX characters. */
export function parseVersionReason(raw: string): { ok: true; reason: string } | { ok: false; errors: GpmiErrors } {
  const { data, errors } = parseEach(
    {
      reason: text()
        .transform((s) => s.trim())
        .refine((s) => s !== '', fails('reason'))
        .refine(atMost(REASON_MAX), fails('reasonTooLong')),
    },
    { reason: raw },
  );
  return data.reason !== undefined ? { ok: true, reason: data.reason } : { ok: false, errors };
}

// ---------------------------------------------------------------- the evaluation form

export interface EvaluationFormValues {
  heldOn: string;
  /** 'yes' / 'no': held in a personal conversation or not (the inspection counts these); '' not chosen. */
  inPerson: string;
  /** Per agreement: the note, the status, and whether the note is shared with the client. */
  items: Map<number, { note: string; status: string; shared: boolean }>;
}

/**
 * The evaluation form as typed, the agreement ids its field names name (`posted`: the route answers
 * 404 for one that is not of this GPMI) and the signed version it was opened on (null: not an id).
 */
export function readEvaluationForm(fields: FormFields): { form: EvaluationFormValues; posted: number[]; versionId: number | null } {
  const posted = new Set<number>();
  for (const name of Object.keys(fields)) {
    const m = /^e(\d{1,15})\.(note|status|shared)$/.exec(name);
    if (m) posted.add(Number(m[1]));
  }
  const items = new Map<number, { note: string; status: string; shared: boolean }>();
  for (const id of posted)
    items.set(id, {
      note: field(fields, `e${id}.note`).replace(/\r\n?/g, '\n'),
      status: field(fields, `e${id}.status`),
      shared: field(fields, `e${id}.shared`) === '1',
    });
  return {
    form: { heldOn: field(fields, 'held_on'), inPerson: field(fields, 'in_person'), items },
    posted: [...posted],
    versionId: parseId(field(fields, 'version_id')),
  };
}

const evaluationItemShape = {
  note: z.string().refine(atMost(NOTE_MAX), fails('noteTooLong')),
  status: z.enum(AGREEMENT_STATUSES as unknown as [AgreementStatus, ...AgreementStatus[]], fails('status')),
  shared: z.boolean(),
};

export function parseEvaluation(
  form: EvaluationFormValues,
  agreementIds: number[],
  today: string,
  startOn: string,
):
  | { ok: true; heldOn: string; inPerson: boolean; items: { agreementId: number; note: string; status: AgreementStatus; shared: boolean }[] }
  | { ok: false; errors: GpmiErrors } {
  const held = parseEach(
    { held_on: recordedDay('heldOn', (from) => ['heldOnTooEarly', from], startOn, today), in_person: z.enum(['yes', 'no'], fails('inPerson')) },
    { held_on: form.heldOn, in_person: form.inPerson },
  );
  const errors: GpmiErrors = { ...held.errors };
  const items: { agreementId: number; note: string; status: AgreementStatus; shared: boolean }[] = [];
  for (const id of agreementIds) {
    const { data, errors: problems } = parseEach(evaluationItemShape, form.items.get(id) ?? { note: '', status: '', shared: false });
    for (const [part, code] of Object.entries(problems)) errors[`e${id}-${part}`] = code;
    if (data.status === undefined || data.note === undefined) continue;
    const note = data.note.trim();
    // Only a note can be shared: a mark on an empty note means nothing and is not kept.
    items.push({ agreementId: id, note, status: data.status, shared: note !== '' && data.shared === true });
  }
  if (hasErrors(errors) || !held.data.held_on || !held.data.in_person) return { ok: false, errors };
  return { ok: true, heldOn: held.data.held_on, inPerson: held.data.in_person === 'yes', items };
}

// ---------------------------------------------------------------- signing

export interface SignFormValues {
  signedOn: string;
  clientName: string;
}

/** The signing fields of the draft form, and whether its "sign" button was the one pressed. */
export function readSignForm(fields: FormFields): { values: SignFormValues; signing: boolean } {
  return { values: { signedOn: field(fields, 'signed_on'), clientName: field(fields, 'client_name') }, signing: field(fields, 'action') === 'sign' };
}

/** The signature typed in the draft form: a date not in the future and not before a year before the start, and the client's name. */
export function parseSignature(
  v: SignFormValues,
  today: string,
  startOn: string,
): { ok: true; value: { signedOn: string; clientName: string } } | { ok: false; errors: GpmiErrors } {
  const { data, errors } = parseEach(
    {
      signed_on: recordedDay('signedOn', (from) => ['signedTooEarly', from], startOn, today),
      client_name: z
        .string()
        .trim()
        .refine((s) => s !== '' && s.length <= 200, fails('clientName')),
    },
    { signed_on: v.signedOn, client_name: v.clientName },
  );
  if (hasErrors(errors) || !data.signed_on || !data.client_name) return { ok: false, errors };
  return { ok: true, value: { signedOn: data.signed_on, clientName: data.client_name } };
}
