import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { Rollback, type Trx } from '../db/transaction.js';
import type { OrgScope, UserScope } from '../auth/scope.js';
import { newIdAndSecret } from '../auth/tokens.js';
import { visibleMembers } from '../households/access.js';
import { cellKey } from '../balances/logic.js';
import { landing } from './logic.js';
import type { AnswerKind, AnswerState, ClosedReason, InvitationMode } from './tables.js';
import type { InvitationRow } from './pre-organisation.js';

// "The client scores too": invitations (a link or a hand-over) and the client's answers. The
// worker's functions take the scope and a balance the route found through the client file; the
// client's take the invitation the client view found (src/client-voice/pre-organisation.ts) and the
// delegated scope it entered the client file with. Nothing here writes a worker's score, another
// person's cell or another balance: a client's answer names its cell, and only the cells of the
// invitation's questions are accepted (the route checks against the steps; sendAnswers writes only
// client_score, only in the invitation's own balance).

type Db = Kysely<Database>;

export interface NewInvitation {
  householdId: number;
  balanceId: number;
  memberId: number;
  includeHousehold: boolean;
  mode: InvitationMode;
  expiresAt: number;
}

/** Creates an invitation; the token (`id.secret`) is returned once and stored only as a hash. */
export async function createInvitation(trx: Trx, scope: UserScope, values: NewInvitation, now: number): Promise<{ id: string; token: string }> {
  const { id, token, secretHash } = newIdAndSecret();
  await trx
    .insertInto('client_invitation')
    .values({
      id,
      secret_hash: secretHash,
      organisation_id: scope.organisationId,
      household_id: values.householdId,
      balance_id: values.balanceId,
      member_id: values.memberId,
      include_household: values.includeHousehold ? 1 : 0,
      mode: values.mode,
      created_at: now,
      created_by: scope.userId,
      expires_at: values.expiresAt,
    })
    .execute();
  return { id, token };
}

/** Locks the worker's session to the client view of this invitation (the hand-over). */
export async function lockSession(trx: Trx, sessionId: string, invitationId: string, now: number): Promise<void> {
  await trx.insertInto('client_session_lock').values({ session_id: sessionId, invitation_id: invitationId, created_at: now }).execute();
}

export interface InvitationSummary {
  id: string;
  memberId: number;
  firstName: string;
  includeHousehold: boolean;
  mode: InvitationMode;
  lang: string | null;
  createdAt: number;
  expiresAt: number;
  closedAt: number | null;
  closedReason: ClosedReason | null;
}

/** The invitations of a balance (newest first), for the worker's page. */
export async function listInvitations(db: Db, scope: OrgScope, balanceId: number): Promise<InvitationSummary[]> {
  const rows = await db
    .selectFrom('client_invitation as i')
    .innerJoin('household_member as m', 'm.id', 'i.member_id')
    .select([
      'i.id',
      'i.member_id',
      'm.first_name',
      'i.include_household',
      'i.mode',
      'i.lang',
      'i.created_at',
      'i.expires_at',
      'i.closed_at',
      'i.closed_reason',
    ])
    .where('i.organisation_id', '=', scope.organisationId)
    .where('i.balance_id', '=', balanceId)
    .where('i.member_id', 'in', visibleMembers(db, scope).select('household_member.id'))
    .orderBy('i.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    memberId: r.member_id,
    firstName: r.first_name,
    includeHousehold: r.include_household === 1,
    mode: r.mode,
    lang: r.lang,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    closedAt: r.closed_at,
    closedReason: r.closed_reason,
  }));
}

