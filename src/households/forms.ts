import { z } from 'zod';
import type { Messages } from '../i18n/index.js';
import { formatIsoDate } from '../i18n/format.js';
import { field, type FormFields } from '../http/form.js';
import type { FieldErrors } from '../../views/components/form.js';
import { birthMismatch, formatNationalNumber, parseNationalNumber, type NationalNumber } from './national-number.js';
import { currentYear, DOSSIER_REF_MAX, MAX_NEW_MEMBERS, MIN_BIRTH_YEAR, NAME_MAX, todayIso } from './logic.js';
import { parseDay } from '../i18n/day.js';
import { parseId } from '../http/params.js';
import type { HouseholdValues, Member, MemberValues, TeamWithWorkers } from './queries.js';

// The household forms: one zod schema per input, with the user's texts, and the cross-field rules
// (birth year vs date vs national number) in plain code after it. Each field is parsed on its own
// so every problem of a submit is reported at once, not only the first field's.

type Shape = Record<string, z.ZodType>;
type Parsed<S extends Shape> = { [K in keyof S]?: z.output<S[K]> };

function parseEach<S extends Shape>(shape: S, input: { [K in keyof S]: string }, prefix = ''): { data: Parsed<S>; errors: FieldErrors } {
  const data: Parsed<S> = {};
  const errors: FieldErrors = {};
  for (const key of Object.keys(shape) as (keyof S & string)[]) {
    const result = shape[key]!.safeParse(input[key]);
    if (result.success) data[key] = result.data as z.output<S[typeof key]>;
    else errors[prefix + key] = result.error.issues[0]?.message;
  }
  return { data, errors };
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
}

export const MEMBER_FIELDS: readonly (keyof MemberFormValues)[] = ['first_name', 'last_name', 'birth_year', 'birth_date', 'role', 'adult', 'national_number'];

export function emptyMember(role = ''): MemberFormValues {
  return { first_name: '', last_name: '', birth_year: '', birth_date: '', role, adult: 'auto', national_number: '' };
}

export function memberFormValues(m: Member): MemberFormValues {
  return {
    first_name: m.firstName,
    last_name: m.lastName,
    birth_year: String(m.birthYear),
    birth_date: m.birthDate ?? '',
    role: m.role,
    adult: m.adultOverride === null ? 'auto' : m.adultOverride ? 'adult' : 'child',
    // The one place the full number is shown: the member's own edit field.
    national_number: m.nationalNumber ? formatNationalNumber(m.nationalNumber) : '',
  };
}

export function readMemberForm(fields: FormFields, prefix = ''): MemberFormValues {
  const v = emptyMember();
  for (const k of MEMBER_FIELDS) v[k] = field(fields, prefix + k);
  if (!v.adult) v.adult = 'auto';
  return v;
}

function memberShape(t: Messages, now: number) {
  const e = t.households.errors;
  const year = currentYear(now);
  const today = todayIso(now);
  const name = (required: string) =>
    z
      .string()
      .trim()
      .min(1, { error: required })
      .max(NAME_MAX, { error: e.nameTooLong(NAME_MAX) });
  return {
    first_name: name(e.firstNameRequired),
    last_name: name(e.lastNameRequired),
    birth_year: z
      .string()
      .trim()
      .transform((s, ctx): number | null => {
        if (s === '') return null;
        if (!/^\d{4}$/.test(s)) {
          ctx.addIssue({ code: 'custom', message: e.birthYearInvalid });
          return z.NEVER;
        }
        const n = Number(s);
        if (n < MIN_BIRTH_YEAR) {
          ctx.addIssue({ code: 'custom', message: e.birthYearTooEarly(MIN_BIRTH_YEAR) });
          return z.NEVER;
        }
        if (n > year) {
          ctx.addIssue({ code: 'custom', message: e.birthYearFuture(year) });
          return z.NEVER;
        }
        return n;
      }),
    birth_date: z
      .string()
      .trim()
      .transform((s, ctx): string | null => {
        if (s === '') return null;
        const day = parseDay(s);
        if (!day) {
          ctx.addIssue({ code: 'custom', message: e.birthDateInvalid });
          return z.NEVER;
        }
        if (day > today) {
          ctx.addIssue({ code: 'custom', message: e.birthDateFuture });
          return z.NEVER;
        }
        if (Number(day.slice(0, 4)) < MIN_BIRTH_YEAR) {
          ctx.addIssue({ code: 'custom', message: e.birthYearTooEarly(MIN_BIRTH_YEAR) });
          return z.NEVER;
        }
        return day;
      }),
    role: z.enum(['aanvrager', 'partner', 'kind', 'ander'], { error: e.roleRequired }),
    adult: z.enum(['auto', 'adult', 'child'], { error: e.adultInvalid }).transform((v) => (v === 'auto' ? null : v === 'adult')),
    national_number: z
      .string()
      .trim()
      .max(40, { error: e.nationalNumberLength })
      .transform((s, ctx): NationalNumber | null => {
        if (s === '') return null;
        const r = parseNationalNumber(s);
        if (r.ok) return r.value;
        const message = { characters: e.nationalNumberCharacters, length: e.nationalNumberLength, checksum: e.nationalNumberChecksum }[r.problem];
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }),
  };
}

