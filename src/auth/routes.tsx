import { Hono, type Context } from 'hono';
import type { AppEnv, SignedInEnv } from '../http/env.js';
import { field, readForm } from '../http/form.js';
import { redirectAfterPost } from '../http/htmx.js';
import { hasErrors } from '../http/form-errors.js';
import { render } from '../http/render.js';
import { ui } from '../http/ui.js';
import { isLocale, type Messages } from '../i18n/index.js';
import { audit } from '../audit/audit.js';
import { auditChange } from '../audit/route-audit.js';
import { inTransaction } from '../db/transaction.js';
import { acrossOrganisations, inOrganisation } from '../db/organisation-scope.js';
import { SetupPage } from '../../views/auth/SetupPage.js';
import { SignInForm, SignInPage, type Replay } from '../../views/auth/SignInPage.js';
import { RecoveryCodesPage, TwoFactorPage, TwoFactorSetupPage } from '../../views/auth/TwoFactorPage.js';
import { ForgotPasswordPage, MessagePage, ReplayPage, SetPasswordPage } from '../../views/auth/PasswordPages.js';
import { AccountPage } from '../../views/auth/AccountPage.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.js';
import { lockedFor, newPasswordErrors, parseForgotten, parseLanguage, parseSetup, parseSignIn, type AuthErrors } from './forms.js';
import {
  clearSessionCookie,
  createSession,
  invalidateSession,
  invalidateUserSessions,
  markTwoFactorVerified,
  setSessionCookie,
  touchSession,
  summariseUserAgent,
} from './sessions.js';
import { confirmFailure, releaseOnSuccess, reserveAttempt, throttleKeys } from './throttle.js';
import { consumeSetupCode, hasAnyUser, setupCode } from './setup-code.js';
import {
  consumeUserToken,
  countUnusedRecoveryCodes,
  createOrganisation,
  createUser,
  createUserToken,
  findUserByEmail,
  findUserById,
  findValidUserToken,
  replaceRecoveryCodes,
  setPasswordHash,
  useRecoveryCode,
} from './queries.js';
import { newTotpKey, totpKeyForHumans, totpQrSvg, totpUri, verifyTotp } from './totp.js';
import { clientAddress, nextTarget, requireUser } from './middleware.js';
import { decodeReplay, replayFieldsOf } from './replay.js';
import { sendMail } from '../mail/mailer.js';
import { anyProvider, getProvider, isLinked, passwordSignInAllowed } from '../sso/queries.js';

/** Where to go once fully signed in: the replay page if a form was interrupted, else `next`. */
function finishSignIn(c: Context<AppEnv>, next: string, replay: Replay | undefined) {
  if (replay) {
    const fields = replayFieldsOf(replay);
    return render(c, () => <ReplayPage ui={ui(c)} action={replay.action} fields={fields} />);
  }
  return redirectAfterPost(c, next);
}

// Each resource is a sub-app mounted at its own prefix (src/app.ts), so the URLs stay /setup,
// /signin, /signin/two-factor, /signout, /session/keepalive, /password/… and no sub-app's
// middleware ever runs for another's paths. These run before anyone is signed in: AppEnv.
export const setupRoutes = new Hono<AppEnv>();
export const signInRoutes = new Hono<AppEnv>();
export const signOutRoutes = new Hono<AppEnv>();
export const sessionRoutes = new Hono<AppEnv>();
export const passwordRoutes = new Hono<AppEnv>();

// ---------------------------------------------------------------- first run
setupRoutes.get('/', async (c) => {
  if (await hasAnyUser(c.get('deps'))) return c.redirect('/signin', 303);
  return render(c, () => <SetupPage ui={ui(c)} />);
});

