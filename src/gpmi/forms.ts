import { field, readRevision, type FormFields } from '../http/form.js';
import { parseDay } from '../i18n/day.js';
import { formatIsoDate } from '../i18n/format.js';
import type { Messages } from '../i18n/index.js';
import type { FieldErrors } from '../../views/components/form.js';
import {
  AGREEMENT_TEXT_MAX,
  checkList,
  dateWindow,
  DURATION_MAX,
  earliestRecordedOn,
  GOAL_MAX,
  isAgreementStatus,
  MOMENTS_MAX,
  NOTE_MAX,
  addMonths,
  parseLines,
  parseMoments,
  type PlanRow,
  type PlanRowInput,
} from './logic.js';
import type { AgreementDetail, AgreementValues, DraftValues, VersionDetail } from './queries.js';
import type { AgreementStatus } from './tables.js';

// Reading the plan, GPMI and evaluation forms: what was typed (kept for a re-render) and what it means.

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

// ---------------------------------------------------------------- the GPMI start form

export interface StartFormValues {
  forWhom: string;
  startOn: string;
  duration: string;
  moments: string;
}

export function parseStart(
  t: Messages,
  v: StartFormValues,
  allowed: Set<string>,
  today: string,
): { ok: true; memberId: number | null; startOn: string; durationMonths: number; moments: string[] | null } | { ok: false; errors: FieldErrors } {
  const e = t.gpmi.new.errors;
  const errors: FieldErrors = {};
  if (!allowed.has(v.forWhom)) errors.for_whom = e.forWhom;
  const common = parseTiming(t, v.startOn, v.duration, v.moments, true, today);
  Object.assign(errors, common.errors);
  if (Object.values(errors).some(Boolean) || !common.value) return { ok: false, errors };
  return { ok: true, memberId: v.forWhom === 'h' ? null : Number(v.forWhom), ...common.value };
}

/**
 * Start date, duration and evaluation moments, as both the start form and the draft form have them.
 * The start date lies in `dateWindow(today)`, unless it is `keptStart`: the start a draft already
 * has (a new version made more than a year after the start keeps it). Moments lie between the start
 * and the end, so they are plausible once the start is.
 */
