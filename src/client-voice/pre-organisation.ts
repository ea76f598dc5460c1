import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { acrossOrganisations } from '../db/organisation-scope.js';
import { hashSecret, sameHash, splitToken } from '../auth/tokens.js';
import type { ClientInvitationTable } from './tables.js';
import type { Selectable } from 'kysely';

// The two look-ups of the client view that run BEFORE the organisation is known: the client's link
// (a token) and a worker's session handed over to a client. Neither can take a scope, because
// finding the organisation is what they are for. They are kept here, and only here, so that they
// can be reviewed as such (on PostgreSQL they see across the organisation wall, by name:
// src/db/organisation-scope.ts). Everything after them goes through the organisation's scope: the
// invitation names its organisation, household and balance, and the caller then enters the
// client file through households/scoped.ts like any other caller.

type Db = Kysely<Database>;

export type InvitationRow = Selectable<ClientInvitationTable>;

/**
 * The invitation of a client's link token (`id.secret`), or undefined. The id finds the row; only a
 * SHA-256 of the secret is stored, compared in constant time. Says nothing about whether the
 * invitation is still open: the caller decides that (invitationState in logic.ts).
 */
export async function lookUpInvitationByToken(db: Db, token: string | undefined): Promise<InvitationRow | undefined> {
  if (!token) return undefined;
  const parts = splitToken(token);
  if (!parts) return undefined;
  const row = await acrossOrganisations('client-link', () => db.selectFrom('client_invitation').selectAll().where('id', '=', parts.id).executeTakeFirst());
  if (!row || !sameHash(hashSecret(parts.secret), new Uint8Array(row.secret_hash))) return undefined;
  return row;
}

/** The invitation a worker's session was handed over for, if that session is locked to a client. */
export async function lookUpHandoverLock(db: Db, sessionId: string): Promise<InvitationRow | undefined> {
  return acrossOrganisations('client-link', () =>
    db
      .selectFrom('client_session_lock as l')
      .innerJoin('client_invitation as i', 'i.id', 'l.invitation_id')
      .selectAll('i')
      .where('l.session_id', '=', sessionId)
      .executeTakeFirst(),
  );
}
