import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { AppEnv, AppVariables } from '../http/env.js';
import { field, readForm } from '../http/form.js';
import { parseId } from '../http/params.js';
import { audit, type AuditAction } from '../audit/audit.js';
import { auditChange, auditEvent } from '../audit/route-audit.js';
import { inTransaction, Rollback, type Trx } from '../db/transaction.js';
import { inOrganisation } from '../db/organisation-scope.js';
import { clientAddress } from '../auth/middleware.js';
import { clearSessionCookie, loadCurrentUser } from '../auth/sessions.js';
import { scope, scopeOfUser, type OrgScope } from '../auth/scope.js';
import { addressKey, confirmFailure, lockedFor, reserveAttempt } from '../auth/throttle.js';
import { enterHousehold, type HouseholdVariables } from '../households/scoped.js';
import { findBalance } from '../balances/queries.js';
import type { BalanceDetail } from '../balances/model.js';
import type { Config } from '../config.js';
import {
  ClientErrorPage,
  IntroPage,
  LanguagePage,
  LockPage,
  ReviewPage,
  SentPage,
  StepPage,
  type ClientRefusal,
} from '../../views/client-voice/ClientPages.js';
import { clientCopyFor, offeredLanguage } from './copy.js';
import { iconSvg, LEVEL_ICONS, themeIcon } from './icons.js';
import { answersOfInvitation, chooseLanguage, endHandover, saveDraftAnswer, sendAnswers, type SendOutcome } from './invitations.js';
import { invitationSteps, invitationState, parseClientAnswer, CLIENT_REMARK_MAX, type InvitationState, type Step } from './logic.js';
import { clientVoicePath, reauthenticationUrl } from './paths.js';
import { lookUpHandoverLock, lookUpInvitationByToken, type InvitationRow } from './pre-organisation.js';
import { rememberedLanguage } from './queries.js';
import type { ClientCopy } from './text-logic.js';

// The client view, mounted at /client (paths.ts): what a client sees, on their own phone through
// a one-time link, or on the worker's screen after a hand-over. Nothing here needs an account.
//
// Who the caller is: the link's token (in an HttpOnly cookie after the first visit, so it leaves the
// address bar), or the handed-over session (handover.ts). Both are found by the two look-ups of
// pre-organisation.ts; from there on the client acts with the inviting worker's scope, marked as a
// client (OrgScope.client: never the actor of an audit row), and enters the client file like every
// other caller, through households/scoped.ts (enterHousehold) and the balance's own findBalance.
// Only the invitation's person's questions (and the household's, when the worker included them)
// can be answered; nothing else of the client file is shown, and no name but the person's first name.
//
// Every response: no referrer (the link must not leak into another site's logs), not cached.

interface ClientVariables {
  invitation: InvitationRow;
  handedOver: boolean;
}
type ClientEnv = { Variables: AppVariables & { scope: OrgScope } & HouseholdVariables & ClientVariables };

export const clientRoutes = new Hono<AppEnv>();

// Set before the response exists (c.header), so they are part of it from the start: headers set on
// a finished response can be lost when the compression middleware re-wraps it under
// @hono/node-server (its light Response copies the headers it was created with).
function clientHeaders<E extends AppEnv>(c: Context<E>) {
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex, nofollow');
}

clientRoutes.use(async (c, next) => {
  clientHeaders(c);
  await next();
});

// ---------------------------------------------------------------- helpers

export function clientCookieName(config: Pick<Config, 'clientOrigin'>): string {
  return config.clientOrigin?.startsWith('https://') ? '__Host-sb_client' : 'sb_client';
}

const INVITATION_TARGET = (inv: Pick<InvitationRow, 'id'>) => ({ type: 'client_invitation' as const, id: inv.id });

function stateRefusal(state: InvitationState): ClientRefusal {
  if (state === 'expired') return 'linkExpired';
  if (state === 'sent') return 'linkUsed';
  return 'linkClosed';
}

