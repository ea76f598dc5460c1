import type { Kysely, Selectable } from 'kysely';
import { createHash } from 'node:crypto';
import type { Database } from '../db/schema.js';
import { acrossOrganisations } from '../db/organisation-scope.js';
import type { Trx } from '../db/transaction.js';
import type { OrgScope } from '../auth/scope.js';
import { createUser } from '../auth/queries.js';
import { normaliseEmail } from '../auth/logic.js';
import type { SsoProviderTable } from './tables.js';
import type { ProviderValues } from './logic.js';

export type { ProviderValues };

// Single sign-on: the organisation's identity provider, its e-mail domains, the link between an
// account and its identity at the provider, and the sign-ins under way. Plain functions, db or trx
// first and the scope second where there is one. Three look-ups run before the organisation is
// known (the sign-in page has only an e-mail address, the callback only a state, the identity only
// issuer + subject); each is one named function, marked "before the organisation is known".

type Db = Kysely<Database>;

/** A sign-in under way stays valid this long (the person is at the provider's sign-in page). */
export const LOGIN_TTL_MS = 10 * 60_000;

export interface SsoProvider {
  id: number;
  organisationId: number;
  issuer: string;
  clientId: string;
  clientSecret: string;
  domains: string[];
  autoCreate: boolean;
  mfaEnforced: boolean;
  passwordSignIn: boolean;
  revision: number;
  updatedAt: number;
}

async function providerOf(db: Db, row: Selectable<SsoProviderTable> | undefined): Promise<SsoProvider | undefined> {
  if (!row) return undefined;
  const domains = await db.selectFrom('sso_domain').select('domain').where('provider_id', '=', row.id).orderBy('domain').execute();
  return {
    id: row.id,
    organisationId: row.organisation_id,
    issuer: row.issuer,
    clientId: row.client_id,
    clientSecret: row.client_secret,
    domains: domains.map((d) => d.domain),
    autoCreate: row.auto_create === 1,
    mfaEnforced: row.mfa_enforced === 1,
    passwordSignIn: row.password_signin === 1,
    revision: row.revision,
    updatedAt: row.updated_at,
  };
}

function providerRow(db: Db, where: { organisationId?: number; id?: number }) {
  let q = db.selectFrom('sso_provider').selectAll();
  if (where.organisationId !== undefined) q = q.where('organisation_id', '=', where.organisationId);
  if (where.id !== undefined) q = q.where('id', '=', where.id);
  return q.executeTakeFirst();
}

export const stateHash = (state: string) => createHash('sha256').update(state).digest('hex');

// ---------------------------------------------------------------- before the organisation is known

/** Before the organisation is known: the provider that serves this e-mail domain, if any. */
export async function findProviderForDomain(db: Db, domain: string): Promise<SsoProvider | undefined> {
  return acrossOrganisations('single-sign-on', async () => {
    const hit = await db.selectFrom('sso_domain').select('provider_id').where('domain', '=', domain.toLowerCase()).executeTakeFirst();
    return hit ? providerOf(db, await providerRow(db, { id: hit.provider_id })) : undefined;
  });
}

/** Before the organisation is known: whether any organisation of this instance signs in through a provider (the sign-in page then offers it). */
export async function anyProvider(db: Db): Promise<boolean> {
  return (await acrossOrganisations('single-sign-on', () => db.selectFrom('sso_provider').select('id').limit(1).executeTakeFirst())) !== undefined;
}

/**
 * Before the organisation is known: takes the sign-in under way that a state names, once. A second
 * use (a replayed or double-submitted callback), an expired one or an unknown state is undefined.
 */
