import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openPostgres } from '../../src/db/postgres.js';
import type { Database } from '../../src/db/schema.js';
import { basic } from '../support/api.js';
import { sessionCookieFrom } from '../support/app.js';
import * as fx from '../support/fixtures.js';
import { startNginx, type Nginx } from '../support/nginx.js';
import { binDir } from '../../scripts/postgres-cluster.js';
import { freePort, startServer, untilUp } from '../support/server-process.js';

// compose.yaml's topology without containers (README, "Shared deployment"): on the test cluster,
// the roles of deploy/postgres-init.sql, the one-shot migration as the owner, two real app
// processes connected as the app role, and Debian's nginx on the shipped deploy/nginx.conf in
// front of them. Everything below goes through nginx, whose access log says which process
// answered ($upstream_addr): requests alternate between the two, and what one process decided
// (a session, a saved setting, a throttled sign-in, an API client's rate limit) holds on the other.
// The steps run in order, as a deployment's first hour would; each builds on the one before.

const PASSWORD = 'paarse olifant fietst traag';
const DATABASE = 'balans'; // as compose.yaml's POSTGRES_DB, which deploy/postgres-init.sql names

let nginx: Nginx;
let servers: ReturnType<typeof startServer>[] = [];
let admin: Kysely<Database>;
let superuser: Kysely<Database>;
let origin: string;

/** The cluster's address parts (its Unix socket folder, port) and a URL for `role` on our database. */
function clusterUrl(role: string, password?: string) {
  const url = new URL(inject('postgresAdminUrl'));
  url.username = role;
  url.password = password ?? '';
  url.pathname = `/${DATABASE}`;
  return url;
}

/** Which process (0 or 1) served each of the access log's lines from `from` on, and their statuses. */
function servedBy(from: number) {
  const ports = servers.map((s) => new URL(s.base).port);
  return nginx
    .accessLog()
    .slice(from)
    .map((line) => {
      // time method uri status upstream_addr request_time; upstream_addr lists every process
      // tried ("a, b" when the first failed): the last one answered.
      const [, method, uri, status, upstreams] = /^\S+ (\S+) (\S+) (\d+) (.+) \S+$/.exec(line)!;
      const answered = upstreams!.split(', ').pop()!;
      return { request: `${method} ${uri}`, status: Number(status), process: ports.indexOf(answered.split(':').pop()!) };
    });
}

/** nginx writes its log line as the request ends, a moment after the client has the answer. */
async function logLines(count: number) {
  for (let i = 0; nginx.accessLog().length < count && i < 100; i++) await new Promise((r) => setTimeout(r, 20));
  return nginx.accessLog().length;
}

/** A request through nginx as a browser on the public origin sends it (Origin on a POST, so CSRF passes). */
function browser(pathname: string, init: { cookie?: string; form?: Record<string, string> } = {}) {
  const headers = new Headers();
  if (init.cookie) headers.set('Cookie', init.cookie);
  if (!init.form) return fetch(`${nginx.base}${pathname}`, { headers, redirect: 'manual' });
  headers.set('Origin', origin);
  headers.set('Content-Type', 'application/x-www-form-urlencoded');
  return fetch(`${nginx.base}${pathname}`, { method: 'POST', headers, body: new URLSearchParams(init.form).toString(), redirect: 'manual' });
}

/** Requests made by `run`, with the process that served each, read from nginx's access log. */
async function through<T>(count: number, run: () => Promise<T>) {
  const before = await logLines(0);
  const result = await run();
  await logLines(before + count);
  return { result, served: servedBy(before) };
}

/** Requests alternate between the two processes, each serves some. */
function expectAlternating(served: { process: number }[]) {
  const order = served.map((s) => s.process);
  expect(new Set(order)).toEqual(new Set([0, 1]));
  order.slice(1).forEach((p, i) => expect(p, `request ${i + 2} of ${order.join(',')}`).not.toBe(order[i]));
}