/** A refusal page in the client's language (the invitation's, when there is one). */
async function refusal<E extends AppEnv>(c: Context<E>, invitation: InvitationRow | null, kind: ClientRefusal, status: ContentfulStatusCode) {
  // The organisation's own client texts, read in its scope (the refusal may come before it is entered).
  const copyOf = () =>
    clientCopyFor(
      c.get('deps').db,
      invitation ? { organisationId: invitation.organisation_id } : null,
      invitation?.lang ?? null,
      c.req.header('Accept-Language'),
    );
  const { copy } = await (invitation ? inOrganisation(invitation.organisation_id, copyOf) : copyOf());
  const handover = c.get('handover') !== null;
  return page(c, <ClientErrorPage copy={copy} icon={iconSvg('triangle-alert')} refusal={kind} handover={handover} />, status);
}

function page<E extends AppEnv>(c: Context<E>, el: JSX.Element, status: ContentfulStatusCode = 200) {
  clientHeaders(c);
  return c.html('<!doctype html>' + String(el), status);
}

/** Refused attempts before an organisation is known: ids only, like every audit row. */
async function auditRefused<E extends AppEnv>(c: Context<E>, invitation: InvitationRow | null, action: AuditAction) {
  const { db, now } = c.get('deps');
  await audit(db, now(), {
    organisationId: invitation?.organisation_id ?? null,
    actorUserId: null,
    action,
    targetType: 'client_invitation',
    ...(invitation ? { targetId: invitation.id } : {}),
    requestId: c.get('requestId'),
    outcome: 'denied',
  });
}

/** Rate limit on guessing: failed look-ups count per client address (auth/throttle.ts). */
function throttleKeys<E extends AppEnv>(c: Context<E>): string[] {
  const ip = clientAddress(c);
  return ip ? [addressKey('link', ip)] : [];
}

async function countFailure<E extends AppEnv>(c: Context<E>, keys: string[]) {
  const { db, now } = c.get('deps');
  if (!keys.length) return;
  await reserveAttempt(db, keys, now());
  await confirmFailure(db, keys, now());
}

// ---------------------------------------------------------------- the link

clientRoutes.get('/l/:token', async (c) => {
  const { db, now, config } = c.get('deps');
  const keys = throttleKeys(c);
  const token = c.req.param('token');
  const invitation = await lookUpInvitationByToken(db, token);
  if (!invitation || invitation.mode !== 'link') {
    // The lock refuses guesses, never the holder of a real link: clients often share an address
    // (a town hall's wifi, a mobile operator's), and someone else's failures must not lock them out.
    if ((await lockedFor(db, keys, now())) > 0) return refusal(c, null, 'tooManyTries', 429);
    await countFailure(c, keys);
    await auditRefused(c, null, 'client_voice.link_refused');
    return refusal(c, null, 'linkInvalid', 404);
  }
  const state = invitationState(invitation, now());
  if (state !== 'open') {
    await auditRefused(c, invitation, 'client_voice.link_refused');
    return refusal(c, invitation, stateRefusal(state), 410);
  }
  // From here the token travels in a cookie only for the client view, not in the address bar.
  setCookie(c, clientCookieName(config), token, {
    httpOnly: true,
    secure: config.clientOrigin?.startsWith('https://') ?? false,
    sameSite: 'Lax',
    path: '/',
    maxAge: Math.max(1, Math.floor((invitation.expires_at - now()) / 1000)),
  });
  await audit(db, now(), {
    organisationId: invitation.organisation_id,
    actorUserId: null,
    action: 'client_voice.link_opened',
    targetType: 'client_invitation',
    targetId: invitation.id,
    requestId: c.get('requestId'),
  });
  return c.redirect('/client', 303);
});

// ---------------------------------------------------------------- the hand-over's way back

clientRoutes.post('/handover/end', async (c) => {
  const handover = c.get('handover');
  const { db, now, config } = c.get('deps');
  if (!handover) return refusal(c, null, 'notFound', 404);
  const invitation = await lookUpHandoverLock(db, handover.sessionId);
  if (!invitation) return refusal(c, null, 'notFound', 404);
  await inTransaction(db, async (trx) => {
    await endHandover(trx, invitation, now());
    await audit(trx, now(), {
      organisationId: invitation.organisation_id,
      actorUserId: null,
      action: 'client_voice.handover_ended',
      targetType: 'client_invitation',
      targetId: invitation.id,
      requestId: c.get('requestId'),
    });
  });
  clearSessionCookie(c, config);
  return c.redirect(reauthenticationUrl(clientVoicePath(invitation.household_id, invitation.balance_id)), 303);
});

