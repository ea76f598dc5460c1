import { z } from 'zod';
import { field, type FormFields } from '../http/form.js';
import { failsWith, hasErrors, parseFields, type ErrorCode, type ErrorCodes } from '../http/form-errors.js';
import { isLocale, type Locale, type Messages } from '../i18n/index.js';
import type { SsoMessages } from '../sso/messages/nl.js';
import { checkPassword } from './password.js';
import type { AuthMessages } from './messages/nl.js';

// The forms of signing in and of one's own account (first-run setup, sign-in, a password link,
// "forgotten", "Mijn account"). They answer error CODES (keys of `auth.errors`); the views say them
// in the user's language. What only a secret or the database can tell (a wrong password or code,
// a lock, a password sign-in that is switched off) is the route's, answered with the same codes.

type Texts = AuthMessages['errors'];
export type AuthError = ErrorCode<Texts>;
export type AuthErrors = ErrorCodes<Texts>;

/** What the organisation and first user's names may hold at most (what the administrator's forms allow). */
export const SETUP_NAME_MAX = 200;
/** The longest address RFC 5321 allows. */
const EMAIL_MAX = 320;

const fails = (code: AuthError) => failsWith<Texts>(code);

function parseEach<S extends Record<string, z.ZodType>>(shape: S, input: { [K in keyof S]: unknown }) {
  return parseFields<Texts, S>(shape, input);
}

// An empty address is not "required" but "not valid": the field asks for an address either way.
const email = z
  .string()
  .trim()
  .max(EMAIL_MAX, fails('invalidEmail'))
  .pipe(z.email(fails('invalidEmail')));

const required = z.string().trim().min(1, fails('required'));

// A refine, not .max(): zod's built-in checks drop the values a code carries.
const setupName = required.refine((s) => s.length <= SETUP_NAME_MAX, fails(['nameTooLong', SETUP_NAME_MAX]));

/** A new password's problem (too short, too long, common, holds the address), as a code of the field `password`. */
export function newPasswordErrors(password: string, emailAddress: string): AuthErrors {
  const problem = checkPassword(password, emailAddress);
  return problem ? { password: problem } : {};
}

/** The lock after too many failed attempts, in whole minutes still to wait. */
export function lockedFor(waitMs: number): AuthError {
  return ['locked', Math.ceil(waitMs / 60_000)];
}

// ---------------------------------------------------------------- first run

/** The setup form as typed (without the code and the password, which are never shown again). */
export interface SetupValues {
  organisation: string;
  name: string;
  email: string;
}

export type SetupParse =
  { ok: true; setup: { organisation: string; name: string; email: string; password: string } } | { ok: false; values: SetupValues; errors: AuthErrors };

/**
 * The first organisation and its administrator. `expectedCode` is the setup code the server
 * printed (null once used): a code that does not match is refused like a field.
 */
export function parseSetup(fields: FormFields, expectedCode: string | null): SetupParse {
  const values: SetupValues = { organisation: field(fields, 'organisation'), name: field(fields, 'name'), email: field(fields, 'email') };
  const password = field(fields, 'password');
  const code = required.refine((s) => expectedCode !== null && s.toUpperCase() === expectedCode, fails('wrongSetupCode'));
  const { data, errors } = parseEach({ code, organisation: setupName, name: setupName, email }, { code: field(fields, 'code'), ...values });
  Object.assign(errors, newPasswordErrors(password, values.email));
  if (hasErrors(errors) || data.code === undefined || data.organisation === undefined || data.name === undefined || data.email === undefined)
    return { ok: false, values, errors };
  return { ok: true, setup: { organisation: data.organisation, name: data.name, email: data.email, password } };
}

// ---------------------------------------------------------------- sign in

/**
 * The sign-in form is answered by both ways in: the password (auth.errors) and the organisation's
 * own account (src/sso/, whose refusals of the typed address are sso.signin's words).
 */
export type SignInTexts = Texts & Pick<SsoMessages['signin'], 'noProvider'> & Pick<SsoMessages['signin']['refusals'], 'unreachable'>;
export type SignInErrors = ErrorCodes<SignInTexts>;

export function signInTexts(t: Messages): SignInTexts {
  return { ...t.auth.errors, noProvider: t.sso.signin.noProvider, unreachable: t.sso.signin.refusals.unreachable };
}

export type SignInParse = { ok: true; email: string; password: string } | { ok: false; email: string; errors: AuthErrors };

/** Address and password, both required. Whether they belong together is the route's to find out. */
export function parseSignIn(fields: FormFields): SignInParse {
  const emailAddress = field(fields, 'email').trim();
  const password = field(fields, 'password');
  const errors: AuthErrors = {};
  if (!emailAddress) errors.email = 'required';
  if (!password) errors.password = 'required';
  return hasErrors(errors) ? { ok: false, email: emailAddress, errors } : { ok: true, email: emailAddress, password };
}

// ---------------------------------------------------------------- password forgotten, language

export function parseForgotten(fields: FormFields): { ok: true; email: string } | { ok: false; errors: AuthErrors } {
  const r = email.safeParse(field(fields, 'email'));
  return r.success ? { ok: true, email: r.data } : { ok: false, errors: { email: 'invalidEmail' } };
}

export function parseLanguage(fields: FormFields): { ok: true; locale: Locale } | { ok: false; errors: AuthErrors } {
  const locale = field(fields, 'locale');
  return isLocale(locale) ? { ok: true, locale } : { ok: false, errors: { locale: 'invalidLanguage' } };
}
