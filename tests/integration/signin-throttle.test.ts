import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { createLogger } from '../../src/http/logger.js';
import { hashPassword } from '../../src/auth/password.js';
import { createOrganisation, createUser } from '../../src/auth/queries.js';
import { makeTestApp, ORIGIN, sessionCookieFrom, type TestApp } from '../support/app.js';
import { openSharedTestDatabases } from '../support/test-database.js';

// The sign-in lock must hold however many attempts arrive at once: an attempt is counted before
// its password is checked, in one statement, so at most the allowed number is ever checked.
// "Checked" is counted from the audit log: a checked wrong password writes `signin.failure`, a
// refused attempt `signin.locked` (the hash is never computed for it).

const GOOD_PASSWORD = 'paarse olifant fietst traag';
const ACCOUNT_LIMIT = 5; // 4 free failures, the 5th is checked and locks
const ADDRESS_LIMIT = 20; // 19 free failures, the 20th is checked and locks

async function auditCounts(db: TestApp['db']) {
  const rows = await db.selectFrom('audit_event').select(['action']).execute();
  const count = (a: string) => rows.filter((r) => r.action === a).length;
  return { failure: count('signin.failure'), locked: count('signin.locked'), success: count('signin.success') };
}

describe('one app, parallel attempts', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await makeTestApp({ trustProxy: true });
    const org = await t.organisation();
    await t.user(org, { email: 'marie@ocmw.be', password: GOOD_PASSWORD });
  });
  afterEach(async () => {
    await t.close();
  });

  const attempt = (email: string, password: string, address: string) =>
    t.request('/signin', { form: { email, password }, headers: { 'X-Forwarded-For': address } });

  it('100 parallel wrong passwords on one account: at most 5 are checked, the rest get the lock message', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt('marie@ocmw.be', `verkeerd wachtwoord ${i}`, `10.0.${i}.1`)));
    const counts = await auditCounts(t.db);
    expect(counts.failure).toBeLessThanOrEqual(ACCOUNT_LIMIT);
    expect(counts.failure + counts.locked).toBe(100);
    expect(answers.filter((r) => r.status === 422)).toHaveLength(counts.failure);
    const locked = answers.filter((r) => r.status === 429);
    expect(locked).toHaveLength(counts.locked);
    expect(await locked[0]!.text()).toContain('Te veel mislukte pogingen');
    // And the right password is refused as well while the lock lasts.
    expect((await attempt('marie@ocmw.be', GOOD_PASSWORD, '10.9.9.9')).status).toBe(429);
  });

  it('100 parallel attempts on different accounts from one address: at most 20 are checked', async () => {
    await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(`persoon${i}@ocmw.be`, `verkeerd wachtwoord ${i}`, '192.0.2.7')));
    const counts = await auditCounts(t.db);
    expect(counts.failure).toBeLessThanOrEqual(ADDRESS_LIMIT);
    expect(counts.failure + counts.locked).toBe(100);
    // A refused attempt leaves no counter behind for the account it named.
    const rows = await t.db.selectFrom('signin_throttle').select(['key', 'failures']).execute();
    expect(rows.filter((r) => r.key.startsWith('acct:') && r.failures > 0)).toHaveLength(counts.failure);
  });

  it('100 parallel wrong codes at the second step: at most 5 are checked', async () => {
    await t.db
      .updateTable('app_user')
      .set({ totp_key: Buffer.alloc(20, 1), totp_enabled_at: t.now() })
      .execute();
    const signin = await attempt('marie@ocmw.be', GOOD_PASSWORD, '10.2.0.1');
    expect(signin.headers.get('Location')).toMatch(/^\/signin\/two-factor/);
    const cookie = sessionCookieFrom(signin)!;
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        t.request('/signin/two-factor', {
          cookie,
          form: { method: 'recovery', recovery: `wrong-${String(i).padStart(5, '0')}` },
          headers: { 'X-Forwarded-For': `10.2.${i}.2` },
        }),
      ),
    );
    const failures = (await t.db.selectFrom('audit_event').select('id').where('action', '=', 'twofactor.failure').execute()).length;
    expect(failures).toBeLessThanOrEqual(ACCOUNT_LIMIT);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(100 - failures);
  });

  it('100 parallel wrong current passwords on the account page: at most 5 are checked, and sign-in is locked too', async () => {
    const userId = (await t.db.selectFrom('app_user').select('id').executeTakeFirstOrThrow()).id;
    const cookie = await t.sessionCookie(userId);
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        t.request('/account/password', {
          cookie,
          form: { current: `verkeerd wachtwoord ${i}`, password: 'een heel nieuw wachtwoord' },
          headers: { 'X-Forwarded-For': `10.3.${i}.3` },
        }),
      ),
    );
    const checked = answers.filter((r) => r.status === 422);
    expect(checked.length).toBeLessThanOrEqual(ACCOUNT_LIMIT);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(100 - checked.length);
    expect(await checked[0]!.text()).toContain('Je huidige wachtwoord klopt niet');
    expect((await attempt('marie@ocmw.be', GOOD_PASSWORD, '10.9.9.9')).status).toBe(429);
  });

  it('keeps the schedule: 4 free failures, then 30 s, then 1 min; forgotten after 24 hours', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('marie@ocmw.be', `fout ${i} wachtwoord`, '10.1.1.1')).status).toBe(422);
    expect((await attempt('marie@ocmw.be', GOOD_PASSWORD, '10.1.1.1')).status).toBe(429);
    t.advance(31_000);
    expect((await attempt('marie@ocmw.be', 'fout 6 wachtwoord', '10.1.1.1')).status).toBe(422);
    t.advance(31_000);
    const longer = await attempt('marie@ocmw.be', GOOD_PASSWORD, '10.1.1.1');
    expect(longer.status).toBe(429);
    expect(await longer.text()).toContain('over 1 minuut');
    t.advance(24 * 3_600_000);
    // After a day without failures the count starts again: 4 free failures before any lock.
    for (let i = 0; i < 4; i++) expect((await attempt('marie@ocmw.be', `fout ${i} later`, '10.1.1.1')).status).toBe(422);
    expect((await attempt('marie@ocmw.be', GOOD_PASSWORD, '10.1.1.1')).status).toBe(303);
  });

  it('a success clears the account counter but only gives back its own place on the shared address', async () => {
    for (let i = 0; i < 3; i++) await attempt('marie@ocmw.be', `fout ${i} wachtwoord`, '192.0.2.8');
    expect((await attempt('marie@ocmw.be', GOOD_PASSWORD, '192.0.2.8')).status).toBe(303);
    const rows = await t.db.selectFrom('signin_throttle').select(['key', 'failures']).execute();
    expect(rows.filter((r) => r.key.startsWith('acct:'))).toHaveLength(0);
    expect(rows.filter((r) => r.key.startsWith('ip:')).map((r) => r.failures)).toEqual([3]);
  });
});

