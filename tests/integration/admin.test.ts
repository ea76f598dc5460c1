import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, makeTestApp, sessionCookieFrom, type TestApp } from '../support/app.js';
import { createUserToken } from '../../src/auth/queries.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(async () => {
  await t.close();
});

/** An organisation with two teams, an administrator (signed in), a worker, and a second organisation. */
async function setup() {
  const org = await t.organisation();
  const north = await t.team(org, 'Team Noord');
  const south = await t.team(org, 'Team Zuid');
  const admin = await t.user(org, { email: 'ann.beheer@ocmw.be', name: 'Ann Beheer', isAdmin: true });
  const worker = await t.user(org, { email: 'wim.werker@ocmw.be', name: 'Wim Werker', teams: [{ teamId: north, role: 'worker' }] });
  await activate(admin);
  await activate(worker);
  const adminCookie = await t.sessionCookie(admin);
  const other = await t.organisation('OCMW Elders');
  const otherTeam = await t.team(other, 'Team Elders');
  const stranger = await t.user(other, { email: 'vera.vreemd@elders.be', name: 'Vera Vreemd', isAdmin: true, teams: [{ teamId: otherTeam, role: 'lead' }] });
  await activate(stranger);
  return { org, north, south, admin, worker, adminCookie, other, otherTeam, stranger };
}

/** Marks a user as having chosen a password, without paying for a real hash. */
async function activate(userId: number) {
  await t.db.updateTable('app_user').set({ password_hash: '$argon2id$placeholder' }).where('id', '=', userId).execute();
}

