import { z } from 'zod';
import { formatIsoDate } from '../i18n/format.js';
import { field, type FormFields } from '../http/form.js';
import { codeOf, failsWith, issue, parseFields, type ErrorCode, type ErrorCodes } from '../http/form-errors.js';
import { birthMismatch, formatNationalNumber, parseNationalNumber, type NationalNumber } from './national-number.js';
import { currentYear, DOSSIER_REF_MAX, MAX_NEW_MEMBERS, MIN_BIRTH_YEAR, NAME_MAX, todayIso } from './logic.js';
import { parseDay } from '../i18n/day.js';
import { parseId } from '../http/params.js';
import type { HouseholdsMessages } from './messages/nl.js';
import type { HouseholdValues, Member, MemberValues, TeamWithWorkers } from './model.js';

// The household forms: one zod schema per input, and the cross-field rules (birth year vs date vs
// national number) in plain code after it. Each field is parsed on its own so every problem of a
// submit is reported at once, not only the first field's. They answer error CODES (keys of
// `households.errors` in the messages); the views say them in the user's language.

/** What can be wrong with a household form's field. */
type Texts = HouseholdsMessages['errors'];
export type HouseholdError = ErrorCode<Texts>;
export type HouseholdErrors = ErrorCodes<Texts>;

const fails = (code: HouseholdError) => failsWith(code);
const refuse = (code: HouseholdError) => issue(code);

function parseEach<S extends Record<string, z.ZodType>>(shape: S, input: { [K in keyof S]: string }, prefix = '') {
  return parseFields<Texts, S>(shape, input, prefix);
}

// ---------------------------------------------------------------- member

/** The member form's fields as typed (strings), for re-rendering a refused form unchanged. */
export interface MemberFormValues {
  first_name: string;
  last_name: string;
  birth_year: string;
  birth_date: string;
  role: string;
  adult: string;
  national_number: string;
  /**
   * "In het gezin sinds" (dd/mm/jjjj); empty on a new member: the day they are added. Absent when
   * the form had no such field (a page opened before it existed): the stored day stays.
   */
  joined_on?: string;
}

export const MEMBER_FIELDS: readonly (keyof MemberFormValues)[] = [
  'first_name',
  'last_name',
  'birth_year',
  'birth_date',
  'role',
  'adult',
  'national_number',
  'joined_on',
];

export function emptyMember(role = ''): MemberFormValues {
  return { first_name: '', last_name: '', birth_year: '', birth_date: '', role, adult: 'auto', national_number: '', joined_on: '' };
}

/** The stored member as the form shows it (dates as dd/mm/jjjj). */
export function memberFormValues(m: Member): MemberFormValues {
  return {
    first_name: m.firstName,
    last_name: m.lastName,
    birth_year: String(m.birthYear),
    birth_date: m.birthDate ? formatIsoDate(m.birthDate) : '',
    role: m.role,
    adult: m.adultOverride === null ? 'auto' : m.adultOverride ? 'adult' : 'child',
    // The one place the full number is shown: the member's own edit field.
    national_number: m.nationalNumber ? formatNationalNumber(m.nationalNumber) : '',
    joined_on: formatIsoDate(m.joinedOn),
  };
}

export function readMemberForm(fields: FormFields, prefix = ''): MemberFormValues {
  const v = emptyMember();
  for (const k of MEMBER_FIELDS) v[k] = field(fields, prefix + k);
  if (!v.adult) v.adult = 'auto';
  if (fields[prefix + 'joined_on'] === undefined) delete v.joined_on;
  return v;
}

/** A name: required, at most NAME_MAX characters. */
const name = (required: HouseholdError) =>
  z
    .string()
    .trim()
    .min(1, fails(required))
    .refine((s) => s.length <= NAME_MAX, fails(['nameTooLong', NAME_MAX]));

/**
 * A day typed in a form (parseDay), or null for an empty field when `required` is not set, checked
 * against the earliest and latest day it may be; each problem answers its own code.
 */
function dayField(
  codes: { required?: HouseholdError; invalid: HouseholdError; tooEarly: (from: string) => HouseholdError; tooLate: HouseholdError },
  from: () => string,
  to: () => string,
) {
  return z
    .string()
    .trim()
    .transform((s, ctx): string | null => {
      if (s === '') {
        if (codes.required) ctx.addIssue(refuse(codes.required));
        return codes.required ? z.NEVER : null;
      }
      const day = parseDay(s);
      if (!day) ctx.addIssue(refuse(codes.invalid));
      else if (day > to()) ctx.addIssue(refuse(codes.tooLate));
      else if (day < from()) ctx.addIssue(refuse(codes.tooEarly(from())));
      else return day;
      return z.NEVER;
    });
}

