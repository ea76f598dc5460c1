import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { AppEnv } from './env.js';
import { addVary, wantsFragment } from './htmx.js';
import { SECRET_PAGE_CACHE_CONTROL } from './compression.js';

/**
 * Renders a full page, or only `fragment` when htmx asked for a partial swap. Pages include their
 * fragments as ordinary components, so both paths render the same markup.
 * `secret`: the page shows a lasting secret (a key, recovery codes, a one-time link), so it is sent
 * uncompressed (BREACH, see src/http/compression.ts).
 */
export function render<E extends AppEnv>(
  c: Context<E>,
  page: () => JSX.Element,
  opts: { fragment?: () => JSX.Element; status?: ContentfulStatusCode; secret?: boolean } = {},
) {
  const status = opts.status ?? 200;
  // Every refused form is answered with 422 and this function, so the page's title learns it here
  // rather than from a flag each page would have to remember (ui(c) reads it while page() runs).
  if (status === 422) c.set('formRefused', true);
  const body = opts.fragment && wantsFragment(c) ? String(opts.fragment()) : '<!doctype html>' + String(page());
  const res = c.html(body, status);
  addVary(c);
  if (opts.secret) res.headers.set('Cache-Control', SECRET_PAGE_CACHE_CONTROL);
  return res;
}
