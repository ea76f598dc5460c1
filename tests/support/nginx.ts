import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Debian's nginx (`/usr/sbin/nginx`, package nginx; .ci/run installs it) run by the test as the
// current user on the shipped deploy/nginx.conf, the file compose.yaml mounts into the official
// nginx image. Only the lines that file marks "replaced in the test" change: where nginx listens,
// the upstream servers, and the paths (pid, logs, temp files) which become a temporary folder.

export const NGINX = '/usr/sbin/nginx';
const SHIPPED = path.resolve('deploy/nginx.conf');
const MARK = '# replaced in the test';

export interface Nginx {
  base: string;
  /** The access log's lines so far (deploy/nginx.conf's `balans` format). */
  accessLog(): string[];
  stop(): Promise<void>;
}

/**
 * deploy/nginx.conf with its marked lines replaced. Every marked line must match one rule, and
 * every rule must be used as often as expected, so a change to the shipped file that this
 * generator would silently miss fails the test instead.
 */
export function nginxConfig(opts: { port: number; upstreams: string[]; dir: string }): string {
  const upstreams = [...opts.upstreams];
  const rules: { pattern: RegExp; times: number; replace: (m: RegExpMatchArray) => string }[] = [
    // As root, the workers run as root too (the image's `nginx` user does not exist on Debian);
    // otherwise nginx ignores `user` and runs as whoever started it.
    { pattern: /^(\s*)user \S+;/, times: 1, replace: (m) => (process.getuid?.() === 0 ? `${m[1]}user root;` : '') },
    { pattern: /^(\s*)pid \S+;/, times: 1, replace: (m) => `${m[1]}pid ${opts.dir}/nginx.pid;` },
    { pattern: /^(\s*)error_log \S+ (\w+);/, times: 1, replace: (m) => `${m[1]}error_log ${opts.dir}/error.log ${m[2]};` },
    { pattern: /^(\s*)access_log \S+ (\w+);/, times: 1, replace: (m) => `${m[1]}access_log ${opts.dir}/access.log ${m[2]};` },
    { pattern: /^(\s*)(\w+_temp_path) \/var\/cache\/nginx\/(\w+);/, times: 5, replace: (m) => `${m[1]}${m[2]} ${opts.dir}/${m[3]};` },
    { pattern: /^(\s*)server \S+:3000( .*)?;/, times: opts.upstreams.length, replace: (m) => `${m[1]}server ${upstreams.shift()}${m[2] ?? ''};` },
    { pattern: /^(\s*)listen 80;/, times: 1, replace: (m) => `${m[1]}listen 127.0.0.1:${opts.port};` },
  ];
  const used = rules.map(() => 0);
  const lines = fs
    .readFileSync(SHIPPED, 'utf8')
    .split('\n')
    .map((line) => {
      if (!line.includes(MARK)) return line;
      const i = rules.findIndex((r) => r.pattern.test(line));
      if (i < 0) throw new Error(`deploy/nginx.conf: no rule to replace "${line.trim()}" for the test`);
      used[i]!++;
      return rules[i]!.replace(line.match(rules[i]!.pattern)!);
    });
  rules.forEach((r, i) => {
    if (used[i] !== r.times) throw new Error(`deploy/nginx.conf: ${r.pattern} matched ${used[i]} marked lines, expected ${r.times}`);
  });
  return lines.join('\n');
}

/** Starts nginx in the foreground on `port`, in front of `upstreams` (host:port), and waits until it answers /healthz. */
export async function startNginx(port: number, upstreams: string[]): Promise<Nginx> {
  if (!fs.existsSync(NGINX)) throw new Error(`nginx not found at ${NGINX}: install Debian's "nginx" package (.ci/run does)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-nginx-'));
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(conf, nginxConfig({ port, upstreams, dir }));
  // -e: the error log from the first moment, before the configuration (and its error_log) is read.
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', conf, '-e', path.join(dir, 'error.log'), '-g', 'daemon off;'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const errors = () => (fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : '');
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx ended at start:\n${errors()}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (i > 300) throw new Error(`nginx did not answer:\n${errors()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base,
    accessLog: () => fs.readFileSync(path.join(dir, 'access.log'), 'utf8').split('\n').filter(Boolean),
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGQUIT'); // graceful: the workers finish what they serve
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