setupRoutes.post('/', async (c) => {
  const deps = c.get('deps');
  if (await hasAnyUser(deps)) return c.redirect('/signin', 303);
  const parsed = parseSetup(await readForm(c), setupCode());
  if (!parsed.ok) return render(c, () => <SetupPage ui={ui(c)} values={parsed.values} errors={parsed.errors} />, { status: 422 });
  const { setup } = parsed;
  const now = deps.now();
  const passwordHash = await hashPassword(setup.password);
  // No scope yet (the organisation is being made): the audit row names the new organisation and
  // user. The one transaction that makes an organisation from the web (src/db/organisation-scope.ts).
  const { orgId, userId } = await acrossOrganisations('setup', () =>
    inTransaction(deps.db, async (trx) => {
      const orgId = await createOrganisation(trx, setup.organisation, now);
      const id = await createUser(
        trx,
        { organisationId: orgId, email: setup.email, displayName: setup.name, passwordHash, isAdmin: true, locale: c.get('locale') },
        now,
      );
      await audit(trx, now, {
        organisationId: orgId,
        actorUserId: id,
        action: 'setup.completed',
        targetType: 'organisation',
        targetId: orgId,
        requestId: c.get('requestId'),
      });
      return { orgId, userId: id };
    }),
  );
  consumeSetupCode();
  const session = await inOrganisation(orgId, () => createSession(deps.db, userId, now, c.req.header('User-Agent') ?? ''));
  setSessionCookie(c, deps.config, session.token);
  return redirectAfterPost(c, '/account/two-factor/setup');
});

// ---------------------------------------------------------------- sign in
signInRoutes.get('/', async (c) => {
  if (c.get('user')) return c.redirect(nextTarget(c, c.req.query('next')), 303);
  if (!(await hasAnyUser(c.get('deps')))) return c.redirect('/setup', 303);
  const t = c.get('t');
  const notice = c.req.query('expired') ? t.auth.signin.expired : c.req.query('signedout') ? t.auth.signin.signedOut : undefined;
  const sso = await anyProvider(c.get('deps').db);
  return render(c, () => <SignInPage ui={ui(c)} next={nextTarget(c, c.req.query('next'))} notice={notice} sso={sso} />);
});

signInRoutes.post('/', async (c) => {
  const deps = c.get('deps');
  const { db } = deps;
  const fields = await readForm(c);
  const parsed = parseSignIn(fields);
  const email = parsed.email;
  const next = nextTarget(c, field(fields, 'next'));
  const replay = decodeReplay(c, fields);
  const sso = await anyProvider(db);
  const again = (errors: AuthErrors, status: 422 | 429) =>
    render(c, () => <SignInPage ui={ui(c)} email={email} errors={errors} next={next} replay={replay} sso={sso} />, {
      status,
      fragment: () => <SignInForm ui={ui(c)} email={email} errors={errors} next={next} replay={replay} sso={sso} />,
    });

  if (!parsed.ok) return again(parsed.errors, 422);
  const { password } = parsed;
  const now = deps.now();
  const keys = throttleKeys(email, clientAddress(c));
  // Counted before the (slow) password check, so parallel guesses cannot all slip under the lock.
  const reservation = await reserveAttempt(db, keys, now);
  const user = await findUserByEmail(db, email);
  if (!reservation.allowed) {
    await audit(db, now, {
      organisationId: user?.organisation_id ?? null,
      actorUserId: user?.id ?? null,
      action: 'signin.locked',
      targetType: 'user',
      targetId: user?.id,
      requestId: c.get('requestId'),
      outcome: 'denied',
    });
    return again({ password: lockedFor(reservation.waitMs) }, 429);
  }
  const usable = user && user.password_hash && user.disabled_at === null;
  const ok = usable ? await verifyPassword(user.password_hash!, password) : await verifyAgainstDummy(password);
  if (!ok || !user) {
    await confirmFailure(db, keys, now);
    await audit(db, now, {
      organisationId: user?.organisation_id ?? null,
      actorUserId: user?.id ?? null,
      action: 'signin.failure',
      targetType: 'user',
      targetId: user?.id,
      requestId: c.get('requestId'),
      outcome: 'failure',
    });
    return again({ password: 'signInFailed' }, 422);
  }
  await releaseOnSuccess(db, keys);
  // An organisation that signs in through its identity provider only (src/sso/): the password is
  // right, but it is not the way in. (The command line can switch password sign-in back on.)
  // From here on the account's organisation is known (src/db/organisation-scope.ts).
  const inUsers = <T,>(fn: () => T) => inOrganisation(user.organisation_id, fn);
  if (!(await inUsers(() => passwordSignInAllowed(db, user.organisation_id)))) {
    await audit(db, now, {
      organisationId: user.organisation_id,
      actorUserId: user.id,
      action: 'signin.failure',
      targetType: 'user',
      targetId: user.id,
      requestId: c.get('requestId'),
      outcome: 'denied',
    });
    return again({ email: 'passwordOff' }, 422);
  }
  // A new session at every sign-in (no session fixation); an old cookie's session is ended, found
  // by the cookie like any session (it may be another organisation's).
  const previous = c.get('sessionId') ?? c.get('pendingSession')?.id;
  if (previous) await acrossOrganisations('session', () => invalidateSession(db, previous));
  const session = await inUsers(() => createSession(db, user.id, now, c.req.header('User-Agent') ?? ''));
  setSessionCookie(c, deps.config, session.token);
  await audit(db, now, {
    organisationId: user.organisation_id,
    actorUserId: user.id,
    action: 'signin.success',
    targetType: 'user',
    targetId: user.id,
    requestId: c.get('requestId'),
  });
  if (user.totp_enabled_at !== null) {
    if (replay) {
      return render(c, () => <TwoFactorPage ui={ui(c)} next={next} replay={replay} />);
    }
    return redirectAfterPost(c, `/signin/two-factor?next=${encodeURIComponent(next)}`);
  }
  return inUsers(() => finishSignIn(c, next, replay));
});

