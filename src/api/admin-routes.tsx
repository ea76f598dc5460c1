import { Hono, type Context } from 'hono';
import type { SignedInEnv } from '../http/env.js';
import { readForm } from '../http/form.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { ui } from '../http/ui.js';
import { parseId } from '../http/params.js';
import { auditChange } from '../audit/route-audit.js';
import { inTransaction } from '../db/transaction.js';
import { scope } from '../auth/scope.js';
import { teamChoices } from '../admin/queries.js';
import { ApiClientsPage } from '../../views/admin/ApiClientsPage.js';
import { ApiClientPage } from '../../views/admin/ApiClientPage.js';
import { ApiClientSecretPage } from '../../views/admin/ApiClientSecretPage.js';
import { emptyApiClientForm, parseApiClientForm, readApiClientForm, type ApiClientErrors, type ApiClientFormValues } from './forms.js';
import {
  createApiClient,
  findApiClient,
  listApiClients,
  newClientSecret,
  revokeApiClient,
  rotateApiClientSecret,
  updateApiClient,
  type ClientCredentials,
} from './queries.js';
import type { ApiClient } from './model.js';

// The administrator's screens for API clients: list, register (the secret is shown once), change
// name, scopes, team, addresses and rate limit, make a new secret, revoke. Mounted at
// /admin/api-clients inside the admin sub-app (src/admin/routes.tsx), so requireAdmin has run; every
// query is limited to the administrator's organisation (scope(c)): another organisation's client
// is a 404 and changes nothing. Every change writes its audit row in its transaction.

export const apiClientAdminRoutes = new Hono<SignedInEnv>();

async function listPage(c: Context<SignedInEnv>, opts: { values?: ApiClientFormValues; errors?: ApiClientErrors; status?: 200 | 422; notice?: string } = {}) {
  const { db } = c.get('deps');
  const s = scope(c);
  const [clients, teams] = await Promise.all([listApiClients(db, s), teamChoices(db, s)]);
  return render(
    c,
    () => <ApiClientsPage ui={ui(c)} clients={clients} teams={teams} values={opts.values ?? emptyApiClientForm()} errors={opts.errors} notice={opts.notice} />,
    {
      status: opts.status ?? 200,
    },
  );
}

async function clientPage(
  c: Context<SignedInEnv>,
  client: ApiClient,
  opts: { values?: ApiClientFormValues; errors?: ApiClientErrors; conflict?: boolean; status?: 200 | 409 | 422; notice?: string | undefined } = {},
) {
  const teams = await teamChoices(c.get('deps').db, scope(c));
  return render(
    c,
    () => <ApiClientPage ui={ui(c)} client={client} teams={teams} values={opts.values} errors={opts.errors} conflict={opts.conflict} notice={opts.notice} />,
    { status: opts.status ?? 200 },
  );
}

function secretPage(c: Context<SignedInEnv>, kind: 'created' | 'rotated', name: string, credentials: ClientCredentials) {
  const tokenUrl = `${c.get('deps').config.publicOrigin}/api/oauth/token`;
  // Shown once (only a hash is kept): rendered by the POST itself, uncompressed and never stored.
  return render(
    c,
    () => (
      <ApiClientSecretPage
        ui={ui(c)}
        kind={kind}
        id={credentials.id}
        name={name}
        clientId={credentials.clientId}
        clientSecret={credentials.clientSecret}
        tokenUrl={tokenUrl}
      />
    ),
    { status: kind === 'created' ? 201 : 200, secret: true },
  );
}

/** Another active client of the organisation with this name (names tell clients apart in the audit log). */
function nameTaken(clients: ApiClient[], name: string, exceptId?: number): boolean {
  return clients.some((x) => x.id !== exceptId && x.revokedAt === null && x.name.toLowerCase() === name.toLowerCase());
}

apiClientAdminRoutes.get('/', (c) => {
  const notice = c.req.query('saved') === 'revoked' ? c.get('t').api.admin.revokedDone : undefined;
  return listPage(c, { notice });
});

