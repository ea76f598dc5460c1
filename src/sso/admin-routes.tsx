import { Hono, type Context } from 'hono';
import type { SignedInEnv } from '../http/env.js';
import { readForm } from '../http/form.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { ui } from '../http/ui.js';
import { auditChange } from '../audit/route-audit.js';
import { inTransaction } from '../db/transaction.js';
import { scope } from '../auth/scope.js';
import { SsoPage } from '../../views/admin/SsoPage.js';
import { parseSsoForm, readSsoForm, type SsoFormErrors, type SsoFormValues } from './forms.js';
import { configurationOf, OidcError } from './oidc.js';
import { domainsTakenElsewhere, getProvider, hasIdentityAt, linkedAccounts, removeProvider, saveProvider, type SsoProvider } from './queries.js';

// The administrator's screen for the organisation's identity provider (/admin/sso, inside the admin
// sub-app: requireAdmin has run). Saving checks the provider for real (its discovery document must
// name exactly the issuer typed), keeps e-mail domains unique across organisations, and refuses to
// switch password sign-in off for an administrator who has not signed in through the provider
// themselves (the command line can always switch it back on). Every change is audited in its
// transaction; recording that the provider enforces MFA, and password sign-in on or off, each
// get their own row, as they change who is asked what.

export const ssoAdminRoutes = new Hono<SignedInEnv>();

function formOf(p: SsoProvider | undefined): SsoFormValues {
  return {
    issuer: p?.issuer ?? '',
    client_id: p?.clientId ?? '',
    client_secret: '',
    domains: p?.domains.join('\n') ?? '',
    auto_create: p?.autoCreate ?? false,
    mfa_enforced: p?.mfaEnforced ?? false,
    password_signin: p?.passwordSignIn ?? true,
    revision: p?.revision ?? 0,
  };
}

async function page(
  c: Context<SignedInEnv>,
  opts: { values?: SsoFormValues; errors?: SsoFormErrors; conflict?: boolean; status?: 200 | 409 | 422; notice?: string | undefined } = {},
) {
  const { db, config } = c.get('deps');
  const s = scope(c);
  const provider = await getProvider(db, s);
  const linked = provider ? await linkedAccounts(db, s, provider.issuer) : 0;
  return render(
    c,
    () => (
      <SsoPage
        ui={ui(c)}
        values={opts.values ?? formOf(provider)}
        configured={provider !== undefined}
        linked={linked}
        redirectUri={`${config.publicOrigin}/signin/sso/callback`}
        errors={opts.errors}
        conflict={opts.conflict}
        notice={opts.notice}
      />
    ),
    { status: opts.status ?? 200 },
  );
}

ssoAdminRoutes.get('/', (c) => {
  const t = c.get('t');
  const saved = c.req.query('saved');
  return page(c, { notice: saved === 'removed' ? t.sso.admin.removed : saved ? t.sso.admin.saved : undefined });
});

ssoAdminRoutes.post('/', async (c) => {
  const deps = c.get('deps');
  const { db, config } = deps;
  const s = scope(c);
  const values = readSsoForm(await readForm(c));
  const current = await getProvider(db, s);
  const parsed = parseSsoForm(values, { allowHttp: config.ssoAllowHttpIssuer, hasSecret: current !== undefined });
  const refused = (errors: SsoFormErrors) => page(c, { values: { ...values, client_secret: '' }, errors, status: 422 });
  if (!parsed.ok) return refused(parsed.errors);
  const v = parsed.values;

  const taken = await domainsTakenElsewhere(db, s, v.domains);
  if (taken.length) return refused({ domains: ['domainsTaken', taken.join(', ')] });
  // Only someone who has a way in through the provider may close the way in with a password.
  if (!v.passwordSignIn && !(await hasIdentityAt(db, s, c.get('user').id, v.issuer))) return refused({ password_signin: 'passwordOffNeedsOwnSignIn' });
  // The provider must answer at this address and call itself by it (openid-client checks the issuer).
  try {
    await configurationOf(
      { id: 0, issuer: v.issuer, clientId: v.clientId, clientSecret: v.clientSecret ?? current?.clientSecret ?? '', updatedAt: deps.now() },
      config.ssoAllowHttpIssuer,
    );
  } catch (error) {
    if (!(error instanceof OidcError)) throw error;
    return refused({ issuer: error.reason === 'unreachable' ? 'issuerUnreachable' : 'issuerMismatch' });
  }

  const outcome = await inTransaction(db, async (trx) => {
    const saved = await saveProvider(trx, s, values.revision, v, deps.now());
    if (saved.status !== 'saved') return saved.status;
    const { before, after } = saved;
    await auditChange(c, trx, 'sso.configured', { type: 'organisation', id: s.organisationId });
    if ((before?.mfaEnforced ?? false) !== after.mfaEnforced)
      await auditChange(c, trx, after.mfaEnforced ? 'sso.mfa_enforcement_recorded' : 'sso.mfa_enforcement_withdrawn', {
        type: 'organisation',
        id: s.organisationId,
      });
    if ((before?.passwordSignIn ?? true) !== after.passwordSignIn)
      await auditChange(c, trx, 'sso.password_signin_changed', { type: 'organisation', id: s.organisationId });
    return 'saved' as const;
  });
  if (outcome === 'conflict')
    return page(c, { values: { ...values, client_secret: '', revision: (await getProvider(db, s))?.revision ?? 0 }, conflict: true, status: 409 });
  return redirectAfterPost(c, '/admin/sso?saved=1');
});

ssoAdminRoutes.post('/removal', async (c) => {
  const deps = c.get('deps');
  const s = scope(c);
  await inTransaction(deps.db, async (trx) => {
    if (await removeProvider(trx, s)) await auditChange(c, trx, 'sso.removed', { type: 'organisation', id: s.organisationId });
  });
  return redirectAfterPost(c, '/admin/sso?saved=removed');
});
