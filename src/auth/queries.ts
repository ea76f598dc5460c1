import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { acrossOrganisations } from '../db/organisation-scope.js';
import { hashSecret, newIdAndSecret, randomToken, sameHash, splitToken } from './tokens.js';
import { installDefaultCatalogue } from '../catalogue/queries.js';
import type { Trx } from '../db/transaction.js';
import { normaliseEmail } from './logic.js';

export const INVITATION_VALID_MS = 24 * 3_600_000;
export const RESET_VALID_MS = 3_600_000;

/** Before the organisation is known (docs/decisions/034-pre-organisation-lookups.md): the account an e-mail address signs in to. */
export async function findUserByEmail(db: Kysely<Database>, email: string) {
  return acrossOrganisations('sign-in', () => db.selectFrom('app_user').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst());
}

export async function findUserById(db: Kysely<Database>, id: number) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The organisation with its default catalogue: run in the caller's transaction. */
export async function createOrganisation(trx: Trx, name: string, now: number): Promise<number> {
  const org = await trx.insertInto('organisation').values({ name, require_two_factor: 1, created_at: now }).returning('id').executeTakeFirstOrThrow();
  await installDefaultCatalogue(trx, org.id, now);
  return org.id;
}

export async function createUser(
  db: Kysely<Database>,
  u: { organisationId: number; email: string; displayName: string; passwordHash: string | null; isAdmin: boolean; locale?: string },
  now: number,
): Promise<number> {
  const row = await db
    .insertInto('app_user')
    .values({
      organisation_id: u.organisationId,
      email: normaliseEmail(u.email),
      display_name: u.displayName,
      password_hash: u.passwordHash,
      is_admin: u.isAdmin ? 1 : 0,
      locale: u.locale ?? 'nl',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setPasswordHash(db: Kysely<Database>, userId: number, passwordHash: string, now: number) {
  await db.updateTable('app_user').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', userId).execute();
}

/** A single-use link token (invitation: 24 h, password reset: 1 h). Earlier open tokens of the same purpose stop working. */
export async function createUserToken(db: Kysely<Database>, userId: number, purpose: 'invitation' | 'password_reset', now: number): Promise<string> {
  const { id, token, secretHash } = newIdAndSecret();
  await db.updateTable('user_token').set({ used_at: now }).where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
  await db
    .insertInto('user_token')
    .values({
      id,
      secret_hash: secretHash,
      user_id: userId,
      purpose,
      created_at: now,
      expires_at: now + (purpose === 'invitation' ? INVITATION_VALID_MS : RESET_VALID_MS),
      used_at: null,
    })
    .execute();
  return token;
}

/** The token's row if it is genuine, unused and not expired (does not consume it). */
export async function findValidUserToken(db: Kysely<Database>, token: string, now: number) {
  const parts = splitToken(token);
  if (!parts) return null;
  const row = await db.selectFrom('user_token').selectAll().where('id', '=', parts.id).executeTakeFirst();
  if (!row || row.used_at !== null || row.expires_at <= now) return null;
  if (!sameHash(hashSecret(parts.secret), new Uint8Array(row.secret_hash))) return null;
  return row;
}

/** Marks the token used; false when someone else used it first (two tabs, a replayed link). */
export async function consumeUserToken(db: Kysely<Database>, tokenId: string, now: number): Promise<boolean> {
  const res = await db.updateTable('user_token').set({ used_at: now }).where('id', '=', tokenId).where('used_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Ten new recovery codes (replacing any old ones); returns them in clear, once. */
export async function replaceRecoveryCodes(db: Kysely<Database>, userId: number): Promise<string[]> {
  const codes = Array.from({ length: 10 }, () => {
    const raw = randomToken(10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  await db.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
  await db
    .insertInto('recovery_code')
    .values(codes.map((code) => ({ user_id: userId, code_hash: hashSecret(code), used_at: null })))
    .execute();
  return codes;
}

export async function useRecoveryCode(db: Kysely<Database>, userId: number, code: string, now: number): Promise<boolean> {
  const clean = code.trim().toLowerCase().replace(/\s+/g, '');
  const normalised = /^[a-z2-9]{10}$/.test(clean) ? `${clean.slice(0, 5)}-${clean.slice(5)}` : clean;
  const res = await db
    .updateTable('recovery_code')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hashSecret(normalised))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Kysely<Database>, userId: number): Promise<number> {
  const row = await db
    .selectFrom('recovery_code')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