signInRoutes.get('/two-factor', (c) => {
  if (c.get('user')) return c.redirect(nextTarget(c, c.req.query('next')), 303);
  if (!c.get('pendingSession')) return c.redirect('/signin', 303);
  return render(c, () => <TwoFactorPage ui={ui(c)} next={nextTarget(c, c.req.query('next'))} />);
});

signInRoutes.post('/two-factor', async (c) => {
  const deps = c.get('deps');
  const { db } = deps;
  const pending = c.get('pendingSession');
  if (!pending) return c.redirect('/signin', 303);
  const fields = await readForm(c);
  const next = nextTarget(c, field(fields, 'next'));
  const replay = decodeReplay(c, fields);
  const now = deps.now();
  const user = await findUserById(db, pending.userId);
  if (!user || !user.totp_key) return c.redirect('/signin', 303);
  const keys = throttleKeys(user.email, clientAddress(c));
  // Six digits are guessable in parallel too: counted before the code is checked, as for passwords.
  const reservation = await reserveAttempt(db, keys, now);
  if (!reservation.allowed) {
    return render(c, () => <TwoFactorPage ui={ui(c)} next={next} replay={replay} errors={{ code: lockedFor(reservation.waitMs) }} />, { status: 429 });
  }
  const usingRecovery = field(fields, 'method') === 'recovery';
  let ok = false;
  if (usingRecovery) {
    ok = await useRecoveryCode(db, user.id, field(fields, 'recovery'), now);
  } else {
    const step = verifyTotp(new Uint8Array(user.totp_key), field(fields, 'code'), now, user.totp_last_counter);
    if (step !== null) {
      // Conditional update: of two requests racing with the same code, only one wins.
      const res = await db
        .updateTable('app_user')
        .set({ totp_last_counter: step })
        .where('id', '=', user.id)
        .where((eb) => eb.or([eb('totp_last_counter', 'is', null), eb('totp_last_counter', '<', step)]))
        .executeTakeFirst();
      ok = Number(res.numUpdatedRows) === 1;
    }
  }
  if (!ok) {
    await confirmFailure(db, keys, now);
    await audit(db, now, {
      organisationId: user.organisation_id,
      actorUserId: user.id,
      action: 'twofactor.failure',
      targetType: 'user',
      targetId: user.id,
      requestId: c.get('requestId'),
      outcome: 'failure',
    });
    const errors: AuthErrors = usingRecovery ? { recovery: 'wrongRecovery' } : { code: 'wrongCode' };
    return render(c, () => <TwoFactorPage ui={ui(c)} next={next} replay={replay} errors={errors} />, { status: 422 });
  }
  await releaseOnSuccess(db, keys);
  await markTwoFactorVerified(db, pending.id);
  await audit(db, now, {
    organisationId: user.organisation_id,
    actorUserId: user.id,
    action: usingRecovery ? 'twofactor.recovery_used' : 'twofactor.success',
    targetType: 'user',
    targetId: user.id,
    requestId: c.get('requestId'),
  });
  return finishSignIn(c, next, replay);
});

