// Pure rules of single sign-on: which domain an address belongs to, who a signed-in person is at
// their identity provider, and whether the provider asked a second factor. No db, no request.

export const DOMAINS_MAX = 20;

/** The domain of an e-mail address, lower-case; null when it is not an address. */
export function emailDomain(email: string): string | null {
  const m = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/.exec(email.trim());
  return m ? m[1]!.toLowerCase().replace(/\.$/, '') : null;
}

const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The administrator's list of e-mail domains (one per line, or separated by commas or spaces). */
export function parseDomains(text: string): { domains: string[]; bad: string[] } {
  const words = text
    .split(/[\s,;]+/)
    .map((w) => w.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, ''))
    .filter(Boolean);
  const domains = [...new Set(words.filter((w) => HOSTNAME.test(w)))];
  return { domains, bad: words.filter((w) => !HOSTNAME.test(w)) };
}

/**
 * The issuer URL as the administrator typed it: https (http only where the deployment allows it,
 * which only the tests do), no query or fragment, no trailing slash (issuers compare exactly, and
 * OpenID Connect Discovery appends /.well-known/openid-configuration).
 */
export function parseIssuer(text: string, allowHttp: boolean): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) return null;
  if (url.search || url.hash || url.username || url.password) return null;
  return url.toString().replace(/\/$/, '');
}

export interface IdTokenClaims {
  sub?: unknown;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
  tid?: unknown;
  oid?: unknown;
  amr?: unknown;
  acr?: unknown;
}

/**
 * Who this person is at the provider, for good: `sub`, or for Microsoft Entra ID the tenant and
 * object id (`tid` + `oid`), which stay the same across the applications of a tenant where `sub`
 * does not. Never the e-mail address: it can change, and can be given to someone else.
 */
export function subjectOf(claims: IdTokenClaims): string | null {
  if (typeof claims.tid === 'string' && typeof claims.oid === 'string' && claims.tid && claims.oid) return `entra:${claims.tid}:${claims.oid}`;
  if (typeof claims.sub === 'string' && claims.sub) return `sub:${claims.sub}`;
  return null;
}

/** acr values that name multi-factor authentication (OpenID PAPE). */
const MFA_ACR = new Set([
  'http://schemas.openid.net/pape/policies/2007/06/multi-factor',
  'http://schemas.openid.net/pape/policies/2007/06/multi-factor-physical',
]);

/**
 * Whether the provider says it asked more than a password: `amr` contains "mfa" (RFC 8176; Entra ID
 * sends ["pwd", "mfa"]), or `acr` is a multi-factor policy. Anything else is not taken as MFA.
 */
export function providerAssertsMfa(claims: IdTokenClaims): boolean {
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((x): x is string => typeof x === 'string') : [];
  if (amr.includes('mfa')) return true;
  return typeof claims.acr === 'string' && MFA_ACR.has(claims.acr);
}

/** The e-mail claim, lower-case, when the provider does not say it is unverified. */
export function verifiedEmail(claims: IdTokenClaims): string | null {
  if (claims.email_verified === false) return null;
  return typeof claims.email === 'string' && emailDomain(claims.email) ? claims.email.trim().toLowerCase() : null;
}

/** What the administrator sets for the organisation's identity provider. */
export interface ProviderValues {
  issuer: string;
  clientId: string;
  /** null: keep the stored secret. */
  clientSecret: string | null;
  domains: string[];
  autoCreate: boolean;
  mfaEnforced: boolean;
  passwordSignIn: boolean;
}

/** Why a sign-in through the provider was refused: the audit row's target, and the message's key. */
export type SsoRefusal =
  | 'state'
  | 'providerError'
  | 'unreachable'
  | 'response'
  | 'noSubject'
  | 'noEmail'
  | 'domain'
  | 'unknownUser'
  | 'alreadyLinked'
  | 'signInFirst'
  | 'otherOrganisation'
  | 'disabled';
