import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { freePort, untilUp } from '../support/server-process.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

// The real entry point on PostgreSQL (DATABASE_URL), as a shared deployment starts it: several
// app processes, each its own `node src/server.ts`, started at the same moment on one empty
// database. Each of them comes up, the migrations are applied once, and each stops cleanly on SIGTERM.

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

function start(url: string, port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', WEB_PROCESSES: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output, base: `http://127.0.0.1:${port}` };
}

describe('server processes on PostgreSQL', () => {
  it('three started together on an empty database all serve; the migrations ran once; SIGTERM stops each cleanly', async () => {
    database = await openTestDatabase('template0');
    const ports = [await freePort(), await freePort(), await freePort()];
    const servers = ports.map((port) => start(database!.url!, port));
    try {
      for (const s of servers) await untilUp(s.base);
      for (const s of servers) expect((await fetch(`${s.base}/healthz`)).status).toBe(200);
      const recorded = await database.db
        .selectFrom('kysely_migration' as never)
        .select('name' as never)
        .execute();
      expect(recorded).toHaveLength(Object.keys(migrations).length);
      // No user yet: each process announces the setup code, the same one, so whichever process
      // the setup form reaches accepts the code read in any process's log.
      const codes = servers.map((s) => /setup code: ([A-Z0-9]{12})/.exec(s.output())?.[1]);
      expect(codes[0]).toBeDefined();
      expect(new Set(codes)).toEqual(new Set([codes[0]]));
    } finally {
      for (const s of servers) s.child.kill('SIGTERM');
    }
    for (const s of servers) expect(await s.exited).toBe(0);
    for (const s of servers) expect(s.output()).toContain('"msg":"shutting down"');
  }, 60_000);
});