signOutRoutes.post('/', async (c) => {
  const deps = c.get('deps');
  const id = c.get('sessionId') ?? c.get('pendingSession')?.id;
  const user = c.get('user');
  if (id) await invalidateSession(deps.db, id);
  if (user)
    await audit(deps.db, deps.now(), {
      organisationId: user.organisationId,
      actorUserId: user.id,
      action: 'signout',
      targetType: 'session',
      requestId: c.get('requestId'),
    });
  clearSessionCookie(c, deps.config);
  return redirectAfterPost(c, '/signin?signedout=1');
});

/** "Aangemeld blijven" in the idle warning: moves the idle deadline, changes nothing else. */
sessionRoutes.post('/keepalive', async (c) => {
  const id = c.get('sessionId');
  if (!id) return c.body(null, 401);
  await touchSession(c.get('deps').db, id, c.get('deps').now());
  return c.body(null, 204);
});

// ---------------------------------------------------------------- invitation and reset links

/** A password link of an organisation that signs in through its identity provider only: nothing to choose. */
function passwordLinkOff(c: Context<AppEnv>) {
  const t = c.get('t');
  return render(
    c,
    () => (
      <MessagePage
        ui={ui(c)}
        title={t.auth.password.resetTitle}
        message={t.sso.signin.passwordLinkOff}
        link={{ href: '/signin', label: t.auth.signin.title }}
      />
    ),
    { status: 403 },
  );
}
passwordRoutes.get('/forgotten', (c) => render(c, () => <ForgotPasswordPage ui={ui(c)} mailEnabled={Boolean(c.get('deps').config.smtpUrl)} />));

passwordRoutes.post('/forgotten', async (c) => {
  const deps = c.get('deps');
  const mailEnabled = Boolean(deps.config.smtpUrl);
  if (!mailEnabled) return render(c, () => <ForgotPasswordPage ui={ui(c)} mailEnabled={false} />);
  const fields = await readForm(c);
  const parsed = parseForgotten(fields);
  if (!parsed.ok) {
    return render(c, () => <ForgotPasswordPage ui={ui(c)} mailEnabled email={field(fields, 'email')} errors={parsed.errors} />, { status: 422 });
  }
  const user = await findUserByEmail(deps.db, parsed.email);
  // Same answer whether or not the address has an account (no account discovery), and whether or
  // not its organisation signs in with passwords at all.
  if (!user) return render(c, () => <ForgotPasswordPage ui={ui(c)} mailEnabled sent />);
  await inOrganisation(user.organisation_id, () => sendResetLink(c, user));
  return render(c, () => <ForgotPasswordPage ui={ui(c)} mailEnabled sent />);
});

