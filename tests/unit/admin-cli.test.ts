import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError, parseAdminArgs, runAdminCommand, USAGE } from '../../src/cli/admin.js';
import { makeTestApp, type TestApp } from '../support/app.js';

describe('parseAdminArgs', () => {
  it('reads the commands', () => {
    expect(parseAdminArgs(['create-organisation', '--name', ' OCMW X ', '--admin-email', 'A@B.be', '--admin-name', 'An Admin'])).toEqual({
      name: 'create-organisation',
      organisation: 'OCMW X',
      adminEmail: 'a@b.be',
      adminName: 'An Admin',
    });
    expect(parseAdminArgs(['create-organisation', '--name=OCMW Y', '--admin-email=y@b.be', '--admin-name=Y'])).toMatchObject({ organisation: 'OCMW Y' });
    expect(parseAdminArgs(['reset-password', '--email', 'a@b.be'])).toEqual({ name: 'reset-password', email: 'a@b.be' });
    expect(parseAdminArgs(['list-organisations'])).toEqual({ name: 'list-organisations' });
    expect(parseAdminArgs(['allow-password-signin', '--organisation', '3'])).toEqual({ name: 'allow-password-signin', organisationId: 3 });
    expect(parseAdminArgs(['export-organisation', '--id', '3', '--out', 'x.json'])).toEqual({ name: 'export-organisation', organisationId: 3, out: 'x.json' });
    expect(parseAdminArgs(['import-organisation', '--in', 'x.json'])).toEqual({ name: 'import-organisation', in: 'x.json' });
    expect(parseAdminArgs([])).toEqual({ name: 'help' });
    expect(parseAdminArgs(['--help'])).toEqual({ name: 'help' });
  });

  it.each([
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['create-organisation', '--name', 'X', '--admin-email', 'a@b.be'], /--admin-name is required/],
    [['create-organisation', '--name', '  ', '--admin-email', 'a@b.be', '--admin-name', 'A'], /--name is required/],
    [['create-organisation', '--name', 'X', '--admin-email', 'not-an-email', '--admin-name', 'A'], /"not-an-email" is not a valid e-mail address/],
    [['create-organisation', '--name', 'X'.repeat(201), '--admin-email', 'a@b.be', '--admin-name', 'A'], /longer than 200/],
    [['reset-password'], /--email is required/],
    [['reset-password', '--mail', 'a@b.be'], /Unknown option '--mail'/],
    [['reset-password', '--email', 'a@b.be', 'extra'], /reset-password: .*positional/i],
    [['list-organisations', '--all'], /Unknown option '--all'/],
    [['reset-password', '--email'], /reset-password: .*argument missing/i],
    [['allow-password-signin'], /--organisation is required/],
    [['allow-password-signin', '--organisation', 'OCMW X'], /must be an organisation number/],
    [['export-organisation', '--id', '3'], /--out is required/],
    [['export-organisation', '--id', 'drie', '--out', 'x.json'], /--id must be an organisation number/],
    [['import-organisation'], /--in is required/],
    [['import-organisation', '--in', 'x.json', '--name', 'Y'], /Unknown option '--name'/],
  ])('refuses %j with one line and usage exit code 2', (argv, message) => {
    let error: unknown;
    try {
      parseAdminArgs(argv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toMatch(message);
    expect((error as CliError).message).not.toContain('\n');
    expect((error as CliError).exitCode).toBe(2);
  });
});

describe('runAdminCommand', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await makeTestApp();
  });
  afterEach(async () => {
    await t.close();
  });
  const run = (argv: string[]) => runAdminCommand(argv, { db: t.db, config: t.config, now: t.now });

  it('prints the usage for help', async () => {
    expect(await run(['help'])).toEqual(USAGE);
  });

  it('create-organisation creates the organisation and its administrator, and prints a working invitation link', async () => {
    const lines = await run(['create-organisation', '--name', 'OCMW Nieuwstad', '--admin-email', 'Ann@Nieuwstad.be', '--admin-name', 'Ann Admin']);
    expect(lines[0]).toMatch(/^Created organisation \d+ "OCMW Nieuwstad" with administrator ann@nieuwstad.be\.$/);
    const link = lines.find((l) => l.startsWith('http://localhost:3000/password/'))!;
    expect(link).toBeDefined();
    const org = await t.db.selectFrom('organisation').selectAll().executeTakeFirstOrThrow();
    expect(org).toMatchObject({ name: 'OCMW Nieuwstad', require_two_factor: 1 });
    const user = await t.db.selectFrom('app_user').selectAll().executeTakeFirstOrThrow();
    expect(user).toMatchObject({ organisation_id: org.id, email: 'ann@nieuwstad.be', display_name: 'Ann Admin', password_hash: null, is_admin: 1 });
    const token = await t.db.selectFrom('user_token').selectAll().executeTakeFirstOrThrow();
    expect(token).toMatchObject({ user_id: user.id, purpose: 'invitation', expires_at: t.now() + 24 * 3_600_000, used_at: null });
    const audits = await t.db.selectFrom('audit_event').select(['action', 'organisation_id', 'actor_user_id', 'target_id']).orderBy('id').execute();
    expect(audits).toEqual([
      { action: 'organisation.created', organisation_id: org.id, actor_user_id: null, target_id: String(org.id) },
      { action: 'user.invited', organisation_id: org.id, actor_user_id: null, target_id: String(user.id) },
    ]);
    const page = await t.request(new URL(link).pathname);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Kies je wachtwoord');
    t.advance(24 * 3_600_000);
    expect((await t.request(new URL(link).pathname)).status).toBe(404);
  });

  it('create-organisation refuses an e-mail address in use and writes nothing', async () => {
    const org = await t.organisation();
    await t.user(org, { email: 'ann@ocmw.be' });
    await expect(run(['create-organisation', '--name', 'OCMW Twee', '--admin-email', 'ANN@ocmw.be', '--admin-name', 'Ann'])).rejects.toThrow(
      /already in use; nothing was created/,
    );
    expect(await t.db.selectFrom('organisation').selectAll().execute()).toHaveLength(1);
    expect(await t.db.selectFrom('audit_event').selectAll().execute()).toHaveLength(0);
  });

  it('reset-password prints a one-time link valid for one hour', async () => {
    const org = await t.organisation();
    const id = await t.user(org, { email: 'ann@ocmw.be', isAdmin: true });
    const lines = await run(['reset-password', '--email', 'Ann@OCMW.be']);
    expect(lines[0]).toContain('ann@ocmw.be (valid 1 hour, works once)');
    const link = lines[1]!;
    expect(link).toMatch(/^http:\/\/localhost:3000\/password\/[a-z2-9]{16}\.[a-z2-9]{26}$/);
    const token = await t.db.selectFrom('user_token').selectAll().executeTakeFirstOrThrow();
    expect(token).toMatchObject({ user_id: id, purpose: 'password_reset', expires_at: t.now() + 3_600_000 });
    const audit = await t.db.selectFrom('audit_event').selectAll().executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'password.reset_link_created', organisation_id: org, actor_user_id: null, target_id: String(id) });
    expect((await t.request(new URL(link).pathname)).status).toBe(200);
  });

  it('reset-password fails with exit code 1 for an unknown or disabled account, writing nothing', async () => {
    const org = await t.organisation();
    const id = await t.user(org, { email: 'weg@ocmw.be' });
    await t.db.updateTable('app_user').set({ disabled_at: t.now() }).where('id', '=', id).execute();
    for (const [email, message] of [
      ['nobody@ocmw.be', /no account with e-mail address nobody@ocmw.be/],
      ['weg@ocmw.be', /is disabled/],
    ] as const) {
      const error = await run(['reset-password', '--email', email]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).message).toMatch(message);
      expect((error as CliError).exitCode).toBe(1);
    }
    expect(await t.db.selectFrom('user_token').selectAll().execute()).toHaveLength(0);
    expect(await t.db.selectFrom('audit_event').selectAll().execute()).toHaveLength(0);
  });

  it('list-organisations lists organisations with their users and administrators', async () => {
    expect(await run(['list-organisations'])).toEqual(['No organisations yet.']);
    const a = await t.organisation('OCMW Aa');
    const b = await t.organisation('OCMW Bee');
    await t.user(a, { email: 'a1@ocmw.be', isAdmin: true });
    await t.user(a, { email: 'a2@ocmw.be' });
    expect(await run(['list-organisations'])).toEqual([`${a}\tOCMW Aa\t2 users, 1 administrator`, `${b}\tOCMW Bee\t0 users, 0 administrators`]);
  });

  it('allow-password-signin turns password sign-in back on (audited), and says so when it was on or there is no such organisation', async () => {
    const org = await t.organisation('OCMW Aa');
    await t.db
      .insertInto('sso_provider')
      .values({
        organisation_id: org,
        issuer: 'https://idp.example',
        client_id: 'x',
        client_secret: 'y',
        password_signin: 0,
        created_at: t.now(),
        updated_at: t.now(),
      })
      .execute();
    expect((await run(['allow-password-signin', '--organisation', String(org)]))[0]).toContain('is on again');
    expect((await t.db.selectFrom('sso_provider').select('password_signin').executeTakeFirstOrThrow()).password_signin).toBe(1);
    expect(await t.db.selectFrom('audit_event').select(['action', 'actor_user_id', 'organisation_id']).execute()).toEqual([
      { action: 'sso.password_signin_changed', actor_user_id: null, organisation_id: org },
    ]);
    expect((await run(['allow-password-signin', '--organisation', String(org)]))[0]).toContain('already on');
    await expect(run(['allow-password-signin', '--organisation', '999'])).rejects.toThrow(/no organisation 999/);
  });
});
