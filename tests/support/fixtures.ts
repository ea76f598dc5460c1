// The test data every feature's tests need — an organisation, its teams and users, a signed-in
// session, a household, a balance with scores, a GPMI — built once, here, through the project's
// own query functions (the same ones the routes call), so a fixture cannot drift from what the
// application writes. Plain functions taking `db` first; the integration tests (tests/support/app.ts)
// and the e2e fixtures (tests/e2e/support/fixtures.ts) both use them.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import type { Config } from '../../src/config.js';
import { createOrganisation, createUser, replaceRecoveryCodes } from '../../src/auth/queries.js';
import { newTotpKey, totpKeyForHumans } from '../../src/auth/totp.js';
import { hashPassword } from '../../src/auth/password.js';
import { cookieName, createSession, loadCurrentUser, markTwoFactorVerified } from '../../src/auth/sessions.js';
import { scopeOfUser, type OrgScope, type UserScope } from '../../src/auth/scope.js';
import { createHousehold } from '../../src/households/queries.js';
import type { MemberRole } from '../../src/households/tables.js';
import { createBalance, finaliseBalance, findBalance, saveCells } from '../../src/balances/queries.js';
import type { PostedCell } from '../../src/balances/model.js';
import { EMPTY_CELL, type CellValue } from '../../src/balances/logic.js';
import type { BalanceMethod } from '../../src/balances/tables.js';
import { createGpmi, recordEvaluation, savePlan, saveDraft } from '../../src/gpmi/queries.js';
import type { AgreementSeed } from '../../src/gpmi/model.js';
import { figuresSettings as readFiguresSettings, saveFiguresSettings, saveLivingWage } from '../../src/figures/queries.js';
import { inTransaction } from '../../src/db/transaction.js';
import { setShownToClients } from '../../src/client-voice/queries.js';
import { createInvitation, saveDraftAnswer, sendAnswers } from '../../src/client-voice/invitations.js';
import { createApiClient, newClientSecret, type ClientCredentials } from '../../src/api/queries.js';
import { API_SCOPES, type ApiScope } from '../../src/api/scopes.js';
import { saveProvider } from '../../src/sso/queries.js';

type Db = Kysely<Database>;

/** The user agent the sessions are made with (the session list shows it summarised). */
export const TEST_USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0';

/** An organisation with the default catalogue published; two-step verification is off unless asked. */
export async function organisation(db: Db, now: number, opts: { name?: string; requireTwoFactor?: boolean } = {}): Promise<number> {
  const id = await inTransaction(db, (trx) => createOrganisation(trx, opts.name ?? 'OCMW Teststad', now));
  if (!opts.requireTwoFactor) await db.updateTable('organisation').set({ require_two_factor: 0 }).where('id', '=', id).execute();
  return id;
}

