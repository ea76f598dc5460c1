import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Trx } from '../db/transaction.js';
import type { OrgScope } from '../auth/scope.js';
import { hashPassword } from '../auth/password.js';
import { newIdAndSecret, randomToken } from '../auth/tokens.js';
import { visibleHouseholds } from '../households/access.js';
import { formatScopes, parseScopes, type ApiScope } from './scopes.js';
import type { ApiClient } from './model.js';

// API clients, their access tokens, and the API's own reads. Plain functions, db or trx first and
// the scope second, like every queries.ts: except the two look-ups marked "before the
// organisation is known", which find a client from the credentials it sends (there is no scope
// yet). Each is one named function, so a reviewed list of such look-ups stays short.

type Db = Kysely<Database>;

/** Access tokens live this long (the issue asks at most 15 minutes). */
export const ACCESS_TOKEN_TTL_MS = 15 * 60_000;

export interface ApiClientValues {
  name: string;
  scopes: ApiScope[];
  teamId: number | null;
  ipAllowList: string | null;
  rateLimitPerMinute: number;
}

/** The credentials of a new client or a rotated secret: shown once, never stored in clear. */
export interface ClientCredentials {
  id: number;
  clientId: string;
  clientSecret: string;
}

/** A secret as it is made (hashed before any transaction opens: argon2 takes tens of milliseconds). */
export interface NewSecret {
  clientSecret: string;
  secretHash: string;
}

export async function newClientSecret(): Promise<NewSecret> {
  // 40 x 5 = 200 bits; hashed with argon2id like a password (the issue asks it), though its
  // strength alone would make a fast hash enough.
  const clientSecret = `sbs_${randomToken(40)}`;
  return { clientSecret, secretHash: await hashPassword(clientSecret) };
}

// ---------------------------------------------------------------- before the organisation is known

/**
 * Before the organisation is known: the client a token request names by its public client id.
 * Everything the token endpoint needs to decide, nothing more.
 */
