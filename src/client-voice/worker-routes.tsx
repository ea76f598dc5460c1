import { Hono, type Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { renderSVG } from 'uqr';
import type { HouseholdEnv } from '../households/scoped.js';
import { field, readForm } from '../http/form.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { ui } from '../http/ui.js';
import { parseId } from '../http/params.js';
import { auditChange, auditEvent } from '../audit/route-audit.js';
import { inTransaction } from '../db/transaction.js';
import { scope } from '../auth/scope.js';
import { findBalance } from '../balances/queries.js';
import { ClientVoicePage, LinkCreatedPage, type ClientVoicePageProps } from '../../views/client-voice/ClientVoicePage.js';
import { parseInvitation, readInvitationForm, type InvitationFormValues } from './forms.js';
import { answerExists, createInvitation, decideAnswer, listInvitations, lockSession, revokeInvitation, sentAnswers } from './invitations.js';
import { HANDOVER_HOURS, invitationState } from './logic.js';
import { CLIENT_PREFIX, clientVoicePath } from './paths.js';
import { languagesForClients, officialLanguage } from './queries.js';
import { DUTCH } from './languages.js';

// The worker's side of "the client scores too", for one balance of the client file: its own page
// under the balance (the editor itself stays as it is), mounted at
// /households/:householdId/balances/:balanceId/client-voice, so it is entered through
// householdScoped and finds the balance with findBalance like every other page of the file.

export const clientVoiceRoutes = new Hono<HouseholdEnv>();

const EMPTY: InvitationFormValues = { member: '', household: false, mode: '', hours: '' };

async function loadBalance(c: Context<HouseholdEnv>) {
  const household = c.get('household');
  const detail = await findBalance(c.get('deps').db, scope(c), household.id, parseId(c.req.param('balanceId')) ?? NaN, {
    hideSensitive: c.get('hideSensitive'),
  });
  return detail ? { household, detail } : undefined;
}

type Loaded = NonNullable<Awaited<ReturnType<typeof loadBalance>>>;

async function pageProps(c: Context<HouseholdEnv>, { household, detail }: Loaded, extra: Partial<ClientVoicePageProps> = {}): Promise<ClientVoicePageProps> {
  const { db, now, config } = c.get('deps');
  const s = scope(c);
  const [invitations, answers, languages, official] = await Promise.all([
    listInvitations(db, s, detail.id),
    sentAnswers(db, s, detail.id),
    languagesForClients(db, s),
    officialLanguage(db, s),
  ]);
  const adults = detail.subjects
    .filter((x) => x.memberId !== null && x.level === 'volwassene' && household.members.some((m) => m.id === x.memberId && m.leftOn === null))
    .map((x) => ({ memberId: x.memberId!, name: x.name }));
  return {
    ui: ui(c),
    household,
    detail,
    invitations,
    answers,
    adults,
    linkAvailable: config.clientOrigin !== undefined,
    handoverAvailable: c.get('user').twoFactorEnabled,
    values: EMPTY,
    finaliseWarning: false,
    now: now(),
    copyLanguages: languages.filter((l) => l.code !== DUTCH.code),
    officialChoice: official === 'nl-fr',
    ...extra,
  };
}

clientVoiceRoutes.get('/', async (c) => {
  const loaded = await loadBalance(c);
  if (!loaded) return c.notFound();
  const t = c.get('t').clientVoice;
  const notice = { revoked: t.revoked, decided: t.decided }[c.req.query('done') ?? ''];
  const props = await pageProps(c, loaded, { finaliseWarning: c.req.query('finalise') === '1', notice });
  await auditEvent(c, 'client_voice.page_viewed', { type: 'balance', id: loaded.detail.id });
  return render(c, () => <ClientVoicePage {...props} />);
});

clientVoiceRoutes.post('/invitations', async (c) => {
  const loaded = await loadBalance(c);
  if (!loaded) return c.notFound();
  const { household, detail } = loaded;
  const { db, now, config } = c.get('deps');
  const values = readInvitationForm(await readForm(c));
  const base = await pageProps(c, loaded, { values });
  if (detail.status !== 'draft') return render(c, () => <ClientVoicePage {...base} errors={{ member: 'final' }} />, { status: 409 });
  const parsed = parseInvitation(values, {
    adults: new Set(base.adults.map((a) => a.memberId)),
    linkAvailable: base.linkAvailable,
    handoverAvailable: base.handoverAvailable,
  });
  if (!parsed.ok) return render(c, () => <ClientVoicePage {...base} errors={parsed.errors} />, { status: 422 });
  const open = base.invitations.some(
    (i) =>
      i.memberId === parsed.memberId && invitationState({ closed_at: i.closedAt, closed_reason: i.closedReason, expires_at: i.expiresAt }, now()) === 'open',
  );
  if (open) return render(c, () => <ClientVoicePage {...base} errors={{ member: 'alreadyOpen' }} />, { status: 409 });

  const hours = parsed.mode === 'link' ? parsed.hours : HANDOVER_HOURS;
  const expiresAt = now() + hours * 3_600_000;
  const sessionId = c.get('sessionId');
  const created = await inTransaction(db, async (trx) => {
    const inv = await createInvitation(
      trx,
      scope(c),
      { householdId: household.id, balanceId: detail.id, memberId: parsed.memberId, includeHousehold: parsed.includeHousehold, mode: parsed.mode, expiresAt },
      now(),
    );
    if (parsed.mode === 'handover') {
      await lockSession(trx, sessionId, inv.id, now());
      await auditChange(c, trx, 'client_voice.handover_started', { type: 'client_invitation', id: inv.id });
    } else {
      await auditChange(c, trx, 'client_voice.link_created', { type: 'client_invitation', id: inv.id });
    }
    return inv;
  });

  if (parsed.mode === 'handover') {
    // The browser forgets the worker's pages it kept (back/forward cache, HTTP cache), and a cookie
    // changes so a browser that keeps "no-store" pages for Back does not restore them either.
    c.header('Clear-Site-Data', '"cache"');
    setCookie(c, 'sb_handover', '1', { httpOnly: true, sameSite: 'Strict', path: '/', secure: config.secure });
    return c.redirect(CLIENT_PREFIX, 303);
  }
  const url = `${config.clientOrigin}${CLIENT_PREFIX}/l/${created.token}`;
  const firstName = household.members.find((m) => m.id === parsed.memberId)?.firstName ?? '';
  // The only time the link exists in clear: shown once, sent uncompressed, never stored.
  return render(
    c,
    () => (
      <LinkCreatedPage
        ui={ui(c)}
        household={household}
        detail={detail}
        firstName={firstName}
        url={url}
        qrSvg={renderSVG(url, { border: 2, pixelSize: 5 })}
        expiresAt={expiresAt}
      />
    ),
    { secret: true },
  );
});

clientVoiceRoutes.post('/invitations/:invitationId/revocation', async (c) => {
  const loaded = await loadBalance(c);
  if (!loaded) return c.notFound();
  const { db, now } = c.get('deps');
  const invitationId = c.req.param('invitationId');
  if (!/^[a-z2-9]{16}$/.test(invitationId)) return c.notFound();
  const outcome = await inTransaction(db, async (trx) => {
    const r = await revokeInvitation(trx, scope(c), loaded.detail.id, invitationId, now());
    if (r === 'revoked') await auditChange(c, trx, 'client_voice.revoked', { type: 'client_invitation', id: invitationId });
    return r;
  });
  if (outcome === 'notFound') return c.notFound();
  // Already closed (a second click, or the client sent meanwhile): nothing to do, the page shows its state.
  const back = clientVoicePath(loaded.household.id, loaded.detail.id);
  return redirectAfterPost(c, outcome === 'revoked' ? `${back}?done=revoked` : back);
});

clientVoiceRoutes.post('/answers/:answerId/decision', async (c) => {
  const loaded = await loadBalance(c);
  if (!loaded) return c.notFound();
  const { db, now } = c.get('deps');
  const answerId = parseId(c.req.param('answerId'));
  // Not this balance's answer (or not there): the same audited 404 as any other id, before the form is read.
  if (answerId === null || !(await answerExists(db, scope(c), loaded.detail.id, answerId))) return c.notFound();
  const decision = field(await readForm(c), 'decision');
  if (decision !== 'accept' && decision !== 'keep') {
    const props = await pageProps(c, loaded);
    return render(c, () => <ClientVoicePage {...props} errors={{ member: 'notPending' }} />, { status: 422 });
  }
  const outcome = await inTransaction(db, async (trx) => {
    const r = await decideAnswer(trx, scope(c), loaded.detail.id, answerId, decision, now());
    if (r === 'decided') await auditChange(c, trx, 'client_voice.answer_decided', { type: 'balance', id: loaded.detail.id });
    return r;
  });
  if (outcome === 'notFound') return c.notFound();
  if (outcome !== 'decided') {
    const props = await pageProps(c, loaded);
    return render(c, () => <ClientVoicePage {...props} errors={{ member: outcome === 'final' ? 'final' : 'notPending' }} />, { status: 409 });
  }
  return redirectAfterPost(c, `${clientVoicePath(loaded.household.id, loaded.detail.id)}?done=decided`);
});