/** In the account's organisation: a reset link by mail, if the account may have one. */
async function sendResetLink(c: Context<AppEnv>, user: NonNullable<Awaited<ReturnType<typeof findUserByEmail>>>) {
  const deps = c.get('deps');
  if (user.disabled_at === null && user.password_hash && (await passwordSignInAllowed(deps.db, user.organisation_id))) {
    const now = deps.now();
    const token = await createUserToken(deps.db, user.id, 'password_reset', now);
    await audit(deps.db, now, {
      organisationId: user.organisation_id,
      actorUserId: user.id,
      action: 'password.reset_link_created',
      targetType: 'user',
      targetId: user.id,
      requestId: c.get('requestId'),
    });
    await sendMail(deps, {
      to: user.email,
      kind: 'reset',
      link: `${deps.config.publicOrigin}/password/${token}`,
      locale: isLocale(user.locale) ? user.locale : 'nl',
    });
  }
}

/**
 * The link's token and its user, or the page that says why the link does not work: unknown, used,
 * expired, a disabled account (404), or an organisation that signs in without passwords (403).
 */
async function linkOf(c: Context<AppEnv>, token: string, now: number) {
  const deps = c.get('deps');
  const t = c.get('t');
  // The link is the credential: its account is found before the organisation is known.
  const { row, user } = await acrossOrganisations('user-token', async () => {
    const row = await findValidUserToken(deps.db, token, now);
    return { row, user: row ? await findUserById(deps.db, row.user_id) : undefined };
  });
  if (user && !(await inOrganisation(user.organisation_id, () => passwordSignInAllowed(deps.db, user.organisation_id)))) return passwordLinkOff(c);
  if (!row || !user || user.disabled_at !== null) {
    return render(
      c,
      () => (
        <MessagePage
          ui={ui(c)}
          title={t.auth.password.resetTitle}
          message={t.auth.password.linkInvalid}
          link={{ href: '/signin', label: t.auth.signin.title }}
        />
      ),
      { status: 404 },
    );
  }
  return { row, user };
}

passwordRoutes.get('/:token', async (c) => {
  const link = await linkOf(c, c.req.param('token'), c.get('deps').now());
  if (link instanceof Response) return link;
  return render(c, () => <SetPasswordPage ui={ui(c)} token={c.req.param('token')} purpose={link.row.purpose} email={link.user.email} />);
});

passwordRoutes.post('/:token', async (c) => {
  const token = c.req.param('token');
  const link = await linkOf(c, token, c.get('deps').now());
  if (link instanceof Response) return link;
  return inOrganisation(link.user.organisation_id, () => setPasswordFromLink(c, token, link));
});

/** In the link's organisation: the new password, and a session. */
async function setPasswordFromLink(c: Context<AppEnv>, token: string, link: Exclude<Awaited<ReturnType<typeof linkOf>>, Response>) {
  const deps = c.get('deps');
  const t = c.get('t');
  const now = deps.now();
  const { row, user } = link;
  const password = field(await readForm(c), 'password');
  const errors = newPasswordErrors(password, user.email);
  if (hasErrors(errors)) {
    return render(c, () => <SetPasswordPage ui={ui(c)} token={token} purpose={row.purpose} email={user.email} errors={errors} />, { status: 422 });
  }
  const passwordHash = await hashPassword(password);
  // Not signed in (the link is the credential): the audit row names the link's user.
  const done = await inTransaction(deps.db, async (trx) => {
    if (!(await consumeUserToken(trx, row.id, now))) return false;
    await setPasswordHash(trx, user.id, passwordHash, now);
    await invalidateUserSessions(trx, user.id);
    await audit(trx, now, {
      organisationId: user.organisation_id,
      actorUserId: user.id,
      action: row.purpose === 'invitation' ? 'user.invitation_accepted' : 'password.reset',
      targetType: 'user',
      targetId: user.id,
      requestId: c.get('requestId'),
    });
    return true;
  });
  if (!done) {
    return render(c, () => <MessagePage ui={ui(c)} title={t.auth.password.resetTitle} message={t.auth.password.linkInvalid} />, { status: 404 });
  }
  const session = await createSession(deps.db, user.id, now, c.req.header('User-Agent') ?? '');
  setSessionCookie(c, deps.config, session.token);
  // Someone who resets a password does not thereby skip the second factor.
  if (user.totp_enabled_at !== null) return redirectAfterPost(c, '/signin/two-factor');
  return redirectAfterPost(c, '/');
}