function memberShape(now: number) {
  const year = currentYear(now);
  const today = todayIso(now);
  return {
    first_name: name('firstNameRequired'),
    last_name: name('lastNameRequired'),
    birth_year: z
      .string()
      .trim()
      .transform((s, ctx): number | null => {
        if (s === '') return null;
        const n = Number(s);
        if (!/^\d{4}$/.test(s)) ctx.addIssue(refuse('birthYearInvalid'));
        else if (n < MIN_BIRTH_YEAR) ctx.addIssue(refuse(['birthYearTooEarly', MIN_BIRTH_YEAR]));
        else if (n > year) ctx.addIssue(refuse(['birthYearFuture', year]));
        else return n;
        return z.NEVER;
      }),
    birth_date: dayField(
      { invalid: 'birthDateInvalid', tooEarly: () => ['birthYearTooEarly', MIN_BIRTH_YEAR], tooLate: 'birthDateFuture' },
      () => `${MIN_BIRTH_YEAR}-01-01`,
      () => today,
    ),
    role: z.enum(['aanvrager', 'partner', 'kind', 'ander'], fails('roleRequired')),
    adult: z.enum(['auto', 'adult', 'child'], fails('adultInvalid')).transform((v) => (v === 'auto' ? null : v === 'adult')),
    national_number: z
      .string()
      .trim()
      .refine((s) => s.length <= 40, fails('nationalNumberLength'))
      .transform((s, ctx): NationalNumber | null => {
        if (s === '') return null;
        const r = parseNationalNumber(s);
        if (r.ok) return r.value;
        const code = ({ characters: 'nationalNumberCharacters', length: 'nationalNumberLength', checksum: 'nationalNumberChecksum' } as const)[r.problem];
        ctx.addIssue(refuse(code));
        return z.NEVER;
      }),
  };
}

export type MemberParse = { ok: true; values: MemberValues } | { ok: false; errors: HouseholdErrors };

/**
 * What "in het gezin sinds" is checked against for a member that exists: they cannot have joined
 * after they left, nor after a balance that already has them as one of its people (that balance
 * would then be about someone who was not in the household yet).
 */
export interface JoinedBounds {
  leftOn: string | null;
  /** The date of the earliest balance that has this member, if any. */
  firstBalanceOn: string | null;
}

/** The latest day a member can have joined, and why: today, their departure, or the first balance with them. */
export function latestJoinedOn(today: string, bounds?: JoinedBounds): { day: string; because: 'today' | 'left' | 'balance' } {
  let out: { day: string; because: 'today' | 'left' | 'balance' } = { day: today, because: 'today' };
  if (bounds?.leftOn && bounds.leftOn < out.day) out = { day: bounds.leftOn, because: 'left' };
  if (bounds?.firstBalanceOn && bounds.firstBalanceOn < out.day) out = { day: bounds.firstBalanceOn, because: 'balance' };
  return out;
}

/** The earliest day someone can have joined a household: the day they were born (or 1 January of their birth year). */
export function earliestJoinedOn(birthYear: number | null, birthDate: string | null): string | undefined {
  return birthDate ?? (birthYear === null ? undefined : `${String(birthYear).padStart(4, '0')}-01-01`);
}

/**
 * "In het gezin sinds": a real day, not before the member was born and not after `latestJoinedOn`.
 * Empty: required for an existing member (`bounds`), the day they are added for a new one.
 */
function parseJoinedOn(raw: string | undefined, now: number, born: string | undefined, bounds?: JoinedBounds): { day?: string; error?: HouseholdError } {
  if (raw === undefined) return {};
  const s = raw.trim();
  if (s === '') return bounds ? { error: 'joinedOnRequired' } : {};
  const day = parseDay(s);
  if (!day) return { error: 'joinedOnInvalid' };
  const latest = latestJoinedOn(todayIso(now), bounds);
  if (day > latest.day) {
    if (latest.because === 'today') return { error: 'joinedOnFuture' };
    return { error: [latest.because === 'left' ? 'joinedOnAfterLeft' : 'joinedOnAfterBalance', formatIsoDate(latest.day)] };
  }
  if (born && day < born) return { error: ['joinedOnBeforeBirth', formatIsoDate(born)] };
  return { day };
}

/**
 * Validates one member's fields; `prefix` names the fields of row n on the "new household" form.
 * `bounds`: the member exists (the edit form), so "in het gezin sinds" is required and checked
 * against their departure and their first balance.
 */