/** Whether the balance has an invitation that is neither closed nor expired. */
export async function hasOpenInvitation(db: Db, scope: OrgScope, balanceId: number, now: number): Promise<boolean> {
  const row = await db
    .selectFrom('client_invitation')
    .select('id')
    .where('organisation_id', '=', scope.organisationId)
    .where('balance_id', '=', balanceId)
    .where('closed_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row !== undefined;
}

/** Ends the sessions handed over for these invitations (their locks go with them): nobody gets the worker's session back. */
async function endLockedSessions(trx: Trx, invitationIds: string[]): Promise<void> {
  if (!invitationIds.length) return;
  const sessions = await trx.selectFrom('client_session_lock').select('session_id').where('invitation_id', 'in', invitationIds).execute();
  if (sessions.length)
    await trx
      .deleteFrom('user_session')
      .where(
        'id',
        'in',
        sessions.map((s) => s.session_id),
      )
      .execute();
}

async function close(trx: Trx, ids: string[], reason: ClosedReason, by: number | null, now: number): Promise<void> {
  if (!ids.length) return;
  await trx
    .updateTable('client_invitation')
    .set({ closed_at: now, closed_reason: reason, closed_by: by })
    .where('id', 'in', ids)
    .where('closed_at', 'is', null)
    .execute();
  // What the client had not sent yet was never the worker's to see: it goes.
  await trx.deleteFrom('client_answer').where('invitation_id', 'in', ids).where('state', '=', 'draft').execute();
  await endLockedSessions(trx, ids);
}

/** The worker withdraws an open invitation. False when it is not (or no longer) open. */
/** Closes an open invitation of this balance; one already closed (sent, revoked, finalised) stays as it is. */
export async function revokeInvitation(
  trx: Trx,
  scope: OrgScope,
  balanceId: number,
  invitationId: string,
  now: number,
): Promise<'revoked' | 'alreadyClosed' | 'notFound'> {
  const row = await trx
    .selectFrom('client_invitation')
    .select(['id', 'closed_at'])
    .where('id', '=', invitationId)
    .where('organisation_id', '=', scope.organisationId)
    .where('balance_id', '=', balanceId)
    .executeTakeFirst();
  if (!row) return 'notFound';
  if (row.closed_at !== null) return 'alreadyClosed';
  await close(trx, [row.id], 'revoked', scope.userId, now);
  return 'revoked';
}

/** Finalising a balance closes its open invitations (in the finalisation's transaction). Returns how many. */
export async function closeAtFinalisation(trx: Trx, scope: OrgScope, balanceId: number, now: number): Promise<number> {
  const rows = await trx
    .selectFrom('client_invitation')
    .select('id')
    .where('organisation_id', '=', scope.organisationId)
    .where('balance_id', '=', balanceId)
    .where('closed_at', 'is', null)
    .execute();
  await close(
    trx,
    rows.map((r) => r.id),
    'finalised',
    scope.userId,
    now,
  );
  return rows.length;
}

/** The worker takes the screen back: the hand-over ends (unsent answers go) and so does the locked session. */
export async function endHandover(trx: Trx, invitation: InvitationRow, now: number): Promise<void> {
  if (invitation.closed_at === null) await close(trx, [invitation.id], 'handover_ended', null, now);
  else await endLockedSessions(trx, [invitation.id]);
}

// ---------------------------------------------------------------- the client's answers

export interface ClientAnswer {
  id: number;
  invitationId: string;
  subject: string;
  domainKey: string;
  kind: AnswerKind;
  score: number | null;
  remark: string;
  state: AnswerState;
  updatedAt: number;
}

function answerOf(r: {
  id: number;
  invitation_id: string;
  subject: string;
  domain_key: string;
  kind: AnswerKind;
  score: number | null;
  remark: string;
  state: AnswerState;
  updated_at: number;
}): ClientAnswer {
  return {
    id: r.id,
    invitationId: r.invitation_id,
    subject: r.subject,
    domainKey: r.domain_key,
    kind: r.kind,
    score: r.score,
    remark: r.remark,
    state: r.state,
    updatedAt: r.updated_at,
  };
}

/** The client's own answers so far (drafts included): what the client view shows back to them. */
export async function answersOfInvitation(db: Db, invitationId: string): Promise<Map<string, ClientAnswer>> {
  const rows = await db.selectFrom('client_answer').selectAll().where('invitation_id', '=', invitationId).execute();
  return new Map(rows.map((r) => [cellKey(r.subject, r.domain_key), answerOf(r)]));
}

/** Saves (or, for "skip", removes) the client's answer to one question while they are answering. */
export async function saveDraftAnswer(
  trx: Trx,
  invitation: Pick<InvitationRow, 'id' | 'balance_id'>,
  cell: { subject: string; domainKey: string },
  answer: { kind: AnswerKind; score: number | null; remark: string } | null,
  now: number,
): Promise<'saved' | 'removed' | 'unchanged'> {
  const existing = await trx
    .selectFrom('client_answer')
    .selectAll()
    .where('invitation_id', '=', invitation.id)
    .where('subject', '=', cell.subject)
    .where('domain_key', '=', cell.domainKey)
    .executeTakeFirst();
  if (!answer) {
    if (!existing) return 'unchanged';
    await trx.deleteFrom('client_answer').where('id', '=', existing.id).execute();
    return 'removed';
  }
  if (existing && existing.kind === answer.kind && existing.score === answer.score && existing.remark === answer.remark) return 'unchanged';
  const values = { kind: answer.kind, score: answer.score, remark: answer.remark, updated_at: now };
  if (existing) await trx.updateTable('client_answer').set(values).where('id', '=', existing.id).execute();
  else
    await trx
      .insertInto('client_answer')
      .values({
        invitation_id: invitation.id,
        balance_id: invitation.balance_id,
        subject: cell.subject,
        domain_key: cell.domainKey,
        state: 'draft',
        created_at: now,
        ...values,
      })
      .execute();
  return 'saved';
}

export type SendOutcome = { status: 'sent'; written: number; pending: number } | { status: 'closed' } | { status: 'final' } | { status: 'nothing' };

/**
 * "Send to my worker": each score becomes the client score of its cell, beside the worker's; where
 * the worker had typed a different client score, it waits for the worker (pending). The
 * invitation closes in the same transaction, so a second send (or a reused link) finds it closed.
 */
export async function sendAnswers(trx: Trx, invitation: Pick<InvitationRow, 'id' | 'balance_id' | 'organisation_id'>, now: number): Promise<SendOutcome> {
  const balance = await trx
    .selectFrom('balance')
    .select('status')
    .where('id', '=', invitation.balance_id)
    .where('organisation_id', '=', invitation.organisation_id)
    .executeTakeFirst();
  if (!balance || balance.status !== 'draft') return { status: 'final' };
  const closed = await trx
    .updateTable('client_invitation')
    .set({ closed_at: now, closed_reason: 'sent' })
    .where('id', '=', invitation.id)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  if (Number(closed.numUpdatedRows) !== 1) return { status: 'closed' };
  const drafts = await trx.selectFrom('client_answer').selectAll().where('invitation_id', '=', invitation.id).where('state', '=', 'draft').execute();
  if (!drafts.length) throw new Rollback<SendOutcome>({ status: 'nothing' });
  let written = 0;
  let pending = 0;
  for (const a of drafts) {
    if (a.kind !== 'score' || a.score === null) {
      await trx.updateTable('client_answer').set({ state: 'applied' }).where('id', '=', a.id).execute();
      continue;
    }
    const cell = await trx
      .selectFrom('balance_score')
      .select(['id', 'client_score', 'revision'])
      .where('balance_id', '=', invitation.balance_id)
      .where('subject', '=', a.subject)
      .where('domain_key', '=', a.domain_key)
      .executeTakeFirst();
    const what = landing(cell?.client_score, a.score);
    if (what === 'write') {
      if (cell) {
        await trx
          .updateTable('balance_score')
          .set({ client_score: a.score, revision: cell.revision + 1, editor_token: '', updated_at: now, updated_by: null })
          .where('id', '=', cell.id)
          .execute();
      } else {
        await trx
          .insertInto('balance_score')
          .values({
            balance_id: invitation.balance_id,
            subject: a.subject,
            member_id: a.subject === 'h' ? null : Number(a.subject.slice(1)),
            domain_key: a.domain_key,
            state: 'open',
            score: null,
            client_score: a.score,
            remark: '',
            prefilled: 0,
            revision: 1,
            editor_token: '',
            updated_at: now,
            updated_by: null,
          })
          .execute();
      }
      written++;
    }
    if (what === 'pending') pending++;
    await trx
      .updateTable('client_answer')
      .set({ state: what === 'pending' ? 'pending' : 'applied' })
      .where('id', '=', a.id)
      .execute();
  }
  if (written) await trx.updateTable('balance').set({ updated_at: now }).where('id', '=', invitation.balance_id).execute();
  return { status: 'sent', written, pending };
}

export interface SentAnswer extends ClientAnswer {
  firstName: string;
  /** The worker's own client score in the cell now (for answers waiting for confirmation). */
  cellClientScore: number | null;
}

/** What clients sent for this balance (no drafts), for the worker's page. */
export async function sentAnswers(db: Db, scope: OrgScope, balanceId: number): Promise<SentAnswer[]> {
  const rows = await db
    .selectFrom('client_answer as a')
    .innerJoin('client_invitation as i', 'i.id', 'a.invitation_id')
    .innerJoin('household_member as m', 'm.id', 'i.member_id')
    .leftJoin('balance_score as s', (j) =>
      j.onRef('s.balance_id', '=', 'a.balance_id').onRef('s.subject', '=', 'a.subject').onRef('s.domain_key', '=', 'a.domain_key'),
    )
    .selectAll('a')
    .select(['m.first_name', 's.client_score as cell_client_score'])
    .where('i.organisation_id', '=', scope.organisationId)
    .where('a.balance_id', '=', balanceId)
    .where('a.state', '!=', 'draft')
    .where('i.member_id', 'in', visibleMembers(db, scope).select('household_member.id'))
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ ...answerOf(r), firstName: r.first_name, cellClientScore: r.cell_client_score }));
}