// ---------------------------------------------------------------- my account
// Mounted at /account: requireUser runs for these paths only.
export const accountRoutes = new Hono<SignedInEnv>();
accountRoutes.use(requireUser);

// A key being set up is stored on the user with totp_enabled_at still NULL: it does not count
// until a code from it is confirmed, and opening the setup page again replaces it.
accountRoutes.get('/two-factor/setup', async (c) => {
  const deps = c.get('deps');
  const user = c.get('user');
  if (user.twoFactorEnabled) return c.redirect('/account', 303);
  const key = newTotpKey();
  await deps.db
    .updateTable('app_user')
    .set({ totp_key: key, totp_last_counter: null })
    .where('id', '=', user.id)
    .where('totp_enabled_at', 'is', null)
    .execute();
  return render(c, () => <TwoFactorSetupPage ui={ui(c)} qrSvg={totpQrSvg(totpUri(key, user.email))} keyText={totpKeyForHumans(key)} />, { secret: true });
});

accountRoutes.post('/two-factor', async (c) => {
  const deps = c.get('deps');
  const current = c.get('user');
  if (current.twoFactorEnabled) return c.redirect('/account', 303);
  const fields = await readForm(c);
  const now = deps.now();
  const user = await findUserById(deps.db, current.id);
  const key = user?.totp_key ? new Uint8Array(user.totp_key) : null;
  const step = key ? verifyTotp(key, field(fields, 'code'), now, null) : null;
  if (!key || step === null) {
    // Show the same key again so the person can retry without re-scanning.
    const k = key ?? newTotpKey();
    if (!key) await deps.db.updateTable('app_user').set({ totp_key: k }).where('id', '=', current.id).execute();
    return render(c, () => <TwoFactorSetupPage ui={ui(c)} qrSvg={totpQrSvg(totpUri(k, current.email))} keyText={totpKeyForHumans(k)} error="wrongCode" />, {
      status: 422,
      secret: true,
    });
  }
  const codes = await inTransaction(deps.db, async (trx) => {
    await trx.updateTable('app_user').set({ totp_enabled_at: now, totp_last_counter: step, updated_at: now }).where('id', '=', current.id).execute();
    await markTwoFactorVerified(trx, c.get('sessionId'));
    await auditChange(c, trx, 'twofactor.enabled', { type: 'user', id: current.id });
    return replaceRecoveryCodes(trx, current.id);
  });
  return render(
    c,
    () => <RecoveryCodesPage ui={{ ...ui(c), user: { ...current, twoFactorEnabled: true, mustSetUpTwoFactor: false } }} codes={codes} next="/" />,
    { secret: true },
  );
});

accountRoutes.post('/recovery-codes', async (c) => {
  const deps = c.get('deps');
  const user = c.get('user');
  if (!user.twoFactorEnabled) return c.redirect('/account', 303);
  const codes = await inTransaction(deps.db, async (trx) => {
    const fresh = await replaceRecoveryCodes(trx, user.id);
    await auditChange(c, trx, 'twofactor.recovery_regenerated', { type: 'user', id: user.id });
    return fresh;
  });
  return render(c, () => <RecoveryCodesPage ui={ui(c)} codes={codes} next="/account" />, { secret: true });
});

