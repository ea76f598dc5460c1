import type { Messages } from '../i18n/index.js';
import { formatIsoDate } from '../i18n/format.js';
import { memberFormValues, MEMBER_FIELDS, type HouseholdFormValues, type MemberFormValues } from './forms.js';
import { maskNationalNumber, parseNationalNumber } from './national-number.js';
import type { Household, Member, MemberValues, TeamWithWorkers } from './model.js';

// What a refused dossier save shows side by side (the 409 pages): the values as a person reads them,
// names instead of ids. Pure, so the pages and their tests need no request.

export interface ConflictRow {
  label: string;
  theirs: string;
  yours: string;
}

/** Rows of what the user typed, for the "dossier was closed meanwhile" page (nothing typed is lost). */
export function typedRows(labels: Record<string, string>, typed: Record<string, string>): ConflictRow[] {
  return Object.entries(labels)
    .filter(([k]) => (typed[k] ?? '').trim() !== '')
    .map(([k, label]) => ({ label, theirs: '', yours: typed[k]! }));
}

function teamName(teams: TeamWithWorkers[], id: string, fallback: string) {
  return teams.find((t) => String(t.id) === id)?.name ?? fallback;
}

function workerName(teams: TeamWithWorkers[], id: string, fallback: string) {
  for (const t of teams) for (const w of t.workers) if (String(w.id) === id) return w.name;
  return fallback;
}

/** The household form's values as a person reads them: team and worker by name. */
export function shownHousehold(
  t: Messages,
  teams: TeamWithWorkers[],
  h: Household,
  values: HouseholdFormValues,
): Record<'team' | 'worker' | 'dossier_ref', string> {
  return {
    team: teamName(teams, values.team, values.team),
    worker:
      values.worker === ''
        ? t.households.fields.workerNone
        : workerName(teams, values.worker, values.worker === String(h.assignedUserId) ? (h.assignedName ?? '') : values.worker),
    dossier_ref: values.dossier_ref.trim(),
  };
}

/** The fields where the stored household (someone else's save) differs from what this user typed. */
export function householdConflictRows(t: Messages, labels: Record<string, string>, current: Household, mine: ReturnType<typeof shownHousehold>): ConflictRow[] {
  const theirs = { team: current.teamName, worker: current.assignedName ?? t.households.fields.workerNone, dossier_ref: current.dossierRef ?? '' };
  return (Object.keys(labels) as (keyof typeof mine)[])
    .filter((k) => theirs[k] !== mine[k])
    .map((k) => ({ label: labels[k]!, theirs: theirs[k], yours: mine[k] }));
}

/** What a member's fields say, as a person reads them (the conflict and "closed" tables). */
export function shownMember(t: Messages, v: MemberFormValues): Record<string, string> {
  const h = t.households;
  const nn = v.national_number.trim() ? parseNationalNumber(v.national_number) : null;
  return {
    first_name: v.first_name.trim(),
    last_name: v.last_name.trim(),
    birth_year: v.birth_year.trim(),
    birth_date: v.birth_date.trim(),
    role: (h.roles as Record<string, string>)[v.role] ?? v.role,
    adult: { auto: h.fields.adultAuto, adult: h.fields.adultYes, child: h.fields.adultNo }[v.adult] ?? v.adult,
    // Masked in tables like everywhere else; the full number stays in the form's own field.
    national_number: nn?.ok ? maskNationalNumber(nn.value.digits) : v.national_number.trim() ? '…' : '',
    joined_on: v.joined_on?.trim() ?? '',
  };
}

/**
 * The fields where the stored member (someone else's save) differs from what this user typed.
 * Dates, years and the national number are compared as values, so "1985" and " 1985" or a number
 * typed with dots are the same.
 */
export function memberConflictRows(t: Messages, labels: Record<string, string>, current: Member, typed: MemberFormValues, parsed: MemberValues): ConflictRow[] {
  const theirs = shownMember(t, memberFormValues(current));
  const mine = shownMember(t, typed);
  const differs = (k: string) =>
    k === 'national_number'
      ? (current.nationalNumber ?? '') !== (parsed.nationalNumber ?? '')
      : k === 'birth_date'
        ? (current.birthDate ?? '') !== (parsed.birthDate ?? '')
        : k === 'birth_year'
          ? current.birthYear !== parsed.birthYear
          : k === 'joined_on'
            ? current.joinedOn !== (parsed.joinedOn ?? current.joinedOn)
            : theirs[k] !== mine[k];
  return MEMBER_FIELDS.filter(differs).map((k) => ({ label: labels[k]!, theirs: theirs[k]!, yours: mine[k]! }));
}

/** A departure that came too late: the stored departure (or none) beside the day this user typed. */
export function departureConflictRows(t: Messages, current: Member, typedDay: string): ConflictRow[] {
  const f = t.households;
  return [{ label: f.fields.leftOn, theirs: current.leftOn ? formatIsoDate(current.leftOn) : f.conflict.notDeparted, yours: formatIsoDate(typedDay) }];
}
