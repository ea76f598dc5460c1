import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// E2E_PORT lets two runs (e.g. two engineers' branches on one machine) live side by side.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3999);
export const STATE_FILE = path.join(os.tmpdir(), `sociale-balans-e2e-state-${E2E_PORT}.json`);

/**
 * Starts the real server (the compiled-free tsx entry) on a throwaway database, reads the one-time
 * setup code from its output exactly as an administrator would from the log, and leaves both for
 * the specs in a state file.
 */
export default async function globalSetup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      ...process.env,
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      DATABASE_PATH: path.join(dir, 'e2e.sqlite'),
      PUBLIC_ORIGIN: `http://localhost:${E2E_PORT}`,
      LOG_LEVEL: 'warn',
      SESSION_IDLE_MINUTES: '30',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: false,
  });
  let output = '';
  const code = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 30 s:\n' + output)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /setup code: ([A-Z0-9]+)/.exec(output);
      if (m && output.includes('"msg":"listening"') === false) {
        // listening is logged at info level, which LOG_LEVEL=warn hides; poll health instead.
      }
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
      const res = await fetch(`http://localhost:${E2E_PORT}/healthz`);
      if (res.ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  fs.writeFileSync(STATE_FILE, JSON.stringify({ pid: child.pid, setupCode: code, dir }));
  child.unref();
}