async function accountPage(
  c: Context<SignedInEnv>,
  opts: { notice?: string | undefined; languageErrors?: AuthErrors; passwordErrors?: AuthErrors; status?: 200 | 422 | 429 } = {},
) {
  const deps = c.get('deps');
  const user = c.get('user');
  const rows = await deps.db
    .selectFrom('user_session')
    .select(['id', 'user_agent', 'created_at', 'last_active_at'])
    .where('user_id', '=', user.id)
    .orderBy('created_at', 'desc')
    .execute();
  const sessions = rows.map((r) => ({
    id: r.id,
    device: r.user_agent || summariseUserAgent(''),
    createdAt: r.created_at,
    lastActiveAt: r.last_active_at,
    current: r.id === c.get('sessionId'),
  }));
  const recoveryLeft = await countUnusedRecoveryCodes(deps.db, user.id);
  // Where the organisation signs in through its identity provider: linked, or a button to link.
  const provider = await getProvider(deps.db, c.get('scope'));
  const sso = provider ? { linked: await isLinked(deps.db, user.id, provider.issuer) } : null;
  return render(
    c,
    () => (
      <AccountPage
        ui={ui(c)}
        sessions={sessions}
        recoveryLeft={recoveryLeft}
        sso={sso}
        notice={opts.notice}
        languageErrors={opts.languageErrors}
        passwordErrors={opts.passwordErrors}
      />
    ),
    {
      status: opts.status ?? 200,
    },
  );
}

const notices = (t: Messages): Record<string, string> => ({
  language: t.auth.account.languageSaved,
  password: t.auth.account.passwordChanged,
  session: t.auth.account.sessionEnded,
});

accountRoutes.get('/', (c) => accountPage(c, { notice: notices(c.get('t'))[c.req.query('saved') ?? ''] }));

accountRoutes.post('/language', async (c) => {
  const deps = c.get('deps');
  const user = c.get('user');
  const parsed = parseLanguage(await readForm(c));
  if (!parsed.ok) return accountPage(c, { languageErrors: parsed.errors, status: 422 });
  await deps.db.updateTable('app_user').set({ locale: parsed.locale, updated_at: deps.now() }).where('id', '=', user.id).execute();
  return redirectAfterPost(c, '/account?saved=language');
});

accountRoutes.post('/password', async (c) => {
  const deps = c.get('deps');
  const current = c.get('user');
  const fields = await readForm(c);
  const user = await findUserById(deps.db, current.id);
  const now = deps.now();
  // The current password is the same secret as at sign-in, so it is guarded by the same counter:
  // a borrowed or stolen session must not become a way around the sign-in lock.
  const keys = throttleKeys(current.email, clientAddress(c));
  const reservation = await reserveAttempt(deps.db, keys, now);
  if (!reservation.allowed) {
    return accountPage(c, { passwordErrors: { current: lockedFor(reservation.waitMs) }, status: 429 });
  }
  const errors: AuthErrors = {};
  if (!user?.password_hash || !(await verifyPassword(user.password_hash, field(fields, 'current')))) errors.current = 'wrongCurrent';
  if (errors.current) await confirmFailure(deps.db, keys, now);
  else await releaseOnSuccess(deps.db, keys);
  Object.assign(errors, newPasswordErrors(field(fields, 'password'), current.email));
  if (hasErrors(errors)) return accountPage(c, { passwordErrors: errors, status: 422 });
  const passwordHash = await hashPassword(field(fields, 'password'));
  await inTransaction(deps.db, async (trx) => {
    await setPasswordHash(trx, current.id, passwordHash, now);
    await invalidateUserSessions(trx, current.id, c.get('sessionId'));
    await auditChange(c, trx, 'password.changed', { type: 'user', id: current.id });
  });
  return redirectAfterPost(c, '/account?saved=password');
});

accountRoutes.post('/sessions/:id/ending', async (c) => {
  const deps = c.get('deps');
  const user = c.get('user');
  const ended = await inTransaction(deps.db, async (trx) => {
    // Scoped to the user's own sessions: another user's session id is simply not found.
    const res = await trx.deleteFrom('user_session').where('id', '=', c.req.param('id')).where('user_id', '=', user.id).executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) return false;
    await auditChange(c, trx, 'session.ended', { type: 'user', id: user.id });
    return true;
  });
  if (!ended) return c.notFound();
  return redirectAfterPost(c, '/account?saved=session');
});
