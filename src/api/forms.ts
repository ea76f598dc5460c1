import { z } from 'zod';
import { field, readRevision, type FormFields } from '../http/form.js';
import { ALLOW_LIST_MAX_ENTRIES, formatAllowList, parseAllowList } from './addresses.js';
import { isApiScope, scopeProblem, type ApiScope } from './scopes.js';
import type { ApiClientValues } from './queries.js';
import { failsWith, hasErrors, parseFields, type ErrorCode, type ErrorCodes } from '../http/form-errors.js';
import type { ApiMessages } from './messages/nl.js';

// The administrator's form for an API client (new and edit). Answers error CODES (keys of
// api.admin.errors, with the values a text needs: a limit, the addresses refused); the view says
// them in the user's language (docs/one-way.md, "validating a form"). No request, no locale.

export const CLIENT_NAME_MAX = 100;
export const RATE_MIN = 1;
export const RATE_MAX = 6000;
export const RATE_DEFAULT = 120;

/** The form as typed, to show a refused form unchanged. */
export interface ApiClientFormValues {
  name: string;
  scopes: string[];
  team: string;
  ip_allow_list: string;
  rate_limit: string;
  revision: number;
}

type Texts = ApiMessages['admin']['errors'];
export type ApiClientError = ErrorCode<Texts>;
export type ApiClientErrors = ErrorCodes<Texts>;

const fails = (code: ApiClientError) => failsWith<Texts>(code);

export function emptyApiClientForm(): ApiClientFormValues {
  return { name: '', scopes: [], team: '', ip_allow_list: '', rate_limit: String(RATE_DEFAULT), revision: 0 };
}

export function readApiClientForm(fields: FormFields): ApiClientFormValues {
  const raw = fields.scopes;
  return {
    name: field(fields, 'name'),
    scopes: raw === undefined ? [] : Array.isArray(raw) ? raw : [raw],
    team: field(fields, 'team'),
    ip_allow_list: field(fields, 'ip_allow_list'),
    rate_limit: field(fields, 'rate_limit'),
    revision: readRevision(fields),
  };
}

const nameSchema = z
  .string()
  .trim()
  .min(1, fails('nameRequired'))
  .refine((s) => s.length <= CLIENT_NAME_MAX, fails(['nameTooLong', CLIENT_NAME_MAX])); // a refine: zod's .max() drops the values a code carries
const rateSchema = z
  .string()
  .trim()
  .refine((s) => /^\d{1,5}$/.test(s), fails(['rateInvalid', RATE_MIN, RATE_MAX])) // a refine: .regex() drops the values too
  .transform(Number)
  .refine((n) => n >= RATE_MIN && n <= RATE_MAX, fails(['rateInvalid', RATE_MIN, RATE_MAX]));

export type ApiClientParse = { ok: true; values: ApiClientValues } | { ok: false; errors: ApiClientErrors };

/**
 * Validates the form against the organisation's teams; every field on its own, then the scope rules.
 * A name in use by another active client is the route's to see (`nameTaken`, same texts).
 */
export function parseApiClientForm(v: ApiClientFormValues, teamIds: readonly number[]): ApiClientParse {
  const { data, errors } = parseFields<Texts, { name: typeof nameSchema; rate_limit: typeof rateSchema }>(
    { name: nameSchema, rate_limit: rateSchema },
    { name: v.name, rate_limit: v.rate_limit },
  );

  const scopes: ApiScope[] = [];
  for (const s of v.scopes) {
    if (isApiScope(s)) scopes.push(s);
    else errors.scopes = 'scopeUnknown';
  }
  const problem = errors.scopes ? null : scopeProblem(scopes);
  if (problem === 'none') errors.scopes = 'scopesNone';
  else if (problem === 'writeNeedsRead') errors.scopes = 'scopesWriteNeedsRead';
  else if (problem === 'documentsNeedRemarks') errors.scopes = 'scopesDocumentsNeedRemarks';

  let teamId: number | null = null;
  if (v.team !== '') {
    teamId = /^\d{1,15}$/.test(v.team) ? Number(v.team) : NaN;
    if (!teamIds.includes(teamId)) errors.team = 'teamInvalid';
  }

  const addresses = parseAllowList(v.ip_allow_list);
  if (addresses.bad.length) errors.ip_allow_list = ['ipInvalid', addresses.bad.join(', ')];
  else if (addresses.entries.length > ALLOW_LIST_MAX_ENTRIES) errors.ip_allow_list = ['ipTooMany', ALLOW_LIST_MAX_ENTRIES];

  if (hasErrors(errors) || data.name === undefined || data.rate_limit === undefined) return { ok: false, errors };
  return {
    ok: true,
    values: {
      name: data.name,
      scopes,
      teamId,
      ipAllowList: addresses.entries.length ? formatAllowList(addresses.entries) : null,
      rateLimitPerMinute: data.rate_limit,
    },
  };
}