async function userRow(id: number) {
  return t.db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function auditRows(action?: string) {
  let q = t.db.selectFrom('audit_event').selectAll().orderBy('id');
  if (action) q = q.where('action', '=', action);
  return q.execute();
}

/** Everything but the audit log, to assert "nothing changed". */
async function snapshot() {
  const tables = ['organisation', 'team', 'app_user', 'team_membership', 'user_session', 'user_token', 'recovery_code'] as const;
  const out: Record<string, unknown> = {};
  for (const table of tables) out[table] = await t.db.selectFrom(table).selectAll().execute();
  return JSON.stringify(out);
}

function linkIn(html: string): string {
  const m = /value="(http:\/\/localhost:3000\/password\/[a-z2-9]{16}\.[a-z2-9]{26})"/.exec(html);
  if (!m) throw new Error('no link on the page');
  return m[1]!;
}

describe('GET /admin/users', () => {
  it('lists the organisation’s users with roles, teams, 2FA and status, and nobody of another organisation', async () => {
    const s = await setup();
    const invited = await t.user(s.org, { email: 'nina.nieuw@ocmw.be', name: 'Nina Nieuw', teams: [{ teamId: s.south, role: 'lead' }] });
    const disabled = await t.user(s.org, { email: 'dirk.weg@ocmw.be', name: 'Dirk Weg' });
    await t.db.updateTable('app_user').set({ disabled_at: t.now(), password_hash: 'x' }).where('id', '=', disabled).execute();
    await t.db.updateTable('app_user').set({ totp_enabled_at: t.now() }).where('id', '=', s.worker).execute();
    const res = await t.request('/admin/users', { cookie: s.adminCookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Gebruikers</h1>');
    expect(html).toContain(`href="/admin/users/${invited}"`);
    expect(html).toContain('Teamverantwoordelijke in Team Zuid');
    expect(html).toContain('Maatschappelijk werker in Team Noord');
    expect(html).toContain('Beheerder');
    expect(html).toContain('Uitnodiging nog niet aanvaard');
    expect(html).toContain('Uitgeschakeld');
    expect(html).toContain('Actief');
    expect(html).toMatch(/wim\.werker@ocmw\.be<\/td><td>[^<]*<\/td><td>Team Noord<\/td><td>Aan<\/td>/);
    expect(html).not.toContain('Vera Vreemd');
    expect(html).not.toContain('Team Elders');
    // The admin sub-navigation, with the current section marked.
    expect(html).toContain('aria-label="Beheer"');
    expect(html).toContain('<a href="/admin/users" aria-current="page">Gebruikers</a>');
    // The invite form: a fieldset with legend per team, native radios.
    expect(html).toContain('<legend>Rol in Team Noord</legend>');
    expect(html).toContain(`name="team_${s.north}" value="lead"`);
  });

  it('speaks French to a French-speaking administrator', async () => {
    const s = await setup();
    await t.db.updateTable('app_user').set({ locale: 'fr' }).where('id', '=', s.admin).execute();
    const html = await (await t.request('/admin/users', { cookie: s.adminCookie })).text();
    expect(html).toContain('<h1>Utilisateurs</h1>');
    expect(html).toContain('Inviter un utilisateur');
  });

  it('/admin sends the administrator to the users', async () => {
    const s = await setup();
    const res = await t.request('/admin', { cookie: s.adminCookie });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/admin/users');
  });
});

describe('POST /admin/users (invite)', () => {
  it('creates the user without password, with roles, an invitation valid 24 h, an audit row, and shows the link once', async () => {
    const s = await setup();
    const res = await t.request('/admin/users', {
      cookie: s.adminCookie,
      form: {
        display_name: '  Nina Nieuw ',
        email: 'Nina.Nieuw@OCMW.be',
        is_admin: '1',
        locale: 'fr',
        [`team_${s.north}`]: 'lead',
        [`team_${s.south}`]: 'none',
      },
    });
    expect(res.status).toBe(201);
    const html = await res.text();
    const link = linkIn(html);
    expect(html).toContain('Uitnodiging gemaakt');
    expect(html).toContain('24 uur geldig');
    expect(html).toContain('Deze installatie verstuurt geen e-mails');
    const user = await t.db.selectFrom('app_user').selectAll().where('email', '=', 'nina.nieuw@ocmw.be').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ organisation_id: s.org, display_name: 'Nina Nieuw', password_hash: null, is_admin: 1, locale: 'fr', disabled_at: null });
    const memberships = await t.db.selectFrom('team_membership').selectAll().where('user_id', '=', user.id).execute();
    expect(memberships).toEqual([{ team_id: s.north, user_id: user.id, role: 'lead' }]);
    const tokens = await t.db.selectFrom('user_token').selectAll().where('user_id', '=', user.id).execute();
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ purpose: 'invitation', used_at: null, expires_at: t.now() + 24 * 3_600_000 });
    // Only a hash is stored: the link's secret is not in the database.
    expect(JSON.stringify(tokens)).not.toContain(link.split('.').pop());
    const audits = await auditRows('user.invited');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ organisation_id: s.org, actor_user_id: s.admin, target_type: 'user', target_id: String(user.id), outcome: 'success' });
    // The details page after the fact does not show the link again.
    const details = await (await t.request(`/admin/users/${user.id}`, { cookie: s.adminCookie })).text();
    expect(details).not.toContain('/password/');
  });

  it('gives a link that works end to end: the new user chooses a password and is signed in', async () => {
    const s = await setup();
    const res = await t.request('/admin/users', {
      cookie: s.adminCookie,
      form: { display_name: 'Nina Nieuw', email: 'nina@ocmw.be', [`team_${s.north}`]: 'worker' },
    });
    const link = linkIn(await res.text());
    const path = new URL(link).pathname;
    const page = await t.request(path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Kies je wachtwoord');
    const set = await t.request(path, { form: { password: 'een lange zin als wachtwoord' } });
    expect(set.status).toBe(303);
    expect(set.headers.get('Location')).toBe('/');
    const cookie = sessionCookieFrom(set);
    expect(cookie).toBeDefined();
    const home = await t.request('/', { cookie });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Maatschappelijk werker — Team Noord');
    const user = await t.db.selectFrom('app_user').selectAll().where('email', '=', 'nina@ocmw.be').executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(await auditRows('user.invitation_accepted')).toHaveLength(1);
    // Used once: the same link no longer works.
    expect((await t.request(path)).status).toBe(404);
    // And the users list now says "Actief".
    const list = await (await t.request('/admin/users', { cookie: s.adminCookie })).text();
    expect(list).not.toContain('Uitnodiging nog niet aanvaard');
  });

  it('refuses a malformed e-mail address with 422 and writes nothing', async () => {
    const s = await setup();
    const before = await snapshot();
    const audits = await countRows(t, 'audit_event');
    const res = await t.request('/admin/users', { cookie: s.adminCookie, form: { display_name: 'Nina', email: 'nina@@ocmw', [`team_${s.north}`]: 'worker' } });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Typ een geldig e-mailadres');
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('href="#field-email"');
    expect(html).toContain('value="nina@@ocmw"'); // what was typed stays
    expect(html).toMatch(new RegExp(`name="team_${s.north}" value="worker" checked`));
    expect(await snapshot()).toBe(before);
    expect(await countRows(t, 'audit_event')).toBe(audits);
  });

  it('refuses an e-mail address already in use (also in another organisation, any case) with 422', async () => {
    const s = await setup();
    const before = await snapshot();
    for (const email of ['wim.werker@ocmw.be', 'VERA.VREEMD@elders.be']) {
      const res = await t.request('/admin/users', { cookie: s.adminCookie, form: { display_name: 'Dubbel', email } });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('Dit e-mailadres is al in gebruik.');
      expect(html.match(/class="error-summary"/g)).toHaveLength(1);
    }
    expect(await snapshot()).toBe(before);
    expect(await auditRows('user.invited')).toHaveLength(0);
  });

  it('refuses an empty name, an unknown role and a bad language with 422', async () => {
    const s = await setup();
    const before = await snapshot();
    const res = await t.request('/admin/users', {
      cookie: s.adminCookie,
      form: { display_name: '   ', email: 'ok@ocmw.be', [`team_${s.north}`]: 'boss', locale: 'de' },
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Vul dit veld in.');
    expect(html).toContain('Kies een van de mogelijke rollen.');
    expect(html).toContain(`href="#field-team_${s.north}"`);
    expect(html).toContain('Kies een van de talen.');
    expect(await snapshot()).toBe(before);
  });

  it('ignores a team of another organisation', async () => {
    const s = await setup();
    const res = await t.request('/admin/users', {
      cookie: s.adminCookie,
      form: { display_name: 'Nina', email: 'nina@ocmw.be', [`team_${s.otherTeam}`]: 'lead' },
    });
    expect(res.status).toBe(201);
    const user = await t.db.selectFrom('app_user').select('id').where('email', '=', 'nina@ocmw.be').executeTakeFirstOrThrow();
    expect(await t.db.selectFrom('team_membership').selectAll().where('user_id', '=', user.id).execute()).toEqual([]);
  });

  it('still shows the link when the mail cannot be sent', async () => {
    const m = await makeTestApp({ smtpUrl: 'smtp://127.0.0.1:9' });
    const org = await m.organisation();
    const admin = await m.user(org, { email: 'ann@ocmw.be', isAdmin: true });
    const res = await m.request('/admin/users', { cookie: await m.sessionCookie(admin), form: { display_name: 'Nina', email: 'nina@ocmw.be' } });
    expect(res.status).toBe(201);
    const html = await res.text();
    expect(linkIn(html)).toContain('/password/');
    expect(html).toContain('De e-mail kon niet verstuurd worden');
    expect(m.logLines.join('\n')).not.toContain('nina@ocmw.be');
    await m.close();
  });
});

describe('GET /admin/users/:id', () => {
  it('shows the user with the forms, each button naming the person', async () => {
    const s = await setup();
    await t.db.updateTable('app_user').set({ totp_enabled_at: t.now() }).where('id', '=', s.worker).execute();
    await t.sessionCookie(s.worker);
    const res = await t.request(`/admin/users/${s.worker}`, { cookie: s.adminCookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Wim Werker</h1>');
    expect(html).toContain('wim.werker@ocmw.be');
    expect(html).toContain('aria-label="Account uitschakelen: Wim Werker"');
    expect(html).toContain('aria-label="Overal afmelden: Wim Werker"');
    expect(html).toContain('aria-label="Link voor nieuw wachtwoord maken: Wim Werker"');
    expect(html).toContain('aria-label="Tweestapsverificatie wissen: Wim Werker"');
    expect(html).toMatch(new RegExp(`name="team_${s.north}" value="worker" checked`));
    expect(html).toMatch(new RegExp(`name="team_${s.south}" value="none" checked`));
  });

  it('is a 404 for a user of another organisation or a malformed id', async () => {
    const s = await setup();
    for (const id of [String(s.stranger), '999999', 'abc', '1e3', '-1', '0']) {
      const res = await t.request(`/admin/users/${id}`, { cookie: s.adminCookie });
      expect(res.status, id).toBe(404);
      expect(await res.text()).not.toContain('Vera Vreemd');
    }
  });
});

describe('POST /admin/users/:id (edit)', () => {
  it('changes name, administrator flag and team roles, auditing each by user id only', async () => {
    const s = await setup();
    const res = await t.request(`/admin/users/${s.worker}`, {
      cookie: s.adminCookie,
      form: { display_name: 'Wim De Werker', is_admin: '1', [`team_${s.north}`]: 'none', [`team_${s.south}`]: 'lead' },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/admin/users/${s.worker}?saved=user`);
    const user = await userRow(s.worker);
    expect(user).toMatchObject({ display_name: 'Wim De Werker', is_admin: 1 });
    expect(await t.db.selectFrom('team_membership').select(['team_id', 'role']).where('user_id', '=', s.worker).execute()).toEqual([
      { team_id: s.south, role: 'lead' },
    ]);
    const audits = await auditRows();
    expect(audits.map((a) => a.action)).toEqual(['user.updated', 'user.role_changed', 'user.teams_changed']);
    for (const a of audits) expect(a).toMatchObject({ actor_user_id: s.admin, target_type: 'user', target_id: String(s.worker), organisation_id: s.org });
    expect(JSON.stringify(audits)).not.toContain('Wim');
    const page = await (await t.request(res.headers.get('Location')!, { cookie: s.adminCookie })).text();
    expect(page).toContain('De wijzigingen zijn opgeslagen.');
  });

  it('writes no audit row when nothing changed', async () => {
    const s = await setup();
    const res = await t.request(`/admin/users/${s.worker}`, {
      cookie: s.adminCookie,
      form: { display_name: 'Wim Werker', [`team_${s.north}`]: 'worker', [`team_${s.south}`]: 'none' },
    });
    expect(res.status).toBe(303);
    expect(await auditRows()).toHaveLength(0);
  });

  it('keeps a membership of a team that was not on the form', async () => {
    const s = await setup();
    await t.request(`/admin/users/${s.worker}`, { cookie: s.adminCookie, form: { display_name: 'Wim Werker', [`team_${s.south}`]: 'worker' } });
    const rows = await t.db.selectFrom('team_membership').select(['team_id', 'role']).where('user_id', '=', s.worker).orderBy('team_id').execute();
    expect(rows).toEqual([
      { team_id: s.north, role: 'worker' },
      { team_id: s.south, role: 'worker' },
    ]);
  });

  it('refuses an empty name with 422', async () => {
    const s = await setup();
    const before = await snapshot();
    const res = await t.request(`/admin/users/${s.worker}`, { cookie: s.adminCookie, form: { display_name: '' } });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Vul dit veld in.');
    expect(html.match(/class="error-summary"/g)).toHaveLength(1);
    expect(await snapshot()).toBe(before);
  });

  it('refuses to let the last active administrator remove their own administrator flag', async () => {
    const s = await setup();
    const before = await snapshot();
    const res = await t.request(`/admin/users/${s.admin}`, { cookie: s.adminCookie, form: { display_name: 'Ann Beheer' } });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Je bent de laatste actieve beheerder.');
    expect(html).toContain('href="#field-is_admin"');
    expect(await snapshot()).toBe(before);
    expect(await auditRows()).toHaveLength(0);
  });

  it('does not count a disabled or not yet activated administrator as the other administrator', async () => {
    const s = await setup();
    const pending = await t.user(s.org, { email: 'p@ocmw.be', isAdmin: true });
    const gone = await t.user(s.org, { email: 'g@ocmw.be', isAdmin: true });
    await t.db.updateTable('app_user').set({ password_hash: 'x', disabled_at: t.now() }).where('id', '=', gone).execute();
    const res = await t.request(`/admin/users/${s.admin}`, { cookie: s.adminCookie, form: { display_name: 'Ann Beheer' } });
    expect(res.status).toBe(422);
    expect((await userRow(s.admin)).is_admin).toBe(1);
    expect(pending).toBeGreaterThan(0);
  });

  it('lets an administrator step down when another active administrator remains', async () => {
    const s = await setup();
    const second = await t.user(s.org, { email: 'tweede@ocmw.be', isAdmin: true });
    await activate(second);
    const res = await t.request(`/admin/users/${s.admin}`, { cookie: s.adminCookie, form: { display_name: 'Ann Beheer', [`team_${s.north}`]: 'lead' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/');
    expect((await userRow(s.admin)).is_admin).toBe(0);
    expect(await auditRows('user.role_changed')).toHaveLength(1);
    // No longer an administrator, at once.
    expect((await t.request('/admin/users', { cookie: s.adminCookie })).status).toBe(403);
  });
});

describe('disabling and enabling', () => {
  it('disables the account and ends its sessions at once', async () => {
    const s = await setup();
    const workerCookie = await t.sessionCookie(s.worker);
    expect((await t.request('/', { cookie: workerCookie })).status).toBe(200);
    const openLink = await createUserToken(t.db, s.worker, 'password_reset', t.now());
    const res = await t.request(`/admin/users/${s.worker}/disabling`, { cookie: s.adminCookie, form: {} });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/admin/users/${s.worker}?saved=disabled`);
    expect((await userRow(s.worker)).disabled_at).toBe(t.now());
    expect(await t.db.selectFrom('user_session').selectAll().where('user_id', '=', s.worker).execute()).toEqual([]);
    // The worker's cookie no longer works.
    const after = await t.request('/', { cookie: workerCookie });
    expect(after.status).toBe(303);
    expect(after.headers.get('Location')).toMatch(/^\/signin/);
    const audits = await auditRows('user.disabled');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_user_id: s.admin, target_type: 'user', target_id: String(s.worker) });
    // An open link is spent and stays spent after re-enabling.
    const enable = await t.request(`/admin/users/${s.worker}/enabling`, { cookie: s.adminCookie, form: {} });
    expect(enable.status).toBe(303);
    expect((await userRow(s.worker)).disabled_at).toBeNull();
    expect((await t.request(`/password/${openLink}`)).status).toBe(404);
    const enabled = await auditRows('user.enabled');
    expect(enabled).toHaveLength(1);
    expect(enabled[0]).toMatchObject({ actor_user_id: s.admin, target_id: String(s.worker) });
    const page = await (await t.request(enable.headers.get('Location')!, { cookie: s.adminCookie })).text();
    expect(page).toContain('Het account is weer ingeschakeld.');
  });

  it('refuses to let the last active administrator disable themselves', async () => {
    const s = await setup();
    const before = await snapshot();
    const res = await t.request(`/admin/users/${s.admin}/disabling`, { cookie: s.adminCookie, form: {} });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Je bent de laatste actieve beheerder en kan je eigen account dus niet uitschakelen.');
    expect(html).toContain('href="#field-disable"');
    expect(html.match(/class="error-summary"/g)).toHaveLength(1);
    expect(await snapshot()).toBe(before);
    expect((await t.request('/admin/users', { cookie: s.adminCookie })).status).toBe(200);
  });

  it('lets an administrator disable themselves when another administrator remains, signing them out', async () => {
    const s = await setup();
    const second = await t.user(s.org, { email: 'tweede@ocmw.be', isAdmin: true });
    await activate(second);
    const res = await t.request(`/admin/users/${s.admin}/disabling`, { cookie: s.adminCookie, form: {} });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/signin');
    expect((await userRow(s.admin)).disabled_at).not.toBeNull();
    expect((await t.request('/admin/users', { cookie: s.adminCookie })).status).toBe(303);
  });
});

describe('sessions, links and two-step verification', () => {
  it('ends all sessions of a user', async () => {
    const s = await setup();
    const c1 = await t.sessionCookie(s.worker);
    await t.sessionCookie(s.worker);
    const res = await t.request(`/admin/users/${s.worker}/session-ending`, { cookie: s.adminCookie, form: {} });
    expect(res.status).toBe(303);
    expect(await t.db.selectFrom('user_session').selectAll().where('user_id', '=', s.worker).execute()).toEqual([]);
    expect((await t.request('/', { cookie: c1 })).status).toBe(303);
    const audits = await auditRows('session.ended_by_admin');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_user_id: s.admin, target_type: 'user', target_id: String(s.worker) });
    // The administrator's own session is untouched.
    expect((await t.request('/admin/users', { cookie: s.adminCookie })).status).toBe(200);
  });

  it('keeps the administrator’s current session when they end their own sessions', async () => {
    const s = await setup();
    await t.sessionCookie(s.admin);
    const res = await t.request(`/admin/users/${s.admin}/session-ending`, { cookie: s.adminCookie, form: {} });
    expect(res.status).toBe(303);
    expect(await t.db.selectFrom('user_session').selectAll().where('user_id', '=', s.admin).execute()).toHaveLength(1);
    expect((await t.request('/admin/users', { cookie: s.adminCookie })).status).toBe(200);
  });

  it('creates a password-reset link valid 1 hour and shows it once', async () => {
    const s = await setup();
    const earlier = await createUserToken(t.db, s.worker, 'password_reset', t.now());
    const res = await t.request(`/admin/users/${s.worker}/reset-link`, { cookie: s.adminCookie, form: {} });
    expect(res.status).toBe(200);
    const html = await res.text();
    const link = linkIn(html);
    expect(html).toContain('1 uur geldig');
    const tokens = await t.db.selectFrom('user_token').selectAll().where('user_id', '=', s.worker).where('used_at', 'is', null).execute();
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ purpose: 'password_reset', expires_at: t.now() + 3_600_000 });
    const audits = await auditRows('password.reset_link_created');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_user_id: s.admin, target_type: 'user', target_id: String(s.worker) });
    expect((await t.request(new URL(link).pathname)).status).toBe(200);
    expect((await t.request(`/password/${earlier}`)).status).toBe(404);
    t.advance(3_600_000);
    expect((await t.request(new URL(link).pathname)).status).toBe(404);
  });

  it('refuses a reset link for a disabled account', async () => {
    const s = await setup();
    await t.db.updateTable('app_user').set({ disabled_at: t.now() }).where('id', '=', s.worker).execute();
    const before = await snapshot();
    const res = await t.request(`/admin/users/${s.worker}/reset-link`, { cookie: s.adminCookie, form: {} });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Dit account is uitgeschakeld. Schakel het eerst weer in.');
    expect(await snapshot()).toBe(before);
  });

  it('renews an invitation for someone who has not chosen a password yet', async () => {
    const s = await setup();
    const pending = await t.user(s.org, { email: 'nina@ocmw.be', name: 'Nina Nieuw' });
    const first = await createUserToken(t.db, pending, 'invitation', t.now());
    const res = await t.request(`/admin/users/${pending}/invitation`, { cookie: s.adminCookie, form: {} });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Nieuwe uitnodigingslink');
    const link = linkIn(html);
    expect((await t.request(`/password/${first}`)).status).toBe(404);
    const page = await t.request(new URL(link).pathname);
    expect(await page.text()).toContain('Kies je wachtwoord');
    expect(await auditRows('user.invitation_renewed')).toHaveLength(1);
    // Someone who already has a password gets a reset link instead.
    const refused = await t.request(`/admin/users/${s.worker}/invitation`, { cookie: s.adminCookie, form: {} });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Deze persoon heeft al een wachtwoord. Maak een link voor een nieuw wachtwoord.');
  });

  it('resets two-step verification for a lost phone', async () => {
    const s = await setup();
    await t.db
      .updateTable('app_user')
      .set({ totp_key: new Uint8Array(20).fill(7), totp_enabled_at: t.now(), totp_last_counter: 123 })
      .where('id', '=', s.worker)
      .execute();
    await t.db
      .insertInto('recovery_code')
      .values({ user_id: s.worker, code_hash: new Uint8Array(32), used_at: null })
      .execute();
    const cookie = await t.sessionCookie(s.worker, { twoFactorVerified: true });
    const res = await t.request(`/admin/users/${s.worker}/two-factor-reset`, { cookie: s.adminCookie, form: {} });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/admin/users/${s.worker}?saved=twofactor`);
    expect(await userRow(s.worker)).toMatchObject({ totp_key: null, totp_enabled_at: null, totp_last_counter: null });
    expect(await t.db.selectFrom('recovery_code').selectAll().where('user_id', '=', s.worker).execute()).toEqual([]);
    expect(await t.db.selectFrom('user_session').selectAll().where('user_id', '=', s.worker).execute()).toEqual([]);
    expect((await t.request('/', { cookie })).status).toBe(303);
    const audits = await auditRows('twofactor.reset');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_user_id: s.admin, target_type: 'user', target_id: String(s.worker) });
  });
});

describe('teams', () => {
  it('lists teams with their members', async () => {
    const s = await setup();
    const res = await t.request('/admin/teams', { cookie: s.adminCookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Teams</h1>');
    expect(html).toContain('Team Noord');
    expect(html).toContain('Team Zuid');
    expect(html).toContain(`<a href="/admin/users/${s.worker}">Wim Werker</a>`);
    expect(html).toContain('Nog geen leden.');
    expect(html).not.toContain('Team Elders');
    expect(html).toContain('aria-label="Naam wijzigen: Team Noord"');
  });

  it('creates a team, with an audit row', async () => {
    const s = await setup();
    const res = await t.request('/admin/teams', { cookie: s.adminCookie, form: { name: '  Team Oost ' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/admin/teams?saved=created');
    const team = await t.db.selectFrom('team').selectAll().where('name', '=', 'Team Oost').executeTakeFirstOrThrow();
    expect(team.organisation_id).toBe(s.org);
    const audits = await auditRows('team.created');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_user_id: s.admin, target_type: 'team', target_id: String(team.id) });
    expect(await (await t.request('/admin/teams?saved=created', { cookie: s.adminCookie })).text()).toContain('Het team is gemaakt.');
  });

  it('allows a name another organisation already uses', async () => {
    const s = await setup();
    const res = await t.request('/admin/teams', { cookie: s.adminCookie, form: { name: 'Team Elders' } });
    expect(res.status).toBe(303);
  });

  it('refuses a team name over 100 characters, saying the limit in the user’s language', async () => {
    const s = await setup();
    const before = await snapshot();
    const nl = await t.request('/admin/teams', { cookie: s.adminCookie, form: { name: 'x'.repeat(101) } });
    expect(nl.status).toBe(422);
    expect(await nl.text()).toContain('Gebruik hoogstens 100 tekens.');
    expect(await snapshot()).toBe(before);
    await t.db.updateTable('app_user').set({ locale: 'fr' }).where('id', '=', s.admin).execute();
    const beforeFr = await snapshot();
    const fr = await t.request('/admin/users', { cookie: s.adminCookie, form: { display_name: 'x'.repeat(201), email: 'nina@ocmw.be' } });
    expect(fr.status).toBe(422);
    expect(await fr.text()).toContain('Utilisez au maximum 200 caractères.');
    expect(await snapshot()).toBe(beforeFr);
  });

  it('refuses an empty or duplicate team name with 422 and writes nothing', async () => {
    const s = await setup();
    const before = await snapshot();
    const empty = await t.request('/admin/teams', { cookie: s.adminCookie, form: { name: '   ' } });
    expect(empty.status).toBe(422);
    const emptyHtml = await empty.text();
    expect(emptyHtml).toContain('Vul dit veld in.');
    expect(emptyHtml.match(/class="error-summary"/g)).toHaveLength(1);
    const dup = await t.request('/admin/teams', { cookie: s.adminCookie, form: { name: 'team noord' } });
    expect(dup.status).toBe(422);
    const dupHtml = await dup.text();
    expect(dupHtml).toContain('Er bestaat al een team met deze naam.');
    expect(dupHtml).toContain('value="team noord"');
    expect(await snapshot()).toBe(before);
    expect(await countRows(t, 'audit_event')).toBe(0);
  });

  it('renames a team, with an audit row; refuses empty and duplicate names', async () => {
    const s = await setup();
    const res = await t.request(`/admin/teams/${s.north}`, { cookie: s.adminCookie, form: { name: 'Team Noord-West' } });
    expect(res.status).toBe(303);
    expect((await t.db.selectFrom('team').select('name').where('id', '=', s.north).executeTakeFirstOrThrow()).name).toBe('Team Noord-West');
    const audits = await auditRows('team.renamed');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_user_id: s.admin, target_type: 'team', target_id: String(s.north) });
    const before = await snapshot();
    const dup = await t.request(`/admin/teams/${s.north}`, { cookie: s.adminCookie, form: { name: 'Team Zuid' } });
    expect(dup.status).toBe(422);
    const html = await dup.text();
    expect(html).toContain('Er bestaat al een team met deze naam.');
    expect(html).toContain(`href="#field-rename-${s.north}"`);
    expect(html.match(/class="error-summary"/g)).toHaveLength(1);
    const empty = await t.request(`/admin/teams/${s.north}`, { cookie: s.adminCookie, form: { name: '' } });
    expect(empty.status).toBe(422);
    expect(await snapshot()).toBe(before);
  });
});

describe('settings', () => {
  it('shows and changes the organisation name and the 2FA requirement, with an audit row', async () => {
    const s = await setup();
    const page = await (await t.request('/admin/settings', { cookie: s.adminCookie })).text();
    expect(page).toContain('value="OCMW Teststad"');
    expect(page).toContain('Tweestapsverificatie verplicht');
    const res = await t.request('/admin/settings', { cookie: s.adminCookie, form: { name: 'OCMW Nieuwstad', require_two_factor: '1' } });
    expect(res.status).toBe(303);
    const org = await t.db.selectFrom('organisation').selectAll().where('id', '=', s.org).executeTakeFirstOrThrow();
    expect(org).toMatchObject({ name: 'OCMW Nieuwstad', require_two_factor: 1 });
    const audits = await auditRows('organisation.settings_changed');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_user_id: s.admin, target_type: 'organisation', target_id: String(s.org) });
    // The other organisation is untouched.
    expect((await t.db.selectFrom('organisation').select('name').where('id', '=', s.other).executeTakeFirstOrThrow()).name).toBe('OCMW Elders');
    // The administrator without 2FA must now set it up before anything else.
    const next = await t.request('/admin/settings', { cookie: s.adminCookie });
    expect(next.status).toBe(303);
    expect(next.headers.get('Location')).toBe('/account/two-factor/setup');
  });

  it('turns the 2FA requirement off when the box is not ticked', async () => {
    const s = await setup();
    await t.db.updateTable('organisation').set({ require_two_factor: 1 }).where('id', '=', s.org).execute();
    const cookie = await t.sessionCookie(s.admin, { twoFactorVerified: true });
    await t.db.updateTable('app_user').set({ totp_enabled_at: t.now() }).where('id', '=', s.admin).execute();
    const res = await t.request('/admin/settings', { cookie, form: { name: 'OCMW Teststad' } });
    expect(res.status).toBe(303);
    expect((await t.db.selectFrom('organisation').select('require_two_factor').where('id', '=', s.org).executeTakeFirstOrThrow()).require_two_factor).toBe(0);
  });

  it('refuses an unknown choice of who sees sensitive domains with 422 and changes nothing', async () => {
    const s = await setup();
    const before = await snapshot();
    const res = await t.request('/admin/settings', { cookie: s.adminCookie, form: { name: 'OCMW Nieuwstad', sensitive_visibility: 'everyone' } });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Kies wie de gevoelige domeinen ziet.');
    expect(await snapshot()).toBe(before);
  });

  it('refuses an empty name with 422', async () => {
    const s = await setup();
    const before = await snapshot();
    const res = await t.request('/admin/settings', { cookie: s.adminCookie, form: { name: ' ', require_two_factor: '1' } });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Vul dit veld in.');
    expect(html).toContain('href="#field-name"');
    expect(await snapshot()).toBe(before);
    expect(await countRows(t, 'audit_event')).toBe(0);
  });
});

describe('GET /admin/audit', () => {
  it('shows the organisation’s log newest first, in words, 50 per page', async () => {
    const s = await setup();
    const base = t.now();
    const rows = Array.from({ length: 120 }, (_, i) => ({
      at: base + i * 60_000,
      organisation_id: s.org,
      actor_user_id: s.worker,
      action: 'signin.success',
      target_type: 'user',
      target_id: String(s.worker),
      request_id: null,
      outcome: 'success' as const,
    }));
    await t.db.insertInto('audit_event').values(rows).execute();
    // The newest: by someone of another organisation (not named), and a failure without actor.
    await t.db
      .insertInto('audit_event')
      .values([
        {
          at: base + 200 * 60_000,
          organisation_id: s.org,
          actor_user_id: s.stranger,
          action: 'team.renamed',
          target_type: 'team',
          target_id: String(s.north),
          request_id: null,
          outcome: 'success',
        },
        {
          at: base + 201 * 60_000,
          organisation_id: s.org,
          actor_user_id: null,
          action: 'signin.failure',
          target_type: null,
          target_id: null,
          request_id: null,
          outcome: 'failure',
        },
        {
          at: base + 202 * 60_000,
          organisation_id: s.other,
          actor_user_id: s.stranger,
          action: 'user.disabled',
          target_type: 'user',
          target_id: '1',
          request_id: null,
          outcome: 'success',
        },
      ])
      .execute();
    const res = await t.request('/admin/audit', { cookie: s.adminCookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
    expect(body.match(/<tr>/g)).toHaveLength(50);
    // 22/11/2026 09:00 UTC is 10:00 in Brussels; +201 minutes = 13:21.
    expect(body.indexOf('22/11/2026 13:21')).toBeLessThan(body.indexOf('22/11/2026 13:20'));
    expect(body).toContain('<td>22/11/2026 13:21</td><td>—</td><td>Aanmelden mislukt</td><td>—</td><td>Mislukt</td>');
    // What was touched, in words: the team and the user by name, not "team 3" (the log is the administrator's own organisation).
    expect(body).toContain(`<td>22/11/2026 13:20</td><td>—</td><td>Team hernoemd</td><td>Team: Team Noord</td><td>Gelukt</td>`);
    expect(body).toContain(`<td>Wim Werker</td><td>Aangemeld</td><td>Gebruiker: Wim Werker</td>`);
    expect(html).not.toContain('Account uitgeschakeld'); // the other organisation's row
    expect(html).not.toContain('Vera Vreemd');
    expect(html).toContain('Pagina 1 van 3');
    expect(html).toContain('href="/admin/audit?page=2"');
    const last = await (await t.request('/admin/audit?page=3', { cookie: s.adminCookie })).text();
    // 122 rows of this organisation, plus the first page's own read ("Logboek bekeken").
    expect(last.slice(last.indexOf('<tbody>'), last.indexOf('</tbody>')).match(/<tr>/g)).toHaveLength(23);
    expect(last).toContain('Pagina 3 van 3');
    expect(last).toContain('href="/admin/audit?page=2"');
    expect(last).not.toContain('href="/admin/audit?page=4"');
    const odd = await t.request('/admin/audit?page=abc', { cookie: s.adminCookie });
    expect(odd.status).toBe(200);
    expect(await odd.text()).toContain('Pagina 1 van 3');
    const beyond = await (await t.request('/admin/audit?page=99', { cookie: s.adminCookie })).text();
    expect(beyond).toContain('Deze pagina is leeg.');
  });

  it('is read-only', async () => {
    const s = await setup();
    expect((await t.request('/admin/audit', { cookie: s.adminCookie, form: {} })).status).toBe(404);
  });
});

// Every route of this feature, for the permission checks below.
function adminRoutes(s: Awaited<ReturnType<typeof setup>>) {
  return [
    { method: 'GET', path: '/admin' },
    { method: 'GET', path: '/admin/users' },
    { method: 'POST', path: '/admin/users', form: { display_name: 'X', email: 'x@ocmw.be' } },
    { method: 'GET', path: `/admin/users/${s.worker}` },
    { method: 'POST', path: `/admin/users/${s.worker}`, form: { display_name: 'X', is_admin: '1' } },
    { method: 'POST', path: `/admin/users/${s.worker}/disabling`, form: {} },
    { method: 'POST', path: `/admin/users/${s.worker}/enabling`, form: {} },
    { method: 'POST', path: `/admin/users/${s.worker}/session-ending`, form: {} },
    { method: 'POST', path: `/admin/users/${s.worker}/reset-link`, form: {} },
    { method: 'POST', path: `/admin/users/${s.worker}/invitation`, form: {} },
    { method: 'POST', path: `/admin/users/${s.worker}/two-factor-reset`, form: {} },
    { method: 'GET', path: '/admin/teams' },
    { method: 'POST', path: '/admin/teams', form: { name: 'Team X' } },
    { method: 'POST', path: `/admin/teams/${s.north}`, form: { name: 'Team X' } },
    { method: 'GET', path: '/admin/settings' },
    { method: 'POST', path: '/admin/settings', form: { name: 'X', require_two_factor: '1' } },
    { method: 'GET', path: '/admin/audit' },
  ] as { method: 'GET' | 'POST'; path: string; form?: Record<string, string> }[];
}

describe('permissions', () => {
  it('refuses a worker (and a team lead) on every admin route with 403, changes nothing, audits access.denied', async () => {
    const s = await setup();
    await t.db.updateTable('team_membership').set({ role: 'lead' }).where('user_id', '=', s.worker).execute();
    const cookie = await t.sessionCookie(s.worker);
    const before = await snapshot();
    for (const r of adminRoutes(s)) {
      const denied = (await auditRows('access.denied')).length;
      const res = await t.request(r.path, { cookie, method: r.method, form: r.form });
      expect(res.status, `${r.method} ${r.path}`).toBe(403);
      expect(await res.text()).toContain('Geen toegang');
      const rows = await auditRows('access.denied');
      expect(rows, `${r.method} ${r.path}`).toHaveLength(denied + 1);
      expect(rows.at(-1)).toMatchObject({ actor_user_id: s.worker, organisation_id: s.org, outcome: 'denied' });
    }
    expect(await snapshot()).toBe(before);
    expect((await auditRows()).every((a) => a.action === 'access.denied')).toBe(true);
  });

  it('sends someone not signed in to the sign-in page (GET) or asks them to sign in first (POST), changing nothing', async () => {
    const s = await setup();
    const before = await snapshot();
    for (const r of adminRoutes(s)) {
      const res = await t.request(r.path, { method: r.method, form: r.form });
      if (r.method === 'GET') {
        expect(res.status, r.path).toBe(303);
        expect(res.headers.get('Location')).toBe(`/signin?next=${encodeURIComponent(r.path)}`);
      } else {
        expect(res.status, r.path).toBe(401);
        expect(await res.text()).toContain('Aanmelden');
      }
    }
    expect(await snapshot()).toBe(before);
  });

  it('answers 404 and changes nothing for a user or team of another organisation', async () => {
    const s = await setup();
    await t.sessionCookie(s.stranger);
    const before = await snapshot();
    const routes = [
      { path: `/admin/users/${s.stranger}`, form: { display_name: 'Gekaapt', is_admin: '1', [`team_${s.otherTeam}`]: 'none' } },
      { path: `/admin/users/${s.stranger}/disabling`, form: {} },
      { path: `/admin/users/${s.stranger}/enabling`, form: {} },
      { path: `/admin/users/${s.stranger}/session-ending`, form: {} },
      { path: `/admin/users/${s.stranger}/reset-link`, form: {} },
      { path: `/admin/users/${s.stranger}/invitation`, form: {} },
      { path: `/admin/users/${s.stranger}/two-factor-reset`, form: {} },
      { path: `/admin/teams/${s.otherTeam}`, form: { name: 'Gekaapt' } },
    ] as { path: string; form: Record<string, string> }[];
    for (const r of routes) {
      const res = await t.request(r.path, { cookie: s.adminCookie, form: r.form });
      expect(res.status, r.path).toBe(404);
      expect(await res.text()).not.toContain('Vera');
    }
    expect((await t.request(`/admin/users/${s.stranger}`, { cookie: s.adminCookie })).status).toBe(404);
    expect(await snapshot()).toBe(before);
    expect(await countRows(t, 'audit_event')).toBe(0);
  });

  it('answers an htmx form post with HX-Redirect instead of a 303', async () => {
    const s = await setup();
    const res = await t.request('/admin/teams', { cookie: s.adminCookie, form: { name: 'Team Oost' }, htmx: true });
    expect(res.status).toBe(204);
    expect(res.headers.get('HX-Redirect')).toBe('/admin/teams?saved=created');
  });
});
