import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

// A throwaway PostgreSQL cluster: initdb in a temporary folder, its own port on 127.0.0.1, no
// system service. Used by the test runs (vitest's postgres project, the e2e journey on PostgreSQL)
// with fsync off: a test database that a power cut loses is simply made again. The benchmarks
// (`npm run bench -- --postgres`) ask for a durable one: fsync, synchronous_commit and
// full_page_writes left at PostgreSQL's defaults (on), so a commit waits for its WAL flush as a
// production server's does, and as the SQLite file's does with synchronous=FULL. Needs Debian's
// `postgresql` package (.ci/run installs it); PG_BIN points elsewhere if needed.

export interface Cluster {
  /** Superuser URL of the cluster's `postgres` database (through the Unix socket). */
  adminUrl: string;
  /**
   * A URL for database `name` on this cluster: through the Unix socket in the cluster's folder
   * (the default: a round trip costs less, and the tests make many small ones), or over TCP on
   * 127.0.0.1, as app processes reach a database server over the network.
   */
  urlFor(name: string, via?: 'socket' | 'tcp'): string;
  /** The process started for the cluster (as root `runuser`, whose child is the postmaster): its CPU with its children's is the cluster's. */
  pid: number;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  /** Commits survive a power cut (fsync on): for measurements. Off by default, for tests. */
  durable?: boolean;
}

/** The folder of Debian's PostgreSQL programs (initdb, postgres, psql), newest version first. */
export function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('PostgreSQL not found: install Debian\'s "postgresql" package (see README, "Tests") or set PG_BIN');
  return path.join(root, newest, 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: as root, the cluster belongs to and runs as `postgres`. */
function asClusterUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const bin = binDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-pg-'));
  const data = path.join(dir, 'data');
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:', dir]);
  const [initdb, initArgs] = asClusterUser(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    // Code point order, as SQLite's BINARY collation sorts text.
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  execFileSync(initdb, initArgs, { stdio: 'pipe' });
  const port = await freePort();
  const [postgres, args] = asClusterUser(path.join(bin, 'postgres'), [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    ...(options.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    '-c',
    'max_connections=300',
    '-c',
    'shared_buffers=128MB',
  ]);
  const child: ChildProcess = spawn(postgres, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: false });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => {
    if (log.length < 20_000) log += d.toString();
  });
  const urlFor = (name: string, via: 'socket' | 'tcp' = 'socket') =>
    via === 'tcp' ? `postgres://postgres@127.0.0.1:${port}/${name}` : `postgres://postgres@localhost:${port}/${name}?host=${encodeURIComponent(dir)}`;
  const adminUrl = urlFor('postgres');
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new pg.Client({ connectionString: adminUrl });
    try {
      await client.connect();
      await client.end();
      break;
    } catch {
      await client.end().catch(() => undefined);
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`PostgreSQL did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    adminUrl,
    urlFor,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        // Through pg_ctl, not a signal to our child: as root that child is runuser, not postgres.
        const [pgCtl, stopArgs] = asClusterUser(path.join(bin, 'pg_ctl'), ['-D', data, 'stop', '-m', 'immediate']);
        execFileSync(pgCtl, stopArgs, { stdio: 'ignore' });
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