export type Decision = 'accept' | 'keep';

/**
 * The worker decides on a client's answer that waits (the worker had typed another client score):
 * take the client's own answer, or keep what is there. Only a pending answer of this balance, only
 * while the balance is a draft.
 */
export async function decideAnswer(
  trx: Trx,
  scope: OrgScope,
  balanceId: number,
  answerId: number,
  decision: Decision,
  now: number,
): Promise<'decided' | 'notFound' | 'notPending' | 'final'> {
  const a = await answerOfBalance(trx, scope, balanceId, answerId)
    .innerJoin('balance as b', 'b.id', 'a.balance_id')
    .select(['a.id', 'a.subject', 'a.domain_key', 'a.score', 'a.state', 'b.status'])
    .executeTakeFirst();
  if (!a) return 'notFound';
  if (a.state !== 'pending' || a.score === null) return 'notPending';
  if (a.status !== 'draft') return 'final';
  if (decision === 'accept') {
    const cell = await trx
      .selectFrom('balance_score')
      .select(['id', 'revision'])
      .where('balance_id', '=', balanceId)
      .where('subject', '=', a.subject)
      .where('domain_key', '=', a.domain_key)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('balance_score')
      .set({ client_score: a.score, revision: cell.revision + 1, editor_token: '', updated_at: now, updated_by: scope.userId })
      .where('id', '=', cell.id)
      .execute();
    await trx.updateTable('balance').set({ updated_at: now }).where('id', '=', balanceId).execute();
  }
  await trx
    .updateTable('client_answer')
    .set({ state: decision === 'accept' ? 'accepted' : 'kept', decided_at: now, decided_by: scope.userId })
    .where('id', '=', a.id)
    .execute();
  return 'decided';
}

/** A client's answer on this balance of the caller's organisation (the route's balance is already the caller's). */
function answerOfBalance(db: Db, scope: OrgScope, balanceId: number, answerId: number) {
  return db
    .selectFrom('client_answer as a')
    .innerJoin('client_invitation as i', 'i.id', 'a.invitation_id')
    .where('a.id', '=', answerId)
    .where('a.balance_id', '=', balanceId)
    .where('i.organisation_id', '=', scope.organisationId);
}

/** Whether the answer exists on this balance for this caller: anything else is "not found". */
export async function answerExists(db: Db, scope: OrgScope, balanceId: number, answerId: number): Promise<boolean> {
  return (await answerOfBalance(db, scope, balanceId, answerId).select('a.id').executeTakeFirst()) !== undefined;
}

/** The client chose a language: kept on the invitation and remembered for the person. */
export async function chooseLanguage(trx: Trx, invitation: Pick<InvitationRow, 'id' | 'member_id'>, lang: string, now: number): Promise<void> {
  await trx.updateTable('client_invitation').set({ lang }).where('id', '=', invitation.id).execute();
  await trx
    .insertInto('member_client_language')
    .values({ member_id: invitation.member_id, lang, updated_at: now })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ lang, updated_at: now }))
    .execute();
}
