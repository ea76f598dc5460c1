import { z } from 'zod';
import { field, readRevision, type FormFields } from '../http/form.js';
import { ALLOW_LIST_MAX_ENTRIES, formatAllowList, parseAllowList } from './addresses.js';
import { isApiScope, scopeProblem, type ApiScope } from './scopes.js';
import type { ApiClientValues } from './queries.js';

// The administrator's form for an API client (new and edit). Answers error CODES (keys of
// api.admin.errors in the messages); the view puts them into words. No request, no locale.

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

export type ApiClientError =
  | 'nameRequired'
  | 'nameTooLong'
  | 'nameTaken'
  | 'scopesNone'
  | 'scopesWriteNeedsRead'
  | 'scopesDocumentsNeedRemarks'
  | 'scopeUnknown'
  | 'teamInvalid'
  | 'ipInvalid'
  | 'ipTooMany'
  | 'rateInvalid';

export type ApiClientField = 'name' | 'scopes' | 'team' | 'ip_allow_list' | 'rate_limit';
export type ApiClientErrors = Partial<Record<ApiClientField, ApiClientError>>;

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
  .min(1, { error: 'nameRequired' satisfies ApiClientError })
  .max(CLIENT_NAME_MAX, { error: 'nameTooLong' satisfies ApiClientError });
const rateSchema = z
  .string()
  .trim()
  .regex(/^\d{1,5}$/, { error: 'rateInvalid' satisfies ApiClientError })
  .transform(Number)
  .pipe(
    z
      .number()
      .int()
      .min(RATE_MIN)
      .max(RATE_MAX, { error: 'rateInvalid' satisfies ApiClientError }),
  );

export type ApiClientParse = { ok: true; values: ApiClientValues } | { ok: false; errors: ApiClientErrors; badAddresses: string[] };

/** Validates the form against the organisation's teams; every field on its own, then the scope rules. */
export function parseApiClientForm(v: ApiClientFormValues, teamIds: readonly number[]): ApiClientParse {
  const errors: ApiClientErrors = {};
  const name = nameSchema.safeParse(v.name);
  if (!name.success) errors.name = name.error.issues[0]!.message as ApiClientError;

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
  if (addresses.bad.length) errors.ip_allow_list = 'ipInvalid';
  else if (addresses.entries.length > ALLOW_LIST_MAX_ENTRIES) errors.ip_allow_list = 'ipTooMany';

  const rate = rateSchema.safeParse(v.rate_limit);
  if (!rate.success) errors.rate_limit = 'rateInvalid';

  if (Object.keys(errors).length || !name.success || !rate.success) return { ok: false, errors, badAddresses: addresses.bad };
  return {
    ok: true,
    values: {
      name: name.data,
      scopes,
      teamId,
      ipAllowList: addresses.entries.length ? formatAllowList(addresses.entries) : null,
      rateLimitPerMinute: rate.data,
    },
  };
}
