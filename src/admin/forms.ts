import { z } from 'zod';
import { field, type FormFields } from '../http/form.js';
import { codeOf, failsWith, hasErrors, parseFields, type ErrorCode, type ErrorCodes } from '../http/form-errors.js';
import { isLocale, type Locale } from '../i18n/locale.js';
import type { TeamRole } from '../auth/current-user.js';
import { checked, parseTeamRoles, type RoleChoice } from './logic.js';
import type { AdminMessages } from './messages/nl.js';

// The administrator's forms (invite, a user's details and roles, a team's name, the organisation's
// settings): one zod schema per field, cross-field rules in plain code after. They answer error
// CODES (keys of `admin.errors`); the views say them in the user's language. Refusals that only
// the database can see (an address in use, the last administrator) are codes of the same texts,
// answered by the route.

type Texts = AdminMessages['errors'];
export type AdminError = ErrorCode<Texts>;
export type AdminErrors = ErrorCodes<Texts>;

export const NAME_MAX = 200;
export const TEAM_NAME_MAX = 100;
/** The longest address RFC 5321 allows. */
export const EMAIL_MAX = 320;

const fails = (code: AdminError) => failsWith<Texts>(code);

function parseEach<S extends Record<string, z.ZodType>>(shape: S, input: { [K in keyof S]: unknown }) {
  return parseFields<Texts, S>(shape, input);
}

const name = (max = NAME_MAX) =>
  z
    .string()
    .trim()
    .min(1, fails('required'))
    .refine((s) => s.length <= max, fails(['tooLong', max])); // a refine: zod's .max() drops the values a code carries

const email = z
  .string()
  .trim()
  .min(1, fails('required'))
  .max(EMAIL_MAX, fails('invalidEmail'))
  .pipe(z.email(fails('invalidEmail')));

/** A role per team, as the radio groups `team_<id>` show it. */
type TeamRoles = Map<number, TeamRole | null>;

/** The invite form as typed, for re-rendering a refused form unchanged. */
export interface InviteValues {
  display_name: string;
  email: string;
  is_admin: boolean;
  locale: string;
  roles: Record<number, RoleChoice>;
}

export type InviteParse =
  | { ok: true; values: InviteValues; invite: { email: string; displayName: string; isAdmin: boolean; locale: Locale; roles: TeamRoles } }
  | { ok: false; values: InviteValues; errors: AdminErrors };

/**
 * A new user: name, address, language (an unknown one is refused; none sent is `fallback`, the
 * administrator's own) and a role per team of the organisation (`teams`).
 */
export function parseInvite(fields: FormFields, teams: { id: number }[], fallback: Locale): InviteParse {
  const { data, errors } = parseEach({ display_name: name(), email }, { display_name: field(fields, 'display_name'), email: field(fields, 'email') });
  const locale = field(fields, 'locale') || fallback;
  if (!isLocale(locale)) errors.locale = 'invalidLanguage';
  const roles = parseTeamRoles(fields, teams, {});
  for (const id of roles.invalid) errors[`team_${id}`] = 'invalidRole';
  const values: InviteValues = {
    display_name: field(fields, 'display_name'),
    email: field(fields, 'email'),
    is_admin: checked(fields, 'is_admin'),
    locale: isLocale(locale) ? locale : fallback,
    roles: roles.values,
  };
  if (hasErrors(errors) || data.display_name === undefined || data.email === undefined || !isLocale(locale)) return { ok: false, values, errors };
  return { ok: true, values, invite: { email: data.email, displayName: data.display_name, isAdmin: values.is_admin, locale, roles: roles.roles } };
}

/** A user's details form as typed. */
export interface UserEditValues {
  display_name: string;
  is_admin: boolean;
  is_policy: boolean;
  roles: Record<number, RoleChoice>;
}

export type UserEditParse =
  | { ok: true; values: UserEditValues; edit: { displayName: string; isAdmin: boolean; isPolicy: boolean; roles: TeamRoles } }
  | { ok: false; values: UserEditValues; errors: AdminErrors };

/** A user's name, roles and team roles; a team the form did not show keeps `current`. */
export function parseUserEdit(fields: FormFields, teams: { id: number }[], current: Record<number, RoleChoice>): UserEditParse {
  const { data, errors } = parseEach({ display_name: name() }, { display_name: field(fields, 'display_name') });
  const roles = parseTeamRoles(fields, teams, current);
  for (const id of roles.invalid) errors[`team_${id}`] = 'invalidRole';
  const values: UserEditValues = {
    display_name: field(fields, 'display_name'),
    is_admin: checked(fields, 'is_admin'),
    is_policy: checked(fields, 'is_policy'),
    roles: roles.values,
  };
  if (hasErrors(errors) || data.display_name === undefined) return { ok: false, values, errors };
  return { ok: true, values, edit: { displayName: data.display_name, isAdmin: values.is_admin, isPolicy: values.is_policy, roles: roles.roles } };
}

/** A team's name (new or renamed). */
export function parseTeamName(value: string): { ok: true; name: string } | { ok: false; error: AdminError } {
  const r = name(TEAM_NAME_MAX).safeParse(value);
  return r.success ? { ok: true, name: r.data } : { ok: false, error: codeOf<Texts>(r.error.issues[0]!) };
}

/** The organisation's settings form as typed. */
export interface SettingsValues {
  name: string;
  require_two_factor: boolean;
  sensitive_visibility: 'team' | 'assigned';
}

export type SettingsParse =
  | { ok: true; settings: { name: string; requireTwoFactor: boolean; sensitiveVisibility: 'team' | 'assigned' | undefined } }
  | { ok: false; values: SettingsValues; errors: AdminErrors };

/**
 * The organisation's name, two-step verification and who sees sensitive domains. A form without
 * that last choice (an older page still open) answers `undefined`: the route keeps what is set.
 */
export function parseSettings(fields: FormFields): SettingsParse {
  const requireTwoFactor = checked(fields, 'require_two_factor');
  const raw = fields.sensitive_visibility === undefined ? undefined : field(fields, 'sensitive_visibility');
  const { data, errors } = parseEach(
    { name: name(), sensitive_visibility: z.enum(['team', 'assigned'], fails('sensitiveInvalid')).optional() },
    { name: field(fields, 'name'), sensitive_visibility: raw },
  );
  if (hasErrors(errors) || data.name === undefined) {
    const values: SettingsValues = {
      name: field(fields, 'name'),
      require_two_factor: requireTwoFactor,
      sensitive_visibility: raw === 'assigned' ? 'assigned' : 'team',
    };
    return { ok: false, values, errors };
  }
  return { ok: true, settings: { name: data.name, requireTwoFactor, sensitiveVisibility: data.sensitive_visibility } };
}