export function parseTiming(
  t: Messages,
  startRaw: string,
  durationRaw: string,
  momentsRaw: string,
  emptyMomentsAllowed: boolean,
  today: string,
  keptStart?: string,
): { errors: FieldErrors; value?: { startOn: string; durationMonths: number; moments: string[] | null } } {
  const e = t.gpmi.new.errors;
  const errors: FieldErrors = {};
  const window = dateWindow(today);
  const typed = parseDay(startRaw);
  const plausible = !!typed && (typed === keptStart || (typed >= window.from && typed <= window.to));
  const startOn = plausible ? typed : null;
  if (!typed) errors.start_on = e.startOn;
  else if (!plausible) errors.start_on = e.startOnRange(formatIsoDate(window.from), formatIsoDate(window.to));
  const duration = durationRaw.trim();
  const durationMonths = /^\d{1,2}$/.test(duration) ? Number(duration) : NaN;
  if (!(durationMonths >= 1 && durationMonths <= DURATION_MAX)) errors.duration = e.duration(DURATION_MAX);
  const parsed = parseMoments(momentsRaw);
  let moments: string[] | null = null;
  if ('bad' in parsed) errors.moments = e.moments(parsed.bad);
  else if (parsed.days.length > MOMENTS_MAX) errors.moments = e.momentsTooMany(MOMENTS_MAX);
  else if (!parsed.days.length) {
    if (!emptyMomentsAllowed) errors.moments = e.momentsNone;
  } else if (startOn && !errors.duration && parsed.days.some((d) => d < startOn || d > addMonths(startOn, durationMonths))) errors.moments = e.momentsOutside;
  else moments = parsed.days;
  if (Object.values(errors).some(Boolean)) return { errors };
  return { errors, value: { startOn: startOn!, durationMonths, moments } };
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

export function parseDraft(
  t: Messages,
  form: DraftFormValues,
  scoreOf: (agreementId: number) => number | null,
  addAllowed: (subject: string, domainKey: string) => boolean,
  today: string,
  keptStart?: string,
): { ok: true; values: DraftValues } | { ok: false; errors: FieldErrors } {
  const e = t.gpmi.errors;
  const timing = parseTiming(t, form.startOn, form.duration, form.moments, false, today, keptStart);
  // A due date: in the plausible window, stretched to the GPMI's own start and end.
  const window = dateWindow(today);
  const dueFrom = timing.value && timing.value.startOn < window.from ? timing.value.startOn : window.from;
  const end = timing.value ? addMonths(timing.value.startOn, timing.value.durationMonths) : window.to;
  const dueTo = end > window.to ? end : window.to;
  const errors: FieldErrors = { ...timing.errors };
  const agreements: AgreementValues[] = [];
  for (const [id, a] of form.agreements) {
    if (a.remove) {
      agreements.push({
        id,
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
      });
      continue;
    }
    const text = a.text.trim();
    if (!text) errors[agreementField(id, 'text')] = e.text;
    else if ([...text].length > AGREEMENT_TEXT_MAX) errors[agreementField(id, 'text')] = e.textTooLong;
    const lists = { client: parseLines(a.client), ocmw: parseLines(a.ocmw), partners: parseLines(a.partners) };
    for (const [k, items] of Object.entries(lists)) {
      const problem = checkList(items);
      if (problem) errors[agreementField(id, k)] = e[problem];
    }
    let targetScore: number | null = null;
    if (a.ts !== '') {
      if (!/^[1-5]$/.test(a.ts)) errors[agreementField(id, 'ts')] = e.target;
      else {
        targetScore = Number(a.ts);
        const now = scoreOf(id);
        if (now !== null && targetScore < now) errors[agreementField(id, 'ts')] = e.targetBelowScore;
      }
    }
    if ([...a.lt].length > GOAL_MAX) errors[agreementField(id, 'lt')] = e.goalTooLong;
    if ([...a.st].length > GOAL_MAX) errors[agreementField(id, 'st')] = e.goalTooLong;
    let dueOn: string | null = null;
    if (a.due !== '') {
      dueOn = parseDay(a.due);
      if (!dueOn) errors[agreementField(id, 'due')] = e.due;
      else if (dueOn < dueFrom || dueOn > dueTo) errors[agreementField(id, 'due')] = e.dueRange(formatIsoDate(dueFrom), formatIsoDate(dueTo));
    }
    if (!isAgreementStatus(a.status)) errors[agreementField(id, 'status')] = e.status;
    agreements.push({
      id,
      remove: false,
      text,
      longTermGoal: a.lt.trim(),
      shortTermGoal: a.st.trim(),
      targetScore,
      dueOn,
      status: a.status as AgreementStatus,
      ...lists,
    });
  }
  let add: DraftValues['add'] = null;
  if (form.addDomain !== '') {
    const dot = form.addDomain.indexOf('.');
    const subject = form.addDomain.slice(0, dot);
    const domainKey = form.addDomain.slice(dot + 1);
    if (dot < 1 || !addAllowed(subject, domainKey)) errors.add_domain = e.addDomain;
    else add = { subject, domainKey };
  }
  if (Object.values(errors).some(Boolean) || !timing.value) return { ok: false, errors };
  return {
    ok: true,
    values: { startOn: timing.value.startOn, durationMonths: timing.value.durationMonths, moments: timing.value.moments ?? [], agreements, add },
  };
}

// ---------------------------------------------------------------- the evaluation form

export interface EvaluationFormValues {
  heldOn: string;
  /** 'yes' / 'no': a personal conversation or not (issue 15); '' not chosen. */
  inPerson: string;
  items: Map<number, { note: string; status: string }>;
}

export function readEvaluationForm(fields: FormFields): { form: EvaluationFormValues; posted: number[] } {
  const posted = new Set<number>();
  for (const name of Object.keys(fields)) {
    const m = /^e(\d{1,15})\.(note|status)$/.exec(name);
    if (m) posted.add(Number(m[1]));
  }
  const items = new Map<number, { note: string; status: string }>();
  for (const id of posted) items.set(id, { note: field(fields, `e${id}.note`).replace(/\r\n?/g, '\n'), status: field(fields, `e${id}.status`) });
  return { form: { heldOn: field(fields, 'held_on'), inPerson: field(fields, 'in_person'), items }, posted: [...posted] };
}

export function parseEvaluation(
  t: Messages,
  form: EvaluationFormValues,
  agreementIds: number[],
  today: string,
  startOn: string,
):
  | { ok: true; heldOn: string; inPerson: boolean; items: { agreementId: number; note: string; status: AgreementStatus }[] }
  | { ok: false; errors: FieldErrors } {
  const e = t.gpmi.errors;
  const errors: FieldErrors = {};
  const heldOn = parseDay(form.heldOn);
  if (!heldOn || heldOn > today) errors.held_on = e.heldOn;
  else if (heldOn < earliestRecordedOn(startOn)) errors.held_on = e.heldOnTooEarly(formatIsoDate(earliestRecordedOn(startOn)));
  if (form.inPerson !== 'yes' && form.inPerson !== 'no') errors.in_person = t.figures.evaluation.inPersonError;
  const items: { agreementId: number; note: string; status: AgreementStatus }[] = [];
  for (const id of agreementIds) {
    const item = form.items.get(id) ?? { note: '', status: '' };
    if (!isAgreementStatus(item.status)) errors[`e${id}-status`] = e.status;
    if ([...item.note].length > NOTE_MAX) errors[`e${id}-note`] = e.noteTooLong;
    items.push({ agreementId: id, note: item.note.trim(), status: item.status as AgreementStatus });
  }
  if (Object.values(errors).some(Boolean) || !heldOn) return { ok: false, errors };
  return { ok: true, heldOn, inPerson: form.inPerson === 'yes', items };
}

// ---------------------------------------------------------------- signing

export interface SignFormValues {
  signedOn: string;
  clientName: string;
}

/** The signature typed in the draft form: a date not in the future and not before a year before the start, and the client's name. */
export function parseSignature(
  t: Messages,
  v: SignFormValues,
  today: string,
  startOn: string,
): { ok: true; value: { signedOn: string; clientName: string } } | { ok: false; errors: FieldErrors } {
  const e = t.gpmi.errors;
  const errors: FieldErrors = {};
  const signedOn = parseDay(v.signedOn);
  if (!signedOn || signedOn > today) errors.signed_on = e.signedOn;
  else if (signedOn < earliestRecordedOn(startOn)) errors.signed_on = e.signedTooEarly(formatIsoDate(earliestRecordedOn(startOn)));
  const clientName = v.clientName.trim();
  if (!clientName || clientName.length > 200) errors.client_name = e.clientName;
  if (Object.values(errors).some(Boolean) || !signedOn) return { ok: false, errors };
  return { ok: true, value: { signedOn, clientName } };
}