beforeAll(async () => {
  admin = openPostgres(inject('postgresAdminUrl'), { max: 1 });
  await sql.raw(`CREATE DATABASE ${DATABASE}`).execute(admin);
  // The roles, as the postgres image runs its init scripts: psql on the new database, the
  // passwords from the environment (the test cluster trusts local connections; they are unused).
  const socket = clusterUrl('postgres');
  execFileSync(
    path.join(binDir(), 'psql'),
    [
      '-v',
      'ON_ERROR_STOP=1',
      '--no-psqlrc',
      '-h',
      socket.searchParams.get('host')!,
      '-p',
      socket.port,
      '-U',
      'postgres',
      '-d',
      DATABASE,
      '-f',
      'deploy/postgres-init.sql',
    ],
    { env: { ...process.env, DB_OWNER_PASSWORD: 'owner-placeholder', DB_APP_PASSWORD: 'app-placeholder' }, stdio: 'pipe' },
  );
  const appUrl = clusterUrl('balans_app', 'app-placeholder').toString();
  // compose.yaml's one-shot `migrate` service: the owner migrates, then grants the app role its rights.
  const migrated = execFileSync(process.execPath, ['--import', 'tsx', 'src/db/migrate-cli.ts'], {
    env: { ...process.env, DATABASE_URL: appUrl, MIGRATION_DATABASE_URL: clusterUrl('balans_owner', 'owner-placeholder').toString() },
    encoding: 'utf8',
  });
  expect(migrated).toMatch(/^Applied: /);

  const nginxPort = await freePort();
  origin = `http://127.0.0.1:${nginxPort}`;
  // compose.yaml's app1 and app2: the app role only (no MIGRATION_DATABASE_URL), behind a proxy.
  const env = { PUBLIC_ORIGIN: origin, TRUST_PROXY: 'true', WEB_PROCESSES: '1', MIGRATION_DATABASE_URL: '' };
  servers = [startServer(appUrl, await freePort(), env, { capture: true }), startServer(appUrl, await freePort(), env, { capture: true })];
  for (const s of servers) await untilUp(s.base);
  nginx = await startNginx(
    nginxPort,
    servers.map((s) => new URL(s.base).host),
  );
  superuser = openPostgres(clusterUrl('postgres').toString(), { max: 2 });
}, 120_000);

