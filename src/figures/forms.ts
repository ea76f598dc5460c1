import { z } from 'zod';
import type { ErrorCodes } from '../http/form-errors.js';
import type { FiguresMessages } from './messages/nl.js';
import { field, readRevision, type FormFields } from '../http/form.js';
import type { Level } from '../catalogue/default-catalogue.js';
import { parsePeriod, type LivingWageFormValues, type Period } from './logic.js';
import { TODO_KINDS, type FiguresSettings } from './queries.js';
import type { TodoFilter, TodoKind } from './model.js';
import type { Moment } from './counting.js';

// The figures' forms: the filters (fixed choices in a GET form), the settings, the "Te doen"
// filter and the living wage. Each answers error codes (keys of the feature's messages), never texts.

export interface FiguresQueryValues {
  period: string;
  team: string;
  level: string;
  moment: string;
}

export type FiltersError = 'invalid';

const filtersSchema = z.object({
  period: z.string().transform((s, ctx) => parsePeriod(s) ?? (ctx.addIssue({ code: 'custom', message: 'invalid' }), z.NEVER)),
  team: z.union([
    z.literal('all'),
    z
      .string()
      .regex(/^\d{1,15}$/)
      .transform(Number),
  ]),
  level: z.enum(['huishouden', 'volwassene', 'kind']),
  moment: z.enum(['first', 'latest']),
});

/**
 * The filters as asked (defaults for what is missing: this year, the caller's only team or all,
 * households, the latest balance). Anything else than the fixed choices is refused.
 */
export function parseFilters(
  q: Partial<FiguresQueryValues>,
  defaults: { period: string; team: string },
):
  | { ok: true; values: FiguresQueryValues; filters: { period: Period; team: number | 'all'; level: Level; moment: Moment } }
  | { ok: false; values: FiguresQueryValues; error: FiltersError } {
  const values: FiguresQueryValues = {
    period: q.period || defaults.period,
    team: q.team || defaults.team,
    level: q.level || 'huishouden',
    moment: q.moment || 'latest',
  };
  const parsed = filtersSchema.safeParse(values);
  if (!parsed.success) return { ok: false, values, error: 'invalid' };
  return { ok: true, values, filters: parsed.data };
}

export function filtersQuery(v: FiguresQueryValues, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ period: v.period, team: v.team, level: v.level, moment: v.moment, ...extra }).toString();
}

// ---------------------------------------------------------------- settings

export interface SettingsFormValues {
  threshold: string;
  balanceDueMonths: string;
  weeklyDigest: boolean;
  revision: number;
}
/** The settings form's problems: codes of the figures' settings texts (limits travel with them). */
export type SettingsErrors = ErrorCodes<FiguresMessages['settings']['errors']>;
export const THRESHOLD_RANGE = [3, 50] as const;
export const BALANCE_DUE_RANGE = [1, 36] as const;

export function readSettingsForm(fields: FormFields): SettingsFormValues {
  return {
    threshold: field(fields, 'threshold').trim(),
    balanceDueMonths: field(fields, 'balance_due_months').trim(),
    weeklyDigest: field(fields, 'weekly_digest') === '1',
    revision: readRevision(fields),
  };
}

export function settingsFormOf(s: FiguresSettings): SettingsFormValues {
  return { threshold: String(s.threshold), balanceDueMonths: String(s.balanceDueMonths), weeklyDigest: s.weeklyDigest, revision: s.revision };
}

const wholeIn = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,3}$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export function parseSettings(v: SettingsFormValues): { ok: true; values: Omit<FiguresSettings, 'revision'> } | { ok: false; errors: SettingsErrors } {
  const threshold = wholeIn(...THRESHOLD_RANGE).safeParse(v.threshold);
  const due = wholeIn(...BALANCE_DUE_RANGE).safeParse(v.balanceDueMonths);
  const errors: SettingsErrors = {};
  if (!threshold.success) errors.threshold = ['threshold', ...THRESHOLD_RANGE];
  if (!due.success) errors.balance_due_months = ['balanceDue', ...BALANCE_DUE_RANGE];
  if (!threshold.success || !due.success) return { ok: false, errors };
  return { ok: true, values: { threshold: threshold.data, balanceDueMonths: due.data, weeklyDigest: v.weeklyDigest } };
}

// ---------------------------------------------------------------- "Te doen"

export interface TodoQueryValues {
  whose: string;
  kind: string;
}

/** `whose`: mine, teams, or one of the caller's team ids; `kind`: all or one kind. */
export function parseTodoQuery(
  q: Partial<TodoQueryValues>,
  teamIds: readonly number[],
): { ok: true; filter: TodoFilter; values: TodoQueryValues } | { ok: false; values: TodoQueryValues } {
  const values = { whose: q.whose || 'mine', kind: q.kind || 'all' };
  const kind = values.kind === 'all' || (TODO_KINDS as readonly string[]).includes(values.kind) ? (values.kind as TodoKind | 'all') : null;
  const team = /^\d{1,15}$/.test(values.whose) ? Number(values.whose) : null;
  const whose = values.whose === 'mine' || values.whose === 'teams' ? values.whose : team !== null && teamIds.includes(team) ? team : null;
  if (kind === null || whose === null) return { ok: false, values };
  return { ok: true, filter: { whose, kind }, values };
}

// ---------------------------------------------------------------- the living wage

export function readLivingWageForm(fields: FormFields): LivingWageFormValues & { revision: number } {
  return { grantedOn: field(fields, 'granted_on'), exemption: field(fields, 'exemption'), revision: readRevision(fields) };
}

/** The evaluation form's one new field: 'yes', 'no', or not chosen (null). */
export function readInPerson(fields: FormFields): { value: string; inPerson: boolean | null } {
  const value = field(fields, 'in_person');
  return { value, inPerson: value === 'yes' ? true : value === 'no' ? false : null };
}
