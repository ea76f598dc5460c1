// An OCMW with a bit of everything, to move between databases (tests/integration/organisation-move*.test.ts):
// teams, users (one with two-step verification and recovery codes), households with members, a
// finalised and amended balance with scores and werkpunten, a signed GPMI with items and an
// evaluation, a client's answer through a link, living wage, settings, an API client, an identity
// provider, and audit rows made by using the app's pages.
import { expect } from 'vitest';
import { inTransaction } from '../../src/db/transaction.js';
import { amendCell } from '../../src/balances/queries.js';
import { EMPTY_CELL } from '../../src/balances/logic.js';
import { recordEvaluation } from '../../src/gpmi/queries.js';
import * as fx from './fixtures.js';
import type { TestApp } from './app.js';

export const MOVE_PASSWORD = 'een lang wachtwoord 2026';

export interface MovedOrganisation {
  organisationId: number;
  worker: { id: number; email: string };
  admin: { id: number; email: string; totpKey: Uint8Array };
  householdId: number;
  dossierRef: string;
  gpmiId: number;
}

/** Builds the organisation in `t` (each name is made unique by `tag`, e-mail addresses too). */
export async function organisationToMove(t: TestApp, tag = 'kasterlee'): Promise<MovedOrganisation> {
  const now = t.now();
  const org = await t.organisation(`OCMW ${tag}`);
  const noord = await t.team(org, 'Team Noord');
  const zuid = await t.team(org, 'Team Zuid');
  const workerEmail = `wendy@${tag}.be`;
  const adminEmail = `ann@${tag}.be`;
  const worker = await t.user(org, { email: workerEmail, name: 'Wendy Werker', password: MOVE_PASSWORD, teams: [{ teamId: noord, role: 'worker' }] });
  const admin = await t.user(org, { email: adminEmail, name: 'Ann Admin', password: MOVE_PASSWORD, isAdmin: true, teams: [{ teamId: zuid, role: 'lead' }] });
  // Invited, no password yet: the invitation link is not moved.
  await t.user(org, { email: `nieuw@${tag}.be`, teams: [{ teamId: noord, role: 'worker' }] });
  await fx.twoFactor(t.db, now, admin);
  const key = await t.db.selectFrom('app_user').select('totp_key').where('id', '=', admin).executeTakeFirstOrThrow();
  const scope = await fx.scopeOf(t.db, worker);
  const dossierRef = `D-${tag}-1`;
  const h = await fx.household(t.db, now, scope, {
    dossierRef,
    assignedUserId: worker,
    members: [
      { firstName: 'Sara', lastName: 'Peeters', birthYear: 1985 },
      { firstName: 'Tom', lastName: 'Peeters', birthYear: 1983, role: 'partner' },
      { firstName: 'Lien', lastName: 'Peeters', birthYear: 2015, role: 'kind' },
    ],
  });
  await fx.household(t.db, now, await fx.scopeOf(t.db, admin), { teamId: zuid, members: [{ firstName: 'Jan', lastName: 'Janssens', birthYear: 1960 }] });
  const [sara, tom] = h.members as [number, number, number];
  const balanceId = await fx.finalisedBalance(t.db, now, scope, h.id, {
    takenOn: '2026-11-20',
    participants: [sara, tom],
    scores: { 'h.verblijfplaats': { score: 2, clientScore: 3, remark: 'Huur te hoog' }, [`m${sara}.mobiliteit`]: 4, [`m${tom}.mobiliteit`]: 'nvt' },
  });
  const amended = await inTransaction(t.db, (trx) =>
    amendCell(trx, scope, balanceId, `m${sara}`, 'mobiliteit', { ...EMPTY_CELL, state: 'scored', score: 3 }, 'Verkeerd genoteerd', now),
  );
  expect(amended).toBe('amended');
  await fx.plan(t.db, now, scope, balanceId, { 'h.verblijfplaats': { priority: 1, clientPriority: 1, longTermGoal: 'Betaalbaar wonen', targetScore: 4 } });
  const gpmiId = await fx.gpmi(t.db, now, scope, h.id, {
    balanceId,
    memberId: sara,
    startOn: '2026-12-01',
    moments: ['2027-03-01'],
    agreements: [{ domainKey: 'verblijfplaats', subject: `m${sara}`, text: 'Een woning zoeken', client: ['Ik zoek zelf mee'], ocmw: ['Huurwaarborg'] }],
    signed: { on: '2026-12-01', clientName: 'Sara Peeters' },
  });
  const version = await t.db.selectFrom('gpmi_version').select('id').where('gpmi_id', '=', gpmiId).executeTakeFirstOrThrow();
  const agreement = await t.db.selectFrom('gpmi_agreement').select('id').where('version_id', '=', version.id).executeTakeFirstOrThrow();
  await inTransaction(t.db, (trx) =>
    recordEvaluation(
      trx,
      gpmiId,
      version.id,
      {
        heldOn: '2027-03-01',
        inPerson: true,
        balanceId: null,
        items: [{ agreementId: agreement.id, note: 'Twee woningen bezocht', status: 'lopend', shared: true }],
      },
      worker,
      now,
    ),
  );
  // A draft balance the client scores through a link.
  const draft = await fx.balance(t.db, now, scope, h.id, { takenOn: '2026-12-05', finalise: false, scores: { 'h.verblijfplaats': 3 } });
  await fx.clientInvitation(t.db, now, scope, { householdId: h.id, balanceId: draft, memberId: sara, answer: { domainKey: 'mobiliteit', score: 2 } });
  await fx.clientLanguageOn(t.db, now, scope, 'fr');
  await fx.livingWage(t.db, now, scope, h.id, sara, { grantedOn: '2026-01-15', exemption: null });
  await fx.figuresSettings(t.db, now, scope, { threshold: 4, weeklyDigest: true });
  await fx.apiClient(t.db, now, org, { name: `Cevi ${tag}`, teamId: noord });
  await fx.ssoProvider(t.db, now, org, { issuer: `https://login.${tag}.be`, clientId: 'sociale-balans', clientSecret: 'geheim', domains: [`${tag}.be`] });
  // Audit rows made by using the pages (targets: households, balances, figures with a team filter).
  const cookie = await t.sessionCookie(worker);
  expect((await t.request(`/households/${h.id}`, { cookie })).status).toBe(200);
  expect((await t.request(`/households/${h.id}/balances/${balanceId}`, { cookie })).status).toBe(200);
  // A refused look at a household that is not the organisation's: its number names nothing moved.
  expect((await t.request('/households/999999', { cookie })).status).toBe(404);
  const leadCookie = await t.sessionCookie(admin, { twoFactorVerified: true });
  expect((await t.request(`/figures?team=${zuid}`, { cookie: leadCookie })).status).toBe(200);
  expect((await t.request(`/todo?whose=${zuid}`, { cookie: leadCookie })).status).toBe(200);
  return {
    organisationId: org,
    worker: { id: worker, email: workerEmail },
    admin: { id: admin, email: adminEmail, totpKey: new Uint8Array(key.totp_key!) },
    householdId: h.id,
    dossierRef,
    gpmiId,
  };
}