export async function findClientForTokenRequest(db: Db, clientId: string) {
  if (!/^sbc_[a-z2-9]{20}$/.test(clientId)) return undefined;
  return db
    .selectFrom('api_client')
    .select(['id', 'organisation_id', 'client_id', 'scopes', 'ip_allow_list', 'rate_limit_per_minute', 'secret_hash', 'revoked_at'])
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

/**
 * Before the organisation is known: the access token a Bearer header names by its id, with its
 * client and the organisation's sensitive-domain setting. The caller checks the secret's hash,
 * the expiry and the client's revocation.
 */
export async function findAccessToken(db: Db, tokenId: string) {
  return db
    .selectFrom('api_token')
    .innerJoin('api_client', 'api_client.id', 'api_token.api_client_id')
    .innerJoin('organisation', 'organisation.id', 'api_client.organisation_id')
    .select([
      'api_token.secret_hash',
      'api_token.expires_at',
      'api_token.scopes',
      'api_client.id as client_id',
      'api_client.scopes as client_scopes',
      'api_client.organisation_id',
      'api_client.team_id',
      'api_client.ip_allow_list',
      'api_client.rate_limit_per_minute',
      'api_client.revoked_at',
      'organisation.sensitive_visibility',
    ])
    .where('api_token.id', '=', tokenId)
    .executeTakeFirst();
}

// ---------------------------------------------------------------- tokens and calls

/** A new access token for the client (in the caller's transaction); expired ones of the client go. */
export async function issueAccessToken(trx: Trx, apiClientId: number, scopes: readonly ApiScope[], now: number): Promise<string> {
  const { id, token, secretHash } = newIdAndSecret();
  await trx.deleteFrom('api_token').where('api_client_id', '=', apiClientId).where('expires_at', '<=', now).execute();
  await trx
    .insertInto('api_token')
    .values({ id, secret_hash: secretHash, api_client_id: apiClientId, scopes: formatScopes(scopes), created_at: now, expires_at: now + ACCESS_TOKEN_TTL_MS })
    .execute();
  await trx.updateTable('api_client').set({ last_used_at: now }).where('id', '=', apiClientId).execute();
  return token;
}

/**
 * The per-client rate limit reads the audit log: every call of a client is one row there already,
 * so counting them costs no extra write per request and holds across processes and restarts.
 * Refused calls (429, refused tokens) are not counted, so a client that keeps knocking is let in
 * again once its earlier calls leave the window. Returns when the oldest counted call leaves the window, if the
 * client has used up `limit` calls in it.
 */
export async function rateLimitedUntil(
  db: Db,
  client: { id: number; organisationId: number },
  limit: number,
  windowMs: number,
  now: number,
): Promise<number | null> {
  const row = await db
    .selectFrom('audit_event')
    .select('at')
    .where('organisation_id', '=', client.organisationId)
    .where('api_client_id', '=', client.id)
    .where('at', '>', now - windowMs)
    // Refusals are not the client's use: a 429, a token request with a wrong secret or a wrong
    // address, a call with a token that is not (or no longer) valid. Counting those would let
    // anyone who knows a client id hold the client back (guessing is throttled per address instead).
    .where('action', 'not in', ['api.rate_limited', 'api.token_refused', 'api.unauthorized'])
    .orderBy('at', 'desc')
    .limit(1)
    .offset(limit - 1)
    .executeTakeFirst();
  return row ? row.at + windowMs : null;
}

/** The organisation's teams, for a client without a team restriction. */
export async function organisationTeamIds(db: Db, organisationId: number): Promise<number[]> {
  const rows = await db.selectFrom('team').select('id').where('organisation_id', '=', organisationId).orderBy('id').execute();
  return rows.map((r) => r.id);
}

export async function organisationName(db: Db, scope: OrgScope): Promise<string> {
  const row = await db.selectFrom('organisation').select('name').where('id', '=', scope.organisationId).executeTakeFirstOrThrow();
  return row.name;
}

// ---------------------------------------------------------------- households for the API

export interface HouseholdListItem {
  id: number;
  dossierRef: string | null;
  status: 'active' | 'closed';
  teamId: number;
  updatedAt: number;
}

/** The households the scope may see, by id, `limit` after `afterId`; optionally one dossier number. */
export async function listHouseholdsAfter(
  db: Db,
  scope: OrgScope,
  opts: { dossierRef?: string | undefined; afterId: number; limit: number },
): Promise<HouseholdListItem[]> {
  let q = visibleHouseholds(db, scope)
    .select(['household.id', 'household.dossier_ref', 'household.status', 'household.team_id', 'household.updated_at'])
    .where('household.id', '>', opts.afterId);
  if (opts.dossierRef !== undefined) q = q.where('household.dossier_ref', '=', opts.dossierRef);
  const rows = await q.orderBy('household.id').limit(opts.limit).execute();
  return rows.map((r) => ({ id: r.id, dossierRef: r.dossier_ref, status: r.status, teamId: r.team_id, updatedAt: r.updated_at }));
}

/** The household with this dossier number, if the scope may see it. */
export async function visibleHouseholdIdByDossierRef(db: Db, scope: OrgScope, dossierRef: string): Promise<number | undefined> {
  const row = await visibleHouseholds(db, scope).select('household.id').where('household.dossier_ref', '=', dossierRef).executeTakeFirst();
  return row?.id;
}

// ---------------------------------------------------------------- administration of clients

function clientQuery(db: Db, scope: OrgScope) {
  return db
    .selectFrom('api_client')
    .leftJoin('team', (j) => j.onRef('team.id', '=', 'api_client.team_id').on('team.organisation_id', '=', scope.organisationId))
    .leftJoin('app_user as creator', (j) => j.onRef('creator.id', '=', 'api_client.created_by').on('creator.organisation_id', '=', scope.organisationId))
    .selectAll('api_client')
    .select(['team.name as team_name', 'creator.display_name as creator_name'])
    .where('api_client.organisation_id', '=', scope.organisationId);
}

type ClientRow = Awaited<ReturnType<ReturnType<typeof clientQuery>['executeTakeFirstOrThrow']>>;
function clientOf(r: ClientRow): ApiClient {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    clientId: r.client_id,
    name: r.name,
    scopes: parseScopes(r.scopes).scopes,
    teamId: r.team_id,
    teamName: r.team_name,
    ipAllowList: r.ip_allow_list,
    rateLimitPerMinute: r.rate_limit_per_minute,
    revision: r.revision,
    createdAt: r.created_at,
    createdByName: r.creator_name,
    updatedAt: r.updated_at,
    secretSetAt: r.secret_set_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}

/** The organisation's API clients, active ones first, then by name. */
export async function listApiClients(db: Db, scope: OrgScope): Promise<ApiClient[]> {
  const rows = await clientQuery(db, scope).orderBy('api_client.revoked_at').orderBy('api_client.name').orderBy('api_client.id').execute();
  return rows.map(clientOf);
}

export async function findApiClient(db: Db, scope: OrgScope, id: number): Promise<ApiClient | undefined> {
  const row = await clientQuery(db, scope).where('api_client.id', '=', id).executeTakeFirst();
  return row ? clientOf(row) : undefined;
}

/** Whether the team belongs to the organisation (a client can be restricted to it). */
export async function teamOfOrganisation(db: Db, scope: OrgScope, teamId: number): Promise<boolean> {
  return (
    (await db.selectFrom('team').select('id').where('id', '=', teamId).where('organisation_id', '=', scope.organisationId).executeTakeFirst()) !== undefined
  );
}

export async function createApiClient(trx: Trx, scope: OrgScope, values: ApiClientValues, secret: NewSecret, now: number): Promise<ClientCredentials> {
  const clientId = `sbc_${randomToken(20)}`;
  const row = await trx
    .insertInto('api_client')
    .values({
      organisation_id: scope.organisationId,
      client_id: clientId,
      name: values.name,
      scopes: formatScopes(values.scopes),
      team_id: values.teamId,
      ip_allow_list: values.ipAllowList,
      rate_limit_per_minute: values.rateLimitPerMinute,
      secret_hash: secret.secretHash,
      secret_set_at: now,
      revision: 0,
      created_at: now,
      created_by: scope.userId,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, clientId, clientSecret: secret.clientSecret };
}

export type ClientSaveResult = 'saved' | 'unchanged' | 'conflict' | 'notFound' | 'revoked';

function sameValues(c: ApiClient, v: ApiClientValues): boolean {
  return (
    c.name === v.name &&
    formatScopes(c.scopes) === formatScopes(v.scopes) &&
    c.teamId === v.teamId &&
    (c.ipAllowList ?? '') === (v.ipAllowList ?? '') &&
    c.rateLimitPerMinute === v.rateLimitPerMinute
  );
}

/**
 * Saves name, scopes, team, addresses and rate limit if nobody changed them since `revision`.
 * Tokens already handed out keep the scopes they were issued with for their last minutes; fewer
 * scopes take effect at once, because every call also checks the client's current scopes.
 */
export async function updateApiClient(
  trx: Trx,
  scope: OrgScope,
  id: number,
  revision: number,
  values: ApiClientValues,
  now: number,
): Promise<ClientSaveResult> {
  const current = await findApiClient(trx, scope, id);
  if (!current) return 'notFound';
  if (current.revokedAt !== null) return 'revoked';
  if (sameValues(current, values)) return 'unchanged';
  if (current.revision !== revision) return 'conflict';
  const res = await trx
    .updateTable('api_client')
    .set((eb) => ({
      name: values.name,
      scopes: formatScopes(values.scopes),
      team_id: values.teamId,
      ip_allow_list: values.ipAllowList,
      rate_limit_per_minute: values.rateLimitPerMinute,
      revision: eb('revision', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1 ? 'saved' : 'conflict';
}

/** A new secret (shown once); the old secret and every token issued with it stop working at once. */
export async function rotateApiClientSecret(
  trx: Trx,
  scope: OrgScope,
  id: number,
  secret: NewSecret,
  now: number,
): Promise<ClientCredentials | 'notFound' | 'revoked'> {
  const current = await findApiClient(trx, scope, id);
  if (!current) return 'notFound';
  if (current.revokedAt !== null) return 'revoked';
  await trx
    .updateTable('api_client')
    .set((eb) => ({ secret_hash: secret.secretHash, secret_set_at: now, updated_at: now, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .execute();
  await trx.deleteFrom('api_token').where('api_client_id', '=', id).execute();
  return { id, clientId: current.clientId, clientSecret: secret.clientSecret };
}

/** Revokes the client for good: its secret and tokens stop working; it stays listed (and in the audit log). */
export async function revokeApiClient(trx: Trx, scope: OrgScope, id: number, now: number): Promise<'revoked' | 'unchanged' | 'notFound'> {
  const current = await findApiClient(trx, scope, id);
  if (!current) return 'notFound';
  if (current.revokedAt !== null) return 'unchanged';
  await trx
    .updateTable('api_client')
    .set((eb) => ({ revoked_at: now, updated_at: now, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .execute();
  await trx.deleteFrom('api_token').where('api_client_id', '=', id).execute();
  return 'revoked';
}
