import type { Messages } from '../i18n/index.js';
import type { HouseholdFormValues } from './forms.js';
import type { Household, TeamWithWorkers } from './queries.js';

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