apiClientAdminRoutes.post('/', async (c) => {
  const deps = c.get('deps');
  const s = scope(c);
  const values = readApiClientForm(await readForm(c));
  const teams = await teamChoices(deps.db, s);
  const parsed = parseApiClientForm(
    values,
    teams.map((x) => x.id),
  );
  if (!parsed.ok) return listPage(c, { values, errors: parsed.errors, status: 422 });
  if (nameTaken(await listApiClients(deps.db, s), parsed.values.name)) return listPage(c, { values, errors: { name: 'nameTaken' }, status: 422 });
  const secret = await newClientSecret();
  const credentials = await inTransaction(deps.db, async (trx) => {
    const made = await createApiClient(trx, s, parsed.values, secret, deps.now());
    await auditChange(c, trx, 'api_client.created', { type: 'api_client', id: made.id });
    return made;
  });
  return secretPage(c, 'created', parsed.values.name, credentials);
});

async function target(c: Context<SignedInEnv>) {
  const id = parseId(c.req.param('id'));
  return id === null ? undefined : findApiClient(c.get('deps').db, scope(c), id);
}

apiClientAdminRoutes.get('/:id', async (c) => {
  const client = await target(c);
  if (!client) return c.notFound();
  return clientPage(c, client, { notice: c.req.query('saved') ? c.get('t').api.admin.saved : undefined });
});

apiClientAdminRoutes.post('/:id', async (c) => {
  const deps = c.get('deps');
  const s = scope(c);
  const client = await target(c);
  if (!client) return c.notFound();
  const values = readApiClientForm(await readForm(c));
  const teams = await teamChoices(deps.db, s);
  const parsed = parseApiClientForm(
    values,
    teams.map((x) => x.id),
  );
  if (!parsed.ok) return clientPage(c, client, { values, errors: parsed.errors, status: 422 });
  if (nameTaken(await listApiClients(deps.db, s), parsed.values.name, client.id))
    return clientPage(c, client, { values, errors: { name: 'nameTaken' }, status: 422 });
  const outcome = await inTransaction(deps.db, async (trx) => {
    const result = await updateApiClient(trx, s, client.id, values.revision, parsed.values, deps.now());
    if (result === 'saved') await auditChange(c, trx, 'api_client.updated', { type: 'api_client', id: client.id });
    return result;
  });
  if (outcome === 'notFound') return c.notFound();
  if (outcome === 'conflict' || outcome === 'revoked') {
    const current = (await findApiClient(deps.db, s, client.id))!;
    if (outcome === 'revoked') return clientPage(c, current, { status: 409 });
    return clientPage(c, current, { values: { ...values, revision: current.revision }, conflict: true, status: 409 });
  }
  return redirectAfterPost(c, `/admin/api-clients/${client.id}?saved=1`);
});

apiClientAdminRoutes.post('/:id/secret', async (c) => {
  const deps = c.get('deps');
  const client = await target(c);
  if (!client) return c.notFound();
  const secret = await newClientSecret();
  const outcome = await inTransaction(deps.db, async (trx) => {
    const result = await rotateApiClientSecret(trx, scope(c), client.id, secret, deps.now());
    if (typeof result === 'object') await auditChange(c, trx, 'api_client.secret_rotated', { type: 'api_client', id: client.id });
    return result;
  });
  if (outcome === 'notFound') return c.notFound();
  if (outcome === 'revoked') return clientPage(c, client, { status: 409 });
  return secretPage(c, 'rotated', client.name, outcome);
});

apiClientAdminRoutes.post('/:id/revocation', async (c) => {
  const deps = c.get('deps');
  const client = await target(c);
  if (!client) return c.notFound();
  const outcome = await inTransaction(deps.db, async (trx) => {
    const result = await revokeApiClient(trx, scope(c), client.id, deps.now());
    if (result === 'revoked') await auditChange(c, trx, 'api_client.revoked', { type: 'api_client', id: client.id });
    return result;
  });
  if (outcome === 'notFound') return c.notFound();
  return redirectAfterPost(c, `/admin/api-clients?saved=revoked`);
});