clientRoutes.get('/lock', async (c) => {
  const handover = c.get('handover');
  if (!handover) return c.redirect('/client', 303);
  return lockScreen(c, handover.sessionId);
});

/** The lock screen of a handed-over session, in the client's language. */
export async function lockScreen<E extends AppEnv>(c: Context<E>, sessionId: string, status: ContentfulStatusCode = 200) {
  const { db } = c.get('deps');
  const invitation = await lookUpHandoverLock(db, sessionId);
  const { copy } = await clientCopyFor(
    db,
    invitation ? { organisationId: invitation.organisation_id } : null,
    invitation?.lang ?? null,
    c.req.header('Accept-Language'),
  );
  return page(c, <LockPage copy={copy} icon={iconSvg('lock')} />, status);
}

// ---------------------------------------------------------------- entering as the invited client

const entered = new Hono<ClientEnv>();

/**
 * Finds the invitation (handed-over session first, else the link's cookie), refuses what is not
 * open, and enters the client file with the inviting worker's scope marked as a client.
 * `/sent` still lets a sent invitation through (to say thank you), nothing else does.
 */
entered.use(async (c, next) => {
  const { db, now, config } = c.get('deps');
  const handover = c.get('handover');
  let invitation: InvitationRow | undefined;
  if (handover) {
    invitation = await lookUpHandoverLock(db, handover.sessionId);
  } else {
    const keys = throttleKeys(c);
    const token = getCookie(c, clientCookieName(config));
    invitation = token ? await lookUpInvitationByToken(db, token) : undefined;
    if (!invitation || invitation.mode !== 'link') {
      // As for the link: only a failed look-up meets the lock (a client half-way through their
      // answers is not locked out by someone else guessing from the same address).
      if (token && (await lockedFor(db, keys, now())) > 0) return refusal(c, null, 'tooManyTries', 429);
      if (token) {
        await countFailure(c, keys);
        deleteCookie(c, clientCookieName(config), { path: '/' });
      }
      await auditRefused(c, null, 'client_voice.link_refused');
      return refusal(c, null, 'linkInvalid', 404);
    }
  }
  if (!invitation) return refusal(c, null, 'linkInvalid', 404);
  const state = invitationState(invitation, now());
  const sentPage = c.req.path === '/client/sent' && state === 'sent';
  if (state !== 'open' && !sentPage) {
    await auditRefused(c, invitation, 'client_voice.link_refused');
    return refusal(c, invitation, stateRefusal(state), 410);
  }
  // The invitation names the organisation: everything after it runs in it.
  const found = invitation;
  return inOrganisation(found.organisation_id, async () => {
    // The client acts within what the inviting worker may do, never more: a worker who left the team
    // or was disabled takes the link down with them.
    const worker = await loadCurrentUser(db, found.created_by);
    if (!worker || worker.organisationId !== found.organisation_id) return refusal(c, found, 'linkClosed', 410);
    c.set('scope', { ...scopeOfUser(worker), isAdmin: false, client: { invitationId: found.id } });
    c.set('invitation', found);
    c.set('handedOver', handover !== null);
    return enterHousehold(c, found.household_id, next, (c) => refusal(c, c.get('invitation'), 'linkClosed', 404));
  });
});

interface Loaded {
  invitation: InvitationRow;
  detail: BalanceDetail;
  steps: Step[];
  copy: ClientCopy;
  firstName: string;
}

/** The invitation's balance (through the client file, as any caller finds it), its questions and the client's texts. */
async function load(c: Context<ClientEnv>): Promise<Loaded | Response> {
  const invitation = c.get('invitation');
  const household = c.get('household');
  const { db, now } = c.get('deps');
  const detail = await findBalance(db, scope(c), household.id, invitation.balance_id, { hideSensitive: c.get('hideSensitive') });
  const member = household.members.find((m) => m.id === invitation.member_id);
  if (!detail || !member) return refusal(c, invitation, 'linkClosed', 404);
  if (detail.status !== 'draft' && invitationState(invitation, now()) === 'open') return refusal(c, invitation, 'linkClosed', 410);
  const steps = invitationSteps(detail.layout, invitation.member_id, invitation.include_household === 1);
  const { copy } = await clientCopyFor(db, scope(c), invitation.lang, c.req.header('Accept-Language'));
  return { invitation, detail, steps, copy, firstName: member.firstName };
}

