import { z } from 'zod';
import { field, readRevision, type FormFields } from '../http/form.js';
import { failsWith, hasErrors, parseFields, type ErrorCode, type ErrorCodes } from '../http/form-errors.js';
import { DOMAINS_MAX, parseDomains, parseIssuer, type ProviderValues } from './logic.js';
import type { SsoMessages } from './messages/nl.js';

// The administrator's form for the identity provider. Answers error CODES (keys of
// sso.admin.errors, with the values a text needs: the domains refused, a limit); the view says them
// in the user's language (docs/one-way.md, "validating a form"). The checks that need the network
// (discovery), the database (domains of other organisations) or the signed-in user (password
// sign-in off) are the route's, with the same codes.

export const CLIENT_ID_MAX = 200;
export const CLIENT_SECRET_MAX = 1000;

export interface SsoFormValues {
  issuer: string;
  client_id: string;
  client_secret: string;
  domains: string;
  auto_create: boolean;
  mfa_enforced: boolean;
  password_signin: boolean;
  revision: number;
}

type Texts = SsoMessages['admin']['errors'];
export type SsoFormError = ErrorCode<Texts>;
export type SsoFormErrors = ErrorCodes<Texts>;

const fails = (code: SsoFormError) => failsWith<Texts>(code);

const checked = (fields: FormFields, name: string) => field(fields, name) === '1';

export function readSsoForm(fields: FormFields): SsoFormValues {
  return {
    issuer: field(fields, 'issuer'),
    client_id: field(fields, 'client_id'),
    client_secret: field(fields, 'client_secret'),
    domains: field(fields, 'domains'),
    auto_create: checked(fields, 'auto_create'),
    mfa_enforced: checked(fields, 'mfa_enforced'),
    password_signin: checked(fields, 'password_signin'),
    revision: readRevision(fields),
  };
}

const clientIdSchema = z.string().trim().min(1, fails('clientIdRequired')).max(CLIENT_ID_MAX, fails('tooLong'));

export type SsoFormParse = { ok: true; values: ProviderValues } | { ok: false; errors: SsoFormErrors };

/** Every field on its own; `hasSecret`: a secret is stored already (then an empty one keeps it). */
export function parseSsoForm(v: SsoFormValues, opts: { allowHttp: boolean; hasSecret: boolean }): SsoFormParse {
  const { data, errors } = parseFields<Texts, { client_id: typeof clientIdSchema }>({ client_id: clientIdSchema }, { client_id: v.client_id });
  const issuer = parseIssuer(v.issuer, opts.allowHttp);
  if (!issuer) errors.issuer = 'issuerInvalid';
  const secret = v.client_secret.trim();
  if (!secret && !opts.hasSecret) errors.client_secret = 'clientSecretRequired';
  else if (secret.length > CLIENT_SECRET_MAX) errors.client_secret = 'tooLong';
  const domains = parseDomains(v.domains);
  if (domains.bad.length) errors.domains = ['domainsInvalid', domains.bad.join(', ')];
  else if (!domains.domains.length) errors.domains = 'domainsRequired';
  else if (domains.domains.length > DOMAINS_MAX) errors.domains = ['domainsTooMany', DOMAINS_MAX];
  if (hasErrors(errors) || !issuer || data.client_id === undefined) return { ok: false, errors };
  return {
    ok: true,
    values: {
      issuer,
      clientId: data.client_id,
      clientSecret: secret || null,
      domains: domains.domains,
      autoCreate: v.auto_create,
      mfaEnforced: v.mfa_enforced,
      passwordSignIn: v.password_signin,
    },
  };
}
