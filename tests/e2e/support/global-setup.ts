import { spawn, spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { startIdp } from '../../support/oidc.js';
import { startCluster } from '../../../scripts/postgres-cluster.js';
import { openPostgres } from '../../../src/db/postgres.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// E2E_PORT lets two runs (e.g. two engineers' branches on one machine) live side by side.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3999);
/** The second server, on PostgreSQL, for the `postgres` project (playwright.config.ts). */
export const E2E_POSTGRES_PORT = E2E_PORT + 1;

// What the setup hands the specs travels in the environment (Playwright gives the workers what the
// global setup put in process.env): no state file, and nothing a spec leaves for the next one.
const DATABASE_PATH_VAR = 'SB_E2E_DATABASE_PATH';
const SETUP_CODE_VAR = 'SB_E2E_SETUP_CODE';
const IDP_VAR = 'SB_E2E_IDP';
const DATABASE_URL_VAR = 'SB_E2E_DATABASE_URL';

function fromSetup(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the specs through the Playwright config (its global setup starts the server)`);
  return value;
}

/** The e2e server's database file (the seeding fixture writes to it, spec 08 reads it back). */
export const e2eDatabasePath = () => fromSetup(DATABASE_PATH_VAR);

/** The PostgreSQL server's database (the seeding fixture of the `postgres` project writes to it). */
export const e2eDatabaseUrl = () => fromSetup(DATABASE_URL_VAR);

/** The one-time setup code the server printed in its log (spec 01 types it). */
export const e2eSetupCode = () => fromSetup(SETUP_CODE_VAR);

/** The identity provider the single sign-on spec signs in at (https, a certificate the server trusts). */
export const e2eIdp = () => JSON.parse(fromSetup(IDP_VAR)) as { issuer: string; clientId: string; clientSecret: string };

/**
 * A certificate for 127.0.0.1 made for this run (openssl, as on any Debian host): the identity
 * provider serves https with it, and only the server under test is told to trust it
 * (NODE_EXTRA_CA_CERTS). Nothing in the application is relaxed for the test.
 */
function testCertificate(dir: string): { key: string; cert: string; certPath: string } {
  const keyPath = path.join(dir, 'idp-key.pem');
  const certPath = path.join(dir, 'idp-cert.pem');
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`openssl could not make the test certificate: ${made.stderr || made.error?.message}`);
  return { key: fs.readFileSync(keyPath, 'utf8'), cert: fs.readFileSync(certPath, 'utf8'), certPath };
}

/** Starts the real server (the compiled-free tsx entry) and waits until it answers; resolves with its setup code. */
async function startServer(env: Record<string, string>, port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_ORIGIN: `http://localhost:${port}`,
      // Clients open their links on another name of the same server (spec 10).
      CLIENT_ORIGIN: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      SESSION_IDLE_MINUTES: '30',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: false,
  });
  let output = '';
  const code = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 30 s:\n' + output)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // "listening" is logged at info level, which LOG_LEVEL=warn hides: health is polled below.
      const m = /setup code: ([A-Z0-9]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (c) => reject(new Error(`server exited with ${c}:\n${output}`)));
  });
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://localhost:${port}/healthz`);
      if (res.ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.unref();
  const stop = async () => {
    child.removeAllListeners('exit');
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  return { code, stop };
}

/**
 * Starts the real server on a throwaway SQLite database and reads the one-time setup code from its
 * output exactly as an administrator would from the log; and a second server on a throwaway
 * PostgreSQL cluster for the `postgres` project (one journey, playwright.config.ts). Returns the
 * teardown: stop the servers and the cluster, remove the database.
 */
export default async function globalSetup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-e2e-'));
  const databasePath = path.join(dir, 'e2e.sqlite');
  const tls = testCertificate(dir);
  const idp = await startIdp({ redirectUri: `http://localhost:${E2E_PORT}/signin/sso/callback`, tls, signInAsHint: true });
  const sqliteServer = await startServer({ NODE_EXTRA_CA_CERTS: tls.certPath, DATABASE_PATH: databasePath }, E2E_PORT);

  const cluster = await startCluster();
  const admin = openPostgres(cluster.adminUrl, { max: 1 });
  // As production runs it (README, "PostgreSQL"): the server migrates as the owner of the tables
  // and serves as a role that owns nothing and is held by the organisation wall. The seeding
  // fixture writes as the superuser (databaseUrl).
  await sql`CREATE ROLE sb_owner LOGIN`.execute(admin);
  await sql`CREATE ROLE sb_app LOGIN`.execute(admin);
  await sql`CREATE DATABASE e2e OWNER sb_owner`.execute(admin);
  await admin.destroy();
  const databaseUrl = cluster.urlFor('e2e');
  const as = (role: string) => Object.assign(new URL(databaseUrl), { username: role }).toString();
  const postgresServer = await startServer({ DATABASE_URL: as('sb_app'), MIGRATION_DATABASE_URL: as('sb_owner') }, E2E_POSTGRES_PORT);

  process.env[DATABASE_PATH_VAR] = databasePath;
  process.env[DATABASE_URL_VAR] = databaseUrl;
  process.env[SETUP_CODE_VAR] = sqliteServer.code;
  process.env[IDP_VAR] = JSON.stringify({ issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret });

  return async () => {
    await Promise.all([sqliteServer.stop(), postgresServer.stop()]);
    await idp.close();
    await cluster.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