/** Rows per moved table of one organisation, by counting in the database (not through the move's code). */
export async function countsOf(t: TestApp, organisationId: number) {
  const n = async (q: { executeTakeFirstOrThrow(): Promise<{ n: unknown }> }) => Number((await q.executeTakeFirstOrThrow()).n);
  const db = t.db;
  const count = db.fn.countAll<number>().as('n');
  return {
    app_user: await n(db.selectFrom('app_user').select(count).where('organisation_id', '=', organisationId)),
    household: await n(db.selectFrom('household').select(count).where('organisation_id', '=', organisationId)),
    household_member: await n(
      db
        .selectFrom('household_member')
        .innerJoin('household', 'household.id', 'household_member.household_id')
        .select(count)
        .where('household.organisation_id', '=', organisationId),
    ),
    balance_score: await n(
      db
        .selectFrom('balance_score')
        .innerJoin('balance', 'balance.id', 'balance_score.balance_id')
        .select(count)
        .where('balance.organisation_id', '=', organisationId),
    ),
    gpmi_evaluation_item: await n(
      db
        .selectFrom('gpmi_evaluation_item')
        .innerJoin('gpmi_evaluation', 'gpmi_evaluation.id', 'gpmi_evaluation_item.evaluation_id')
        .innerJoin('gpmi', 'gpmi.id', 'gpmi_evaluation.gpmi_id')
        .select(count)
        .where('gpmi.organisation_id', '=', organisationId),
    ),
    client_answer: await n(
      db
        .selectFrom('client_answer')
        .innerJoin('balance', 'balance.id', 'client_answer.balance_id')
        .select(count)
        .where('balance.organisation_id', '=', organisationId),
    ),
    recovery_code: await n(
      db
        .selectFrom('recovery_code')
        .innerJoin('app_user', 'app_user.id', 'recovery_code.user_id')
        .select(count)
        .where('app_user.organisation_id', '=', organisationId),
    ),
    audit_event: await n(db.selectFrom('audit_event').select(count).where('organisation_id', '=', organisationId)),
  };
}