export async function team(db: Db, now: number, organisationId: number, name: string): Promise<number> {
  const row = await db.insertInto('team').values({ organisation_id: organisationId, name, created_at: now }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export interface UserOptions {
  email: string;
  name?: string;
  /** Hashed for real (slow-ish): only when the test signs in with it. Without one, sign in with `session`. */
  password?: string;
  isAdmin?: boolean;
  teams?: { teamId: number; role: 'worker' | 'lead' }[];
  locale?: string;
}

export async function user(db: Db, now: number, organisationId: number, opts: UserOptions): Promise<number> {
  const passwordHash = opts.password ? await hashPassword(opts.password) : null;
  const id = await createUser(
    db,
    {
      organisationId,
      email: opts.email,
      displayName: opts.name ?? opts.email.split('@')[0]!,
      passwordHash,
      isAdmin: opts.isAdmin ?? false,
      ...(opts.locale ? { locale: opts.locale } : {}),
    },
    now,
  );
  for (const m of opts.teams ?? []) await db.insertInto('team_membership').values({ team_id: m.teamId, user_id: id, role: m.role }).execute();
  return id;
}

/** A worker in one team. */
export const worker = (db: Db, now: number, organisationId: number, teamId: number, opts: Omit<UserOptions, 'teams' | 'isAdmin'>) =>
  user(db, now, organisationId, { ...opts, teams: [{ teamId, role: 'worker' }] });

/** A team lead (sees the team's figures). */
export const lead = (db: Db, now: number, organisationId: number, teamId: number, opts: Omit<UserOptions, 'teams' | 'isAdmin'>) =>
  user(db, now, organisationId, { ...opts, teams: [{ teamId, role: 'lead' }] });

/** An administrator of the organisation (in no team unless given). */
export const admin = (db: Db, now: number, organisationId: number, opts: Omit<UserOptions, 'isAdmin'>) =>
  user(db, now, organisationId, { ...opts, isAdmin: true });

/**
 * Signs a user in by inserting a session (the Epic Stack habit): no password, no sign-in page.
 * Returns the token and the Cookie header value.
 */
export async function session(db: Db, config: Config, now: number, userId: number, opts: { twoFactorVerified?: boolean } = {}) {
  const s = await createSession(db, userId, now, TEST_USER_AGENT);
  if (opts.twoFactorVerified) await markTwoFactorVerified(db, s.id);
  return { name: cookieName(config), token: s.token, cookie: `${cookieName(config)}=${s.token}` };
}

/** What the user may see and change, as a route would compute it for them. */
export async function scopeOf(db: Db, userId: number): Promise<UserScope> {
  const u = await loadCurrentUser(db, userId);
  if (!u) throw new Error(`scopeOf: no user ${userId}`);
  return scopeOfUser(u);
}

export interface MemberInput {
  firstName: string;
  lastName?: string;
  birthYear?: number;
  role?: MemberRole;
  nationalNumber?: string | null;
  /** "In het gezin sinds", when not the household's `joinedOn` (a member who joined later). */
  joinedOn?: string;
}

/**
 * A household created as `scope`'s user would (createHousehold), in `teamId` (default: the user's
 * first team). Members join on `joinedOn` (default 2020-01-01, before any balance a test makes).
 */
export async function household(
  db: Db,
  now: number,
  scope: OrgScope,
  opts: { members: MemberInput[]; teamId?: number; dossierRef?: string | null; assignedUserId?: number | null; joinedOn?: string },
): Promise<{ id: number; members: number[] }> {
  const teamId = opts.teamId ?? scope.teamIds[0];
  if (teamId === undefined) throw new Error('household: the user is in no team; give teamId');
  const id = await inTransaction(db, (trx) =>
    createHousehold(
      trx,
      scope,
      { teamId, assignedUserId: opts.assignedUserId ?? null, dossierRef: opts.dossierRef ?? null },
      opts.members.map((m) => ({
        firstName: m.firstName,
        lastName: m.lastName ?? 'Test',
        birthYear: m.birthYear ?? 1980,
        birthDate: null,
        role: m.role ?? 'aanvrager',
        adultOverride: null,
        nationalNumber: m.nationalNumber ?? null,
      })),
      opts.joinedOn ?? '2020-01-01',
      now,
    ),
  );
  const members = await db.selectFrom('household_member').select('id').where('household_id', '=', id).orderBy('position').execute();
  // A member who joined later: their own "in het gezin sinds" date, as the member's page sets it.
  for (const [i, m] of opts.members.entries()) {
    if (m.joinedOn) await db.updateTable('household_member').set({ joined_on: m.joinedOn }).where('id', '=', members[i]!.id).execute();
  }
  return { id, members: members.map((m) => m.id) };
}

/** A cell as a test writes it: a score 1-5, 'nvt', 'nb', or a full value. */
export type CellInput = number | 'nvt' | 'nb' | (Partial<CellValue> & { score?: number | null });

function cellValue(v: CellInput): CellValue {
  if (typeof v === 'number') return { ...EMPTY_CELL, state: 'scored', score: v };
  if (v === 'nvt' || v === 'nb') return { ...EMPTY_CELL, state: v };
  return { ...EMPTY_CELL, state: v.score == null ? (v.state ?? 'open') : 'scored', ...v };
}

export interface BalanceInput {
  takenOn: string;
  method?: BalanceMethod;
  /** Member ids who took part (default: none). */
  participants?: number[];
  /**
   * The cells to fill: `{ 'h.schulden': 2, 'm12.mobiliteit': { score: 5, remark: '...' } }`, or a
   * function asked for every cell of the balance's layout (return undefined to leave it open).
   */
  scores?: Record<string, CellInput> | ((subject: string, domainKey: string, index: number) => CellInput | undefined);
  /** Finalise it after scoring (default: true). */
  finalise?: boolean;
}

/**
 * A balance started, scored and (by default) finalised as `scope`'s user would through the editor:
 * createBalance, saveCells, finaliseBalance.
 */
export async function balance(db: Db, now: number, scope: OrgScope, householdId: number, input: BalanceInput): Promise<number> {
  const id = await inTransaction(db, (trx) =>
    createBalance(
      trx,
      scope,
      householdId,
      { takenOn: input.takenOn, method: input.method ?? 'samen', participants: input.participants ?? [], prefill: false },
      now,
    ),
  );
  if (id === undefined) throw new Error(`balance: household ${householdId} not visible to user ${scope.userId}`);
  const cells: PostedCell[] = [];
  const scores = input.scores ?? {};
  if (typeof scores === 'function') {
    const detail = await findBalance(db, scope, householdId, id);
    if (!detail) throw new Error(`balance: cannot read back balance ${id}`);
    for (const section of detail.layout) {
      const domains = section.themes.flatMap((th) => th.domains);
      for (const [i, d] of domains.entries()) {
        const v = scores(section.subject.key, d.key, i);
        if (v !== undefined) cells.push({ subject: section.subject.key, domainKey: d.key, value: cellValue(v), revision: 0, changed: true, confirm: false });
      }
    }
  } else {
    for (const [key, v] of Object.entries(scores)) {
      const dot = key.indexOf('.');
      cells.push({ subject: key.slice(0, dot), domainKey: key.slice(dot + 1), value: cellValue(v), revision: 0, changed: true, confirm: false });
    }
  }
  if (cells.length) {
    const saved = await inTransaction(db, (trx) => saveCells(trx, scope, id, cells, null, now));
    if (saved.status !== 'saved') throw new Error(`balance: scores not saved (${saved.status})`);
  }
  if (input.finalise ?? true) await inTransaction(db, (trx) => finaliseBalance(trx, scope, id, now));
  return id;
}

/** A finalised balance (the usual starting point of overviews, PDFs and GPMIs). */
export const finalisedBalance = (db: Db, now: number, scope: OrgScope, householdId: number, input: Omit<BalanceInput, 'finalise'>) =>
  balance(db, now, scope, householdId, { ...input, finalise: true });

/**
 * A GPMI (version 1) from a finalised balance, with one agreement per seed (default subject: the
 * household). A draft, unless `signed` is given: then signed as the editor's "sign" button does
 * (saveDraft with a signature), so every agreement needs a text.
 */
export async function gpmi(
  db: Db,
  now: number,
  scope: UserScope,
  householdId: number,
  opts: {
    balanceId: number;
    memberId?: number | null;
    startOn: string;
    durationMonths?: number;
    moments?: string[];
    /** `client` and `ocmw`: the "Wat doe jij?" and "Wat doet het OCMW?" items, as the GPMI editor saves them. */
    agreements: (Partial<AgreementSeed> & { domainKey: string; client?: string[]; ocmw?: string[] })[];
    signed?: { on: string; clientName: string };
  },
): Promise<number> {
  const values = {
    balanceId: opts.balanceId,
    memberId: opts.memberId ?? null,
    startOn: opts.startOn,
    durationMonths: opts.durationMonths ?? 6,
    moments: opts.moments ?? [],
  };
  const id = await inTransaction(db, (trx) =>
    createGpmi(
      trx,
      scope,
      householdId,
      values,
      opts.agreements.map(({ client: _c, ocmw: _o, ...a }) => ({ subject: 'h', text: '', longTermGoal: '', shortTermGoal: '', targetScore: null, ...a })),
      now,
    ),
  );
  if (opts.agreements.some((a) => a.client?.length || a.ocmw?.length)) {
    const v = await db.selectFrom('gpmi_version').select(['id', 'revision']).where('gpmi_id', '=', id).executeTakeFirstOrThrow();
    const rows = await db.selectFrom('gpmi_agreement').selectAll().where('version_id', '=', v.id).orderBy('position').execute();
    const agreements = rows.map((r, i) => ({
      id: r.id,
      remove: false,
      text: r.text,
      longTermGoal: r.long_term_goal,
      shortTermGoal: r.short_term_goal,
      targetScore: r.target_score,
      dueOn: r.due_on,
      status: r.status,
      client: opts.agreements[i]?.client ?? [],
      ocmw: opts.agreements[i]?.ocmw ?? [],
      partners: [],
    }));
    const outcome = await inTransaction(db, (trx) => saveDraft(trx, v.id, v.revision, { ...values, agreements, add: null }, scope.userId, now));
    if (outcome.status !== 'saved') throw new Error(`gpmi: items not saved (${outcome.status})`);
  }
  if (opts.signed) {
    const v = await db.selectFrom('gpmi_version').select(['id', 'revision']).where('gpmi_id', '=', id).executeTakeFirstOrThrow();
    const outcome = await inTransaction(db, (trx) =>
      saveDraft(trx, v.id, v.revision, { ...values, agreements: [], add: null }, scope.userId, now, {
        signedOn: opts.signed!.on,
        clientName: opts.signed!.clientName,
      }),
    );
    if (outcome.status !== 'saved') throw new Error(`gpmi: not signed (${outcome.status})`);
  }
  return id;
}

/**
 * Turns two-step verification on for a user, as finishing the setup page does: an authenticator key
 * (returned as the text the setup page shows) and ten recovery codes (returned in clear, once).
 */
export async function twoFactor(db: Db, now: number, userId: number): Promise<{ keyText: string; recoveryCodes: string[] }> {
  const key = newTotpKey();
  await db.updateTable('app_user').set({ totp_key: key, totp_enabled_at: now, totp_last_counter: null }).where('id', '=', userId).execute();
  return { keyText: totpKeyForHumans(key), recoveryCodes: await replaceRecoveryCodes(db, userId) };
}

/**
 * The werkpunten of a finalised balance, as the plan page saves them (savePlan): one row per
 * `subject.domainKey` with its priority, the client's order and the goals.
 */
export async function plan(
  db: Db,
  now: number,
  scope: UserScope,
  balanceId: number,
  rows: Record<string, { priority: number; clientPriority?: number | null; longTermGoal?: string; shortTermGoal?: string; targetScore?: number | null }>,
): Promise<void> {
  const planRows = Object.entries(rows).map(([key, r]) => {
    const dot = key.indexOf('.');
    return {
      subject: key.slice(0, dot),
      domainKey: key.slice(dot + 1),
      priority: r.priority,
      clientPriority: r.clientPriority ?? null,
      longTermGoal: r.longTermGoal ?? '',
      shortTermGoal: r.shortTermGoal ?? '',
      targetScore: r.targetScore ?? null,
    };
  });
  const outcome = await inTransaction(db, (trx) => savePlan(trx, balanceId, planRows, 0, scope.userId, now));
  if (outcome !== 'saved') throw new Error(`plan: not saved (${outcome})`);
}

/** Switches a client language on for the clients of `scope`'s organisation, as an administrator does on /translations. */
export async function clientLanguageOn(db: Db, now: number, scope: OrgScope, lang: string): Promise<void> {
  await inTransaction(db, (trx) => setShownToClients(trx, scope, lang, true, now));
}

/** A beneficiary's living wage (grant date, exemption) as the living-wage page saves it. */
export async function livingWage(
  db: Db,
  now: number,
  scope: OrgScope,
  householdId: number,
  memberId: number,
  v: { grantedOn: string; exemption?: 'health' | 'equity' | null },
): Promise<void> {
  const outcome = await inTransaction(db, (trx) =>
    saveLivingWage(trx, scope, { householdId, memberId, revision: 0 }, { grantedOn: v.grantedOn, exemption: v.exemption ?? null }, now),
  );
  if (outcome !== 'saved') throw new Error(`livingWage: not saved (${outcome})`);
}

/** The organisation's figures settings as the settings page saves them (an administrator's scope). */
export async function figuresSettings(
  db: Db,
  now: number,
  scope: OrgScope,
  v: Partial<{ threshold: number; balanceDueMonths: number; weeklyDigest: boolean }>,
): Promise<void> {
  const current = await readFiguresSettings(db, scope);
  await inTransaction(db, (trx) =>
    saveFiguresSettings(
      trx,
      scope,
      { threshold: current.threshold, balanceDueMonths: current.balanceDueMonths, weeklyDigest: current.weeklyDigest, ...v },
      current.revision,
      now,
    ),
  );
}

/**
 * An API client of the organisation, registered as an administrator does (createApiClient): returns
 * its id and credentials. Default: every scope, every team, no address list, 120 calls a minute.
 */
export async function apiClient(
  db: Db,
  now: number,
  organisationId: number,
  opts: { name?: string; scopes?: ApiScope[]; teamId?: number | null; ipAllowList?: string | null; rateLimitPerMinute?: number } = {},
): Promise<ClientCredentials> {
  const secret = await newClientSecret();
  const scope: OrgScope = { organisationId, userId: null, isAdmin: true, teamIds: [], leadTeamIds: [], sensitiveVisibility: 'team' };
  return inTransaction(db, (trx) =>
    createApiClient(
      trx,
      scope,
      {
        name: opts.name ?? 'Cliëntdossier',
        scopes: opts.scopes ?? [...API_SCOPES],
        teamId: opts.teamId ?? null,
        ipAllowList: opts.ipAllowList ?? null,
        rateLimitPerMinute: opts.rateLimitPerMinute ?? 120,
      },
      secret,
      now,
    ),
  );
}

/** An evaluation of a GPMI's current signed version, as the evaluation form records it. */
export async function evaluation(db: Db, now: number, scope: UserScope, gpmiId: number, v: { heldOn: string; inPerson: boolean }): Promise<void> {
  const version = await db
    .selectFrom('gpmi_version')
    .select('id')
    .where('gpmi_id', '=', gpmiId)
    .where('status', '=', 'signed')
    .orderBy('number', 'desc')
    .executeTakeFirstOrThrow();
  await inTransaction(db, (trx) =>
    recordEvaluation(trx, gpmiId, version.id, { heldOn: v.heldOn, inPerson: v.inPerson, balanceId: null, items: [] }, scope.userId, now),
  );
}

/** The organisation's identity provider, set up as the administrator's screen saves it (saveProvider). */
export async function ssoProvider(
  db: Db,
  now: number,
  organisationId: number,
  v: { issuer: string; clientId: string; clientSecret: string; domains: string[]; autoCreate?: boolean; mfaEnforced?: boolean; passwordSignIn?: boolean },
): Promise<void> {
  const scope: OrgScope = { organisationId, userId: null, isAdmin: true, teamIds: [], leadTeamIds: [], sensitiveVisibility: 'team' };
  const current = await db.selectFrom('sso_provider').select('revision').where('organisation_id', '=', organisationId).executeTakeFirst();
  const saved = await inTransaction(db, (trx) =>
    saveProvider(trx, scope, current?.revision ?? 0, { autoCreate: false, mfaEnforced: false, passwordSignIn: true, ...v, clientSecret: v.clientSecret }, now),
  );
  if (saved.status !== 'saved') throw new Error(`ssoProvider: not saved (${saved.status})`);
}

/**
 * A client's one-time link for `memberId` on a draft balance, as the worker's page creates it, and
 * (with `answer`) one answer the client sent through it. Returns the invitation's id and token and
 * the answer's id.
 */
export async function clientInvitation(
  db: Db,
  now: number,
  scope: UserScope,
  v: { householdId: number; balanceId: number; memberId: number; answer?: { domainKey: string; score: number } },
): Promise<{ id: string; token: string; answerId: number | null }> {
  const invitation = await inTransaction(db, (trx) =>
    createInvitation(
      trx,
      scope,
      { householdId: v.householdId, balanceId: v.balanceId, memberId: v.memberId, includeHousehold: false, mode: 'link', expiresAt: now + 72 * 3600_000 },
      now,
    ),
  );
  if (!v.answer) return { ...invitation, answerId: null };
  const { domainKey, score } = v.answer;
  await inTransaction(db, async (trx) => {
    await saveDraftAnswer(
      trx,
      { id: invitation.id, balance_id: v.balanceId },
      { subject: `m${v.memberId}`, domainKey },
      { kind: 'score', score, remark: '' },
      now,
    );
    await sendAnswers(trx, { id: invitation.id, balance_id: v.balanceId, organisation_id: scope.organisationId }, now);
  });
  const row = await db.selectFrom('client_answer').select('id').where('invitation_id', '=', invitation.id).executeTakeFirstOrThrow();
  return { ...invitation, answerId: row.id };
}
