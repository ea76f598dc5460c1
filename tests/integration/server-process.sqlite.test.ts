import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The real entry point as the IT team starts it: migrations at start, the setup code in the log,
// a bad variable refused in one line, and a clean stop on SIGTERM.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-proc-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function until(check: () => boolean, ms = 20_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('server process', () => {
  it('refuses a bad variable with one line and exit code 78', async () => {
    const p = start({ PORT: 'abc', DATABASE_PATH: path.join(dir, 'never.sqlite') });
    expect(await p.exited).toBe(78);
    expect(p.output().trim()).toBe('Configuration error: PORT must be a whole number between 1 and 65535 (got "abc")');
    expect(fs.existsSync(path.join(dir, 'never.sqlite'))).toBe(false);
  });

  it('creates and migrates the database, prints the setup code, serves, and stops cleanly on SIGTERM', async () => {
    const file = path.join(dir, 'sub', 'app.sqlite');
    const port = 39000 + Math.floor(Math.random() * 1000);
    const p = start({ PORT: String(port), DATABASE_PATH: file });
    await until(() => p.output().includes('"msg":"listening"'));
    expect(p.output()).toMatch(/setup code: [A-Z0-9]{12}/);
    expect(fs.existsSync(file)).toBe(true);
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.output()).toContain('"msg":"shutting down"');
    // Closed cleanly: the WAL was checkpointed and removed.
    expect(fs.existsSync(file + '-wal')).toBe(false);
  });
});