export type MemberParse = { ok: true; values: MemberValues } | { ok: false; errors: FieldErrors };

/** Validates one member's fields; `prefix` names the fields of row n on the "new household" form. */
export function parseMember(t: Messages, now: number, input: MemberFormValues, prefix = ''): MemberParse {
  const e = t.households.errors;
  const { data, errors } = parseEach(memberShape(t, now), input, prefix);
  let birthYear = data.birth_year ?? null;
  const birthDate = data.birth_date ?? null;
  const yearOk = !errors[prefix + 'birth_year'];
  const dateOk = !errors[prefix + 'birth_date'];
  if (yearOk && dateOk) {
    if (birthYear === null && birthDate === null) errors[prefix + 'birth_year'] = e.birthYearRequired;
    else if (birthYear === null && birthDate !== null) birthYear = Number(birthDate.slice(0, 4));
    else if (birthYear !== null && birthDate !== null && Number(birthDate.slice(0, 4)) !== birthYear) errors[prefix + 'birth_date'] = e.birthDateOtherYear;
  }
  const nn = data.national_number ?? null;
  if (nn && yearOk && dateOk && !errors[prefix + 'national_number']) {
    const mismatch = birthMismatch(nn, birthYear, birthDate);
    if (mismatch?.field === 'year') errors[prefix + 'national_number'] = e.nationalNumberYear(mismatch.numberYear, birthYear!);
    else if (mismatch?.field === 'date') errors[prefix + 'national_number'] = e.nationalNumberDate(mismatch.numberDate);
  }
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

export type HouseholdParse = { ok: true; values: HouseholdValues } | { ok: false; errors: FieldErrors };

/**
 * Team, worker and dossier number. The team must be one of `teams` (the user's); the worker must
 * belong to that team, or be the one already assigned in that team (`keep`: someone who has since left
 * the team stays until a person changes it, rather than blocking every other edit).
 */
export function parseHousehold(
  t: Messages,
  input: HouseholdFormValues,
  teams: TeamWithWorkers[],
  keep?: { teamId: number; workerId: number | null },
): HouseholdParse {
  const e = t.households.errors;
  const shape = {
    team: z.string().transform((s, ctx): TeamWithWorkers => {
      const team = teams.find((x) => x.id === parseId(s));
      if (!team) {
        ctx.addIssue({ code: 'custom', message: e.teamInvalid });
        return z.NEVER;
      }
      return team;
    }),
    worker: z.string().transform((s, ctx): number | null => {
      if (s === '') return null;
      const id = parseId(s);
      if (id === null) {
        ctx.addIssue({ code: 'custom', message: e.workerInvalid });
        return z.NEVER;
      }
      return id;
    }),
    dossier_ref: z
      .string()
      .trim()
      .max(DOSSIER_REF_MAX, { error: e.dossierRefTooLong(DOSSIER_REF_MAX) })
      .transform((s) => s || null),
  };
  const { data, errors } = parseEach(shape, input);
  const team = data.team;
  const worker = data.worker ?? null;
  const kept = keep !== undefined && team?.id === keep.teamId && worker === keep.workerId;
  if (team && worker !== null && !kept && !team.workers.some((w) => w.id === worker)) errors.worker = e.workerInvalid;
  if (!team || Object.values(errors).some(Boolean)) return { ok: false, errors };
  return { ok: true, values: { teamId: team.id, assignedUserId: worker, dossierRef: data.dossier_ref ?? null } };
}

// ---------------------------------------------------------------- departure, revision, new-household rows

export type DayParse = { ok: true; day: string } | { ok: false; errors: FieldErrors };

export function parseDeparture(t: Messages, now: number, input: string, joinedOn: string): DayParse {
  const e = t.households.errors;
  const today = todayIso(now);
  const schema = z
    .string()
    .trim()
    .min(1, { error: e.leftOnRequired })
    .transform((s, ctx): string => {
      const day = parseDay(s);
      if (!day) {
        ctx.addIssue({ code: 'custom', message: e.leftOnInvalid });
        return z.NEVER;
      }
      if (day > today) {
        ctx.addIssue({ code: 'custom', message: e.leftOnFuture });
        return z.NEVER;
      }
      if (day < joinedOn) {
        ctx.addIssue({ code: 'custom', message: e.leftOnBeforeJoined(formatIsoDate(joinedOn)) });
        return z.NEVER;
      }
      return day;
    });
  const r = schema.safeParse(input);
  return r.success ? { ok: true, day: r.data } : { ok: false, errors: { left_on: r.error.issues[0]?.message } };
}

/** How many member rows the "new household" form shows (it grows with "Nog een gezinslid toevoegen"). */
export function readMemberCount(fields: FormFields): number {
  const r = z.coerce.number().int().min(1).max(MAX_NEW_MEMBERS).safeParse(field(fields, 'member_count'));
  return r.success ? r.data : 1;
}

export const memberPrefix = (index: number) => `m${index}_`;

/** A row the user left empty (role and adult/child have defaults, so they do not count). */
export function isBlankMember(v: MemberFormValues): boolean {
  return !v.first_name.trim() && !v.last_name.trim() && !v.birth_year.trim() && !v.birth_date.trim() && !v.national_number.trim();
}