afterAll(async () => {
  await nginx?.stop();
  for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGTERM');
  await Promise.all(servers.map((s) => s.exited));
  await superuser?.destroy();
  if (admin) {
    await sql.raw(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`).execute(admin);
    await sql`DROP ROLE IF EXISTS balans_owner, balans_app`.execute(admin);
    await admin.destroy();
  }
}, 60_000);

describe('the shared deployment: two app processes behind nginx on one PostgreSQL', () => {
  it('says healthy and ready through nginx; the app processes connect as the app role, not the owner', async () => {
    const { result, served } = await through(2, async () => {
      const healthz = await browser('/healthz');
      const readyz = await browser('/readyz');
      expect(readyz.headers.get('Cache-Control')).toBe('no-store');
      return [await healthz.json(), await readyz.json()];
    });
    expect(result).toEqual([{ status: 'ok' }, { status: 'ready' }]);
    expect(served.map((s) => s.status)).toEqual([200, 200]);
    expectAlternating(served);
    const roles = await sql<{ usename: string }>`select distinct usename from pg_stat_activity where datname = ${DATABASE}`.execute(superuser);
    expect(roles.rows.map((r) => r.usename)).toContain('balans_app');
    expect(roles.rows.map((r) => r.usename)).not.toContain('balans_owner');
  });

  it('the setup code is the same in both processes, and the setup form posted through nginx takes it', async () => {
    const codes = servers.map((s) => /setup code: ([A-Z0-9]{12})/.exec(s.output())?.[1]);
    expect(codes[0]).toMatch(/^[A-Z0-9]{12}$/);
    expect(codes[1]).toBe(codes[0]);
    const { result, served } = await through(2, async () => {
      expect((await browser('/setup')).status).toBe(200);
      return browser('/setup', { form: { code: codes[0]!, organisation: 'OCMW Gedeeld', name: 'Ann Beheer', email: 'ann@ocmw.be', password: PASSWORD } });
    });
    expect(result.status).toBe(303);
    expect(result.headers.get('Location')).toBe('/account/two-factor/setup');
    expectAlternating(served);
    expect((await browser('/setup')).headers.get('Location')).toBe('/signin');
  });

  it('a worker signs in; the following requests alternate between the processes and stay signed in; a write on one is read on the other', async () => {
    const org = await fx.organisation(superuser, Date.now(), { name: 'OCMW Samen' });
    const team = await fx.team(superuser, Date.now(), org, 'Team Noord');
    await fx.user(superuser, Date.now(), org, { email: 'marie@ocmw.be', password: PASSWORD, teams: [{ teamId: team, role: 'worker' }] });

    const signIn = await through(2, async () => {
      const page = await browser('/signin');
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('name="password"');
      return browser('/signin', { form: { email: 'marie@ocmw.be', password: PASSWORD } });
    });
    expect(signIn.result.status).toBe(303);
    const cookie = sessionCookieFrom(signIn.result)!;
    expect(cookie).toBeDefined();

    const pages = await through(4, async () => {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await browser('/account', { cookie })).status);
      return statuses;
    });
    expect(pages.result).toEqual([200, 200, 200, 200]);
    expectAlternating([...signIn.served, ...pages.served]);

    // The language saved through one process is the page's language on the other.
    const saved = await through(2, async () => {
      const post = await browser('/account/language', { cookie, form: { locale: 'fr' } });
      expect(post.status).toBe(303);
      return (await browser('/account', { cookie })).text();
    });
    expect(saved.result).toContain('<html lang="fr-BE"');
    expectAlternating(saved.served);
  });

  it('the sign-in throttle counts the failures made through both processes, and locks the account on both', async () => {
    const org = (await superuser.selectFrom('organisation').select('id').where('name', '=', 'OCMW Samen').executeTakeFirstOrThrow()).id;
    const team = (await superuser.selectFrom('team').select('id').where('organisation_id', '=', org).executeTakeFirstOrThrow()).id;
    await fx.user(superuser, Date.now(), org, { email: 'jan@ocmw.be', password: PASSWORD, teams: [{ teamId: team, role: 'worker' }] });
    const { result, served } = await through(7, async () => {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await browser('/signin', { form: { email: 'jan@ocmw.be', password: `fout wachtwoord ${i}` } })).status);
      // The right password now, once on each process: locked on both.
      for (let i = 0; i < 2; i++) statuses.push((await browser('/signin', { form: { email: 'jan@ocmw.be', password: PASSWORD } })).status);
      return statuses;
    });
    expect(result).toEqual([422, 422, 422, 422, 422, 429, 429]);
    expectAlternating(served);
  });

  it("an API client's rate limit counts the calls made through both processes", async () => {
    const org = (await superuser.selectFrom('organisation').select('id').where('name', '=', 'OCMW Samen').executeTakeFirstOrThrow()).id;
    const cred = await fx.apiClient(superuser, Date.now(), org, { rateLimitPerMinute: 4 });
    const { result, served } = await through(6, async () => {
      const token = await fetch(`${nginx.base}/api/oauth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: basic(cred) },
        body: 'grant_type=client_credentials',
      });
      expect(token.status).toBe(200);
      const { access_token } = (await token.json()) as { access_token: string };
      const statuses = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await fetch(`${nginx.base}/api/v1/catalogue`, { headers: { Authorization: `Bearer ${access_token}` } })).status);
      return statuses;
    });
    // The token was call 1 of 4 in the minute: three more, then refused, whichever process answers.
    expect(result).toEqual([200, 200, 200, 429, 429]);
    expectAlternating(served);
  });

  it('when one process stops, nginx sends every request to the other, still signed in', async () => {
    const cookie = sessionCookieFrom(await browser('/signin', { form: { email: 'marie@ocmw.be', password: PASSWORD } }))!;
    servers[1]!.child.kill('SIGTERM');
    await servers[1]!.exited;
    const { result, served } = await through(4, async () => {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await browser('/account', { cookie })).status);
      statuses.push((await browser('/readyz')).status);
      return statuses;
    });
    expect(result).toEqual([200, 200, 200, 200]);
    expect(served.map((s) => s.process)).toEqual([0, 0, 0, 0]);
  });
});
