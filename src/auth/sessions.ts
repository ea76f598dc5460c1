import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sql, type Expression, type Kysely, type Selectable } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import { isLocale } from '../i18n/index.js';
import type { CurrentUser, TeamRole } from './current-user.js';
import { hashSecret, newIdAndSecret, sameHash, splitToken } from './tokens.js';

/**
 * Sessions after Lucia's design (lucia-auth.com, "Basic session implementation"): a random
 * `id.secret` token in an HttpOnly cookie; the database keeps only SHA-256(secret). A session
 * ends after `sessionIdleMs` without activity (30 min by default: shared municipal PCs) and at
 * the latest `sessionAbsoluteMs` after sign-in (10 h: one working day), whichever comes first.
 */

// Writing last_active_at on every request would turn each page view into a write; once a minute
// is precise enough for a 30-minute idle limit.
const TOUCH_INTERVAL_MS = 60_000;

export function cookieName(config: Config): string {
  // The __Host- prefix pins the cookie to this exact origin, https only, path /.
  return config.secure ? '__Host-sb_session' : 'sb_session';
}

export async function createSession(db: Kysely<Database>, userId: number, now: number, userAgent: string) {
  const { id, token, secretHash } = newIdAndSecret();
  await db
    .insertInto('user_session')
    .values({
      id,
      secret_hash: secretHash,
      user_id: userId,
      created_at: now,
      last_active_at: now,
      two_factor_verified: 0,
      user_agent: summariseUserAgent(userAgent),
    })
    .execute();
  return { id, token };
}

export interface ValidSession {
  id: string;
  userId: number;
  twoFactorVerified: boolean;
  /** The identity provider asked the second factor at sign-in (src/sso/): the app's own is not asked. */
  providerMfa: boolean;
  createdAt: number;
  /** The client invitation this session was handed over for (src/client-voice/handover.ts), or null. */
  handedOverFor: string | null;
}

/**
 * The session of a cookie's token and the user behind it, in one query with the user's teams and
 * whether the session was handed over to a client: every request makes this look-up, and on
 * PostgreSQL each query is a round trip. Null when the token is wrong or the session gone or
 * expired; `user` null when the account is disabled.
 */
export async function loadSession(
  db: Kysely<Database>,
  config: Config,
  token: string,
  now: number,
): Promise<{ session: ValidSession; user: CurrentUser | null } | null> {
  const parts = splitToken(token);
  if (!parts) return null;
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('app_user', 'app_user.id', 's.user_id')
    .innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
    .select(['s.id as session_id', 's.secret_hash', 's.created_at as session_created_at', 's.last_active_at', 's.two_factor_verified', 's.provider_mfa'])
    .select(USER_COLUMNS)
    .select((eb) => [
      membershipsOf(eb.ref('app_user.id')).as('memberships'),
      eb.selectFrom('client_session_lock as l').select('l.invitation_id').whereRef('l.session_id', '=', 's.id').as('handed_over_for'),
    ])
    .where('s.id', '=', parts.id)
    .executeTakeFirst();
  if (!row) return null;
  if (!sameHash(hashSecret(parts.secret), new Uint8Array(row.secret_hash))) return null;
  if (now - row.last_active_at >= config.sessionIdleMs || now - row.session_created_at >= config.sessionAbsoluteMs) {
    await db.deleteFrom('user_session').where('id', '=', row.session_id).execute();
    return null;
  }
  if (now - row.last_active_at >= TOUCH_INTERVAL_MS) {
    await db.updateTable('user_session').set({ last_active_at: now }).where('id', '=', row.session_id).execute();
  }
  const session: ValidSession = {
    id: row.session_id,
    userId: row.id,
    twoFactorVerified: row.two_factor_verified === 1,
    providerMfa: row.provider_mfa === 1,
    createdAt: row.session_created_at,
    handedOverFor: row.handed_over_for ?? null,
  };
  return { session, user: currentUserOf(row) };
}

/** "Aangemeld blijven": an explicit keep-alive always moves the idle deadline. */
export async function touchSession(db: Kysely<Database>, sessionId: string, now: number) {
  await db.updateTable('user_session').set({ last_active_at: now }).where('id', '=', sessionId).execute();
}