/** Still open, checked again inside the writing transaction (the worker may have withdrawn it meanwhile). */
async function assertOpen(trx: Trx, invitationId: string, now: number) {
  const row = await trx.selectFrom('client_invitation').select(['closed_at', 'closed_reason', 'expires_at']).where('id', '=', invitationId).executeTakeFirst();
  if (!row || invitationState(row, now) !== 'open') throw new Rollback('closed' as const);
}

entered.get('/', async (c) => {
  const loaded = await load(c);
  if (loaded instanceof Response) return loaded;
  const { invitation, steps, copy, firstName } = loaded;
  if (!invitation.lang) return c.redirect('/client/language', 303);
  const answers = await answersOfInvitation(c.get('deps').db, invitation.id);
  const firstOpen = (steps.find((s) => !answers.has(s.key))?.number ?? steps.length) || 1;
  await auditEvent(c, 'client_voice.viewed', INVITATION_TARGET(invitation));
  return page(c, <IntroPage copy={copy} firstName={firstName} total={steps.length} answered={answers.size} firstOpen={firstOpen} />);
});

entered.get('/language', async (c) => {
  const loaded = await load(c);
  if (loaded instanceof Response) return loaded;
  const { db } = c.get('deps');
  const { copy, offered } = await clientCopyFor(db, scope(c), loaded.invitation.lang, c.req.header('Accept-Language'));
  const remembered = loaded.invitation.lang ?? (await rememberedLanguage(db, scope(c), loaded.invitation.member_id));
  await auditEvent(c, 'client_voice.viewed', INVITATION_TARGET(loaded.invitation));
  return page(c, <LanguagePage copy={copy} languages={offered} remembered={remembered} />);
});

entered.post('/language', async (c) => {
  const loaded = await load(c);
  if (loaded instanceof Response) return loaded;
  const { db, now } = c.get('deps');
  const { copy, offered } = await clientCopyFor(db, scope(c), loaded.invitation.lang, c.req.header('Accept-Language'));
  const chosen = offeredLanguage(offered, field(await readForm(c), 'lang'));
  if (!chosen) {
    await auditEvent(c, 'client_voice.answer_refused', INVITATION_TARGET(loaded.invitation), 'failure');
    return page(c, <LanguagePage copy={copy} languages={offered} remembered={loaded.invitation.lang} refused />, 422);
  }
  const outcome = await inTransaction(db, async (trx): Promise<'saved' | 'closed'> => {
    await assertOpen(trx, loaded.invitation.id, now());
    await chooseLanguage(trx, loaded.invitation, chosen.code, now());
    await auditChange(c, trx, 'client_voice.language_chosen', INVITATION_TARGET(loaded.invitation));
    return 'saved';
  });
  if (outcome === 'closed') return refusal(c, loaded.invitation, 'linkClosed', 410);
  return c.redirect('/client', 303);
});

function stepOf(loaded: Loaded, raw: string | undefined): Step | undefined {
  const n = parseId(raw);
  return n === null ? undefined : loaded.steps[n - 1];
}

entered.get('/q/:n', async (c) => {
  const loaded = await load(c);
  if (loaded instanceof Response) return loaded;
  if (!loaded.invitation.lang) return c.redirect('/client/language', 303);
  const step = stepOf(loaded, c.req.param('n'));
  if (!step) return refusal(c, loaded.invitation, 'notFound', 404);
  const answer = (await answersOfInvitation(c.get('deps').db, loaded.invitation.id)).get(step.key);
  await auditEvent(c, 'client_voice.viewed', INVITATION_TARGET(loaded.invitation));
  return page(
    c,
    <StepPage
      copy={loaded.copy}
      step={step}
      total={loaded.steps.length}
      icon={themeIcon(step.theme.key)}
      levelIcons={LEVEL_ICONS.map(iconSvg)}
      showDutch={c.req.query('nl') === '1'}
      choice={answer ? (answer.kind === 'declined' ? 'declined' : String(answer.score)) : ''}
      remark={answer?.remark ?? ''}
    />,
  );
});