export function parseMember(now: number, input: MemberFormValues, prefix = '', bounds?: JoinedBounds): MemberParse {
  const { data, errors } = parseEach(memberShape(now), input, prefix);
  let birthYear = data.birth_year ?? null;
  const birthDate = data.birth_date ?? null;
  const yearOk = !errors[prefix + 'birth_year'];
  const dateOk = !errors[prefix + 'birth_date'];
  if (yearOk && dateOk) {
    if (birthYear === null && birthDate === null) errors[prefix + 'birth_year'] = 'birthYearRequired';
    else if (birthYear === null && birthDate !== null) birthYear = Number(birthDate.slice(0, 4));
    else if (birthYear !== null && birthDate !== null && Number(birthDate.slice(0, 4)) !== birthYear) errors[prefix + 'birth_date'] = 'birthDateOtherYear';
  }
  const nn = data.national_number ?? null;
  if (nn && yearOk && dateOk && !errors[prefix + 'national_number']) {
    const mismatch = birthMismatch(nn, birthYear, birthDate);
    if (mismatch?.field === 'year') errors[prefix + 'national_number'] = ['nationalNumberYear', mismatch.numberYear, birthYear!];
    else if (mismatch?.field === 'date') errors[prefix + 'national_number'] = ['nationalNumberDate', mismatch.numberDate];
  }
  const joined = parseJoinedOn(input.joined_on, now, yearOk && dateOk ? earliestJoinedOn(birthYear, birthDate) : undefined, bounds);
  if (joined.error) errors[prefix + 'joined_on'] = joined.error;
  if (Object.values(errors).some(Boolean) || birthYear === null) return { ok: false, errors };
  return {
    ok: true,
    values: {
      firstName: data.first_name!,
      lastName: data.last_name!,
      birthYear,
      birthDate,
      role: data.role!,
      adultOverride: data.adult ?? null,
      nationalNumber: nn ? nn.digits : null,
      ...(joined.day ? { joinedOn: joined.day } : {}),
    },
  };
}

// ---------------------------------------------------------------- household

export interface HouseholdFormValues {
  team: string;
  worker: string;
  dossier_ref: string;
}

export function readHouseholdForm(fields: FormFields): HouseholdFormValues {
  return { team: field(fields, 'team'), worker: field(fields, 'worker'), dossier_ref: field(fields, 'dossier_ref') };
}

export type HouseholdParse = { ok: true; values: HouseholdValues } | { ok: false; errors: HouseholdErrors };

/**
 * Team, worker and dossier number. The team must be one of `teams` (the user's); the worker must
 * belong to that team, or be the one already assigned in that team (`keep`: someone who has since left
 * the team stays until a person changes it, rather than blocking every other edit).
 */
export function parseHousehold(input: HouseholdFormValues, teams: TeamWithWorkers[], keep?: { teamId: number; workerId: number | null }): HouseholdParse {
  const shape = {
    team: z.string().transform((s, ctx): TeamWithWorkers => {
      const team = teams.find((x) => x.id === parseId(s));
      if (team) return team;
      ctx.addIssue(refuse('teamInvalid'));
      return z.NEVER;
    }),
    worker: z
      .string()
      .refine((s) => s === '' || parseId(s) !== null, fails('workerInvalid'))
      .transform((s) => (s === '' ? null : parseId(s))),
    dossier_ref: z
      .string()
      .trim()
      .refine((s) => s.length <= DOSSIER_REF_MAX, fails(['dossierRefTooLong', DOSSIER_REF_MAX]))
      .transform((s) => s || null),
  };
  const { data, errors } = parseEach(shape, input);
  const team = data.team;
  const worker = data.worker ?? null;
  const kept = keep !== undefined && team?.id === keep.teamId && worker === keep.workerId;
  if (team && worker !== null && !kept && !team.workers.some((w) => w.id === worker)) errors.worker = 'workerInvalid';
  if (!team || Object.values(errors).some(Boolean)) return { ok: false, errors };
  return { ok: true, values: { teamId: team.id, assignedUserId: worker, dossierRef: data.dossier_ref ?? null } };
}

// ---------------------------------------------------------------- departure, revision, new-household rows

export type DayParse = { ok: true; day: string } | { ok: false; errors: HouseholdErrors };

/** The day a member left: required, not in the future, not before they joined. */
export function parseDeparture(now: number, input: string, joinedOn: string): DayParse {
  const schema = dayField(
    { required: 'leftOnRequired', invalid: 'leftOnInvalid', tooEarly: (from) => ['leftOnBeforeJoined', formatIsoDate(from)], tooLate: 'leftOnFuture' },
    () => joinedOn,
    () => todayIso(now),
  );
  const r = schema.safeParse(input);
  return r.success && r.data !== null
    ? { ok: true, day: r.data }
    : { ok: false, errors: { left_on: r.success ? 'leftOnRequired' : codeOf<Texts>(r.error.issues[0]!) } };
}

/** How many member rows the "new household" form shows (it grows with "Nog een gezinslid toevoegen"). */
export function readMemberCount(fields: FormFields): number {
  const r = z.coerce.number().int().min(1).max(MAX_NEW_MEMBERS).safeParse(field(fields, 'member_count'));
  return r.success ? r.data : 1;
}

export const memberPrefix = (index: number) => `m${index}_`;

/** A row the user left empty (role and adult/child have defaults, so they do not count). */
export function isBlankMember(v: MemberFormValues): boolean {
  return !v.first_name.trim() && !v.last_name.trim() && !v.birth_year.trim() && !v.birth_date.trim() && !v.national_number.trim() && !v.joined_on?.trim();
}