export async function takeLogin(trx: Trx, state: string, now: number) {
  const hash = stateHash(state);
  const res = await trx
    .updateTable('sso_login')
    .set({ used_at: now })
    .where('state_hash', '=', hash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return undefined;
  // Old sign-ins nobody finished are no longer of use to anyone.
  await trx
    .deleteFrom('sso_login')
    .where('expires_at', '<=', now - LOGIN_TTL_MS)
    .execute();
  return trx.selectFrom('sso_login').selectAll().where('state_hash', '=', hash).executeTakeFirstOrThrow();
}

/** Before the organisation is known: the account linked to this identity at this issuer. */
export async function findUserBySsoIdentity(db: Db, issuer: string, subject: string) {
  return acrossOrganisations('single-sign-on', () =>
    db
      .selectFrom('sso_identity')
      .innerJoin('app_user', 'app_user.id', 'sso_identity.user_id')
      .select(['sso_identity.id as identity_id', 'app_user.id', 'app_user.organisation_id', 'app_user.disabled_at', 'app_user.totp_enabled_at'])
      .where('sso_identity.issuer', '=', issuer)
      .where('sso_identity.subject', '=', subject)
      .executeTakeFirst(),
  );
}

// ---------------------------------------------------------------- a sign-in

export async function providerById(db: Db, id: number): Promise<SsoProvider | undefined> {
  return providerOf(db, await providerRow(db, { id }));
}

/** Remembers a sign-in under way (state as a hash; nonce and PKCE verifier to check the answer). */
export async function startSsoLogin(
  db: Db,
  providerId: number,
  v: { state: string; nonce: string; codeVerifier: string; next: string; replay: { action: string; payload: string } | undefined },
  now: number,
) {
  await db
    .insertInto('sso_login')
    .values({
      state_hash: stateHash(v.state),
      provider_id: providerId,
      nonce: v.nonce,
      code_verifier: v.codeVerifier,
      next: v.next,
      replay_action: v.replay?.action ?? null,
      replay_payload: v.replay?.payload ?? null,
      created_at: now,
      expires_at: now + LOGIN_TTL_MS,
      used_at: null,
    })
    .execute();
  // Starts nobody finishes (a script posting the sign-in form) must not pile up until the next
  // finished sign-in: expired ones go at every start as well.
  await db
    .deleteFrom('sso_login')
    .where('expires_at', '<=', now - LOGIN_TTL_MS)
    .execute();
}

/**
 * The account an e-mail address names in the provider's organisation, for the first sign-in:
 * whether it is already linked to an identity at this issuer (then the address must not link it a
 * second time, to someone else), and whether it is disabled.
 */
export async function findAccountToLink(db: Db, organisationId: number, email: string, issuer: string) {
  // Across organisations: an address that signs in to another organisation is refused as such.
  const user = await acrossOrganisations('single-sign-on', () =>
    db
      .selectFrom('app_user')
      .select(['id', 'organisation_id', 'disabled_at', 'totp_enabled_at', 'password_hash'])
      .where('email', '=', normaliseEmail(email))
      .executeTakeFirst(),
  );
  if (!user) return { status: 'none' as const };
  if (user.organisation_id !== organisationId) return { status: 'otherOrganisation' as const };
  const linked = await db.selectFrom('sso_identity').select('id').where('user_id', '=', user.id).where('issuer', '=', issuer).executeTakeFirst();
  // An account with a credential of its own (a password, a second factor) is someone's already:
  // only that someone, signed in, may link it (an e-mail claim is not proof enough; see routes.tsx).
  const ownCredentials = user.password_hash !== null || user.totp_enabled_at !== null;
  return {
    status: linked ? ('linked' as const) : ('free' as const),
    user: { id: user.id, disabled_at: user.disabled_at, totp_enabled_at: user.totp_enabled_at },
    ownCredentials,
  };
}

/** Whether the user has an identity at this issuer (the account page offers to link one if not). */
export async function isLinked(db: Db, userId: number, issuer: string): Promise<boolean> {
  return (await db.selectFrom('sso_identity').select('id').where('user_id', '=', userId).where('issuer', '=', issuer).executeTakeFirst()) !== undefined;
}

export async function linkIdentity(trx: Trx, userId: number, issuer: string, subject: string, now: number): Promise<void> {
  await trx.insertInto('sso_identity').values({ user_id: userId, issuer, subject, created_at: now, last_signin_at: now }).execute();
}

export async function touchIdentity(db: Db, identityId: number, now: number): Promise<void> {
  await db.updateTable('sso_identity').set({ last_signin_at: now }).where('id', '=', identityId).execute();
}

/** An account made at the first sign-in (the administrator allowed it): no password, no role, no team. */
export async function createUserFromProvider(trx: Trx, organisationId: number, email: string, name: string, now: number): Promise<number> {
  return createUser(trx, { organisationId, email, displayName: name, passwordHash: null, isAdmin: false }, now);
}

/** Whether the organisation lets its users sign in with a password (no provider: yes). */
export async function passwordSignInAllowed(db: Db, organisationId: number): Promise<boolean> {
  const row = await db.selectFrom('sso_provider').select('password_signin').where('organisation_id', '=', organisationId).executeTakeFirst();
  return !row || row.password_signin === 1;
}

// ---------------------------------------------------------------- administration

export async function getProvider(db: Db, scope: OrgScope): Promise<SsoProvider | undefined> {
  return providerOf(db, await providerRow(db, { organisationId: scope.organisationId }));
}

/**
 * Whether another organisation's provider serves one of these domains: yes or no, never which
 * organisation (a domain finds one organisation at sign-in, so it can belong to one only).
 */
export async function domainsTakenElsewhere(db: Db, scope: OrgScope, domains: string[]): Promise<string[]> {
  if (!domains.length) return [];
  // Across organisations, by name (decision 034): a domain finds one organisation at sign-in.
  const rows = await acrossOrganisations('single-sign-on', () =>
    db
      .selectFrom('sso_domain')
      .innerJoin('sso_provider', 'sso_provider.id', 'sso_domain.provider_id')
      .select('sso_domain.domain')
      .where('sso_domain.domain', 'in', domains)
      .where('sso_provider.organisation_id', '!=', scope.organisationId)
      .execute(),
  );
  return rows.map((r) => r.domain);
}

/** Whether this user has signed in through the provider at `issuer` (so has a way in without a password). */
export async function hasIdentityAt(db: Db, scope: OrgScope, userId: number, issuer: string): Promise<boolean> {
  const row = await db
    .selectFrom('sso_identity')
    .innerJoin('app_user', 'app_user.id', 'sso_identity.user_id')
    .select('sso_identity.id')
    .where('app_user.organisation_id', '=', scope.organisationId)
    .where('sso_identity.user_id', '=', userId)
    .where('sso_identity.issuer', '=', issuer)
    .executeTakeFirst();
  return row !== undefined;
}

/** How many of the organisation's accounts are linked to an identity at `issuer`. */
export async function linkedAccounts(db: Db, scope: OrgScope, issuer: string): Promise<number> {
  const row = await db
    .selectFrom('sso_identity')
    .innerJoin('app_user', 'app_user.id', 'sso_identity.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('app_user.organisation_id', '=', scope.organisationId)
    .where('sso_identity.issuer', '=', issuer)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type ProviderSave = { status: 'saved'; before: SsoProvider | undefined; after: SsoProvider } | { status: 'unchanged' | 'conflict' };

/** Creates or updates the organisation's provider at the revision the administrator saw. */
export async function saveProvider(trx: Trx, scope: OrgScope, revision: number, v: ProviderValues, now: number): Promise<ProviderSave> {
  const before = await getProvider(trx, scope);
  if ((before?.revision ?? 0) !== revision) return { status: 'conflict' };
  const columns = {
    issuer: v.issuer,
    client_id: v.clientId,
    auto_create: v.autoCreate ? 1 : 0,
    mfa_enforced: v.mfaEnforced ? 1 : 0,
    password_signin: v.passwordSignIn ? 1 : 0,
    updated_at: now,
  };
  if (
    before &&
    before.issuer === v.issuer &&
    before.clientId === v.clientId &&
    (v.clientSecret === null || v.clientSecret === before.clientSecret) &&
    before.domains.join(' ') === [...v.domains].sort().join(' ') &&
    before.autoCreate === v.autoCreate &&
    before.mfaEnforced === v.mfaEnforced &&
    before.passwordSignIn === v.passwordSignIn
  )
    return { status: 'unchanged' };
  let id: number;
  if (before) {
    const res = await trx
      .updateTable('sso_provider')
      .set({ ...columns, ...(v.clientSecret !== null ? { client_secret: v.clientSecret } : {}), revision: revision + 1 })
      .where('id', '=', before.id)
      .where('organisation_id', '=', scope.organisationId)
      .where('revision', '=', revision)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return { status: 'conflict' };
    id = before.id;
    await trx.deleteFrom('sso_domain').where('provider_id', '=', id).execute();
  } else {
    const row = await trx
      .insertInto('sso_provider')
      .values({ ...columns, organisation_id: scope.organisationId, client_secret: v.clientSecret ?? '', revision: 1, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  }
  if (v.domains.length)
    await trx
      .insertInto('sso_domain')
      .values(v.domains.map((domain) => ({ domain, provider_id: id })))
      .execute();
  return { status: 'saved', before, after: (await getProvider(trx, scope))! };
}

/**
 * Removes the organisation's provider: sign-in with a password is then the way in again. The links
 * to identities stay (they name the issuer, not this row): a provider set up again with the same
 * issuer recognises its people without asking their e-mail address once more.
 */
export async function removeProvider(trx: Trx, scope: OrgScope): Promise<boolean> {
  const provider = await getProvider(trx, scope);
  if (!provider) return false;
  await trx.deleteFrom('sso_login').where('provider_id', '=', provider.id).execute();
  await trx.deleteFrom('sso_domain').where('provider_id', '=', provider.id).execute();
  await trx.deleteFrom('sso_provider').where('id', '=', provider.id).where('organisation_id', '=', scope.organisationId).execute();
  return true;
}

/** The command line's way in (src/cli/admin.ts): password sign-in on again for an organisation. */
export async function allowPasswordSignIn(trx: Trx, organisationId: number, now: number): Promise<'changed' | 'unchanged'> {
  const res = await trx
    .updateTable('sso_provider')
    .set((eb) => ({ password_signin: 1, updated_at: now, revision: eb('revision', '+', 1) }))
    .where('organisation_id', '=', organisationId)
    .where('password_signin', '=', 0)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1 ? 'changed' : 'unchanged';
}