entered.post('/q/:n', async (c) => {
  const loaded = await load(c);
  if (loaded instanceof Response) return loaded;
  const { db, now } = c.get('deps');
  const step = stepOf(loaded, c.req.param('n'));
  if (!step) return refusal(c, loaded.invitation, 'notFound', 404);
  const fields = await readForm(c);
  const raw = { cell: field(fields, 'cell'), choice: field(fields, 'choice'), remark: field(fields, 'remark'), skip: field(fields, 'skip') === '1' };
  const parsed = parseClientAnswer(raw, step);
  if ('problem' in parsed) {
    await auditEvent(c, 'client_voice.answer_refused', INVITATION_TARGET(loaded.invitation), 'failure');
    return page(
      c,
      <StepPage
        copy={loaded.copy}
        step={step}
        total={loaded.steps.length}
        icon={themeIcon(step.theme.key)}
        levelIcons={LEVEL_ICONS.map(iconSvg)}
        showDutch={false}
        choice={/^[1-5]$|^declined$/.test(raw.choice) ? raw.choice : ''}
        // What was typed comes back to be shortened, unless it is far beyond any remark.
        remark={raw.remark.length <= CLIENT_REMARK_MAX * 10 ? raw.remark : ''}
        error={parsed.problem}
      />,
      422,
    );
  }
  const [subject, domainKey] = [step.subject.key, step.domain.key];
  const outcome = await inTransaction(db, async (trx): Promise<'saved' | 'removed' | 'unchanged' | 'closed'> => {
    await assertOpen(trx, loaded.invitation.id, now());
    const r = await saveDraftAnswer(
      trx,
      loaded.invitation,
      { subject, domainKey },
      parsed.skip ? null : { kind: parsed.kind, score: parsed.score, remark: parsed.remark },
      now(),
    );
    if (r !== 'unchanged') await auditChange(c, trx, 'client_voice.answer_saved', INVITATION_TARGET(loaded.invitation));
    return r;
  });
  if (outcome === 'closed') return refusal(c, loaded.invitation, 'linkClosed', 410);
  const next = step.number < loaded.steps.length ? `/client/q/${step.number + 1}` : '/client/review';
  return c.redirect(next, 303);
});

entered.get('/review', async (c) => {
  const loaded = await load(c);
  if (loaded instanceof Response) return loaded;
  if (!loaded.invitation.lang) return c.redirect('/client/language', 303);
  const answers = await answersOfInvitation(c.get('deps').db, loaded.invitation.id);
  await auditEvent(c, 'client_voice.viewed', INVITATION_TARGET(loaded.invitation));
  return page(c, <ReviewPage copy={loaded.copy} steps={loaded.steps} answers={answers} />);
});

entered.post('/sending', async (c) => {
  const loaded = await load(c);
  if (loaded instanceof Response) return loaded;
  const { db, now } = c.get('deps');
  const outcome = await inTransaction(db, async (trx): Promise<SendOutcome> => {
    const r = await sendAnswers(trx, loaded.invitation, now());
    if (r.status === 'sent') await auditChange(c, trx, 'client_voice.sent', INVITATION_TARGET(loaded.invitation));
    return r;
  });
  if (outcome.status === 'sent') return c.redirect('/client/sent', 303);
  await auditEvent(c, 'client_voice.send_refused', INVITATION_TARGET(loaded.invitation), 'failure');
  if (outcome.status === 'nothing') {
    const answers = await answersOfInvitation(db, loaded.invitation.id);
    return page(c, <ReviewPage copy={loaded.copy} steps={loaded.steps} answers={answers} refused="nothingToSend" />, 422);
  }
  return refusal(c, loaded.invitation, outcome.status === 'closed' ? 'linkUsed' : 'linkClosed', 410);
});

entered.get('/sent', async (c) => {
  const invitation = c.get('invitation');
  if (invitation.closed_reason !== 'sent') return c.redirect('/client', 303);
  const { copy } = await clientCopyFor(c.get('deps').db, scope(c), invitation.lang, c.req.header('Accept-Language'));
  await auditEvent(c, 'client_voice.viewed', INVITATION_TARGET(invitation));
  return page(c, <SentPage copy={copy} icon={iconSvg('circle-check')} handover={c.get('handedOver')} />);
});

clientRoutes.route('/', entered);