describe('two apps on one database (as two processes would share it)', () => {
  let closers: (() => Promise<void>)[] = [];
  beforeEach(() => {
    closers = [];
  });
  afterEach(async () => {
    for (const close of closers) await close();
  });

  async function twoApps() {
    const shared = await openSharedTestDatabases(2);
    closers.push(() => shared.close());
    const [first, second] = shared.dbs.map((db) => ({ db }));
    if (!first || !second) throw new Error('two databases expected');
    const now = Date.UTC(2026, 10, 22, 9, 0, 0);
    const orgId = await first.db.transaction().execute((trx) => createOrganisation(trx, 'OCMW Teststad', now));
    await createUser(
      first.db,
      { organisationId: orgId, email: 'marie@ocmw.be', displayName: 'Marie', passwordHash: await hashPassword(GOOD_PASSWORD), isAdmin: false },
      now,
    );
    const config = testConfig({ publicOrigin: ORIGIN });
    const apps = [first, second].map(({ db }) => createApp({ db, config, logger: createLogger('silent'), now: () => now }));
    const attempt = (i: number, password: string) =>
      apps[i % 2]!.request('/signin', {
        method: 'POST',
        headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: 'marie@ocmw.be', password }).toString(),
      });
    return { db: first.db, attempt };
  }

  it('alternating parallel wrong passwords between the two: at most 5 are checked in all', async () => {
    const { db, attempt } = await twoApps();
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(i, `verkeerd wachtwoord ${i}`)));
    const counts = await auditCounts(db);
    expect(counts.failure).toBeLessThanOrEqual(ACCOUNT_LIMIT);
    expect(counts.failure + counts.locked).toBe(40);
    expect(answers.filter((r) => r.status === 429).length).toBe(counts.locked);
  });

  it('alternating one at a time: the lock set through one app holds in the other', async () => {
    const { attempt } = await twoApps();
    for (let i = 0; i < 5; i++) expect((await attempt(i, `verkeerd wachtwoord ${i}`)).status).toBe(422);
    expect((await attempt(5, GOOD_PASSWORD)).status).toBe(429);
    expect((await attempt(6, GOOD_PASSWORD)).status).toBe(429);
  });
});
