import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { AppEnv } from './env.js';

/**
 * Static files are few and small, so they are read once at start and served from memory with a
 * content hash in the URL (`/static/css/app.css?v=ab12cd`): browsers may cache them for a year,
 * a new release changes the hash. No path from the request ever reaches the file system.
 * htmx comes from node_modules (never a CDN: OCMW networks have no outbound internet).
 */
const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + start);
    dir = parent;
  }
  return dir;
}

interface Asset {
  body: Buffer;
  type: string;
  hash: string;
  gzip: Buffer | null;
}
const types: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const COMPRESSIBLE = /^(text\/|image\/svg)/;

function load(file: string): Asset {
  const body = fs.readFileSync(file);
  const type = types[path.extname(file)] ?? 'application/octet-stream';
  // Text assets are gzipped once here (best compression, paid once) instead of on every request.
  const gzip = COMPRESSIBLE.test(type) && body.length > 1024 ? gzipSync(body, { level: 9 }) : null;
  return { body, type, hash: createHash('sha256').update(body).digest('hex').slice(0, 12), gzip };
}

/** Whether the Accept-Encoding header allows gzip (`gzip;q=0` forbids it). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

function walk(dir: string, base = dir, out = new Map<string, Asset>()): Map<string, Asset> {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, base, out);
    else out.set(path.relative(base, full).split(path.sep).join('/'), load(full));
  }
  return out;
}

const assets = walk(path.join(projectRoot, 'public'));
const require = createRequire(import.meta.url);
assets.set('vendor/htmx.min.js', load(path.join(path.dirname(require.resolve('htmx.org/package.json')), 'dist/htmx.min.js')));

/** URL of a static file, with its content hash for cache busting. */
export function asset(name: string): string {
  const a = assets.get(name);
  if (!a) throw new Error(`unknown static asset ${name}`);
  return `/static/${name}?v=${a.hash}`;
}

/** A week: browsers ask for /favicon.ico by that fixed name, so it cannot carry a content hash. */
const UNVERSIONED_MAX_AGE = 7 * 24 * 3600;

/** One asset, gzipped (prepared at start) when it has a gzip form and the browser accepts it. */
function serve(a: Asset, cacheControl: string, acceptEncoding: string | undefined): Response {
  const gzip = a.gzip !== null && acceptsGzip(acceptEncoding);
  const headers: Record<string, string> = {
    'Content-Type': a.type,
    'Cache-Control': cacheControl,
    ETag: gzip ? `W/"${a.hash}"` : `"${a.hash}"`,
  };
  if (a.gzip) headers.Vary = 'Accept-Encoding';
  if (gzip) headers['Content-Encoding'] = 'gzip';
  return new Response(new Uint8Array(gzip ? a.gzip! : a.body), { status: 200, headers });
}

export const staticRoutes = new Hono<AppEnv>()
  .get('/static/*', (c) => {
    const name = c.req.path.slice('/static/'.length);
    const a = assets.get(name);
    if (!a) return c.notFound();
    const immutable = c.req.query('v') === a.hash;
    return serve(a, immutable ? 'public, max-age=31536000, immutable' : 'no-cache', c.req.header('Accept-Encoding'));
  })
  // Browsers (and the layout's <link rel="icon">) ask for it at the root; public/favicon.ico is a
  // 32x32 PNG in an ICO container, public/img/icon.svg the same drawing for browsers that take SVG.
  .get('/favicon.ico', (c) => serve(assets.get('favicon.ico')!, `public, max-age=${UNVERSIONED_MAX_AGE}`, c.req.header('Accept-Encoding')));

export { projectRoot };
