import { z } from 'zod';
import { field, readRevision, type FormFields } from '../http/form.js';
import { DOMAINS_MAX, parseDomains, parseIssuer, type ProviderValues } from './logic.js';

// The administrator's form for the identity provider. Answers error CODES (keys of
// sso.admin.errors); the view puts them into words. The checks that need the network (discovery)
// or the database (domains of other organisations) are the route's, with the same codes.

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

export type SsoFormError =
  | 'issuerInvalid'
  | 'issuerUnreachable'
  | 'issuerMismatch'
  | 'clientIdRequired'
  | 'tooLong'
  | 'clientSecretRequired'
  | 'domainsRequired'
  | 'domainsInvalid'
  | 'domainsTooMany'
  | 'domainsTaken'
  | 'passwordOffNeedsOwnSignIn';

export type SsoField = 'issuer' | 'client_id' | 'client_secret' | 'domains' | 'password_signin';
export type SsoFormErrors = Partial<Record<SsoField, SsoFormError>>;

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

const clientIdSchema = z
  .string()
  .trim()
  .min(1, { error: 'clientIdRequired' satisfies SsoFormError })
  .max(CLIENT_ID_MAX, { error: 'tooLong' satisfies SsoFormError });

export type SsoFormParse = { ok: true; values: ProviderValues } | { ok: false; errors: SsoFormErrors; badDomains: string[] };

/** Every field on its own; `hasSecret`: a secret is stored already (then an empty one keeps it). */
export function parseSsoForm(v: SsoFormValues, opts: { allowHttp: boolean; hasSecret: boolean }): SsoFormParse {
  const errors: SsoFormErrors = {};
  const issuer = parseIssuer(v.issuer, opts.allowHttp);
  if (!issuer) errors.issuer = 'issuerInvalid';
  const clientId = clientIdSchema.safeParse(v.client_id);
  if (!clientId.success) errors.client_id = clientId.error.issues[0]!.message as SsoFormError;
  const secret = v.client_secret.trim();
  if (!secret && !opts.hasSecret) errors.client_secret = 'clientSecretRequired';
  else if (secret.length > CLIENT_SECRET_MAX) errors.client_secret = 'tooLong';
  const domains = parseDomains(v.domains);
  if (domains.bad.length) errors.domains = 'domainsInvalid';
  else if (!domains.domains.length) errors.domains = 'domainsRequired';
  else if (domains.domains.length > DOMAINS_MAX) errors.domains = 'domainsTooMany';
  if (Object.keys(errors).length || !issuer || !clientId.success) return { ok: false, errors, badDomains: domains.bad };
  return {
    ok: true,
    values: {
      issuer,
      clientId: clientId.data,
      clientSecret: secret || null,
      domains: domains.domains,
      autoCreate: v.auto_create,
      mfaEnforced: v.mfa_enforced,
      passwordSignIn: v.password_signin,
    },
  };
}
