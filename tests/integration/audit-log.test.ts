import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import * as fx from '../support/fixtures.js';
import { audit } from '../../src/audit/audit.js';

// The audit log says in words what was touched ("Meting van 20/11/2026 van D100050"), in the reader's
// language, and only what the reader may see: a client file of a team they are not in, or a record
// of another organisation (a refused probe), stays its kind and id. Never a person's name.

let t: TestApp;
let adminWorker: number;
let admin: number;
let noordBalance: number;
let zuidBalance: number;
let noordMember: number;
let foreignBalance: number;
let invitationId: string;

beforeEach(async () => {
  t = await makeTestApp();
  const org = await t.organisation();
  const noord = await t.team(org, 'Team Noord');
  const zuid = await t.team(org, 'Team Zuid');
  // A beheerder who is also a worker in Team Noord, and one who is beheerder only.
  adminWorker = await t.user(org, { email: 'an@ocmw.be', name: 'An Beheer', isAdmin: true, teams: [{ teamId: noord, role: 'worker' }] });
  admin = await t.user(org, { email: 'bert@ocmw.be', name: 'Bert Beheer', isAdmin: true });
  const zeno = await t.user(org, { email: 'zeno@ocmw.be', name: 'Zeno Zuid', teams: [{ teamId: zuid, role: 'worker' }] });
  const noordScope = await fx.scopeOf(t.db, adminWorker);
  const zuidScope = await fx.scopeOf(t.db, zeno);
  const a = await fx.household(t.db, t.now(), noordScope, { dossierRef: 'D100050', members: [{ firstName: 'Sara', lastName: 'Peeters' }] });
  const b = await fx.household(t.db, t.now(), zuidScope, { dossierRef: 'D200001', members: [{ firstName: 'Ali', lastName: 'Demir' }] });
  noordMember = a.members[0]!;
  noordBalance = await fx.balance(t.db, t.now(), noordScope, a.id, { takenOn: '2026-11-20', finalise: false });
  // A link for the client on the Noord balance, as the worker's page records it.
  invitationId = (await fx.clientInvitation(t.db, t.now(), noordScope, { householdId: a.id, balanceId: noordBalance, memberId: noordMember })).id;
  await audit(t.db, t.now(), {
    organisationId: org,
    actorUserId: adminWorker,
    action: 'client_voice.link_created',
    targetType: 'client_invitation',
    targetId: invitationId,
  });
  zuidBalance = await fx.balance(t.db, t.now(), zuidScope, b.id, { takenOn: '2026-11-21', finalise: false });
  const other = await t.organisation('OCMW Elders');
  const elders = await t.team(other, 'Team Elders');
  const vera = await t.user(other, { email: 'vera@elders.be', name: 'Vera Vreemd', teams: [{ teamId: elders, role: 'worker' }] });
  const c = await fx.household(t.db, t.now(), await fx.scopeOf(t.db, vera), { dossierRef: 'X999', members: [{ firstName: 'Geheim', lastName: 'Persoon' }] });
  foreignBalance = await fx.balance(t.db, t.now(), await fx.scopeOf(t.db, vera), c.id, { takenOn: '2026-11-19', finalise: false });

  // What the log then holds: views of both balances and of a member, and a probe of another organisation's balance.
  const an = await t.sessionCookie(adminWorker);
  expect((await t.request(`/households/${a.id}/balances/${noordBalance}`, { cookie: an })).status).toBe(200);
  expect((await t.request(`/households/${a.id}/members/${noordMember}`, { cookie: an })).status).toBe(200);
  expect((await t.request(`/households/${b.id}/balances/${zuidBalance}`, { cookie: await t.sessionCookie(zeno) })).status).toBe(200);
  expect((await t.request(`/households/${a.id}/balances/${foreignBalance}`, { cookie: an })).status).toBe(404);
});
afterEach(async () => t.close());

async function log(userId: number) {
  const res = await t.request('/admin/audit', { cookie: await t.sessionCookie(userId) });
  expect(res.status).toBe(200);
  return res.text();
}

describe('the audit log in words', () => {
  it('names the records the reader may see: the balance by its date and dossier, a member by dossier only', async () => {
    const page = await log(adminWorker);
    expect(page).toContain(`<td>Meting van 20/11/2026 van D100050</td>`);
    expect(page).toContain('<td>Gezinslid in dossier D100050</td>');
    expect(page).not.toContain('Sara');
    expect(page).not.toContain('Peeters');
  });

  it('names a link for the client by its balance and dossier, and the new features’ actions in words', async () => {
    const page = await log(adminWorker);
    expect(page).toContain('<td>Link voor de cliënt gemaakt</td><td>Link voor de cliënt bij de meting van 20/11/2026 van D100050</td>');
    expect(page).not.toContain('client_voice.link_created');
    // Without the team, the link is only its kind and id.
    expect(await log(admin)).toContain(`Link voor de cliënt ${invitationId} (niet in jouw teams of niet meer te vinden)`);
  });

  it("shows another team's client file and another organisation's record only as a kind and an id", async () => {
    const page = await log(adminWorker);
    expect(page).toContain(`Meting ${zuidBalance} (niet in jouw teams of niet meer te vinden)`);
    expect(page).toContain(`Meting ${foreignBalance} (niet in jouw teams of niet meer te vinden)`);
    for (const secret of ['D200001', '21/11/2026', 'X999', '19/11/2026', 'Ali', 'Geheim']) expect(page, secret).not.toContain(secret);
  });

  it('a beheerder without a team sees no client file in words at all', async () => {
    const page = await log(admin);
    expect(page).toContain(`Meting ${noordBalance} (niet in jouw teams of niet meer te vinden)`);
    expect(page).not.toContain('D100050');
    expect(page).not.toContain('20/11/2026');
  });

  it('names users and the organisation by name, and records that the log was read', async () => {
    await log(adminWorker);
    const rows = await t.db.selectFrom('audit_event').select(['action', 'actor_user_id']).where('action', '=', 'audit_log.viewed').execute();
    expect(rows).toEqual([{ action: 'audit_log.viewed', actor_user_id: adminWorker }]);
    // Reading it again shows the earlier read, with the organisation named.
    const again = await log(adminWorker);
    expect(again).toContain('<td>An Beheer</td><td>Logboek bekeken</td><td>Organisatie: OCMW Teststad</td>');
  });
});