export async function markTwoFactorVerified(db: Kysely<Database>, sessionId: string) {
  await db.updateTable('user_session').set({ two_factor_verified: 1 }).where('id', '=', sessionId).execute();
}

/**
 * A session signed in through the organisation's identity provider, which asked a second factor
 * itself (or is recorded by an administrator to always do so): the second step counts as done.
 */
export async function markProviderMfa(db: Kysely<Database>, sessionId: string) {
  await db.updateTable('user_session').set({ two_factor_verified: 1, provider_mfa: 1 }).where('id', '=', sessionId).execute();
}

export async function invalidateSession(db: Kysely<Database>, sessionId: string) {
  await db.deleteFrom('user_session').where('id', '=', sessionId).execute();
}

export async function invalidateUserSessions(db: Kysely<Database>, userId: number, exceptSessionId?: string) {
  let q = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  await q.execute();
}

export function setSessionCookie(c: Context, config: Config, token: string) {
  setCookie(c, cookieName(config), token, {
    httpOnly: true,
    secure: config.secure,
    sameSite: 'Lax',
    path: '/',
    maxAge: Math.floor(config.sessionAbsoluteMs / 1000),
  });
}

export function clearSessionCookie(c: Context, config: Config) {
  deleteCookie(c, cookieName(config), { path: '/', secure: config.secure });
}

export function readSessionCookie(c: Context, config: Config): string | undefined {
  return getCookie(c, cookieName(config));
}

const USER_COLUMNS = [
  'app_user.id',
  'app_user.organisation_id',
  'app_user.email',
  'app_user.display_name',
  'app_user.locale',
  'app_user.is_admin',
  'app_user.is_policy',
  'app_user.totp_enabled_at',
  'app_user.disabled_at',
  'organisation.name as organisation_name',
  'organisation.require_two_factor',
  'organisation.sensitive_visibility',
] as const;

/** Loads the user behind a session, or null when the user is disabled or gone. */
export async function loadCurrentUser(db: Kysely<Database>, userId: number): Promise<CurrentUser | null> {
  const row = await db
    .selectFrom('app_user')
    .innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
    .select(USER_COLUMNS)
    .select((eb) => membershipsOf(eb.ref('app_user.id')).as('memberships'))
    .where('app_user.id', '=', userId)
    .executeTakeFirst();
  return row ? currentUserOf(row) : null;
}

/**
 * A user's teams as one text in the user's own row, `team:role,team:role` (string_agg, the same on
 * SQLite and PostgreSQL): a query fewer on every request than reading them apart.
 */
function membershipsOf(userId: Expression<number>) {
  return sql<string | null>`(select string_agg(m.team_id || ':' || m.role, ',' order by m.team_id) from team_membership as m where m.user_id = ${userId})`;
}

type UserRow = Pick<
  Selectable<Database['app_user']>,
  'id' | 'organisation_id' | 'email' | 'display_name' | 'locale' | 'is_admin' | 'is_policy' | 'totp_enabled_at' | 'disabled_at'
> & { organisation_name: string; require_two_factor: number; sensitive_visibility: CurrentUser['sensitiveVisibility']; memberships: string | null };

function currentUserOf(row: UserRow): CurrentUser | null {
  if (row.disabled_at !== null) return null;
  const memberships = (row.memberships ? row.memberships.split(',') : []).map((m) => {
    const [team, role] = m.split(':');
    return { teamId: Number(team), role: role as TeamRole };
  });
  const twoFactorEnabled = row.totp_enabled_at !== null;
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    email: row.email,
    displayName: row.display_name,
    locale: isLocale(row.locale) ? row.locale : 'nl',
    isAdmin: row.is_admin === 1,
    isPolicy: row.is_policy === 1,
    memberships,
    twoFactorEnabled,
    mustSetUpTwoFactor: row.require_two_factor === 1 && !twoFactorEnabled,
    sensitiveVisibility: row.sensitive_visibility,
  };
}

/** Only a coarse browser/OS label is kept, enough for "your sessions", not a fingerprint. */
export function summariseUserAgent(ua: string): string {
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'Browser';
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /Mac OS X/.test(ua)
      ? 'macOS'
      : /Android/.test(ua)
        ? 'Android'
        : /iPhone|iPad/.test(ua)
          ? 'iOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return os ? `${browser} (${os})` : browser;
}
